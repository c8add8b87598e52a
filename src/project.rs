//! The project-wide field index: form fields and data-displaying elements declared in every
//! template of the scanned tree, so a script that reads `#cc-number` in one file knows the
//! `<input id="cc-number" autocomplete="cc-number">` declared in another. Built from facts (no
//! ASTs) in a first parallel phase; looked up by the analysis in the second.

use crate::extract::ElementFact;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An element and the file that declares it.
#[derive(Debug)]
pub struct IndexedElement {
    pub file: String,
    pub fact: ElementFact,
}

#[derive(Debug, Default)]
pub struct FieldIndex {
    by_id: HashMap<String, Vec<Arc<IndexedElement>>>,
    by_name: HashMap<String, Vec<Arc<IndexedElement>>>,
    by_class: HashMap<String, Vec<Arc<IndexedElement>>>,
    /// Elements of each template file, for components that name it (Angular `templateUrl`).
    by_file: HashMap<PathBuf, Vec<ElementFact>>,
    /// Methods every component has, by name, and the file that defines them: a Vue plugin's
    /// `Vue.mixin({ methods })` or `Vue.prototype.$x = fn`, or a classic script's top-level function
    /// (known after the analysis' first pass). Paths are canonical.
    global_methods: HashMap<String, PathBuf>,
}

impl FieldIndex {
    /// Builds the index from `(file, elements)` pairs given in a deterministic (sorted) order.
    pub fn build(files: Vec<(PathBuf, Vec<ElementFact>)>) -> Self {
        let mut index = FieldIndex::default();
        for (path, elements) in files {
            let display = path.to_string_lossy().into_owned();
            for fact in &elements {
                let entry = Arc::new(IndexedElement {
                    file: display.clone(),
                    fact: fact.clone(),
                });
                if let Some(id) = &fact.id {
                    index
                        .by_id
                        .entry(id.clone())
                        .or_default()
                        .push(entry.clone());
                }
                if let Some(name) = &fact.name {
                    index
                        .by_name
                        .entry(name.clone())
                        .or_default()
                        .push(entry.clone());
                }
                for class in &fact.classes {
                    index
                        .by_class
                        .entry(class.clone())
                        .or_default()
                        .push(entry.clone());
                }
            }
            index.by_file.insert(path, elements);
        }
        index
    }

    pub fn is_empty(&self) -> bool {
        self.by_file.is_empty() && self.global_methods.is_empty()
    }

    /// The file defining the project-wide method `name` (see `global_methods`).
    pub fn global_method(&self, name: &str) -> Option<&Path> {
        self.global_methods.get(name).map(PathBuf::as_path)
    }

    /// The index with the project-wide methods found in a first pass.
    pub fn with_global_methods(&self, methods: HashMap<String, PathBuf>) -> Self {
        FieldIndex {
            by_id: self.by_id.clone(),
            by_name: self.by_name.clone(),
            by_class: self.by_class.clone(),
            by_file: self.by_file.clone(),
            global_methods: methods,
        }
    }

    pub fn by_id(&self, id: &str) -> &[Arc<IndexedElement>] {
        self.by_id.get(id).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn by_name(&self, name: &str) -> &[Arc<IndexedElement>] {
        self.by_name.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn by_class(&self, class: &str) -> &[Arc<IndexedElement>] {
        self.by_class.get(class).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The elements of the template `url` names relative to `component` (`./x.component.html`).
    pub fn template_of(&self, component: &Path, url: &str) -> Option<&[ElementFact]> {
        let dir = component.parent().unwrap_or(Path::new(""));
        let joined = normalize(&dir.join(url));
        self.by_file
            .iter()
            .find(|(p, _)| normalize(p) == joined)
            .map(|(_, e)| e.as_slice())
    }
}

/// `a/./b/../c` -> `a/c`, without touching the file system.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}
