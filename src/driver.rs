//! Runs the pipeline over many files of a [`Workspace`]: a rayon pool with large stacks (deep
//! ASTs), each file under `catch_unwind` and a deadline, results collected in walk order so
//! output is deterministic whatever the thread count. One file's pipeline is
//! [`crate::pipeline`].

use crate::config::ConfigError;
use crate::not_analysed::{self, NotAnalysed, Reason};
use crate::pipeline::Input;
use crate::prefilter::Prefilter;
use crate::project::FieldIndex;
use crate::report::{Finding, Report};
use crate::walk::{walk, WalkOptions};
use crate::workspace::{Settings, Workspace};
use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Worker stacks: swc and the analysis recurse on nesting; 64 MiB covers what the nesting guard lets through.
const STACK_SIZE: usize = 64 << 20;

#[derive(Clone, Debug)]
pub struct Options {
    pub walk: WalkOptions,
    pub threads: usize,
    pub prefilter: bool,
    pub max_file_size: u64,
    pub file_timeout: Duration,
    /// Index the fields of every template under this folder, not only of the scanned files:
    /// a pre-commit run on a few staged files still knows the project's templates.
    pub facts_root: Option<PathBuf>,
    /// The scan sees all of the code in its folders (not only changed lines): rules that report
    /// what is never used run.
    pub complete_scan: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            walk: WalkOptions::default(),
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            prefilter: true,
            max_file_size: 4 << 20,
            file_timeout: Duration::from_secs(20),
            facts_root: None,
            complete_scan: true,
        }
    }
}

/// What one file produced.
#[derive(Debug, Default)]
pub struct FileResult {
    pub findings: Vec<Finding>,
    /// Parts of the file that could not be analysed (a script block that does not parse).
    pub errors: Vec<NotAnalysed>,
    /// False when the prefilter showed the file cannot matter.
    pub parsed: bool,
    /// Texts of other files findings point into (modules reached through imports).
    pub linked: Vec<(String, Arc<str>)>,
    /// The file defines a function whose parameters reach an SDK call.
    pub wrapper: bool,
    /// Project modules this file imports, when the prefilter skipped it: if one of them calls
    /// an SDK, the file is analysed after all.
    pub imports: Vec<PathBuf>,
    /// Methods the file gives every component (Vue plugins' mixins and prototype methods).
    pub global_methods: Vec<String>,
    /// Callees of the configuration's `[[sink]]` entries that a call in the file matched.
    pub configured_sinks_used: Vec<String>,
}

impl FileResult {
    /// The result of a file whose governing configuration is invalid.
    pub fn config_error(display: &str, e: &ConfigError) -> FileResult {
        FileResult {
            errors: vec![NotAnalysed::new(
                display,
                Reason::BadConfig,
                format!("not analysed: {e}"),
            )],
            ..Default::default()
        }
    }
}

/// Checks one file's text with the built-in catalog and no configuration, as a file under the
/// working folder. `display` is the path as reports show it. For tests and tools; a run with
/// configuration goes through a [`Workspace`].
pub fn check_text(display: &str, text: &str, use_prefilter: bool) -> FileResult {
    let ws = Workspace::new(
        std::env::current_dir().unwrap_or_default(),
        Options {
            prefilter: use_prefilter,
            ..Default::default()
        },
    );
    let input = Input {
        path: Path::new(display),
        display,
        text,
        prefilter: use_prefilter,
    };
    crate::pipeline::check_guarded(&ws, &Settings::builtin(), &input, None)
}

/// Why a run could not start.
#[derive(Debug)]
pub enum RunError {
    /// The paths could not be walked, or the worker threads not started.
    Run(String),
    /// A configuration governing some of the paths is invalid.
    Config(Arc<ConfigError>),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Run(m) => f.write_str(m),
            RunError::Config(e) => std::fmt::Display::fmt(e, f),
        }
    }
}

impl From<String> for RunError {
    fn from(m: String) -> Self {
        RunError::Run(m)
    }
}

/// Why a whole file was not read.
type Unread = (Reason, String);

