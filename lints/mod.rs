//! The rules overshare reports, one file each: its id, documentation and how it turns the
//! analysis' flows into findings. `overshare rules` and `overshare explain` read this registry.

pub mod data_to_tracker;
pub mod suppression_without_reason;
pub mod unused_custom_sink;
pub mod unused_suppression;

/// A rule's fixed metadata. Ids are stable: never renamed or reused.
pub struct Rule {
    pub id: &'static str,
    /// One line for `overshare rules`.
    pub summary: &'static str,
    /// Markdown documentation for `overshare explain`.
    pub docs: &'static str,
    /// The version the rule first shipped in.
    pub since: &'static str,
    /// How the default severity is chosen.
    pub severity: &'static str,
}

pub static RULES: &[&Rule] = &[
    &data_to_tracker::RULE,
    &unused_suppression::RULE,
    &suppression_without_reason::RULE,
    &unused_custom_sink::RULE,
];

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// The rule's documentation address.
pub fn docs_url(id: &str) -> String {
    format!(
        "https://github.com/overshare-dev/overshare/blob/main/lints/{}.rs",
        id.replace('-', "_")
    )
}
