//! React and JSX: form fields declared in JSX (`<input type="email" value={email}
//! onChange={e => setEmail(e.target.value)} ref={emailRef}>`), component state set from them,
//! refs, and react-hook-form's `handleSubmit` / `getValues`; and the walk over JSX elements
//! (attributes, children, handlers, an SDK's component called with its props).

use super::ast::{expr_path, str_of};
use super::call::Call;
use super::elements::element_value;
use super::engine::Engine;
use super::value::*;
use crate::extract::ElementFact;
use crate::parse::to_span;
use crate::source::ByteSpan;
use std::rc::Rc;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// The field an intrinsic JSX element declares (`<input …>`, not `<Input …>`), from its
/// literal attributes; `value={path}` becomes its binding.
pub(super) fn jsx_element_fact(open: &JSXOpeningElement) -> Option<ElementFact> {
    let JSXElementName::Ident(tag) = &open.name else {
        return None;
    };
    if !tag.sym.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    let mut fact = ElementFact {
        tag: tag.sym.to_string(),
        span: to_span(open.span),
        ..Default::default()
    };
    for attr in &open.attrs {
        match attr {
            JSXAttrOrSpread::JSXAttr(a) => {
                let JSXAttrName::Ident(name) = &a.name else {
                    continue;
                };
                let lit = match &a.value {
                    Some(JSXAttrValue::Str(s)) => Some(str_of(s).to_string()),
                    Some(JSXAttrValue::JSXExprContainer(c)) => match &c.expr {
                        JSXExpr::Expr(e) => match &**e {
                            Expr::Lit(Lit::Str(s)) => Some(str_of(s).to_string()),
                            Expr::Tpl(t) if t.exprs.is_empty() => t
                                .quasis
                                .first()
                                .and_then(|q| q.cooked.as_ref())
                                .map(|c| c.to_atom_lossy().to_string()),
                            _ => None,
                        },
                        _ => None,
                    },
                    _ => None,
                };
                match (&*name.sym, lit) {
                    ("type", Some(v)) => fact.ty = Some(v),
                    ("name", Some(v)) => fact.name = Some(v),
                    ("id", Some(v)) => fact.id = Some(v),
                    ("autoComplete" | "autocomplete", Some(v)) => fact.autocomplete = Some(v),
                    ("placeholder" | "aria-label", Some(v)) if fact.label.is_none() => {
                        fact.label = Some(v)
                    }
                    ("className" | "class", Some(v)) => {
                        fact.classes = v.split_whitespace().map(String::from).collect()
                    }
                    ("value" | "defaultValue", None) => {
                        if let Some(JSXAttrValue::JSXExprContainer(c)) = &a.value {
                            if let JSXExpr::Expr(e) = &c.expr {
                                fact.binding = expr_path(e);
                            }
                        }
                    }
                    // An uncontrolled field whose handler stores its value in React state:
                    // `onChange={e => setEmail(e.target.value)}` binds it to `email`.
                    ("onChange" | "onInput" | "onBlur", None) if fact.binding.is_none() => {
                        if let Some(JSXAttrValue::JSXExprContainer(c)) = &a.value {
                            if let JSXExpr::Expr(e) = &c.expr {
                                fact.binding = setter_binding(e);
                            }
                        }
                    }
                    _ => {}
                }
            }
            // `<input {...register('email')} />`: react-hook-form names the field.
            JSXAttrOrSpread::SpreadElement(s) => {
                if let Expr::Call(call) = &*s.expr {
                    let is_register = matches!(&call.callee, Callee::Expr(c) if matches!(&**c, Expr::Ident(i) if i.sym == *"register"));
                    if let (true, Some(arg)) = (is_register, call.args.first()) {
                        if let Expr::Lit(Lit::Str(s)) = &*arg.expr {
                            fact.name.get_or_insert_with(|| str_of(s).to_string());
                        }
                    }
                }
            }
        }
    }
    Some(fact)
}

/// `e => setEmail(e.target.value)` -> `email`: the state a handler stores the field's value in,
/// by React's `[x, setX]` naming.
fn setter_binding(handler: &Expr) -> Option<String> {
    let Expr::Arrow(arrow) = handler else {
        return None;
    };
    let call = match &*arrow.body {
        ArrowFunctionBody::Expr(e) => match &**e {
            Expr::Call(c) => c,
            _ => return None,
        },
        ArrowFunctionBody::FunctionBody(b) => match b.stmts.as_slice() {
            [Stmt::Expr(ExprStmt { expr, .. })] => match &**expr {
                Expr::Call(c) => c,
                _ => return None,
            },
            _ => return None,
        },
    };
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    let Expr::Ident(setter) = &**callee else {
        return None;
    };
    let state = setter.sym.strip_prefix("set")?;
    let mut chars = state.chars();
    let first = chars.next().filter(|c| c.is_ascii_uppercase())?;
    let reads_value = call
        .args
        .first()
        .and_then(|a| expr_path(&a.expr))
        .is_some_and(|p| p.ends_with(".target.value") || p.ends_with(".currentTarget.value"));
    reads_value.then(|| format!("{}{}", first.to_ascii_lowercase(), chars.as_str()))
}

