//! The taint engine's state: [`Engine`] holds everything one file's analysis knows while it
//! walks the AST in source order (the current scope and frames, the functions and their
//! summaries, the sources and flows found, the modules loaded), and the small accessors on it
//! (span texts, source facts, name judgements, scope operations).
//!
//! The behaviour lives in the modules that add `impl Engine` blocks: the walk (`stmt.rs`,
//! `expr.rs`, `calls.rs`), summaries (`summaries.rs`), flows (`flows.rs`) and the models of
//! sources, sinks, frameworks and modules. This module imports none of them: it depends only on
//! the data modules (values, scopes, functions, files, outcome).

use super::facts::FileFacts;
use super::files::Modules;
use super::func::{ClassInfo, FuncEntry, HandleKey, Summary};
use super::outcome::{Flow, SourceInfo};
use super::scope::{self, Frame, Scope, ScopeRef};
use super::value::*;
use crate::catalog::{Catalog, CategoryId, NameSite};
use crate::extract::{ElementFact, Interpolation};
use crate::parse::{local, FileId};
use crate::report::Evidence;
use crate::resolve::Resolver;
use crate::source::ByteSpan;
// Keys are small and not attacker-chosen in a way that matters for a linter: FxHash is faster.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

/// Recursion bound for expressions and statements: deeper code is skipped, not mis-analysed.
pub(super) const MAX_RECURSION: u32 = 300;
/// Units of work (summary applications, weighted by the size of what they instantiate) one
/// file may spend; past it calls into local functions are no longer followed, so a huge
/// generated file costs bounded time. Hand-written code stays far below it.
const WORK_BUDGET_MIN: usize = 1_000_000;
const WORK_BUDGET_PER_BYTE: usize = 2;

/// `owner \u{1} name` -> what the name says the value holds (one string key, so a lookup
/// builds it in a reused buffer and allocates nothing).
type NameCache = HashMap<String, Option<crate::catalog::NameMatch>>;

/// One file's analysis in progress.
pub struct Engine<'a> {
    pub(super) cat: &'a Catalog,
    pub(super) text: &'a str,
    /// Elements declared in this file (markup, component templates, JSX).
    pub(super) elements: Vec<ElementFact>,
    /// The project's field index, for elements declared in other files.
    pub(super) project: Option<&'a crate::project::FieldIndex>,
    /// Resolves imports to project files.
    pub(super) resolver: &'a Resolver,
    /// Reads imported modules (an editor's unsaved buffers win over the disk).
    pub(super) files: &'a dyn crate::source::ReadFile,
    /// Server-template outputs in this file's scripts, by placeholder.
    pub(super) interpolations: HashMap<String, &'a Interpolation>,
    /// Framework bindings: normalised bound path (`form.email`) -> (category, description).
    pub(super) bound: HashMap<String, (CategoryId, Rc<str>)>,
    /// True while a summary's parameter path is replayed on a caller's value.
    pub(super) replaying: bool,
    /// Project modules loaded through imports, and their exports.
    pub(super) modules: Modules<'a>,
    /// The file has template expressions (a component with an inline or paired template):
    /// class methods are callable from them by name.
    pub(super) component_templates: bool,
    /// JSX `ref={emailRef}` on a sensitive field: the ref stands for the element.
    pub(super) dom_refs: HashMap<String, Rc<DomInfo>>,
    pub(super) sources: Vec<SourceInfo>,
    /// Sources by span and category; a vendor slot's guess is kept apart from a read at the
    /// same place (a handler's `e.target.value` is a guess in its summary, a read when called).
    pub(super) source_ids: HashMap<(ByteSpan, CategoryId, bool), SourceId>,
    /// Callees of configured `[[sink]]` entries a call matched, with or without data.
    pub(super) configured_sinks_used: std::collections::BTreeSet<String>,
    /// Named SDK instances created in this file (`mixpanel.marketing` -> `mixpanel`).
    pub(super) named_instances: HashMap<Rc<str>, Rc<str>>,
    /// Files (of this analysis) a `marks_page` call shape marked as the SDK's page.
    pub(super) page_marks: HashSet<(crate::parse::FileId, crate::catalog::SdkId)>,
    /// Globals that stand for a server library in this file, because it imports the library's
    /// package (`analytics` -> `npm:@segment/analytics-node`).
    pub(super) shadowed: HashMap<Rc<str>, Rc<str>>,
    pub(super) flows: Vec<Flow>,
    pub(super) flow_keys: HashSet<(SourceId, ByteSpan, String)>,
    pub(super) funcs: Vec<FuncEntry<'a>>,
    pub(super) frames: Vec<Frame>,
    pub(super) scope: ScopeRef,
    pub(super) cond: u32,
    pub(super) next_activation: u32,
    pub(super) depth: u32,
    pub(super) summary_nesting: usize,
    /// Summaries of functions called with SDK handles as arguments, by function and handles.
    pub(super) handle_summaries: HashMap<HandleKey, Rc<Summary>>,
    pub(super) classes: Vec<ClassInfo>,
    /// Interfaces, object type aliases and JSDoc typedefs seen so far, by name: their property
    /// names (see `types.rs`).
    pub(super) record_types: HashMap<String, Vec<Rc<str>>>,
    /// Type names this file imports from project modules, and the import specifier.
    pub(super) type_imports: HashMap<String, Rc<str>>,
    /// JSDoc `@param {Type} name` of this file's functions, by the parameter's start offset.
    pub(super) jsdoc_params: HashMap<u32, String>,
    /// Project-wide methods this file defines (see [`Outcome::global_methods`]).
    pub(super) global_methods: Vec<String>,
    /// Top-level functions of this file when it is a classic script, by name.
    pub(super) classic_functions: Vec<(String, usize)>,
    /// While binding parameters: the symbolic values need no "assigned to" steps.
    pub(super) binding_params: bool,
    /// Set while a callback runs once per string of a literal list: its string argument makes
    /// a summary of its own (`fields.map(f => getFieldValue(f))`).
    pub(super) literal_args: bool,
    /// Inside a `for…of` walked once per string of a literal list.
    pub(super) in_string_loop: bool,
    pub(super) work: usize,
    pub(super) budget: usize,
}

