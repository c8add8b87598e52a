//! The workspace: everything a scan or an editor session knows besides the file it checks. It
//! owns the configurations (the nearest `overshare.toml` governs each file; several folders each
//! get theirs), the catalog each one makes (built-in SDKs and names plus its `[[sink]]`,
//! `[[source]]` and sanitizers), the project index (fields declared in markup) and the module
//! resolver (tsconfig paths, aliases), and a view of the file system that an editor overlays
//! with its unsaved buffers. `check`, `lsp` and the tests all go through it, and configuration
//! (levels, overrides) is applied inside it, so both see the same findings.
//!
//! Nothing here is process-global: a configuration or tsconfig edit is seen by a workspace
//! made, or [`Workspace::reload`]ed, after it.

use crate::catalog::Catalog;
use crate::config::{ConfigError, Loaded};
use crate::driver::{FileResult, Options, RunError};
use crate::prefilter::Prefilter;
use crate::project::FieldIndex;
use crate::report::{Finding, Report};
use crate::resolve::Resolver;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

/// What one configuration makes: the catalog the analysis runs with and the prefilters built
/// from it. Files without a configuration share the built-in settings.
pub struct Settings {
    pub config: Option<Loaded>,
    pub catalog: Catalog,
    /// Files worth parsing: they name an SDK of this catalog, or hold a suppression directive
    /// (so an unused one is reported).
    pub(crate) prefilter: Prefilter,
    /// For files of formats overshare does not read: which tracker they name.
    pub(crate) tracker_names: Prefilter,
    /// The configuration's `[files]`, relative to its folder: (exclude, include).
    files: Option<(globset::GlobSet, globset::GlobSet)>,
}

impl Settings {
    /// The configuration has `[files]` globs for its folder.
    pub fn has_file_filters(&self) -> bool {
        self.files
            .as_ref()
            .is_some_and(|(exclude, _)| !exclude.is_empty())
    }

    fn new(config: Option<Loaded>, catalog: Catalog) -> Settings {
        let mut needles: Vec<String> = catalog.sdks.needles().collect();
        let tracker_names = Prefilter::for_globals(needles.iter().map(String::as_str));
        needles.extend([
            crate::suppress::NEXT_LINE.to_string(),
            crate::suppress::FILE.to_string(),
        ]);
        let prefilter = Prefilter::for_globals(needles.iter().map(String::as_str))
            .with_short_members(catalog.sdks.root_members());
        let files = config.as_ref().and_then(|c| {
            let f = &c.config.files;
            Some((
                crate::walk::globset(&f.exclude).ok()?,
                crate::walk::globset(&f.include).ok()?,
            ))
        });
        Settings {
            config,
            catalog,
            prefilter,
            tracker_names,
            files,
        }
    }

    /// Whether the configuration's `[files]` leaves out the file at `path` (absolute).
    pub fn excludes(&self, path: &Path) -> bool {
        let (Some((exclude, include)), Some(c)) = (&self.files, &self.config) else {
            return false;
        };
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let Ok(rel) = abs.strip_prefix(&c.dir) else {
            return false;
        };
        exclude.is_match(rel) && !include.is_match(rel)
    }

    /// The built-in catalog, no configuration. Built once: it is the binary's own data.
    pub fn builtin() -> Arc<Settings> {
        static BUILTIN: OnceLock<Arc<Settings>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let catalog = Catalog::with(Vec::new(), &[], Default::default())
                    .unwrap_or_else(|e| panic!("built-in catalog: {e}"));
                Arc::new(Settings::new(None, catalog))
            })
            .clone()
    }

    /// The settings a loaded configuration makes.
    pub fn from_config(loaded: Loaded) -> Result<Settings, String> {
        let catalog = loaded.catalog()?;
        Ok(Settings::new(Some(loaded), catalog))
    }
}

/// A configuration that could not be used: why, with its place in the file.
pub type BadConfig = Arc<ConfigError>;

