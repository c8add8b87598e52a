//! The abstract values the taint engine computes for expressions.

use crate::catalog::CategoryId;
use crate::source::ByteSpan;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Bounds that keep pathological code cheap: past them information is dropped, never invented.
pub const MAX_LABELS: usize = 8;
pub const MAX_STEPS: usize = 12;
pub const MAX_FIELDS: usize = 24;
/// Object nesting kept per value; deeper data is folded into the taint of the last level.
pub const MAX_DEPTH: usize = 4;
/// Nodes one field's value may have (see [`Value::weight`]) before it is folded to its taint.
pub const MAX_WEIGHT: usize = 48;

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
    /// The parameter is the key of a read from a keyed container: `formData.get(name)`,
    /// `localStorage.getItem(key)`; a caller's string literal says what is read.
    Key(BagKind, ByteSpan),
}

/// Where a tainted value comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A read of personal data.
    Source(SourceId),
    /// Whatever the caller of function `func` passes as parameter `index` (`THIS_PARAM` for
    /// `this`), then `path`: the symbolic part of a function summary. Closures see their
    /// enclosing function's parameters, which only that function's callers resolve.
    Param {
        func: u32,
        index: u32,
        path: Rc<[Seg]>,
    },
}

pub const THIS_PARAM: u32 = u32::MAX;

/// The steps a value took, newest first, shared between the values derived from it: adding a
/// step is O(1) however long the path.
#[derive(Clone, Debug, Default)]
pub struct Steps(Option<Rc<StepNode>>);

#[derive(Debug)]
struct StepNode {
    step: Step,
    prev: Steps,
    len: usize,
}

impl Steps {
    fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |n| n.len)
    }

    pub fn push(&self, step: Step) -> Steps {
        if self.0.as_ref().is_some_and(|n| n.step == step) {
            return self.clone();
        }
        if self.len() >= MAX_STEPS * 2 {
            return self.clone(); // long enough to explain; keeps every push O(1)
        }
        let len = self.len() + 1;
        Steps(Some(Rc::new(StepNode {
            step,
            prev: self.clone(),
            len,
        })))
    }

    /// Oldest first, at most `MAX_STEPS`: the first steps (near the source) and the newest.
    pub fn to_vec(&self) -> Vec<Step> {
        let mut all = Vec::new();
        let mut cur = &self.0;
        while let Some(n) = cur {
            all.push(n.step.clone());
            cur = &n.prev.0;
        }
        all.reverse();
        if all.len() > MAX_STEPS {
            let tail = all.split_off(all.len() - MAX_STEPS / 2);
            all.truncate(MAX_STEPS / 2);
            all.extend(tail);
        }
        all
    }

    /// These steps followed by `later`'s.
    pub fn then(&self, later: &Steps) -> Steps {
        let mut out = self.clone();
        for s in later.to_vec() {
            out = out.push(s);
        }
        out
    }
}

#[derive(Clone, Debug)]
pub struct Label {
    pub origin: Origin,
    pub steps: Steps,
}

impl Label {
    /// A parameter's label one access further (`p.email`, `p.val()`, a read keyed by `p`);
    /// `None` for a source's label, which has no path.
    pub fn then_seg(&self, seg: Seg) -> Option<Label> {
        let Origin::Param { func, index, path } = &self.origin else {
            return None;
        };
        let mut p = path.to_vec();
        p.push(seg);
        Some(Label {
            origin: Origin::Param {
                func: *func,
                index: *index,
                path: p.into(),
            },
            steps: self.steps.clone(),
        })
    }

    pub fn with_step(&self, step: Step) -> Label {
        Label {
            origin: self.origin.clone(),
            steps: self.steps.push(step),
        }
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
    /// A string built partly from unknown values: its constant parts, joined (`'https://www.
    /// facebook.com/tr?ud[em]=' + email`), so a beacon URL is recognised by its host.
    Concat(Rc<str>),
    /// A React state setter: calling it stores its argument in the named state variable.
    Setter(Rc<str>),
    /// What a function we cannot see into returned: made from its arguments' data, so the
    /// value carries their taint, but its properties are not known to (`lookup(email).plan`).
    Returned,
    /// A binding imported from a project module, not loaded yet: the module is loaded when a
    /// call through it could carry personal data.
    Lazy(Rc<LazyImport>),
}

#[derive(Debug)]
pub struct LazyImport {
    /// The import specifier, resolved against the importing module.
    pub spec: Rc<str>,
    /// The module that imports it (file index), for resolution.
    pub from_file: usize,
    /// The export, then any members read from it: `["default", "lead"]`, `["trackSignup"]`.
    pub path: Vec<Rc<str>>,
}

#[derive(Debug)]
pub struct DomInfo {
    pub category: CategoryId,
    /// How messages name the element: `#email`, `input[type=email]`, `input#email (type=email)`.
    pub desc: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
        Value {
            kind,
            ..Default::default()
        }
    }

    pub fn str(s: &str) -> Value {
        Value::kind(Kind::Str(s.into()))
    }

    pub fn tainted(label: Label) -> Value {
        Value {
            taint: vec![label],
            ..Default::default()
        }
    }

    pub fn is_clean(&self) -> bool {
        self.taint.is_empty()
            && self
                .fields
                .as_ref()
                .is_none_or(|f| f.values().all(Value::is_clean))
    }

