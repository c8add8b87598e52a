//! Stage 5: the taint analysis of one file's script blocks.

mod engine;
mod sinks;
mod sources;
pub mod value;

pub use engine::{Flow, Outcome, SinkSite, SourceInfo};

use crate::catalog::Catalog;
use crate::extract::{BlockKind, ElementFact};
use swc_ecma_ast::Program;

/// Analyses the parsed blocks of one file, in order, in one shared global scope (inline
/// scripts of a page see each other's globals).
pub fn analyze_file(
    cat: &'static Catalog,
    text: &str,
    elements: &[ElementFact],
    blocks: &[(BlockKind, Program)],
) -> Outcome {
    let mut engine = engine::Engine::new(cat, text, elements);
    for (kind, program) in blocks {
        match kind {
            BlockKind::Script => engine.run_program(program),
            BlockKind::TemplateExpr { .. } => {} // framework templates: analysed from issue 3 on
            BlockKind::Handler { event, element } => {
                let el = elements
                    .get(*element)
                    .and_then(|e| sources::element_value(&cat.names, e))
                    .unwrap_or_default();
                engine.run_handler(program, el, event);
            }
        }
    }
    engine.finish()
}
