//! Where personal data enters: reads of sensitive page elements, form data, URL parameters,
//! storage and cookies, and properties whose names say what they hold. Also the browser
//! functions that pass data through unchanged (string methods, encoders, hashes).

use super::apis::*;
use super::call::Call;
use super::elements::{element_category, element_value};
use super::engine::Engine;
use super::value::*;
use crate::catalog::fields::{classify_selector, is_form_name, FieldClass};
use crate::catalog::{names::normalize, CategoryId, NameKind, NameSite};
use crate::extract::ElementFact;
use crate::report::Evidence;
use crate::source::ByteSpan;
use std::rc::Rc;

impl<'a> Engine<'a> {
    /// `obj[key]`: field values, element reads, named form fields, and names that say what a
    /// property holds.
    pub(super) fn get_prop(
        &mut self,
        obj: &Value,
        key: &str,
        owner: Option<&str>,
        span: ByteSpan,
    ) -> Value {
        let mut out = match obj.field(key) {
            Some(f) => f.clone(),
            None if key == "[index]" => element_of(obj).taint_only(),
            None => Value::default(),
        };
        match &obj.kind {
            // `require('react-facebook-pixel').default` is the package's API too.
            Kind::Global(path) if key == "default" && path.starts_with("npm:") => {
                out.kind = obj.kind.clone()
            }
            Kind::Global(path) => out.kind = self.global(join_path(path, key)),
            Kind::Dom(d) => {
                if DOM_VALUE_PROPS.contains(&key) {
                    let label = self.new_source(span, d.category, d.desc.clone(), Evidence::Read);
                    out.add_label(label);
                } else if DOM_SAME_PROPS.contains(&key) || key.bytes().all(|b| b.is_ascii_digit()) {
                    out.kind = obj.kind.clone();
                } else if key == "dataset" {
                    out.kind = Kind::Unknown;
                }
            }
            Kind::Form(name) => {
                if key == "elements" || key == "[index]" || key.bytes().all(|b| b.is_ascii_digit())
                {
                    out.kind = Kind::Form(name.clone());
                } else {
                    // A field the page declares is judged as declared (type, autocomplete,
                    // placeholder); its name alone decides only for fields not declared here.
                    let declared = self
                        .elements
                        .iter()
                        .find(|e| e.name.as_deref() == Some(key))
                        .map(|e| element_value(&self.cat.names, e));
                    let by_name = self.classify(key, None, NameSite::Field);
                    match (declared, by_name) {
                        // Declared, and nothing personal: a `name` placeholdered "Project name".
                        (Some(None), _) => {}
                        (_, Some(m)) => {
                            let desc = match name {
                                Some(f) => format!("form field '{key}' of {f}"),
                                None => format!("form field '{key}'"),
                            };
                            out.kind = Kind::Dom(Rc::new(DomInfo {
                                category: m.category,
                                desc,
                            }));
                        }
                        // `<input name="contact" type="email">`: sensitive by what it declares.
                        (Some(Some(v)), None) if matches!(v.kind, Kind::Dom(_)) => {
                            out.kind = v.kind
                        }
                        _ => {}
                    }
                }
            }
            Kind::Bag(b) => {
                if matches!(
                    b.kind,
                    BagKind::FormData
                        | BagKind::UrlParams
                        | BagKind::LocalStorage
                        | BagKind::SessionStorage
                ) {
                    if let Some(m) = self.classify(key, None, NameSite::Field) {
                        let label =
                            self.new_source(span, m.category, b.kind.describe(key), Evidence::Read);
                        out.add_label(label);
                    }
                }
            }
            Kind::Event(target) => {
                if matches!(
                    key,
                    "target" | "currentTarget" | "srcElement" | "delegateTarget"
                ) {
                    out = (**target).clone();
                }
            }
            // `tracker.lead` on a deferred import: the member joins its path.
            Kind::Lazy(l) => {
                let mut path = l.path.clone();
                path.push(key.into());
                out.kind = Kind::Lazy(Rc::new(LazyImport {
                    spec: l.spec.clone(),
                    from_file: l.from_file,
                    path,
                }));
            }
            Kind::Str(_)
            | Kind::Concat(_)
            | Kind::Func(_)
            | Kind::Setter(_)
            | Kind::Unknown
            | Kind::Returned => {}
        }
        // A framework plugin's global on any object: `this.$posthog`, `useNuxtApp().$sentry`,
        // `Vue.prototype.$mixpanel`.
        // Also under a path that names no SDK (`app.config.globalProperties.$posthog`).
        if key.starts_with('$')
            && !matches!(&out.kind, Kind::Global(p) if self.cat.sdks.root(p.split('.').next().unwrap_or("")).is_some())
        {
            if let Some(path) = self.cat.sdks.canonical(key) {
                out.kind = global_kind(path.into());
            }
        }
        // A property whose name says what it holds: `user.email`, `customer.address.street`.
        // Replaying a summary's parameter path on the caller's value reads what that value
        // holds; the callee's names were judged when the summary was made.
        let named = if !self.replaying
            && !matches!(
                obj.kind,
                Kind::Dom(_) | Kind::Form(_) | Kind::Bag(_) | Kind::Event(_) | Kind::Str(_)
            )
            && key != "[index]"
            && !out.taint.iter().any(|l| {
                matches!(l.origin, Origin::Source(id) if self.source_evidence(id) > Evidence::ParamName)
            })
        {
            self.classify(key, owner, NameSite::Code)
        } else {
            None
        };
        let renamed = named.is_some_and(|m| m.kind == NameKind::Value);
        // The object's own taint: a string's parts are still the data; parameters extend their path.
        // The result of an opaque call: its own data is there, but not in each property.
        let opaque = matches!(obj.kind, Kind::Returned) && !key.bytes().all(|b| b.is_ascii_digit());
        for l in obj.taint.iter().filter(|_| !opaque) {
            match &l.origin {
                Origin::Source(id) => {
                    // `customer.address.street`: the more specific name explains the value better.
                    let weak = self.source_is_weak(*id);
                    let token_metadata = TOKEN_METADATA_PROPS.contains(&key)
                        && self.cat.names.category(self.source_category(*id)).id == "credentials";
                    if !(CLEAN_PROPS.contains(&key) || renamed && weak || token_metadata) {
                        out.add_label(l.clone());
                    }
                }
                Origin::Param { path, .. } => {
                    if path.len() < MAX_DEPTH {
                        out.add_label(
                            l.then_seg(Seg::Prop(key.into(), span))
                                .expect("a parameter"),
                        );
                    }
                }
            }
        }
        if let Some(m) = named {
            let text = self.span_text(span);
            let text = if text.is_empty() { key } else { text };
            // `const { email } = user` reads `user.email` although only `email` is written.
            let desc = match owner {
                Some(o) if text == key => format!("{o}.{key}"),
                _ => crate::source::snippet(text, ByteSpan::new(0, text.len() as u32), 60),
            };
            match m.kind {
                NameKind::Value => {
                    let label = self.new_source(span, m.category, desc, Evidence::Name);
                    out.add_label(label);
                }
                NameKind::Handle => {
                    if matches!(out.kind, Kind::Unknown | Kind::Global(_)) {
                        out.kind = Kind::Dom(Rc::new(DomInfo {
                            category: m.category,
                            desc,
                        }));
                    }
                }
            }
        }
        out
    }