impl Configs {
    /// The `overshare.toml` in `dir` (absolute) or the nearest folder above: one look at the
    /// disk per folder, the answer shared by the folders below.
    fn governing_of(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(g) = self.governing.get(dir) {
            return g.clone();
        }
        let own = dir.join(crate::config::FILE_NAME);
        let g = if own.is_file() {
            Some(std::fs::canonicalize(&own).unwrap_or(own))
        } else {
            match dir.parent() {
                Some(parent) if parent != dir => self.governing_of(parent),
                _ => None,
            }
        };
        self.governing.insert(dir.to_path_buf(), g.clone());
        g
    }
}

/// The nearest configuration of each folder, loaded once per workspace.
#[derive(Default)]
struct Configs {
    /// Folder -> the `overshare.toml` that governs it (in it or above), if any.
    governing: HashMap<PathBuf, Option<PathBuf>>,
    /// `overshare.toml` path -> what it makes.
    loaded: HashMap<PathBuf, Result<Arc<Settings>, BadConfig>>,
}

pub struct Workspace {
    /// What the scan's or session's paths are relative to: the working folder the command line
    /// was started in, or an editor's workspace folder. Findings name files relative to it.
    base: PathBuf,
    pub options: Options,
    /// `--config`: this configuration governs every file, whatever is nearer.
    fixed: Option<Arc<Settings>>,
    configs: Mutex<Configs>,
    project: RwLock<Arc<FieldIndex>>,
    /// Resolves imports; it caches what it read of each folder (tsconfig, package.json, bundler
    /// configurations), so a reload makes a new one.
    resolver: RwLock<Arc<Resolver>>,
    /// Unsaved editor buffers, by absolute path: they win over the disk.
    overlay: RwLock<HashMap<PathBuf, Arc<str>>>,
}

impl Workspace {
    /// A workspace rooted at `base` (relative paths given to it are relative to `base`).
    pub fn new(base: impl Into<PathBuf>, options: Options) -> Workspace {
        Workspace {
            base: base.into(),
            options,
            fixed: None,
            configs: Mutex::default(),
            project: RwLock::default(),
            resolver: RwLock::default(),
            overlay: RwLock::default(),
        }
    }

    /// Every file is governed by the configuration at `path` (`--config`).
    pub fn with_config(mut self, path: &Path) -> Result<Workspace, BadConfig> {
        let loaded = crate::config::load(&self.absolute(path)).map_err(Arc::from)?;
        let settings = settings_of(loaded)?;
        self.fixed = Some(settings);
        Ok(self)
    }

    pub fn base(&self) -> &Path {
        &self.base
    }

