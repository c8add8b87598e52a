//! The walk over statements: a program's entry points, hoisting, blocks and control flow
//! (branches join what they assign), declarations, classes and destructuring patterns.

use super::apis::STATE_HOOKS;
use super::ast::*;
use super::engine::{Engine, MAX_RECURSION};
use super::func::{ClassInfo, FuncNode};
use super::value::*;
use crate::parse::to_span;
use std::rc::Rc;
use swc_ecma_ast::*;

impl<'a> Engine<'a> {
    /// Analyses a script or module in the file's shared global scope.
    pub fn run_program(&mut self, program: &'a Program) {
        self.prepare_jsx(program);
        self.collect_record_types(program);
        match program {
            Program::Module(m) => {
                self.hoist_items(&m.body);
                for item in &m.body {
                    match item {
                        ModuleItem::Stmt(s) => self.stmt(s),
                        ModuleItem::ModuleDecl(d) => self.module_decl(d),
                    }
                }
            }
            Program::Script(s) => {
                self.hoist(&s.body);
                self.classic_script_functions(&s.body);
                for st in &s.body {
                    self.stmt(st);
                }
            }
        }
    }

    /// Analyses an inline handler (parsed as `(function (event) {…})`) fired on `element`.
    pub fn run_handler(&mut self, program: &'a Program, element: Value, event: &str) {
        let expr = match program {
            Program::Script(s) => s.body.first().and_then(|s| s.as_expr()).map(|e| &*e.expr),
            Program::Module(m) => m
                .body
                .first()
                .and_then(|i| i.as_stmt())
                .and_then(|s| s.as_expr())
                .map(|e| &*e.expr),
        };
        let Some(expr) = expr else { return };
        let f = self.expr(expr);
        if let Kind::Func(fid) = f.kind {
            let ev = Value::kind(Kind::Event(Rc::new(element.clone())));
            let step = Step {
                span: self.funcs[fid].node_span(),
                note: format!("read by the inline on{event} handler").into(),
            };
            self.apply(fid, vec![ev], element, &step);
        }
    }

