//! The terminal report: miette's graphical diagnostics with the sink, the source and the steps
//! between labelled in the source, then a summary line.

use super::{plural, Finding, Report, Severity, SpanRef};
use crate::source::ByteSpan;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan,
};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    text: Arc<str>,
    source: NamedSource<Arc<str>>,
    /// Snippets of the other files the flow passes through.
    others: Vec<OtherFile>,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

fn span(s: ByteSpan) -> SourceSpan {
    SourceSpan::new((s.start as usize).into(), s.len() as usize)
}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("overshare({})", self.finding.rule)))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let f = self.finding;
        let mut lines = Vec::new();
        // Steps in a file whose text is not at hand cannot be drawn: list them.
        let f_file = f.file.as_str();
        for step in f.flow.iter().filter(|s| {
            let file = s.at.file.as_deref().unwrap_or(f_file);
            file != f_file && !self.others.iter().any(|o| o.file == file)
        }) {
            lines.push(format!(
                "{} at {}:{}",
                step.note,
                step.at.file.as_deref().unwrap_or(""),
                step.at.start.line
            ));
        }
        if let Some(h) = &f.help {
            lines.push(h.clone());
        }
        (!lines.is_empty()).then(|| Box::new(lines.join("\n")) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let f = self.finding;
        let mut marks: Vec<(Option<String>, ByteSpan)> = Vec::new();
        let source = f.source.as_ref().filter(|s| in_file(s, &f.file, &f.file));
        if let Some(s) = source {
            marks.push((Some(f.source_label.clone()), s.span));
        }
        marks.extend(steps_in(f, &f.file));
        let primary = (f.sink_label.clone(), f.sink.span);
        Some(Box::new(
            labels(&self.text, primary, marks, source.is_some()).into_iter(),
        ))
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        (!self.others.is_empty())
            .then(|| Box::new(self.others.iter().map(|o| o as &dyn Diagnostic)) as Box<_>)
    }
}

/// True when `s` lies in `file` (`finding_file` is where spans without a file are).
fn in_file(s: &SpanRef, finding_file: &str, file: &str) -> bool {
    s.file.as_deref().unwrap_or(finding_file) == file
}

/// The flow's steps that lie in `file`, as labels.
fn steps_in<'f>(
    f: &'f Finding,
    file: &'f str,
) -> impl Iterator<Item = (Option<String>, ByteSpan)> + 'f {
    f.flow
        .iter()
        .filter(move |s| in_file(&s.at, &f.file, file))
        .map(|s| (Some(s.note.clone()), s.at.span))
}

/// The labels of one snippet: a primary one (the sink, or the source in another file's
/// snippet), then the source and the steps. miette cannot draw two labels on the same
/// characters of a line (it would put the inner marker after the outer span), so where two
/// labels nest on one line the outer one is shortened to the part before the inner one (or
/// after it); a step inside another label, or on the same code, is dropped instead.
fn labels(
    text: &str,
    primary: (String, ByteSpan),
    marks: Vec<(Option<String>, ByteSpan)>,
    source_first: bool,
) -> Vec<LabeledSpan> {
    let one_line = |s: ByteSpan| {
        text.get(s.start as usize..s.end as usize)
            .is_some_and(|t| !t.contains('\n'))
    };
    let inside = |inner: ByteSpan, outer: ByteSpan| {
        inner.start >= outer.start && inner.end <= outer.end && inner != outer
    };
    let overlap = |a: ByteSpan, b: ByteSpan| a.start < b.end && b.start < a.end;
    // (text, span); the primary is first, the source (when `source_first`) second.
    let mut kept: Vec<(Option<String>, ByteSpan)> = vec![(Some(primary.0), primary.1)];
    for (i, (label, span)) in marks.into_iter().enumerate() {
        let is_step = !(source_first && i == 0);
        let mut drop = false;
        for (_, k) in kept.iter_mut() {
            if *k == span || (is_step && inside(span, *k)) {
                drop = true;
                break;
            }
            if inside(span, *k) {
                if one_line(*k) {
                    *k = shorten(*k, span);
                }
            } else if !inside(*k, span) && overlap(span, *k) && one_line(span) && one_line(*k) {
                drop = true; // a partial overlap on one line cannot be drawn
                break;
            }
        }
        if drop {
            continue;
        }
        let mut span = span;
        if one_line(span) {
            for (_, k) in &kept {
                if inside(*k, span) {
                    span = shorten(span, *k);
                }
            }
        }
        if span.start < span.end {
            kept.push((label, span));
        }
    }
    let mut kept = kept.into_iter();
    let (label, main) = kept.next().expect("the primary label");
    let mut out = vec![LabeledSpan::new_primary_with_span(label, span(main))];
    out.extend(kept.map(|(t, k)| LabeledSpan::new_with_span(t, span(k))));
    out
}

/// `outer` without `inner`: the part before it, or after it when nothing is before.
fn shorten(outer: ByteSpan, inner: ByteSpan) -> ByteSpan {
    if inner.start > outer.start {
        ByteSpan::new(outer.start, inner.start)
    } else {
        ByteSpan::new(inner.end, outer.end)
    }
}

