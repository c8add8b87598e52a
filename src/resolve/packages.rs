//! What `package.json` files say about module resolution: `imports` (`#lib/*`), a package's
//! entry and subpaths (`exports`, `module`, `main`, `source`), and the members of a monorepo
//! (`workspaces`, `pnpm-workspace.yaml`, tsconfig `references`).

use super::normalize;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A `package.json` larger than this is not read.
const MAX_JSON_BYTES: u64 = 4 << 20;
/// Bounds on a workspace's member search: folders looked at, and how deep `**` goes.
const MAX_VISITS: usize = 20_000;
const MAX_GLOB_DEPTH: usize = 6;

/// Conditions of `exports`/`imports` targets, in the order they are preferred; `source` and
/// `types` come last and count only when they point at source.
const CONDITIONS: &[&str] = &[
    "import", "browser", "default", "require", "node", "module", "source", "types",
];

/// A parsed `package.json`.
pub(super) struct Package {
    pub dir: PathBuf,
    pub json: Value,
}

impl Package {
    pub fn read(dir: &Path) -> Option<Package> {
        let path = dir.join("package.json");
        if std::fs::metadata(&path).ok()?.len() > MAX_JSON_BYTES {
            return None;
        }
        let text = std::fs::read_to_string(&path).ok()?;
        let json: Value = serde_json::from_str(&text).ok()?;
        json.is_object().then(|| Package {
            dir: dir.to_path_buf(),
            json,
        })
    }

    pub fn name(&self) -> Option<&str> {
        self.json.get("name")?.as_str()
    }

    /// `#lib/track` through the package's `imports`: candidate paths, most preferred first.
    pub fn import_targets(&self, spec: &str) -> Vec<PathBuf> {
        let Some(map) = self.json.get("imports").and_then(Value::as_object) else {
            return Vec::new();
        };
        self.mapped(map, spec)
    }

    /// The targets `key` maps to in an `imports` or `exports` subpath map: the exact key, else
    /// the pattern with the longest prefix (as Node chooses).
    fn mapped(&self, map: &serde_json::Map<String, Value>, key: &str) -> Vec<PathBuf> {
        let (value, captured) = match map.get(key) {
            Some(v) => (v, None),
            None => {
                let best = map
                    .iter()
                    .filter_map(|(k, v)| {
                        let (pre, post) = k.split_once('*')?;
                        let c = key.strip_prefix(pre)?.strip_suffix(post)?;
                        Some((pre.len(), v, c))
                    })
                    .max_by_key(|(len, _, _)| *len);
                match best {
                    Some((_, v, c)) => (v, Some(c)),
                    None => return Vec::new(),
                }
            }
        };
        let mut strings = Vec::new();
        targets(value, &mut strings, 0);
        strings
            .into_iter()
            // Only the package's own files: a target naming another package is not followed.
            .filter(|t| t.starts_with("./"))
            .map(|t| {
                let t = match captured {
                    Some(c) => t.replace('*', c),
                    None => t,
                };
                normalize(&self.dir.join(t))
            })
            .filter(|p| p.starts_with(&self.dir))
            .collect()
    }

    /// Where `subpath` (`""` for the package itself, else `track` of `@acme/analytics/track`)
    /// may be, most preferred first: `exports`, then `module`/`main`/`source` or the folder.
    pub fn entry_targets(&self, subpath: &str) -> Vec<PathBuf> {
        let key = if subpath.is_empty() {
            ".".to_string()
        } else {
            format!("./{subpath}")
        };
        let mut out = Vec::new();
        match self.json.get("exports") {
            Some(Value::Object(map)) if map.keys().any(|k| k.starts_with('.')) => {
                out.extend(self.mapped(map, &key));
            }
            Some(exports) if subpath.is_empty() => {
                let mut strings = Vec::new();
                targets(exports, &mut strings, 0);
                out.extend(
                    strings
                        .into_iter()
                        .filter(|t| t.starts_with("./"))
                        .map(|t| normalize(&self.dir.join(t))),
                );
            }
            _ => {}
        }
        if subpath.is_empty() {
            for field in ["module", "main", "source"] {
                if let Some(t) = self.json.get(field).and_then(Value::as_str) {
                    out.push(normalize(&self.dir.join(t)));
                }
            }
            out.push(self.dir.join("src/index"));
            out.push(self.dir.join("index"));
        } else {
            out.push(normalize(&self.dir.join(subpath)));
            out.push(normalize(&self.dir.join("src").join(subpath)));
        }
        out.retain(|p| p.starts_with(&self.dir));
        out
    }
}

