//! Module resolution for the analysis' cross-file flows: which file an import or `require`
//! names, the way bundlers decide it. In order:
//!
//! - relative specifiers (`./analytics`, `../lib`);
//! - `#lib/track` through the `imports` of the nearest `package.json`;
//! - `tsconfig.json`/`jsconfig.json` `paths` of the nearest config (its `extends` chain followed:
//!   relative files, packages in `node_modules`, arrays of them, SvelteKit's generated
//!   `.svelte-kit/tsconfig.json` or its defaults when it has not been generated);
//! - the aliases of the nearest bundler configuration (`vite.config.*`, `webpack.config.*`,
//!   `nuxt.config.*`, `vue.config.js`, `svelte.config.*`: see [`bundler`]);
//! - tsconfig `baseUrl`;
//! - the packages of a monorepo's workspace (`@acme/analytics` → `packages/analytics/src/…`);
//! - the common guesses `@/` and `~/` (the nearest `src/` folder above the importer) and `$lib`.
//!
//! Then extension and `index` file completion as bundlers do. Other packages are not followed
//! (their own code is not the project's).
//!
//! A [`Resolver`] caches what it read per folder. Its owner decides how long that lasts: the CLI
//! makes one per scan, an editor one per check, so an edited configuration is read again by the
//! next check.

mod bundler;
mod packages;

use bundler::Alias;
use packages::Package;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Extensions tried, in bundler order, for a specifier without one: the script modules of
/// [`crate::kinds`] (a test checks they are the same).
const EXTENSIONS: &[&str] = &["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"];

/// How many `extends` a tsconfig may chain.
const MAX_EXTENDS: u32 = 8;

/// True when the specifier names a project file rather than a package.
pub fn is_local(spec: &str) -> bool {
    spec.starts_with("./")
        || spec.starts_with("../")
        || spec == "."
        || spec == ".."
        || spec.starts_with("@/")
        || spec.starts_with("~/")
}

/// The files of a folder that change how imports resolve (an editor reloads when one is
/// saved): tsconfig/jsconfig, `package.json`, `pnpm-workspace.yaml` and the bundler
/// configurations.
pub fn is_resolution_config(file_name: &str) -> bool {
    file_name == "jsconfig.json"
        || (file_name.starts_with("tsconfig") && file_name.ends_with(".json"))
        || file_name == "package.json"
        || file_name == "pnpm-workspace.yaml"
        || bundler::CONFIG_FILES.contains(&file_name)
}

type Cache<T> = Mutex<HashMap<PathBuf, Option<Arc<T>>>>;

/// Resolves import specifiers to files. It holds what it read of each folder (its
/// configuration files) for as long as it lives; worker threads share one (it is `Sync`).
#[derive(Default)]
pub struct Resolver {
    /// Folder -> the configuration files in it that matter to resolution.
    listings: Mutex<HashMap<PathBuf, Arc<Vec<&'static str>>>>,
    /// Folder -> the tsconfig governing it (`None`: none does).
    tsconfigs: Cache<TsConfig>,
    /// Folder -> the aliases of the nearest bundler configuration.
    aliases: Cache<Vec<Alias>>,
    /// Folder -> its own `package.json`.
    packages: Cache<Package>,
    /// Folder -> the nearest `package.json` (in it or above).
    nearest_packages: Cache<Arc<Package>>,
    /// Folder -> the workspace members declared in it or above: name -> folder.
    workspaces: Cache<HashMap<String, PathBuf>>,
}

impl Resolver {
    /// A resolver that has read nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The file `spec` names when imported from `from`, if `exists` says it is there.
    pub fn resolve(
        &self,
        from: &Path,
        spec: &str,
        exists: &dyn Fn(&Path) -> bool,
    ) -> Option<PathBuf> {
        let dir = from.parent().unwrap_or(Path::new(""));
        if spec.starts_with("./")
            || spec.starts_with("../")
            || spec == "."
            || spec == ".."
            || spec.starts_with('/')
        {
            if spec.starts_with('/') {
                return None; // a URL path of the site, not a file of the tree
            }
            return complete(&normalize(&dir.join(spec)), exists);
        }
        if spec.starts_with('#') {
            let pkg = self.nearest_package(dir)?;
            return pkg
                .import_targets(spec)
                .iter()
                .find_map(|t| complete(t, exists));
        }
        let ts = self.tsconfig_for(dir);
        if let Some(found) = ts.as_ref().and_then(|ts| ts.resolve_paths(spec, exists)) {
            return Some(found);
        }
        if let Some(aliases) = self.aliases_for(dir) {
            if let Some(found) = aliases
                .iter()
                .filter_map(|a| a.apply(spec))
                .find_map(|p| complete(&normalize(&p), exists))
            {
                return Some(found);
            }
        }
        if let Some(found) = ts.as_ref().and_then(|ts| {
            ts.base_url
                .as_ref()
                .and_then(|b| complete(&normalize(&b.join(spec)), exists))
        }) {
            return Some(found);
        }
        if let Some(found) = self.resolve_workspace(dir, spec, exists) {
            return Some(found);
        }
        self.guess(dir, spec, exists)
    }

    /// Resolves against the file system.
    pub fn resolve_fs(&self, from: &Path, spec: &str) -> Option<PathBuf> {
        self.resolve(from, spec, &|p: &Path| p.is_file())
    }

    /// The aliases common without any configuration: `@/x` and `~/x` are `src/x` of the
    /// nearest folder above that has a `src`; `$lib/x` is `src/lib/x` of that folder.
    fn guess(&self, dir: &Path, spec: &str, exists: &dyn Fn(&Path) -> bool) -> Option<PathBuf> {
        let (rest, sub) =
            if let Some(r) = spec.strip_prefix("@/").or_else(|| spec.strip_prefix("~/")) {
                (r, "")
            } else if let Some(r) = spec.strip_prefix("$lib/") {
                (r, "lib")
            } else if spec == "$lib" {
                ("", "lib")
            } else {
                return None;
            };
        let mut d = dir.to_path_buf();
        let base = loop {
            if sub.is_empty() && d.file_name().is_some_and(|n| n == "src") {
                break d.join(rest);
            }
            let candidate = d.join("src");
            if exists(&candidate.join(".")) || candidate.is_dir() {
                break candidate.join(sub).join(rest);
            }
            if !d.pop() {
                return None;
            }
        };
        complete(&normalize(&base), exists)
    }