/// A part of a flow in another file than the sink's: the source read in a form module while
/// the SDK call is in a tracking module. Drawn as its own labelled snippet of that file.
struct OtherFile {
    file: String,
    title: String,
    source: NamedSource<Arc<str>>,
    labels: Vec<LabeledSpan>,
}

impl fmt::Debug for OtherFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title)
    }
}

impl fmt::Display for OtherFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title)
    }
}

impl std::error::Error for OtherFile {}

impl Diagnostic for OtherFile {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.clone().into_iter()))
    }
}

/// The snippets of the files, other than the sink's, that the flow passes through and whose
/// text the report holds: the source's file first, then the steps' files in flow order.
fn other_files(f: &Finding, texts: &BTreeMap<String, Arc<str>>) -> Vec<OtherFile> {
    let mut files: Vec<&str> = Vec::new();
    let source_file = f.source.as_ref().and_then(|s| s.file.as_deref());
    for file in source_file
        .into_iter()
        .chain(f.flow.iter().filter_map(|s| s.at.file.as_deref()))
    {
        if file != f.file && !files.contains(&file) && texts.contains_key(file) {
            files.push(file);
        }
    }
    files
        .into_iter()
        .map(|file| {
            let text = texts[file].clone();
            let mut steps: Vec<(Option<String>, ByteSpan)> = steps_in(f, file).collect();
            let labels = match f.source.as_ref().filter(|s| in_file(s, &f.file, file)) {
                Some(src) => labels(&text, (f.source_label.clone(), src.span), steps, false),
                None => {
                    let (t, first) = steps.remove(0);
                    labels(&text, (t.unwrap_or_default(), first), steps, false)
                }
            };
            let title = match f.source.as_ref().filter(|s| in_file(s, &f.file, file)) {
                Some(_) => format!(
                    "{} is read in {file}",
                    f.source_label.trim_end_matches(" read here")
                ),
                None => format!("the data passes through {file}"),
            };
            OtherFile {
                file: file.to_string(),
                title,
                source: NamedSource::new(file, text).with_language("javascript"),
                labels,
            }
        })
        .collect()
}

pub struct TextOptions {
    pub color: bool,
    pub width: usize,
}

pub fn render(report: &Report, opts: &TextOptions) -> String {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    // Words are never broken: a wrapped line never splits an identifier or a command.
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false)
        .with_break_words(false);
    let mut out = String::new();
    for f in &report.findings {
        let text = report
            .texts
            .get(&f.file)
            .cloned()
            .unwrap_or_else(|| Arc::from(""));
        let diag = FindingDiagnostic {
            finding: f,
            text: text.clone(),
            source: NamedSource::new(&f.file, text).with_language("javascript"),
            others: other_files(f, &report.texts),
        };
        let _ = handler.render_report(&mut out, &diag);
        out.push('\n');
    }
    out
}

/// The closing line: counts by severity and how much was scanned.
pub fn summary(report: &Report, elapsed: std::time::Duration) -> String {
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let mut by = vec![
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
    ];
    if count(Severity::Info) > 0 {
        by.push(format!("{} info", count(Severity::Info)));
    }
    let not_analysed = if report.not_analysed.is_empty() {
        String::new()
    } else {
        let files: std::collections::BTreeSet<&str> = report
            .not_analysed
            .iter()
            .map(|n| n.file.as_str())
            .collect();
        format!(", {} not analysed", files.len())
    };
    format!(
        "{} ({}) in {} scanned, {} parsed{not_analysed}, in {:.0} ms",
        plural(report.findings.len(), "finding"),
        by.join(", "),
        plural(report.files_scanned, "file"),
        report.files_parsed,
        elapsed.as_secs_f64() * 1000.0
    )
}

/// How many files the text report lists by name before it says how many more there are.
pub const NOT_ANALYSED_LISTED: usize = 50;