    /// `$el.val()`, `el.text()`, `el.getAttribute('value')` on an element; `None` when the
    /// method is not a read.
    pub(super) fn dom_read_method(
        &mut self,
        recv: &Value,
        method: &str,
        args: &[Value],
        span: ByteSpan,
    ) -> Option<Value> {
        let read = match method {
            "val" | "text" | "html" | "innerText" | "textContent" | "attr:value" => {
                method.to_string()
            }
            // jQuery's `$(form).serialize()` / `.serializeArray()`: every field of the form.
            "serialize" | "serializeArray" => method.to_string(),
            "getAttribute" | "attr" | "prop" => match args.first().and_then(Value::as_str) {
                Some("value") => "attr:value".to_string(),
                _ => return None,
            },
            _ => return None,
        };
        // Setters (`$el.val('x')`) write rather than read.
        if read != "attr:value" && !args.is_empty() {
            return None;
        }
        let mut out = Value::default();
        if let Kind::Dom(d) = &recv.kind {
            let label = self.new_source(span, d.category, d.desc.clone(), Evidence::Read);
            out.add_label(label);
        }
        if let (Kind::Form(Some(form)), "serialize" | "serializeArray") = (&recv.kind, method) {
            let form = form.clone();
            out = self.serialized_form(&form, method, span);
        }
        for l in &recv.taint {
            match l.then_seg(Seg::Read(read.as_str().into(), span)) {
                Some(extended) => out.add_label(extended),
                None => out.add_label(l.clone()),
            }
        }
        Some(out)
    }

