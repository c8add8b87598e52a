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
