//! The taint engine: one pass over a file's AST in source order, computing an abstract
//! [`Value`] for every expression, with lexical scopes, lazily computed function summaries
//! (which parameters reach which sink and key, and what flows to the return value) and the
//! browser and SDK APIs modelled in `sources.rs` and `sinks.rs`.

use super::apis::*;
use super::ast::*;
use super::call::Call;
use super::facts::FileFacts;
use super::outcome::{Flow, LinkedFile, Outcome, SinkSite, SourceInfo};
use super::value::*;
use crate::catalog::{Catalog, CategoryId, NameSite};
use crate::extract::{ElementFact, Interpolation};
use crate::parse::to_span;
use crate::report::Evidence;
use crate::source::{snippet, ByteSpan};
use std::cell::RefCell;
// Keys are small and not attacker-chosen in a way that matters for a linter: FxHash is faster.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;
use swc_ecma_ast::*;

/// Recursion bound for expressions and statements: deeper code is skipped, not mis-analysed.
const MAX_RECURSION: u32 = 300;
/// How many summaries may be under construction at once (call chains analysed lazily).
const MAX_SUMMARY_NESTING: usize = 24;
/// Units of work (summary applications, weighted by the size of what they instantiate) one
/// file may spend; past it calls into local functions are no longer followed, so a huge
/// generated file costs bounded time. Hand-written code stays far below it.
const WORK_BUDGET_MIN: usize = 1_000_000;
const WORK_BUDGET_PER_BYTE: usize = 2;

#[derive(Clone)]
struct PendingHit {
    sink: Rc<SinkSite>,
    key: String,
    arg: usize,
    label: Label,
}

struct Summary {
    ret: Value,
    hits: Vec<PendingHit>,
}

