//! Stage 5: the taint analysis of one file's script blocks.
//!
//! The modules, in layers: each uses only modules of the layers above it, so none imports
//! another in a circle (`tests/module_graph.rs` checks it).
//! - Data, no engine: `value` (abstract values), `ast` (syntax helpers), `apis` (what the engine
//!   knows of browser, library and framework APIs, as tables), `elements` (what declared
//!   elements hold), `pickers`, `call` (a call site), `outcome` (what an analysis produces),
//!   `facts` (what it is given), `scope` (scopes, bindings, frames), `func` (functions,
//!   summaries, classes), `files` (the files of one analysis).
//! - State: `engine`, the `Engine` struct and its accessors.
//! - Behaviour, as `impl Engine` blocks: the walk (`stmt`, `expr`, `calls`), `summaries`,
//!   `flows`, and the models of sources (`sources`, `template`, `types`, `react`), sinks
//!   (`sinks`, `slots`), unseen code (`opaque`, `frameworks`) and modules (`modules`).

mod apis;
mod ast;
mod call;
mod calls;
mod elements;
mod engine;
mod expr;
mod facts;
mod files;
mod flows;
mod frameworks;
mod func;
mod modules;
mod opaque;
mod outcome;
mod pickers;
mod react;
mod scope;
mod sinks;
mod slots;
mod sources;
mod stmt;
mod summaries;
mod template;
mod types;
pub mod value;

#[cfg(test)]
mod tests;

pub use facts::FileFacts;
pub use outcome::{Flow, LinkedFile, Outcome, SinkSite, SourceInfo};

use crate::catalog::Catalog;
use crate::extract::BlockKind;
use swc_ecma_ast::Program;

/// Analyses the parsed blocks of one file, in order, in one shared global scope (inline
/// scripts of a page see each other's globals; template expressions see the component's).
pub fn analyze_file<'a>(
    cat: &'a Catalog,
    facts: &FileFacts<'a>,
    blocks: &'a [(BlockKind, Program)],
) -> Outcome {
    let elements = facts.elements;
    let mut engine = engine::Engine::new(cat, facts);
    engine.add_elements(facts.elements);
    engine.component_templates = blocks
        .iter()
        .any(|(k, _)| matches!(k, BlockKind::TemplateExpr { .. }));
    engine.add_bindings(facts.paired_elements);
    if let Some((path, text)) = facts.paired_file {
        engine.add_linked_file(path, text);
    }
    // Component scripts first: template expressions refer to what they declare.
    let mut order: Vec<&(BlockKind, Program)> = blocks.iter().collect();
    order.sort_by_key(|(k, _)| matches!(k, BlockKind::TemplateExpr { .. }));
    for (kind, program) in order {
        match kind {
            BlockKind::Script => engine.run_program(program),
            BlockKind::TemplateExpr { event, element } => {
                // Blocks of the paired template (file 1) index its elements.
                let span = crate::parse::to_span(swc_common::Spanned::span(program));
                let in_paired = crate::parse::FileId::of(span) != crate::parse::FileId::MAIN;
                let list = if in_paired {
                    facts.paired_elements
                } else {
                    elements
                };
                let el = element
                    .and_then(|i| list.get(i))
                    .and_then(|e| elements::element_value(&cat.names, e))
                    .unwrap_or_default();
                engine.run_template_expr(program, event.as_deref(), el);
            }
            BlockKind::Handler { event, element } => {
                let el = elements
                    .get(*element)
                    .and_then(|e| elements::element_value(&cat.names, e))
                    .unwrap_or_default();
                engine.run_handler(program, el, event);
            }
        }
    }
    engine.finish()
}
