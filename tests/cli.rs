//! The command line end to end: exit codes, formats, determinism, bad input.

use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_overshare"))
}

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/test-fixtures"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).current_dir(fixtures()).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn exit_codes() {
    let (code, _, _) = run(&["check", "demo-shop", "--color", "never"]);
    assert_eq!(code, 1, "findings give exit 1");
    let ok = std::fs::read_dir(fixtures().join("data-to-tracker"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("ok-"))
        .unwrap();
    let (code, _, _) = run(&["check", ok.to_str().unwrap()]);
    assert_eq!(code, 0, "no findings give exit 0");
    let (code, _, err) = run(&["check", "no/such/path"]);
    assert_eq!(code, 2);
    assert!(err.contains("does not exist"), "{err}");
    let (code, _, err) = run(&["check", "--no-such-flag"]);
    assert_eq!(code, 2);
    assert!(err.contains("--no-such-flag"), "{err}");
    let (code, _, _) = run(&["explain", "no-such-rule"]);
    assert_eq!(code, 2);
}

#[test]
fn json_is_deterministic_across_thread_counts() {
    let (c1, one, _) = run(&["check", ".", "--format", "json", "--threads", "1"]);
    let (c4, four, _) = run(&["check", ".", "--format", "json", "--threads", "4"]);
    assert_eq!((c1, c4), (1, 1));
    assert_eq!(one, four);
    let v: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(v["version"], 1);
    assert!(v["files_scanned"].as_u64().unwrap() > 50);
}

#[test]
fn json_matches_the_contract() {
    let (_, out, _) = run(&["check", ".", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/contract/findings-v1.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
    // The copy must not drift from the shared contract when it is beside the checkout.
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/contract/findings-v1.schema.json");
    if let Ok(s) = std::fs::read_to_string(shared) {
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&s).unwrap(),
            schema,
            "contract copy is stale"
        );
    }
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!doc["findings"].as_array().unwrap().is_empty());
    // Paths are relative, as the user named them.
    for f in doc["findings"].as_array().unwrap() {
        assert!(!f["file"].as_str().unwrap().starts_with('/'));
    }
}

#[test]
fn bad_input_is_reported_and_skipped() {
    // Without the prefilter every file is parsed, so every kind of bad input is met.
    let (code, out, _) = run(&[
        "check",
        "robustness",
        "--format",
        "json",
        "--no-prefilter",
        "--file-timeout",
        "10",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = v["errors"].as_array().unwrap();
    let msg = |name: &str| {
        errors
            .iter()
            .find(|e| e["file"].as_str().unwrap().ends_with(name))
            .map(|e| e["message"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no error for {name}: {errors:?}"))
    };
    assert!(msg("syntax-error.js").contains("parse error"));
    assert!(msg("binary.js").contains("binary"));
    assert!(msg("latin1.js").contains("UTF-8"));
    assert!(msg("deep-nesting.js").contains("nesting"));
    assert!(msg("parser-panic.jsx").contains("internal error"));
    // The run went on: the valid file with a leak was still analysed.
    assert_eq!(code, 1, "{out}");
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["file"].as_str().unwrap().ends_with("jsx-in-js.js")));
}

#[test]
fn max_file_size_is_enforced() {
    let (_, out, _) = run(&[
        "check",
        "demo-shop",
        "--format",
        "json",
        "--max-file-size",
        "10",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["findings"].as_array().unwrap().is_empty());
    assert!(v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["message"].as_str().unwrap().contains("max-file-size")));
}

#[test]
fn rules_and_explain() {
    let (code, out, _) = run(&["rules"]);
    assert_eq!(code, 0);
    assert!(out.contains("data-to-tracker"));
    let (code, out, _) = run(&["rules", "--sdks"]);
    assert_eq!(code, 0);
    assert!(out.lines().count() >= 24, "{out}");
    assert!(out.contains("meta-pixel"));
    let (code, out, _) = run(&["explain", "data-to-tracker"]);
    assert_eq!(code, 0);
    assert!(out.contains("## Why is this bad?"));
}

#[test]
fn text_report_labels_source_and_sink() {
    let (code, out, err) = run(&["check", "demo-shop", "--color", "never"]);
    assert_eq!(code, 1);
    assert!(out.contains("overshare(data-to-tracker)"), "{out}");
    assert!(
        out.contains("read here") && out.contains("sent to"),
        "{out}"
    );
    assert!(err.contains("findings"), "{err}");
}

#[test]
fn configuration_teaches_sinks_sources_sanitizers_and_overrides() {
    let (code, out, err) = run(&["check", "projects/configured", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found: Vec<(String, u64, String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                f["line"].as_u64().unwrap(),
                f["category"].as_str().unwrap().to_string(),
                f["sdk"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "app.js".to_string(),
                3,
                "email".to_string(),
                "custom-myco-analytics".to_string()
            ),
            (
                "app.js".to_string(),
                5,
                "email".to_string(),
                "meta-pixel".to_string()
            ),
        ]
    );
}

#[test]
fn a_bad_configuration_is_an_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("overshare.toml"),
        "[files]\nexlude = [\"x\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.js"), "fbq('init', '1');\n").unwrap();
    let out = bin()
        .args(["check", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("unknown field `exlude`"), "{err}");
    assert!(err.contains("overshare.toml:2:1"), "{err}");
    assert!(err.contains("did you mean `exclude`?"), "{err}");
}

#[test]
fn init_writes_a_config_that_parses() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin().arg("init").current_dir(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let again = bin().arg("init").current_dir(dir.path()).output().unwrap();
    assert_eq!(again.status.code(), Some(2), "init must not overwrite");
    std::fs::write(dir.path().join("a.js"), "fbq('init', '1');\n").unwrap();
    let check = bin()
        .args(["check", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}
