//! Calls: the callee and arguments are evaluated, then the call is tried as, in order, an SDK
//! sink or beacon, a browser API, a framework helper, a write to a local container, a function
//! of the analysed code (its summary applied), and else a call into code the analysis cannot see
//! (`opaque.rs`), whose callbacks still run.

use super::apis::*;
use super::ast::*;
use super::call::Call;
use super::engine::Engine;
use super::func::FuncNode;
use super::value::*;
use crate::catalog::NameSite;
use crate::parse::to_span;
use crate::source::ByteSpan;
use std::rc::Rc;
use swc_ecma_ast::*;

impl<'a> Engine<'a> {
    pub(super) fn call(
        &mut self,
        span: ByteSpan,
        callee: &'a Expr,
        args: &'a [ExprOrSpread],
        is_new: bool,
    ) -> Value {
        let callee = unwrap_expr(callee);
        let receiver_name = match callee {
            Expr::Member(m) => expr_name(&m.obj),
            _ => None,
        };
        let (receiver, method, callee_val) = match callee {
            Expr::Member(m) => {
                let recv = self.expr(&m.obj);
                let key = self.member_key(&m.prop);
                let owner = expr_name(&m.obj);
                // `const analytics = useAnalytics(); analytics.identify(x)`: a local named like
                // an SDK whose member is a function of the analysed code calls that function
                // (a hook handing out its own `identify`), not the SDK of that name.
                let own = match (&*m.obj, &key) {
                    (Expr::Ident(i), Some(k)) => self
                        .lookup(&i.sym)
                        .and_then(|v| v.field(k).cloned())
                        .filter(|f| matches!(f.kind, Kind::Func(_))),
                    _ => None,
                };
                let cv = match (own, &key) {
                    (Some(f), _) => f,
                    (None, Some(k)) => self.get_prop(&recv, k, owner.as_deref(), to_span(m.span)),
                    (None, None) => Value::default(),
                };
                (Some(recv), key, cv)
            }
            Expr::OptChain(o) => match &*o.base {
                OptChainBase::Member(m) => {
                    let recv = self.expr(&m.obj);
                    let key = self.member_key(&m.prop);
                    let cv = match &key {
                        Some(k) => self.get_prop(&recv, k, None, to_span(m.span)),
                        None => Value::default(),
                    };
                    (Some(recv), key, cv)
                }
                OptChainBase::Call(_) => (None, None, self.expr(callee)),
            },
            _ => (None, None, self.expr(callee)),
        };
        let mut arg_vals = Vec::with_capacity(args.len());
        let arg_spans: Vec<ByteSpan> = args
            .iter()
            .map(|a| to_span(swc_common::Spanned::span(&*a.expr)))
            .collect();
        let mut has_spread = false;
        for a in args {
            let v = self.expr(&a.expr);
            if a.spread.is_some() {
                has_spread = true;
                arg_vals.push(element_of(&v));
            } else {
                arg_vals.push(v);
            }
        }
        // A call through an imported module: load it when the call can carry data into it (a
        // read, or a parameter of this function whose callers may pass one), or when the
        // function's name says it returns personal data (`getUserEmail()`).
        let mut callee_val = callee_val;
        // A wrapper the configuration declares a sink (`[[sink]] callee = "trackEvent"`) is one
        // however it is imported: by its export's name or as the call spells it.
        if let Kind::Lazy(lazy) = &callee_val.kind {
            if let Some(path) = self.configured_sink(callee, lazy) {
                callee_val = Value::kind(Kind::Global(path));
            }
        }
        if let Kind::Lazy(lazy) = &callee_val.kind {
            let lazy = lazy.clone();
            let concrete = |v: &Value| {
                v.flat_taint(0)
                    .iter()
                    .any(|l| matches!(l.origin, Origin::Source(_)))
            };
            // A key that names personal data (`getFieldValue('supporter.email')`) may be read
            // by it.
            let names_field = |v: &Value| {
                v.as_str().is_some_and(|s| {
                    s.len() <= 64
                        && !s.contains(' ')
                        && self.cat.names.classify(s, None, NameSite::Field).is_some()
                })
            };
            let carries = arg_vals.iter().any(|a| concrete(a) || names_field(a))
                || receiver.as_ref().is_some_and(concrete)
                || lazy.path.last().is_some_and(|n| {
                    self.cat.names.classify(n, None, NameSite::Code).is_some()
                        || self.cat.sdks.named_in(n)
                });
            let resolved = if carries {
                self.resolve_lazy(&lazy)
            } else {
                None
            };
            match resolved {
                Some(resolved) => {
                    if let Kind::Func(fid) = resolved.kind {
                        let name = self.funcs[fid].name.clone();
                        let step = Step {
                            span,
                            note: format!("passed to {name}()").into(),
                        };
                        return self.apply(fid, arg_vals, receiver.unwrap_or_default(), &step);
                    }
                    if is_new && resolved.fields.is_some() {
                        return resolved;
                    }
                    callee_val = resolved;
                }
                // Not loaded (nothing to carry), or not there: judge the call by its name, as
                // for any function we cannot see into (`sha256(email)` still identifies).
                None => {
                    let name = lazy
                        .path
                        .last()
                        .map_or_else(|| "default".to_string(), |n| n.to_string());
                    callee_val = Value::kind(Kind::Global(name.into()));
                }
            }
        }
        let call = Call {
            span,
            receiver: receiver.as_ref(),
            receiver_name: receiver_name.as_deref(),
            method: method.as_deref(),
            callee: &callee_val,
            callee_span: to_span(swc_common::Spanned::span(callee)),
            args: &arg_vals,
            arg_spans: &arg_spans,
            arg_exprs: args,
            is_new,
            has_spread,
        };
        // `setEmail(e.target.value)`: React state takes the value.
        if let Kind::Setter(state) = &callee_val.kind {
            if let Some(v) = arg_vals
                .first()
                .filter(|v| !matches!(v.kind, Kind::Func(_)))
            {
                let step = Step {
                    span,
                    note: format!("stored in state `{state}`").into(),
                };
                let state = state.clone();
                self.assign_var(&state, v.with_step(&step));
            }
            return Value::default();
        }
        // jQuery hands its ready callbacks jQuery itself, as `$`: `jQuery(function ($) {…})`,
        // `$(document).ready(function ($) {…})`.
        let is_jquery =
            |k: &Kind| matches!(k, Kind::Global(p) if matches!(p.as_ref(), "$" | "jQuery"));
        let ready =
            (is_jquery(&callee_val.kind) && method.is_none()) || method.as_deref() == Some("ready");
        if let (true, Some(Kind::Func(fid))) = (ready, arg_vals.first().map(|a| a.kind.clone())) {
            let step = Step {
                span: arg_spans[0],
                note: "run when the page is ready".into(),
            };
            let jquery = Value::kind(Kind::Global("jQuery".into()));
            self.apply(fid, vec![jquery], Value::default(), &step);
            return Value::default();
        }
        // `mixpanel.init(token, config, 'marketing')`: `mixpanel.marketing` is that instance.
        if let Kind::Global(p) = &callee_val.kind {
            let named = self
                .cat
                .sdks
                .instance_name_arg(p)
                .and_then(|i| arg_vals.get(i));
            if let (Some(name), Some((recv, _))) =
                (named.and_then(Value::as_str), p.rsplit_once('.'))
            {
                self.named_instances
                    .insert(format!("{recv}.{name}").into(), recv.into());
            }
        }
        // 1. A tracker SDK call: the data-carrying arguments are sent.
        if self.sink_call(&call) || self.beacon_call(&call) {
            return Value::default();
        }
        // `inputs.find(i => EMAIL_NAMES.includes(i.name))`: the field of one of those names.
        if let (Some("find" | "filter"), Some(Kind::Func(fid))) =
            (method.as_deref(), arg_vals.first().map(|a| &a.kind))
        {
            if let Some(v) = self.picked_field(*fid, method.as_deref().unwrap_or("find")) {
                return v;
            }
        }
        // 2. Browser APIs that read personal data or pass it through.
        if let Some(v) = self.builtin_call(&call) {
            return v;
        }
        // `useMemo(() => ({ email }))`, `ref(x)`, `useSelector(s => s.user.email)`.
        if let Some(v) = expr_name(callee).and_then(|n| self.framework_helper(&n, &call)) {
            return v;
        }
        // `list.push(email)`, `params.set('email', email)`, LeadBoxer's `map.put('email', email)`:
        // a local container takes the data.
        if let (Some(m), Some(recv)) = (method.as_deref(), receiver.as_ref()) {
            if !matches!(callee_val.kind, Kind::Func(_))
                && self.container_write(callee, recv, m, &arg_vals, span)
            {
                return Value::default();
            }
        }
        // `new Tracker()`: an instance has the class's methods.
        if is_new && callee_val.fields.is_some() && matches!(callee_val.kind, Kind::Unknown) {
            return callee_val.clone();
        }
        // `Vue.mixin({ methods: { track(…) {…} } })`: methods of every component.
        if let Kind::Global(p) = &callee_val.kind {
            if p.as_ref() == "Vue.mixin" || p.ends_with("().mixin") {
                if let Some(methods) = arg_vals.first().and_then(|a| a.field("methods")) {
                    let methods: Vec<(Rc<str>, Value)> = methods
                        .fields
                        .iter()
                        .flat_map(|f| f.iter())
                        .filter(|(_, v)| matches!(v.kind, Kind::Func(_)))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    for (name, f) in methods {
                        self.define_global_method(&name, f);
                    }
                }
            }
        }
        // `this.track(…)` in a component, `track` given by a plugin's mixin in another file.
        if !matches!(callee_val.kind, Kind::Func(_)) {
            let name = method
                .as_deref()
                .filter(|_| matches!(callee, Expr::Member(m) if matches!(&*m.obj, Expr::This(_))))
                .map(str::to_string)
                .or_else(|| match callee {
                    Expr::Ident(i) if self.lookup(&i.sym).is_none() => Some(i.sym.to_string()),
                    _ => None,
                });
            if let Some((name, f)) = name.and_then(|n| Some((n.clone(), self.global_method(&n)?))) {
                if let Kind::Func(fid) = f.kind {
                    let step = Step {
                        span,
                        note: format!("passed to {name}()").into(),
                    };
                    return self.apply(fid, arg_vals, receiver.unwrap_or_default(), &step);
                }
            }
        }
        // 3. A function defined in this file.
        if let Kind::Func(fid) = callee_val.kind {
            let name = self.funcs[fid].name.clone();
            let step = Step {
                span,
                note: format!("passed to {name}()").into(),
            };
            return self.apply(fid, arg_vals, receiver.unwrap_or_default(), &step);
        }
        // Dependency injection: Angular's `inject(IntercomService)` is the service's instance;
        // Vue's `inject('posthog')` is what a plugin provided under an SDK's name.
        if let Kind::Global(p) = &callee_val.kind {
            if p.as_ref() == "inject" || p.ends_with(".inject") {
                match arg_vals.first().map(|a| &a.kind) {
                    Some(Kind::Lazy(_)) => return arg_vals[0].clone(),
                    Some(Kind::Str(name)) => {
                        if let Some(root) = self.cat.sdks.root(name).map(|_| name.clone()) {
                            return Value::kind(Kind::Global(root));
                        }
                    }
                    _ if arg_vals.first().is_some_and(|a| a.fields.is_some()) => {
                        return arg_vals[0].clone()
                    }
                    _ => {}
                }
            }
        }
        // 4. Callbacks handed to code we do not model still run; bind what we know.
        self.unknown_call_callbacks(&call);
        // 5. What an SDK or browser function returns is addressed by path:
        // `braze.getUser().setEmail`, `ttq.instance('ID').track`.
        match &callee_val.kind {
            Kind::Global(p) if !is_new && self.cat.sdks.is_handle(p) => {
                Value::kind(self.global(format!("{p}()").into()))
            }
            // `new AnalyticsBrowser()`: a documented constructor of an SDK handle.
            Kind::Global(p) if self.cat.sdks.canonical(&format!("{p}()")).is_some() => {
                Value::kind(self.global(format!("{p}()").into()))
            }
            // `new Uint8Array(buf)`, `new Date(dob)`, `new Blob([email])`: built from the data.
            Kind::Global(_) if is_new => {
                let mut out = Value::default();
                for a in &arg_vals {
                    out.add_taint(&a.flat_taint(0));
                }
                out
            }
            // 6. Any other call we cannot see into returns what it was given.
            Kind::Global(p) => {
                let fallback = self.global(format!("{p}()").into());
                self.opaque_call(&call, fallback)
            }
            _ => self.opaque_call(&call, Kind::Unknown),
        }
    }

