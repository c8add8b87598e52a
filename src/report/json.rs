//! `--format json`: the versioned machine-readable report (schema: `contract/findings-v1`).

use super::{Finding, Report};
use serde::Serialize;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files_scanned: usize,
    findings: Vec<JsonFinding<'a>>,
    /// Files not analysed, with a machine-readable `reason`.
    errors: &'a [super::NotAnalysed],
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: &'a str,
    category: &'a str,
    sdk: &'a str,
    message: &'a str,
    file: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<JsonSpan<'a>>,
    flow: Vec<JsonStep<'a>>,
}

#[derive(Serialize)]
struct JsonSpan<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    expr: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    note: &'a str,
}

fn finding(f: &Finding) -> JsonFinding<'_> {
    JsonFinding {
        rule: f.rule,
        severity: f.severity.as_str(),
        category: f.category_or_group(),
        sdk: f.sdk_id(),
        message: &f.message,
        file: &f.file,
        line: f.sink.start.line,
        column: f.sink.start.column,
        end_line: f.sink.end.line,
        end_column: f.sink.end.column,
        source: f.source.as_ref().map(|s| JsonSpan {
            file: s.file.as_deref().unwrap_or(&f.file),
            line: s.start.line,
            column: s.start.column,
            end_line: s.end.line,
            end_column: s.end.column,
            expr: s.expr.as_deref(),
        }),
        flow: f
            .flow
            .iter()
            .map(|s| JsonStep {
                file: s.at.file.as_deref().unwrap_or(&f.file),
                line: s.at.start.line,
                column: s.at.start.column,
                note: &s.note,
            })
            .collect(),
    }
}

pub fn render(report: &Report) -> String {
    let doc = JsonReport {
        version: 1,
        files_scanned: report.files_scanned,
        findings: report.findings.iter().map(finding).collect(),
        errors: &report.not_analysed,
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("report serialises");
    s.push('\n');
    s
}
