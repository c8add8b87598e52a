//! `overshare.toml`: a team's own sinks, sources, sanitizers, rule severities and paths. The
//! nearest one governs each file (see `workspace.rs`), or one is named with `--config`. Unknown
//! keys are errors, with a "did you mean" hint, and every error points at its place in the file.

use crate::catalog::sdk::{CallShape, Sdk, SdkClass};
use crate::catalog::{Catalog, Custom};
use crate::report::{Finding, Severity};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "overshare.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub files: Files,
    /// Rule id -> `error`, `warning`, `info` or `off`.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// SDK class (`advertising`, `analytics`, `replay`, `monitoring`, `crm`, `support-chat`,
    /// `server-side`) ->
    /// severity of `data-to-tracker` findings for SDKs of that class.
    #[serde(default)]
    pub sdk_severity: BTreeMap<String, Level>,
    #[serde(default, rename = "sink")]
    pub sinks: Vec<SinkConfig>,
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceConfig>,
    #[serde(default)]
    pub sanitizers: Sanitizers,
    #[serde(default, rename = "override")]
    pub overrides: Vec<Override>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Files {
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl Level {
    fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

/// A team's own tracking function: `myco.track(event, props)`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SinkConfig {
    /// The call as written once `window.` and aliases are resolved: `myco.track`, `trackEvent`.
    pub callee: toml::Spanned<String>,
    #[serde(default)]
    pub command: Vec<String>,
    #[serde(default)]
    pub args: Vec<usize>,
    pub rest: Option<usize>,
    /// The vendor or system that receives the data, for messages.
    pub vendor: String,
    #[serde(default = "default_class")]
    pub class: SdkClass,
    #[serde(default = "default_what")]
    pub what: String,
}

fn default_class() -> SdkClass {
    SdkClass::Analytics
}

fn default_what() -> String {
    "data".into()
}

/// Names that hold personal data in this code base.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    /// `email`, `phone`, `name`, `address`, `card`, `bank`, `gov-id`, `birthdate`, `health`,
    /// `credentials`, `tracking-number`, `location`.
    pub category: String,
    /// Field ids, names and classes, storage keys and property names (`acct-login`, `loginId`).
    #[serde(default)]
    pub names: Vec<String>,
    /// Functions whose return value holds such data (`getCurrentUserEmail`).
    #[serde(default)]
    pub functions: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sanitizers {
    /// Functions that really remove personal data (`redact`, `anonymize`). Not hashes.
    #[serde(default)]
    pub functions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Globs, relative to the configuration file's folder.
    pub paths: Vec<String>,
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
}

/// A configuration error, with where it is, for miette.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub text: miette::NamedSource<String>,
    pub message: String,
    pub span: Option<std::ops::Range<usize>>,
    pub help: Option<String>,
}

impl ConfigError {
    /// An error about the file as a whole (no place in it to point at).
    pub fn plain(path: &Path, message: String) -> ConfigError {
        ConfigError {
            path: path.into(),
            text: miette::NamedSource::new(path.display().to_string(), String::new()),
            message,
            span: None,
            help: None,
        }
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "invalid configuration {}: {}",
            self.path.display(),
            self.message
        )
    }
}

impl std::error::Error for ConfigError {}

impl miette::Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("overshare::config"))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.text)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span.clone()?;
        let label = miette::LabeledSpan::new_primary_with_span(
            Some("here".into()),
            (span.start, span.len()),
        );
        Some(Box::new(std::iter::once(label)))
    }
}

/// The configuration found for a run, and the folder its paths are relative to.
pub struct Loaded {
    pub config: Config,
    pub dir: PathBuf,
    pub path: PathBuf,
    /// The file's text, for findings that point into it.
    pub text: String,
    overrides: Vec<(GlobSet, BTreeMap<String, Level>)>,
}

