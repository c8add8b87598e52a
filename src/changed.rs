//! `--diff-base REV`: the lines changed since a git revision, so a pull request only hears about
//! what it touches. Files git does not track yet count as wholly changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Changed line ranges (1-based, inclusive) by path relative to the working directory; `None`
/// for a file that is new as a whole.
pub struct Changed {
    files: HashMap<PathBuf, Option<Vec<(u32, u32)>>>,
}

impl Changed {
    pub fn since(rev: &str) -> Result<Changed, String> {
        let out = Command::new("git")
            .args([
                "diff",
                "--unified=0",
                "--no-color",
                "--no-ext-diff",
                "--relative",
                rev,
                "--",
            ])
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "git diff {rev} failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        let mut files: HashMap<PathBuf, Option<Vec<(u32, u32)>>> = HashMap::new();
        let mut current: Option<PathBuf> = None;
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            if let Some(p) = line.strip_prefix("+++ ") {
                current = p.strip_prefix("b/").map(PathBuf::from);
                if let Some(c) = &current {
                    files.entry(c.clone()).or_insert_with(|| Some(Vec::new()));
                }
            } else if let (Some(hunk), Some(c)) = (line.strip_prefix("@@ "), &current) {
                // `@@ -a,b +c,d @@`: the new side starts at c and spans d lines (1 if absent).
                let new = hunk
                    .split_whitespace()
                    .find(|t| t.starts_with('+'))
                    .unwrap_or("+0");
                let (start, len) = match new[1..].split_once(',') {
                    Some((s, l)) => (s.parse().unwrap_or(0), l.parse().unwrap_or(0)),
                    None => (new[1..].parse().unwrap_or(0), 1),
                };
                if len > 0 {
                    if let Some(Some(ranges)) = files.get_mut(c) {
                        ranges.push((start, start + len - 1));
                    }
                }
            }
        }
        let untracked = Command::new("git")
            .args(["ls-files", "--others", "--exclude-standard"])
            .output();
        if let Ok(u) = untracked {
            for line in String::from_utf8_lossy(&u.stdout).lines() {
                files.insert(PathBuf::from(line), None);
            }
        }
        Ok(Changed { files })
    }

    /// Whether `line` of `file` (as reported) changed.
    pub fn touches(&self, file: &str, line: u32) -> bool {
        let p = Path::new(file);
        let p = p.strip_prefix("./").unwrap_or(p);
        match self.files.get(p) {
            Some(None) => true,
            Some(Some(ranges)) => ranges.iter().any(|&(a, b)| line >= a && line <= b),
            None => false,
        }
    }
}
