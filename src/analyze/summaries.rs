//! Function summaries: a function's body is walked once with symbolic parameters
//! (`Origin::Param` labels), giving what it returns and which sinks its parameters reach; a call
//! applies the summary by replaying each parameter path on the actual argument. Summaries are
//! made lazily at the first call, specialised for SDK handles and switched-on string literals
//! passed as arguments (handle summaries), and share a class's instance between its members.

use super::ast::type_ref_name;
use super::engine::Engine;
use super::func::{switch_params, FuncEntry, FuncNode, Known, Summary};
use super::scope::{Frame, Scope};
use super::value::*;
use crate::parse::to_span;
use std::rc::Rc;
use swc_ecma_ast::*;

/// How many summaries may be under construction at once (call chains analysed lazily).
const MAX_SUMMARY_NESTING: usize = 24;

impl<'a> Engine<'a> {
    /// Registers a function met in the walk; its value refers to it (summarised when called).
    pub(super) fn register(&mut self, node: FuncNode<'a>, name: &str) -> Value {
        self.funcs.push(FuncEntry {
            node,
            scope: self.scope.clone(),
            name: name.into(),
            summary: None,
            busy: false,
            class: None,
            switch_params: switch_params(node),
            seen_version: 0,
        });
        Value::kind(Kind::Func(self.funcs.len() - 1))
    }

    pub(super) fn summarize(&mut self, fid: usize) -> Option<Rc<Summary>> {
        self.summarize_with(fid, &[])
    }

    /// The summary of a function whose parameters (by index, `None` for a plain one) are known:
    /// SDK handles (`Sentry.configureScope(scope => scope.setUser(…))`, `track(posthog, user)`;
    /// a sink is recognised by its callee while the body is walked, so such a summary is made
    /// for those handles) or string literals it switches on (`getValue('address')` takes the
    /// `case 'address'` branch alone). It is cached per function and what is known.
    pub(super) fn summarize_with(
        &mut self,
        fid: usize,
        handles: &[Option<Known>],
    ) -> Option<Rc<Summary>> {
        let specialised = handles.iter().any(Option::is_some);
        if !specialised {
            if let Some(s) = &self.funcs[fid].summary {
                return Some(s.clone());
            }
        } else if let Some(s) = self.handle_summaries.get(&(fid, handles.to_vec())) {
            return Some(s.clone());
        }
        if self.funcs[fid].busy || self.summary_nesting >= MAX_SUMMARY_NESTING {
            return None;
        }
        if let Some(c) = self.funcs[fid].class {
            self.prepare_class(c, fid);
        }
        self.funcs[fid].busy = true;
        self.summary_nesting += 1;
        let saved_scope = std::mem::replace(
            &mut self.scope,
            Scope::new_ref(Some(self.funcs[fid].scope.clone()), true),
        );
        let saved_cond = std::mem::replace(&mut self.cond, 0);
        // Only the callback itself is specialised, not what it calls.
        let saved_literal_args = std::mem::replace(&mut self.literal_args, false);
        let activation = self.next_activation;
        self.next_activation += 1;
        let fn_name = self.funcs[fid].name.clone();
        let class = self.funcs[fid].class;
        self.frames.push(Frame {
            activation,
            hits: Vec::new(),
            ret: Value::default(),
            fn_name,
            class,
        });
        self.binding_params = true;
        let param = |i: usize| {
            let mut v = Value::tainted(Label {
                origin: Origin::Param {
                    func: fid as u32,
                    index: i as u32,
                    path: Rc::from(Vec::new()),
                },
                steps: Steps::default(),
            });
            match handles.get(i) {
                Some(Some(Known::Handle(path))) => v.kind = Kind::Global(path.clone()),
                Some(Some(Known::Literal(s))) => v.kind = Kind::Str(s.clone()),
                _ => {}
            }
            v
        };
        let this = {
            let mut this = param(THIS_PARAM as usize);
            if let Some(c) = class {
                if let Some(fields) = &self.classes[c].instance.fields {
                    for (k, f) in fields.iter() {
                        this.set_field(k.clone(), f.clone());
                    }
                }
            }
            this
        };
        match self.funcs[fid].node {
            FuncNode::Function(f) => {
                self.declare("this", this, false);
                for (i, p) in f.params.iter().enumerate() {
                    self.bind_pat(&p.pat, param(i), true, false, None);
                }
                self.binding_params = false;
                if let Some(body) = &f.body {
                    self.block_body(&body.stmts);
                }
            }
            FuncNode::Arrow(a) => {
                for (i, p) in a.params.iter().enumerate() {
                    self.bind_pat(p, param(i), true, false, None);
                }
                self.binding_params = false;
                match &*a.body {
                    ArrowFunctionBody::FunctionBody(b) => self.block_body(&b.stmts),
                    ArrowFunctionBody::Expr(e) => {
                        let v = self.expr(e);
                        self.frames.last_mut().unwrap().ret = v;
                    }
                }
            }
            FuncNode::Ctor(c) => {
                self.declare("this", this, false);
                for (i, p) in c.params.iter().enumerate() {
                    match p {
                        ParamOrTsParamProp::Param(p) => {
                            self.bind_pat(&p.pat, param(i), true, false, None)
                        }
                        // `constructor(private intercom: IntercomService)`: a parameter and a
                        // field of the instance.
                        ParamOrTsParamProp::TsParamProp(tp) => {
                            if let TsParamPropParam::Ident(id) = &tp.param {
                                let ty = id.type_ann.as_deref().and_then(type_ref_name);
                                let span = to_span(id.id.span);
                                let v = self.name_judged_param(&id.id.sym, ty, span, param(i));
                                self.declare(&id.id.sym, v.clone(), false);
                                self.record_field(&[id.id.sym.as_str().into()], &v);
                            }
                        }
                    }
                }
                self.binding_params = false;
                if let Some(body) = &c.body {
                    self.block_body(&body.stmts);
                }
            }
            FuncNode::Block(b) => {
                self.binding_params = false;
                self.block_body(&b.stmts)
            }
        }
        let frame = self.frames.pop().expect("pushed above");
        self.scope = saved_scope;
        self.cond = saved_cond;
        self.literal_args = saved_literal_args;
        self.summary_nesting -= 1;
        let summary = Rc::new(Summary {
            ret: frame.ret,
            hits: frame.hits,
        });
        self.funcs[fid].busy = false;
        if let Some(c) = class {
            self.funcs[fid].seen_version = self.classes[c].version;
        }
        if specialised {
            self.handle_summaries
                .insert((fid, handles.to_vec()), summary.clone());
        } else {
            self.funcs[fid].summary = Some(summary.clone());
        }
        Some(summary)
    }