    /// The element(s) a lookup selects, classified; same-file element declarations refine it.
    fn dom_lookup(&self, how: Lookup, arg: &str) -> Value {
        let names = &self.cat.names;
        if let Some((el, file)) = self.find_element(how, arg) {
            if let Some(mut v) = element_value(names, &el) {
                if let (Some(file), Kind::Dom(d)) = (file, &v.kind) {
                    let desc = format!("{} in {file}", d.desc);
                    v.kind = Kind::Dom(Rc::new(DomInfo {
                        category: d.category,
                        desc,
                    }));
                }
                return v;
            }
        }
        let (class, desc) = match how {
            Lookup::Id => (
                names
                    .classify(arg, None, NameSite::Field)
                    .map(|m| FieldClass::Sensitive(m.category))
                    .or_else(|| is_form_name(arg).then_some(FieldClass::Form)),
                format!("element #{arg}"),
            ),
            Lookup::Name => (
                names
                    .classify(arg, None, NameSite::Field)
                    .map(|m| FieldClass::Sensitive(m.category)),
                format!("field [name={arg}]"),
            ),
            Lookup::Class => (
                names
                    .classify(arg, None, NameSite::Field)
                    .map(|m| FieldClass::Sensitive(m.category)),
                format!("element .{arg}"),
            ),
            Lookup::Selector => (classify_selector(names, arg), format!("element {arg}")),
        };
        match class {
            Some(FieldClass::Sensitive(category)) => {
                Value::kind(Kind::Dom(Rc::new(DomInfo { category, desc })))
            }
            Some(FieldClass::Form) => {
                Value::kind(Kind::Form(Some(desc.trim_start_matches("element ").into())))
            }
            None => Value::default(),
        }
    }

    /// The element a lookup names, declared in this file or elsewhere in the project, with the
    /// file that declares it when that is another one.
    fn find_element(&self, how: Lookup, arg: &str) -> Option<(ElementFact, Option<String>)> {
        let arg = arg.trim();
        let (how, key) = match how {
            Lookup::Selector => simple_selector(arg)?,
            other => (other, arg),
        };
        let local = self.elements.iter().find(|e| match how {
            Lookup::Id => e.id.as_deref() == Some(key),
            Lookup::Name => e.name.as_deref() == Some(key),
            Lookup::Class => e.classes.iter().any(|c| c == key),
            Lookup::Selector => false,
        });
        if let Some(e) = local {
            return Some((e.clone(), None));
        }
        let project = self.project?;
        let found = match how {
            Lookup::Id => project.by_id(key),
            Lookup::Name => project.by_name(key),
            Lookup::Class => project.by_class(key),
            Lookup::Selector => &[],
        };
        // The first declaration that says what the element holds, in path order.
        let names = &self.cat.names;
        found
            .iter()
            .find(|e| element_value(names, &e.fact).is_some())
            .or_else(|| found.first())
            .map(|e| (e.fact.clone(), Some(e.file.clone())))
    }