pub fn load(path: &Path) -> Result<Loaded, Box<ConfigError>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Box::new(ConfigError {
            path: path.into(),
            text: miette::NamedSource::new(path.display().to_string(), String::new()),
            message: format!("cannot read: {e}"),
            span: None,
            help: None,
        })
    })?;
    let config = parse(&text).map_err(|(message, span, help)| {
        Box::new(ConfigError {
            path: path.into(),
            text: miette::NamedSource::new(path.display().to_string(), text.clone())
                .with_language("toml"),
            message,
            span,
            help,
        })
    })?;
    let dir = std::fs::canonicalize(path)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    Ok(Loaded {
        overrides: compile_overrides(&config),
        config,
        dir,
        path: path.into(),
        text,
    })
}

type ParseError = (String, Option<std::ops::Range<usize>>, Option<String>);

/// Parses and checks a configuration's text.
pub fn parse(text: &str) -> Result<Config, ParseError> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let message = e.message().to_string();
        let help = did_you_mean(&message);
        (message, e.span(), help)
    })?;
    let names = &Catalog::builtin().names;
    let find = |needle: &str| text.find(needle).map(|s| s..s + needle.len());
    for s in &config.sources {
        if names.category_by_id(&s.category).is_none() {
            let ids: Vec<&str> = names.categories.iter().map(|c| c.id.as_str()).collect();
            return Err((
                format!("unknown category `{}`", s.category),
                find(&format!("\"{}\"", s.category)),
                closest(&s.category, &ids)
                    .map(|c| format!("did you mean `{c}`? categories: {}", ids.join(", "))),
            ));
        }
    }
    let rule_ids: Vec<&str> = crate::lints::rules().map(|r| r.id).collect();
    let mut rule_keys: Vec<&String> = config.rules.keys().collect();
    rule_keys.extend(config.overrides.iter().flat_map(|o| o.rules.keys()));
    for r in rule_keys {
        if !rule_ids.contains(&r.as_str()) {
            return Err((
                format!("unknown rule `{r}`"),
                find(r),
                closest(r, &rule_ids)
                    .map(|c| format!("did you mean `{c}`?"))
                    .or(Some(format!("rules: {}", rule_ids.join(", ")))),
            ));
        }
    }
    let classes = SdkClass::ALL.map(SdkClass::as_str);
    for c in config.sdk_severity.keys() {
        if !classes.contains(&c.as_str()) {
            return Err((
                format!("unknown SDK class `{c}`"),
                find(c),
                closest(c, &classes)
                    .map(|x| format!("did you mean `{x}`?"))
                    .or(Some(format!("classes: {}", classes.join(", ")))),
            ));
        }
    }
    for glob in config
        .files
        .include
        .iter()
        .chain(&config.files.exclude)
        .chain(config.overrides.iter().flat_map(|o| &o.paths))
    {
        if let Err(e) = Glob::new(glob) {
            return Err((format!("bad glob `{glob}`: {e}"), find(glob), None));
        }
    }
    for s in &config.sinks {
        if s.args.is_empty() && s.rest.is_none() {
            return Err((
                format!(
                    "sink `{}` names no data-carrying argument",
                    s.callee.get_ref()
                ),
                Some(s.callee.span()),
                Some("add `args = [0]` (0-based indexes) or `rest = 0`".into()),
            ));
        }
    }
    Ok(config)
}

/// serde says "unknown field `exlude`, expected `include` or `exclude`": suggest the closest.
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    closest(unknown, &candidates).map(|c| format!("did you mean `{c}`?"))
}

fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= (c.len() / 3).max(2))
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

