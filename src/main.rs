//! The `overshare` command line.

// Parsing allocates many small AST nodes and frees them at once: mimalloc is markedly faster at
// that than the system allocator (measured on the benchmark corpus).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand, ValueEnum};
use overshare::lints;
use overshare::report::{json, text};
use overshare::walk::WalkOptions;
use overshare::{Options, RunError, Workspace};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(name = "overshare", version, about = "Finds personal data your web pages send to trackers", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan files and folders (default: the current folder) and report flows of personal data
    /// into tracker SDKs. Exit code: 0 no findings, 1 findings, 2 the run itself failed.
    Check(Box<CheckArgs>),
    /// List every rule with its id, default severity and summary.
    Rules {
        /// List the tracker SDKs the analysis knows instead (with the current folder's
        /// configured sinks).
        #[arg(long)]
        sdks: bool,
    },
    /// Run the language server on stdin/stdout (for editors).
    Lsp,
    /// Write a commented starter `overshare.toml` in the current folder.
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Print a rule's documentation.
    Explain {
        /// The rule id, e.g. data-to-tracker.
        rule: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// miette diagnostics with the source, the sink and the steps between
    Text,
    /// the versioned JSON report
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub workflow commands: pull request annotations
    Github,
    /// `file:line:col: severity rule message`, one per line
    Compact,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
enum FailOn {
    Info,
    Warning,
    Error,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to scan. Files named here are scanned even when ignored or excluded.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Also scan what .gitignore/.ignore and the default excludes (node_modules, vendor, dist,
    /// build, coverage, *.min.js, source maps) would skip.
    #[arg(long)]
    no_ignore: bool,
    /// Skip paths matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Scan paths matching this glob even when excluded by default (repeatable).
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Parse every file, not only those that mention a tracker SDK (same findings, slower).
    #[arg(long)]
    no_prefilter: bool,
    /// Skip (and report) files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 4 << 20)]
    max_file_size: u64,
    /// Give up on (and report) a file whose analysis takes longer than this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 20)]
    file_timeout: u64,
    /// Colour in the text report: auto (when a terminal and NO_COLOR unset), always, never.
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    color: String,
    /// The configuration file (default: `overshare.toml` in the first path's folder or above).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Exit 1 only for findings of at least this severity.
    #[arg(long, value_enum, default_value = "info")]
    fail_on: FailOn,
    /// Also exit 1 when a file could not be analysed (parse error, too large, timeout, a
    /// template format overshare does not read that names a tracker…).
    #[arg(long)]
    fail_on_skipped: bool,
    /// Also write the SARIF report to FILE (one scan for annotations and code scanning).
    #[arg(long, value_name = "FILE")]
    sarif_file: Option<PathBuf>,
    /// Report only findings not recorded in this baseline (see --write-baseline).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record today's findings in FILE, to adopt overshare on existing code; exits 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only findings whose sink or source is on a line changed since this git revision.
    #[arg(long, value_name = "REV")]
    diff_base: Option<String>,
    /// Read the form fields templates declare from this whole folder, not only the paths given
    /// (for pre-commit, which passes only the staged files).
    #[arg(long, value_name = "DIR")]
    facts_from: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(*args),
        Command::Rules { sdks } => {
            let mut out = String::new();
            if sdks {
                // The catalog the current folder's configuration makes: built-in SDKs and its
                // `[[sink]]` entries.
                let ws = Workspace::new(
                    std::env::current_dir().unwrap_or_default(),
                    Options::default(),
                );
                let settings = match ws.settings_for(std::path::Path::new(".")) {
                    Ok(s) => s,
                    Err(e) => return config_error(&e),
                };
                let cat = &settings.catalog;
                let mut all: Vec<_> = cat.sdks.all.iter().collect();
                all.sort_by(|a, b| a.id.cmp(&b.id));
                let rows: Vec<[&str; 4]> = all
                    .iter()
                    .map(|s| [s.id.as_str(), s.class.as_str(), s.name.as_str(), &s.docs])
                    .collect();
                out = columns(&[&["id", "class", "name", "docs"]], &rows);
            } else {
                for r in lints::rules() {
                    out.push_str(&format!(
                        "{}  (since {})\n  severity: {}\n  {}\n",
                        r.id,
                        r.since,
                        r.severity.describe(),
                        r.summary
                    ));
                }
            }
            print_out(&out)
        }
        Command::Lsp => match overshare::lsp::run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: language server: {e}");
                ExitCode::from(2)
            }
        },
        Command::Init { force } => {
            let path = PathBuf::from(overshare::config::FILE_NAME);
            if path.exists() && !force {
                eprintln!(
                    "error: {} exists; use --force to overwrite it",
                    path.display()
                );
                return ExitCode::from(2);
            }
            match std::fs::write(&path, overshare::config::starter()) {
                Ok(()) => {
                    println!("wrote {}", path.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: cannot write {}: {e}", path.display());
                    ExitCode::from(2)
                }
            }
        }
        Command::Explain { rule } => match lints::find(&rule) {
            Some(r) => print_out(r.docs),
            None => {
                let ids: Vec<&str> = lints::rules().map(|r| r.id).collect();
                eprintln!("error: unknown rule `{rule}`; rules: {}", ids.join(", "));
                ExitCode::from(2)
            }
        },
    }
}

/// A configuration error rendered with the file's name in the snippet header.
struct NamedConfigError<'a>(&'a overshare::config::ConfigError);

