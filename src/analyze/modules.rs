//! Flows across modules: an `import` or `require` of a project file loads that module into the
//! same analysis (parsed into its own region of the position space, evaluated once in a scope of
//! its own), and its exports bind the importer's names. Calls into it then use the same lazily
//! computed summaries as local functions, so `trackSignup(email)` in one file reaching
//! `analytics.identify` in another is one flow with steps in both.
//!
//! Also the names files share otherwise: `import` declarations (project modules load lazily,
//! tracker wrapper packages stand for their API), `export` declarations, a classic script's
//! top-level functions and the methods a plugin gives every component (page-wide globals).

use super::ast::*;
use super::engine::Engine;
use super::files::{display_path, LoadedFile};
use super::func::FuncNode;
use super::value::*;
use crate::extract::{BlockKind, Lang, ScriptBlock};
use crate::parse::FileId;
use crate::source::ByteSpan;
use std::path::Path;
use std::rc::Rc;
use swc_ecma_ast::*;

/// How many modules one analysis may load, and how deep imports may nest: bounds on the work a
/// file can cause; beyond them imports are treated as unknown (clean), never guessed.
const MAX_MODULES: usize = 32;
const MAX_DEPTH: usize = 8;
/// Larger modules are generated code, not worth following.
const MAX_MODULE_BYTES: u64 = 1 << 20;

impl<'a> Engine<'a> {
    /// The exports of the project module `spec` names, loading it on first use.
    pub(super) fn load_module(&mut self, spec: &str) -> Option<Value> {
        let from = self.modules.current_file();
        self.load_module_from(spec, from)
    }

    /// What a deferred import stands for: the module's export, then the members read from it.
    pub(super) fn resolve_lazy(&mut self, lazy: &LazyImport) -> Option<Value> {
        let mut v = self.load_module_from(&lazy.spec, lazy.from_file)?;
        for name in &lazy.path {
            v = v.field(name).cloned()?;
        }
        Some(v)
    }

    fn load_module_from(&mut self, spec: &str, from: usize) -> Option<Value> {
        let path = self.resolver.resolve_fs(self.modules.path_of(from), spec)?;
        if let Some(cached) = self.modules.cache.get(&path) {
            return cached.clone();
        }
        if self.modules.files.len() >= MAX_MODULES
            || self.modules.stack.len() >= MAX_DEPTH
            || path == self.modules.main
        {
            return None;
        }
        let text = self.files.read_file(&path, MAX_MODULE_BYTES)?;
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let lang = Lang::from_extension(ext)?;
        let index = self.modules.files.len() + 1;
        let block = ScriptBlock {
            span: ByteSpan::new(0, text.len() as u32),
            lang,
            kind: BlockKind::Script,
            decoded: None,
        };
        let program = crate::parse::parse_block_at(&text, &block, index as u32).ok()?;
        let program: &'a Program = self.modules.arena.alloc(program);
        let display = display_path(&self.modules.main, &path);
        self.modules.files.push(LoadedFile {
            path: path.clone(),
            display,
            text: text.to_string(),
        });
        self.modules.cache.insert(path.clone(), None);

        self.modules.stack.push(index);
        self.modules.exports.push(Value::default());
        let saved = self.enter_module_scope();
        self.run_program(program);
        self.leave_module_scope(saved);
        self.modules.stack.pop();
        let exports = self.modules.exports.pop().unwrap_or_default();
        self.modules.cache.insert(path, Some(exports.clone()));
        Some(exports)
    }

    /// Registers a file whose blocks the caller parsed itself (a component's template) as the
    /// next file index, so its spans resolve.
    pub(super) fn add_linked_file(&mut self, path: &Path, text: &str) {
        let display = display_path(&self.modules.main, path);
        self.modules.files.push(LoadedFile {
            path: path.to_path_buf(),
            display,
            text: text.to_string(),
        });
        self.modules.cache.insert(path.to_path_buf(), None);
    }

    /// Records an export of the module being evaluated (`export const x`, `exports.x = …`).
    pub(super) fn export(&mut self, name: &str, value: Value) {
        if let Some(exports) = self.modules.exports.last_mut() {
            exports.set_field(name.into(), value);
        }
    }

    /// `module.exports = …` replaces the module's exports (and is its default export).
    pub(super) fn export_all(&mut self, value: Value) {
        if let Some(exports) = self.modules.exports.last_mut() {
            let mut v = value.clone();
            v.set_field("default".into(), value);
            *exports = v;
        }
    }

    /// Whether a flow lies wholly inside one loaded module: that module's own analysis reports
    /// it, so the importer must not report it again.
    pub(super) fn inside_one_module(
        &self,
        source: ByteSpan,
        sink: ByteSpan,
        steps: &[Step],
    ) -> bool {
        let file = FileId::of;
        let f = file(sink);
        f != FileId::MAIN && file(source) == f && steps.iter().all(|s| file(s.span) == f)
    }
}

impl<'a> Engine<'a> {
    /// `import ReactPixel from 'react-facebook-pixel'`, `import { event } from 'vue-gtag'`: names
    /// imported from a tracker wrapper package stand for the package's API (`npm:` callees).
    pub(super) fn import(&mut self, import: &'a ImportDecl) {
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
                && self
                    .resolver
                    .resolve_fs(self.modules.path_of(self.modules.current_file()), &package)
                    .is_some());
        if project_file {
            self.import_module(import, &package);
            return;
        }
        if !self.cat.sdks.wraps(&package) {
            return;
        }
        self.shadow_globals(&package);
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

    /// Importing a server library makes the browser global of its vendor stand for it in this
    /// file (`analytics` after `import { Analytics } from '@segment/analytics-node'`).
    pub(super) fn shadow_globals(&mut self, package: &str) {
        let cat = self.cat;
        for (name, target) in cat.sdks.shadows(package) {
            self.shadowed.insert(name.into(), target.into());
        }
    }

    /// `import { trackSignup } from './analytics'`: the names are the module's exports.
    pub(super) fn import_module(&mut self, import: &'a ImportDecl, spec: &str) {
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

    pub(super) fn module_decl(&mut self, d: &'a ModuleDecl) {
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
    pub(super) fn expose_component_members(&mut self, e: &'a Expr, value: &Value) {
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

    /// A classic script's top-level functions are globals of the pages that load it: another
    /// script calling `trackSignup(email)` reaches them. The analysed file reports those that
    /// send data (see `finish`); a file loaded for one exports them (as `global:name`).
    pub(super) fn classic_script_functions(&mut self, body: &'a [Stmt]) {
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
    pub(super) fn global_method(&mut self, name: &str) -> Option<Value> {
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
