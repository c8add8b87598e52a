//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other consumers. One rule per
//! rule id, a result per finding with the source as a related location, the flow as a code
//! flow, and line-independent fingerprints so a finding keeps its identity when unrelated lines
//! move. GitHub's limits (25,000 results per run, 1,000 locations per flow) are respected.

use super::{Finding, Report, Severity, SpanRef};
use serde_json::{json, Value};

pub const MAX_RESULTS: usize = 25_000;
const MAX_FLOW_LOCATIONS: usize = 1_000;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn uri(file: &str) -> String {
    let f = file.replace('\\', "/");
    f.strip_prefix("./").unwrap_or(&f).to_string()
}

fn location(file: &str, s: &SpanRef, message: Option<&str>) -> Value {
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(s.file.as_deref().unwrap_or(file)) },
            "region": {
                "startLine": s.start.line.max(1),
                "startColumn": s.start.column.max(1),
                "endLine": s.end.line.max(s.start.line).max(1),
                "endColumn": s.end.column.max(1),
            }
        }
    });
    if let Some(m) = message {
        loc["message"] = json!({ "text": m });
    }
    loc
}

fn result(f: &Finding, rule_index: usize, occurrence: usize) -> Value {
    let mut r = json!({
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": [location(&f.file, &f.sink, None)],
        "partialFingerprints": { "primaryLocationLineHash": format!("{}:{occurrence}", f.fingerprint()) },
        "properties": { "category": f.category_or_group(), "sdk": f.sdk_id() },
    });
    if let Some(src) = &f.source {
        let mut related = location(&f.file, src, Some(&f.source_label));
        related["id"] = json!(1);
        r["relatedLocations"] = json!([related]);
        let mut steps = vec![json!({ "location": location(&f.file, src, Some(&f.source_label)) })];
        for s in &f.flow {
            steps.push(json!({ "location": location(&f.file, &s.at, Some(&s.note)) }));
        }
        steps.push(json!({ "location": location(&f.file, &f.sink, Some(&f.sink_label)) }));
        steps.truncate(MAX_FLOW_LOCATIONS);
        r["codeFlows"] = json!([{ "threadFlows": [{ "locations": steps }] }]);
    }
    r
}

/// The run itself: it succeeded (a failed run prints no SARIF), and each file that was not
/// analysed is a warning notification on that file, so code scanning shows what went unread.
fn invocation(report: &Report) -> Value {
    let notifications: Vec<Value> = report
        .not_analysed
        .iter()
        .map(|n| {
            json!({
                "level": "warning",
                "message": { "text": format!("not analysed ({}): {}", n.reason.id(), n.message) },
                "locations": [{
                    "physicalLocation": { "artifactLocation": { "uri": uri(&n.file) } }
                }],
                "properties": { "reason": n.reason.id() },
            })
        })
        .collect();
    json!({
        "executionSuccessful": true,
        "toolExecutionNotifications": notifications,
    })
}

pub fn render(report: &Report) -> String {
    let rules: Vec<Value> = crate::lints::rules()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id.split('-').map(|w| { let mut c = w.chars(); c.next().map_or(String::new(), |f| f.to_uppercase().collect::<String>() + c.as_str()) }).collect::<String>(),
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": format!("{}. Severity: {}.", r.summary, r.severity.describe()) },
                "help": { "text": r.docs, "markdown": r.docs },
                "helpUri": crate::lints::docs_url(r.id),
                "defaultConfiguration": { "level": level(r.severity.highest()) },
                "properties": {
                    "tags": ["privacy", "security", "external/cwe/cwe-359"],
                    "precision": "high",
                    "security-severity": r.security_severity,
                },
            })
        })
        .collect();
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    let results: Vec<Value> = report
        .findings
        .iter()
        .take(MAX_RESULTS)
        .map(|f| {
            let n = seen.entry(f.fingerprint()).or_insert(0);
            *n += 1;
            let index = crate::lints::rules()
                .position(|r| r.id == f.rule)
                .unwrap_or(0);
            result(f, index, *n)
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "overshare",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/overshare-dev/overshare",
                "rules": rules,
            }},
            "invocations": [invocation(report)],
            "automationDetails": { "id": "overshare/" },
            "columnKind": "utf16CodeUnits",
            "results": results,
            "properties": { "filesScanned": report.files_scanned, "resultsOmitted": report.findings.len().saturating_sub(MAX_RESULTS) },
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("SARIF serialises");
    s.push('\n');
    s
}