    /// Summarises every member of a class once, constructor first, so the fields they assign
    /// to `this` are known to the member about to be summarised (`fid`, skipped here).
    /// When `fid` is the constructor, the others wait: they are summarised after it, with the
    /// fields it assigns.
    pub(super) fn prepare_class(&mut self, c: usize, fid: usize) {
        if self.classes[c].prepared {
            return;
        }
        let members = self.classes[c].members.clone();
        let is_ctor = |m: usize| matches!(self.funcs[m].node, FuncNode::Ctor(_));
        if members.first().is_some_and(|&m| m == fid && is_ctor(m)) {
            return;
        }
        self.classes[c].prepared = true;
        for m in members {
            if m != fid && self.funcs[m].summary.is_none() && !self.funcs[m].busy {
                self.summarize(m);
            }
        }
    }

    /// `this.a.b = value` in a member of the class being summarised: the instance gains it.
    pub(super) fn record_field(&mut self, path: &[Rc<str>], value: &Value) {
        let Some(c) = self.frames.last().and_then(|f| f.class) else {
            return;
        };
        fn set(v: &mut Value, path: &[Rc<str>], value: Value) {
            match path {
                [] => {}
                [k] => {
                    let joined = match v.field(k) {
                        Some(old) => old.clone().join(&value),
                        None => value,
                    };
                    v.set_field(k.clone(), joined);
                }
                [k, rest @ ..] => {
                    let mut inner = v.field(k).cloned().unwrap_or_default();
                    set(&mut inner, rest, value);
                    v.set_field(k.clone(), inner);
                }
            }
        }
        let value = value.without_params();
        // Only what the analysis can use makes other members stale: data, a handle, a string.
        let telling = !value.is_clean() || !matches!(value.kind, Kind::Unknown);
        set(&mut self.classes[c].instance, path, value);
        if telling {
            self.classes[c].version += 1;
        }
    }

