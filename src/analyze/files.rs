//! The files of one analysis: the analysed file (index 0) and the modules loaded into it
//! through imports (1, 2, …, in load order), with the exports of each and the stack of those
//! being evaluated. A span says which file it is in (`crate::parse::FileId::of`).

use super::value::Value;
use std::path::{Path, PathBuf};
use swc_ecma_ast::Program;

/// A file loaded into the analysis: an imported module, or the paired template.
pub(super) struct LoadedFile {
    pub path: PathBuf,
    pub display: String,
    pub text: String,
}

/// The modules loaded into one file's analysis, their exports, and which one is being evaluated.
pub(super) struct Modules<'a> {
    pub arena: &'a typed_arena::Arena<Program>,
    /// Loaded files; file index k (in spans) is `files[k - 1]`; 0 is the analysed file.
    pub files: Vec<LoadedFile>,
    /// The analysed file.
    pub main: PathBuf,
    /// Resolved path -> exports (`None` while it is being evaluated: an import cycle).
    pub cache: rustc_hash::FxHashMap<PathBuf, Option<Value>>,
    /// File index of each module being evaluated, innermost last.
    pub stack: Vec<usize>,
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

/// How reports name a loaded module: relative to the analysed file's folder as the user named
/// it, so `src/form.js` importing `./analytics` shows `src/analytics.js`.
pub(super) fn display_path(main: &Path, path: &Path) -> String {
    let dir = main.parent().unwrap_or(Path::new(""));
    let rel = path
        .strip_prefix(dir)
        .map(|r| dir.join(r))
        .unwrap_or_else(|_| path.to_path_buf());
    crate::resolve::normalize(&rel)
        .to_string_lossy()
        .into_owned()
}