    /// Browser APIs: lookups, reads, containers of form/URL data, pass-through functions.
    pub(super) fn builtin_call(&mut self, call: &Call) -> Option<Value> {
        let arg0 = call.args.first();
        let arg0_str = arg0.and_then(Value::as_str);
        let path: Option<Rc<str>> = match &call.callee.kind {
            Kind::Global(p) => Some(p.clone()),
            _ => None,
        };
        let path = path.as_deref();

        // Constructors.
        if call.is_new {
            return match path {
                Some("FormData") => Some(Value::kind(Kind::Bag(Rc::new(BagInfo {
                    kind: BagKind::FormData,
                })))),
                Some("URLSearchParams") => {
                    let from_page = arg0.is_some_and(|a| match &a.kind {
                        Kind::Global(p) => {
                            p.starts_with("location") || p.starts_with("document.URL")
                        }
                        Kind::Bag(_) => true,
                        _ => false,
                    });
                    let mut v = Value::kind(if from_page {
                        Kind::Bag(Rc::new(BagInfo {
                            kind: BagKind::UrlParams,
                        }))
                    } else {
                        Kind::Unknown
                    });
                    if let Some(a) = arg0 {
                        v.add_taint(&a.flat_taint(0));
                    }
                    Some(v)
                }
                Some(
                    "Error" | "TypeError" | "RangeError" | "SyntaxError" | "EvalError"
                    | "ReferenceError" | "URIError" | "String",
                ) => Some(arg0.map(Value::taint_only).unwrap_or_default()),
                Some("URL") => {
                    let from_page = arg0.is_some_and(|a| matches!(&a.kind, Kind::Global(p) if p.starts_with("location") || p.starts_with("document.URL")));
                    Some(if from_page {
                        Value::kind(Kind::Global("location".into()))
                    } else {
                        Value::default()
                    })
                }
                _ => None,
            };
        }

        // The configuration's own functions: `redact(x)` returns nothing personal,
        // `getCurrentUserEmail()` returns an email address.
        let last_name = match (path, call.method) {
            (_, Some(m)) => Some(m),
            (Some(p), None) => Some(p.rsplit('.').next().unwrap_or(p)),
            _ => None,
        };
        if let Some(name) = last_name {
            let custom = &self.cat.custom;
            if custom.sanitizers.contains(name) {
                return Some(Value::default());
            }
            if let Some(&category) = custom.source_functions.get(name) {
                let label = self.new_source(
                    call.span,
                    category,
                    format!("the return value of {name}()"),
                    Evidence::Read,
                );
                return Some(Value::tainted(label));
            }
        }

        // `require('./analytics')`: a project module's exports.
        if let (Some("require"), Some(spec)) = (path, arg0_str) {
            let from_file = self.modules.current_file();
            if crate::resolve::is_local(spec)
                || (!self.cat.sdks.wraps(spec)
                    && self
                        .resolver
                        .resolve_fs(self.modules.path_of(from_file), spec)
                        .is_some())
            {
                let lazy = LazyImport {
                    spec: spec.into(),
                    from_file,
                    path: Vec::new(),
                };
                return Some(Value::kind(Kind::Lazy(Rc::new(lazy))));
            }
        }
        // `require('react-facebook-pixel')`: the wrapper package's API.
        if let (Some("require"), Some(pkg)) = (path, arg0_str) {
            if self.cat.sdks.wraps(pkg) {
                self.shadow_globals(pkg);
                return Some(Value::kind(Kind::Global(format!("npm:{pkg}").into())));
            }
        }

        // Element lookups.
        let lookup = match (call.method, path) {
            (Some("getElementById"), _) => Some(Lookup::Id),
            (Some("querySelector" | "querySelectorAll" | "closest" | "find" | "children"), _) => {
                Some(Lookup::Selector)
            }
            (Some("getElementsByName"), _) => Some(Lookup::Name),
            (Some("getElementsByClassName"), _) => Some(Lookup::Class),
            (None, Some("$" | "jQuery")) => Some(Lookup::Selector),
            _ => None,
        };
        if let Some(how) = lookup {
            if let Some(sel) = arg0_str {
                return Some(self.dom_lookup(how, sel));
            }
            // `$(this)`, `$(event.target)`: the wrapped element.
            if matches!(path, Some("$" | "jQuery")) {
                return Some(arg0.cloned().unwrap_or_default());
            }
        }

        // Reads of an element's value or text.
        if let (Some(recv), Some(m)) = (call.receiver, call.method) {
            if let Some(v) = self.dom_read_method(recv, m, call.args, call.span) {
                if matches!(recv.kind, Kind::Dom(_)) || !v.taint.is_empty() {
                    return Some(v);
                }
            }
        }

        // Keyed containers: FormData, URLSearchParams, storage.
        if let (Some(recv), Some(m)) = (call.receiver, call.method) {
            if let Kind::Bag(b) = &recv.kind {
                let kind = b.kind;
                match m {
                    "get" | "getAll" | "getItem" => {
                        let storage =
                            matches!(kind, BagKind::LocalStorage | BagKind::SessionStorage);
                        if (m == "getItem") == storage {
                            if arg0_str.is_none() {
                                if let Some(key) = arg0 {
                                    return Some(keyed_by_param(kind, key, call.span));
                                }
                            }
                            return Some(self.keyed_read(kind, arg0_str, call.span));
                        }
                    }
                    "entries" | "values" | "toString" => return Some(recv.clone()),
                    _ => {}
                }
            }
            // `form.elements.namedItem('email')` is `form.elements.email`, also on a parameter
            // (`this.elements.namedItem('email')` in a handler), whose callers say what it is.
            if let ("namedItem", Some(k)) = (m, arg0_str) {
                let param = recv
                    .taint
                    .iter()
                    .any(|l| matches!(l.origin, Origin::Param { .. }));
                if matches!(recv.kind, Kind::Form(_)) || param {
                    return Some(self.get_prop(recv, k, None, call.span));
                }
            }
        }

        // Cookie libraries and helpers: `Cookies.get('email')`, `getCookie('email')`.
        let callee_name = match (path, call.method) {
            (Some(p), _) => Some(p.to_string()),
            (None, Some(m)) => Some(m.to_string()),
            _ => None,
        };
        if let Some(name) = &callee_name {
            let n = normalize(name);
            let cookie_reader = COOKIE_READERS.contains(&name.as_str())
                || COOKIE_READER_NAMES.contains(&n.as_str());
            if cookie_reader {
                if let Some(k) = arg0_str {
                    return Some(self.keyed_read(BagKind::Cookies, Some(k), call.span));
                }
            }
        }

        // Angular reactive forms: `this.signupForm.get('email')` is the control named `email`;
        // its `.value` is what the visitor typed.
        if let (Some("get"), Some(owner), Some(k)) = (call.method, call.receiver_name, arg0_str) {
            if normalize(owner)
                .split('_')
                .any(|t| t == "form" || t == "group")
                && !matches!(call.callee.kind, Kind::Func(_))
            {
                // The template's `formControlName="born"` on an `autocomplete="bday"` input says
                // more than the control's name.
                if let Some((category, desc)) = self.bound.get(k).cloned() {
                    let desc = desc.to_string();
                    return Some(Value::kind(Kind::Dom(Rc::new(DomInfo { category, desc }))));
                }
                if let Some(m) = self.cat.names.classify(k, None, NameSite::Field) {
                    let desc = format!("form control '{k}' of {owner}");
                    return Some(Value::kind(Kind::Dom(Rc::new(DomInfo {
                        category: m.category,
                        desc,
                    }))));
                }
            }
        }

        // react-hook-form: `getValues('email')`, `watch('email')`.
        if let (Some(name), Some(k)) = (&callee_name, arg0_str) {
            let last = name.rsplit('.').next().unwrap_or(name);
            if FORM_VALUE_READERS.contains(&last) && !matches!(call.callee.kind, Kind::Func(_)) {
                return Some(self.keyed_read(BagKind::FormData, Some(k), call.span));
            }
        }

        // `document.cookie.match(/email=([^;]+)/)`, `location.search.match(/[?&]email=([^&]+)/)`.
        if let (Some(recv), Some("match" | "exec" | "split")) = (call.receiver, call.method) {
            if let Kind::Global(p) = &recv.kind {
                let bag = match &**p {
                    "document.cookie" => Some(BagKind::Cookies),
                    "location.search" | "location.href" | "location.hash" | "document.URL" => {
                        Some(BagKind::UrlParams)
                    }
                    _ => None,
                };
                if let (Some(bag), Some(pattern)) = (bag, arg0_str) {
                    let key = pattern
                        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                        .find(|w| {
                            !w.is_empty()
                                && self.cat.names.classify(w, None, NameSite::Field).is_some()
                        });
                    if let Some(key) = key {
                        return Some(self.keyed_read(bag, Some(key), call.span));
                    }
                }
            }
        }

        // Object helpers that keep an object's data.
        match path {
            Some("Object.fromEntries") => {
                let a = arg0.cloned().unwrap_or_default();
                return Some(match &a.kind {
                    Kind::Bag(b) if matches!(b.kind, BagKind::FormData | BagKind::UrlParams) => {
                        a.clone()
                    }
                    _ => a,
                });
            }
            Some("Object.assign") => {
                let mut out = Value::default();
                for a in call.args {
                    out = out.join(a);
                }
                return Some(out);
            }
            Some("Promise.all" | "Promise.allSettled") => {
                return Some(arg0.cloned().unwrap_or_default())
            }
            _ => {}
        }
        if let Some(p) = path {
            if PASS_THROUGH_FUNCTIONS.contains(&p) {
                let mut out = Value::default();
                if let Some(a) = arg0 {
                    out = if p == "JSON.parse" || p == "Promise.resolve" || p == "structuredClone" {
                        a.clone()
                    } else {
                        a.taint_only()
                    };
                }
                return Some(out);
            }
        }

        // Promises: `hash(email).then(h => …)` runs the callback with the value.
        if let (Some(recv), Some("then")) = (call.receiver, call.method) {
            if let Some(Kind::Func(fid)) = arg0.map(|a| a.kind.clone()) {
                let step = Step {
                    span: call.span,
                    note: "passed to then()".into(),
                };
                return Some(self.apply(fid, vec![recv.clone()], Value::default(), &step));
            }
            return Some(recv.clone());
        }

        // Methods that return the data they are called on.
        if let (Some(recv), Some(m)) = (call.receiver, call.method) {
            if PASS_THROUGH_METHODS.contains(&m)
                && !matches!(recv.kind, Kind::Func(_))
                && !matches!(call.callee.kind, Kind::Func(_))
            {
                let mut out = recv.taint_only();
                if matches!(
                    m,
                    "concat" | "replace" | "replaceAll" | "join" | "update" | "digest" | "encode"
                ) {
                    for a in call.args {
                        out.add_taint(&a.taint_only().taint);
                    }
                }
                if matches!(
                    m,
                    "filter"
                        | "find"
                        | "slice"
                        | "flat"
                        | "reverse"
                        | "sort"
                        | "toSorted"
                        | "toReversed"
                        | "catch"
                        | "finally"
                ) {
                    out = recv.clone();
                }
                // Callbacks still run (`filter(x => …)`); a mapping returns what they return.
                let returned = self.run_callbacks_on(call, recv);
                if matches!(m, "map" | "flatMap") {
                    out = out.join(&returned);
                }
                return Some(out);
            }
        }

        // Hash helpers we cannot see into: `sha256(email)`, `CryptoJS.SHA256(email)`.
        let last = callee_name
            .as_deref()
            .map(|n| n.rsplit('.').next().unwrap_or(n));
        if let Some(last) = last {
            if is_hash_name(last) && !matches!(call.callee.kind, Kind::Func(_)) {
                let mut out = Value::default();
                for a in call.args {
                    out.add_taint(&a.taint_only().taint);
                }
                return Some(out);
            }
        }
        None
    }

