//! Fixture tests. Every file under `test-fixtures/` is scanned and checked two ways:
//! - against the `expect:` markers written by hand in the file: each finding's sink line carries
//!   `expect: <category> <sdk>` (comma-separated when several); files without markers must
//!   produce no finding;
//! - against the directory's `expected.txt` snapshot of the full findings (messages, sources,
//!   steps), reviewed by hand. Regenerate with `OVERSHARE_BLESS=1 cargo test --test fixtures`.
//!
//! - against the directory's `expected-text.txt` snapshot of the terminal report (no colour),
//!   so what a user reads is reviewed too (markers, snippets from other files, help lines).
//!
//! Every check also runs with the prefilter off and must give the same findings.

use overshare::check_text;
use overshare::report::{text, Finding, Report};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test-fixtures")
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if overshare::kinds::of_path(&p).is_some_and(|k| k.is_read()) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// line -> sorted list of "category sdk"
fn markers(text: &str) -> BTreeMap<u32, Vec<String>> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(pos) = line.find("expect:") {
            let rest = &line[pos + "expect:".len()..];
            let rest = rest.split("-->").next().unwrap_or(rest);
            let mut items: Vec<String> = rest
                .split(',')
                .map(|s| s.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
                .filter(|s| !s.is_empty())
                .collect();
            items.sort();
            out.insert(i as u32 + 1, items);
        }
    }
    out
}

fn actual(findings: &[Finding]) -> BTreeMap<u32, Vec<String>> {
    let mut out: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for f in findings {
        out.entry(f.sink.start.line).or_default().push(format!(
            "{} {}",
            f.category_or_group(),
            f.sdk_id()
        ));
    }
    for v in out.values_mut() {
        v.sort();
    }
    out
}

fn render(findings: &[Finding]) -> String {
    let mut s = String::new();
    for f in findings {
        let _ = writeln!(
            s,
            "{}:{}:{}: {} {} [{} -> {}] {}",
            f.file,
            f.sink.start.line,
            f.sink.start.column,
            f.severity.as_str(),
            f.rule,
            f.category_or_group(),
            f.sdk_id(),
            f.message
        );
        if let Some(src) = &f.source {
            let _ = writeln!(
                s,
                "    source {}:{} `{}`",
                src.start.line,
                src.start.column,
                src.expr.as_deref().unwrap_or("")
            );
        }
        for step in &f.flow {
            let _ = writeln!(
                s,
                "    step {}:{} {}",
                step.at.start.line, step.at.start.column, step.note
            );
        }
    }
    s
}

/// Compares `text` with the snapshot file `path`, or rewrites it under `OVERSHARE_BLESS`.
fn snapshot(path: &Path, text: &str, failures: &mut Vec<String>) {
    if std::env::var_os("OVERSHARE_BLESS").is_some() {
        std::fs::write(path, text).unwrap();
        return;
    }
    let old = std::fs::read_to_string(path).unwrap_or_default();
    if old != text {
        failures.push(format!(
            "{} is out of date (review the change, then OVERSHARE_BLESS=1 cargo test --test fixtures):\n{}",
            path.display(),
            diff(&old, text)
        ));
    }
}

/// The terminal report as `overshare check --color never` prints it on stdout.
fn render_text(report: &Report) -> String {
    text::render(
        report,
        &text::TextOptions {
            color: false,
            width: 100,
        },
    )
}

fn check_dir(name: &str) {
    let dir = root().join(name);
    let mut failures = Vec::new();
    let mut snapshot_text = String::new();
    let mut report = Report::default();
    let files = files_under(&dir);
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    for path in &files {
        let rel = path
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        }; // binary/latin1 inputs: see cli tests
        let with = check_text(&rel, &text, true);
        let without = check_text(&rel, &text, false);
        // No input may crash the analysis, whatever else it does (`parser-panic.jsx` is a known
        // crash inside the parser, reported and survived).
        for e in with.errors.iter().chain(&without.errors) {
            if e.reason == overshare::not_analysed::Reason::InternalError
                && !rel.contains("parser-panic")
            {
                failures.push(format!("{rel}: {}", e.message));
            }
        }
        if render(&with.findings) != render(&without.findings) {
            failures.push(format!(
                "{rel}: findings differ with and without the prefilter"
            ));
        }
        let (want, got) = (markers(&text), actual(&without.findings));
        if want != got {
            failures.push(format!(
                "{rel}: expected {want:?}\n      got      {got:?}\n{}",
                render(&without.findings)
            ));
        }
        snapshot_text.push_str(&render(&without.findings));
        for e in &without.errors {
            let _ = writeln!(
                snapshot_text,
                "{rel}: error: {} ({})",
                e.message,
                e.reason.id()
            );
        }
        if !without.findings.is_empty() {
            report.texts.insert(rel.clone(), text.as_str().into());
        }
        report.texts.extend(without.linked);
        report.findings.extend(without.findings);
    }
    snapshot(&dir.join("expected.txt"), &snapshot_text, &mut failures);
    snapshot(
        &dir.join("expected-text.txt"),
        &render_text(&report),
        &mut failures,
    );
    assert!(
        failures.is_empty(),
        "{} fixture failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn diff(old: &str, new: &str) -> String {
    let o: std::collections::BTreeSet<&str> = old.lines().collect();
    let n: std::collections::BTreeSet<&str> = new.lines().collect();
    let mut s = String::new();
    for l in o.difference(&n) {
        let _ = writeln!(s, "- {l}");
    }
    for l in n.difference(&o) {
        let _ = writeln!(s, "+ {l}");
    }
    s
}