/// Reads a file the way the scanner accepts it: not too large, not binary, UTF-8.
fn read_source(path: &Path, max: u64) -> Result<String, Unread> {
    let unreadable = |e: std::io::Error| (Reason::Unreadable, format!("cannot read: {e}"));
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.len() > max {
        return Err((
            Reason::TooLarge,
            format!(
                "skipped: {} bytes is over the --max-file-size limit of {max} bytes",
                meta.len()
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err((Reason::Binary, "skipped: binary file".into()));
    }
    String::from_utf8(bytes).map_err(|e| {
        (
            Reason::NotUtf8,
            format!(
                "skipped: not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// A file's result and, when it has findings, its text (for rendering snippets).
type FileOutcome = Result<(FileResult, Option<Arc<str>>), Unread>;

struct Outcome {
    index: usize,
    result: FileOutcome,
}

/// What the workers share: the file list, the next index to take, and which file each worker
/// is on since when (the collector's watchdog reads it).
struct Shared {
    files: Arc<Vec<PathBuf>>,
    /// The walked files, for resolving imports without touching the file system.
    known: HashSet<PathBuf>,
    /// The order files are taken in: largest first, so no core idles on a big file at the end.
    order: Vec<usize>,
    /// The governing settings of each file (by index), resolved before the run.
    settings: Vec<Arc<Settings>>,
    project: Arc<FieldIndex>,
    next: AtomicUsize,
    running: Mutex<Vec<Option<(usize, Instant)>>>,
    ws: Arc<Workspace>,
}

/// Starts a worker that takes files until none are left: on the pool, or on a thread of its own
/// when it replaces a worker stuck past the deadline (Rust cannot kill the stuck one).
fn spawn_worker(
    shared: &Arc<Shared>,
    tx: &crossbeam_channel::Sender<Outcome>,
    pool: Option<&rayon::ThreadPool>,
) {
    let slot = {
        let mut r = shared.running.lock().unwrap();
        r.push(None);
        r.len() - 1
    };
    let (shared, tx) = (shared.clone(), tx.clone());
    let work = move || loop {
        let n = shared.next.fetch_add(1, Ordering::Relaxed);
        let Some(&i) = shared.order.get(n) else {
            return;
        };
        shared.running.lock().unwrap()[slot] = Some((i, Instant::now()));
        let result = check_path(&shared, i, &shared.project, shared.ws.options.prefilter);
        shared.running.lock().unwrap()[slot] = None;
        if tx.send(Outcome { index: i, result }).is_err() {
            return;
        }
    };
    match pool {
        Some(pool) => pool.spawn(work),
        None => {
            let _ = std::thread::Builder::new()
                .name(format!("overshare-worker-spare-{slot}"))
                .stack_size(STACK_SIZE)
                .spawn(work);
        }
    }
}

/// Checks file `i` of the run, with `project` as the field index.
fn check_path(shared: &Shared, i: usize, project: &FieldIndex, prefilter: bool) -> FileOutcome {
    let (path, settings, ws) = (&shared.files[i], &shared.settings[i], &shared.ws);
    let text = read_source(path, ws.options.max_file_size)?;
    let display = path.to_string_lossy();
    // A file its kind's gate does not admit (a `.json` file that is no tag-manager export, named
    // on the command line) is no file overshare knows: neither read nor reported.
    if crate::kinds::of_path(path).is_some_and(|k| !k.admits(text.as_bytes())) {
        return Ok((FileResult::default(), None));
    }
    if !crate::kinds::of_path(path).is_some_and(|k| k.is_read()) {
        // Whatever the prefilter setting: such a file is never parsed, so only a tracker named
        // inside script makes it worth reporting.
        return match unread_mention(settings, path, &text) {
            Some(message) => Err((Reason::UnsupportedFormat, message)),
            None => Ok((FileResult::default(), None)),
        };
    }
    let project = (!project.is_empty()).then_some(project);
    let input = Input {
        path: &ws.absolute(path),
        display: &display,
        text: &text,
        prefilter,
    };
    let mut result = crate::pipeline::check_guarded(ws, settings, &input, project);
    // A skipped script may still import a module that calls an SDK: remember its imports.
    if !result.parsed && crate::kinds::of_path(path).is_some_and(|k| k.script_lang().is_some()) {
        let exists = |p: &Path| shared.known.contains(p);
        let resolver = ws.resolver();
        result.imports = crate::resolve::scan_imports(&text)
            .into_iter()
            .filter_map(|spec| resolver.resolve(path, spec, &exists))
            .collect();
    }
    let keep = (!result.findings.is_empty()).then(|| Arc::from(text));
    Ok((result, keep))
}

/// True for the file formats overshare extracts and analyses (a `.json` file only when it is a
/// tag-manager export: its first bytes are read).
pub fn is_read_format(path: &Path) -> bool {
    crate::kinds::of_file(path).is_some_and(|k| k.is_read())
}

/// For a file of a format overshare does not read: why it matters, when it can run script and
/// names a tracker SDK ("JSP is not analysed yet, and this file names the tracker `fbq` in script").
fn unread_mention(settings: &Settings, path: &Path, text: &str) -> Option<String> {
    let sdks = &settings.tracker_names;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if !not_analysed::is_script_language(ext) && !not_analysed::can_hold_script(text) {
        return None;
    }
    let name = String::from_utf8_lossy(sdks.first_word(text.as_bytes())?);
    let format = match not_analysed::unread_format(ext) {
        Some(f) => f.to_string(),
        None if ext.is_empty() => "a file without an extension".to_string(),
        None => format!("`.{ext}`"),
    };
    Some(format!(
        "{format} is not analysed yet, and this file names the tracker `{}` in script",
        name.trim_start_matches(['\'', '"', '`'])
    ))
}

/// Files the prefilter skipped that import, directly or not, a module whose functions send
/// their parameters to an SDK: their data may flow through it, so they are analysed after all.
fn importers_of_analysed(files: &[PathBuf], results: &[Option<FileOutcome>]) -> Vec<usize> {
    let index: HashMap<&Path, usize> = files
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_path(), i))
        .collect();
    let mut relevant: Vec<bool> = results
        .iter()
        .map(|r| matches!(r, Some(Ok((fr, _))) if fr.wrapper))
        .collect();
    let mut added = Vec::new();
    loop {
        let mut changed = false;
        for (i, r) in results.iter().enumerate() {
            let Some(Ok((fr, _))) = r else { continue };
            if relevant[i] || fr.imports.is_empty() {
                continue;
            }
            if fr
                .imports
                .iter()
                .any(|p| index.get(p.as_path()).is_some_and(|&j| relevant[j]))
            {
                relevant[i] = true;
                added.push(i);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    added.sort_unstable();
    added
}

/// The methods plugins give every component and the functions classic scripts define for their
/// pages, by name, with the (canonical) file defining each.
fn global_methods(files: &[PathBuf], results: &[Option<FileOutcome>]) -> HashMap<String, PathBuf> {
    // A name two files define is ambiguous (two pages, two plugins): it resolves to neither.
    let mut defs: HashMap<String, Option<PathBuf>> = HashMap::new();
    for (i, r) in results.iter().enumerate() {
        if let Some(Ok((fr, _))) = r {
            for name in &fr.global_methods {
                let file = canonical(&files[i]);
                defs.entry(name.clone())
                    .and_modify(|d| {
                        if d.as_ref() != Some(&file) {
                            *d = None;
                        }
                    })
                    .or_insert(Some(file));
            }
        }
    }
    defs.into_iter()
        .filter_map(|(name, file)| Some((name, file?)))
        .collect()
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Files whose markup can declare fields for other files' scripts (a `.json` file only when it
/// is a tag-manager export: saving a `package.json` in an editor re-reads no fields).
pub(crate) fn declares_fields(path: &Path) -> bool {
    crate::kinds::of_file(path).is_some_and(|k| k.declares_fields())
}

/// The field index of every template under `root`: what an editor session resolves against.
pub fn project_index(root: &Path, opts: &Options) -> FieldIndex {
    let Ok(walked) = walk(
        &[root.to_path_buf()],
        &WalkOptions {
            threads: opts.threads,
            ..opts.walk.clone()
        },
    ) else {
        return FieldIndex::default();
    };
    let Ok(pool) = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.max(1))
        .stack_size(STACK_SIZE)
        .build()
    else {
        return FieldIndex::default();
    };
    index_fields(&walked.files, opts, &pool)
}

/// Phase 1: the elements every markup file declares, in walk order.
fn index_fields(files: &[PathBuf], opts: &Options, pool: &rayon::ThreadPool) -> FieldIndex {
    use rayon::prelude::*;
    let markup: Vec<&PathBuf> = files.iter().filter(|p| declares_fields(p)).collect();
    let facts: Vec<(PathBuf, Vec<crate::extract::ElementFact>)> = pool.install(|| {
        markup
            .par_iter()
            .filter_map(|path| {
                let text = read_source(path, opts.max_file_size).ok()?;
                let name = path.file_name()?.to_str()?.to_string();
                let extracted = catch_unwind(AssertUnwindSafe(|| {
                    crate::extract::extract_named(&name, &text)
                }))
                .ok()??;
                let elements: Vec<_> = extracted
                    .elements
                    .into_iter()
                    .filter(|e| {
                        e.id.is_some()
                            || e.name.is_some()
                            || !e.classes.is_empty()
                            || e.binding.is_some()
                    })
                    .collect();
                (!elements.is_empty()).then(|| ((*path).clone(), elements))
            })
            .collect()
    });
    FieldIndex::build(facts)
}

pub(crate) fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// Keeps panics inside workers quiet: they become per-file errors.
fn install_panic_hook() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let worker = std::thread::current()
                .name()
                .is_some_and(|n| n.starts_with("overshare-worker"));
            if !worker {
                default(info);
            }
        }));
    });
}

/// Scans `paths` of the workspace and returns the sorted report: configuration applied, the
/// rules about a whole run included. Stops before any file is analysed when a configuration
/// governing one of them is invalid.
pub fn check_paths(ws: &Arc<Workspace>, paths: &[PathBuf]) -> Result<Report, RunError> {
    install_panic_hook();
    let opts = &ws.options;
    let walked = walk(
        paths,
        &WalkOptions {
            threads: opts.threads,
            ..opts.walk.clone()
        },
    )?;
    // Every file's governing configuration, loaded before anything runs: an invalid one stops
    // the run with its place in the file.
    let settings = walked
        .files
        .iter()
        .map(|f| ws.settings_of_file(f))
        .collect::<Result<Vec<_>, _>>()
        .map_err(RunError::Config)?;
    // A nested configuration's `[files] exclude` leaves out files under its folder (files
    // named on the command line are scanned whatever excludes them).
    let named: HashSet<&PathBuf> = paths.iter().filter(|p| p.is_file()).collect();
    let (files, settings): (Vec<PathBuf>, Vec<Arc<Settings>>) = walked
        .files
        .into_iter()
        .zip(settings)
        .filter(|(f, s)| !s.has_file_filters() || named.contains(f) || !s.excludes(&ws.absolute(f)))
        .unzip();
    let files = Arc::new(files);
    let mut report = Report {
        files_scanned: files.iter().filter(|p| is_read_format(p)).count(),
        ..Default::default()
    };
    for (p, e) in walked.errors {
        report
            .not_analysed
            .push(NotAnalysed::new(p.to_string_lossy(), Reason::Unreadable, e));
    }

    let threads = opts.threads.max(1);
    let (tx, rx) = crossbeam_channel::unbounded::<Outcome>();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(STACK_SIZE)
        .thread_name(|i| format!("overshare-worker-{i}"))
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    let project = Arc::new(match &opts.facts_root {
        Some(root) => {
            let all = walk(
                std::slice::from_ref(root),
                &WalkOptions {
                    threads: opts.threads,
                    ..opts.walk.clone()
                },
            )?;
            index_fields(&all.files, opts, &pool)
        }
        None => index_fields(&files, opts, &pool),
    });
    let order = {
        use rayon::prelude::*;
        let sizes: Vec<u64> = pool.install(|| {
            files
                .par_iter()
                .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
                .collect()
        });
        let mut order: Vec<usize> = (0..files.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
        order
    };
    let shared = Arc::new(Shared {
        known: files.iter().cloned().collect(),
        files: files.clone(),
        order,
        settings,
        project,
        next: AtomicUsize::new(0),
        running: Mutex::new(Vec::new()),
        ws: ws.clone(),
    });
    for _ in 0..threads {
        spawn_worker(&shared, &tx, Some(&pool));
    }

    let mut results: Vec<Option<FileOutcome>> = (0..files.len()).map(|_| None).collect();
    let mut remaining = files.len();
    while remaining > 0 {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(o) => {
                if results[o.index].is_none() {
                    results[o.index] = Some(o.result);
                    remaining -= 1;
                }
            }
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => break, // unreachable: we hold a sender
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => {}
        }
        let stuck: Vec<usize> = {
            let mut r = shared.running.lock().unwrap();
            let now = Instant::now();
            r.iter_mut()
                .filter_map(|s| match s {
                    Some((i, since)) if now.duration_since(*since) > opts.file_timeout => {
                        let i = *i;
                        *s = None;
                        Some(i)
                    }
                    _ => None,
                })
                .collect()
        };
        for i in stuck {
            if results[i].is_none() {
                results[i] = Some(Err((
                    Reason::Timeout,
                    format!(
                        "skipped: analysis did not finish within {} s (the parser can backtrack exponentially on some TSX)",
                        opts.file_timeout.as_secs()
                    ),
                )));
                remaining -= 1;
            }
            spawn_worker(&shared, &tx, None);
        }
    }
    drop(tx);

    // Phase 3: skipped files whose imports lead to analysed modules.
    if opts.prefilter {
        use rayon::prelude::*;
        let again = importers_of_analysed(&files, &results);
        let redone: Vec<(usize, FileOutcome)> = pool.install(|| {
            again
                .par_iter()
                .map(|&i| (i, check_path(&shared, i, &shared.project, false)))
                .collect()
        });
        for (i, r) in redone {
            results[i] = Some(r);
        }
    }
    // Phase 4: files that call a method a plugin gives every component (`this.track(…)` with
    // `track` from `Vue.mixin`) are analysed again, knowing where those methods are.
    let globals = global_methods(&files, &results);
    if !globals.is_empty() {
        use rayon::prelude::*;
        let names = Prefilter::new(globals.keys().map(String::as_str));
        let project = shared.project.with_global_methods(globals.clone());
        let definers: HashSet<&PathBuf> = globals.values().collect();
        let redone: Vec<(usize, FileOutcome)> = pool.install(|| {
            (0..files.len())
                .into_par_iter()
                .filter(|&i| is_read_format(&files[i]) && !definers.contains(&canonical(&files[i])))
                .filter(|&i| matches!(&results[i], Some(Ok(_))))
                .filter_map(|i| {
                    let text = read_source(&files[i], opts.max_file_size).ok()?;
                    names
                        .may_match(text.as_bytes())
                        .then(|| (i, check_path(&shared, i, &project, false)))
                })
                .collect()
        });
        for (i, r) in redone {
            results[i] = Some(r);
        }
    }
    for (i, r) in results.into_iter().enumerate() {
        let display = files[i].to_string_lossy().into_owned();
        match r {
            Some(Ok((fr, text))) => {
                if fr.parsed {
                    report.files_parsed += 1;
                }
                report.not_analysed.extend(fr.errors);
                if let Some(t) = text {
                    report.texts.insert(display.clone(), t);
                }
                for (d, t) in fr.linked {
                    report.texts.entry(d).or_insert(t);
                }
                report.findings.extend(fr.findings);
                report
                    .configured_sinks_used
                    .extend(fr.configured_sinks_used);
            }
            Some(Err((reason, message))) => report
                .not_analysed
                .push(NotAnalysed::new(display, reason, message)),
            None => report.not_analysed.push(NotAnalysed::new(
                display,
                Reason::InternalError,
                "internal error: no result",
            )),
        }
    }
    // Workers still stuck on a file keep running until the process exits; nothing waits for them.
    std::mem::forget(pool);
    add_run_findings(ws, &shared.settings, paths, &mut report);
    report.sort();
    Ok(report)
}

/// Adds the findings of the rules about a whole run (`unused-custom-sink`), levels applied.
fn add_run_findings(
    ws: &Workspace,
    settings: &[Arc<Settings>],
    paths: &[PathBuf],
    report: &mut Report,
) {
    let mut configs: Vec<(Arc<Settings>, String)> = Vec::new();
    for s in settings {
        if let Some(c) = &s.config {
            if !configs.iter().any(|(k, _)| Arc::ptr_eq(k, s)) {
                configs.push((s.clone(), shown_path(ws, &c.path)));
            }
        }
    }
    let cx = crate::lints::RunContext {
        settings: &configs,
        configured_sinks_used: &report.configured_sinks_used,
        complete: ws.options.complete_scan && paths.iter().all(|p| ws.absolute(p).is_dir()),
    };
    let mut findings = Vec::new();
    for lint in crate::lints::LINTS {
        lint.check_run(&cx, &mut findings);
    }
    // Their spans are in configuration files.
    for f in &mut findings {
        if let Some((s, display)) = configs.iter().find(|(_, d)| *d == f.file) {
            if let Some(c) = &s.config {
                f.resolve(&crate::source::LineIndex::new(&c.text));
                report.texts.insert(display.clone(), c.text.as_str().into());
            }
        }
    }
    report.findings.extend(ws.apply_levels(findings));
}

/// A configuration file as reports name it: relative to the workspace's base when inside it.
fn shown_path(ws: &Workspace, path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let base = std::fs::canonicalize(ws.base()).unwrap_or_else(|_| ws.base().to_path_buf());
    match abs.strip_prefix(&base) {
        Ok(rel) => rel.display().to_string(),
        Err(_) => path.display().to_string(),
    }
}
