//! The walk over expressions: the abstract value of each expression (literals, names, objects,
//! operators, member reads) and assignments to variables and properties, including CommonJS
//! exports, sink and beacon assignments and event-handler properties. Calls are in `calls.rs`,
//! JSX in `react.rs`.

use super::apis::*;
use super::ast::*;
use super::engine::{Engine, MAX_RECURSION};
use super::func::FuncNode;
use super::outcome::SinkSite;
use super::value::*;
use crate::parse::to_span;
use crate::source::ByteSpan;
use std::rc::Rc;
use swc_ecma_ast::*;

impl<'a> Engine<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> Value {
        if self.depth > MAX_RECURSION {
            return Value::default();
        }
        self.depth += 1;
        self.work += 1;
        let v = self.expr_inner(e);
        self.depth -= 1;
        v
    }

    pub(super) fn expr_inner(&mut self, e: &'a Expr) -> Value {
        match e {
            Expr::Lit(Lit::Str(s)) => {
                let text = str_of(s);
                let labels = self.string_placeholders(&text);
                let mut v = Value::kind(Kind::Str(text));
                for l in labels {
                    v.add_label(l);
                }
                v
            }
            Expr::Lit(Lit::Regex(r)) => Value::kind(Kind::Str(format!("/{}/", r.exp).into())),
            Expr::Lit(_) => Value::default(),
            Expr::Ident(i) => {
                let mut v = self.ident(&i.sym);
                if i.sym.starts_with("_$") {
                    if let Some(l) = self.placeholder_source(&i.sym, to_span(i.span)) {
                        v.add_label(l);
                    }
                }
                self.bound_read(e, &mut v);
                v
            }
            Expr::This(_) => self.lookup("this").unwrap_or_default(),
            Expr::Paren(p) => self.expr(&p.expr),
            Expr::TsAs(x) => self.expr(&x.expr),
            Expr::TsNonNull(x) => self.expr(&x.expr),
            Expr::TsTypeAssertion(x) => self.expr(&x.expr),
            Expr::TsConstAssertion(x) => self.expr(&x.expr),
            Expr::TsSatisfies(x) => self.expr(&x.expr),
            Expr::TsInstantiation(x) => self.expr(&x.expr),
            Expr::Await(a) => self.expr(&a.arg),
            Expr::Yield(y) => {
                if let Some(a) = &y.arg {
                    self.expr(a);
                }
                Value::default()
            }
            Expr::Seq(s) => {
                let mut last = Value::default();
                for e in &s.exprs {
                    last = self.expr(e);
                }
                last
            }
            Expr::Tpl(t) => {
                let mut out = Value::default();
                for q in &t.quasis {
                    if let Some(c) = &q.cooked {
                        for l in self.string_placeholders(c.to_atom_lossy().as_str()) {
                            out.add_label(l);
                        }
                    }
                }
                for e in &t.exprs {
                    let v = self.expr(e);
                    out.add_taint(&v.taint_only().taint);
                }
                let text: String = t
                    .quasis
                    .iter()
                    .filter_map(|q| q.cooked.as_ref().map(|c| c.to_atom_lossy().to_string()))
                    .collect();
                out.kind = if t.exprs.is_empty() {
                    Kind::Str(text.into())
                } else {
                    Kind::Concat(text.into())
                };
                out
            }
            Expr::TaggedTpl(t) => {
                self.expr(&t.tag);
                let mut out = Value::default();
                for e in &t.tpl.exprs {
                    let v = self.expr(e);
                    out.add_taint(&v.taint_only().taint);
                }
                out
            }
            Expr::Array(a) => {
                let mut out = Value::default();
                for (i, elem) in a.elems.iter().enumerate() {
                    let Some(elem) = elem else { continue };
                    let v = self.expr(&elem.expr);
                    if elem.spread.is_some() {
                        out.add_taint(&v.flat_taint(0));
                    } else {
                        out.set_field(i.to_string().into(), v);
                    }
                }
                out
            }
            Expr::Object(o) => self.object(o),
            Expr::Fn(f) => {
                let name = f
                    .ident
                    .as_ref()
                    .map_or("function".to_string(), |i| i.sym.to_string());
                self.register(FuncNode::Function(&f.function), &name)
            }
            Expr::Arrow(a) => self.register(FuncNode::Arrow(a), "arrow function"),
            Expr::Class(c) => {
                let name = c
                    .ident
                    .as_ref()
                    .map_or("class".to_string(), |i| i.sym.to_string());
                self.class(&c.class, &name)
            }
            Expr::Unary(u) => {
                self.expr(&u.arg);
                Value::default()
            }
            Expr::Update(u) => {
                self.expr(&u.arg);
                Value::default()
            }
            Expr::Bin(b) => {
                let l = self.expr(&b.left);
                let r = self.expr(&b.right);
                match b.op {
                    BinaryOp::Add => {
                        let mut out = l.taint_only();
                        out.add_taint(&r.taint_only().taint);
                        out.kind = match (&l.kind, &r.kind) {
                            (Kind::Str(a), Kind::Str(c)) => Kind::Str(format!("{a}{c}").into()),
                            _ => match (l.known_text(), r.known_text()) {
                                (None, None) => Kind::Unknown,
                                (a, c) => Kind::Concat(
                                    format!("{}{}", a.unwrap_or(""), c.unwrap_or("")).into(),
                                ),
                            },
                        };
                        out
                    }
                    BinaryOp::LogicalOr | BinaryOp::NullishCoalescing | BinaryOp::LogicalAnd => {
                        l.join(&r)
                    }
                    _ => Value::default(),
                }
            }
            Expr::Cond(c) => {
                self.expr(&c.test);
                self.cond += 1;
                let a = self.expr(&c.cons);
                let b = self.expr(&c.alt);
                self.cond -= 1;
                a.join(&b)
            }
            Expr::Assign(a) => self.assign(a),
            Expr::Member(m) => {
                let mut v = self.member(m);
                self.bound_read(e, &mut v);
                v
            }
            Expr::SuperProp(_) => Value::default(),
            Expr::Call(c) => {
                let span = to_span(c.span);
                match &c.callee {
                    Callee::Expr(callee) => self.call(span, callee, &c.args, false),
                    Callee::Import(_) => {
                        // `import('./analytics')`: the module's exports (awaited or `.then`).
                        match c.args.first().map(|a| &*a.expr) {
                            Some(Expr::Lit(Lit::Str(s))) => {
                                self.load_module(&str_of(s)).unwrap_or_default()
                            }
                            _ => Value::default(),
                        }
                    }
                    Callee::Super(_) => {
                        for a in &c.args {
                            self.expr(&a.expr);
                        }
                        Value::default()
                    }
                }
            }
            Expr::New(n) => {
                let empty: &[ExprOrSpread] = &[];
                let args = n.args.as_deref().unwrap_or(empty);
                self.call(to_span(n.span), &n.callee, args, true)
            }
            Expr::OptChain(o) => match &*o.base {
                OptChainBase::Member(m) => self.member(m),
                OptChainBase::Call(c) => self.call(to_span(c.span), &c.callee, &c.args, false),
            },
            Expr::JSXElement(el) => {
                self.jsx_element(el);
                Value::default()
            }
            Expr::JSXFragment(f) => {
                self.jsx_children(&f.children);
                Value::default()
            }
            Expr::MetaProp(_)
            | Expr::PrivateName(_)
            | Expr::JSXMember(_)
            | Expr::JSXNamespacedName(_)
            | Expr::JSXEmpty(_)
            | Expr::Invalid(_) => Value::default(),
        }
    }

    pub(super) fn ident(&mut self, name: &str) -> Value {
        if let Some(d) = self.dom_refs.get(name) {
            let mut v = self.lookup(name).unwrap_or_default();
            if matches!(v.kind, Kind::Unknown | Kind::Global(_)) {
                v.kind = Kind::Dom(d.clone());
            }
            return v;
        }
        // `analytics` in a file that imports `@segment/analytics-node` is the server library.
        if let Some(target) = self.shadowed.get(name) {
            let v = self.lookup(name).unwrap_or_default();
            let stub = match &v.kind {
                Kind::Unknown | Kind::Func(_) => true,
                Kind::Global(p) => p.as_ref() == name,
                _ => false,
            };
            if stub {
                let mut g = v;
                g.kind = Kind::Global(target.clone());
                return g;
            }
        }
        match self.lookup(name) {
            Some(v) => {
                // A local holding an SDK handle under the SDK's own name (`const analytics =
                // AnalyticsBrowser.load(..)`) still is the SDK.
                // The vendor snippets define the global as a local stub (`function gtag(){
                // dataLayer.push(arguments);}`): calls to it are calls to the SDK.
                if matches!(v.kind, Kind::Unknown | Kind::Func(_))
                    && self.cat.sdks.root(name).is_some()
                {
                    let mut g = v;
                    g.kind = Kind::Global(name.into());
                    g
                } else {
                    v
                }
            }
            None => Value::kind(global_kind(name.into())),
        }
    }

    pub(super) fn object(&mut self, o: &'a ObjectLit) -> Value {
        let mut out = Value::default();
        for prop in &o.props {
            match prop {
                PropOrSpread::Spread(s) => {
                    let v = self.expr(&s.expr);
                    if let Some(fields) = &v.fields {
                        for (k, f) in fields.iter() {
                            out.set_field(k.clone(), f.clone());
                        }
                    }
                    out.add_taint(&v.taint);
                }
                PropOrSpread::Prop(p) => match &**p {
                    Prop::Shorthand(id) => {
                        let mut v = self.ident(&id.sym);
                        if !self.bound.is_empty() {
                            self.bound_read_path(&id.sym, to_span(id.span), &mut v);
                        }
                        out.set_field(id.sym.as_str().into(), v);
                    }
                    Prop::KeyValue(kv) => {
                        let key = match &kv.key {
                            PropName::Computed(c) => {
                                let k = self.expr(&c.expr);
                                k.as_str()
                                    .map(Rc::from)
                                    .unwrap_or_else(|| "[computed]".into())
                            }
                            other => prop_name_str(other).unwrap_or_default().into(),
                        };
                        let v = self.expr(&kv.value);
                        out.set_field(key, v);
                    }
                    Prop::Assign(a) => {
                        self.expr(&a.value);
                    }
                    Prop::Getter(g) => {
                        self.register(FuncNode::Function(&g.function), "getter");
                    }
                    Prop::Setter(s) => {
                        self.register(FuncNode::Function(&s.function), "setter");
                    }
                    Prop::Method(m) => {
                        let name = prop_name_str(&m.key).unwrap_or_else(|| "method".into());
                        let f = self.register(FuncNode::Function(&m.function), &name);
                        out.set_field(name.into(), f);
                    }
                },
            }
        }
        out
    }

    pub(super) fn member_key(&mut self, prop: &'a MemberProp) -> Option<Rc<str>> {
        match prop {
            MemberProp::Ident(i) => Some(i.sym.as_str().into()),
            MemberProp::PrivateName(p) => Some(format!("#{}", p.name).into()),
            MemberProp::Computed(c) => {
                if let Expr::Lit(Lit::Num(n)) = &*c.expr {
                    return Some(format!("{}", n.value).into());
                }
                let k = self.expr(&c.expr);
                k.as_str().map(Rc::from)
            }
        }
    }

    pub(super) fn member(&mut self, m: &'a MemberExpr) -> Value {
        let obj = self.expr(&m.obj);
        let span = to_span(m.span);
        match self.member_key(&m.prop) {
            Some(key) => {
                let owner = owner_name(&m.obj);
                self.get_prop(&obj, &key, owner.as_deref(), span)
            }
            None => self.get_prop(&obj, "[index]", None, span),
        }
    }

    pub(super) fn assign(&mut self, a: &'a AssignExpr) -> Value {
        let mut value = self.expr(&a.right);
        match a.op {
            AssignOp::Assign => {}
            AssignOp::AddAssign
            | AssignOp::OrAssign
            | AssignOp::NullishAssign
            | AssignOp::AndAssign => {
                if let AssignTarget::Simple(SimpleAssignTarget::Ident(b)) = &a.left {
                    if let Some(old) = self.lookup(&b.id.sym) {
                        value = old.taint_only().join(&value.taint_only());
                    }
                }
            }
            _ => return Value::default(),
        }
        match &a.left {
            AssignTarget::Simple(SimpleAssignTarget::Ident(b)) => {
                let name: &str = &b.id.sym;
                // `adroll_email = email` in a classic script: a name nothing declares is the
                // page's global, and may be an SDK's settings.
                if self.lookup(name).is_none() {
                    if let Some((sdk, shape)) = self.cat.sdks.assign_for(name) {
                        let site = Rc::new(SinkSite {
                            sdk,
                            page_sdk: None,
                            span: to_span(a.span),
                            display: name.to_string(),
                            what: shape.what.clone(),
                        });
                        self.send_to_sink(&site, 0, &value);
                    }
                }
                let step = Step {
                    span: to_span(b.id.span),
                    note: format!("assigned to `{name}`").into(),
                };
                self.assign_var(name, value.with_step(&step));
            }
            AssignTarget::Simple(SimpleAssignTarget::Member(m)) => {
                self.assign_member(m, value.clone(), to_span(a.span), Some(&a.right))
            }
            AssignTarget::Simple(SimpleAssignTarget::Paren(p)) => {
                self.assign_to_expr(&p.expr, value.clone())
            }
            AssignTarget::Pat(AssignTargetPat::Object(o)) => {
                for prop in &o.props {
                    if let ObjectPatProp::Assign(ap) = prop {
                        let sub =
                            self.get_prop(&value, &ap.key.id.sym, None, to_span(ap.key.id.span));
                        self.assign_var(&ap.key.id.sym, sub);
                    } else if let ObjectPatProp::KeyValue(kv) = prop {
                        if let Some(k) = prop_name_str(&kv.key) {
                            let sub = self.get_prop(&value, &k, None, to_span(kv.key.span()));
                            self.bind_pat(&kv.value, sub, false, false, None);
                        }
                    }
                }
            }
            AssignTarget::Pat(AssignTargetPat::Array(arr)) => {
                for (i, elem) in arr.elems.iter().enumerate() {
                    if let Some(p) = elem {
                        let sub = self.get_prop(&value, &i.to_string(), None, to_span(p.span()));
                        self.bind_pat(p, sub, false, false, None);
                    }
                }
            }
            _ => {}
        }
        value
    }

    pub(super) fn assign_to_expr(&mut self, e: &'a Expr, value: Value) {
        match e {
            Expr::Ident(i) => self.assign_var(&i.sym, value),
            Expr::Member(m) => self.assign_member(m, value, to_span(m.span), None),
            Expr::Paren(p) => self.assign_to_expr(&p.expr, value),
            _ => {}
        }
    }

    /// `rhs` is the assigned expression when the code wrote one (`x.y = {…}`), which lets a
    /// sink assignment judge its vendor-defined keys.
    pub(super) fn assign_member(
        &mut self,
        m: &'a MemberExpr,
        value: Value,
        span: ByteSpan,
        rhs: Option<&'a Expr>,
    ) {
        let obj = self.expr(&m.obj);
        let Some(key) = self.member_key(&m.prop) else {
            return;
        };
        // CommonJS exports: `module.exports = {…}`, `exports.track = …`.
        if let Kind::Global(path) = &obj.kind {
            match (&**path, &*key) {
                ("module", "exports") => return self.export_all(value),
                ("exports" | "module.exports", k) => return self.export(k, value),
                _ => {}
            }
        }
        // Sink assignments: `window.intercomSettings = {…}`.
        if let Kind::Global(path) = &obj.kind {
            let target = join_path(path, &key);
            if let Some((sdk, shape)) = self.cat.sdks.assign_for(&target) {
                let site = Rc::new(SinkSite {
                    sdk,
                    page_sdk: None,
                    span,
                    display: target.to_string(),
                    what: shape.what.clone(),
                });
                self.send_to_sink(&site, 0, &value);
                if let (Some(rhs), Some(slot)) = (rhs, self.cat.sdks.slot(sdk, &shape.what)) {
                    self.assigned_slots(&site, slot, rhs, &value);
                }
                return;
            }
        }
        // `Vue.prototype.$track = function (…) {…}`, `app.config.globalProperties.$track = …`.
        if let (Kind::Global(path), Kind::Func(_)) = (&obj.kind, &value.kind) {
            if path.as_ref() == "Vue.prototype" || path.ends_with(".config.globalProperties") {
                self.define_global_method(&key, value.clone());
            }
        }
        // `new Image().src = 'https://www.facebook.com/tr?…' + email`: a raw beacon.
        if self.beacon_assign(&key, &value, span) {
            return;
        }
        // `el.onchange = function (e) {…}`: a handler fired with the element.
        if key.starts_with("on") && key.len() > 2 {
            if let Kind::Func(fid) = value.kind {
                let ev = Value::kind(Kind::Event(Rc::new(obj.clone())));
                let step = Step {
                    span,
                    note: format!("read by the {} handler", &key[2..]).into(),
                };
                self.apply(fid, vec![ev], obj, &step);
                return;
            }
        }
        // `data.em = email`: the variable's object gains the field.
        let mut path = vec![key];
        let mut cur: &Expr = &m.obj;
        loop {
            match cur {
                // `data.em = email` on a variable, `this.user = user` in a method: the variable's
                // object gains the field; the class's other members see `this`'s through the
                // instance.
                Expr::Ident(_) | Expr::This(_) => {
                    let root: &str = match cur {
                        Expr::Ident(i) => &i.sym,
                        _ => "this",
                    };
                    path.reverse();
                    let fields: Vec<&str> = path.iter().map(|s| s.as_ref()).collect();
                    let step = Step {
                        span,
                        note: format!("stored in `{root}.{}`", fields.join(".")).into(),
                    };
                    let value = value.with_step(&step);
                    if root == "this" {
                        self.record_field(&path, &value);
                    }
                    self.assign_field(root, &path, value);
                    return;
                }
                Expr::Member(inner) => match &inner.prop {
                    MemberProp::Ident(p) => {
                        path.push(p.sym.as_str().into());
                        cur = &inner.obj;
                    }
                    _ => return,
                },
                Expr::Paren(p) => cur = &p.expr,
                _ => return,
            }
            if path.len() > MAX_DEPTH {
                return;
            }
        }
    }
}
