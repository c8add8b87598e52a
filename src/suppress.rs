//! Suppression comments: `overshare-ignore-next-line <rule>[, <rule>] -- <reason>` on the line
//! before a finding, and `overshare-ignore-file [<rule>] -- <reason>` anywhere in a file, in
//! whatever comment syntax the file's language has (`//`, `/* */`, `<!-- -->`, `{# #}`,
//! `<%# %>`, `{{! }}`). A directive without a reason, and one that suppresses nothing, are
//! findings of their own, so suppressions stay accountable.

use crate::report::{Finding, SpanRef};
use crate::source::{ByteSpan, LineIndex};

pub const NEXT_LINE: &str = "overshare-ignore-next-line";
pub const FILE: &str = "overshare-ignore-file";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub span: ByteSpan,
    /// 1-based line of the directive.
    pub line: u32,
    pub whole_file: bool,
    /// Rule ids it names; empty means every rule.
    pub rules: Vec<String>,
    pub reason: Option<String>,
}

/// Comment closers that may follow a directive on its line.
const CLOSERS: &[&str] = &["*/", "-->", "#}", "%>", "--}}", "}}", "*@", "?>"];

/// Finds every directive in a file's text.
pub fn directives(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    if !text.contains("overshare-ignore-") {
        return out;
    }
    let idx = LineIndex::new(text);
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        for (marker, whole_file) in [(NEXT_LINE, false), (FILE, true)] {
            let Some(pos) = line.find(marker) else {
                continue;
            };
            let after = &line[pos + marker.len()..];
            // `overshare-ignore-filed` is not a directive.
            if after.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_') {
                continue;
            }
            let mut body = after.trim_end_matches(['\n', '\r']).trim();
            // The directive ends where its comment does.
            if let Some(end) = CLOSERS.iter().filter_map(|c| body.find(c)).min() {
                body = body[..end].trim_end();
            }
            let (rules_part, reason) = match body.split_once("--") {
                Some((r, why)) => (r, Some(why.trim().to_string()).filter(|w| !w.is_empty())),
                None => (body, None),
            };
            let rules = rules_part
                .split([',', ' ', '\t'])
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(String::from)
                .collect();
            let start = (line_start + pos) as u32;
            let end = (line_start + line.trim_end_matches(['\n', '\r']).len()) as u32;
            out.push(Directive {
                span: ByteSpan::new(start, end),
                line: idx.line_col(start).line,
                whole_file,
                rules,
                reason,
            });
        }
        line_start += line.len();
    }
    out
}

impl Directive {
    fn covers(&self, f: &Finding) -> bool {
        let rule_ok = self.rules.is_empty() || self.rules.iter().any(|r| r == f.rule);
        if !rule_ok {
            return false;
        }
        if self.whole_file {
            return true;
        }
        let next = self.line + 1;
        f.sink.start.line == next || f.source.as_ref().is_some_and(|s| s.start.line == next)
    }
}

/// Drops the findings the directives cover and adds findings for directives that cover none or
/// give no reason (the rules of the registry that check directives say which).
pub fn apply(
    findings: Vec<Finding>,
    directives: &[Directive],
    file: &str,
    idx: &LineIndex,
) -> Vec<Finding> {
    if directives.is_empty() {
        return findings;
    }
    let mut used = vec![false; directives.len()];
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings {
        // A finding in a module this file imports is that module's to suppress.
        if f.file != file {
            kept.push(f);
            continue;
        }
        let mut suppressed = false;
        for (i, d) in directives.iter().enumerate() {
            if d.covers(&f) {
                used[i] = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(f);
        }
    }
    // The rules about directives themselves (unused, unknown rule, no reason) see each one.
    for (i, d) in directives.iter().enumerate() {
        let cx = crate::lints::DirectiveContext {
            directive: d,
            used: used[i],
            unknown_rule: d
                .rules
                .iter()
                .find(|r| crate::lints::find(r).is_none())
                .map(String::as_str),
        };
        for lint in crate::lints::LINTS {
            if let Some(message) = lint.check_directive(&cx) {
                let mut f = crate::lints::plain_finding(lint.rule(), message, file);
                f.sink = SpanRef::new(d.span);
                f.sink.start = idx.line_col(d.span.start);
                f.sink.end = idx.line_col(d.span.end);
                f.sink_label = "this directive".into();
                kept.push(f);
            }
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_directives_in_any_comment_syntax() {
        let text = "a\n// overshare-ignore-next-line data-to-tracker -- consented\nb\n<!-- overshare-ignore-file -->\n{# overshare-ignore-next-line data-to-tracker, unused-suppression #}\n";
        let d = directives(text);
        assert_eq!(d.len(), 3);
        assert_eq!(
            (d[0].line, d[0].rules.clone(), d[0].reason.clone()),
            (
                2,
                vec!["data-to-tracker".to_string()],
                Some("consented".into())
            )
        );
        assert!(d[1].whole_file && d[1].rules.is_empty() && d[1].reason.is_none());
        assert_eq!(d[2].rules, ["data-to-tracker", "unused-suppression"]);
        assert!(directives("overshare-ignore-filed").is_empty());
    }
}
