//! The GitHub Action: its metadata checked by the real tools (check-jsonschema with GitHub's
//! action schema, zizmor for template injection and unpinned actions), and its scan script run
//! as a runner would, on a sample repository with a fake `GITHUB_*` environment.
//! CI installs the tools (`.ci/run`); elsewhere a missing tool skips its test with a note.

use std::path::Path;
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The tool's command, or `None` (skip) when it is not installed outside CI.
fn tool(name: &str) -> Option<Command> {
    let found = Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some(Command::new(name));
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{name} is not installed; .ci/run installs it"
    );
    eprintln!("skipped: {name} is not installed");
    None
}

#[test]
fn action_metadata_matches_githubs_schema() {
    let Some(mut cmd) = tool("check-jsonschema") else {
        return;
    };
    let out = cmd
        .args(["--builtin-schema", "vendor.github-actions", "action.yml"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn action_passes_zizmor() {
    let Some(mut cmd) = tool("zizmor") else {
        return;
    };
    let out = cmd
        .args(["--offline", "--min-severity", "low", "action.yml"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn no_expression_is_expanded_inside_a_script() {
    let text = std::fs::read_to_string(repo().join("action.yml")).unwrap();
    for line in text.lines().filter(|l| l.trim_start().starts_with("run:")) {
        assert!(
            !line.contains("${{"),
            "an expression inside run: is a template injection: {line}"
        );
    }
}

#[test]
fn scan_step_reports_annotations_outputs_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("web")).unwrap();
    std::fs::write(
        root.join("web/signup.js"),
        "const email = document.getElementById('email').value;\nfbq('init', '123', { em: email });\n",
    )
    .unwrap();
    let output = root.join("github_output");
    std::fs::write(&output, "").unwrap();
    let out = Command::new("bash")
        .arg(repo().join("action/run.sh"))
        .current_dir(root)
        .env("OVERSHARE_BIN", env!("CARGO_BIN_EXE_overshare"))
        .env("OVERSHARE_PATHS", "web")
        .env("OVERSHARE_FAIL_ON", "warning")
        .env("OVERSHARE_FORMAT", "github")
        .env("OVERSHARE_SARIF", "overshare.sarif")
        .env("OVERSHARE_ONLY_CHANGED", "true")
        .env("GITHUB_EVENT_NAME", "push")
        .env("GITHUB_OUTPUT", &output)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the script itself exits 0: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("::error file=web/signup.js,line=2,col=1"),
        "{stdout}"
    );
    let outputs = std::fs::read_to_string(&output).unwrap();
    assert!(outputs.contains("findings=1"), "{outputs}");
    assert!(outputs.contains("sarif-file=overshare.sarif"), "{outputs}");
    assert!(outputs.contains("status=1"), "{outputs}");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("overshare.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 1);
}
