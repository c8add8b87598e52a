//! Module resolution for the analysis' cross-file flows: which file an import or `require`
//! names. Relative specifiers (`./analytics`), the common bundler aliases `@/` and `~/` (the
//! nearest `src/` folder above the importer), and extension and `index` file completion as
//! bundlers do. Package imports are not followed (their own code is not the project's).

use std::path::{Component, Path, PathBuf};

/// Extensions tried, in bundler order, for a specifier without one.
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

/// The file `spec` names when imported from `from`, if `exists` says it is there.
pub fn resolve(from: &Path, spec: &str, exists: &dyn Fn(&Path) -> bool) -> Option<PathBuf> {
    let dir = from.parent().unwrap_or(Path::new(""));
    let base = if let Some(rest) = spec.strip_prefix("@/").or_else(|| spec.strip_prefix("~/")) {
        // `@/x` is `src/x` of the nearest folder above that has a `src`.
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
        return None;
    };
    let base = normalize(&base);
    if base.extension().is_some() && exists(&base) {
        return Some(base);
    }
    // `./x.js` written for a TypeScript file `x.ts` (TypeScript's own convention).
    if let Some(ext) = base.extension().and_then(|e| e.to_str()) {
        if matches!(ext, "js" | "jsx" | "mjs" | "cjs") {
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

/// Resolves against the file system.
pub fn resolve_fs(from: &Path, spec: &str) -> Option<PathBuf> {
    resolve(from, spec, &|p: &Path| p.is_file())
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

/// The local specifiers a file imports: `import … from './x'`, `export … from './x'`,
/// `import('./x')`, `require('./x')`. A fast scan, not a parse: one pass for the quoted local
/// prefixes (`'./`, `"../`, `'@/`…), then a look back for the keyword before the quote. It only
/// decides which files the prefilter must not skip.
pub fn scan_imports(text: &str) -> Vec<&str> {
    use aho_corasick::AhoCorasick;
    use std::sync::OnceLock;
    static PREFIXES: OnceLock<AhoCorasick> = OnceLock::new();
    let ac = PREFIXES.get_or_init(|| {
        let mut pats = Vec::new();
        for q in ['\'', '"', '`'] {
            for p in ["./", "../", "@/", "~/"] {
                pats.push(format!("{q}{p}"));
            }
        }
        AhoCorasick::new(pats).expect("valid patterns")
    });
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for m in ac.find_iter(text) {
        let q = bytes[m.start()] as char;
        let rest = &text[m.start() + 1..];
        let Some(end) = rest.find(q) else { continue };
        let spec = &rest[..end];
        if spec.contains('\n') {
            continue;
        }
        // The keyword before the quote: `from`, `import`, `require(`, `import(`.
        let before = text[..m.start()].trim_end_matches([' ', '\t', '(']);
        if before.ends_with("from") || before.ends_with("import") || before.ends_with("require") {
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
    fn scans_local_specifiers() {
        let text = "import a from './a';\nexport { b } from \"../b\";\nconst c = require('./c');\nimport('./d');\nimport x from 'react';";
        assert_eq!(scan_imports(text), ["../b", "./a", "./c", "./d"]);
    }
}
