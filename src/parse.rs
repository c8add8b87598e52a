//! Stage 4: parse one script block with swc. Spans come out as whole-file byte offsets
//! (`BytePos(1 + offset)`, since swc reserves position 0), so nothing downstream needs a map.

use crate::extract::{BlockKind, Lang, ScriptBlock};
use crate::source::ByteSpan;
use swc_common::BytePos;
use swc_ecma_ast::{EsVersion, Program};
use swc_ecma_parser::{lexer::Lexer, EsSyntax, Parser, StringInput, Syntax, TsSyntax};

/// Nesting deeper than this is refused before parsing: swc and our own recursive walks would
/// overflow the stack on it, and no hand-written code nests so deep.
pub const MAX_NESTING: usize = 1000;

#[derive(Debug)]
pub struct ParseError {
    pub message: String,
    pub span: ByteSpan,
    /// `ParseError` or `TooDeep`.
    pub reason: crate::not_analysed::Reason,
}

/// Converts a swc span back into file offsets.
pub fn to_span(span: swc_common::Span) -> ByteSpan {
    ByteSpan::new(span.lo.0.saturating_sub(1), span.hi.0.saturating_sub(1))
}

fn syntax(lang: Lang) -> Syntax {
    match lang {
        Lang::Js => Syntax::Es(EsSyntax {
            jsx: true,
            decorators: true,
            allow_return_outside_function: true,
            ..Default::default()
        }),
        Lang::Ts => Syntax::Typescript(TsSyntax {
            decorators: true,
            ..Default::default()
        }),
        Lang::Tsx => Syntax::Typescript(TsSyntax {
            tsx: true,
            decorators: true,
            ..Default::default()
        }),
    }
}

/// Deepest bracket nesting, ignoring brackets in strings and comments only roughly: it is a
/// guard, and erring high only refuses a pathological file.
pub fn nesting_depth(code: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for b in code.bytes() {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Parses a block of `file_text`. Inline handlers are parsed as the body of
/// `function (event) { … }`, which is what the browser compiles them to.
pub fn parse_block(file_text: &str, block: &ScriptBlock) -> Result<Program, ParseError> {
    parse_block_at(file_text, block, 0)
}

/// Each file of an analysis owns a region of the position space: a module loaded through an
/// import is parsed at `file * FILE_STRIDE`, so one span says which file it is in.
pub const FILE_SHIFT: u32 = 26;
pub const FILE_STRIDE: u32 = 1 << FILE_SHIFT;

/// [`parse_block`] for the file at index `file` of an analysis.
pub fn parse_block_at(
    file_text: &str,
    block: &ScriptBlock,
    file: u32,
) -> Result<Program, ParseError> {
    let code: &str = match &block.decoded {
        Some(d) => d,
        None => &file_text[block.span.start as usize..block.span.end as usize],
    };
    let depth = nesting_depth(code);
    if depth > MAX_NESTING {
        return Err(ParseError {
            message: format!("nesting too deep to analyse ({depth} levels, limit {MAX_NESTING})"),
            span: ByteSpan::new(block.span.start, block.span.start),
            reason: crate::not_analysed::Reason::TooDeep,
        });
    }
    let (owned, prefix_len);
    let source: &str = if matches!(block.kind, BlockKind::Handler { .. }) {
        const PREFIX: &str = "(function (event) {\n";
        owned = format!("{PREFIX}{code}\n}})");
        prefix_len = PREFIX.len() as u32;
        &owned
    } else {
        prefix_len = 0;
        code
    };
    // The wrapper's prefix maps to the bytes just before the attribute: only its own spans do.
    let base = 1 + (file * FILE_STRIDE) as i64 + block.span.start as i64 - prefix_len as i64;
    let base = base.max(1) as u32;
    let input = StringInput::new(source, BytePos(base), BytePos(base + source.len() as u32));
    let mut parser = Parser::new_from(Lexer::new(
        syntax(block.lang),
        EsVersion::latest(),
        input,
        None,
    ));
    let program = parser.parse_program().map_err(|e| ParseError {
        reason: crate::not_analysed::Reason::ParseError,
        message: e.kind().msg().into_owned(),
        span: to_span(swc_common::Spanned::span(&e)),
    })?;
    Ok(program)
}
