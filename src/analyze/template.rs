//! Templates meet scripts: server-template outputs inside scripts (`{{ customer.email }}`),
//! framework bindings of form fields (`v-model`, `bind:value`, `[(ngModel)]`, `value={x}`) and
//! template expressions evaluated in the component's scope.

use super::engine::{unwrap_expr, Engine};
use super::value::*;
use crate::catalog::{CategoryId, NameSite, Names};
use crate::extract::ElementFact;
use crate::parse::to_span;
use crate::source::ByteSpan;
use std::rc::Rc;
use swc_ecma_ast::*;

/// Classifies a printed or bound expression by its last name and its owner:
/// `customer.email`, `$order->getCustomerEmail()`, `Model.Email`, `Auth::user()->email`.
pub(super) fn classify_expr(names: &Names, expr: &str) -> Option<CategoryId> {
    let idents: Vec<&str> = expr
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map(|s| s.trim_start_matches('$'))
        .filter(|s| !s.is_empty() && !s.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let (last, owner) = match idents.as_slice() {
        [] => return None,
        [one] => (*one, None),
        [.., owner, last] => (*last, Some(*owner)),
    };
    names
        .classify(last, owner, NameSite::Code)
        .map(|m| m.category)
}

/// `this.form.email`, `form.value.email`, `email.value`, `user?.email` -> `form.email`, `email`,
/// `user.email`: the spelling a binding and a script read share.
pub(super) fn normalize_path(path: &str) -> String {
    let cleaned: String = path
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '?' && *c != '!')
        .collect();
    let mut segs: Vec<&str> = cleaned.split('.').filter(|s| !s.is_empty()).collect();
    if matches!(
        segs.first(),
        Some(&"this") | Some(&"$data") | Some(&"vm") | Some(&"$ctrl")
    ) {
        segs.remove(0);
    }
    // Vue refs hold the value in `.value`.
    segs.retain(|s| *s != "value");
    segs.join(".")
}

/// The dotted path of an expression made of names: `this.form.email`, `emailRef.current`.
pub(super) fn expr_path(e: &Expr) -> Option<String> {
    match unwrap_expr(e) {
        Expr::Ident(i) => Some(i.sym.to_string()),
        Expr::This(_) => Some("this".into()),
        Expr::Member(m) => match &m.prop {
            MemberProp::Ident(p) => Some(format!("{}.{}", expr_path(&m.obj)?, p.sym)),
            _ => None,
        },
        Expr::OptChain(o) => match &*o.base {
            OptChainBase::Member(m) => match &m.prop {
                MemberProp::Ident(p) => Some(format!("{}.{}", expr_path(&m.obj)?, p.sym)),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Engine<'a> {
    /// Registers the bindings of this file's (and a paired template's) elements.
    pub(super) fn add_bindings(&mut self, elements: &[ElementFact]) {
        for el in elements {
            let Some(binding) = &el.binding else { continue };
            let path = normalize_path(binding);
            if path.is_empty() {
                continue;
            }
            let category = super::sources::element_category(&self.cat.names, el).or_else(|| {
                let last = path.rsplit('.').next().unwrap_or(&path);
                self.cat
                    .names
                    .classify(last, None, NameSite::Field)
                    .map(|m| m.category)
            });
            if let Some(category) = category {
                let desc: Rc<str> =
                    format!("the value of {} bound to `{binding}`", el.describe()).into();
                self.bound.entry(path).or_insert((category, desc));
            }
        }
    }

    pub(super) fn add_elements(&mut self, elements: &[ElementFact]) {
        self.elements.extend(elements.iter().cloned());
        self.add_bindings(elements);
    }

    /// A read of a bound path (`form.email` bound by `v-model`) is a read of the field.
    pub(super) fn bound_read(&mut self, e: &Expr, value: &mut Value) {
        if self.bound.is_empty() {
            return;
        }
        let Some(path) = expr_path(e) else { return };
        let Some((category, desc)) = self.bound.get(&normalize_path(&path)).cloned() else {
            return;
        };
        // `email.value` on a ref already carries the read of `email`.
        if value
            .taint
            .iter()
            .any(|l| matches!(l.origin, Origin::Source(id) if self.source_desc(id) == &*desc))
        {
            return;
        }
        let span = to_span(swc_common::Spanned::span(e));
        let label = self.new_source(span, category, desc.to_string(), false);
        value.add_label(label);
    }

    /// A server-template placeholder identifier stands for the printed expression.
    pub(super) fn placeholder_source(&mut self, name: &str, span: ByteSpan) -> Option<Label> {
        let interp = *self.interpolations.get(name)?;
        let category = classify_expr(&self.cat.names, &interp.expr)?;
        let tag = self
            .text
            .get(interp.span.start as usize..interp.span.end as usize)
            .unwrap_or(&interp.expr);
        let desc = format!(
            "{} output `{}`",
            interp.dialect,
            crate::source::snippet(tag, ByteSpan::new(0, tag.len() as u32), 60)
        );
        let _ = span;
        Some(self.new_source(interp.span, category, desc, false))
    }

    /// Placeholders inside a string literal: `'{{ customer.email }}'` in a script.
    pub(super) fn string_placeholders(&mut self, s: &str) -> Vec<Label> {
        if self.interpolations.is_empty() || !s.contains("_$") {
            return Vec::new();
        }
        let mut out = Vec::new();
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(pos) = s[i..].find("_$") {
            let start = i + pos;
            let mut end = start + 2;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            while end < bytes.len() && bytes[end] == b'_' {
                end += 1;
            }
            if let Some(label) = self.placeholder_source(&s[start..end], ByteSpan::default()) {
                out.push(label);
            }
            i = end.max(start + 2);
        }
        out
    }

    /// A framework template expression, in the component's scope: `@click="track(form.email)"`,
    /// `on:change={(e) => …}`, `(blur)="onBlur($event)"`, `@submit="onSubmit"`.
    pub(super) fn run_template_expr(
        &mut self,
        program: &'a Program,
        event: Option<&str>,
        element: Value,
    ) {
        let stmts: Vec<&'a Stmt> = match program {
            Program::Script(s) => s.body.iter().collect(),
            Program::Module(m) => m.body.iter().filter_map(|i| i.as_stmt()).collect(),
        };
        let ev = Value::kind(Kind::Event(Rc::new(element.clone())));
        let saved = self.enter_block_scope();
        if event.is_some() {
            self.declare_local("$event", ev.clone());
            self.declare_local("event", ev.clone());
        }
        for stmt in stmts {
            match (stmt, event) {
                // `@submit="onSubmit"` / `on:click={() => …}`: the handler runs with the event.
                (Stmt::Expr(e), Some(name)) => {
                    let v = self.expr(&e.expr);
                    if let Kind::Func(fid) = v.kind {
                        let step = Step {
                            span: to_span(e.span),
                            note: format!("read by the {name} handler").into(),
                        };
                        self.apply(fid, vec![ev.clone()], element.clone(), &step);
                    }
                }
                _ => self.stmt_pub(stmt),
            }
        }
        self.leave_block_scope(saved);
    }
}