    /// `@acme/analytics` or `@acme/analytics/track`: a package of the importer's workspace.
    fn resolve_workspace(
        &self,
        dir: &Path,
        spec: &str,
        exists: &dyn Fn(&Path) -> bool,
    ) -> Option<PathBuf> {
        let mut parts = spec.splitn(if spec.starts_with('@') { 3 } else { 2 }, '/');
        let name = if spec.starts_with('@') {
            format!("{}/{}", parts.next()?, parts.next()?)
        } else {
            parts.next()?.to_string()
        };
        let subpath = parts.next().unwrap_or("");
        let members = self.workspace_for(dir)?;
        let folder = members.get(&name)?;
        let pkg = self.package_in(folder)?;
        let targets = pkg.entry_targets(subpath);
        // Source first: a target in built output stands for its `src/` twin when there is one.
        for t in &targets {
            for twin in packages::source_twins(&pkg.dir, t) {
                if let Some(p) = complete(&twin, exists) {
                    return Some(p);
                }
            }
            if !packages::is_built(&pkg.dir, t) && !packages::is_declaration(t) {
                if let Some(p) = complete(t, exists) {
                    return Some(p);
                }
            }
        }
        // Built output is still the package's code when nothing else is there.
        targets
            .iter()
            .filter(|t| !packages::is_declaration(t))
            .find_map(|t| complete(t, exists))
    }

