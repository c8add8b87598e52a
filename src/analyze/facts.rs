//! What the analysis of one file is given besides its code (see [`FileFacts`]).

use crate::extract::{ElementFact, Interpolation};
use crate::project::FieldIndex;
use crate::resolve::Resolver;
use swc_ecma_ast::Program;

/// What the analysis of one file knows besides its code.
#[derive(Clone, Copy)]
pub struct FileFacts<'a> {
    pub text: &'a str,
    /// The file's path, for resolving its imports.
    pub path: &'a std::path::Path,
    /// Where modules loaded through imports are kept while the analysis runs.
    pub arena: &'a typed_arena::Arena<Program>,
    /// Elements declared in the file's markup.
    pub elements: &'a [ElementFact],
    /// Elements of a template paired with this file (an Angular component's `templateUrl`).
    pub paired_elements: &'a [ElementFact],
    /// The paired template file (path, text), whose template expressions are among the blocks,
    /// parsed as file 1.
    pub paired_file: Option<(&'a std::path::Path, &'a str)>,
    pub interpolations: &'a [Interpolation],
    pub project: Option<&'a FieldIndex>,
    /// Resolves the file's imports (and caches the tsconfig files it reads for that) for as long
    /// as its owner keeps it.
    pub resolver: &'a Resolver,
    /// Reads the modules the file imports.
    pub files: &'a dyn crate::source::ReadFile,
}