    /// `path` made absolute against the workspace's base (never against the process's
    /// working folder).
    pub fn absolute(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            crate::resolve::normalize(&self.base.join(path))
        }
    }

    /// The settings governing the file or folder at `path`: `--config`'s, else the nearest
    /// `overshare.toml` in its folder or above, else the built-in ones.
    pub fn settings_for(&self, path: &Path) -> Result<Arc<Settings>, BadConfig> {
        let abs = self.absolute(path);
        if abs.is_dir() {
            self.settings_in(abs)
        } else {
            self.settings_of_file(&abs)
        }
    }

    /// [`Self::settings_for`] a path known to be a file (no look at the disk for it).
    pub fn settings_of_file(&self, path: &Path) -> Result<Arc<Settings>, BadConfig> {
        match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => self.settings_in(self.absolute(dir)),
            _ => self.settings_in(self.base.clone()),
        }
    }

    /// The settings governing the folder `dir` (absolute).
    fn settings_in(&self, dir: PathBuf) -> Result<Arc<Settings>, BadConfig> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let mut configs = self.configs.lock().unwrap_or_else(|e| e.into_inner());
        let governing = configs.governing_of(&dir);
        let Some(config_path) = governing else {
            return Ok(Settings::builtin());
        };
        configs
            .loaded
            .entry(config_path.clone())
            .or_insert_with(|| {
                crate::config::load(&config_path)
                    .map_err(Arc::from)
                    .and_then(settings_of)
            })
            .clone()
    }

    /// The configuration files of this workspace's settings loaded so far, with their results.
    pub fn configs_seen(&self) -> Vec<(PathBuf, Result<Arc<Settings>, BadConfig>)> {
        let mut out: Vec<_> = self
            .configs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .loaded
            .iter()
            .map(|(p, r)| (p.clone(), r.clone()))
            .collect();
        if let Some(fixed) = &self.fixed {
            if let Some(c) = &fixed.config {
                out.push((c.path.clone(), Ok(fixed.clone())));
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// Forgets every configuration read, its own and module resolution's (they are read again
    /// when next needed): after an `overshare.toml`, a tsconfig, `package.json` or bundler
    /// configuration was created, edited or deleted.
    pub fn reload(&self) {
        *self.configs.lock().unwrap_or_else(|e| e.into_inner()) = Configs::default();
        *self.resolver.write().unwrap_or_else(|e| e.into_inner()) = Arc::default();
    }

    /// The module resolver (tsconfig `paths` and `baseUrl`, bundler aliases, package.json
    /// `imports`, workspace packages).
    pub fn resolver(&self) -> Arc<Resolver> {
        self.resolver
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The project's field index.
    pub fn project(&self) -> Arc<FieldIndex> {
        self.project
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn set_project(&self, index: FieldIndex) {
        *self.project.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(index);
    }

    /// Indexes the fields every template under the workspace's base declares.
    pub fn index_project(&self) {
        let index = crate::driver::project_index(&self.base, &self.options);
        self.set_project(index);
    }

    /// An editor's unsaved text of `path`; it wins over the file on disk until cleared.
    pub fn set_overlay(&self, path: &Path, text: Arc<str>) {
        let path = self.absolute(path);
        self.overlay
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path, text);
    }

    pub fn clear_overlay(&self, path: &Path) {
        let path = self.absolute(path);
        self.overlay
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&path);
    }

    /// The text of `path`: the editor's buffer if one is open, else the file on disk.
    pub fn read(&self, path: &Path) -> std::io::Result<Arc<str>> {
        let abs = self.absolute(path);
        match self.buffer(&abs) {
            Some(text) => Ok(text),
            None => std::fs::read_to_string(&abs).map(Arc::from),
        }
    }

    /// The editor's unsaved buffer of the file at `abs` (absolute), if one is open.
    fn buffer(&self, abs: &Path) -> Option<Arc<str>> {
        self.overlay
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(abs)
            .cloned()
    }

    /// Checks one file's text (`display` is how reports name it; `path` where it is, for its
    /// imports and configuration). Configuration is applied; a crash inside the parser or the
    /// analysis becomes an error of this file.
    pub fn check_text(&self, path: &Path, display: &str, text: &str) -> FileResult {
        let settings = match self.settings_of_file(path) {
            Ok(s) => s,
            Err(e) => return FileResult::config_error(display, &e),
        };
        let project = self.project();
        let project = (!project.is_empty()).then_some(&*project);
        let input = crate::pipeline::Input {
            path: &self.absolute(path),
            display,
            text,
            prefilter: self.options.prefilter,
        };
        crate::pipeline::check_guarded(self, &settings, &input, project)
    }

    /// Applies the levels of the configuration governing each finding's file: rule levels,
    /// SDK-class severities, per-path overrides; findings turned `off` are dropped.
    pub fn apply_levels(&self, findings: Vec<Finding>) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut f| {
                let path = self.absolute(Path::new(&f.file));
                // A broken configuration was reported already; its file's findings stand.
                let Ok(settings) = self.settings_of_file(&path) else {
                    return Some(f);
                };
                if let Some(config) = &settings.config {
                    f.severity = config.severity_of(&f, &path)?;
                }
                Some(f)
            })
            .collect()
    }

    /// Checks one file as the editor has it (its buffer, else the disk), named by its absolute
    /// path.
    pub fn check_file(&self, path: &Path) -> FileResult {
        let abs = self.absolute(path);
        let display = abs.to_string_lossy().into_owned();
        match self.read(&abs) {
            Ok(text) => self.check_text(&abs, &display, &text),
            Err(_) => FileResult::default(),
        }
    }

    /// Scans `paths` (relative to the base) and returns the sorted report, configuration
    /// applied and the rules about a whole scan run.
    pub fn check_paths(self: &Arc<Self>, paths: &[PathBuf]) -> Result<Report, RunError> {
        crate::driver::check_paths(self, paths)
    }
}

