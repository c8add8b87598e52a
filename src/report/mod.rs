//! Stage 6: findings and how they are printed. Lints build [`Finding`]s with byte spans; the
//! driver resolves positions; the formats here only render.

pub mod json;
pub mod lines;
pub mod sarif;
pub mod text;

use crate::parse::{local, FileId};
use crate::source::{ByteSpan, LineCol, LineIndex};
use serde::Serialize;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    #[default]
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A span in a file, with its resolved 1-based positions.
#[derive(Clone, Debug, Default)]
pub struct SpanRef {
    /// The file the span is in, when it is not the finding's file (a flow across modules).
    pub file: Option<String>,
    pub span: ByteSpan,
    pub start: LineCol,
    pub end: LineCol,
    pub expr: Option<String>,
}

impl SpanRef {
    pub fn new(span: ByteSpan) -> Self {
        Self {
            span,
            ..Default::default()
        }
    }
    pub fn with_expr(mut self, expr: String) -> Self {
        self.expr = Some(expr);
        self
    }
    fn resolve(&mut self, idx: &LineIndex) {
        self.start = idx.line_col(self.span.start);
        self.end = idx.line_col(self.span.end);
    }

    /// Resolves a span of a multi-file analysis: its file is `files[FileId::of(span)]`; the span
    /// becomes local to that file. Returns the file's name.
    fn resolve_in<'f>(&mut self, files: &'f [(String, LineIndex)]) -> &'f str {
        let k = FileId::of(self.span).index().min(files.len() - 1);
        self.span = local(self.span);
        self.resolve(&files[k].1);
        &files[k].0
    }
}

#[derive(Clone, Debug, Default)]
pub struct StepRef {
    pub at: SpanRef,
    pub note: String,
}

impl StepRef {
    pub fn new(span: ByteSpan, note: String) -> Self {
        Self {
            at: SpanRef::new(span),
            note,
        }
    }
}

/// How a flow's source was recognised, weakest first. A flow adds nothing where a flow from a
/// stronger source reaches the same sink key with the same category: that one explains it better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Evidence {
    /// A vendor slot's definition only, for a value made from a function's parameters.
    SlotParam,
    /// A vendor slot's definition only (`fbq('init', id, { em: x })` with `x` of unknown origin).
    Slot,
    /// A function parameter's name (`function identify(email)`).
    ParamName,
    /// A property's or variable's name (`user.email`).
    Name,
    /// A page element, form field, storage or URL key, server output: what the data is.
    #[default]
    Read,
}

/// The SDK a finding's data reaches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingSdk {
    pub id: String,
    pub name: String,
    pub class: crate::catalog::SdkClass,
}

/// One reported problem: a flow of data into an SDK, or a finding about the code's suppression
/// comments or configuration (no category, no SDK).
#[derive(Clone, Debug, Default)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// The data category (`email`), for findings about data.
    pub category: Option<String>,
    /// The receiving SDK, for findings about data sent to one.
    pub sdk: Option<FindingSdk>,
    pub message: String,
    pub file: String,
    /// The primary span: the sink call.
    pub sink: SpanRef,
    pub source: Option<SpanRef>,
    pub sink_label: String,
    pub source_label: String,
    pub flow: Vec<StepRef>,
    pub help: Option<String>,
    /// Where in the sent argument the data sits (`em`, `user_data.email`), for merging.
    pub key: String,
    /// How the source was recognised.
    pub evidence: Evidence,
}

impl Finding {
    /// What the finding is about: its data category, else its rule's group (`suppression`).
    pub fn category_or_group(&self) -> &str {
        match &self.category {
            Some(c) => c,
            None => crate::lints::find(self.rule).map_or("none", |r| r.group),
        }
    }

    /// The receiving SDK's id, or `none`.
    pub fn sdk_id(&self) -> &str {
        self.sdk.as_ref().map_or("none", |s| s.id.as_str())
    }

    /// Fills in line and column numbers.
    pub fn resolve(&mut self, idx: &LineIndex) {
        self.sink.resolve(idx);
        if let Some(s) = &mut self.source {
            s.resolve(idx);
        }
        for step in &mut self.flow {
            step.at.resolve(idx);
        }
    }

