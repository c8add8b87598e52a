//! Lexical scopes and function activations: the bindings of names to abstract values, the
//! rules for declaring (`var` lands in the function scope), looking up and assigning a name
//! (an assignment replaces the value only where it surely runs, else joins), and the frame of
//! the function being summarised (what reaches sinks through its parameters, what it returns).
//!
//! The engine keeps the current scope and frames (see `engine.rs`); the machinery here works on
//! a scope chain alone, so it is independent of the walk.

use super::outcome::SinkSite;
use super::value::{Label, Value};
// Keys are small and not attacker-chosen in a way that matters for a linter: FxHash is faster.
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::rc::Rc;

pub(super) type ScopeRef = Rc<RefCell<Scope>>;

/// A name's value, and where it was bound: the activation of the function that declared it and
/// the branch depth there (see [`assign`]).
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

impl Scope {
    /// A new scope inside `parent` (none for a file's or a module's top level): a function's
    /// or a block's.
    pub(super) fn new_ref(parent: Option<ScopeRef>, is_function: bool) -> ScopeRef {
        Rc::new(RefCell::new(Scope {
            parent,
            is_function,
            ..Default::default()
        }))
    }
}

/// Declares `name` in `scope` (a `var` in the nearest function scope), bound in `activation`
/// at branch depth `cond`.
pub(super) fn declare(
    scope: &ScopeRef,
    name: &str,
    value: Value,
    var: bool,
    activation: u32,
    cond: u32,
) {
    let mut scope = scope.clone();
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
        activation,
        cond,
    };
    scope.borrow_mut().vars.insert(name.into(), binding);
}

/// The value `name` is bound to in `scope` or the scopes around it.
pub(super) fn lookup(scope: &ScopeRef, name: &str) -> Option<Value> {
    let mut scope = Some(scope.clone());
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
/// function that declared it (the same `activation` and branch depth `cond`), else joins (a
/// branch or a closure may or may not run). An undeclared name becomes a global.
pub(super) fn assign(scope: &ScopeRef, name: &str, value: Value, activation: u32, cond: u32) {
    let mut current = Some(scope.clone());
    while let Some(s) = current {
        let mut sm = s.borrow_mut();
        if let Some(b) = sm.vars.get_mut(name) {
            b.value = if b.activation == activation && b.cond == cond {
                value
            } else {
                b.value.clone().join(&value)
            };
            return;
        }
        current = sm.parent.clone();
    }
    // An undeclared assignment creates a global.
    let mut root = scope.clone();
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

/// A sink reached through a parameter of the function being summarised: resolved when a call
/// applies the summary with the actual arguments.
#[derive(Clone)]
pub(super) struct PendingHit {
    pub sink: Rc<SinkSite>,
    pub key: String,
    pub arg: usize,
    pub label: Label,
}

/// The activation of the function being summarised (the outermost frame is the file's top
/// level): its bindings' activation number and what its summary collects.
pub(super) struct Frame {
    pub activation: u32,
    pub hits: Vec<PendingHit>,
    pub ret: Value,
    pub fn_name: Rc<str>,
    /// The class of the function being summarised: `this.x = …` records the field there.
    pub class: Option<usize>,
}