#[derive(Clone, Copy)]
enum FuncNode<'a> {
    Function(&'a Function),
    Arrow(&'a ArrowExpr),
    Ctor(&'a Constructor),
    Block(&'a BlockStmt),
}

struct FuncEntry<'a> {
    node: FuncNode<'a>,
    scope: ScopeRef,
    name: Rc<str>,
    summary: Option<Rc<Summary>>,
    busy: bool,
    /// The class whose constructor or method this is.
    class: Option<usize>,
    /// Parameters the body switches on (`switch (kind) { case 'email': … }`): a call passing a
    /// string literal there gets a summary of the matching case alone.
    switch_params: Vec<usize>,
    /// The class instance's version its summary was made with.
    seen_version: u32,
}

/// What the methods of a class share through `this`: the methods themselves and the fields
/// the constructor, the methods and the property initialisers assign.
#[derive(Default)]
struct ClassInfo {
    /// Constructor first, then the methods, in source order.
    members: Vec<usize>,
    /// The instance: methods and assigned fields (without parameter-derived taint).
    instance: Value,
    /// Every member has been summarised once, so the fields they assign are known.
    prepared: bool,
    /// Bumped by every field a member assigns: a member summarised before the last one saw
    /// an older instance.
    version: u32,
}

pub(super) type ScopeRef = Rc<RefCell<Scope>>;

/// What a specialised summary knows of an argument (see `summarize_with`).
#[derive(Clone, PartialEq, Eq, Hash)]
enum Known {
    /// An SDK handle's path: calls on the parameter are calls on the SDK.
    Handle(Rc<str>),
    /// A string literal the function switches on.
    Literal(Rc<str>),
}

/// A function and what its parameters are known to be.
type HandleKey = (usize, Vec<Option<Known>>);
/// `owner \u{1} name` -> what the name says the value holds (one string key, so a lookup
/// builds it in a reused buffer and allocates nothing).
type NameCache = HashMap<String, Option<crate::catalog::NameMatch>>;

struct Binding {
    value: Value,
    activation: u32,
    cond: u32,
}

#[derive(Default)]
pub(super) struct Scope {
    vars: HashMap<Rc<str>, Binding>,
    parent: Option<ScopeRef>,
    /// `var` declarations land in the nearest function scope.
    is_function: bool,
}

struct Frame {
    activation: u32,
    hits: Vec<PendingHit>,
    ret: Value,
    fn_name: Rc<str>,
    /// The class of the function being summarised: `this.x = …` records the field there.
    class: Option<usize>,
}

pub struct Engine<'a> {
    pub(super) cat: &'a Catalog,
    pub(super) text: &'a str,
    /// Elements declared in this file (markup, component templates, JSX).
    pub(super) elements: Vec<ElementFact>,
    /// The project's field index, for elements declared in other files.
    pub(super) project: Option<&'a crate::project::FieldIndex>,
    /// Server-template outputs in this file's scripts, by placeholder.
    pub(super) interpolations: HashMap<String, &'a Interpolation>,
    /// Framework bindings: normalised bound path (`form.email`) -> (category, description).
    pub(super) bound: HashMap<String, (CategoryId, Rc<str>)>,
    /// True while a summary's parameter path is replayed on a caller's value.
    pub(super) replaying: bool,
    /// Project modules loaded through imports, and their exports.
    pub(super) modules: super::modules::Modules<'a>,
    /// The file has template expressions (a component with an inline or paired template):
    /// class methods are callable from them by name.
    pub(super) component_templates: bool,
    /// JSX `ref={emailRef}` on a sensitive field: the ref stands for the element.
    pub(super) dom_refs: HashMap<String, Rc<DomInfo>>,
    sources: Vec<SourceInfo>,
    /// Sources by span and category; a vendor slot's guess is kept apart from a read at the
    /// same place (a handler's `e.target.value` is a guess in its summary, a read when called).
    source_ids: HashMap<(ByteSpan, CategoryId, bool), SourceId>,
    /// Callees of configured `[[sink]]` entries a call matched, with or without data.
    pub(super) configured_sinks_used: std::collections::BTreeSet<String>,
    /// Named SDK instances created in this file (`mixpanel.marketing` -> `mixpanel`).
    pub(super) named_instances: HashMap<Rc<str>, Rc<str>>,
    flows: Vec<Flow>,
    flow_keys: HashSet<(SourceId, ByteSpan, String)>,
    funcs: Vec<FuncEntry<'a>>,
    frames: Vec<Frame>,
    scope: ScopeRef,
    cond: u32,
    next_activation: u32,
    depth: u32,
    summary_nesting: usize,
    /// Summaries of functions called with SDK handles as arguments, by function and handles.
    handle_summaries: HashMap<HandleKey, Rc<Summary>>,
    classes: Vec<ClassInfo>,
    /// Interfaces, object type aliases and JSDoc typedefs seen so far, by name: their property
    /// names (see `types.rs`).
    pub(super) record_types: HashMap<String, Vec<Rc<str>>>,
    /// Type names this file imports from project modules, and the import specifier.
    pub(super) type_imports: HashMap<String, Rc<str>>,
    /// JSDoc `@param {Type} name` of this file's functions, by the parameter's start offset.
    pub(super) jsdoc_params: HashMap<u32, String>,
    /// Project-wide methods this file defines (see [`Outcome::global_methods`]).
    global_methods: Vec<String>,
    /// Top-level functions of this file when it is a classic script, by name.
    classic_functions: Vec<(String, usize)>,
    /// While binding parameters: the symbolic values need no "assigned to" steps.
    binding_params: bool,
    /// Set while a callback runs once per string of a literal list: its string argument makes
    /// a summary of its own (`fields.map(f => getFieldValue(f))`).
    literal_args: bool,
    /// Inside a `for…of` walked once per string of a literal list.
    in_string_loop: bool,
    work: usize,
    budget: usize,
}

impl<'a> Engine<'a> {
    pub fn new(cat: &'a Catalog, facts: &FileFacts<'a>) -> Self {
        let text = facts.text;
        let root = Scope {
            is_function: true,
            ..Default::default()
        };
        Engine {
            cat,
            text,
            elements: Vec::new(),
            project: facts.project,
            interpolations: facts
                .interpolations
                .iter()
                .map(|i| (i.placeholder.clone(), i))
                .collect(),
            bound: HashMap::default(),
            dom_refs: HashMap::default(),
            component_templates: false,
            replaying: false,
            modules: super::modules::Modules::new(facts.arena, facts.path),
            sources: Vec::new(),
            source_ids: HashMap::default(),
            named_instances: HashMap::default(),
            configured_sinks_used: Default::default(),
            flows: Vec::new(),
            flow_keys: HashSet::default(),
            funcs: Vec::new(),
            frames: vec![Frame {
                activation: 0,
                hits: Vec::new(),
                ret: Value::default(),
                fn_name: "".into(),
                class: None,
            }],
            scope: Rc::new(RefCell::new(root)),
            cond: 0,
            next_activation: 1,
            depth: 0,
            summary_nesting: 0,
            handle_summaries: HashMap::default(),
            classes: Vec::new(),
            record_types: HashMap::default(),
            type_imports: HashMap::default(),
            jsdoc_params: HashMap::default(),
            global_methods: Vec::new(),
            classic_functions: Vec::new(),
            binding_params: false,
            literal_args: false,
            in_string_loop: false,
            work: 0,
            budget: WORK_BUDGET_MIN.max(text.len() * WORK_BUDGET_PER_BYTE),
        }
    }

    // ----- entry points -------------------------------------------------------------------

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

    /// Summarises every function nothing called (exported helpers, handlers wired up
    /// elsewhere), so the flows inside them are reported too, and returns the result.
    pub fn finish(mut self) -> Outcome {
        // Functions never called are summarised now, for the flows inside them; one whose body
        // was walked for an SDK handle (`(function ($) {…})(jQuery)`) already was.
        let walked: HashSet<usize> = self.handle_summaries.keys().map(|(f, _)| *f).collect();
        let mut i = 0;
        while i < self.funcs.len() {
            if self.funcs[i].summary.is_none() && !self.funcs[i].busy && !walked.contains(&i) {
                self.summarize(i);
            }
            i += 1;
        }
        // A method summarised before another assigned the fields it reads (`flush()` before
        // `remember()` filled `this.pending`) is summarised again, once, with the instance
        // all members made.
        for i in 0..self.funcs.len() {
            let Some(c) = self.funcs[i].class else {
                continue;
            };
            if self.funcs[i].summary.is_some()
                && self.funcs[i].seen_version < self.classes[c].version
            {
                self.funcs[i].summary = None;
                self.summarize(i);
            }
        }
        // A name-judged source (`user.email`, a parameter named `email`) adds nothing where a
        // stronger source of the same category reaches the same sink key: that read (or the
        // caller's value) is the better explanation.
        let sources = &self.sources;
        let place = |f: &Flow| {
            let s = &sources[f.source as usize];
            ((f.sink.span, f.key.clone(), s.category), s.evidence)
        };
        let mut strongest: HashMap<(ByteSpan, String, CategoryId), Evidence> = HashMap::default();
        for f in &self.flows {
            let (at, e) = place(f);
            strongest
                .entry(at)
                .and_modify(|x| *x = (*x).max(e))
                .or_insert(e);
        }
        self.flows.retain(|f| {
            let (at, e) = place(f);
            e >= strongest[&at]
        });
        // A vendor slot's guess adds nothing where a read of that category reaches the call
        // under any key (`fbq('init', id, am)` called with `{ em: emailInput.value }`); a guess
        // about a parameter nothing where callers' data reaches the call at all.
        let seen: HashSet<(ByteSpan, Option<CategoryId>)> = self
            .flows
            .iter()
            .filter(|f| sources[f.source as usize].evidence > Evidence::Slot)
            .flat_map(|f| {
                let c = sources[f.source as usize].category;
                [(f.sink.span, Some(c)), (f.sink.span, None)]
            })
            .collect();
        self.flows.retain(|f| {
            let s = &sources[f.source as usize];
            match s.evidence {
                Evidence::SlotParam => !seen.contains(&(f.sink.span, None)),
                Evidence::Slot => !seen.contains(&(f.sink.span, Some(s.category))),
                _ => true,
            }
        });
        // Parameter names are guesses: one per sink key and category says all there is (a
        // wrapper calling a wrapper would otherwise report each one's parameter).
        let mut guessed: HashSet<(ByteSpan, String, CategoryId)> = HashSet::default();
        let sources = &self.sources;
        self.flows.sort_by_key(|f| f.steps.len());
        self.flows.retain(|f| {
            let s = &sources[f.source as usize];
            s.evidence != Evidence::ParamName
                || guessed.insert((f.sink.span, f.key.clone(), s.category))
        });
        // A classic script's top-level functions that send their parameters are page globals.
        for (name, fid) in std::mem::take(&mut self.classic_functions) {
            let sends = self.funcs[fid]
                .summary
                .as_ref()
                .is_some_and(|s| !s.hits.is_empty());
            if sends && !self.global_methods.contains(&name) {
                self.global_methods.push(name);
            }
        }
        // Does this file define a wrapper: a function whose parameters reach an SDK call, or
        // one named for an SDK that hands out its API (`getSentry()`; importers load only
        // such names for what they return)?
        let sdks = &self.cat.sdks;
        let wrapper = self.funcs.iter().any(|f| {
            f.node_span().start < crate::parse::FILE_STRIDE
                && f.summary.as_ref().is_some_and(|s| {
                    !s.hits.is_empty()
                        || (matches!(&s.ret.kind, Kind::Global(p) if sdks.is_handle(p))
                            && sdks.named_in(f.name.rsplit('.').next().unwrap_or(&f.name)))
                })
        });
        let files = self
            .modules
            .files
            .drain(..)
            .map(|f| LinkedFile {
                display: f.display,
                text: f.text.into(),
            })
            .collect();
        Outcome {
            sources: self.sources,
            flows: self.flows,
            files,
            wrapper,
            global_methods: self.global_methods,
            configured_sinks_used: self.configured_sinks_used.into_iter().collect(),
        }
    }

    // ----- sources, sinks and flows ---------------------------------------------------------

    pub(super) fn new_source(
        &mut self,
        span: ByteSpan,
        category: CategoryId,
        desc: String,
        evidence: Evidence,
    ) -> Label {
        let key = (span, category, evidence <= Evidence::Slot);
        let id = match self.source_ids.get(&key) {
            Some(&id) => {
                // The same read, now known for what it is (a form field, not just a name).
                let known = &mut self.sources[id as usize];
                if evidence > known.evidence {
                    known.evidence = evidence;
                    known.desc = desc;
                }
                id
            }
            None => {
                let id = self.sources.len() as SourceId;
                let expr = snippet(self.file_text(span), self.local(span), 120);
                self.sources.push(SourceInfo {
                    span,
                    category,
                    desc,
                    expr,
                    evidence,
                });
                self.source_ids.insert(key, id);
                id
            }
        };
        Label {
            origin: Origin::Source(id),
            steps: Steps::default(),
        }
    }

    /// The text of the file a span is in (the analysed file, or a module it imports).
    pub(super) fn file_text(&self, span: ByteSpan) -> &str {
        match (span.start >> crate::parse::FILE_SHIFT) as usize {
            0 => self.text,
            k => self.modules.files.get(k - 1).map_or("", |f| &f.text),
        }
    }

    /// A span relative to the start of its file.
    pub(super) fn local(&self, span: ByteSpan) -> ByteSpan {
        let base = span.start & !(crate::parse::FILE_STRIDE - 1);
        ByteSpan::new(span.start - base, span.end - base)
    }

    /// The source text of a span, in whichever file it is.
    pub(super) fn span_text(&self, span: ByteSpan) -> &str {
        let l = self.local(span);
        self.file_text(span)
            .get(l.start as usize..l.end as usize)
            .unwrap_or("")
    }

    pub(super) fn source_category(&self, id: SourceId) -> CategoryId {
        self.sources[id as usize].category
    }

    /// A module's top level: a scope of its own, not the importer's.
    pub(super) fn enter_module_scope(&mut self) -> (ScopeRef, u32) {
        let root = Scope {
            is_function: true,
            ..Default::default()
        };
        let saved = std::mem::replace(&mut self.scope, Rc::new(RefCell::new(root)));
        let cond = std::mem::replace(&mut self.cond, 0);
        (saved, cond)
    }

    pub(super) fn leave_module_scope(&mut self, saved: (ScopeRef, u32)) {
        self.scope = saved.0;
        self.cond = saved.1;
    }

    pub(super) fn enter_block_scope(&mut self) -> ScopeRef {
        self.push_scope(false)
    }

    pub(super) fn leave_block_scope(&mut self, saved: ScopeRef) {
        self.scope = saved;
    }

    pub(super) fn declare_local(&mut self, name: &str, value: Value) {
        self.declare(name, value, false);
    }

    pub(super) fn stmt_pub(&mut self, s: &'a Stmt) {
        self.stmt(s);
    }

    pub(super) fn source_evidence(&self, id: SourceId) -> Evidence {
        self.sources[id as usize].evidence
    }

    pub(super) fn source_is_weak(&self, id: SourceId) -> bool {
        self.sources[id as usize].evidence < Evidence::Read
    }

    pub(super) fn classify(
        &mut self,
        name: &str,
        owner: Option<&str>,
        site: NameSite,
    ) -> Option<crate::catalog::NameMatch> {
        if site == NameSite::Field {
            return self.cat.names.classify(name, owner, site);
        }
        // Property names repeat across files: the cache lives as long as the worker thread.
        thread_local! {
            static CACHE: std::cell::RefCell<(NameCache, String)> = Default::default();
        }
        let cat = self.cat;
        CACHE.with(|c| {
            let (cache, key) = &mut *c.borrow_mut();
            key.clear();
            if let Some(o) = owner {
                key.push_str(o);
            }
            key.push('\u{1}');
            key.push_str(name);
            if let Some(hit) = cache.get(key.as_str()) {
                return *hit;
            }
            if cache.len() > 200_000 {
                cache.clear();
            }
            let hit = cat.names.classify(name, owner, site);
            cache.insert(key.clone(), hit);
            hit
        })
    }

    /// Records `value`, sent as argument `arg` of a sink, as flows (or as pending hits of the
    /// summary being built, for the parts that come from parameters).
    pub(super) fn send_to_sink(&mut self, site: &Rc<SinkSite>, arg: usize, value: &Value) {
        let mut parts = Vec::new();
        value.flatten("", 0, &mut parts);
        for (key, label) in parts {
            self.emit(site, arg, key, label);
        }
    }

    pub(super) fn emit_pub(&mut self, site: &Rc<SinkSite>, arg: usize, key: String, label: Label) {
        self.emit(site, arg, key, label);
    }

    fn emit(&mut self, site: &Rc<SinkSite>, arg: usize, key: String, label: Label) {
        match &label.origin {
            Origin::Source(id) => {
                let source_span = self.sources[*id as usize].span;
                if self.modules.in_module() || source_span.start >= crate::parse::FILE_STRIDE {
                    let steps = label.steps.to_vec();
                    if self.inside_one_module(source_span, site.span, &steps) {
                        return;
                    }
                }
                if self.flow_keys.insert((*id, site.span, key.clone())) {
                    self.flows.push(Flow {
                        source: *id,
                        sink: site.clone(),
                        key,
                        arg,
                        steps: label.steps.to_vec(),
                    });
                }
            }
            Origin::Param { .. } => {
                let frame = self.frames.last_mut().expect("a frame is always active");
                if frame.hits.len() < 256 {
                    frame.hits.push(PendingHit {
                        sink: site.clone(),
                        key,
                        arg,
                        label,
                    });
                }
            }
        }
    }

    // ----- scopes ---------------------------------------------------------------------------

    fn activation(&self) -> u32 {
        self.frames.last().map_or(0, |f| f.activation)
    }

    fn push_scope(&mut self, is_function: bool) -> ScopeRef {
        let parent = self.scope.clone();
        let scope = Rc::new(RefCell::new(Scope {
            parent: Some(parent.clone()),
            is_function,
            ..Default::default()
        }));
        self.scope = scope;
        parent
    }

    fn declare(&mut self, name: &str, value: Value, var: bool) {
        let mut scope = self.scope.clone();
        if var {
            loop {
                let parent = {
                    let s = scope.borrow();
                    if s.is_function {
                        None
                    } else {
                        s.parent.clone()
                    }
                };
                match parent {
                    Some(p) => scope = p,
                    None => break,
                }
            }
        }
        let binding = Binding {
            value,
            activation: self.activation(),
            cond: self.cond,
        };
        scope.borrow_mut().vars.insert(name.into(), binding);
    }

    pub(super) fn lookup(&self, name: &str) -> Option<Value> {
        let mut scope = Some(self.scope.clone());
        while let Some(s) = scope {
            let s = s.borrow();
            if let Some(b) = s.vars.get(name) {
                return Some(b.value.clone());
            }
            scope = s.parent.clone();
        }
        None
    }

    /// Assignment to a variable: replaces the value when it runs unconditionally in the
    /// function that declared it, else joins (a branch or a closure may or may not run).
    fn assign_var(&mut self, name: &str, value: Value) {
        let (activation, cond) = (self.activation(), self.cond);
        let mut scope = Some(self.scope.clone());
        while let Some(s) = scope {
            let mut sm = s.borrow_mut();
            if let Some(b) = sm.vars.get_mut(name) {
                b.value = if b.activation == activation && b.cond == cond {
                    value
                } else {
                    b.value.clone().join(&value)
                };
                return;
            }
            scope = sm.parent.clone();
        }
        // An undeclared assignment creates a global.
        let mut root = self.scope.clone();
        loop {
            let parent = root.borrow().parent.clone();
            match parent {
                Some(p) => root = p,
                None => break,
            }
        }
        root.borrow_mut().vars.insert(
            name.into(),
            Binding {
                value,
                activation: u32::MAX,
                cond: u32::MAX,
            },
        );
    }

    /// `a.b.c = v`: records the field on the variable's value.
    fn assign_field(&mut self, root: &str, path: &[Rc<str>], value: Value) {
        let Some(current) = self.lookup(root) else {
            return;
        };
        if !matches!(current.kind, Kind::Unknown) && current.fields.is_none() {
            return; // DOM elements, globals: writing a property is not data flow we model.
        }
        fn set(v: &mut Value, path: &[Rc<str>], value: Value) {
            if path.len() == 1 {
                v.set_field(path[0].clone(), value);
            } else {
                let mut child = v.field(&path[0]).cloned().unwrap_or_default();
                set(&mut child, &path[1..], value);
                v.set_field(path[0].clone(), child);
            }
        }
        let mut updated = current;
        set(&mut updated, path, value);
        self.assign_var(root, updated);
    }

    // ----- functions and summaries -----------------------------------------------------------

    fn register(&mut self, node: FuncNode<'a>, name: &str) -> Value {
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

    fn summarize(&mut self, fid: usize) -> Option<Rc<Summary>> {
        self.summarize_with(fid, &[])
    }

    /// The summary of a function whose parameters (by index, `None` for a plain one) are known:
    /// SDK handles (`Sentry.configureScope(scope => scope.setUser(…))`, `track(posthog, user)`;
    /// a sink is recognised by its callee while the body is walked, so such a summary is made
    /// for those handles) or string literals it switches on (`getValue('address')` takes the
    /// `case 'address'` branch alone). It is cached per function and what is known.
    fn summarize_with(&mut self, fid: usize, handles: &[Option<Known>]) -> Option<Rc<Summary>> {
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
            Rc::new(RefCell::new(Scope {
                parent: Some(self.funcs[fid].scope.clone()),
                is_function: true,
                ..Default::default()
            })),
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
    fn prepare_class(&mut self, c: usize, fid: usize) {
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
    fn record_field(&mut self, path: &[Rc<str>], value: &Value) {
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

    fn instantiate(
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

    fn access_path(&mut self, v: &Value, path: &[Seg]) -> Value {
        let saved = std::mem::replace(&mut self.replaying, true);
        let out = self.access_path_inner(v, path);
        self.replaying = saved;
        out
    }

    fn access_path_inner(&mut self, v: &Value, path: &[Seg]) -> Value {
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

    // ----- statements -----------------------------------------------------------------------

    fn hoist_items(&mut self, items: &'a [ModuleItem]) {
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

    /// `import ReactPixel from 'react-facebook-pixel'`, `import { event } from 'vue-gtag'`: names
    /// imported from a tracker wrapper package stand for the package's API (`npm:` callees).
    fn import(&mut self, import: &'a ImportDecl) {
        let mut package = str_of(&import.src);
        // A vendored copy of a wrapper package keeps its name: `../lib/vendor/react-intercom`.
        if let Some(name) = vendored_package(&package)
            .filter(|n| self.cat.sdks.wraps(n))
            .map(Rc::<str>::from)
        {
            package = name;
        }
        // A project file: relative, an alias, or a tsconfig `paths` entry (not a package).
        let project_file = crate::resolve::is_local(&package)
            || (!self.cat.sdks.wraps(&package)
                && crate::resolve::resolve_fs(
                    self.modules.path_of(self.modules.current_file()),
                    &package,
                )
                .is_some());
        if project_file {
            self.import_module(import, &package);
            return;
        }
        if !self.cat.sdks.wraps(&package) {
            return;
        }
        for spec in &import.specifiers {
            let (local, path) = match spec {
                ImportSpecifier::Default(d) => (&d.local, format!("npm:{package}")),
                ImportSpecifier::Namespace(n) => (&n.local, format!("npm:{package}")),
                ImportSpecifier::Named(n) => {
                    let name = match &n.imported {
                        Some(ModuleExportName::Ident(i)) => i.sym.to_string(),
                        Some(ModuleExportName::Str(s)) => str_of(s).to_string(),
                        None => n.local.sym.to_string(),
                    };
                    (&n.local, format!("npm:{package}.{name}"))
                }
            };
            let kind = self.global(path.into());
            self.declare(&local.sym, Value::kind(kind), false);
        }
    }

    /// `import { trackSignup } from './analytics'`: the names are the module's exports.
    fn import_module(&mut self, import: &'a ImportDecl, spec: &str) {
        if import.type_only {
            return;
        }
        // Loading is deferred to the first call that could carry data through the module:
        // most imports are never on such a path, and loading is the costly part.
        let from_file = self.modules.current_file();
        for s in &import.specifiers {
            let (local, path) = match s {
                ImportSpecifier::Default(d) => (&d.local, vec!["default".into()]),
                ImportSpecifier::Namespace(n) => (&n.local, Vec::new()),
                ImportSpecifier::Named(n) => {
                    let name = n
                        .imported
                        .as_ref()
                        .map_or_else(|| n.local.sym.to_string(), export_name);
                    (&n.local, vec![name.into()])
                }
            };
            let lazy = LazyImport {
                spec: spec.into(),
                from_file,
                path,
            };
            self.declare(&local.sym, Value::kind(Kind::Lazy(Rc::new(lazy))), false);
        }
    }

    fn hoist(&mut self, stmts: &'a [Stmt]) {
        for s in stmts {
            if let Stmt::Decl(Decl::Fn(f)) = s {
                self.hoist_fn(f);
            }
        }
    }

    fn hoist_fn(&mut self, f: &'a FnDecl) {
        let v = self.register(FuncNode::Function(&f.function), &f.ident.sym);
        self.declare(&f.ident.sym, v, true);
    }

    fn block_body(&mut self, stmts: &'a [Stmt]) {
        self.hoist(stmts);
        for s in stmts {
            self.stmt(s);
        }
    }

    fn block(&mut self, stmts: &'a [Stmt]) {
        let saved = self.push_scope(false);
        self.block_body(stmts);
        self.scope = saved;
    }

    fn branch(&mut self, s: &'a Stmt) {
        self.cond += 1;
        self.stmt(s);
        self.cond -= 1;
    }

    fn module_decl(&mut self, d: &'a ModuleDecl) {
        match d {
            ModuleDecl::ExportDecl(e) => {
                self.decl(&e.decl);
                for name in declared_names(&e.decl) {
                    let v = self.lookup(&name).unwrap_or_default();
                    self.export(&name, v);
                }
            }
            ModuleDecl::ExportDefaultDecl(e) => match &e.decl {
                DefaultDecl::Fn(f) => {
                    let name = f
                        .ident
                        .as_ref()
                        .map_or("default".into(), |i| i.sym.to_string());
                    let v = self.register(FuncNode::Function(&f.function), &name);
                    if let Some(id) = &f.ident {
                        self.declare(&id.sym, v.clone(), false);
                    }
                    self.export("default", v);
                }
                DefaultDecl::Class(c) => {
                    let name = c
                        .ident
                        .as_ref()
                        .map(|i| i.sym.as_str())
                        .unwrap_or("default");
                    let v = self.class(&c.class, name);
                    if let Some(id) = &c.ident {
                        self.declare(&id.sym, v.clone(), false);
                    }
                    self.export("default", v);
                }
                DefaultDecl::TsInterfaceDecl(_) => {}
            },
            ModuleDecl::ExportDefaultExpr(e) => {
                let v = self.expr(&e.expr);
                self.expose_component_members(&e.expr, &v);
                self.export("default", v);
            }
            ModuleDecl::ExportNamed(n) => {
                let from = n.src.as_ref().map(|s| str_of(s));
                let module = from.as_deref().and_then(|s| self.load_module(s));
                for spec in &n.specifiers {
                    match spec {
                        ExportSpecifier::Named(named) => {
                            let orig = export_name(&named.orig);
                            let exported = named
                                .exported
                                .as_ref()
                                .map_or_else(|| orig.clone(), export_name);
                            let v = match (&from, &module) {
                                (Some(_), Some(m)) => m.field(&orig).cloned().unwrap_or_default(),
                                (Some(_), None) => Value::default(),
                                (None, _) => self.lookup(&orig).unwrap_or_default(),
                            };
                            self.export(&exported, v);
                        }
                        ExportSpecifier::Namespace(ns) => {
                            let name = export_name(&ns.name);
                            self.export(&name, module.clone().unwrap_or_default());
                        }
                        ExportSpecifier::Default(d) => {
                            let v = module
                                .as_ref()
                                .and_then(|m| m.field("default").cloned())
                                .unwrap_or_default();
                            self.export(&d.exported.sym, v);
                        }
                    }
                }
            }
            ModuleDecl::ExportAll(a) => {
                if let Some(m) = self.load_module(&str_of(&a.src)) {
                    if let Some(fields) = m.fields.clone() {
                        for (k, v) in fields.iter().filter(|(k, _)| &***k != "default") {
                            self.export(k, v.clone());
                        }
                    }
                }
            }
            ModuleDecl::TsExportAssignment(e) => {
                self.expr(&e.expr);
            }
            _ => {}
        }
    }

    /// A Vue Options API component (`export default { methods: {…} }`, also wrapped in
    /// `defineComponent(…)`): its methods and computed properties are what template
    /// expressions call by name.
    fn expose_component_members(&mut self, e: &'a Expr, value: &Value) {
        let object = match unwrap_expr(e) {
            Expr::Object(_) => value.clone(),
            Expr::Call(c) if c.args.len() == 1 => match &*c.args[0].expr {
                Expr::Object(o) => self.object(o),
                _ => return,
            },
            _ => return,
        };
        for group in ["methods", "computed"] {
            let Some(members) = object.field(group).and_then(|m| m.fields.clone()) else {
                continue;
            };
            for (name, member) in members.iter() {
                if matches!(member.kind, Kind::Func(_)) && self.lookup(name).is_none() {
                    self.declare(name, member.clone(), false);
                }
            }
        }
    }

    fn decl(&mut self, d: &'a Decl) {
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
    fn class(&mut self, class: &'a Class, name: &str) -> Value {
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
                    let v = match &p.value {
                        Some(v) => self.expr(v),
                        None => Value::default(),
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

    fn stmt(&mut self, s: &'a Stmt) {
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
    fn bind_state_setter(&mut self, d: &'a VarDeclarator) {
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

    fn decl_var(&mut self, v: &'a VarDecl) {
        let var = v.kind == VarDeclKind::Var;
        for d in &v.decls {
            let value = d.init.as_ref().map(|e| self.expr(e)).unwrap_or_default();
            self.bind_pat(&d.name, value, true, var, None);
        }
    }

    fn for_head(&mut self, head: &'a ForHead, value: Value) {
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
    fn bind_pat(
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

    /// A parameter named for a category (`function identify(email)`, `(userEmail) =>`) holds
    /// that data as far as its own body can tell: a name-judged (weak) source, like `user.email`.
    /// A caller whose concrete flow reaches the same sink key replaces it (see `finish`).
    /// A parameter typed `HTMLFormElement` is a form whose fields are read by name.
    fn name_judged_param(
        &mut self,
        name: &str,
        ty: Option<&str>,
        span: ByteSpan,
        mut value: Value,
    ) -> Value {
        if ty == Some("HTMLFormElement") {
            value.kind = Kind::Form(None);
            return value;
        }
        // `posthog: PostHog`, an injected class (`intercom: IntercomService`), AngularJS's
        // `$analytics`: the SDK's API or the class's instance.
        if let Some(kind) = ty.and_then(|t| self.typed_handle(t)).or_else(|| {
            (name.starts_with('$') && self.cat.sdks.root(name).is_some())
                .then(|| Kind::Global(name.into()))
        }) {
            value.kind = kind;
            return value;
        }
        if let Some(m) = self.classify(name, None, NameSite::Code) {
            let desc = format!("parameter `{name}`");
            match m.kind {
                crate::catalog::NameKind::Value => {
                    let label = self.new_source(span, m.category, desc, Evidence::ParamName);
                    value.add_label(label);
                }
                // `function track(emailInput: HTMLInputElement)`: an element holding the data.
                crate::catalog::NameKind::Handle => {
                    if matches!(value.kind, Kind::Unknown) {
                        value.kind = Kind::Dom(Rc::new(DomInfo {
                            category: m.category,
                            desc,
                        }));
                    }
                }
            }
        }
        value
    }

    /// A classic script's top-level functions are globals of the pages that load it: another
    /// script calling `trackSignup(email)` reaches them. The analysed file reports those that
    /// send data (see `finish`); a file loaded for one exports them (as `global:name`).
    fn classic_script_functions(&mut self, body: &'a [Stmt]) {
        let text = if self.modules.in_module() {
            let k = self.modules.current_file();
            self.modules
                .files
                .get(k - 1)
                .map_or("", |f| f.text.as_str())
        } else {
            self.text
        };
        if text.contains("module.exports") || text.contains("exports.") || text.contains("require(")
        {
            return; // CommonJS: its functions are the module's own
        }
        for st in body {
            let Stmt::Decl(Decl::Fn(f)) = st else {
                continue;
            };
            let Some(v) = self.lookup(&f.ident.sym) else {
                continue;
            };
            let Kind::Func(fid) = v.kind else { continue };
            if self.modules.in_module() {
                self.export(&format!("global:{}", f.ident.sym), v);
            } else {
                self.classic_functions.push((f.ident.sym.to_string(), fid));
            }
        }
    }

    /// Records a method every component has: the analysed file reports its name; a module
    /// loaded for it exports it (as `global:name`).
    pub(super) fn define_global_method(&mut self, name: &str, f: Value) {
        if self.modules.in_module() {
            self.export(&format!("global:{name}"), f);
        } else if !self.global_methods.iter().any(|n| n == name) {
            self.global_methods.push(name.to_string());
        }
    }

    /// A project-wide method defined in another file, loaded from it.
    fn global_method(&mut self, name: &str) -> Option<Value> {
        let path = self.project?.global_method(name)?;
        // The index holds canonical paths; the analysed file's is made so once per call site.
        let main = std::fs::canonicalize(self.modules.path_of(0)).ok()?;
        let target = path.to_path_buf();
        if main == target {
            return None;
        }
        let lazy = LazyImport {
            spec: crate::resolve::relative_spec(main.parent()?, &target).into(),
            from_file: 0,
            path: vec![format!("global:{name}").into()],
        };
        self.resolve_lazy(&lazy)
            .filter(|v| matches!(v.kind, Kind::Func(_)))
    }

    /// The kind of a value annotated with type `ty`: an SDK's type (`PostHog`) is its API; a
    /// class of this file or an imported one is its instance, so its methods are followed.
    fn typed_handle(&mut self, ty: &str) -> Option<Kind> {
        if let Some(root) = self.cat.sdks.type_root(ty) {
            return Some(Kind::Global(root.into()));
        }
        let v = self.lookup(ty)?;
        match &v.kind {
            Kind::Lazy(_) => Some(v.kind.clone()),
            _ => None,
        }
    }

    // ----- expressions ----------------------------------------------------------------------

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

    fn expr_inner(&mut self, e: &'a Expr) -> Value {
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

    fn ident(&mut self, name: &str) -> Value {
        if let Some(d) = self.dom_refs.get(name) {
            let mut v = self.lookup(name).unwrap_or_default();
            if matches!(v.kind, Kind::Unknown | Kind::Global(_)) {
                v.kind = Kind::Dom(d.clone());
            }
            return v;
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

    fn object(&mut self, o: &'a ObjectLit) -> Value {
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

    fn jsx_element(&mut self, el: &'a JSXElement) {
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
    fn sdk_component(&mut self, component: Value, name: &Ident, props: Value, span: ByteSpan) {
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

    fn jsx_children(&mut self, children: &'a [JSXElementChild]) {
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

    fn member_key(&mut self, prop: &'a MemberProp) -> Option<Rc<str>> {
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

    fn member(&mut self, m: &'a MemberExpr) -> Value {
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

    fn assign(&mut self, a: &'a AssignExpr) -> Value {
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
                let step = Step {
                    span: to_span(b.id.span),
                    note: format!("assigned to `{name}`").into(),
                };
                self.assign_var(name, value.with_step(&step));
            }
            AssignTarget::Simple(SimpleAssignTarget::Member(m)) => {
                self.assign_member(m, value.clone(), to_span(a.span))
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

    fn assign_to_expr(&mut self, e: &'a Expr, value: Value) {
        match e {
            Expr::Ident(i) => self.assign_var(&i.sym, value),
            Expr::Member(m) => self.assign_member(m, value, to_span(m.span)),
            Expr::Paren(p) => self.assign_to_expr(&p.expr, value),
            _ => {}
        }
    }

    fn assign_member(&mut self, m: &'a MemberExpr, value: Value, span: ByteSpan) {
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
                    span,
                    display: target.to_string(),
                    what: shape.what.clone(),
                });
                self.send_to_sink(&site, 0, &value);
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

    // ----- calls ----------------------------------------------------------------------------

    fn call(
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
                let cv = match &key {
                    Some(k) => self.get_prop(&recv, k, owner.as_deref(), to_span(m.span)),
                    None => Value::default(),
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
    fn configured_sink(&self, callee: &Expr, lazy: &LazyImport) -> Option<Rc<str>> {
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
    fn picked_field(&mut self, fid: usize, method: &str) -> Option<Value> {
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
    fn container_write(
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

    fn unknown_call_callbacks(&mut self, call: &Call) {
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

impl FuncEntry<'_> {
    fn node_span(&self) -> ByteSpan {
        match self.node {
            FuncNode::Function(f) => to_span(f.span),
            FuncNode::Arrow(a) => to_span(a.span),
            FuncNode::Ctor(c) => to_span(c.span),
            FuncNode::Block(b) => to_span(b.span),
        }
    }
}

/// The parameters a function's body switches on directly: `switch (kind) {…}` at its top level.
fn switch_params(node: FuncNode) -> Vec<usize> {
    let body = match node {
        FuncNode::Function(f) => f.body.as_ref().map(|b| b.stmts.as_slice()),
        FuncNode::Arrow(a) => match &*a.body {
            ArrowFunctionBody::FunctionBody(b) => Some(b.stmts.as_slice()),
            ArrowFunctionBody::Expr(_) => None,
        },
        FuncNode::Ctor(_) | FuncNode::Block(_) => None,
    };
    let mut out = Vec::new();
    for stmt in body.unwrap_or_default() {
        let Stmt::Switch(sw) = stmt else { continue };
        let Expr::Ident(on) = unwrap_expr(&sw.discriminant) else {
            continue;
        };
        let is_param = |p: &Pat| matches!(p, Pat::Ident(b) if b.id.sym == on.sym);
        let index = match node {
            FuncNode::Function(f) => f.params.iter().position(|p| is_param(&p.pat)),
            FuncNode::Arrow(a) => a.params.iter().position(is_param),
            _ => None,
        };
        out.extend(index);
    }
    out
}

/// `../lib/vendor/react-intercom(.js)`: the last segment of a relative import, which names the
/// package when the project keeps a copy of it.
fn vendored_package(spec: &str) -> Option<&str> {
    if !spec.starts_with('.') {
        return None;
    }
    let last = spec.rsplit('/').next()?;
    let last = last
        .strip_suffix(".js")
        .or_else(|| last.strip_suffix(".ts"))
        .unwrap_or(last);
    // A plain word (`./analytics`) is a project's own module far more often than a copy of the
    // package of that name: only distinctive names (`react-intercom`) count.
    (!last.is_empty() && last != "." && last != ".." && last.contains('-')).then_some(last)
}
