//! Baselines for adopting overshare on legacy code: `--write-baseline FILE` records today's
//! findings by fingerprint (no line numbers, so they survive edits above them); `--baseline FILE`
//! then reports only new findings and says how many recorded ones are gone (fixed).

use crate::report::Finding;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    /// Fingerprint -> how many findings had it, with one example message for people reading it.
    pub findings: BTreeMap<String, Entry>,
}

#[derive(Serialize, Deserialize)]
pub struct Entry {
    pub count: usize,
    pub file: String,
    pub rule: String,
    pub message: String,
}

pub fn of(findings: &[Finding]) -> Baseline {
    let mut map: BTreeMap<String, Entry> = BTreeMap::new();
    for f in findings {
        map.entry(f.fingerprint())
            .and_modify(|e| e.count += 1)
            .or_insert(Entry {
                count: 1,
                file: f.file.clone(),
                rule: f.rule.into(),
                message: f.message.clone(),
            });
    }
    Baseline {
        version: 1,
        findings: map,
    }
}

pub fn write(path: &Path, findings: &[Finding]) -> Result<(), String> {
    let text = serde_json::to_string_pretty(&of(findings)).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("cannot write {}: {e}", path.display()))
}

pub fn read(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
    serde_json::from_str(&text)
        .map_err(|e| format!("baseline {} is not valid: {e}", path.display()))
}

/// Drops findings the baseline holds (as many as it counts); returns the rest and how many
/// baseline entries matched nothing any more.
pub fn filter(findings: Vec<Finding>, baseline: &Baseline) -> (Vec<Finding>, usize) {
    let mut left: BTreeMap<&str, usize> = baseline
        .findings
        .iter()
        .map(|(k, e)| (k.as_str(), e.count))
        .collect();
    let mut kept = Vec::new();
    for f in findings {
        let fp = f.fingerprint();
        match left.get_mut(fp.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => kept.push(f),
        }
    }
    let gone = left.values().sum();
    (kept, gone)
}
