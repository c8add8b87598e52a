//! What the engine knows of each function: its code, the scope it closes over, its summary, and
//! the classes whose members share an instance. The summaries are made and applied in
//! `summaries.rs`; these are their data.

use super::ast::unwrap_expr;
use super::scope::{PendingHit, ScopeRef};
use super::value::Value;
use crate::parse::to_span;
use crate::source::ByteSpan;
use std::rc::Rc;
use swc_ecma_ast::*;

/// The code of a function the engine can summarise.
#[derive(Clone, Copy)]
pub(super) enum FuncNode<'a> {
    Function(&'a Function),
    Arrow(&'a ArrowExpr),
    Ctor(&'a Constructor),
    Block(&'a BlockStmt),
}

/// A function of the analysed code (or a loaded module): its code, the scope it closes over and
/// its summary once made. Values refer to it by index (`Kind::Func`).
pub(super) struct FuncEntry<'a> {
    pub node: FuncNode<'a>,
    pub scope: ScopeRef,
    pub name: Rc<str>,
    pub summary: Option<Rc<Summary>>,
    /// Its summary is being made (a recursive call gets none).
    pub busy: bool,
    /// The class whose constructor or method this is.
    pub class: Option<usize>,
    /// Parameters the body switches on (`switch (kind) { case 'email': … }`): a call passing a
    /// string literal there gets a summary of the matching case alone.
    pub switch_params: Vec<usize>,
    /// The class instance's version its summary was made with.
    pub seen_version: u32,
}

impl FuncEntry<'_> {
    /// Where the function is written.
    pub(super) fn node_span(&self) -> ByteSpan {
        match self.node {
            FuncNode::Function(f) => to_span(f.span),
            FuncNode::Arrow(a) => to_span(a.span),
            FuncNode::Ctor(c) => to_span(c.span),
            FuncNode::Block(b) => to_span(b.span),
        }
    }
}

/// What a function does with its parameters: what it returns, and the sinks they reach (its
/// hits), in terms of `Origin::Param` labels that a call replaces by its arguments.
pub(super) struct Summary {
    pub ret: Value,
    pub hits: Vec<PendingHit>,
}

/// What the methods of a class share through `this`: the methods themselves and the fields
/// the constructor, the methods and the property initialisers assign.
#[derive(Default)]
pub(super) struct ClassInfo {
    /// Constructor first, then the methods, in source order.
    pub members: Vec<usize>,
    /// The instance: methods and assigned fields (without parameter-derived taint).
    pub instance: Value,
    /// Every member has been summarised once, so the fields they assign are known.
    pub prepared: bool,
    /// Bumped by every field a member assigns: a member summarised before the last one saw
    /// an older instance.
    pub version: u32,
}

/// What a specialised summary knows of an argument (see `summarize_with`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub(super) enum Known {
    /// An SDK handle's path: calls on the parameter are calls on the SDK.
    Handle(Rc<str>),
    /// A string literal the function switches on.
    Literal(Rc<str>),
}

/// A function and what its parameters are known to be.
pub(super) type HandleKey = (usize, Vec<Option<Known>>);

/// The parameters a function's body switches on directly: `switch (kind) {…}` at its top level.
pub(super) fn switch_params(node: FuncNode) -> Vec<usize> {
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
