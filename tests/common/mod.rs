//! Helpers shared by the tests that drive external tools.
#![allow(dead_code)] // each test crate uses a part

use std::process::Command;

/// The external tool `name` (checked with `--version`), or `None` when it is missing outside
/// CI, after saying so on stderr. With `CI` set a missing tool fails the test: `.ci/run`
/// installs every tool, so a CI run can never pass by skipping.
pub fn tool(name: &str) -> Option<Command> {
    let found = Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some(Command::new(name));
    }
    skip(&format!("{name} is not installed (.ci/run installs it)"));
    None
}

/// Skips a test for a missing prerequisite: a failure in CI, a note on stderr elsewhere.
pub fn skip(why: &str) {
    assert!(std::env::var_os("CI").is_none(), "required in CI: {why}");
    eprintln!("SKIPPED (not in CI): {why}");
}

/// What the official SARIF 2.1.0 schema (a copy in `tests/contract/`) finds wrong in `doc`.
pub fn sarif_schema_errors(doc: &serde_json::Value) -> Vec<String> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/contract/sarif-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}
