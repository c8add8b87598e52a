//! Templates meet scripts: server-template outputs inside scripts (`{{ customer.email }}`),
//! framework bindings of form fields (`v-model`, `bind:value`, `[(ngModel)]`, `value={x}`) and
//! template expressions evaluated in the component's scope.

use super::ast::expr_path;
use super::elements::{classify_expr, element_category, names_something_else};
use super::engine::Engine;
use super::value::*;
use crate::catalog::NameSite;
use crate::extract::ElementFact;
use crate::parse::to_span;
use crate::report::Evidence;
use crate::source::ByteSpan;
use std::rc::Rc;
use swc_ecma_ast::*;

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

impl<'a> Engine<'a> {
    /// Registers the bindings of this file's (and a paired template's) elements.
    pub(super) fn add_bindings(&mut self, elements: &[ElementFact]) {
        for el in elements {
            let Some(binding) = &el.binding else { continue };
            let path = normalize_path(binding);
            if path.is_empty() {
                continue;
            }
            let category = element_category(&self.cat.names, el).or_else(|| {
                let last = path.rsplit('.').next().unwrap_or(&path);
                if names_something_else(el, last) {
                    return None;
                }
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
        self.bound_read_path(&path, to_span(swc_common::Spanned::span(e)), value);
    }

    /// [`Self::bound_read`] for a path already spelled out (`{ email }` shorthand properties).
    pub(super) fn bound_read_path(&mut self, path: &str, span: ByteSpan, value: &mut Value) {
        let Some((category, desc)) = self.bound.get(&normalize_path(path)).cloned() else {
            return;
        };
        // A value that already carries a read of this kind of data (`email.value` on a ref, a
        // variable set from `form.get('phone')`) is explained by that read.
        if value
            .taint
            .iter()
            .any(|l| matches!(l.origin, Origin::Source(id) if self.source_category(id) == category && !self.source_is_weak(id)))
        {
            return;
        }
        let label = self.new_source(span, category, desc.to_string(), Evidence::Read);
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
        Some(self.new_source(interp.span, category, desc, Evidence::Read))
    }

    /// Placeholders inside a string literal: `'{{ customer.email }}'` in a script.
    /// Whether a string may contain a server-template placeholder (`'_$0__'`).
    pub(super) fn may_hold_placeholder(&self, s: &str) -> bool {
        !self.interpolations.is_empty() && s.contains("_$")
    }

    pub(super) fn string_placeholders(&mut self, s: &str) -> Vec<Label> {
        if !self.may_hold_placeholder(s) {
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
            // Padding up to the next placeholder, whose own `_$` starts right after it.
            while end < bytes.len() && bytes[end] == b'_' && bytes.get(end + 1) != Some(&b'$') {
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
                _ => self.stmt(stmt),
            }
        }
        self.leave_block_scope(saved);
    }
}
