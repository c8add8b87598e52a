//! One line per finding: `--format compact` (`file:line:col: severity rule message`, what editors'
//! problem matchers and grep read) and `--format github` (workflow commands that become pull
//! request annotations). Files not analysed follow the findings in both.

use super::{Report, Severity};

/// GitHub shows at most 10 warning annotations per step: the not-analysed ones take at most 5,
/// and a summary says how many there are in all.
pub const GITHUB_NOT_ANALYSED_ANNOTATIONS: usize = 5;

pub fn compact(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        out.push_str(&format!(
            "{}:{}:{}: {} {} {}\n",
            f.file,
            f.sink.start.line,
            f.sink.start.column,
            f.severity.as_str(),
            f.rule,
            f.message
        ));
    }
    for n in &report.not_analysed {
        out.push_str(&format!(
            "{}:1:1: warning not-analysed {}: {}\n",
            n.file,
            n.reason.id(),
            n.message
        ));
    }
    out
}

/// Workflow-command escaping: data and property values have different rules.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn github(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(&f.file),
            f.sink.start.line,
            f.sink.start.column,
            f.sink.end.line,
            f.sink.end.column,
            escape_property(&format!("overshare {}", f.rule)),
            escape_data(&f.message)
        ));
    }
    let title = escape_property("overshare: not analysed");
    for n in report
        .not_analysed
        .iter()
        .take(GITHUB_NOT_ANALYSED_ANNOTATIONS)
    {
        out.push_str(&format!(
            "::warning file={},title={title}::{}\n",
            escape_property(&n.file),
            escape_data(&format!("{} ({})", n.message, n.reason.id()))
        ));
    }
    if !report.not_analysed.is_empty() {
        let shown = report
            .not_analysed
            .len()
            .min(GITHUB_NOT_ANALYSED_ANNOTATIONS);
        out.push_str(&format!(
            "::warning title={title}::{}; findings in them are not reported.{}\n",
            escape_data(&crate::not_analysed::summary(&report.not_analysed)),
            if shown < report.not_analysed.len() {
                format!(
                    " {shown} are annotated; the SARIF report or `overshare check --format json` lists all {}.",
                    report.not_analysed.len()
                )
            } else {
                String::new()
            }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_runner_expects() {
        assert_eq!(escape_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
