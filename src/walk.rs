//! Stage 1: find the files to scan. Honours .gitignore/.ignore, skips hidden folders and the
//! folders users never want scanned (node_modules, dist, …), follows no symlink, and returns a
//! sorted list so every later stage is deterministic whatever the thread count.

use globset::{Glob, GlobSet, GlobSetBuilder};
use ignore::{WalkBuilder, WalkState};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
/// source maps are generated code, not code a developer can fix; TypeScript declaration files
/// hold types only, no code that runs.
pub const DEFAULT_EXCLUDED_FILES: &[&str] = &[
    "*.d.ts",
    "*.d.mts",
    "*.d.cts",
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

/// Globs as `--exclude` and `[files]` take them: one without a slash matches a name anywhere.
pub(crate) fn globset(patterns: &[String]) -> Result<GlobSet, String> {
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
        let known_kind = crate::kinds::of_path(rel).is_some();
        if self.include.is_match(rel) {
            return known_kind;
        }
        if !known_kind || self.exclude.is_match(rel) {
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

/// Lists the files under `paths` of every kind in [`crate::kinds`]: those overshare reads and
/// those of template formats it does not read yet (the driver reports the ones that name a
/// tracker). Files named explicitly are always listed.
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
                    // A kind with a gate (a `.json` file that is a tag-manager export) is
                    // only known once its first bytes are read, after every name filter.
                    Some(ft)
                        if ft.is_file()
                            && filters.wanted_file(rel)
                            && crate::kinds::of_file(path).is_some() =>
                    {
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

/// What a walk left out of its paths: why a run found nothing to scan.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Files of a read format that `.gitignore`/`.ignore` rules skipped.
    pub ignored: usize,
    /// Files of a read format inside hidden folders (or hidden themselves).
    pub hidden: usize,
    /// Files of a read format under the default excluded folders or file patterns.
    pub excluded_by_default: usize,
    /// Files of a read format matched by `--exclude` or the configuration's `exclude`.
    pub excluded: usize,
    /// Files of other formats, by extension (`""` for none), most frequent first.
    pub unsupported: Vec<(String, usize)>,
    /// True when the count stopped at [`LEFT_OUT_LIMIT`] entries.
    pub truncated: bool,
}

/// How many entries [`left_out`] looks at before it stops counting.
pub const LEFT_OUT_LIMIT: usize = 200_000;

/// Walks `paths` again with every filter off and sorts what the real walk did not select by
/// why. Only called when a run found nothing to scan, so its cost never touches a normal run.
pub fn left_out(paths: &[PathBuf], opts: &WalkOptions) -> LeftOut {
    let mut out = LeftOut::default();
    let Ok(filters) = Filters::new(opts) else {
        return out;
    };
    let mut unsupported: std::collections::BTreeMap<String, usize> = Default::default();
    let mut seen = 0usize;
    for root in paths {
        let walker = WalkBuilder::new(root)
            .standard_filters(false)
            .follow_links(false)
            .build();
        for entry in walker.flatten() {
            seen += 1;
            if seen > LEFT_OUT_LIMIT {
                out.truncated = true;
                break;
            }
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.path();
            let rel = path.strip_prefix(root).unwrap_or(path);
            if !crate::kinds::of_file(path).is_some_and(|k| k.is_read()) {
                let ext = rel
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or("")
                    .to_string();
                *unsupported.entry(ext).or_default() += 1;
            } else if filters.exclude.is_match(rel) {
                out.excluded += 1;
            } else if !filters.no_ignore && !filters.wanted_file(rel) {
                out.excluded_by_default += 1;
            } else if rel
                .components()
                .any(|c| c.as_os_str().to_str().is_some_and(|n| n.starts_with('.')))
            {
                out.hidden += 1;
            } else {
                out.ignored += 1;
            }
        }
    }
    let mut unsupported: Vec<(String, usize)> = unsupported.into_iter().collect();
    unsupported.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out.unsupported = unsupported;
    out
}

impl LeftOut {
    /// "3 ignored by .gitignore/.ignore, 12 of other formats (.py 10, .md 2)".
    pub fn describe(&self) -> String {
        use crate::report::plural;
        let mut parts = Vec::new();
        if self.ignored > 0 {
            parts.push(format!(
                "{} ignored by .gitignore/.ignore (--no-ignore scans them)",
                plural(self.ignored, "file")
            ));
        }
        if self.hidden > 0 {
            parts.push(format!(
                "{} in hidden folders (--no-ignore scans them)",
                plural(self.hidden, "file")
            ));
        }
        if self.excluded_by_default > 0 {
            parts.push(format!(
                "{} excluded by default: node_modules, vendor, dist, build, *.min.js… (--include GLOB or --no-ignore scans them)",
                plural(self.excluded_by_default, "file")
            ));
        }
        if self.excluded > 0 {
            parts.push(format!(
                "{} excluded by --exclude or overshare.toml",
                plural(self.excluded, "file")
            ));
        }
        let other: usize = self.unsupported.iter().map(|(_, n)| n).sum();
        if other > 0 {
            let top: Vec<String> = self
                .unsupported
                .iter()
                .take(5)
                .map(|(e, n)| {
                    if e.is_empty() {
                        format!("no extension {n}")
                    } else {
                        format!(".{e} {n}")
                    }
                })
                .collect();
            let more = if self.unsupported.len() > 5 {
                ", …"
            } else {
                ""
            };
            parts.push(format!(
                "{} of formats overshare does not read ({}{more})",
                plural(other, "file"),
                top.join(", ")
            ));
        }
        if parts.is_empty() {
            return "no files at all".into();
        }
        let mut s = parts.join("; ");
        if self.truncated {
            s.push_str(&format!(" (counted in the first {LEFT_OUT_LIMIT} entries)"));
        }
        s
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
        // Nothing of a read format is selected under lib/ with it excluded: explain why.
        let opts = WalkOptions {
            exclude: vec!["*.js".into(), "*.ts".into()],
            ..Default::default()
        };
        assert!(walk(&[root.to_path_buf()], &opts).unwrap().files.is_empty());
        let left = left_out(&[root.to_path_buf()], &opts);
        assert_eq!(
            (left.excluded, left.unsupported.clone()),
            (6, vec![("txt".to_string(), 1)])
        );
        assert_eq!(
            left.describe(),
            "6 files excluded by --exclude or overshare.toml; 1 file of formats overshare does not read (.txt 1)"
        );
        fs::write(root.join(".gitignore"), "a.js\nlib/\n").unwrap();
        let left = left_out(&[root.to_path_buf()], &WalkOptions::default());
        assert_eq!(
            (left.ignored, left.hidden, left.excluded_by_default),
            (2, 1, 3),
            "{left:?}"
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