    /// The configuration files of `dir` that matter to resolution, read once.
    fn listing(&self, dir: &Path) -> Arc<Vec<&'static str>> {
        if let Some(hit) = lock(&self.listings).get(dir) {
            return hit.clone();
        }
        let mut names: Vec<&'static str> = Vec::new();
        let path = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(rd) = std::fs::read_dir(path) {
            for e in rd.flatten() {
                let n = e.file_name();
                let Some(n) = n.to_str() else { continue };
                let mut known = LISTED.iter().chain(bundler::CONFIG_FILES);
                if let Some(known) = known.find(|k| **k == n) {
                    names.push(known);
                }
            }
        }
        names.sort_unstable();
        let names = Arc::new(names);
        lock(&self.listings).insert(dir.to_path_buf(), names.clone());
        names
    }

    /// The `package.json` of `dir` itself.
    fn package_in(&self, dir: &Path) -> Option<Arc<Package>> {
        if let Some(hit) = lock(&self.packages).get(dir) {
            return hit.clone();
        }
        let found = self
            .listing(dir)
            .contains(&"package.json")
            .then(|| Package::read(dir))
            .flatten()
            .map(Arc::new);
        lock(&self.packages).insert(dir.to_path_buf(), found.clone());
        found
    }

    /// The nearest `package.json` in `dir` or above.
    fn nearest_package(&self, dir: &Path) -> Option<Arc<Package>> {
        nearest(&self.nearest_packages, dir, &|d| self.package_in(d)).map(|p| (*p).clone())
    }

    /// The aliases of the nearest folder with a bundler configuration.
    fn aliases_for(&self, dir: &Path) -> Option<Arc<Vec<Alias>>> {
        nearest(&self.aliases, dir, &|d| {
            let names = self.listing(d);
            names
                .iter()
                .any(|n| bundler::CONFIG_FILES.contains(n))
                .then(|| bundler::aliases_in(d, &names))
        })
    }

    /// The workspace members declared in the nearest workspace root and the roots above it.
    fn workspace_for(&self, dir: &Path) -> Option<Arc<HashMap<String, PathBuf>>> {
        nearest(&self.workspaces, dir, &|d| {
            let names = self.listing(d);
            let pkg = self.package_in(d);
            if !packages::declares_workspace(d, &names, pkg.as_deref()) {
                return None;
            }
            let mut members = packages::members_of(d, pkg.as_deref());
            if let Some(outer) = parent_dir(d).and_then(|p| self.workspace_for(&p)) {
                for (k, v) in outer.iter() {
                    members.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
            Some(members)
        })
    }

    /// The tsconfig governing `dir`, cached per folder: each folder is looked at once, and a
    /// folder without one inherits its parent's answer.
    fn tsconfig_for(&self, dir: &Path) -> Option<Arc<TsConfig>> {
        nearest(&self.tsconfigs, dir, &|d| {
            let names = self.listing(d);
            ["tsconfig.json", "jsconfig.json"]
                .iter()
                .filter(|n| names.contains(n))
                .find_map(|name| {
                    let path = d.join(name);
                    let text = std::fs::read_to_string(&path).ok()?;
                    parse_tsconfig(d, &text)
                })
        })
    }
}

/// The file names [`Resolver::listing`] keeps, besides the bundler configurations
/// ([`bundler::CONFIG_FILES`]).
const LISTED: &[&str] = &[
    "tsconfig.json",
    "jsconfig.json",
    "package.json",
    "pnpm-workspace.yaml",
];

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The folder above `d`; a relative path's last parent is `""`, the folder the scan was
/// started in, `.`.
fn parent_dir(d: &Path) -> Option<PathBuf> {
    match d.parent() {
        Some(p) if p.as_os_str().is_empty() && d != Path::new(".") && !d.as_os_str().is_empty() => {
            Some(PathBuf::from("."))
        }
        Some(p) if p != d && !p.as_os_str().is_empty() => Some(p.to_path_buf()),
        _ => None,
    }
}

/// What `own` finds in `dir` or the nearest folder above, cached for every folder walked.
fn nearest<T>(cache: &Cache<T>, dir: &Path, own: &dyn Fn(&Path) -> Option<T>) -> Option<Arc<T>> {
    let mut walked = Vec::new();
    let mut d = Some(dir.to_path_buf());
    let found = loop {
        let Some(cur) = d else { break None };
        if let Some(hit) = lock(cache).get(&cur) {
            break hit.clone();
        }
        // The lock is not held here: `own` may look at other folders.
        if let Some(t) = own(&cur) {
            walked.push(cur);
            break Some(Arc::new(t));
        }
        d = parent_dir(&cur);
        walked.push(cur);
    };
    let mut c = lock(cache);
    for w in walked {
        c.insert(w, found.clone());
    }
    found
}

#[derive(Clone)]
struct TsConfig {
    /// Where `paths` targets are relative to: `baseUrl`, else the folder of the config that
    /// sets `paths`.
    base: PathBuf,
    base_url: Option<PathBuf>,
    paths: Vec<(String, Vec<String>)>,
}

impl TsConfig {
    /// `spec` through `paths`: the exact pattern, else the `*` pattern with the longest prefix.
    fn resolve_paths(&self, spec: &str, exists: &dyn Fn(&Path) -> bool) -> Option<PathBuf> {
        let mut matches: Vec<(usize, &Vec<String>, &str)> = self
            .paths
            .iter()
            .filter_map(|(pattern, targets)| match pattern.split_once('*') {
                Some((pre, post)) => {
                    let c = spec.strip_prefix(pre).and_then(|r| r.strip_suffix(post))?;
                    Some((pre.len(), targets, c))
                }
                None => (pattern == spec).then_some((usize::MAX, targets, "")),
            })
            .collect();
        matches.sort_by_key(|m| std::cmp::Reverse(m.0));
        for (_, targets, captured) in matches {
            for t in targets {
                let target = self.base.join(t.replacen('*', captured, 1));
                if let Some(p) = complete(&normalize(&target), exists) {
                    return Some(p);
                }
            }
        }
        None
    }
}

/// JSON with comments and trailing commas, as tsconfig allows.
fn parse_jsonc(text: &str) -> Option<serde_json::Value> {
    let mut clean = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_str = false;
    while let Some(c) = chars.next() {
        if in_str {
            clean.push(c);
            if c == '\\' {
                if let Some(n) = chars.next() {
                    clean.push(n);
                }
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match (c, chars.peek()) {
            ('"', _) => {
                in_str = true;
                clean.push(c);
            }
            ('/', Some('/')) => {
                while chars.peek().is_some_and(|&n| n != '\n') {
                    chars.next();
                }
            }
            ('/', Some('*')) => {
                chars.next();
                let mut prev = ' ';
                for n in chars.by_ref() {
                    if prev == '*' && n == '/' {
                        break;
                    }
                    prev = n;
                }
            }
            _ => clean.push(c),
        }
    }
    // Trailing commas before `}` or `]` (outside strings).
    let mut out = String::with_capacity(clean.len());
    let chars: Vec<char> = clean.chars().collect();
    let mut in_str = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if in_str {
            out.push(c);
            if c == '\\' {
                if let Some(&n) = chars.get(i + 1) {
                    out.push(n);
                    i += 1;
                }
            } else if c == '"' {
                in_str = false;
            }
            i += 1;
            continue;
        }
        if c == '"' {
            in_str = true;
        }
        if c == ',' {
            let next = chars[i + 1..].iter().find(|n| !n.is_whitespace());
            if matches!(next, Some('}') | Some(']')) {
                i += 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    serde_json::from_str(&out).ok()
}

/// The file an `extends` entry names, from the config in `dir`: a relative path, or a package's
/// file in `node_modules` (`@tsconfig/svelte/tsconfig.json`, `@vue/tsconfig/tsconfig.dom.json`,
/// a package's own `tsconfig.json`).
fn extends_file(dir: &Path, spec: &str) -> Option<PathBuf> {
    let with_json = |p: PathBuf| {
        if p.is_file() {
            return Some(p);
        }
        let mut s = p.clone().into_os_string();
        s.push(".json");
        let json = PathBuf::from(s);
        if json.is_file() {
            return Some(json);
        }
        let inner = p.join("tsconfig.json");
        inner.is_file().then_some(inner)
    };
    if spec.starts_with('.') || Path::new(spec).is_absolute() {
        let path = normalize(&dir.join(spec));
        return with_json(path.clone()).or(Some(path));
    }
    let mut d = Some(dir.to_path_buf());
    while let Some(cur) = d {
        let modules = cur.join("node_modules");
        if modules.is_dir() {
            if let Some(p) = with_json(normalize(&modules.join(spec))) {
                return Some(p);
            }
        }
        d = parent_dir(&cur);
    }
    None
}

/// What SvelteKit's generated `.svelte-kit/tsconfig.json` sets, for a checkout where it has not
/// been generated yet: `$lib` is `src/lib`.
fn svelte_kit_defaults(kit_dir: &Path) -> TsConfig {
    TsConfig {
        base: kit_dir.to_path_buf(),
        base_url: None,
        paths: vec![
            ("$lib".into(), vec!["../src/lib".into()]),
            ("$lib/*".into(), vec!["../src/lib/*".into()]),
        ],
    }
}

/// A tsconfig: its own `baseUrl` and `paths` over what its `extends` (a string or, as
/// TypeScript 5 allows, an array whose later entries win) give.
fn parse_tsconfig(dir: &Path, text: &str) -> Option<TsConfig> {
    parse_tsconfig_in(dir, text, &mut Vec::new(), &mut { MAX_CONFIG_READS })
}

/// How many files one tsconfig's `extends` may read in all (arrays branch).
const MAX_CONFIG_READS: u32 = 32;

/// [`parse_tsconfig`] inside an `extends` chain: `chain` holds the files being read (a cycle
/// stops there), `budget` the reads left.
fn parse_tsconfig_in(
    dir: &Path,
    text: &str,
    chain: &mut Vec<PathBuf>,
    budget: &mut u32,
) -> Option<TsConfig> {
    let json = parse_jsonc(text)?;
    let extends: Vec<&str> = match json.get("extends") {
        Some(serde_json::Value::String(s)) => vec![s.as_str()],
        Some(serde_json::Value::Array(a)) => a.iter().filter_map(|e| e.as_str()).collect(),
        _ => Vec::new(),
    };
    let mut parent: Option<TsConfig> = None;
    if (chain.len() as u32) < MAX_EXTENDS {
        for e in extends {
            let Some(path) = extends_file(dir, e) else {
                continue;
            };
            if chain.contains(&path) || *budget == 0 {
                continue;
            }
            *budget -= 1;
            let Some(folder) = path.parent() else {
                continue;
            };
            let cfg = match std::fs::read_to_string(&path) {
                Ok(text) => {
                    chain.push(path.clone());
                    let cfg = parse_tsconfig_in(folder, &text, chain, budget);
                    chain.pop();
                    cfg
                }
                Err(_) if folder.file_name().is_some_and(|n| n == ".svelte-kit") => {
                    Some(svelte_kit_defaults(folder))
                }
                Err(_) => None,
            };
            if let Some(cfg) = cfg {
                parent = Some(match parent {
                    Some(p) => overlay(p, cfg),
                    None => cfg,
                });
            }
        }
    }
    let no_options = serde_json::Value::Object(Default::default());
    let options = json.get("compilerOptions").unwrap_or(&no_options);
    let base_url = options
        .get("baseUrl")
        .and_then(|b| b.as_str())
        .map(|b| normalize(&dir.join(b)));
    let paths = options
        .get("paths")
        .and_then(|p| p.as_object())
        .map(|o| {
            o.iter()
                .map(|(k, v)| {
                    let targets = v
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .filter_map(|t| t.as_str().map(String::from))
                                .collect()
                        })
                        .unwrap_or_default();
                    (k.clone(), targets)
                })
                .collect()
        })
        .unwrap_or_default();
    let own = TsConfig {
        base: base_url.clone().unwrap_or_else(|| dir.to_path_buf()),
        base_url,
        paths,
    };
    Some(match parent {
        Some(p) => overlay(p, own),
        None => own,
    })
}

/// `child` over `parent`: the child's `paths` replace the parent's (as TypeScript does), its
/// `baseUrl` wins, and inherited `paths` stay relative to where they were set unless the child
/// sets a `baseUrl`.
fn overlay(parent: TsConfig, child: TsConfig) -> TsConfig {
    if child.paths.is_empty() {
        TsConfig {
            base: child.base_url.clone().unwrap_or(parent.base),
            base_url: child.base_url.or(parent.base_url),
            paths: parent.paths,
        }
    } else {
        TsConfig {
            base_url: child.base_url.or(parent.base_url),
            ..child
        }
    }
}

/// A path as written, completed the way bundlers do: as is, `.js` written for `.ts`, an added
/// extension, or a folder's `index` file.
fn complete(base: &Path, exists: &dyn Fn(&Path) -> bool) -> Option<PathBuf> {
    let base = base.to_path_buf();
    if base.extension().is_some() && exists(&base) {
        return Some(base);
    }
    // `./x.js` written for a TypeScript file `x.ts` (TypeScript's own convention).
    if let Some(ext) = base.extension().and_then(|e| e.to_str()) {
        if crate::extract::Lang::from_extension(ext) == Some(crate::extract::Lang::Js) {
            for alt in ["ts", "tsx", "mts", "cts"] {
                let p = base.with_extension(alt);
                if exists(&p) {
                    return Some(p);
                }
            }
        }
    }
    for ext in EXTENSIONS {
        let mut name = base.clone().into_os_string();
        name.push(".");
        name.push(ext);
        let p = PathBuf::from(name);
        if exists(&p) {
            return Some(p);
        }
    }
    for ext in EXTENSIONS {
        let p = base.join(format!("index.{ext}"));
        if exists(&p) {
            return Some(p);
        }
    }
    None
}

/// The specifier that imports `target` from a file in `dir` (both absolute): `./x.js`,
/// `../../plugins/x.js`.
pub fn relative_spec(dir: &Path, target: &Path) -> String {
    let base: Vec<_> = dir.components().collect();
    let to: Vec<_> = target.components().collect();
    let common = base.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut spec = String::new();
    if common == base.len() {
        spec.push_str("./");
    }
    for _ in common..base.len() {
        spec.push_str("../");
    }
    let rest: Vec<String> = to[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    spec.push_str(&rest.join("/"));
    spec
}

/// `a/./b/../c` -> `a/c`, without touching the file system.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The specifiers a file imports: `import … from './x'`, `export … from '@app/x'`,
/// `import('./x')`, `require('./x')`. A fast scan, not a parse (one pass for the keyword and
/// its quote); resolution decides which are project files. It only decides which files the
/// prefilter must not skip.
pub fn scan_imports(text: &str) -> Vec<&str> {
    use aho_corasick::AhoCorasick;
    use std::sync::OnceLock;
    static PREFIXES: OnceLock<AhoCorasick> = OnceLock::new();
    let ac = PREFIXES.get_or_init(|| {
        let mut pats = Vec::new();
        for kw in ["from", "import", "require(", "import("] {
            for sep in ["", " ", "\t"] {
                for q in ['\'', '"', '`'] {
                    pats.push(format!("{kw}{sep}{q}"));
                }
            }
        }
        AhoCorasick::new(pats).expect("valid patterns")
    });
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for m in ac.find_iter(text) {
        // The keyword must start a word (`from`, not `datafrom`).
        if m.start() > 0
            && (bytes[m.start() - 1].is_ascii_alphanumeric() || bytes[m.start() - 1] == b'_')
        {
            continue;
        }
        let q = bytes[m.end() - 1] as char;
        let rest = &text[m.end()..];
        let Some(end) = rest.find(q) else { continue };
        let spec = &rest[..end];
        if !spec.is_empty() && !spec.contains('\n') {
            out.push(spec);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn resolves_like_bundlers() {
        let files: HashSet<PathBuf> = [
            "app/src/form.js",
            "app/src/analytics.ts",
            "app/src/lib/index.js",
            "app/src/util.js",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let exists = |p: &Path| files.contains(p);
        let resolver = Resolver::new();
        let resolve = |from: &Path, spec: &str, exists: &dyn Fn(&Path) -> bool| {
            resolver.resolve(from, spec, exists)
        };
        let from = Path::new("app/src/form.js");
        assert_eq!(
            resolve(from, "./analytics", &exists),
            Some("app/src/analytics.ts".into())
        );
        assert_eq!(
            resolve(from, "./analytics.js", &exists),
            Some("app/src/analytics.ts".into())
        );
        assert_eq!(
            resolve(from, "./lib", &exists),
            Some("app/src/lib/index.js".into())
        );
        assert_eq!(
            resolve(Path::new("app/src/lib/index.js"), "../util", &exists),
            Some("app/src/util.js".into())
        );
        assert_eq!(
            resolve(Path::new("app/src/lib/index.js"), "@/util", &exists),
            Some("app/src/util.js".into())
        );
        assert_eq!(resolve(from, "react", &exists), None);
        assert_eq!(resolve(from, "./missing", &exists), None);
    }

    #[test]
    fn completes_with_every_script_module_kind() {
        let mut tried = EXTENSIONS.to_vec();
        tried.sort_unstable();
        let mut modules: Vec<&str> = crate::kinds::KINDS
            .iter()
            .filter(|k| k.script_lang().is_some())
            .flat_map(|k| k.suffixes.iter().copied())
            .collect();
        modules.sort_unstable();
        assert_eq!(tried, modules);
    }

    #[test]
    fn scans_local_specifiers() {
        let text = "import a from './a';\nexport { b } from \"../b\";\nconst c = require('./c');\nimport('./d');\nimport x from 'react';";
        assert_eq!(scan_imports(text), ["../b", "./a", "./c", "./d", "react"]);
    }

    /// A Resolver reads each folder's tsconfig once; the next Resolver reads it again.
    #[test]
    fn a_new_resolver_sees_an_edited_tsconfig() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in ["src/a.ts", "lib/a.ts", "src/form.ts"] {
            std::fs::create_dir_all(root.join(f).parent().unwrap()).unwrap();
            std::fs::write(root.join(f), "export {};\n").unwrap();
        }
        let tsconfig = |target: &str| {
            std::fs::write(
                root.join("tsconfig.json"),
                format!(
                    r#"{{ "compilerOptions": {{ "paths": {{ "@app/*": ["{target}/*"] }} }} }}"#
                ),
            )
            .unwrap()
        };
        let from = root.join("src/form.ts");
        tsconfig("src");
        let first = Resolver::new();
        assert_eq!(
            first.resolve_fs(&from, "@app/a"),
            Some(root.join("src/a.ts"))
        );
        tsconfig("lib");
        // The same resolver keeps what it read.
        assert_eq!(
            first.resolve_fs(&from, "@app/a"),
            Some(root.join("src/a.ts"))
        );
        // A new one reads the edited file.
        let second = Resolver::new();
        assert_eq!(
            second.resolve_fs(&from, "@app/a"),
            Some(root.join("lib/a.ts"))
        );
        std::fs::remove_file(root.join("tsconfig.json")).unwrap();
        assert_eq!(
            second.resolve_fs(&from, "@app/a"),
            Some(root.join("lib/a.ts"))
        );
    }

    #[test]
    fn a_resolver_is_shared_by_threads() {
        fn sync<T: Sync + Send>() {}
        sync::<Resolver>();
    }

    /// Writes `files` (path, text) under `root`.
    fn tree(root: &Path, files: &[(&str, &str)]) {
        for (f, text) in files {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
    }

    const HELPER: &str = "export function track(v) {}\n";

    /// Resolves `spec` from `from` (relative to `root`) with a new resolver, as a path relative
    /// to `root`.
    fn resolved(root: &Path, from: &str, spec: &str) -> Option<String> {
        Resolver::new()
            .resolve_fs(&root.join(from), spec)
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
    }

    #[test]
    fn tsconfig_extends_packages_arrays_and_cycles() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                ("src/app/track.ts", HELPER),
                ("src/pages/a.ts", ""),
                (
                    "tsconfig.base.json",
                    r#"{ "compilerOptions": { "paths": { "@app/*": ["./src/app/*"] } } }"#,
                ),
                // A package's config without paths leaves the inherited ones.
                (
                    "node_modules/@tsconfig/svelte/tsconfig.json",
                    r#"{ "compilerOptions": { "strict": true } }"#,
                ),
                (
                    "node_modules/@vue/tsconfig/tsconfig.dom.json",
                    r#"{ "extends": "./tsconfig.json", "compilerOptions": { "lib": ["DOM"] } }"#,
                ),
                (
                    "node_modules/@vue/tsconfig/tsconfig.json",
                    r#"{ "extends": "./tsconfig.dom.json" }"#,
                ),
                (
                    "tsconfig.json",
                    r#"{ "extends": ["./tsconfig.base.json", "@tsconfig/svelte/tsconfig.json", "@vue/tsconfig/tsconfig.dom.json"] }"#,
                ),
            ],
        );
        assert_eq!(
            resolved(root, "src/pages/a.ts", "@app/track").as_deref(),
            Some("src/app/track.ts")
        );
        // A later entry of the array wins.
        tree(
            root,
            &[
                ("lib/app/track.ts", HELPER),
                (
                    "tsconfig.lib.json",
                    r#"{ "compilerOptions": { "paths": { "@app/*": ["./lib/app/*"] } } }"#,
                ),
                (
                    "tsconfig.json",
                    r#"{ "extends": ["./tsconfig.base.json", "./tsconfig.lib.json"] }"#,
                ),
            ],
        );
        assert_eq!(
            resolved(root, "src/pages/a.ts", "@app/track").as_deref(),
            Some("lib/app/track.ts")
        );
        // A cycle ends; the config's own paths still count.
        tree(
            root,
            &[
                (
                    "cyc/tsconfig.json",
                    r##"{ "extends": "./other", "compilerOptions": { "paths": { "#x": ["../src/app/track.ts"] } } }"##,
                ),
                ("cyc/other.json", r#"{ "extends": "./tsconfig.json" }"#),
                ("cyc/a.ts", ""),
            ],
        );
        assert_eq!(
            resolved(root, "cyc/a.ts", "#x").as_deref(),
            None, // `#` is package.json's: tsconfig is not asked
        );
        tree(
            root,
            &[(
                "cyc/tsconfig.json",
                r#"{ "extends": ["./other", "./tsconfig.json", "missing-package"], "compilerOptions": { "paths": { "x/*": ["../src/app/*"] } } }"#,
            )],
        );
        assert_eq!(
            resolved(root, "cyc/a.ts", "x/track").as_deref(),
            Some("src/app/track.ts")
        );
        // Invalid JSON is no configuration: the folder above governs.
        tree(
            root,
            &[("bad/tsconfig.json", "{ not json"), ("bad/a.ts", "")],
        );
        assert_eq!(
            resolved(root, "bad/a.ts", "@app/track").as_deref(),
            Some("lib/app/track.ts")
        );
    }

    #[test]
    fn tsconfig_paths_come_before_the_src_guess() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                ("src/track.ts", HELPER),
                ("app/track.ts", HELPER),
                ("src/a.ts", ""),
                (
                    "tsconfig.json",
                    r#"{ "compilerOptions": { "paths": { "@/*": ["./app/*"] } } }"#,
                ),
            ],
        );
        assert_eq!(
            resolved(root, "src/a.ts", "@/track").as_deref(),
            Some("app/track.ts")
        );
        // What `paths` does not give falls back to the guess.
        tree(root, &[("src/only.ts", HELPER)]);
        assert_eq!(
            resolved(root, "src/a.ts", "@/only").as_deref(),
            Some("src/only.ts")
        );
    }

    #[test]
    fn sveltekit_lib_and_aliases() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                ("package.json", r#"{ "name": "kit" }"#),
                ("src/lib/track.js", HELPER),
                ("src/routes/+page.js", ""),
                ("svelte.config.js", "export default { kit: {} };\n"),
            ],
        );
        assert_eq!(
            resolved(root, "src/routes/+page.js", "$lib/track").as_deref(),
            Some("src/lib/track.js")
        );
        // `kit.files.lib` and `kit.alias`.
        tree(
            root,
            &[
                ("app/library/track.js", HELPER),
                ("app/components/Form.js", HELPER),
                (
                    "svelte.config.js",
                    "import adapter from '@sveltejs/adapter-auto';\n\
                     const config = { kit: { adapter: adapter(), files: { lib: 'app/library' },\n\
                     alias: { '$components': 'app/components', '$components/*': 'app/components/*' } } };\n\
                     export default config;\n",
                ),
            ],
        );
        let r = |spec| resolved(root, "src/routes/+page.js", spec);
        assert_eq!(r("$lib/track").as_deref(), Some("app/library/track.js"));
        assert_eq!(
            r("$components/Form").as_deref(),
            Some("app/components/Form.js")
        );
        // The generated `.svelte-kit/tsconfig.json` is not there yet: the kit's defaults.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                ("src/lib/track.ts", HELPER),
                ("src/routes/a.ts", ""),
                (
                    "tsconfig.json",
                    r#"{ "extends": "./.svelte-kit/tsconfig.json" }"#,
                ),
            ],
        );
        assert_eq!(
            resolved(root, "src/routes/a.ts", "$lib/track").as_deref(),
            Some("src/lib/track.ts")
        );
    }

    #[test]
    fn vite_aliases() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                ("src/utils/track.js", HELPER),
                ("src/shared/index.ts", HELPER),
                ("src/deep/x.ts", HELPER),
                ("lib/y.ts", HELPER),
                ("web/z.ts", HELPER),
                ("src/pages/a.js", ""),
                (
                    "vite.config.ts",
                    "import path from 'node:path';\n\
                     import { fileURLToPath, URL } from 'node:url';\n\
                     import { defineConfig } from 'vite';\n\
                     const src = path.resolve(__dirname, './src');\n\
                     export default defineConfig(({ mode }) => ({\n\
                       resolve: { alias: {\n\
                         '@utils': path.resolve(__dirname, 'src/utils'),\n\
                         '@': fileURLToPath(new URL('./src', import.meta.url)),\n\
                         shared: `${__dirname}/src/shared`,\n\
                         '#deep': path.join(src, 'deep'),\n\
                         lib: '/lib',\n\
                         dyn: process.env.DIR,\n\
                       } },\n\
                     }));\n",
                ),
            ],
        );
        let r = |spec| resolved(root, "src/pages/a.js", spec);
        assert_eq!(r("@utils/track").as_deref(), Some("src/utils/track.js"));
        assert_eq!(r("@/utils/track").as_deref(), Some("src/utils/track.js"));
        assert_eq!(r("shared").as_deref(), Some("src/shared/index.ts"));
        assert_eq!(r("lib/y").as_deref(), Some("lib/y.ts"));
        // A key matches exactly or followed by `/`, never as a bare prefix.
        assert_eq!(r("@utilsx/track"), None);
        assert_eq!(r("sharedx"), None);
        assert_eq!(r("dyn/x"), None);
        // The array form.
        tree(
            root,
            &[(
                "vite.config.ts",
                "export default {\n\
                   resolve: { alias: [\n\
                     { find: '~web', replacement: path.resolve(__dirname, 'web') },\n\
                     { find: /^@x\\//, replacement: 'src/deep/' },\n\
                   ] },\n\
                 };\n",
            )],
        );
        let r = |spec| resolved(root, "src/pages/a.js", spec);
        assert_eq!(r("~web/z").as_deref(), Some("web/z.ts"));
        assert_eq!(r("@x/x"), None);
    }

    #[test]
    fn webpack_vue_and_nuxt_aliases() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                ("src/utils/track.js", HELPER),
                ("src/utils/index.js", HELPER),
                ("src/pages/a.js", ""),
                (
                    "webpack.config.js",
                    "const path = require('path');\n\
                     module.exports = {\n\
                       entry: './src/index.js',\n\
                       resolve: { alias: {\n\
                         Utilities: path.resolve(__dirname, 'src/utils/'),\n\
                         Exact$: path.resolve(__dirname, 'src/utils/track.js'),\n\
                         Several: [path.resolve(__dirname, 'src/utils'), 'elsewhere'],\n\
                       } },\n\
                     };\n",
                ),
            ],
        );
        let r = |spec| resolved(root, "src/pages/a.js", spec);
        assert_eq!(r("Utilities/track").as_deref(), Some("src/utils/track.js"));
        assert_eq!(r("Exact").as_deref(), Some("src/utils/track.js"));
        assert_eq!(r("Exact/track"), None);
        assert_eq!(r("Several/track").as_deref(), Some("src/utils/track.js"));

        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                ("src/utils/track.js", HELPER),
                ("src/pages/a.js", ""),
                (
                    "vue.config.js",
                    "const { defineConfig } = require('@vue/cli-service');\n\
                     module.exports = defineConfig({ configureWebpack: { resolve: { alias: {\n\
                       '@u': require('path').resolve(__dirname, 'src/utils') } } } });\n",
                ),
            ],
        );
        assert_eq!(
            resolved(root, "src/pages/a.js", "@u/track").as_deref(),
            Some("src/utils/track.js")
        );

        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                ("utils/track.ts", HELPER),
                ("client/utils/track.ts", HELPER),
                ("shared/x.ts", HELPER),
                ("pages/a.vue", ""),
                ("client/pages/a.vue", ""),
                (
                    "nuxt.config.ts",
                    "export default defineNuxtConfig({ alias: { '@shared': './shared' } });\n",
                ),
            ],
        );
        let r = |spec| resolved(root, "pages/a.vue", spec);
        assert_eq!(r("~/utils/track").as_deref(), Some("utils/track.ts"));
        assert_eq!(r("@/utils/track").as_deref(), Some("utils/track.ts"));
        assert_eq!(r("~~/utils/track").as_deref(), Some("utils/track.ts"));
        assert_eq!(r("@shared/x").as_deref(), Some("shared/x.ts"));
        tree(
            root,
            &[(
                "nuxt.config.ts",
                "export default defineNuxtConfig({ srcDir: 'client/' });\n",
            )],
        );
        let r = |spec| resolved(root, "client/pages/a.vue", spec);
        assert_eq!(r("~/utils/track").as_deref(), Some("client/utils/track.ts"));
        assert_eq!(r("@@/utils/track").as_deref(), Some("utils/track.ts"));
        // Nuxt 4: `app/` when no `srcDir` is set.
        tree(
            root,
            &[
                ("nuxt.config.ts", "export default defineNuxtConfig({});\n"),
                ("app/composables/useTrack.ts", HELPER),
            ],
        );
        assert_eq!(
            resolved(root, "pages/a.vue", "~/composables/useTrack").as_deref(),
            Some("app/composables/useTrack.ts")
        );
    }

    #[test]
    fn odd_configurations_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let huge = format!(
            "export default {{ resolve: {{ alias: {} }} }};",
            "[".repeat(5000)
        );
        tree(
            root,
            &[
                ("a/vite.config.js", "export default {{{ not javascript"),
                ("a/src/x.js", ""),
                ("b/vite.config.js", &huge),
                ("b/src/x.js", ""),
                ("c/webpack.config.js", "module.exports = makeConfig(process.env);"),
                ("c/src/x.js", ""),
                // An alias pointing out of the tree, and one to itself.
                (
                    "d/vite.config.js",
                    "export default { resolve: { alias: { out: '../../../../..', self: 'self' } } };",
                ),
                ("d/src/x.js", ""),
                ("e/package.json", "{ \"imports\": 12, \"workspaces\": \"nope\" }"),
                ("e/src/x.js", ""),
                ("f/package.json", "not json"),
                ("f/src/x.js", ""),
            ],
        );
        for d in ["a", "b", "c", "d", "e", "f"] {
            let from = format!("{d}/src/x.js");
            for spec in [
                "out/etc/passwd",
                "self/x",
                "#lib/x",
                "@acme/x",
                "react",
                "$lib/x",
            ] {
                assert_eq!(resolved(root, &from, spec), None, "{d} {spec}");
            }
        }
    }

    #[test]
    fn package_json_imports() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                (
                    "package.json",
                    r##"{ "name": "app", "imports": {
                        "#lib/*": "./src/lib/*.js",
                        "#track": { "node": "./server/track.js", "import": "./src/lib/track.js" },
                        "#deep/*": ["./nope/*.js", "./src/lib/deep/*.js"],
                        "#dep": "some-package"
                    } }"##,
                ),
                ("src/lib/track.ts", HELPER),
                ("src/lib/deep/x.js", HELPER),
                ("server/track.js", HELPER),
                ("src/pages/a.js", ""),
                // A nearer package.json governs below it.
                (
                    "sub/package.json",
                    r##"{ "imports": { "#lib/*": "./own/*.js" } }"##,
                ),
                ("sub/own/track.js", HELPER),
                ("sub/a.js", ""),
            ],
        );
        let r = |spec| resolved(root, "src/pages/a.js", spec);
        assert_eq!(r("#lib/track").as_deref(), Some("src/lib/track.ts"));
        assert_eq!(r("#track").as_deref(), Some("src/lib/track.ts"));
        assert_eq!(r("#deep/x").as_deref(), Some("src/lib/deep/x.js"));
        assert_eq!(r("#dep"), None);
        assert_eq!(r("#missing"), None);
        assert_eq!(
            resolved(root, "sub/a.js", "#lib/track").as_deref(),
            Some("sub/own/track.js")
        );
    }

    #[test]
    fn workspace_packages() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                (
                    "package.json",
                    r#"{ "private": true, "workspaces": ["packages/*", "apps/*", "!packages/ignored"] }"#,
                ),
                (
                    "packages/analytics/package.json",
                    r#"{ "name": "@acme/analytics", "main": "src/index.ts" }"#,
                ),
                ("packages/analytics/src/index.ts", HELPER),
                ("packages/analytics/src/track.ts", HELPER),
                // `main` into dist that is not committed: the src twin.
                (
                    "packages/utils/package.json",
                    r#"{ "name": "utils", "main": "dist/index.js", "types": "dist/index.d.ts" }"#,
                ),
                ("packages/utils/src/index.ts", HELPER),
                // exports with conditions and subpath patterns, built output committed.
                (
                    "packages/kit/package.json",
                    r#"{ "name": "@acme/kit", "exports": {
                        ".": { "types": "./dist/index.d.ts", "import": "./dist/esm/index.mjs", "require": "./dist/index.cjs" },
                        "./track": "./src/track/main.ts",
                        "./features/*": "./src/features/*.ts"
                    } }"#,
                ),
                ("packages/kit/dist/esm/index.mjs", "/* built */"),
                ("packages/kit/src/index.ts", HELPER),
                ("packages/kit/src/track/main.ts", HELPER),
                ("packages/kit/src/features/login.ts", HELPER),
                // Only built output: that is the package's code.
                (
                    "packages/built/package.json",
                    r#"{ "name": "built", "module": "dist/built.mjs" }"#,
                ),
                ("packages/built/dist/built.mjs", HELPER),
                ("packages/ignored/package.json", r#"{ "name": "ignored" }"#),
                ("packages/ignored/index.js", HELPER),
                ("apps/web/package.json", r#"{ "name": "web" }"#),
                ("apps/web/src/a.ts", ""),
            ],
        );
        let r = |spec| resolved(root, "apps/web/src/a.ts", spec);
        assert_eq!(
            r("@acme/analytics").as_deref(),
            Some("packages/analytics/src/index.ts")
        );
        assert_eq!(
            r("@acme/analytics/track").as_deref(),
            Some("packages/analytics/src/track.ts")
        );
        assert_eq!(r("utils").as_deref(), Some("packages/utils/src/index.ts"));
        assert_eq!(r("@acme/kit").as_deref(), Some("packages/kit/src/index.ts"));
        assert_eq!(
            r("@acme/kit/track").as_deref(),
            Some("packages/kit/src/track/main.ts")
        );
        assert_eq!(
            r("@acme/kit/features/login").as_deref(),
            Some("packages/kit/src/features/login.ts")
        );
        assert_eq!(r("built").as_deref(), Some("packages/built/dist/built.mjs"));
        assert_eq!(r("ignored"), None);
        assert_eq!(r("react"), None);
        assert_eq!(r("@acme/other"), None);
    }

    #[test]
    fn workspaces_of_pnpm_yarn_and_tsconfig_references() {
        // pnpm-workspace.yaml with `**`, and yarn's object form.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                (
                    "pnpm-workspace.yaml",
                    "# the workspace\npackages:\n  - 'packages/**'   # all of them\n  - \"apps/*\"\n  - '!**/test/**'\ncatalog:\n  react: ^18\n",
                ),
                ("package.json", r#"{ "name": "root" }"#),
                ("packages/group/analytics/package.json", r#"{ "name": "@acme/analytics" }"#),
                ("packages/group/analytics/src/index.ts", HELPER),
                ("apps/web/src/a.ts", ""),
            ],
        );
        assert_eq!(
            resolved(root, "apps/web/src/a.ts", "@acme/analytics").as_deref(),
            Some("packages/group/analytics/src/index.ts")
        );
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        tree(
            root,
            &[
                (
                    "package.json",
                    r#"{ "workspaces": { "packages": ["libs/*"] } }"#,
                ),
                ("libs/a/package.json", r#"{ "name": "lib-a" }"#),
                ("libs/a/index.js", HELPER),
                (
                    "tsconfig.json",
                    r#"{ "files": [], "references": [{ "path": "./tools/b" }, { "path": "./tools/c/tsconfig.build.json" }] }"#,
                ),
                (
                    "tools/b/package.json",
                    r#"{ "name": "tool-b", "source": "lib/main.ts" }"#,
                ),
                ("tools/b/lib/main.ts", HELPER),
                ("tools/c/package.json", r#"{ "name": "tool-c" }"#),
                ("tools/c/src/index.ts", HELPER),
                ("app/x.js", ""),
            ],
        );
        let r = |spec| resolved(root, "app/x.js", spec);
        assert_eq!(r("lib-a").as_deref(), Some("libs/a/index.js"));
        assert_eq!(r("tool-b").as_deref(), Some("tools/b/lib/main.ts"));
        assert_eq!(r("tool-c").as_deref(), Some("tools/c/src/index.ts"));
    }

    #[test]
    fn reads_yaml_lists() {
        assert_eq!(
            packages::yaml_list("packages: ['a/*', \"b\" , c]\n", "packages"),
            ["a/*", "b", "c"]
        );
        assert_eq!(
            packages::yaml_list(
                "other:\n  - x\npackages:\n  - a/*\n\n  - 'b/**' # c\nnext: 1\n  - z\n",
                "packages"
            ),
            ["a/*", "b/**"]
        );
        assert!(packages::yaml_list("packagesx:\n  - a\n", "packages").is_empty());
    }

    #[test]
    fn resolution_configs_an_editor_watches() {
        for n in [
            "tsconfig.json",
            "tsconfig.app.json",
            "jsconfig.json",
            "package.json",
            "pnpm-workspace.yaml",
            "svelte.config.js",
            "vite.config.mts",
            "webpack.config.cjs",
            "nuxt.config.ts",
            "vue.config.js",
        ] {
            assert!(is_resolution_config(n), "{n}");
        }
        assert!(!is_resolution_config("index.js"));
    }

    /// A scan started in a folder names files relative to it: `__dirname` is that relative
    /// folder too, and what the alias gives is found among the walked files.
    #[test]
    fn relative_importers() {
        let dir = tempfile::Builder::new()
            .prefix(".resolve-test")
            .tempdir_in(".")
            .unwrap();
        let rel = PathBuf::from(dir.path().file_name().unwrap());
        tree(
            &rel,
            &[
                ("src/utils/track.js", HELPER),
                ("src/pages/a.js", ""),
                (
                    "vite.config.js",
                    "export default { resolve: { alias: { '@utils': path.resolve(__dirname, 'src/utils') } } };",
                ),
            ],
        );
        let target = rel.join("src/utils/track.js");
        let exists = |p: &Path| p == target;
        assert_eq!(
            Resolver::new().resolve(&rel.join("src/pages/a.js"), "@utils/track", &exists),
            Some(target.clone())
        );
    }
}