impl crate::source::ReadFile for Workspace {
    fn read_file(&self, path: &Path, max: u64) -> Option<Arc<str>> {
        let abs = self.absolute(path);
        match self.buffer(&abs) {
            Some(text) => (text.len() as u64 <= max).then_some(text),
            None => crate::source::Disk.read_file(&abs, max),
        }
    }
}

fn settings_of(loaded: Loaded) -> Result<Arc<Settings>, BadConfig> {
    let path = loaded.path.clone();
    Settings::from_config(loaded)
        .map(Arc::new)
        .map_err(|e| Arc::new(ConfigError::plain(&path, e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The nearest configuration governs; an edit is seen after `reload`, not before.
    #[test]
    fn nearest_configuration_and_reload() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("pkg/src")).unwrap();
        std::fs::write(root.join("overshare.toml"), "[rules]\n").unwrap();
        std::fs::write(
            root.join("pkg/overshare.toml"),
            "[sanitizers]\nfunctions = [\"scrub\"]\n",
        )
        .unwrap();
        let ws = Workspace::new(&root, Options::default());
        let config_dir = |p: &str| {
            ws.settings_for(Path::new(p))
                .unwrap()
                .config
                .as_ref()
                .map(|c| c.dir.clone())
        };
        assert_eq!(config_dir("app.js"), Some(root.clone()));
        assert_eq!(config_dir("pkg/src/a.js"), Some(root.join("pkg")));
        let sanitizers = |ws: &Workspace| {
            ws.settings_for(Path::new("pkg/a.js"))
                .unwrap()
                .catalog
                .custom
                .sanitizers
                .contains("scrub")
        };
        assert!(sanitizers(&ws));
        std::fs::write(root.join("pkg/overshare.toml"), "[rules]\n").unwrap();
        assert!(sanitizers(&ws), "read once per workspace");
        ws.reload();
        assert!(!sanitizers(&ws), "read again after a reload");
        std::fs::write(root.join("pkg/overshare.toml"), "[rulez]\n").unwrap();
        ws.reload();
        assert!(ws.settings_for(Path::new("pkg/a.js")).is_err());
        assert!(ws.settings_for(Path::new("app.js")).is_ok());
    }

    /// An editor's buffer wins over the disk until it is cleared.
    #[test]
    fn overlay_wins_over_the_disk() {
        use crate::source::ReadFile;
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path(), Options::default());
        std::fs::write(dir.path().join("a.js"), "disk").unwrap();
        ws.set_overlay(Path::new("a.js"), Arc::from("buffer"));
        assert_eq!(&*ws.read(Path::new("a.js")).unwrap(), "buffer");
        assert_eq!(
            ws.read_file(&dir.path().join("a.js"), 100).as_deref(),
            Some("buffer")
        );
        assert!(
            ws.read_file(&dir.path().join("a.js"), 3).is_none(),
            "over the size limit"
        );
        ws.clear_overlay(Path::new("a.js"));
        assert_eq!(&*ws.read(Path::new("a.js")).unwrap(), "disk");
    }
}