/// The `ref={x}` of an element: `x` (or `x.current`) then stands for the element.
fn jsx_ref(open: &JSXOpeningElement) -> Option<String> {
    open.attrs.iter().find_map(|attr| match attr {
        JSXAttrOrSpread::JSXAttr(a) => match (&a.name, &a.value) {
            (JSXAttrName::Ident(n), Some(JSXAttrValue::JSXExprContainer(c))) if n.sym == *"ref" => {
                match &c.expr {
                    JSXExpr::Expr(e) => expr_path(e),
                    _ => None,
                }
            }
            _ => None,
        },
        _ => None,
    })
}

/// Collects the fields a program's JSX declares, before the analysis runs, so a handler
/// defined above the markup already knows them.
#[derive(Default)]
pub(super) struct JsxFields {
    pub elements: Vec<ElementFact>,
    pub refs: Vec<(String, usize)>,
    /// `<label htmlFor="x">Text</label>`: the id and the text, given to the field afterwards.
    label_for: Vec<(String, String)>,
}

impl Visit for JsxFields {
    fn visit_jsx_opening_element(&mut self, open: &JSXOpeningElement) {
        if let Some(fact) = jsx_element_fact(open) {
            if let Some(r) = jsx_ref(open) {
                self.refs.push((r, self.elements.len()));
            }
            self.elements.push(fact);
        }
        open.visit_children_with(self);
    }

    /// `<label htmlFor="n">View name</label>` and `<label>Full name <input …/></label>`: the
    /// label's text labels the field, as in HTML.
    fn visit_jsx_element(&mut self, el: &JSXElement) {
        let is_label = matches!(&el.opening.name, JSXElementName::Ident(i) if &*i.sym == "label");
        if !is_label {
            el.visit_children_with(self);
            return;
        }
        let first = self.elements.len();
        el.visit_children_with(self);
        let mut text = String::new();
        jsx_text(&el.children, &mut text);
        let Some(text) = crate::extract::html::label_text(&text) else {
            return;
        };
        for f in &mut self.elements[first..] {
            if matches!(f.tag.as_str(), "input" | "select" | "textarea") && f.label.is_none() {
                f.label = Some(text.clone());
            }
        }
        let target = el.opening.attrs.iter().find_map(|a| match a {
            JSXAttrOrSpread::JSXAttr(a) => match (&a.name, &a.value) {
                (JSXAttrName::Ident(n), Some(JSXAttrValue::Str(s)))
                    if &*n.sym == "htmlFor" || &*n.sym == "for" =>
                {
                    Some(str_of(s).to_string())
                }
                _ => None,
            },
            _ => None,
        });
        if let Some(id) = target {
            self.label_for.push((id, text));
        }
    }
}

/// The literal text inside JSX children, nested elements included.
fn jsx_text(children: &[JSXElementChild], out: &mut String) {
    for c in children {
        match c {
            JSXElementChild::JSXText(t) => {
                out.push(' ');
                out.push_str(&t.value.to_atom_lossy());
            }
            JSXElementChild::JSXElement(e) => jsx_text(&e.children, out),
            JSXElementChild::JSXFragment(f) => jsx_text(&f.children, out),
            _ => {}
        }
        if out.len() > 200 {
            return;
        }
    }
}

pub(super) fn collect_jsx_fields(program: &Program) -> JsxFields {
    let mut c = JsxFields::default();
    program.visit_with(&mut c);
    for (id, text) in std::mem::take(&mut c.label_for) {
        for f in &mut c.elements {
            if f.id.as_deref() == Some(id.as_str()) && f.label.is_none() {
                f.label = Some(text.clone());
            }
        }
    }
    c
}

impl<'a> Engine<'a> {
    /// Registers a program's JSX fields: elements for lookups and bindings, refs as handles.
    pub(super) fn prepare_jsx(&mut self, program: &Program) {
        // Only form fields matter: skip the walk for code that renders none.
        if !["<input", "<select", "<textarea", "<form"]
            .iter()
            .any(|t| self.text.contains(t))
        {
            return;
        }
        let fields = collect_jsx_fields(program);
        for (name, index) in &fields.refs {
            if let Some(Kind::Dom(d)) =
                element_value(&self.cat.names, &fields.elements[*index]).map(|v| v.kind)
            {
                self.dom_refs.insert(name.clone(), d);
            }
        }
        self.add_elements(&fields.elements);
    }