    /// A rough size, for the analysis' work budget.
    pub fn weight(&self) -> usize {
        1 + self.taint.len()
            + self
                .fields
                .as_ref()
                .map_or(0, |f| f.values().map(Value::weight).sum())
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The constant text of a string, whole or partial: what a URL's host is read from.
    pub fn known_text(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) | Kind::Concat(s) => Some(s),
            _ => None,
        }
    }

    pub fn add_label(&mut self, label: Label) {
        if self.taint.iter().any(|l| l.origin == label.origin) {
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
        let mut v = Value {
            taint: self.taint.clone(),
            ..Default::default()
        };
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

    /// The value without what comes from a function's parameters: what another function (a
    /// class's other methods, reading `this.x`) can know of it. Bounded by [`MAX_DEPTH`].
    pub fn without_params(&self) -> Value {
        self.without_params_at(0)
    }

    fn without_params_at(&self, depth: usize) -> Value {
        let mut out = Value {
            taint: self
                .taint
                .iter()
                .filter(|l| matches!(l.origin, Origin::Source(_)))
                .cloned()
                .collect(),
            fields: None,
            kind: self.kind.clone(),
        };
        if depth < MAX_DEPTH {
            if let Some(fields) = &self.fields {
                for (k, f) in fields.iter() {
                    out.set_field(k.clone(), f.without_params_at(depth + 1));
                }
            }
        }
        out
    }

    pub fn field(&self, key: &str) -> Option<&Value> {
        self.fields.as_ref()?.get(key)
    }

    pub fn set_field(&mut self, key: Rc<str>, value: Value) {
        // Fields that carry neither data nor a kind we model are not worth their memory: code
        // that builds large object graphs (frameworks, bundles) stays cheap to analyse.
        if value.is_clean() && matches!(value.kind, Kind::Unknown) && value.fields.is_none() {
            if let Some(fields) = &mut self.fields {
                if fields.contains_key(&key) {
                    Rc::make_mut(fields).remove(&key);
                }
            }
            return;
        }
        let mut value = value.limited(MAX_DEPTH - 1);
        if value.weight() > MAX_WEIGHT {
            // Large object graphs keep their data, not their shape.
            let kind = value.kind.clone();
            value = value.taint_only();
            value.kind = kind;
        }
        let fields = Rc::make_mut(self.fields.get_or_insert_with(Default::default));
        if fields.len() < MAX_FIELDS || fields.contains_key(&key) {
            fields.insert(key, value);
        }
    }

    /// The value with at most `depth` levels of fields; deeper data becomes taint.
    pub fn limited(self, depth: usize) -> Value {
        let Some(fields) = &self.fields else {
            return self;
        };
        if depth == 0 {
            let mut v = Value {
                taint: self.taint.clone(),
                kind: self.kind.clone(),
                fields: None,
            };
            v.add_taint(&self.flat_taint(0));
            return v;
        }
        if fields.values().all(|f| f.fields.is_none()) {
            return self;
        }
        let mut v = Value {
            taint: self.taint.clone(),
            kind: self.kind.clone(),
            fields: None,
        };
        for (k, f) in fields.iter() {
            v.set_field(k.clone(), f.clone().limited(depth - 1));
        }
        v
    }

    pub fn with_step(&self, step: &Step) -> Value {
        if self.is_clean() {
            return self.clone();
        }
        let mut v = self.clone();
        v.taint = v.taint.iter().map(|l| l.with_step(step.clone())).collect();
        if let Some(fields) = &self.fields {
            let mapped = fields
                .iter()
                .map(|(k, f)| (k.clone(), f.with_step(step)))
                .collect();
            v.fields = Some(Rc::new(mapped));
        }
        v
    }

    /// The value with `later` appended to every label's steps.
    pub fn then_steps(&self, later: &Steps) -> Value {
        if later.0.is_none() || self.is_clean() {
            return self.clone();
        }
        let mut v = self.clone();
        v.taint = v
            .taint
            .iter()
            .map(|l| Label {
                origin: l.origin.clone(),
                steps: l.steps.then(later),
            })
            .collect();
        if let Some(fields) = &self.fields {
            let mapped = fields
                .iter()
                .map(|(k, f)| (k.clone(), f.then_steps(later)))
                .collect();
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
                let key = if prefix.is_empty() {
                    k.to_string()
                } else {
                    format!("{prefix}.{k}")
                };
                v.flatten(&key, depth + 1, out);
            }
        }
    }
}

/// What iterating a value yields: its elements and its own taint.
pub(super) fn element_of(v: &Value) -> Value {
    let mut out = Value {
        taint: v.taint.clone(),
        kind: v.kind.clone(),
        ..Default::default()
    };
    if let Some(fields) = &v.fields {
        for f in fields.values() {
            out = out.join(f);
        }
    }
    out
}

/// The strings of a short list of string literals (`['EMAIL', 'PHONE']`): code iterating over
/// it is followed once per string, so names built from them (`getFieldValue(f)`) are judged.
pub(super) fn literal_elements(v: &Value) -> Option<Vec<Rc<str>>> {
    let fields = v.fields.as_ref()?;
    if fields.is_empty() || fields.len() > 8 {
        return None;
    }
    fields
        .iter()
        .map(|(k, f)| match &f.kind {
            Kind::Str(s) if k.bytes().all(|b| b.is_ascii_digit()) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

/// `formData.get(name)` with a parameter for the key: what a caller's literal key reads
/// (`getFieldValue('email')`), resolved when the function's summary is applied.
pub(super) fn keyed_by_param(bag: BagKind, key: &Value, span: ByteSpan) -> Value {
    let mut out = Value::default();
    for l in key
        .taint
        .iter()
        .filter_map(|l| l.then_seg(Seg::Key(bag, span)))
    {
        out.add_label(l);
    }
    out
}