    /// The `[[sink]]` callee an imported binding's call names, if the configuration has one.
    pub(super) fn configured_sink(&self, callee: &Expr, lazy: &LazyImport) -> Option<Rc<str>> {
        let sdks = &self.cat.sdks;
        let exported: Vec<&str> = lazy
            .path
            .iter()
            .map(|s| s.as_ref())
            .filter(|s| *s != "default")
            .collect();
        let candidates = [
            (!exported.is_empty()).then(|| exported.join(".")),
            expr_path(callee),
        ];
        candidates.into_iter().flatten().find_map(|c| {
            sdks.calls_for(&c)
                .iter()
                .any(|&(sdk, _)| sdks.get(sdk).is_configured())
                .then(|| Rc::from(c.as_str()))
        })
    }

    /// What `find`/`filter` with a predicate that picks fields by name returns: the field, judged
    /// by the first of those names that says what it holds.
    pub(super) fn picked_field(&mut self, fid: usize, method: &str) -> Option<Value> {
        let (param, ret): (Option<&'a Pat>, Option<&'a Expr>) = match self.funcs[fid].node {
            FuncNode::Arrow(a) => (
                a.params.first(),
                match &*a.body {
                    ArrowFunctionBody::Expr(e) => Some(&**e),
                    ArrowFunctionBody::FunctionBody(b) => single_return(&b.stmts),
                },
            ),
            FuncNode::Function(f) => (
                f.params.first().map(|p| &p.pat),
                f.body.as_ref().and_then(|b| single_return(&b.stmts)),
            ),
            _ => return None,
        };
        let (Some(Pat::Ident(param)), Some(ret)) = (param, ret) else {
            return None;
        };
        let mut list = |name: &str| -> Vec<String> {
            self.lookup(name)
                .and_then(|v| v.fields.clone())
                .map(|f| {
                    f.values()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let names = super::pickers::picked_names(param.id.sym.as_str(), ret, &mut list);
        let (name, m) = names.iter().find_map(|n| {
            let m = self.cat.names.classify(n, None, NameSite::Field)?;
            Some((n, m))
        })?;
        if m.kind != crate::catalog::NameKind::Value {
            return None;
        }
        Some(Value::kind(Kind::Dom(Rc::new(DomInfo {
            category: m.category,
            desc: format!("the field named '{name}' picked by {method}()"),
        }))))
    }

    /// `xs.push(v)` / `set.add(v)` (the container holds `v`), `m.set('email', v)` /
    /// `params.append('email', v)` / `map.put('email', v)` (the container's `email` is `v`), on a
    /// local variable or a field of `this`. False when the call is not such a write.
    pub(super) fn container_write(
        &mut self,
        callee: &'a Expr,
        recv: &Value,
        method: &str,
        args: &[Value],
        span: ByteSpan,
    ) -> bool {
        let keyed = CONTAINER_KEYED_METHODS.contains(&method);
        if !(keyed || CONTAINER_ADD_METHODS.contains(&method)) || args.is_empty() {
            return false;
        }
        // Most writes carry nothing: `list.push(item)` of plain values is not followed further.
        let carried = if keyed {
            args.get(1).is_some_and(|v| !v.flat_taint(0).is_empty())
        } else {
            args.iter().any(|a| !a.flat_taint(0).is_empty())
        };
        if !carried && matches!(recv.kind, Kind::Unknown) {
            return true;
        }
        // Only plain objects and arrays: an element's, a global's or an SDK's method is no
        // container write.
        if !matches!(recv.kind, Kind::Unknown) {
            return false;
        }
        let Expr::Member(m) = unwrap_expr(callee) else {
            return false;
        };
        let mut path: Vec<Rc<str>> = Vec::new();
        let mut cur: &Expr = &m.obj;
        let root: &str = loop {
            match unwrap_expr(cur) {
                Expr::Ident(i) => break &i.sym,
                Expr::This(_) => break "this",
                Expr::Member(inner) => match &inner.prop {
                    MemberProp::Ident(p) if path.len() < MAX_DEPTH => {
                        path.push(p.sym.as_str().into());
                        cur = &inner.obj;
                    }
                    _ => return false,
                },
                _ => return false,
            }
        };
        if root != "this" && self.lookup(root).is_none() {
            return false;
        }
        path.reverse();
        let mut updated = recv.clone();
        let written = if keyed {
            let Some(value) = args.get(1) else {
                return false;
            };
            match args[0].as_str() {
                Some(k) => {
                    let k: Rc<str> = k.into();
                    let joined = updated.field(&k).cloned().unwrap_or_default().join(value);
                    updated.set_field(k, joined);
                }
                None => updated.add_taint(&value.flat_taint(0)),
            }
            value.flat_taint(0)
        } else {
            let mut all = Vec::new();
            for a in args {
                all.extend(a.flat_taint(0));
            }
            updated.add_taint(&all);
            all
        };
        if written.is_empty() {
            return true;
        }
        let target = if path.is_empty() {
            root.to_string()
        } else {
            let fields: Vec<&str> = path.iter().map(|s| s.as_ref()).collect();
            format!("{root}.{}", fields.join("."))
        };
        let step = Step {
            span,
            note: format!("stored in `{target}` by {method}()").into(),
        };
        let updated = updated.with_step(&step);
        if path.is_empty() {
            self.assign_var(root, updated);
        } else {
            if root == "this" {
                self.record_field(&path, &updated);
            }
            self.assign_field(root, &path, updated);
        }
        true
    }

    /// Calls an iteration callback with the elements of `list` and returns what it returns. A
    /// short list of string literals is iterated string by string, so names built from them
    /// are judged (`['address1', 'address2'].map(f => getFieldValue(f))`); any other list's
    /// elements are passed as one.
    pub(super) fn call_per_element(&mut self, fid: usize, list: &Value, step: &Step) -> Value {
        let strings = literal_elements(list);
        let elems = match &strings {
            Some(strings) => strings
                .iter()
                .map(|s| Value::kind(Kind::Str(s.clone())))
                .collect(),
            None => vec![element_of(list)],
        };
        let saved = std::mem::replace(&mut self.literal_args, strings.is_some());
        let mut returned = Value::default();
        for e in elems {
            let r = self.apply(fid, vec![e], Value::default(), step);
            returned = returned.join(&r);
        }
        self.literal_args = saved;
        returned
    }

    pub(super) fn unknown_call_callbacks(&mut self, call: &Call) {
        for (i, a) in call.args.iter().enumerate() {
            let Kind::Func(fid) = a.kind else { continue };
            let recv = call.receiver.cloned().unwrap_or_default();
            if let (0, Some(m)) = (i, call.method) {
                if ITERATING.contains(&m) {
                    let step = Step {
                        span: ByteSpan::new(call.arg_spans[0].start, call.arg_spans[0].start),
                        note: "passed to the callback".into(),
                    };
                    self.call_per_element(fid, &recv, &step);
                    continue;
                }
            }
            let callee_name = match &call.callee.kind {
                Kind::Global(p) => p.rsplit('.').next().unwrap_or(p).to_string(),
                _ => String::new(),
            };
            let (params, this, note) = match call.method {
                // react-hook-form: `handleSubmit(data => …)` gets the form's values by field name.
                _ if callee_name == "handleSubmit" && i == 0 => {
                    let bag = Value::kind(Kind::Bag(Rc::new(BagInfo {
                        kind: BagKind::FormData,
                    })));
                    (
                        vec![bag],
                        Value::default(),
                        "received the submitted form values".to_string(),
                    )
                }
                Some(m) if is_listener_method(m) => {
                    let ev = Value::kind(Kind::Event(Rc::new(recv.clone())));
                    let event = call
                        .args
                        .first()
                        .and_then(Value::as_str)
                        .map(str::to_string)
                        .unwrap_or_else(|| m.to_string());
                    (vec![ev], recv, format!("read by the {event} handler"))
                }
                Some("then") if i == 0 => (
                    vec![recv.clone()],
                    Value::default(),
                    "passed to then()".to_string(),
                ),
                // `Sentry.configureScope(scope => scope.setUser(…))`: the callback gets the SDK.
                Some(m) if matches!(&recv.kind, Kind::Global(p) if self.cat.sdks.calls_back_with_self(p, m)) => {
                    (
                        vec![Value::kind(recv.kind.clone())],
                        Value::default(),
                        format!("run by {m}()"),
                    )
                }
                _ => (
                    Vec::new(),
                    Value::default(),
                    "run as a callback".to_string(),
                ),
            };
            // Point at the event name (`'change'`) or the callback's start, not the whole call.
            let at = match call.method {
                Some(m) if is_listener_method(m) && i > 0 => call.arg_spans[0],
                _ => ByteSpan::new(call.arg_spans[i].start, call.arg_spans[i].start),
            };
            let step = Step {
                span: at,
                note: note.into(),
            };
            self.apply(fid, params, this, &step);
        }
    }
}
