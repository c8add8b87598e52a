//! The terminal report: miette's graphical diagnostics with the sink, the source and the steps
//! between labelled in the source, then a summary line.

use super::{Finding, Report, Severity};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan,
};
use std::fmt;
use std::sync::Arc;

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: NamedSource<Arc<str>>,
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

fn span(s: crate::source::ByteSpan) -> SourceSpan {
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
        // Parts of the flow in other files cannot be drawn in this file's snippet: list them.
        let mut lines = Vec::new();
        let elsewhere = |s: &super::SpanRef| s.file.as_deref().is_some_and(|x| x != f.file);
        if let Some(src) = f.source.as_ref().filter(|s| elsewhere(s)) {
            lines.push(format!(
                "read at {}:{}:{} `{}`",
                src.file.as_deref().unwrap_or(""),
                src.start.line,
                src.start.column,
                src.expr.as_deref().unwrap_or("")
            ));
        }
        for step in f.flow.iter().filter(|s| elsewhere(&s.at)) {
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
        // Only what lies in this file can be drawn in its snippet; `help` lists the rest.
        let here = |s: &super::SpanRef| s.file.as_deref().is_none_or(|x| x == f.file);
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(f.sink_label.clone()),
            span(f.sink.span),
        )];
        if let Some(s) = f.source.as_ref().filter(|s| here(s)) {
            labels.push(LabeledSpan::new_with_span(
                Some(f.source_label.clone()),
                span(s.span),
            ));
        }
        for step in f.flow.iter().filter(|s| here(&s.at)) {
            let inside_other = labels.iter().any(|l| {
                let (a, b) = (l.offset(), l.offset() + l.len());
                (step.at.span.start as usize) >= a && (step.at.span.end as usize) <= b
            });
            if !inside_other {
                labels.push(LabeledSpan::new_with_span(
                    Some(step.note.clone()),
                    span(step.at.span),
                ));
            }
        }
        Some(Box::new(labels.into_iter()))
    }
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
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false);
    let mut out = String::new();
    for f in &report.findings {
        let text = report
            .texts
            .get(&f.file)
            .cloned()
            .unwrap_or_else(|| Arc::from(""));
        let diag = FindingDiagnostic {
            finding: f,
            source: NamedSource::new(&f.file, text).with_language("javascript"),
        };
        let _ = handler.render_report(&mut out, &diag);
        out.push('\n');
    }
    out
}

/// The closing line: counts by severity and how much was scanned.
pub fn summary(report: &Report, elapsed: std::time::Duration) -> String {
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    let n = report.findings.len();
    format!(
        "{n} finding{} ({errors} error{}, {warnings} warning{}) in {} files scanned, {} parsed, {} skipped with errors, in {:.0} ms",
        if n == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
        report.files_scanned,
        report.files_parsed,
        report.errors.iter().map(|e| &e.file).collect::<std::collections::BTreeSet<_>>().len(),
        elapsed.as_secs_f64() * 1000.0
    )
}
