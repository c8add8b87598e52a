//! The pre-commit hook, run by pre-commit itself (`language: rust` builds overshare from this
//! checkout with `cargo install`, which takes minutes the first time). A script staged alone
//! still knows the fields an unstaged template declares, and only the passed files are reported.
//! CI installs pre-commit (`.ci/run`) and a missing one fails there; elsewhere the test skips.

mod common;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn hook_fails_on_a_leak_and_passes_after_the_fix() {
    if common::tool("pre-commit").is_none() {
        return;
    }
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    // pre-commit builds the hook from a commit of this checkout.
    let Ok(rev) = std::panic::catch_unwind(|| git(checkout, &["rev-parse", "HEAD"])) else {
        common::skip("the checkout is not a git repository");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("site");
    std::fs::create_dir_all(&work).unwrap();
    git(&work, &["init", "-q"]);
    // The template declares the field; only the script is staged.
    std::fs::write(
        work.join("checkout.html"),
        "<form><input id=\"cc\" autocomplete=\"cc-number\"></form>\n",
    )
    .unwrap();
    std::fs::write(
        work.join("pay.js"),
        "const c = document.getElementById('cc').value;\nfbq('track', 'Purchase', { c });\n",
    )
    .unwrap();
    std::fs::write(
        work.join("other.js"),
        "const e = document.getElementById('email').value;\nttq.identify({ email: e });\n",
    )
    .unwrap();
    std::fs::write(
        work.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: overshare\n",
            checkout.display()
        ),
    )
    .unwrap();
    git(&work, &["add", "pay.js", ".pre-commit-config.yaml"]);
    let run = || {
        Command::new("pre-commit")
            .args(["run", "--files", "pay.js", "--color", "never"])
            .current_dir(&work)
            .env("PRE_COMMIT_HOME", dir.path().join("cache"))
            // The hook's `cargo install` builds in a folder of its own, never in this build's
            // target folder (it would replace this crate's build-script output there).
            .env_remove("CARGO_TARGET_DIR")
            .output()
            .unwrap()
    };
    let out = run();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("payment card data") && text.contains("pay.js"),
        "{text}"
    );
    assert!(
        !text.contains("other.js"),
        "only the passed files are reported: {text}"
    );
    std::fs::write(
        work.join("pay.js"),
        "fbq('track', 'Purchase', { value: 10 });\n",
    )
    .unwrap();
    let out = run();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0), "{text}");
}
