//! Every rule's documentation is checked against the rule: the code under `## Example` is
//! reported by it, the code under `## Use instead` is not. A ```toml example is an
//! `overshare.toml` scanned with an empty script beside it.

use overshare::{Options, Workspace};
use std::sync::Arc;

/// The fenced code blocks (language, code) of the section titled `title`.
fn blocks<'d>(docs: &'d str, title: &str) -> Vec<(&'d str, &'d str)> {
    let Some(start) = docs.find(&format!("\n## {title}\n")) else {
        return Vec::new();
    };
    let section = &docs[start + title.len() + 5..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    let mut out = Vec::new();
    let mut rest = section;
    while let Some(open) = rest.find("```") {
        let after = &rest[open + 3..];
        let (lang, body) = after.split_once('\n').unwrap();
        let close = body.find("```").expect("closed fence");
        out.push((lang.trim(), &body[..close]));
        rest = &body[close + 3..];
    }
    out
}

/// The rule ids of what `code` (a `lang` block) gives when scanned as a project.
fn rules_reported(lang: &str, code: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    match lang {
        "toml" => {
            std::fs::write(dir.path().join("overshare.toml"), code).unwrap();
            std::fs::write(dir.path().join("app.js"), "export {};\n").unwrap();
        }
        "js" | "javascript" => std::fs::write(dir.path().join("app.js"), code).unwrap(),
        "html" => std::fs::write(dir.path().join("page.html"), code).unwrap(),
        other => panic!("no way to run a ```{other} example"),
    }
    let ws = Arc::new(Workspace::new(dir.path(), Options::default()));
    let report = ws
        .check_paths(&[dir.path().to_path_buf()])
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(report.not_analysed.is_empty(), "{:?}", report.not_analysed);
    report.findings.iter().map(|f| f.rule.to_string()).collect()
}

#[test]
fn every_rule_documents_an_example_it_reports() {
    for rule in overshare::lints::rules() {
        let examples = blocks(rule.docs, "Example");
        assert!(!examples.is_empty(), "{}: no ## Example code", rule.id);
        for (lang, code) in examples {
            let got = rules_reported(lang, code);
            assert!(
                got.iter().any(|r| r == rule.id),
                "{}: its example gives {got:?}:\n{code}",
                rule.id
            );
        }
        for (lang, code) in blocks(rule.docs, "Use instead") {
            let got = rules_reported(lang, code);
            assert!(
                got.is_empty(),
                "{}: its `Use instead` gives {got:?}:\n{code}",
                rule.id
            );
        }
    }
}
