//! "Not analysed", defined once. A file is not analysed when the walker selected it and the
//! prefilter let it through (or it was named on the command line), but its code could not be
//! read: it does not parse, is too large, too deep, binary, not UTF-8, unreadable, hit the
//! deadline or an internal error, or it is written in a format overshare does not read yet and
//! names a tracker. Files the prefilter skipped, and ignored or excluded files, are not "not
//! analysed": they cannot hold a finding. Every output format lists these records; none counts
//! them as findings; `--fail-on-skipped` makes any of them fail the run.

use serde::Serialize;

/// Why a file (or a part of it) was not analysed. Stable, machine-readable ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// A script block does not parse (the rest of the file is still analysed).
    ParseError,
    /// Larger than `--max-file-size`.
    TooLarge,
    /// The analysis did not finish within `--file-timeout`.
    Timeout,
    /// NUL bytes in the first 8 KiB.
    Binary,
    NotUtf8,
    /// The file or folder could not be read (permissions, vanished, I/O error).
    Unreadable,
    /// Brackets nested deeper than the parser can safely follow.
    TooDeep,
    /// A crash inside the parser or the analysis, caught and contained to the file.
    InternalError,
    /// A template format overshare does not read yet (JSP, Velocity, Marko…) that names a
    /// tracker SDK.
    UnsupportedFormat,
    /// The `overshare.toml` governing the file is invalid (an editor session goes on; a
    /// command-line run stops before it starts).
    BadConfig,
}

impl Reason {
    pub const ALL: [Reason; 10] = [
        Reason::ParseError,
        Reason::TooLarge,
        Reason::Timeout,
        Reason::Binary,
        Reason::NotUtf8,
        Reason::Unreadable,
        Reason::TooDeep,
        Reason::InternalError,
        Reason::UnsupportedFormat,
        Reason::BadConfig,
    ];

    /// The id used in JSON, compact output and `--fail-on-skipped` messages.
    pub fn id(self) -> &'static str {
        match self {
            Reason::ParseError => "parse-error",
            Reason::TooLarge => "too-large",
            Reason::Timeout => "timeout",
            Reason::Binary => "binary",
            Reason::NotUtf8 => "not-utf8",
            Reason::Unreadable => "unreadable",
            Reason::TooDeep => "too-deep",
            Reason::InternalError => "internal-error",
            Reason::UnsupportedFormat => "unsupported-format",
            Reason::BadConfig => "bad-config",
        }
    }
}

/// One file, or one part of a file, that was not analysed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct NotAnalysed {
    pub file: String,
    /// Why, in words a user can act on ("parse error at 3:7: Expected ';', got 'x'").
    pub message: String,
    pub reason: Reason,
}

impl NotAnalysed {
    pub fn new(file: impl Into<String>, reason: Reason, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            message: message.into(),
            reason,
        }
    }
}

/// The name of a format overshare does not read yet (a template format found beside front-end
/// code, or a language compiled to JavaScript), by file extension, ignoring case: a file of one
/// of these formats that names a tracker SDK is reported as not analysed; one that names none
/// cannot matter and is skipped. The formats are the unread kinds of [`crate::kinds`].
pub fn unread_format(ext: &str) -> Option<&'static str> {
    crate::kinds::by_extension(ext)
        .filter(|k| k.is_unread())
        .map(|k| k.name)
}

/// True when a file of this unread format is all script (no markup around the code), so any
/// tracker it names is in script.
pub fn is_script_language(ext: &str) -> bool {
    crate::kinds::by_extension(ext)
        .is_some_and(|k| matches!(k.read, crate::kinds::Read::NotYet { all_script: true }))
}

/// The words a file of an unread format must contain to be able to run script: a `<script>`
/// element or the format's script filter (Haml Coffee `:javascript`).
pub fn can_hold_script(text: &str) -> bool {
    memchr_ci(text.as_bytes(), b"script")
}

fn memchr_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// How many of the records each reason has, in [`Reason::ALL`] order, reasons with none left out.
pub fn count_by_reason(records: &[NotAnalysed]) -> Vec<(Reason, usize)> {
    Reason::ALL
        .iter()
        .map(|&r| (r, records.iter().filter(|n| n.reason == r).count()))
        .filter(|&(_, n)| n > 0)
        .collect()
}

/// "3 files not analysed (2 parse-error, 1 unsupported-format)": one line for summaries.
pub fn summary(records: &[NotAnalysed]) -> String {
    let files: std::collections::BTreeSet<&str> = records.iter().map(|r| r.file.as_str()).collect();
    let by: Vec<String> = count_by_reason(records)
        .iter()
        .map(|(r, n)| format!("{n} {}", r.id()))
        .collect();
    format!(
        "{} not analysed ({})",
        crate::report::plural(files.len(), "file"),
        by.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_ids_match_their_serialisation() {
        for r in Reason::ALL {
            assert_eq!(serde_json::to_value(r).unwrap(), r.id());
        }
    }

    #[test]
    fn unread_formats_and_script_detection() {
        assert_eq!(unread_format("JSP"), Some("JSP"));
        assert_eq!(unread_format("pug"), None);
        assert_eq!(unread_format("tpl"), None);
        assert_eq!(unread_format("haml"), None);
        assert_eq!(unread_format("hamlc"), Some("Haml Coffee"));
        assert_eq!(unread_format("coffee"), None);
        assert_eq!(unread_format("js"), None);
        assert!(can_hold_script("%html\n  :javascript\n    fbq('init')"));
        assert!(can_hold_script("doctype html\nscript.\n  gtag('js')"));
        assert!(!can_hold_script("%p Our analytics dashboard"));
    }

    #[test]
    fn summary_counts_files_and_reasons() {
        let r = [
            NotAnalysed::new("a.js", Reason::ParseError, "x"),
            NotAnalysed::new("a.js", Reason::ParseError, "y"),
            NotAnalysed::new("b.jsp", Reason::UnsupportedFormat, "z"),
        ];
        assert_eq!(
            summary(&r),
            "2 files not analysed (2 parse-error, 1 unsupported-format)"
        );
    }
}