impl<'a> Engine<'a> {
    pub fn new(cat: &'a Catalog, facts: &FileFacts<'a>) -> Self {
        let text = facts.text;
        Engine {
            cat,
            text,
            elements: Vec::new(),
            project: facts.project,
            resolver: facts.resolver,
            files: facts.files,
            interpolations: facts
                .interpolations
                .iter()
                .map(|i| (i.placeholder.clone(), i))
                .collect(),
            bound: HashMap::default(),
            dom_refs: HashMap::default(),
            component_templates: false,
            replaying: false,
            modules: Modules::new(facts.arena, facts.path),
            sources: Vec::new(),
            source_ids: HashMap::default(),
            named_instances: HashMap::default(),
            page_marks: HashSet::default(),
            shadowed: HashMap::default(),
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
            scope: Scope::new_ref(None, true),
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

    // ----- spans and sources ---------------------------------------------------------------------

    /// The text of the file a span is in (the analysed file, or a module it imports).
    pub(super) fn file_text(&self, span: ByteSpan) -> &str {
        match FileId::of(span).index() {
            0 => self.text,
            k => self.modules.files.get(k - 1).map_or("", |f| &f.text),
        }
    }

    /// The source text of a span, in whichever file it is.
    pub(super) fn span_text(&self, span: ByteSpan) -> &str {
        let l = local(span);
        self.file_text(span)
            .get(l.start as usize..l.end as usize)
            .unwrap_or("")
    }

    pub(super) fn source_category(&self, id: SourceId) -> CategoryId {
        self.sources[id as usize].category
    }

    /// A module's top level: a scope of its own, not the importer's.
    pub(super) fn enter_module_scope(&mut self) -> (ScopeRef, u32) {
        let saved = std::mem::replace(&mut self.scope, Scope::new_ref(None, true));
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

    // ----- scopes (see `scope.rs`) ---------------------------------------------------------------

    /// The activation of the function being summarised (0: the top level).
    pub(super) fn activation(&self) -> u32 {
        self.frames.last().map_or(0, |f| f.activation)
    }

    /// Enters a new scope inside the current one; returns the current one, to restore.
    pub(super) fn push_scope(&mut self, is_function: bool) -> ScopeRef {
        let parent = self.scope.clone();
        let scope = Scope::new_ref(Some(parent.clone()), is_function);
        self.scope = scope;
        parent
    }

    /// Declares a name in the current scope (a `var` in the function's).
    pub(super) fn declare(&mut self, name: &str, value: Value, var: bool) {
        scope::declare(&self.scope, name, value, var, self.activation(), self.cond);
    }

    pub(super) fn lookup(&self, name: &str) -> Option<Value> {
        scope::lookup(&self.scope, name)
    }

    /// Assignment to a variable: replaces the value when it runs unconditionally in the
    /// function that declared it, else joins (a branch or a closure may or may not run).
    pub(super) fn assign_var(&mut self, name: &str, value: Value) {
        scope::assign(&self.scope, name, value, self.activation(), self.cond);
    }

    /// `a.b.c = v`: records the field on the variable's value.
    pub(super) fn assign_field(&mut self, root: &str, path: &[Rc<str>], value: Value) {
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
}