impl Loaded {
    /// The catalog with this configuration's sinks, sources and sanitizers.
    pub fn catalog(&self) -> Result<Catalog, String> {
        let base = Catalog::builtin();
        let mut custom = Custom::default();
        let mut names = Vec::new();
        for s in &self.config.sources {
            let category = base
                .names
                .category_by_id(&s.category)
                .ok_or("unknown category")?;
            for n in &s.names {
                names.push((n.trim_start_matches(['#', '.']).to_string(), category));
            }
            for f in &s.functions {
                custom.source_functions.insert(f.clone(), category);
            }
        }
        custom
            .sanitizers
            .extend(self.config.sanitizers.functions.iter().cloned());
        // Custom sinks grouped by vendor: each becomes an SDK of its own.
        let mut by_vendor: BTreeMap<&str, Vec<&SinkConfig>> = BTreeMap::new();
        for s in &self.config.sinks {
            by_vendor.entry(&s.vendor).or_default().push(s);
        }
        let mut sdks = Vec::new();
        for (vendor, sinks) in by_vendor {
            let slug: String = vendor
                .to_ascii_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let mut globals: Vec<String> = sinks
                .iter()
                .map(|s| {
                    let callee = s.callee.get_ref();
                    callee.split(['.', '(']).next().unwrap_or("").to_string()
                })
                .collect();
            globals.sort();
            globals.dedup();
            sdks.push(Sdk {
                id: format!("{}{slug}", crate::catalog::sdk::CONFIGURED_PREFIX),
                name: vendor.to_string(),
                vendor: vendor.to_string(),
                class: sinks[0].class,
                docs: self.path.display().to_string(),
                globals,
                npm: Vec::new(),
                loaders: Vec::new(),
                beacons: Vec::new(),
                verification_keys: Vec::new(),
                instances: Default::default(),
                returns_self: Vec::new(),
                types: Vec::new(),
                part_types: Default::default(),
                self_callbacks: Vec::new(),
                slots: Vec::new(),
                named_instances: Default::default(),
                shadows: Default::default(),
                calls: sinks
                    .iter()
                    .map(|s| CallShape {
                        callee: s.callee.get_ref().clone(),
                        command: s.command.clone(),
                        args: s.args.clone(),
                        rest: s.rest,
                        what: s.what.clone(),
                        docs: None,
                        arg_prefix: Default::default(),
                        arg_keys: Vec::new(),
                        marks_page: false,
                        on_page: false,
                    })
                    .collect(),
                assigns: Vec::new(),
            });
        }
        Catalog::with(sdks, &names, custom)
    }

    /// The severity this configuration gives `f`, a finding in the file at `path` (absolute or
    /// relative to where the configuration was found from): the rule's level, then for rules
    /// whose severity follows the SDK the SDK class's level, then per-path overrides, last
    /// wins. `None`: the configuration turns it off.
    pub fn severity_of(&self, f: &Finding, path: &Path) -> Option<Severity> {
        let mut severity = f.severity;
        let by_class = crate::lints::find(f.rule)
            .is_some_and(|r| r.severity == crate::lints::DefaultSeverity::BySdkClass);
        if let (true, Some(sdk)) = (by_class, &f.sdk) {
            if let Some(level) = self.config.sdk_severity.get(sdk.class.as_str()) {
                severity = level.severity()?;
            }
        }
        if let Some(level) = self.config.rules.get(f.rule) {
            severity = level.severity()?;
        }
        if !self.overrides.is_empty() {
            let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            let rel = abs.strip_prefix(&self.dir).unwrap_or(&abs);
            for (set, rules) in &self.overrides {
                if set.is_match(rel) {
                    if let Some(level) = rules.get(f.rule) {
                        severity = level.severity()?;
                    }
                }
            }
        }
        Some(severity)
    }
}

/// The `[[override]]` globs, compiled once.
fn compile_overrides(config: &Config) -> Vec<(GlobSet, BTreeMap<String, Level>)> {
    config
        .overrides
        .iter()
        .filter_map(|o| {
            let mut b = GlobSetBuilder::new();
            for p in &o.paths {
                b.add(Glob::new(p).ok()?);
            }
            Some((b.build().ok()?, o.rules.clone()))
        })
        .collect()
}

/// The starter configuration `overshare init` writes: every rule of the registry with its
/// default level, and every section commented out.
pub fn starter() -> String {
    let mut rules = String::from("[rules]\n");
    for (i, r) in crate::lints::rules().enumerate() {
        let line = format!("# \"{}\" = \"{}\"", r.id, r.severity.highest().as_str());
        if i == 0 {
            rules.push_str(&format!("{line:<36} # error | warning | info | off\n"));
        } else {
            rules.push_str(&line);
            rules.push('\n');
        }
    }
    format!("{STARTER_HEAD}{rules}\n{STARTER_TAIL}")
}

