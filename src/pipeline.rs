//! One file through the pipeline: prefilter → extract → parse → analyze → the registry's file
//! checks → suppression directives (and the rules about them) → the configuration's levels.
//! [`crate::driver`] runs this over many files; [`crate::workspace::Workspace::check_text`] is
//! its entry point for one.

use crate::analyze::analyze_file;
use crate::driver::FileResult;
use crate::extract::BlockKind;
use crate::lints::{FileContext, LINTS};
use crate::not_analysed::{NotAnalysed, Reason};
use crate::parse::parse_block_mapped;
use crate::project::FieldIndex;
use crate::source::LineIndex;
use crate::workspace::{Settings, Workspace};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

/// One file to check.
pub struct Input<'a> {
    /// Where the file is (absolute): its imports and configuration are found from here.
    pub path: &'a Path,
    /// How reports name it.
    pub display: &'a str,
    pub text: &'a str,
    /// Skip the file when it names no SDK (the same findings, faster).
    pub prefilter: bool,
}

/// [`check`] with a crash inside the parser or the analysis turned into an error of this file,
/// never of the caller.
pub fn check_guarded(
    ws: &Workspace,
    settings: &Settings,
    input: &Input<'_>,
    project: Option<&FieldIndex>,
) -> FileResult {
    catch_unwind(AssertUnwindSafe(|| check(ws, settings, input, project))).unwrap_or_else(|p| {
        FileResult {
            errors: vec![NotAnalysed::new(
                input.display,
                Reason::InternalError,
                format!(
                    "internal error while analysing (please report): {}",
                    crate::driver::panic_message(&p)
                ),
            )],
            parsed: true,
            ..Default::default()
        }
    })
}

pub fn check(
    ws: &Workspace,
    settings: &Settings,
    input: &Input<'_>,
    project: Option<&FieldIndex>,
) -> FileResult {
    let (display, text) = (input.display, input.text);
    let cat = &settings.catalog;
    let mut result = FileResult::default();
    let name = input
        .path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(display);
    let prefilter = input.prefilter && crate::kinds::of_name(name).is_none_or(|k| k.prefiltered);
    if prefilter && !settings.prefilter.may_match(text.as_bytes()) {
        return result;
    }
    let Some(mut extracted) = crate::extract::extract_named(name, text) else {
        return result;
    };
    result.parsed = true;
    let (mut programs, mut errors) = parse_blocks(display, text, &extracted);
    // A `.js` file that does not parse may be a page or a PHP snippet saved under the wrong
    // extension: it is read as markup when that finds code that parses; otherwise the parse
    // error stands.
    if programs.is_empty()
        && !errors.is_empty()
        && crate::kinds::of_name(name).is_some_and(|k| k.may_be_misnamed_markup)
    {
        if let Some(markup) = crate::extract::misnamed_markup(text) {
            let (p, e) = parse_blocks(display, text, &markup);
            if !p.is_empty() {
                (extracted, programs, errors) = (markup, p, e);
            }
        }
    }
    result.errors = errors;
    // An Angular component's `templateUrl`: the template's handlers run in the component's
    // scope, so they are analysed here, parsed as file 1 of this analysis.
    let paired = extracted.template_url.as_deref().and_then(|url| {
        let path = crate::resolve::normalize(
            &Path::new(display)
                .parent()
                .unwrap_or(Path::new(""))
                .join(url),
        );
        let text = ws.read(&path).ok()?.to_string();
        let ex = crate::extract::angular::extract(&text);
        Some((path, text, ex))
    });
    if let Some((_, ptext, pex)) = &paired {
        for block in pex
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::TemplateExpr { .. }))
        {
            if let Ok(p) = crate::parse::parse_block_at(ptext, block, 1) {
                programs.push((block.kind.clone(), p));
            }
        }
    }
    if programs.is_empty() {
        return result;
    }
    let arena = typed_arena::Arena::new();
    let resolver = ws.resolver();
    let facts = crate::analyze::FileFacts {
        text,
        path: Path::new(display),
        arena: &arena,
        elements: &extracted.elements,
        paired_elements: match &paired {
            Some((_, _, ex)) => &ex.elements,
            None => extracted
                .template_url
                .as_deref()
                .and_then(|url| project?.template_of(Path::new(display), url))
                .unwrap_or(&[]),
        },
        paired_file: paired.as_ref().map(|(p, t, _)| (p.as_path(), t.as_str())),
        interpolations: &extracted.interpolations,
        project,
        resolver: &resolver,
        files: ws,
    };
    let outcome = analyze_file(cat, &facts, &programs);
    drop(programs);
    result.wrapper = outcome.wrapper;
    result.global_methods = outcome.global_methods.clone();
    result.configured_sinks_used = outcome.configured_sinks_used.clone();
    let directives = crate::suppress::directives(text);
    if outcome.flows.is_empty() && directives.is_empty() {
        return result;
    }
    let idx = LineIndex::new(text);
    let mut files = vec![(display.to_string(), LineIndex::new(text))];
    files.extend(
        outcome
            .files
            .iter()
            .map(|f| (f.display.clone(), LineIndex::new(&f.text))),
    );
    let cx = FileContext {
        catalog: cat,
        outcome: &outcome,
    };
    let mut findings = Vec::new();
    for lint in LINTS {
        lint.check_file(&cx, &mut findings);
    }
    for f in &mut findings {
        f.resolve_in(&files);
    }
    // Texts of imported modules that findings point into (the sink, the source or a step),
    // for the text report's snippets.
    for f in &findings {
        let files = [
            Some(f.file.as_str()),
            f.source.as_ref().and_then(|s| s.file.as_deref()),
        ]
        .into_iter()
        .chain(f.flow.iter().map(|s| s.at.file.as_deref()))
        .flatten();
        for file in files.filter(|&x| x != display) {
            if let Some(m) = outcome.files.iter().find(|m| m.display == file) {
                if !result.linked.iter().any(|(d, _)| d == &m.display) {
                    result.linked.push((m.display.clone(), Arc::from(&*m.text)));
                }
            }
        }
    }
    let findings = crate::suppress::apply(findings, &directives, display, &idx);
    let mut findings = ws.apply_levels(findings);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    result.findings = findings;
    result
}

/// Parses a file's blocks: the programs, and a record for each block that does not parse.
fn parse_blocks(
    display: &str,
    text: &str,
    extracted: &crate::extract::Extracted,
) -> (Vec<(BlockKind, swc_ecma_ast::Program)>, Vec<NotAnalysed>) {
    let code = extracted.code_text(text);
    let mut programs = Vec::with_capacity(extracted.blocks.len());
    let mut errors = Vec::new();
    for (at, message) in &extracted.errors {
        let at = LineIndex::new(text).line_col(*at);
        errors.push(NotAnalysed::new(
            display,
            Reason::ParseError,
            format!("parse error at {}:{}: {message}", at.line, at.column),
        ));
    }
    for (i, block) in extracted.blocks.iter().enumerate() {
        match parse_block_mapped(code, block, 0, extracted.offset_map(i)) {
            Ok(p) => programs.push((block.kind.clone(), p)),
            Err(e) => {
                let at = LineIndex::new(text).line_col(e.span.start);
                let message = match e.reason {
                    Reason::ParseError => {
                        format!("parse error at {}:{}: {}", at.line, at.column, e.message)
                    }
                    _ => e.message.clone(),
                };
                errors.push(NotAnalysed::new(display, e.reason, message));
            }
        }
    }
    (programs, errors)
}