    /// Runs a method's callbacks with the receiver's elements; returns what they return.
    fn run_callbacks_on(&mut self, call: &Call, recv: &Value) -> Value {
        let mut returned = Value::default();
        for a in call.args {
            if let Kind::Func(fid) = a.kind {
                let step = Step {
                    span: call.span,
                    note: "passed to the callback".into(),
                };
                let r = self.call_per_element(fid, recv, &step);
                returned = returned.join(&r);
            }
        }
        returned
    }

    /// A read by key from a container: `fd.get('email')`, `localStorage.getItem('user_email')`.
    pub(super) fn keyed_read(&mut self, bag: BagKind, key: Option<&str>, span: ByteSpan) -> Value {
        let Some(key) = key else {
            return Value::default();
        };
        match self.cat.names.classify(key, None, NameSite::Field) {
            Some(m) => {
                let label = self.new_source(span, m.category, bag.describe(key), Evidence::Read);
                Value::tainted(label)
            }
            None => Value::default(),
        }
    }
}

/// `#id`, `tag#id`, `.class`, `tag.class`, `[name=x]`, `input[name="x"]`: the selectors that
/// name one declared element directly.
fn simple_selector(sel: &str) -> Option<(Lookup, &str)> {
    let ident = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    };
    let body = sel.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    if let Some(id) = body.strip_prefix('#') {
        return ident(id).then_some((Lookup::Id, id));
    }
    if let Some(class) = body.strip_prefix('.') {
        return ident(class).then_some((Lookup::Class, class));
    }
    let inner = body
        .strip_prefix("[name")?
        .strip_suffix(']')?
        .strip_prefix('=')?;
    let name = inner.trim_matches(|c| c == '"' || c == '\'');
    ident(name).then_some((Lookup::Name, name))
}

