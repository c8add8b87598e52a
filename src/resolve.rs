//! Module resolution for the analysis' cross-file flows: which file an import or `require`
//! names. Relative specifiers (`./analytics`), the common bundler aliases `@/` and `~/` (the
//! nearest `src/` folder above the importer), `tsconfig.json`/`jsconfig.json` `paths` and
//! `baseUrl`, and extension and `index` file completion as bundlers do. Package imports are not
//! followed (their own code is not the project's).
//!
//! A [`Resolver`] caches the tsconfig governing each folder. Its owner decides how long that
//! lasts: the CLI makes one per scan, an editor one per check, so an edited `tsconfig.json` is
//! read again by the next check.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Extensions tried, in bundler order, for a specifier without one: the script modules of
/// [`crate::kinds`] (a test checks they are the same).
const EXTENSIONS: &[&str] = &["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"];

/// True when the specifier names a project file rather than a package.
pub fn is_local(spec: &str) -> bool {
    spec.starts_with("./")
        || spec.starts_with("../")
        || spec == "."
        || spec == ".."
        || spec.starts_with("@/")
        || spec.starts_with("~/")
}

/// Resolves import specifiers to files. It holds the tsconfig/jsconfig of each folder it has
/// looked at, read once for as long as it lives; worker threads share one (it is `Sync`).
#[derive(Default)]
pub struct Resolver {
    /// Folder -> the tsconfig governing it (`None`: none does).
    tsconfigs: Mutex<HashMap<PathBuf, Option<Arc<TsConfig>>>>,
}

impl Resolver {
    /// A resolver that has read no tsconfig yet.
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
        let base = if let Some(rest) = spec.strip_prefix("@/").or_else(|| spec.strip_prefix("~/")) {
            // The project's own `paths` say first; else `@/x` is `src/x` of the nearest folder
            // above that has a `src`.
            if let Some(found) = self.resolve_tsconfig(dir, spec, exists) {
                return Some(found);
            }
            let mut d = dir.to_path_buf();
            loop {
                if d.file_name().is_some_and(|n| n == "src") {
                    break d.join(rest);
                }
                let candidate = d.join("src");
                if exists(&candidate.join(".")) || d.join("src").is_dir() {
                    break candidate.join(rest);
                }
                if !d.pop() {
                    return None;
                }
            }
        } else if is_local(spec) {
            dir.join(spec)
        } else {
            return self.resolve_tsconfig(dir, spec, exists);
        };
        complete(&normalize(&base), exists)
    }

    /// Resolves against the file system.
    pub fn resolve_fs(&self, from: &Path, spec: &str) -> Option<PathBuf> {
        self.resolve(from, spec, &|p: &Path| p.is_file())
    }

    /// `paths` and `baseUrl` of the nearest `tsconfig.json` / `jsconfig.json`.
    fn resolve_tsconfig(
        &self,
        dir: &Path,
        spec: &str,
        exists: &dyn Fn(&Path) -> bool,
    ) -> Option<PathBuf> {
        let ts = self.tsconfig_for(dir)?;
        for (pattern, targets) in &ts.paths {
            let captured = match pattern.split_once('*') {
                Some((pre, post)) => spec.strip_prefix(pre).and_then(|r| r.strip_suffix(post)),
                None => (pattern == spec).then_some(""),
            };
            let Some(captured) = captured else { continue };
            for t in targets {
                let target = ts.base.join(t.replacen('*', captured, 1));
                if let Some(p) = complete(&normalize(&target), exists) {
                    return Some(p);
                }
            }
        }
        ts.base_url
            .as_ref()
            .and_then(|b| complete(&normalize(&b.join(spec)), exists))
    }

    /// The tsconfig governing `dir`, cached per folder: each folder is looked at once, and a
    /// folder without one inherits its parent's answer.
    fn tsconfig_for(&self, dir: &Path) -> Option<Arc<TsConfig>> {
        if let Some(hit) = self.tsconfigs.lock().ok()?.get(dir) {
            return hit.clone();
        }
        let own = ["tsconfig.json", "jsconfig.json"].iter().find_map(|name| {
            let text = std::fs::read_to_string(dir.join(name)).ok()?;
            parse_tsconfig(dir, &text, 0)
        });
        let found = match own {
            Some(t) => Some(Arc::new(t)),
            // A relative path's last parent is `""`: the folder the scan was started in, `.`.
            None => match dir.parent() {
                Some(p) if p.as_os_str().is_empty() && dir != Path::new(".") => {
                    self.tsconfig_for(Path::new("."))
                }
                Some(p) if p != dir && !p.as_os_str().is_empty() => self.tsconfig_for(p),
                _ => None,
            },
        };
        if let Ok(mut c) = self.tsconfigs.lock() {
            c.insert(dir.to_path_buf(), found.clone());
        }
        found
    }
}

struct TsConfig {
    /// Where `paths` targets are relative to: `baseUrl`, else the config's folder.
    base: PathBuf,
    base_url: Option<PathBuf>,
    paths: Vec<(String, Vec<String>)>,
}

/// tsconfig is JSON with comments and trailing commas. A relative `extends` (followed a few
/// levels deep) gives what the config does not set itself.
fn parse_tsconfig(dir: &Path, text: &str, depth: u32) -> Option<TsConfig> {
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
    // Trailing commas before `}` or `]`.
    let mut out = String::with_capacity(clean.len());
    let bytes: Vec<char> = clean.chars().collect();
    for (i, &c) in bytes.iter().enumerate() {
        if c == ',' {
            let next = bytes[i + 1..].iter().find(|n| !n.is_whitespace());
            if matches!(next, Some('}') | Some(']')) {
                continue;
            }
        }
        out.push(c);
    }
    let json: serde_json::Value = serde_json::from_str(&out).ok()?;
    let parent = json
        .get("extends")
        .and_then(|e| e.as_str())
        .filter(|e| e.starts_with('.') && depth < 4)
        .and_then(|e| {
            let path = normalize(&dir.join(e));
            let path = if path.extension().is_some() {
                path
            } else {
                path.with_extension("json")
            };
            let text = std::fs::read_to_string(&path).ok()?;
            parse_tsconfig(path.parent()?, &text, depth + 1)
        });
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
        Some(p) if own.paths.is_empty() => TsConfig {
            base: own.base_url.clone().unwrap_or(p.base),
            base_url: own.base_url.or(p.base_url),
            paths: p.paths,
        },
        Some(p) => TsConfig {
            base_url: own.base_url.or(p.base_url),
            ..own
        },
        None => own,
    })
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
}
