//! Stage 1: find the files to scan. Honours .gitignore/.ignore, skips hidden folders and the
//! folders users never want scanned (node_modules, dist, …), follows no symlink, and returns a
//! sorted list so every later stage is deterministic whatever the thread count.

use globset::{Glob, GlobSet, GlobSetBuilder};
use ignore::{WalkBuilder, WalkState};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// File extensions the scanner reads.
#[rustfmt::skip]
pub const EXTENSIONS: &[&str] = &[
    "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", // scripts
    "html", "htm", "vue", "svelte", "astro", // pages and components
    "php", "phtml", "liquid", "twig", "jinja", "jinja2", "j2", "njk", "erb", "hbs", "handlebars",
    "mustache", "ejs", "cshtml", "razor", // server templates
];

/// Folders skipped unless `--include` names them or `--no-ignore` is given.
pub const DEFAULT_EXCLUDED_DIRS: &[&str] = &[
    "node_modules",
    "bower_components",
    "jspm_packages",
    "vendor",
    "dist",
    "build",
    "coverage",
    "out",
];

/// Files skipped unless `--include` names them or `--no-ignore` is given: minified bundles and
/// source maps are generated code, not code a developer can fix.
pub const DEFAULT_EXCLUDED_FILES: &[&str] = &[
    "*.min.js",
    "*.min.mjs",
    "*.min.cjs",
    "*.map",
    "*.bundle.js",
    "*.chunk.js",
];

#[derive(Clone, Debug, Default)]
pub struct WalkOptions {
    /// Turn off .gitignore/.ignore handling and the default excludes.
    pub no_ignore: bool,
    pub exclude: Vec<String>,
    pub include: Vec<String>,
    pub threads: usize,
}

#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<PathBuf>,
    pub errors: Vec<(PathBuf, String)>,
}

struct Filters {
    exclude: GlobSet,
    include: GlobSet,
    default_files: GlobSet,
    no_ignore: bool,
}

fn globset(patterns: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let p = p.trim_end_matches('/');
        // A glob without a slash matches a file or folder name anywhere, as in .gitignore.
        let variants = if p.contains('/') {
            vec![p.to_string(), format!("{p}/**")]
        } else {
            vec![
                p.to_string(),
                format!("**/{p}"),
                format!("**/{p}/**"),
                format!("{p}/**"),
            ]
        };
        for v in variants {
            b.add(Glob::new(&v).map_err(|e| format!("bad glob `{p}`: {e}"))?);
        }
    }
    b.build().map_err(|e| e.to_string())
}

impl Filters {
    fn new(opts: &WalkOptions) -> Result<Self, String> {
        let defaults: Vec<String> = DEFAULT_EXCLUDED_FILES
            .iter()
            .map(|s| s.to_string())
            .collect();
        Ok(Self {
            exclude: globset(&opts.exclude)?,
            include: globset(&opts.include)?,
            default_files: globset(&defaults)?,
            no_ignore: opts.no_ignore,
        })
    }

    fn wanted_file(&self, rel: &Path) -> bool {
        let has_ext = rel
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e));
        if self.include.is_match(rel) {
            return has_ext;
        }
        if !has_ext || self.exclude.is_match(rel) {
            return false;
        }
        if self.no_ignore {
            return true;
        }
        let in_default_dir = rel.parent().is_some_and(|p| {
            p.components()
                .any(|c| DEFAULT_EXCLUDED_DIRS.contains(&c.as_os_str().to_str().unwrap_or("")))
        });
        !(in_default_dir || self.default_files.is_match(rel))
    }

    /// Whether a folder can be skipped whole.
    fn prune_dir(&self, rel: &Path) -> bool {
        if !self.include.is_empty() {
            return self.exclude.is_match(rel) && !self.include.is_match(rel);
        }
        if self.exclude.is_match(rel) {
            return true;
        }
        !self.no_ignore
            && rel
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| DEFAULT_EXCLUDED_DIRS.contains(&n))
    }
}