/// A project fixture: the whole folder is scanned as one project, so fields declared in one
/// file are known to scripts in another; markers are checked in every file.
fn check_project(name: &str) {
    let dir = root().join("projects").join(name);
    let opts = overshare::Options {
        threads: 2,
        ..Default::default()
    };
    let scan = |opts: overshare::Options| {
        std::sync::Arc::new(overshare::Workspace::new(env!("CARGO_MANIFEST_DIR"), opts))
            .check_paths(std::slice::from_ref(&dir))
            .unwrap()
    };
    let report = scan(opts.clone());
    let full = scan(overshare::Options {
        prefilter: false,
        ..opts
    });
    let mut failures = Vec::new();
    if render(&report.findings) != render(&full.findings) {
        failures.push(format!(
            "{name}: findings differ with and without the prefilter"
        ));
    }
    // Paths in the text snapshot are relative to the fixtures folder, as a user would name them.
    let mut relative = Report::default();
    let prefix = format!("{}/", root().display());
    let rel = |p: &str| p.strip_prefix(&prefix).unwrap_or(p).to_string();
    for f in &report.findings {
        let mut f = f.clone();
        f.file = rel(&f.file);
        // Messages name the file that declares a field: as the user named it, too.
        f.message = f.message.replace(&prefix, "");
        if let Some(s) = &mut f.source {
            s.file = s.file.as_deref().map(rel);
        }
        for step in &mut f.flow {
            step.at.file = step.at.file.as_deref().map(rel);
        }
        relative.findings.push(f);
    }
    relative.texts = report
        .texts
        .iter()
        .map(|(k, v)| (rel(k), v.clone()))
        .collect();
    snapshot(
        &dir.join("expected-text.txt"),
        &render_text(&relative),
        &mut failures,
    );
    for path in files_under(&dir) {
        let display = path.to_string_lossy().into_owned();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let mine: Vec<Finding> = report
            .findings
            .iter()
            .filter(|f| f.file == display)
            .cloned()
            .collect();
        let (want, got) = (markers(&text), actual(&mine));
        if want != got {
            failures.push(format!(
                "{display}: expected {want:?}\n      got      {got:?}\n{}",
                render(&mine)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn project_fixtures() {
    for e in std::fs::read_dir(root().join("projects")).unwrap() {
        let e = e.unwrap();
        // A project with its own overshare.toml is checked through the CLI (tests/cli.rs).
        if e.path().is_dir() && !e.path().join("overshare.toml").exists() {
            check_project(&e.file_name().to_string_lossy());
        }
    }
}

#[test]
fn data_to_tracker_fixtures() {
    check_dir("data-to-tracker");
}

#[test]
fn demo_shop() {
    check_dir("demo-shop");
}

#[test]
fn enough_fixtures() {
    let files = files_under(&root().join("data-to-tracker"));
    let bad = files
        .iter()
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("bad-"))
        .count();
    let ok = files
        .iter()
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("ok-"))
        .count();
    assert!(bad >= 30 && ok >= 20, "{bad} bad and {ok} ok fixtures");
}

#[test]
fn robustness_inputs() {
    check_dir("robustness");
}

#[test]
fn template_fixtures() {
    check_dir("templates");
}

#[test]
fn framework_fixtures() {
    check_dir("frameworks");
}

/// Idioms of real front-end code (reduced from the first half of `bench/realworld/`).
#[test]
fn real_idiom_fixtures() {
    check_dir("real-idioms");
}

#[test]
fn suppression_fixtures() {
    check_dir("suppressions");
}