impl std::fmt::Debug for NamedConfigError<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl std::fmt::Display for NamedConfigError<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for NamedConfigError<'_> {}

impl miette::Diagnostic for NamedConfigError<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        miette::Diagnostic::code(self.0)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        miette::Diagnostic::help(self.0)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        miette::Diagnostic::source_code(self.0)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        miette::Diagnostic::labels(self.0)
    }
}

/// Rows aligned in columns as wide as their widest cell (in characters), two spaces apart; the
/// last column is not padded.
fn columns(header: &[&[&str; 4]], rows: &[[&str; 4]]) -> String {
    let all: Vec<&[&str; 4]> = header.iter().copied().chain(rows.iter()).collect();
    let width = |i: usize| all.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let widths = [width(0), width(1), width(2)];
    let mut out = String::new();
    for r in all {
        for (i, w) in widths.iter().enumerate() {
            out.push_str(r[i]);
            out.push_str(&" ".repeat(w - r[i].chars().count() + 2));
        }
        out.push_str(r[3]);
        out.push('\n');
    }
    out
}

fn print_out(s: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(s.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

fn check(args: CheckArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    for p in &paths {
        if !p.exists() {
            eprintln!("error: path `{}` does not exist", p.display());
            return ExitCode::from(2);
        }
    }
    let defaults = Options::default();
    let threads = args.threads.unwrap_or(defaults.threads).max(1);
    let opts = Options {
        walk: WalkOptions {
            no_ignore: args.no_ignore,
            exclude: args.exclude,
            include: args.include,
            threads,
        },
        threads,
        prefilter: !args.no_prefilter,
        max_file_size: args.max_file_size,
        file_timeout: Duration::from_secs(args.file_timeout.max(1)),
        facts_root: args.facts_from.clone(),
        // Only a scan of all the code can tell that a configured sink is never called.
        complete_scan: args.diff_base.is_none(),
    };
    // Paths are the user's, relative to the folder the command runs in.
    let base = match std::env::current_dir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot read the working folder: {e}");
            return ExitCode::from(2);
        }
    };
    let mut ws = Workspace::new(base, opts);
    // The configuration: named, else the nearest to each file.
    if let Some(p) = &args.config {
        if !p.is_file() {
            eprintln!("error: configuration `{}` does not exist", p.display());
            return ExitCode::from(2);
        }
        ws = match ws.with_config(p) {
            Ok(ws) => ws,
            Err(e) => return config_error(&e),
        };
    }
    // The `[files]` of the configuration governing the first path shape the walk.
    match ws.settings_for(&paths[0]) {
        Ok(s) => {
            if let Some(c) = &s.config {
                ws.options
                    .walk
                    .exclude
                    .extend(c.config.files.exclude.iter().cloned());
                ws.options
                    .walk
                    .include
                    .extend(c.config.files.include.iter().cloned());
            }
        }
        Err(e) => return config_error(&e),
    }
    let ws = std::sync::Arc::new(ws);
    let started = Instant::now();
    let report = match ws.check_paths(&paths) {
        Ok(r) => r,
        Err(RunError::Config(e)) => return config_error(&e),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut report = report;
    if let Some(path) = &args.write_baseline {
        return match overshare::baseline::write(path, &report.findings) {
            Ok(()) => {
                eprintln!(
                    "wrote {} findings to {}",
                    report.findings.len(),
                    path.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        };
    }
    if let Some(path) = &args.baseline {
        match overshare::baseline::read(path) {
            Ok(b) => {
                let total = report.findings.len();
                let (kept, gone) =
                    overshare::baseline::filter(std::mem::take(&mut report.findings), &b);
                eprintln!(
                    "baseline {}: {} known findings hidden, {gone} recorded findings are gone (fixed)",
                    path.display(),
                    total - kept.len()
                );
                report.findings = kept;
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(rev) = &args.diff_base {
        match overshare::changed::Changed::since(rev) {
            Ok(changed) => report.findings.retain(|f| {
                changed.touches(&f.file, f.sink.start.line)
                    || f.source.as_ref().is_some_and(|s| {
                        changed.touches(s.file.as_deref().unwrap_or(&f.file), s.start.line)
                    })
            }),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(path) = &args.sarif_file {
        if let Err(e) = std::fs::write(path, overshare::report::sarif::render(&report)) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    let out = match args.format {
        Format::Json => json::render(&report),
        Format::Sarif => overshare::report::sarif::render(&report),
        Format::Github => overshare::report::lines::github(&report),
        Format::Compact => overshare::report::lines::compact(&report),
        Format::Text => {
            let color = match args.color.as_str() {
                "always" => true,
                "never" => false,
                _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            };
            let width = if color { 120 } else { 100 };
            text::render(&report, &text::TextOptions { color, width })
        }
    };
    if !matches!(print_out(&out), ExitCode::SUCCESS) {
        return ExitCode::from(2);
    }
    let mut err = std::io::stderr().lock();
    if matches!(args.format, Format::Text) {
        let _ = writeln!(err, "{}", text::summary(&report, started.elapsed()));
        let _ = write!(err, "{}", text::not_analysed(&report));
    }
    // A run that read nothing must not look like a clean pass, whatever the format (stdout
    // stays a valid report).
    if report.files_scanned == 0 {
        let walk_opts = ws.options.walk.clone();
        let left = overshare::walk::left_out(&paths, &walk_opts);
        let named: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
        let _ = writeln!(
            err,
            "warning: nothing to scan in {}: no JavaScript, TypeScript, HTML, component or template file was selected. Left out: {}.",
            named.join(", "),
            left.describe()
        );
    }
    let threshold = match args.fail_on {
        FailOn::Info => overshare::report::Severity::Info,
        FailOn::Warning => overshare::report::Severity::Warning,
        FailOn::Error => overshare::report::Severity::Error,
    };
    let skipped_fail = args.fail_on_skipped && !report.not_analysed.is_empty();
    if skipped_fail || report.findings.iter().any(|f| f.severity >= threshold) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// An invalid configuration, rendered with its file's name and the place of the error.
fn config_error(e: &overshare::config::ConfigError) -> ExitCode {
    let mut out = String::new();
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    let _ = handler.render_report(&mut out, &NamedConfigError(e));
    eprint!("{out}");
    ExitCode::from(2)
}