/// The strings of an `exports`/`imports` target, conditions in [`CONDITIONS`] order (other
/// conditions after them), arrays in order.
fn targets(v: &Value, out: &mut Vec<String>, depth: u32) {
    if depth > 8 {
        return;
    }
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|v| targets(v, out, depth + 1)),
        Value::Object(o) => {
            for c in CONDITIONS {
                if let Some(v) = o.get(*c) {
                    targets(v, out, depth + 1);
                }
            }
            for (k, v) in o {
                if !CONDITIONS.contains(&k.as_str()) {
                    targets(v, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// The folders of built output that a package's `main` or `exports` often point into.
const BUILT: &[&str] = &["dist", "lib", "build"];

/// A target pointing into built output (`dist/index.mjs`) may stand for a source file of the
/// same stem under `src/` (`src/index.ts`): the candidates, most likely first.
pub(super) fn source_twins(pkg_dir: &Path, target: &Path) -> Vec<PathBuf> {
    let Ok(rel) = target.strip_prefix(pkg_dir) else {
        return Vec::new();
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some(i) = parts.iter().position(|p| BUILT.contains(&p.as_str())) else {
        return Vec::new();
    };
    let mut rest: Vec<String> = parts[i + 1..].to_vec();
    let Some(last) = rest.last_mut() else {
        return Vec::new();
    };
    *last = stem(last).to_string();
    let mut out = vec![pkg_dir.join("src").join(rest.join("/"))];
    // `dist/esm/index.js`, `dist/cjs/index.js`: the format folder has no source twin.
    if rest.len() > 1 && matches!(rest[0].as_str(), "esm" | "cjs" | "es" | "mjs" | "types") {
        out.push(pkg_dir.join("src").join(rest[1..].join("/")));
    }
    out
}

/// True when `target` is inside built output of its package.
pub(super) fn is_built(pkg_dir: &Path, target: &Path) -> bool {
    target.strip_prefix(pkg_dir).is_ok_and(|rel| {
        rel.components()
            .any(|c| BUILT.contains(&c.as_os_str().to_string_lossy().as_ref()))
    })
}

/// `index.d.ts` → `index`, `index.mjs` → `index`.
fn stem(name: &str) -> &str {
    for ext in [
        ".d.ts", ".d.mts", ".d.cts", ".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs", ".jsx",
    ] {
        if let Some(s) = name.strip_suffix(ext) {
            return s;
        }
    }
    name
}

/// A declaration file is no code to follow.
pub(super) fn is_declaration(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".d.ts") || n.ends_with(".d.mts") || n.ends_with(".d.cts"))
}

/// The member packages a folder's workspace files declare: package name → folder.
pub(super) fn members_of(dir: &Path, package: Option<&Package>) -> HashMap<String, PathBuf> {
    let mut patterns: Vec<String> = Vec::new();
    if let Some(ws) = package.and_then(|p| p.json.get("workspaces")) {
        let list = match ws {
            Value::Array(a) => Some(a),
            Value::Object(o) => o.get("packages").and_then(Value::as_array),
            _ => None,
        };
        patterns.extend(
            list.into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(String::from),
        );
    }
    if let Ok(text) = std::fs::read_to_string(dir.join("pnpm-workspace.yaml")) {
        patterns.extend(yaml_list(&text, "packages"));
    }
    let mut folders = Vec::new();
    if let Some(refs) = tsconfig_references(dir) {
        folders.extend(refs);
    }
    let (include, exclude): (Vec<&String>, Vec<&String>) =
        patterns.iter().partition(|p| !p.starts_with('!'));
    let excluded = {
        let mut b = globset::GlobSetBuilder::new();
        for p in &exclude {
            if let Ok(g) = globset::Glob::new(p[1..].trim_start_matches("./")) {
                b.add(g);
            }
        }
        b.build().unwrap_or_else(|_| globset::GlobSet::empty())
    };
    let mut budget = MAX_VISITS;
    for p in include {
        let p = p.trim_start_matches("./").trim_end_matches('/');
        let segments: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
        if segments.contains(&"..") {
            continue;
        }
        expand(dir, &segments, 0, &mut folders, &mut budget);
    }
    let mut out = HashMap::new();
    for f in folders {
        if f.strip_prefix(dir).is_ok_and(|rel| excluded.is_match(rel)) {
            continue;
        }
        if let Some(name) = Package::read(&f).as_ref().and_then(Package::name) {
            out.entry(name.to_string()).or_insert(f);
        }
    }
    out
}

/// The folders under `dir` a workspace pattern's `segments` match.
fn expand(dir: &Path, segments: &[&str], depth: usize, out: &mut Vec<PathBuf>, budget: &mut usize) {
    if *budget == 0 {
        return;
    }
    *budget -= 1;
    let Some((first, rest)) = segments.split_first() else {
        out.push(dir.to_path_buf());
        return;
    };
    if *first == "**" {
        expand(dir, rest, depth, out, budget);
        if depth < MAX_GLOB_DEPTH {
            for sub in subfolders(dir) {
                expand(&sub, segments, depth + 1, out, budget);
            }
        }
    } else if first.contains(['*', '?', '[', '{']) {
        let Ok(glob) = globset::Glob::new(first) else {
            return;
        };
        let m = glob.compile_matcher();
        for sub in subfolders(dir) {
            if sub.file_name().is_some_and(|n| m.is_match(n)) {
                expand(&sub, rest, depth + 1, out, budget);
            }
        }
    } else {
        let sub = dir.join(first);
        if sub.is_dir() {
            expand(&sub, rest, depth + 1, out, budget);
        }
    }
}

/// Sub-folders a workspace glob may enter (never `node_modules` or hidden ones), sorted.
fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = rd
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n != "node_modules" && !n.starts_with('.')
        })
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

/// The folders a `tsconfig.json`'s `references` name.
fn tsconfig_references(dir: &Path) -> Option<Vec<PathBuf>> {
    let text = std::fs::read_to_string(dir.join("tsconfig.json")).ok()?;
    let json = super::parse_jsonc(&text)?;
    let refs = json.get("references")?.as_array()?;
    Some(
        refs.iter()
            .filter_map(|r| r.get("path")?.as_str())
            .map(|p| {
                let p = normalize(&dir.join(p));
                if p.extension().is_some_and(|e| e == "json") {
                    p.parent().map(Path::to_path_buf).unwrap_or(p)
                } else {
                    p
                }
            })
            .collect(),
    )
}

/// Whether `dir` declares a workspace: `package.json` `workspaces`, `pnpm-workspace.yaml` or
/// tsconfig `references`.
pub(super) fn declares_workspace(dir: &Path, names: &[&str], package: Option<&Package>) -> bool {
    names.contains(&"pnpm-workspace.yaml")
        || package.is_some_and(|p| p.json.get("workspaces").is_some())
        || (names.contains(&"tsconfig.json")
            && tsconfig_references(dir).is_some_and(|r| !r.is_empty()))
}

/// The items of the top-level list `key` of a small YAML file: block form (`- 'packages/*'`)
/// or flow form (`[a, b]`). Quotes and comments are taken away; nothing else of YAML is read.
pub(super) fn yaml_list(text: &str, key: &str) -> Vec<String> {
    let unquote = |s: &str| {
        let s = s.trim();
        if let Some(q) = s.chars().next().filter(|c| matches!(c, '\'' | '"')) {
            let rest = &s[1..];
            return rest.find(q).map_or(rest, |end| &rest[..end]).to_string();
        }
        let s = s.find(" #").map_or(s, |i| &s[..i]);
        s.trim().to_string()
    };
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        let rest = rest.trim();
        if let Some(flow) = rest.strip_prefix('[') {
            let flow = flow.split(']').next().unwrap_or("");
            out.extend(flow.split(',').map(unquote).filter(|s| !s.is_empty()));
            return out;
        }
        for line in lines.by_ref() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            if !line.starts_with([' ', '\t', '-']) {
                break;
            }
            if let Some(item) = t.strip_prefix('-') {
                let item = unquote(item);
                if !item.is_empty() {
                    out.push(item);
                }
            }
        }
        return out;
    }
    out
}
