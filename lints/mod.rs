//! The rules overshare reports, one file each: its metadata, its documentation and its check.
//! [`LINTS`] is the registry: the pipeline runs every check through it, and `overshare rules`,
//! `overshare explain`, SARIF, the configuration's rule ids and the starter configuration read
//! it. Adding a rule is one file here and one entry in [`LINTS`].
//!
//! A rule checks at one (or more) of three moments:
//! - [`Lint::check_file`]: one file's analysis is done (its flows, the catalog it ran with);
//! - [`Lint::check_directive`]: the file's findings have met its suppression directives;
//! - [`Lint::check_run`]: a whole scan is done.

pub mod data_to_tracker;
pub mod suppression_without_reason;
pub mod unused_custom_sink;
pub mod unused_suppression;

use crate::analyze::Outcome;
use crate::catalog::{Catalog, SdkClass};
use crate::report::{Finding, Severity};
use crate::suppress::Directive;
use crate::workspace::Settings;

/// How a rule's severity is chosen when the configuration does not set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefaultSeverity {
    Fixed(Severity),
    /// By the class of the SDK receiving the data: error for advertising pixels, warning for
    /// the rest (analytics, session replay, CRM, monitoring).
    BySdkClass,
}

impl DefaultSeverity {
    /// The severity of a finding about an SDK of `class` (none for rules not about an SDK).
    pub fn for_class(self, class: Option<SdkClass>) -> Severity {
        match (self, class) {
            (DefaultSeverity::Fixed(s), _) => s,
            (DefaultSeverity::BySdkClass, Some(SdkClass::Advertising)) => Severity::Error,
            (DefaultSeverity::BySdkClass, _) => Severity::Warning,
        }
    }

    /// The highest severity the rule reports with by default (SARIF's default level).
    pub fn highest(self) -> Severity {
        match self {
            DefaultSeverity::Fixed(s) => s,
            DefaultSeverity::BySdkClass => Severity::Error,
        }
    }

    /// For `overshare rules` and SARIF's rule descriptions.
    pub fn describe(self) -> &'static str {
        match self {
            DefaultSeverity::Fixed(s) => s.as_str(),
            DefaultSeverity::BySdkClass => "error for advertising pixels; warning for analytics, session replay, CRM, monitoring, support-chat and server-side SDKs",
        }
    }
}

/// A rule's fixed metadata. Ids are stable: never renamed or reused.
pub struct Rule {
    pub id: &'static str,
    /// One line for `overshare rules`.
    pub summary: &'static str,
    /// Markdown documentation for `overshare explain`; its `## Example` block is reported by
    /// the rule and its `## Use instead` block is not (a test runs both).
    pub docs: &'static str,
    /// The version the rule first shipped in.
    pub since: &'static str,
    pub severity: DefaultSeverity,
    /// What a finding of this rule is about when it names no data category (`suppression`,
    /// `configuration`): the JSON report's `category` then.
    pub group: &'static str,
    /// GitHub code scanning's `security-severity` (0.0–10.0).
    pub security_severity: &'static str,
}

/// What [`Lint::check_file`] sees: one file's analysis.
pub struct FileContext<'a> {
    pub catalog: &'a Catalog,
    pub outcome: &'a Outcome,
}

/// What [`Lint::check_directive`] sees: one suppression directive and what it did.
pub struct DirectiveContext<'a> {
    pub directive: &'a Directive,
    /// The directive covered at least one finding.
    pub used: bool,
    /// A rule id the directive names that no rule has.
    pub unknown_rule: Option<&'a str>,
}

/// What [`Lint::check_run`] sees: a whole scan.
pub struct RunContext<'a> {
    /// Every configuration that governed some scanned file, with how reports name it.
    pub settings: &'a [(std::sync::Arc<Settings>, String)],
    /// Callees of configured `[[sink]]` entries some analysed call matched.
    pub configured_sinks_used: &'a std::collections::BTreeSet<String>,
    /// The scan covered whole folders (not a list of files, not only changed lines): only then
    /// can it tell that something is never used.
    pub complete: bool,
}

/// One rule: its metadata and its checks. Findings a check returns carry byte spans in the
/// file they are about; the pipeline resolves positions.
pub trait Lint: Sync {
    fn rule(&self) -> &'static Rule;

    /// Findings from one file's analysis.
    fn check_file(&self, _cx: &FileContext<'_>, _out: &mut Vec<Finding>) {}

    /// The message of this rule's finding about one suppression directive, if it has one (the
    /// finding sits on the directive).
    fn check_directive(&self, _cx: &DirectiveContext<'_>) -> Option<String> {
        None
    }

    /// Findings about a whole scan.
    fn check_run(&self, _cx: &RunContext<'_>, _out: &mut Vec<Finding>) {}
}

/// Every rule, in the order `overshare rules` and SARIF list them.
pub static LINTS: &[&dyn Lint] = &[
    &data_to_tracker::DataToTracker,
    &unused_suppression::UnusedSuppression,
    &suppression_without_reason::SuppressionWithoutReason,
    &unused_custom_sink::UnusedCustomSink,
];

/// Every rule's metadata, in registry order.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    LINTS.iter().map(|l| l.rule())
}

pub fn find(id: &str) -> Option<&'static Rule> {
    rules().find(|r| r.id == id)
}

/// The rule's documentation address.
pub fn docs_url(id: &str) -> String {
    format!(
        "https://github.com/overshare-dev/overshare/blob/main/lints/{}.rs",
        id.replace('-', "_")
    )
}

/// A finding of `rule` that is not about data reaching an SDK (no category, no SDK).
pub fn plain_finding(rule: &'static Rule, message: String, file: &str) -> Finding {
    Finding {
        rule: rule.id,
        severity: rule.severity.for_class(None),
        message,
        file: file.to_string(),
        help: Some(format!("see `overshare explain {}`", rule.id)),
        ..Default::default()
    }
}