const STARTER_HEAD: &str = r#"# overshare configuration: https://github.com/overshare-dev/overshare#configuration
# Every section is optional. Paths and globs are relative to this file's folder.

[files]
# include = ["dist/app.js"]          # scan paths the defaults skip (node_modules, dist, build, ...)
# exclude = ["legacy/**", "**/*.stories.tsx"]

"#;

const STARTER_TAIL: &str = r#"[sdk-severity]
# Severity of data-to-tracker findings by the receiving SDK's class.
# advertising = "error"
# analytics = "warning"
# replay = "warning"
# monitoring = "warning"
# crm = "warning"
# support-chat = "warning"
# server-side = "warning"

# Your own tracking functions: which arguments they send, and to whom.
# [[sink]]
# callee = "myco.track"              # as called, after window. and aliases: myco.track, trackEvent
# args = [1]                         # 0-based indexes of the arguments that carry data
# vendor = "MyCo analytics"
# class = "analytics"                # advertising | analytics | replay | monitoring | crm |
#                                    # support-chat | server-side
# what = "event properties"

# Names that hold personal data in your code: field ids/names/classes, storage keys, properties.
# [[source]]
# category = "email"                 # email phone name address card bank gov-id birthdate health
#                                    # credentials tracking-number location
# names = ["acct-login", "loginId"]
# functions = ["getCurrentUserEmail"]  # their return value holds this category

# Functions that really remove personal data (a hash does not: vendors match on hashes).
[sanitizers]
# functions = ["redact", "anonymize"]

# Per-path rule levels.
# [[override]]
# paths = ["tests/**", "**/*.test.*"]
# rules = { "data-to-tracker" = "off" }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_parses() {
        let starter = starter();
        let config = parse(&starter).unwrap();
        assert!(config.rules.is_empty());
        for r in crate::lints::rules() {
            assert!(starter.contains(&format!("# \"{}\" = ", r.id)), "{}", r.id);
        }
    }

    #[test]
    fn unknown_keys_suggest_the_closest() {
        let (message, span, help) = parse("[files]\nexlude = [\"a\"]\n").unwrap_err();
        assert!(message.contains("unknown field `exlude`"), "{message}");
        assert_eq!(span, Some(8..14));
        assert_eq!(help.as_deref(), Some("did you mean `exclude`?"));
        let (message, _, help) = parse("[rules]\n\"data-to-trackr\" = \"off\"\n").unwrap_err();
        assert!(message.contains("unknown rule"));
        assert_eq!(help.as_deref(), Some("did you mean `data-to-tracker`?"));
        let (_, _, help) =
            parse("[[source]]\ncategory = \"emial\"\nnames = [\"x\"]\n").unwrap_err();
        assert!(help.unwrap().starts_with("did you mean `email`?"));
    }

    #[test]
    fn every_sdk_class_is_accepted() {
        for class in SdkClass::ALL.map(SdkClass::as_str) {
            let text = format!(
                "[sdk-severity]\n\"{class}\" = \"error\"\n\n[[sink]]\ncallee = \"myco.chat\"\nargs = [0]\nvendor = \"MyCo\"\nclass = \"{class}\"\n"
            );
            let config = parse(&text).unwrap_or_else(|e| panic!("{class}: {e:?}"));
            assert_eq!(config.sinks[0].class.as_str(), class);
        }
        let (message, _, help) = parse("[sdk-severity]\nsupport-chta = \"off\"\n").unwrap_err();
        assert!(message.contains("unknown SDK class"), "{message}");
        assert_eq!(help.as_deref(), Some("did you mean `support-chat`?"));
        let (_, _, help) = parse("[sdk-severity]\nserver-sde = \"off\"\n").unwrap_err();
        assert_eq!(help.as_deref(), Some("did you mean `server-side`?"));
        let (_, _, help) = parse("[sdk-severity]\npixels = \"off\"\n").unwrap_err();
        assert!(help.unwrap().ends_with("support-chat, server-side"));
    }
}
