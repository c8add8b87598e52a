//! Stage 4: parse one script block with swc. Spans come out as whole-file byte offsets
//! (`BytePos(1 + offset)`, since swc reserves position 0), so nothing downstream needs a map.

use crate::extract::{BlockKind, Lang, OffsetMap, ScriptBlock};
use crate::source::ByteSpan;
use swc_common::BytePos;
use swc_ecma_ast::{EsVersion, Program};
use swc_ecma_parser::{lexer::Lexer, EsSyntax, Parser, StringInput, Syntax, TsSyntax};
use swc_ecma_visit::{VisitMut, VisitMutWith};

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
/// import is parsed at `file * FILE_STRIDE`, so one span says which file it is in. [`FileId`]
/// and [`local`] read it back; nothing else needs the layout.
const FILE_SHIFT: u32 = 26;
const FILE_STRIDE: u32 = 1 << FILE_SHIFT;

/// Which file of a multi-file analysis a span is in: 0 is the analysed file, 1, 2, … the files
/// loaded into its analysis (a paired template, imported modules), by their index as passed to
/// [`parse_block_at`]. Spans keep their file in their high bits (swc needs plain `BytePos`
/// offsets); this is how to read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(u32);

impl FileId {
    /// The analysed file.
    pub const MAIN: FileId = FileId(0);

    /// The file at `index` of an analysis.
    pub fn new(index: usize) -> FileId {
        FileId(index as u32)
    }

    /// The file a span of the analysis is in.
    pub fn of(span: ByteSpan) -> FileId {
        FileId(span.start >> FILE_SHIFT)
    }

    /// Its index among the analysis' files (0: the analysed file).
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// Where the file's region of the position space starts.
    fn start(self) -> u32 {
        self.0 * FILE_STRIDE
    }
}

/// A span of the analysis made relative to the start of its file.
pub fn local(span: ByteSpan) -> ByteSpan {
    let base = FileId::of(span).start();
    ByteSpan::new(span.start - base, span.end - base)
}

/// [`parse_block`] for the file at index `file` of an analysis (see [`FileId`]).
pub fn parse_block_at(
    file_text: &str,
    block: &ScriptBlock,
    file: u32,
) -> Result<Program, ParseError> {
    parse_block_mapped(file_text, block, file, None)
}

/// [`parse_block_at`] for a decoded block whose positions `map` takes back into the file: every
/// span of the program (and a parse error's) is moved to the file bytes it stands for.
pub fn parse_block_mapped(
    file_text: &str,
    block: &ScriptBlock,
    file: u32,
    map: Option<&OffsetMap>,
) -> Result<Program, ParseError> {
    let decoded = block.decoded.is_some();
    match (map, decoded) {
        (Some(map), true) => {
            // A parse error's span is a file offset (`to_span`), in the file's region.
            let at = |d: u32| d.saturating_sub(FileId(file).start() + block.span.start);
            parse_unmapped(file_text, block, file)
                .map(|mut p| {
                    let origin = 1 + FileId(file).start();
                    p.visit_mut_with(&mut Remap {
                        base: origin + block.span.start,
                        origin,
                        map,
                    });
                    p
                })
                .map_err(|mut e| {
                    let (lo, hi) = (at(e.span.start), at(e.span.end));
                    e.span = ByteSpan::new(map.start(lo), map.end(hi).max(map.start(lo)));
                    e
                })
        }
        _ => parse_unmapped(file_text, block, file),
    }
}

/// Moves spans of a decoded block's program to the file bytes they stand for.
struct Remap<'m> {
    /// Where decoded offset 0 is.
    base: u32,
    /// Where file offset 0 is.
    origin: u32,
    map: &'m OffsetMap,
}

impl VisitMut for Remap<'_> {
    fn visit_mut_span(&mut self, span: &mut swc_common::Span) {
        if span.lo.0 < self.base {
            return;
        }
        let lo = self.map.start(span.lo.0 - self.base);
        let hi = self.map.end(span.hi.0.saturating_sub(self.base)).max(lo);
        span.lo = BytePos(self.origin + lo);
        span.hi = BytePos(self.origin + hi);
    }
}