    /// Fills in files, lines and columns for a flow whose spans may lie in several files
    /// (`files[0]` is the analysed file, the rest the modules it loaded).
    pub fn resolve_in(&mut self, files: &[(String, LineIndex)]) {
        self.file = self.sink.resolve_in(files).to_string();
        if let Some(s) = &mut self.source {
            let f = s.resolve_in(files).to_string();
            s.file = Some(f);
        }
        for step in &mut self.flow {
            let f = step.at.resolve_in(files).to_string();
            step.at.file = Some(f);
        }
    }

    /// An identity that survives unrelated edits: no line numbers, only what the finding says
    /// (rule, file, message, the source's text). Used by SARIF and baselines.
    pub fn fingerprint(&self) -> String {
        // FNV-1a: small, stable across builds and platforms.
        let mut h: u64 = 0xcbf29ce484222325;
        let src = self
            .source
            .as_ref()
            .and_then(|s| s.expr.as_deref())
            .unwrap_or("");
        for part in [self.rule, self.file.as_str(), self.message.as_str(), src] {
            for b in part.bytes().chain([0u8]) {
                h ^= b as u64;
                h = h.wrapping_mul(0x100000001b3);
            }
        }
        format!("{h:016x}")
    }

    /// Report order: file, line, column, rule, then the rest so ties are deterministic.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.file,
            self.sink.start,
            self.rule,
            self.source.as_ref().map(|s| s.start),
            &self.message,
        )
    }
}

pub use crate::not_analysed::{NotAnalysed, Reason};

/// "1 file", "2 files".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The result of a whole run.
#[derive(Debug, Default)]
pub struct Report {
    /// Files of the formats overshare reads that the walker selected (parsed or skipped by the
    /// prefilter).
    pub files_scanned: usize,
    /// Files the prefilter let through and that were parsed.
    pub files_parsed: usize,
    pub findings: Vec<Finding>,
    /// Callees of the configuration's `[[sink]]` entries some analysed call matched.
    pub configured_sinks_used: std::collections::BTreeSet<String>,
    /// Files, or parts of files, that could not be analysed (`errors` in JSON).
    pub not_analysed: Vec<NotAnalysed>,
    /// The text of each file with findings, for rendering snippets.
    pub texts: std::collections::BTreeMap<String, std::sync::Arc<str>>,
}

impl Report {
    pub fn sort(&mut self) {
        self.findings
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        // A name-judged source (`traits.email` in a shared module) adds nothing where another
        // file's analysis found a stronger source (the element or key read, or a caller's
        // value for a parameter named `email`) that reaches the same sink key.
        type Place = (String, ByteSpan, String, Option<String>);
        let place = |f: &Finding| -> Place {
            (
                f.file.clone(),
                f.sink.span,
                f.key.clone(),
                f.category.clone(),
            )
        };
        let mut strongest: std::collections::HashMap<Place, Evidence> = Default::default();
        for f in &self.findings {
            strongest
                .entry(place(f))
                .and_modify(|e| *e = (*e).max(f.evidence))
                .or_insert(f.evidence);
        }
        self.findings.retain(|f| f.evidence >= strongest[&place(f)]);
        // A vendor slot's guess adds nothing where a read of that category reaches the same
        // call under any key; a guess about a parameter nothing where callers' data reaches it.
        let seen: std::collections::HashSet<(String, ByteSpan, Option<String>)> = self
            .findings
            .iter()
            .filter(|f| f.evidence > Evidence::Slot)
            .flat_map(|f| {
                [
                    (f.file.clone(), f.sink.span, f.category.clone()),
                    (f.file.clone(), f.sink.span, None),
                ]
            })
            .collect();
        self.findings.retain(|f| {
            let category = match f.evidence {
                Evidence::SlotParam => None,
                Evidence::Slot => f.category.clone(),
                _ => return true,
            };
            !seen.contains(&(f.file.clone(), f.sink.span, category))
        });
        // One guess from a parameter's name per sink key and category is enough.
        let mut guessed = std::collections::HashSet::new();
        self.findings
            .retain(|f| f.evidence != Evidence::ParamName || guessed.insert(place(f)));
        // A flow through a shared module can be found from more than one importer.
        self.findings.dedup_by(|a, b| {
            a.file == b.file
                && a.sink.span == b.sink.span
                && a.rule == b.rule
                && a.message == b.message
                && a.source.as_ref().map(|s| (&s.file, s.span))
                    == b.source.as_ref().map(|s| (&s.file, s.span))
        });
        self.not_analysed.sort();
        self.not_analysed.dedup();
    }
}