#[derive(Clone, Copy, Debug)]
enum Lookup {
    Id,
    Name,
    Class,
    Selector,
}

/// What a browser global is: storage and form collections are modelled, the rest is a path.
impl Engine<'_> {
    /// The kind of a global path, with SDK handles resolved to the API they stand for.
    pub(super) fn global(&self, path: Rc<str>) -> Kind {
        let sdks = &self.cat.sdks;
        // `mixpanel.marketing.track` after `mixpanel.init(…, 'marketing')`: `mixpanel.track`.
        let path = match self.named_instance(&path) {
            Some(p) => p,
            None => path,
        };
        let path = match sdks.strip_self_return(&path) {
            Some(base) => Rc::from(base),
            None => path,
        };
        match sdks.canonical(&path) {
            Some(p) => global_kind(p.into()),
            None => global_kind(path),
        }
    }
}

impl Engine<'_> {
    fn named_instance(&self, path: &str) -> Option<Rc<str>> {
        if self.named_instances.is_empty() {
            return None;
        }
        let mut end = path.len();
        loop {
            if let Some(target) = self.named_instances.get(&path[..end]) {
                return Some(format!("{target}{}", &path[end..]).into());
            }
            end = path[..end].rfind('.')?;
        }
    }
}

impl Engine<'_> {
    /// What `$(form).serialize()` returns: the data of every field declared inside the form.
    fn serialized_form(&mut self, form: &str, method: &str, span: ByteSpan) -> Value {
        let in_form = |el: &ElementFact| {
            el.form
                .as_deref()
                .is_some_and(|f| f == form || (form.starts_with('#') && f.ends_with(form)))
        };
        let fields: Vec<(CategoryId, String)> = self
            .elements
            .iter()
            .filter(|el| in_form(el))
            .filter_map(|el| {
                let category = element_category(&self.cat.names, el)?;
                Some((category, el.describe()))
            })
            .collect();
        let mut out = Value::default();
        for (category, field) in fields {
            let desc = format!("{field} of {form}, read by {method}()");
            out.add_label(self.new_source(span, category, desc, Evidence::Read));
        }
        out
    }
}