fn parse_unmapped(file_text: &str, block: &ScriptBlock, file: u32) -> Result<Program, ParseError> {
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
    let base = 1 + FileId(file).start() as i64 + block.span.start as i64 - prefix_len as i64;
    let base = base.max(1) as u32;
    let parse = |lang: Lang, source: &str| {
        let input = StringInput::new(source, BytePos(base), BytePos(base + source.len() as u32));
        Parser::new_from(Lexer::new(syntax(lang), EsVersion::latest(), input, None)).parse_program()
    };
    match parse(block.lang, source) {
        Ok(program) => Ok(program),
        // Flow-typed JavaScript (`// @flow`): its annotations, `import type` and generics are
        // TypeScript's syntax too, so TSX reads such a file once the Flow-only marks are blanked.
        Err(_) if block.lang == Lang::Js && is_flow(source) => {
            parse(Lang::Tsx, &flow_as_typescript(source))
        }
        Err(e) => Err(e),
    }
    .map_err(|e| ParseError {
        reason: crate::not_analysed::Reason::ParseError,
        message: e.kind().msg().into_owned(),
        span: to_span(swc_common::Spanned::span(&e)),
    })
}

/// Blanks the Flow-only marks TypeScript does not read, byte for byte so every span stays put:
/// maybe types (`: ?User`, `<?T>`), exact-object bars (`{| … |}`) and existential type
/// arguments (`<*>`, read as a type named `_`). None of these sequences is
/// valid JavaScript outside a type, so no expression changes.
fn flow_as_typescript(code: &str) -> String {
    let b = code.as_bytes();
    let mut out = b.to_vec();
    let (mut i, mut exact_open) = (0, 0usize);
    while i < b.len() {
        match b[i] {
            b':' | b'<' | b',' if i + 1 < b.len() => {
                let mut j = i + 1;
                while j < b.len() && b[j] == b' ' {
                    j += 1;
                }
                let next = b.get(j + 1).copied().unwrap_or(b' ');
                // Flow's existential type `*` in type arguments: `Generator<*, *, *>`.
                if b[i] != b':' && b.get(j) == Some(&b'*') {
                    let mut k = j + 1;
                    while k < b.len() && b[k] == b' ' {
                        k += 1;
                    }
                    if matches!(b.get(k), Some(b',' | b'>')) {
                        out[j] = b'_';
                    }
                }
                if b.get(j) == Some(&b'?')
                    && (next.is_ascii_alphabetic() || matches!(next, b'_' | b'{' | b'(' | b'['))
                    && b[i] != b','
                    || (b[i] == b',' && b.get(j) == Some(&b'?') && next.is_ascii_uppercase())
                {
                    out[j] = b' ';
                }
            }
            b'{' if b.get(i + 1) == Some(&b'|') => {
                out[i + 1] = b' ';
                exact_open += 1;
                i += 1;
            }
            b'|' if exact_open > 0 && b.get(i + 1) == Some(&b'}') => {
                out[i] = b' ';
                exact_open -= 1;
            }
            _ => {}
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| code.to_string())
}

/// A `@flow` pragma in the file's leading comments.
fn is_flow(code: &str) -> bool {
    let head = &code[..code.len().min(2048)];
    head.find("@flow").is_some_and(|i| {
        let before = &head[..i];
        before.contains("//") || before.contains("/*")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_say_their_file_and_offset() {
        let text = "let a = 1;\nfbq('track');\n";
        let block = ScriptBlock {
            span: ByteSpan::new(0, text.len() as u32),
            lang: Lang::Js,
            kind: BlockKind::Script,
            decoded: None,
        };
        for index in [0, 1, 5] {
            let Program::Script(s) = parse_block_at(text, &block, index as u32).unwrap() else {
                panic!("a script");
            };
            let span = to_span(swc_common::Spanned::span(&s.body[1]));
            assert_eq!(FileId::of(span), FileId::new(index));
            assert_eq!(FileId::of(span).index(), index);
            assert_eq!(FileId::of(span) == FileId::MAIN, index == 0);
            let l = local(span);
            assert_eq!(&text[l.start as usize..l.end as usize], "fbq('track');");
        }
    }

    #[test]
    fn flow_marks_are_blanked_in_place() {
        let code = "const f = (u: ?User, o: {| a: ?string |}): Generator<*, *, ?T> => u;";
        let ts = flow_as_typescript(code);
        assert_eq!(ts.len(), code.len());
        assert_eq!(
            ts,
            "const f = (u:  User, o: {  a:  string  }): Generator<_, _,  T> => u;"
        );
        // Expressions are untouched.
        let js = "a ? b : c; x || y; [1, 2]; s.replace(/|}/, '')";
        assert_eq!(flow_as_typescript(js), js);
    }
}