    /// Applies a function's summary at a call: instantiates what reaches its sinks and what it
    /// returns with the actual arguments.
    pub(super) fn apply(
        &mut self,
        fid: usize,
        args: Vec<Value>,
        this: Value,
        call_step: &Step,
    ) -> Value {
        if self.work > self.budget {
            return Value::default();
        }
        // Arguments that are SDK handles, and literals the function switches on, make a
        // summary of their own.
        let switches = &self.funcs[fid].switch_params;
        let handles: Vec<Option<Known>> = args
            .iter()
            .enumerate()
            .map(|(i, a)| match &a.kind {
                // jQuery handed to a ready callback or an IIFE as `$`.
                Kind::Global(p)
                    if self.cat.sdks.is_handle(p) || matches!(p.as_ref(), "$" | "jQuery") =>
                {
                    Some(Known::Handle(p.clone()))
                }
                Kind::Str(s) if self.literal_args || switches.contains(&i) => {
                    Some(Known::Literal(s.clone()))
                }
                _ => None,
            })
            .collect();
        let Some(summary) = self.summarize_with(fid, &handles) else {
            return Value::default();
        };
        self.work += 1
            + summary.hits.len()
            + summary.ret.weight()
            + args.iter().map(Value::weight).sum::<usize>();
        for hit in summary.hits.clone() {
            let Origin::Param { func, index, path } = &hit.label.origin else {
                continue;
            };
            if *func as usize != fid {
                // An enclosing function's parameter, seen through a closure: still symbolic.
                let l = hit.label.with_step(call_step.clone());
                self.emit(&hit.sink, hit.arg, hit.key.clone(), l);
                continue;
            }
            let actual = if *index == THIS_PARAM {
                this.clone()
            } else {
                args.get(*index as usize).cloned().unwrap_or_default()
            };
            let reached = self.access_path(&actual, path);
            let mut parts = Vec::new();
            reached.flatten("", 0, &mut parts);
            for (sub, label) in parts {
                let key = match (hit.key.is_empty(), sub.is_empty()) {
                    (true, _) => sub,
                    (false, true) => hit.key.clone(),
                    (false, false) => format!("{}.{}", hit.key, sub),
                };
                let l = label.with_step(call_step.clone());
                let l = Label {
                    origin: l.origin,
                    steps: l.steps.then(&hit.label.steps),
                };
                self.emit(&hit.sink, hit.arg, key, l);
            }
        }
        let ret = summary.ret.clone();
        self.instantiate(fid, &ret, &args, &this, call_step, 0)
    }

    pub(super) fn instantiate(
        &mut self,
        fid: usize,
        v: &Value,
        args: &[Value],
        this: &Value,
        step: &Step,
        depth: usize,
    ) -> Value {
        let mut out = Value {
            kind: v.kind.clone(),
            ..Default::default()
        };
        for l in &v.taint {
            match &l.origin {
                Origin::Source(_) => out.add_label(l.clone()),
                Origin::Param { func, .. } if *func as usize != fid => out.add_label(l.clone()),
                Origin::Param { index, path, .. } => {
                    let actual = if *index == THIS_PARAM {
                        this.clone()
                    } else {
                        args.get(*index as usize).cloned().unwrap_or_default()
                    };
                    let reached = self
                        .access_path(&actual, path)
                        .with_step(step)
                        .then_steps(&l.steps);
                    out = out.join(&reached);
                }
            }
        }
        if depth < MAX_DEPTH {
            if let Some(fields) = &v.fields {
                for (k, f) in fields.iter() {
                    let inst = self.instantiate(fid, f, args, this, step, depth + 1);
                    out.set_field(k.clone(), inst);
                }
            }
        }
        out
    }

    pub(super) fn access_path(&mut self, v: &Value, path: &[Seg]) -> Value {
        let saved = std::mem::replace(&mut self.replaying, true);
        let out = self.access_path_inner(v, path);
        self.replaying = saved;
        out
    }

    pub(super) fn access_path_inner(&mut self, v: &Value, path: &[Seg]) -> Value {
        let mut cur = v.clone();
        for seg in path {
            cur = match seg {
                Seg::Prop(p, span) => self.get_prop(&cur, p, None, *span),
                Seg::Key(bag, span) => match cur.as_str() {
                    Some(k) => {
                        let k = k.to_string();
                        self.keyed_read(*bag, Some(&k), *span)
                    }
                    // Still a parameter of the calling function: its callers say.
                    None => keyed_by_param(*bag, &cur, *span),
                },
                Seg::Read(m, span) => self
                    .dom_read_method(&cur, m, &[], *span)
                    .unwrap_or_default(),
            };
        }
        cur
    }
}
