//! The abstract values the taint engine computes for expressions.

use crate::catalog::CategoryId;
use crate::source::ByteSpan;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Bounds that keep pathological code cheap: past them information is dropped, never invented.
pub const MAX_LABELS: usize = 12;
pub const MAX_STEPS: usize = 12;
pub const MAX_FIELDS: usize = 64;
pub const MAX_DEPTH: usize = 8;

/// Index of a source in the analysis' source table.
pub type SourceId = u32;

/// One place the data passed on its way from source to sink.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub span: ByteSpan,
    pub note: Rc<str>,
}

/// A segment of the access path from a function parameter to a value inside it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seg {
    /// A property read, with where it happens inside the function.
    Prop(Rc<str>, ByteSpan),
    /// A DOM read method: `val()`, `text()`, `getAttribute('value')`.
    Read(Rc<str>, ByteSpan),
}

/// Where a tainted value comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A read of personal data.
    Source(SourceId),
    /// Whatever the caller passes as parameter `index` (`THIS_PARAM` for `this`), then `path`:
    /// the symbolic part of a function summary.
    Param { index: u32, path: Rc<[Seg]> },
}

pub const THIS_PARAM: u32 = u32::MAX;

#[derive(Clone, Debug)]
pub struct Label {
    pub origin: Origin,
    pub steps: Rc<Vec<Step>>,
}

impl Label {
    pub fn with_step(&self, step: Step) -> Label {
        if self.steps.last() == Some(&step) {
            return self.clone();
        }
        let mut steps = (*self.steps).clone();
        if steps.len() >= MAX_STEPS {
            // Keep the first steps (near the source) and the newest; drop the middle.
            steps.remove(MAX_STEPS / 2);
        }
        steps.push(step);
        Label { origin: self.origin.clone(), steps: Rc::new(steps) }
    }
}

/// What kind of thing a value is, beyond its taint.
#[derive(Clone, Debug, Default)]
pub enum Kind {
    #[default]
    Unknown,
    /// A constant string: resolves selectors, commands and keys held in variables.
    Str(Rc<str>),
    /// A browser or SDK global, by resolved path: `document`, `location.search`, `ttq.identify`.
    Global(Rc<str>),
    /// An element (or list of elements) holding personal data.
    Dom(Rc<DomInfo>),
    /// A `<form>` or its `elements` collection: named members are classified by name.
    Form(Option<Rc<str>>),
    /// A keyed container of form or URL data: `FormData`, `URLSearchParams`, storage.
    Bag(Rc<BagInfo>),
    /// An event whose target is the given value.
    Event(Rc<Value>),
    /// A function defined in the analysed code.
    Func(usize),
}

#[derive(Debug)]
pub struct DomInfo {
    pub category: CategoryId,
    /// How messages name the element: `#email`, `input[type=email]`, `input#email (type=email)`.
    pub desc: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BagKind {
    FormData,
    UrlParams,
    LocalStorage,
    SessionStorage,
    Cookies,
}

#[derive(Debug)]
pub struct BagInfo {
    pub kind: BagKind,
}

impl BagKind {
    /// How messages name a key read from this bag.
    pub fn describe(self, key: &str) -> String {
        match self {
            BagKind::FormData => format!("form field '{key}'"),
            BagKind::UrlParams => format!("URL parameter '{key}'"),
            BagKind::LocalStorage => format!("localStorage item '{key}'"),
            BagKind::SessionStorage => format!("sessionStorage item '{key}'"),
            BagKind::Cookies => format!("cookie '{key}'"),
        }
    }
}

/// An abstract value: the labels of the data it carries, the known keys of an object or array,
/// and what kind of thing it is.
#[derive(Clone, Debug, Default)]
pub struct Value {
    pub taint: Vec<Label>,
    pub fields: Option<Rc<BTreeMap<Rc<str>, Value>>>,
    pub kind: Kind,
}

impl Value {
    pub fn kind(kind: Kind) -> Value {
        Value { kind, ..Default::default() }
    }

    pub fn str(s: &str) -> Value {
        Value::kind(Kind::Str(s.into()))
    }

    pub fn tainted(label: Label) -> Value {
        Value { taint: vec![label], ..Default::default() }
    }

    pub fn is_clean(&self) -> bool {
        self.taint.is_empty() && self.fields.as_ref().is_none_or(|f| f.values().all(Value::is_clean))
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn add_label(&mut self, label: Label) {
        if let Some(existing) = self.taint.iter_mut().find(|l| l.origin == label.origin) {
            // Keep the shorter path: it is the clearer explanation.
            if label.steps.len() < existing.steps.len() {
                *existing = label;
            }
            return;
        }
        if self.taint.len() < MAX_LABELS {
            self.taint.push(label);
        }
    }

    pub fn add_taint(&mut self, labels: &[Label]) {
        for l in labels {
            self.add_label(l.clone());
        }
    }

    /// The value with only its taint: what a string built from it carries.
    pub fn taint_only(&self) -> Value {
        let mut v = Value { taint: self.taint.clone(), ..Default::default() };
        if let Some(fields) = &self.fields {
            for f in fields.values() {
                v.add_taint(&f.flat_taint(0));
            }
        }
        v
    }

    /// Every label in the value, its fields included.
    pub fn flat_taint(&self, depth: usize) -> Vec<Label> {
        let mut out = self.taint.clone();
        if depth < MAX_DEPTH {
            if let Some(fields) = &self.fields {
                for f in fields.values() {
                    for l in f.flat_taint(depth + 1) {
                        if !out.iter().any(|o| o.origin == l.origin) && out.len() < MAX_LABELS {
                            out.push(l);
                        }
                    }
                }
            }
        }
        out
    }

    pub fn field(&self, key: &str) -> Option<&Value> {
        self.fields.as_ref()?.get(key)
    }

    pub fn set_field(&mut self, key: Rc<str>, value: Value) {
        let fields = Rc::make_mut(self.fields.get_or_insert_with(Default::default));
        if fields.len() < MAX_FIELDS || fields.contains_key(&key) {
            fields.insert(key, value);
        }
    }

    pub fn with_step(&self, step: &Step) -> Value {
        if self.is_clean() {
            return self.clone();
        }
        let mut v = self.clone();
        v.taint = v.taint.iter().map(|l| l.with_step(step.clone())).collect();
        if let Some(fields) = &self.fields {
            let mapped = fields.iter().map(|(k, f)| (k.clone(), f.with_step(step))).collect();
            v.fields = Some(Rc::new(mapped));
        }
        v
    }

    /// The union of two values, for branches and weak updates.
    pub fn join(mut self, other: &Value) -> Value {
        self.add_taint(&other.taint);
        if let Some(of) = &other.fields {
            for (k, v) in of.iter() {
                let merged = match self.field(k) {
                    Some(mine) => mine.clone().join(v),
                    None => v.clone(),
                };
                self.set_field(k.clone(), merged);
            }
        }
        if matches!(self.kind, Kind::Unknown) {
            self.kind = other.kind.clone();
        }
        self
    }

    /// Every `(key path, label)` pair: what a sink argument sends and under which key.
    pub fn flatten(&self, prefix: &str, depth: usize, out: &mut Vec<(String, Label)>) {
        for l in &self.taint {
            out.push((prefix.to_string(), l.clone()));
        }
        if depth >= MAX_DEPTH {
            return;
        }
        if let Some(fields) = &self.fields {
            for (k, v) in fields.iter() {
                let key = if prefix.is_empty() { k.to_string() } else { format!("{prefix}.{k}") };
                v.flatten(&key, depth + 1, out);
            }
        }
    }
}
