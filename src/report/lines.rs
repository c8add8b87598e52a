//! One line per finding: `--format compact` (`file:line:col: severity rule message`, what editors'
//! problem matchers and grep read) and `--format github` (workflow commands that become pull
//! request annotations).

use super::{Report, Severity};

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