    pub(super) fn hoist_items(&mut self, items: &'a [ModuleItem]) {
        for item in items {
            match item {
                ModuleItem::ModuleDecl(ModuleDecl::Import(import)) => self.import(import),
                ModuleItem::Stmt(Stmt::Decl(Decl::Fn(f))) => self.hoist_fn(f),
                ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(ExportDecl {
                    decl: Decl::Fn(f),
                    ..
                })) => self.hoist_fn(f),
                _ => {}
            }
        }
    }

    pub(super) fn hoist(&mut self, stmts: &'a [Stmt]) {
        for s in stmts {
            if let Stmt::Decl(Decl::Fn(f)) = s {
                self.hoist_fn(f);
            }
        }
    }

    pub(super) fn hoist_fn(&mut self, f: &'a FnDecl) {
        let v = self.register(FuncNode::Function(&f.function), &f.ident.sym);
        self.declare(&f.ident.sym, v, true);
    }

    pub(super) fn block_body(&mut self, stmts: &'a [Stmt]) {
        self.hoist(stmts);
        for s in stmts {
            self.stmt(s);
        }
    }

    pub(super) fn block(&mut self, stmts: &'a [Stmt]) {
        let saved = self.push_scope(false);
        self.block_body(stmts);
        self.scope = saved;
    }

    pub(super) fn branch(&mut self, s: &'a Stmt) {
        self.cond += 1;
        self.stmt(s);
        self.cond -= 1;
    }

    pub(super) fn decl(&mut self, d: &'a Decl) {
        match d {
            Decl::Fn(_) => {} // hoisted
            Decl::Var(v) => {
                let var = v.kind == VarDeclKind::Var;
                for d in &v.decls {
                    let value = d.init.as_ref().map(|e| self.expr(e)).unwrap_or_default();
                    let owner = d.init.as_deref().and_then(owner_name);
                    self.bind_pat(&d.name, value, true, var, owner.as_deref());
                    self.bind_state_setter(d);
                }
            }
            Decl::Class(c) => {
                let v = self.class(&c.class, &c.ident.sym);
                self.declare(&c.ident.sym, v, false);
            }
            Decl::Using(u) => {
                for d in &u.decls {
                    let value = d.init.as_ref().map(|e| self.expr(e)).unwrap_or_default();
                    self.bind_pat(&d.name, value, true, false, None);
                }
            }
            _ => {}
        }
    }

    /// Registers a class's members; its value holds its methods, so `new C().m()` and `C.m()`
    /// reach their summaries.
    pub(super) fn class(&mut self, class: &'a Class, name: &str) -> Value {
        let mut value = Value::default();
        if let Some(sup) = &class.super_class {
            self.expr(sup);
        }
        let cid = self.classes.len();
        self.classes.push(ClassInfo::default());
        let mut ctor = None;
        for member in &class.body {
            match member {
                ClassMember::Constructor(c) => {
                    self.register(FuncNode::Ctor(c), &format!("{name}.constructor"));
                    ctor = Some(self.funcs.len() - 1);
                }
                ClassMember::Method(m) => {
                    let mname = prop_name_str(&m.key).unwrap_or_else(|| "method".into());
                    let f =
                        self.register(FuncNode::Function(&m.function), &format!("{name}.{mname}"));
                    let fid = self.funcs.len() - 1;
                    self.funcs[fid].class = Some(cid);
                    self.classes[cid].members.push(fid);
                    if !m.is_static {
                        self.classes[cid]
                            .instance
                            .set_field(mname.as_str().into(), f.clone());
                    }
                    value.set_field(mname.as_str().into(), f.clone());
                    // A component's template calls its methods by name (`(blur)="track(x)"`).
                    if self.component_templates && !m.is_static && self.lookup(&mname).is_none() {
                        self.declare(&mname, f, false);
                    }
                }
                ClassMember::PrivateMethod(m) => {
                    self.register(
                        FuncNode::Function(&m.function),
                        &format!("{name}.#{}", m.key.name),
                    );
                }
                // `posthog = usePostHog()`, `user: User = inject(USER)`: an instance field.
                ClassMember::ClassProp(p) => {
                    // `_instance = undefined` holds nothing yet: what a method assigns later
                    // is the field's value, not joined with a placeholder.
                    let v = match &p.value {
                        Some(v) if !is_nullish(v) => self.expr(v),
                        _ => Value::default(),
                    };
                    let ty = p.type_ann.as_deref().and_then(type_ref_name);
                    let v = match ty.and_then(|t| self.typed_handle(t)) {
                        Some(kind) if matches!(v.kind, Kind::Unknown) => Value { kind, ..v },
                        _ => v,
                    };
                    if let (Some(key), false) = (prop_name_str(&p.key), p.is_static) {
                        // Data, a handle, a string or a list of strings (`fields = ['email', …]`,
                        // which names what the methods read).
                        if !v.is_clean()
                            || !matches!(v.kind, Kind::Unknown)
                            || literal_elements(&v).is_some()
                        {
                            let field = v.without_params();
                            self.classes[cid]
                                .instance
                                .set_field(key.as_str().into(), field);
                        }
                    }
                }
                ClassMember::PrivateProp(p) => {
                    if let Some(v) = &p.value {
                        self.expr(v);
                    }
                }
                ClassMember::StaticBlock(b) => {
                    self.register(FuncNode::Block(&b.body), &format!("{name} static block"));
                }
                _ => {}
            }
        }
        if let Some(fid) = ctor {
            self.funcs[fid].class = Some(cid);
            self.classes[cid].members.insert(0, fid);
        }
        value
    }

    pub(super) fn stmt(&mut self, s: &'a Stmt) {
        if self.depth > MAX_RECURSION {
            return;
        }
        self.depth += 1;
        match s {
            Stmt::Block(b) => self.block(&b.stmts),
            Stmt::Expr(e) => {
                self.expr(&e.expr);
            }
            Stmt::Decl(d) => self.decl(d),
            Stmt::Return(r) => {
                if let Some(arg) = &r.arg {
                    let v = self.expr(arg);
                    let frame = self.frames.last_mut().unwrap();
                    let step = Step {
                        span: to_span(r.span),
                        note: format!("returned from {}()", frame.fn_name).into(),
                    };
                    let v = if frame.activation == 0 {
                        v
                    } else {
                        v.with_step(&step)
                    };
                    let frame = self.frames.last_mut().unwrap();
                    frame.ret = std::mem::take(&mut frame.ret).join(&v);
                }
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.branch(&i.cons);
                if let Some(alt) = &i.alt {
                    self.branch(alt);
                }
            }
            Stmt::Switch(sw) => {
                let on = self.expr(&sw.discriminant);
                self.cond += 1;
                let saved = self.push_scope(false);
                // A known string takes its case (and what falls through from it) alone.
                let taken = on.as_str().and_then(|s| taken_case(&sw.cases, s));
                let (from, only) = (taken.unwrap_or(0), taken.is_some());
                for (i, case) in sw.cases.iter().enumerate().skip(from) {
                    if only && i > from && ends_case(&sw.cases[i - 1].cons) {
                        break;
                    }
                    if let Some(t) = &case.test {
                        self.expr(t);
                    }
                    self.hoist(&case.cons);
                    for s in &case.cons {
                        self.stmt(s);
                    }
                }
                self.scope = saved;
                self.cond -= 1;
            }
            Stmt::Try(t) => {
                self.cond += 1;
                self.block(&t.block.stmts);
                if let Some(h) = &t.handler {
                    let saved = self.push_scope(false);
                    if let Some(p) = &h.param {
                        self.bind_pat(p, Value::default(), true, false, None);
                    }
                    self.block_body(&h.body.stmts);
                    self.scope = saved;
                }
                self.cond -= 1;
                if let Some(f) = &t.finalizer {
                    self.block(&f.stmts);
                }
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.branch(&w.body);
            }
            Stmt::DoWhile(w) => {
                self.branch(&w.body);
                self.expr(&w.test);
            }
            Stmt::For(f) => {
                let saved = self.push_scope(false);
                match &f.init {
                    Some(VarDeclOrExpr::VarDecl(v)) => self.decl_var(v),
                    Some(VarDeclOrExpr::Expr(e)) => {
                        self.expr(e);
                    }
                    None => {}
                }
                self.cond += 1;
                if let Some(t) = &f.test {
                    self.expr(t);
                }
                self.stmt(&f.body);
                if let Some(u) = &f.update {
                    self.expr(u);
                }
                self.cond -= 1;
                self.scope = saved;
            }
            Stmt::ForIn(f) => {
                let right = self.expr(&f.right);
                // Keys of an object: names, not the data.
                let _ = right;
                let saved = self.push_scope(false);
                self.for_head(&f.left, Value::default());
                self.branch(&f.body);
                self.scope = saved;
            }
            Stmt::ForOf(f) => {
                let right = self.expr(&f.right);
                // A short list of string literals is walked once per string (not inside another
                // such walk: nested lists would multiply).
                let strings = literal_elements(&right).filter(|_| !self.in_string_loop);
                let outer = std::mem::replace(&mut self.in_string_loop, strings.is_some());
                let elems = match strings {
                    Some(strings) => strings
                        .into_iter()
                        .map(|s| Value::kind(Kind::Str(s)))
                        .collect(),
                    None => vec![element_of(&right)],
                };
                for elem in elems {
                    let saved = self.push_scope(false);
                    self.for_head(&f.left, elem);
                    self.branch(&f.body);
                    self.scope = saved;
                }
                self.in_string_loop = outer;
            }
            Stmt::Labeled(l) => self.stmt(&l.body),
            Stmt::Throw(t) => {
                self.expr(&t.arg);
            }
            Stmt::With(w) => {
                self.expr(&w.obj);
                self.stmt(&w.body);
            }
            Stmt::Empty(_) | Stmt::Debugger(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
        }
        self.depth -= 1;
    }

    /// `const [email, setEmail] = useState(…)`: calling `setEmail(x)` stores `x` in `email`.
    pub(super) fn bind_state_setter(&mut self, d: &'a VarDeclarator) {
        let Some(init) = &d.init else { return };
        let Expr::Call(call) = unwrap_expr(init) else {
            return;
        };
        let Callee::Expr(callee) = &call.callee else {
            return;
        };
        let is_state = match expr_name(callee).as_deref() {
            Some(n) => STATE_HOOKS.contains(&n),
            None => false,
        };
        let Pat::Array(arr) = &d.name else { return };
        if !is_state || arr.elems.len() != 2 {
            return;
        }
        if let (Some(Some(Pat::Ident(state))), Some(Some(Pat::Ident(setter)))) =
            (arr.elems.first(), arr.elems.get(1))
        {
            self.declare(
                &setter.id.sym,
                Value::kind(Kind::Setter(state.id.sym.as_str().into())),
                false,
            );
        }
    }

    pub(super) fn decl_var(&mut self, v: &'a VarDecl) {
        let var = v.kind == VarDeclKind::Var;
        for d in &v.decls {
            let value = d.init.as_ref().map(|e| self.expr(e)).unwrap_or_default();
            self.bind_pat(&d.name, value, true, var, None);
        }
    }

    pub(super) fn for_head(&mut self, head: &'a ForHead, value: Value) {
        match head {
            ForHead::VarDecl(v) => {
                let var = v.kind == VarDeclKind::Var;
                for d in &v.decls {
                    self.bind_pat(&d.name, value.clone(), true, var, None);
                }
            }
            ForHead::Pat(p) => self.bind_pat(p, value, false, false, None),
            ForHead::UsingDecl(u) => {
                for d in &u.decls {
                    self.bind_pat(&d.name, value.clone(), true, false, None);
                }
            }
        }
    }

    /// Binds a pattern to a value: declarations, parameters, destructuring assignments.
    /// `owner` names the object being destructured (`user` in `const {name} = user`).
    pub(super) fn bind_pat(
        &mut self,
        pat: &'a Pat,
        value: Value,
        declare: bool,
        var: bool,
        owner: Option<&str>,
    ) {
        match pat {
            Pat::Ident(b) => {
                let name: &str = &b.id.sym;
                let step = Step {
                    span: to_span(b.id.span),
                    note: format!("assigned to `{name}`").into(),
                };
                let v = if self.binding_params {
                    let ty = b.type_ann.as_deref().and_then(type_ref_name);
                    let v = self.name_judged_param(name, ty, to_span(b.id.span), value);
                    self.typed_record_param(name, b.type_ann.as_deref(), to_span(b.id.span), v)
                } else {
                    value.with_step(&step)
                };
                if declare {
                    self.declare(name, v, var);
                } else {
                    self.assign_var(name, v);
                }
            }
            Pat::Object(o) => {
                for prop in &o.props {
                    match prop {
                        ObjectPatProp::KeyValue(kv) => {
                            let key = match &kv.key {
                                PropName::Computed(c) => {
                                    let k = self.expr(&c.expr);
                                    k.as_str().map(Rc::from)
                                }
                                other => prop_name_str(other).map(|s| Rc::from(s.as_str())),
                            };
                            let sub = match key {
                                Some(k) => self.get_prop(&value, &k, owner, to_span(kv.key.span())),
                                None => Value::default(),
                            };
                            self.bind_pat(&kv.value, sub, declare, var, None);
                        }
                        ObjectPatProp::Assign(a) => {
                            let mut sub =
                                self.get_prop(&value, &a.key.id.sym, owner, to_span(a.key.id.span));
                            if let Some(def) = &a.value {
                                let d = self.expr(def);
                                sub = sub.join(&d);
                            }
                            let name: &str = &a.key.id.sym;
                            let step = Step {
                                span: to_span(a.key.id.span),
                                note: format!("assigned to `{name}`").into(),
                            };
                            let sub = sub.with_step(&step);
                            if declare {
                                self.declare(name, sub, var);
                            } else {
                                self.assign_var(name, sub);
                            }
                        }
                        ObjectPatProp::Rest(r) => {
                            self.bind_pat(&r.arg, value.clone(), declare, var, None)
                        }
                    }
                }
            }
            Pat::Array(a) => {
                for (i, elem) in a.elems.iter().enumerate() {
                    if let Some(p) = elem {
                        let sub = if let Pat::Rest(_) = p {
                            value.clone()
                        } else {
                            self.get_prop(&value, &i.to_string(), owner, to_span(p.span()))
                        };
                        self.bind_pat(p, sub, declare, var, None);
                    }
                }
            }
            Pat::Rest(r) => self.bind_pat(&r.arg, value, declare, var, owner),
            Pat::Assign(a) => {
                let d = self.expr(&a.right);
                self.bind_pat(&a.left, value.join(&d), declare, var, owner);
            }
            Pat::Expr(e) => {
                self.assign_to_expr(e, value);
            }
            Pat::Invalid(_) => {}
        }
    }
}