    /// `<input type="email" onChange={e => …}>`: handlers of a sensitive field run with an
    /// event whose target is the field.
    pub(super) fn jsx_handlers(
        &mut self,
        open: &'a JSXOpeningElement,
        attr_values: &[(String, Value)],
    ) {
        let Some(mut fact) = jsx_element_fact(open) else {
            return;
        };
        // The collected field knows its `<label>`.
        if let Some(known) = self.elements.iter().find(|e| e.span == fact.span) {
            fact.label = known.label.clone();
        }
        let Some(element) = element_value(&self.cat.names, &fact) else {
            return;
        };
        for (name, value) in attr_values {
            let Some(event) = name.strip_prefix("on") else {
                continue;
            };
            if let Kind::Func(fid) = value.kind {
                let ev = Value::kind(Kind::Event(Rc::new(element.clone())));
                let step = Step {
                    span: fact.span,
                    note: format!("read by the {} handler", event.to_ascii_lowercase()).into(),
                };
                self.apply(fid, vec![ev], element.clone(), &step);
            }
        }
    }
}

impl<'a> Engine<'a> {
    pub(super) fn jsx_element(&mut self, el: &'a JSXElement) {
        let mut handlers = Vec::new();
        // The props object the component is called with: an SDK's component
        // (`<Intercom email={…} />`) is a call of the SDK with it.
        let component = match &el.opening.name {
            JSXElementName::Ident(i) if i.sym.starts_with(|c: char| c.is_ascii_uppercase()) => {
                self.lookup(&i.sym).filter(|v| {
                    matches!(&v.kind, Kind::Global(p) if !self.cat.sdks.calls_for(p).is_empty())
                })
            }
            _ => None,
        };
        let mut props = Value::default();
        for attr in &el.opening.attrs {
            match attr {
                JSXAttrOrSpread::JSXAttr(a) => {
                    let v = match &a.value {
                        Some(JSXAttrValue::JSXExprContainer(c)) => match &c.expr {
                            JSXExpr::Expr(e) => self.expr(e),
                            JSXExpr::JSXEmptyExpr(_) => Value::default(),
                        },
                        Some(JSXAttrValue::JSXElement(e)) => {
                            self.jsx_element(e);
                            Value::default()
                        }
                        Some(JSXAttrValue::JSXFragment(f)) => {
                            self.jsx_children(&f.children);
                            Value::default()
                        }
                        _ => Value::default(),
                    };
                    if let JSXAttrName::Ident(n) = &a.name {
                        if n.sym.starts_with("on") && matches!(v.kind, Kind::Func(_)) {
                            handlers.push((n.sym.to_string(), v.clone()));
                        }
                        if component.is_some() {
                            props.set_field(n.sym.as_str().into(), v);
                        }
                    }
                }
                JSXAttrOrSpread::SpreadElement(s) => {
                    let v = self.expr(&s.expr);
                    if component.is_some() {
                        props = props.join(&v);
                    }
                }
            }
        }
        if !handlers.is_empty() {
            self.jsx_handlers(&el.opening, &handlers);
        }
        if let (Some(component), JSXElementName::Ident(i)) = (component, &el.opening.name) {
            self.sdk_component(component, i, props, to_span(el.opening.span));
        }
        self.jsx_children(&el.children);
    }

    /// `<Intercom appID={…} email={…} />` of `react-intercom`: an SDK's React component sends
    /// its props (catalog call shapes on the component's path take them as argument 0).
    pub(super) fn sdk_component(
        &mut self,
        component: Value,
        name: &Ident,
        props: Value,
        span: ByteSpan,
    ) {
        let args = [props];
        let call = Call {
            span,
            receiver: None,
            receiver_name: None,
            method: None,
            callee: &component,
            callee_span: to_span(name.span),
            args: &args,
            arg_spans: &[span],
            arg_exprs: &[],
            is_new: false,
            has_spread: false,
        };
        self.sink_call(&call);
    }

    pub(super) fn jsx_children(&mut self, children: &'a [JSXElementChild]) {
        for child in children {
            match child {
                JSXElementChild::JSXExprContainer(c) => {
                    if let JSXExpr::Expr(e) = &c.expr {
                        self.expr(e);
                    }
                }
                JSXElementChild::JSXSpreadChild(s) => {
                    self.expr(&s.expr);
                }
                JSXElementChild::JSXElement(e) => self.jsx_element(e),
                JSXElementChild::JSXFragment(f) => self.jsx_children(&f.children),
                JSXElementChild::JSXText(_) => {}
            }
        }
    }
}