/// The files not analysed, under the summary: a header, then `file: why` lines.
pub fn not_analysed(report: &Report) -> String {
    let records = &report.not_analysed;
    if records.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "warning: {}; findings in them are not reported:\n",
        crate::not_analysed::summary(records)
    );
    for n in records.iter().take(NOT_ANALYSED_LISTED) {
        out.push_str(&format!("  {}: {}\n", n.file, n.message));
    }
    if records.len() > NOT_ANALYSED_LISTED {
        out.push_str(&format!(
            "  … and {} more (`--format json` lists them all)\n",
            records.len() - NOT_ANALYSED_LISTED
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{SpanRef, StepRef};
    use crate::source::LineIndex;

    fn at(text: &str, needle: &str) -> ByteSpan {
        let start = text.find(needle).expect("needle in text") as u32;
        ByteSpan::new(start, start + needle.len() as u32)
    }

    fn finding(file: &str, text: &str, sink: &str, source: &str) -> Finding {
        let mut f = Finding {
            rule: "data-to-tracker",
            severity: Severity::Error,
            message: "email address from element #email is sent to Meta Pixel".into(),
            file: file.into(),
            sink: SpanRef::new(at(text, sink)),
            source: Some(SpanRef::new(at(text, source))),
            sink_label: "sent to Meta Pixel (key em)".into(),
            source_label: "email address read here".into(),
            help: Some("send only what Meta Pixel needs, after consent\nsee `overshare explain data-to-tracker`".into()),
            ..Default::default()
        };
        f.resolve(&LineIndex::new(text));
        f
    }

    fn report(findings: Vec<Finding>, texts: &[(&str, &str)]) -> Report {
        Report {
            findings,
            texts: texts
                .iter()
                .map(|(f, t)| (f.to_string(), Arc::from(*t)))
                .collect(),
            ..Default::default()
        }
    }

    fn plain(r: &Report, width: usize) -> String {
        render(
            r,
            &TextOptions {
                color: false,
                width,
            },
        )
    }

    /// The column (in characters) of the marker line that ends in `label`.
    fn marker_column(out: &str, label: &str) -> usize {
        let line = out
            .lines()
            .find(|l| l.ends_with(label))
            .expect("label drawn");
        line.chars().position(|c| c == '╰').unwrap()
    }

    #[test]
    fn the_source_marker_sits_on_the_source_inside_the_call() {
        let text = "fbq('init', '1', { em: document.getElementById('email').value });\n";
        let src = "document.getElementById('email').value";
        let r = report(
            vec![finding("a.js", text, text.trim_end(), src)],
            &[("a.js", text)],
        );
        let out = plain(&r, 100);
        let code = out.lines().find(|l| l.contains("fbq('init'")).unwrap();
        let offset = code.find("fbq").unwrap(); // bytes = chars before the code here
        let code_col = code[..offset].chars().count();
        let col = marker_column(&out, "email address read here");
        assert!(
            (code_col + 23..code_col + 23 + src.len()).contains(&col),
            "marker at {col}, source at {}..{}:\n{out}",
            code_col + 23,
            code_col + 23 + src.len()
        );
        let sink_col = marker_column(&out, "sent to Meta Pixel (key em)");
        assert!(sink_col < code_col + 23, "{out}");
    }

    #[test]
    fn a_source_in_another_file_is_its_own_snippet() {
        let sink_text = "export function t(email) {\n  fbq('track', 'Lead', { em: email });\n}\n";
        let src_text = "const email = document.getElementById('email').value;\nt(email);\n";
        let mut f = finding(
            "track.js",
            sink_text,
            "fbq('track', 'Lead', { em: email })",
            "email",
        );
        let src_span = at(src_text, "document.getElementById('email').value");
        let idx = LineIndex::new(src_text);
        f.source = Some(SpanRef {
            file: Some("form.js".into()),
            span: src_span,
            start: idx.line_col(src_span.start),
            end: idx.line_col(src_span.end),
            expr: None,
        });
        let mut step = StepRef::new(at(src_text, "t(email)"), "passed to t()".into());
        step.at.file = Some("form.js".into());
        step.at.resolve(&idx);
        f.flow.push(step);
        let r = report(vec![f], &[("track.js", sink_text), ("form.js", src_text)]);
        let out = plain(&r, 100);
        assert!(out.contains("email address is read in form.js"), "{out}");
        assert!(out.contains("╭─[form.js:1:15]"), "{out}");
        assert!(out.contains("╰── passed to t()"), "{out}");
        assert!(
            !out.contains("read at form.js"),
            "no help line for it: {out}"
        );
    }

    #[test]
    fn help_never_breaks_inside_the_command() {
        let text = "fbq('init', '1', { em: email });\n";
        let mut f = finding("a.js", text, text.trim_end(), "email");
        f.help = Some("send only what Adobe Experience Platform Web SDK (alloy) needs, after consent\nsee `overshare explain data-to-tracker`".into());
        let out = plain(&report(vec![f], &[("a.js", text)]), 60);
        assert!(
            out.lines()
                .any(|l| l.contains("`overshare explain data-to-tracker`")),
            "{out}"
        );
    }

    #[test]
    fn summary_uses_singular_and_plural() {
        let text = "fbq('init', '1', { em: email });\n";
        let mut r = report(vec![finding("a.js", text, text.trim_end(), "email")], &[]);
        r.files_scanned = 1;
        r.files_parsed = 1;
        let s = summary(&r, std::time::Duration::ZERO);
        assert!(
            s.starts_with("1 finding (1 error, 0 warnings) in 1 file scanned, 1 parsed"),
            "{s}"
        );
        r.not_analysed.push(crate::report::NotAnalysed::new(
            "b.js",
            crate::report::Reason::ParseError,
            "parse error at 1:1: x",
        ));
        assert!(summary(&r, std::time::Duration::ZERO).contains(", 1 not analysed,"));
        assert_eq!(
            not_analysed(&r),
            "warning: 1 file not analysed (1 parse-error); findings in them are not reported:\n  b.js: parse error at 1:1: x\n"
        );
    }
}