/// Lists the files under `paths`. Files named explicitly are always scanned.
pub fn walk(paths: &[PathBuf], opts: &WalkOptions) -> Result<Walked, String> {
    let filters = Filters::new(opts)?;
    let found = Mutex::new(Walked::default());
    for root in paths {
        if root.is_file() {
            found.lock().unwrap().files.push(clean(root));
            continue;
        }
        let mut builder = WalkBuilder::new(root);
        builder
            .hidden(true)
            .follow_links(false)
            .git_ignore(!opts.no_ignore)
            .git_global(!opts.no_ignore)
            .git_exclude(!opts.no_ignore)
            .ignore(!opts.no_ignore)
            .parents(!opts.no_ignore)
            .require_git(false)
            .threads(opts.threads.max(1));
        let filters = &filters;
        let found = &found;
        builder.build_parallel().run(|| {
            Box::new(move |entry| {
                let entry = match entry {
                    Ok(e) => e,
                    Err(err) => {
                        let path = error_path(&err).unwrap_or_else(|| root.clone());
                        found
                            .lock()
                            .unwrap()
                            .errors
                            .push((clean(&path), err.to_string()));
                        return WalkState::Continue;
                    }
                };
                let path = entry.path();
                let rel = path.strip_prefix(root).unwrap_or(path);
                match entry.file_type() {
                    Some(ft) if ft.is_dir() && entry.depth() > 0 && filters.prune_dir(rel) => {
                        return WalkState::Skip;
                    }
                    Some(ft) if ft.is_file() && filters.wanted_file(rel) => {
                        found.lock().unwrap().files.push(clean(path));
                    }
                    _ => {} // symlinks are not followed
                }
                WalkState::Continue
            })
        });
    }
    let mut walked = found.into_inner().unwrap();
    walked.files.sort();
    walked.files.dedup();
    walked.errors.sort();
    Ok(walked)
}

fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// `./src/a.js` -> `src/a.js`: paths are reported as the user named them, without the noise.
fn clean(p: &Path) -> PathBuf {
    p.strip_prefix("./")
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn default_excludes_and_overrides() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a.js",
            "node_modules/x/b.js",
            "dist/c.js",
            "lib/d.min.js",
            "lib/e.ts",
            ".hidden/f.js",
            "g.txt",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let names = |w: Walked| -> Vec<String> {
            w.files
                .iter()
                .map(|p| {
                    p.strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/")
                })
                .collect()
        };
        let opts = WalkOptions {
            threads: 2,
            ..Default::default()
        };
        assert_eq!(
            names(walk(&[root.to_path_buf()], &opts).unwrap()),
            ["a.js", "lib/e.ts"]
        );
        let opts = WalkOptions {
            threads: 2,
            include: vec!["dist".into()],
            ..Default::default()
        };
        assert_eq!(
            names(walk(&[root.to_path_buf()], &opts).unwrap()),
            ["a.js", "dist/c.js", "lib/e.ts"]
        );
        let opts = WalkOptions {
            threads: 2,
            exclude: vec!["lib".into()],
            ..Default::default()
        };
        assert_eq!(names(walk(&[root.to_path_buf()], &opts).unwrap()), ["a.js"]);
        let opts = WalkOptions {
            threads: 1,
            no_ignore: true,
            ..Default::default()
        };
        assert_eq!(
            names(walk(&[root.to_path_buf()], &opts).unwrap()),
            [
                "a.js",
                "dist/c.js",
                "lib/d.min.js",
                "lib/e.ts",
                "node_modules/x/b.js"
            ]
        );
        // A file named explicitly is scanned even when excluded by default.
        let explicit = root.join("dist/c.js");
        assert_eq!(
            walk(std::slice::from_ref(&explicit), &WalkOptions::default())
                .unwrap()
                .files,
            [explicit]
        );
    }
}
