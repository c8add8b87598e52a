//! Flows across modules: an `import` or `require` of a project file loads that module into the
//! same analysis (parsed into its own region of the position space, evaluated once in a scope of
//! its own), and its exports bind the importer's names. Calls into it then use the same lazily
//! computed summaries as local functions, so `trackSignup(email)` in one file reaching
//! `analytics.identify` in another is one flow with steps in both.

use super::engine::Engine;
use super::value::*;
use crate::extract::{BlockKind, Lang, ScriptBlock};
use crate::source::ByteSpan;
use std::path::{Path, PathBuf};
use swc_ecma_ast::Program;

/// How many modules one analysis may load, and how deep imports may nest: bounds on the work a
/// file can cause; beyond them imports are treated as unknown (clean), never guessed.
const MAX_MODULES: usize = 32;
const MAX_DEPTH: usize = 8;
/// Larger modules are generated code, not worth following.
const MAX_MODULE_BYTES: u64 = 1 << 20;

pub(super) struct LoadedFile {
    pub path: PathBuf,
    pub display: String,
    pub text: String,
}

pub(super) struct Modules<'a> {
    pub arena: &'a typed_arena::Arena<Program>,
    /// Loaded files; file index k (in spans) is `files[k - 1]`; 0 is the analysed file.
    pub files: Vec<LoadedFile>,
    main: PathBuf,
    /// Resolved path -> exports (`None` while it is being evaluated: an import cycle).
    cache: rustc_hash::FxHashMap<PathBuf, Option<Value>>,
    /// File index of each module being evaluated, innermost last.
    stack: Vec<usize>,
    /// The exports of each module being evaluated.
    pub exports: Vec<Value>,
}

impl<'a> Modules<'a> {
    pub fn new(arena: &'a typed_arena::Arena<Program>, main: &Path) -> Self {
        Modules {
            arena,
            files: Vec::new(),
            main: main.to_path_buf(),
            cache: Default::default(),
            stack: Vec::new(),
            exports: Vec::new(),
        }
    }

    pub fn path_of(&self, file: usize) -> &Path {
        match file {
            0 => &self.main,
            k => &self.files[k - 1].path,
        }
    }

    /// The file index of the module being evaluated (0: the analysed file).
    pub fn current_file(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    /// True while a module (not the analysed file) is being evaluated.
    pub fn in_module(&self) -> bool {
        !self.stack.is_empty()
    }
}

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
        let path = crate::resolve::resolve_fs(self.modules.path_of(from), spec)?;
        if let Some(cached) = self.modules.cache.get(&path) {
            return cached.clone();
        }
        if self.modules.files.len() >= MAX_MODULES
            || self.modules.stack.len() >= MAX_DEPTH
            || path == self.modules.main
        {
            return None;
        }
        let meta = std::fs::metadata(&path).ok()?;
        if meta.len() > MAX_MODULE_BYTES {
            return None;
        }
        let text = std::fs::read_to_string(&path).ok()?;
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
            text,
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
        let file = |s: ByteSpan| s.start >> crate::parse::FILE_SHIFT;
        let f = file(sink);
        f != 0 && file(source) == f && steps.iter().all(|s| file(s.span) == f)
    }
}

/// How reports name a loaded module: relative to the analysed file's folder as the user named
/// it, so `src/form.js` importing `./analytics` shows `src/analytics.js`.
fn display_path(main: &Path, path: &Path) -> String {
    let dir = main.parent().unwrap_or(Path::new(""));
    let rel = path
        .strip_prefix(dir)
        .map(|r| dir.join(r))
        .unwrap_or_else(|_| path.to_path_buf());
    crate::resolve::normalize(&rel)
        .to_string_lossy()
        .into_owned()
}
