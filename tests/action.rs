//! The GitHub Action: its metadata checked by the real tools (check-jsonschema with GitHub's
//! action schema, zizmor for template injection and unpinned actions), and its scan script run
//! as a runner would, on a sample repository with a fake `GITHUB_*` environment.
//! CI installs the tools (`.ci/run`) and a missing one fails there; elsewhere it skips with a note.

mod common;
use common::tool;
use std::path::Path;
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
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

/// Runs the scan script in `root` as the runner would, through a wrapper that counts how often
/// overshare is started. Returns (stdout, $GITHUB_OUTPUT, runs).
fn run_scan(root: &Path, env: &[(&str, &str)]) -> (String, String, usize) {
    let output = root.join("github_output");
    std::fs::write(&output, "").unwrap();
    let counter = root.join("runs");
    let wrapper = root.join("overshare-wrapper.sh");
    std::fs::write(
        &wrapper,
        format!(
            "#!/usr/bin/env bash\necho run >> '{}'\nexec '{}' \"$@\"\n",
            counter.display(),
            env!("CARGO_BIN_EXE_overshare")
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = Command::new("bash");
    cmd.arg(repo().join("action/run.sh"))
        .current_dir(root)
        .env("OVERSHARE_BIN", &wrapper)
        .env("OVERSHARE_PATHS", "web")
        .env("OVERSHARE_FAIL_ON", "warning")
        .env("OVERSHARE_FORMAT", "github")
        .env("OVERSHARE_ONLY_CHANGED", "true")
        .env("GITHUB_EVENT_NAME", "push")
        .env("GITHUB_OUTPUT", &output)
        .env("RUNNER_TEMP", root);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "the script itself exits 0: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let runs = std::fs::read_to_string(&counter)
        .unwrap_or_default()
        .lines()
        .count();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        std::fs::read_to_string(&output).unwrap(),
        runs,
    )
}

fn sample_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let web = dir.path().join("web");
    std::fs::create_dir_all(&web).unwrap();
    std::fs::write(
        web.join("signup.js"),
        "const email = document.getElementById('email').value;\nfbq('init', '123', { em: email });\n",
    )
    .unwrap();
    dir
}

#[test]
fn scan_step_reports_annotations_outputs_and_status_in_one_scan() {
    let dir = sample_repo();
    let root = dir.path();
    let (stdout, outputs, runs) = run_scan(root, &[("OVERSHARE_SARIF", "overshare.sarif")]);
    assert_eq!(runs, 1, "the scan runs once");
    assert!(
        stdout.contains("::error file=web/signup.js,line=2,col=1"),
        "{stdout}"
    );
    assert!(outputs.contains("findings=1"), "{outputs}");
    assert!(outputs.contains("sarif-file=overshare.sarif"), "{outputs}");
    assert!(outputs.contains("status=1"), "{outputs}");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("overshare.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 1);

    // Without a SARIF file the count still comes from the one scan, and nothing is left behind.
    let (_, outputs, runs) = run_scan(root, &[("OVERSHARE_SARIF", "")]);
    assert_eq!(runs, 2, "one more scan");
    assert!(
        outputs.contains("findings=1") && outputs.contains("sarif-file=\n"),
        "{outputs}"
    );
    let left: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name().to_string_lossy().starts_with("overshare-")
                && e.file_name().to_string_lossy().ends_with(".sarif")
        })
        .collect();
    assert!(left.is_empty(), "the temporary SARIF is removed");
}

#[test]
fn scan_step_annotates_files_not_analysed_and_can_fail_on_them() {
    let dir = tempfile::tempdir().unwrap();
    let web = dir.path().join("web");
    std::fs::create_dir_all(&web).unwrap();
    std::fs::write(web.join("ok.js"), "fbq('track', 'PageView');\n").unwrap();
    for i in 0..7 {
        std::fs::write(
            web.join(format!("broken{i}.js")),
            "const e = document.getElementById('email').value;\nfbq('init', '1', { em: e }\n",
        )
        .unwrap();
    }
    let (stdout, outputs, runs) = run_scan(dir.path(), &[("OVERSHARE_SARIF", "")]);
    assert_eq!(runs, 1);
    let annotations: Vec<&str> = stdout
        .lines()
        .filter(|l| {
            l.starts_with("::warning file=") && l.contains("title=overshare%3A not analysed::")
        })
        .collect();
    assert_eq!(annotations.len(), 5, "at most 5 file annotations: {stdout}");
    assert!(
        stdout.contains(
            "::warning title=overshare%3A not analysed::7 files not analysed (7 parse-error)"
        ),
        "{stdout}"
    );
    assert!(
        outputs.contains("findings=0") && outputs.contains("status=0"),
        "{outputs}"
    );
    let (_, outputs, _) = run_scan(
        dir.path(),
        &[
            ("OVERSHARE_SARIF", ""),
            ("OVERSHARE_FAIL_ON_SKIPPED", "true"),
        ],
    );
    assert!(
        outputs.contains("findings=0") && outputs.contains("status=1"),
        "{outputs}"
    );
}
