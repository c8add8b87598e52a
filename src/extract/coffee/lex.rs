//! CoffeeScript tokens, with the layout tokens CoffeeScript's own lexer makes of line breaks and
//! indentation: `Indent`/`Outdent` around a more indented block, `Term` at a line end that ends a
//! statement. A line break is no token when the line is unfinished (it ends with an operator or
//! the next starts with `.`, `::` or `,`), and an indentation opened inside brackets is closed
//! before the closing bracket, exactly as `coffee` does, so blocks nest the same way.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum K {
    /// A name or a keyword (the parser tells them apart by position).
    Ident,
    Num,
    /// A string; `aux` indexes [`Lexed::strs`].
    Str,
    /// A regular expression, `/…/` or a heregex `///…///`.
    Regex,
    /// Embedded JavaScript between backticks.
    Js,
    /// Punctuation and operators.
    Op,
    Indent,
    Outdent,
    /// The end of a line that ends a statement, or a `;`.
    Term,
    Eof,
}

#[derive(Clone, Debug)]
pub struct Tok {
    pub k: K,
    /// Byte range in the file (empty for layout tokens).
    pub s: u32,
    pub e: u32,
    /// 0-based line.
    pub line: u32,
    /// Whitespace or a line break before the token.
    pub sp: bool,
    /// The first token of its line.
    pub nl: bool,
    pub aux: u32,
}

/// A piece of a string literal: text as written, or an interpolated `#{…}` expression.
#[derive(Clone, Debug)]
pub enum Part {
    Lit(u32, u32),
    Code(Vec<Tok>),
}

#[derive(Clone, Debug)]
pub struct StrLit {
    pub triple: bool,
    pub parts: Vec<Part>,
    /// The literal spans lines.
    pub multiline: bool,
}

pub struct Lexed {
    pub toks: Vec<Tok>,
    pub strs: Vec<StrLit>,
}

/// Why the file cannot be tokenised, and where.
#[derive(Debug)]
pub struct LexError {
    pub at: u32,
    pub message: String,
}

type R<T> = Result<T, LexError>;

pub fn lex(src: &str) -> R<Lexed> {
    let mut lx = Lexer {
        src,
        b: src.as_bytes(),
        line_starts: line_starts(src),
        strs: Vec::new(),
        depth: 0,
    };
    let toks = lx.run(0, src.len(), true)?;
    Ok(Lexed {
        toks,
        strs: lx.strs,
    })
}

pub fn line_starts(src: &str) -> Vec<u32> {
    let mut v = vec![0];
    v.extend(
        src.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i as u32 + 1),
    );
    v
}

pub fn line_of(starts: &[u32], offset: u32) -> u32 {
    (starts.partition_point(|&s| s <= offset) - 1) as u32
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Bracket(u8),
    Outdent,
}

/// The indentation state of one run (the file; interpolations have none).
struct Layout {
    toks: Vec<Tok>,
    indent: isize,
    base_indent: isize,
    cont_extra: isize,
    outdebt: isize,
    indents: Vec<isize>,
    ends: Vec<End>,
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    line_starts: Vec<u32>,
    strs: Vec<StrLit>,
    /// Interpolations inside interpolations being read.
    depth: usize,
}

/// Strings nested in interpolations deeper than this are refused (the lexer recurses on them).
const MAX_INTERPOLATION_DEPTH: usize = 64;

const OPS: &[&str] = &[
    ">>>=", "...", "**=", "//=", "%%=", ">>>", "<<=", ">>=", "&&=", "||=", "?::", "->", "=>", "..",
    "::", "?.", "**", "//", "%%", "<<", ">>", "==", "!=", "<=", ">=", "&&", "||", "?=", "+=", "-=",
    "*=", "/=", "%=", "&=", "|=", "^=", "++", "--",
];

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '$' || (!c.is_ascii() && !c.is_whitespace())
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$' || (!c.is_ascii() && !c.is_whitespace())
}

/// Words that are operators or keywords, never a value (so `/` after them starts a regex).
const OPERATOR_WORDS: &[&str] = &[
    "and",
    "or",
    "not",
    "is",
    "isnt",
    "in",
    "of",
    "instanceof",
    "return",
    "typeof",
    "new",
    "delete",
    "if",
    "unless",
    "then",
    "else",
    "when",
    "while",
    "until",
    "throw",
    "yield",
    "await",
    "case",
    "switch",
    "for",
    "by",
    "loop",
    "do",
    "extends",
    "catch",
    "finally",
    "try",
];

impl<'a> Lexer<'a> {
    fn err<T>(&self, at: usize, message: &str) -> R<T> {
        Err(LexError {
            at: at as u32,
            message: message.to_string(),
        })
    }

    fn line(&self, at: usize) -> u32 {
        line_of(&self.line_starts, at as u32)
    }

    /// Tokenises `src[from..to]`. With `layout`, line breaks and indentation make layout tokens
    /// (the file); without, they are whitespace (an interpolation).
    fn run(&mut self, from: usize, to: usize, layout: bool) -> R<Vec<Tok>> {
        let mut st = Layout {
            toks: Vec::new(),
            indent: 0,
            base_indent: 0,
            cont_extra: 0,
            outdebt: 0,
            indents: Vec::new(),
            ends: Vec::new(),
        };
        let mut pos = from;
        let (mut sp, mut nl) = (true, true);
        let mut backslash = false;
        if layout {
            // Leading blank lines and comments; an indented first line sets the base indent.
            let (next, size) = self.skip_blank(pos, to, true);
            pos = next;
            st.indent = size as isize;
            st.base_indent = size as isize;
        }
        while pos < to {
            let c = self.b[pos];
            match c {
                b' ' | b'\t' | b'\r' | 0x0c => {
                    pos += 1;
                    sp = true;
                    continue;
                }
                b'\\' if layout && self.line_break_follows(pos + 1, to) => {
                    backslash = true;
                    pos += 1;
                    sp = true;
                    continue;
                }
                b'#' => {
                    if self.block_comment_at(pos) {
                        pos = self.block_comment_end(pos, to)?;
                    } else {
                        while pos < to && self.b[pos] != b'\n' {
                            pos += 1;
                        }
                    }
                    sp = true;
                    continue;
                }
                b'\n' => {
                    if !layout {
                        pos += 1;
                        sp = true;
                        continue;
                    }
                    let (next, size) = self.skip_blank(pos, to, false);
                    if next >= to {
                        break;
                    }
                    let no_newlines = backslash || self.unfinished(&st.toks, next, to);
                    let closer = matches!(self.b[next], b')' | b']' | b'}');
                    self.line_token(&mut st, size as isize, no_newlines, backslash, closer, next)?;
                    backslash = false;
                    pos = next;
                    sp = true;
                    nl = true;
                    continue;
                }
                c if c >= 0x80 => {
                    // Unicode spaces (no-break space, …) and a byte order mark are whitespace.
                    let ch = self.src[pos..].chars().next().unwrap_or('x');
                    if ch.is_whitespace() || ch == '\u{feff}' {
                        pos += ch.len_utf8();
                        sp = true;
                        continue;
                    }
                }
                _ => {}
            }
            let start = pos;
            let (k, end, aux) = self.token(&st.toks, pos, to, sp)?;
            let tok = Tok {
                k,
                s: start as u32,
                e: end as u32,
                line: self.line(start),
                sp,
                nl,
                aux,
            };
            pos = end;
            sp = false;
            nl = false;
            if k == K::Op {
                match &self.src[start..end] {
                    "(" => st.ends.push(End::Bracket(b')')),
                    "[" => st.ends.push(End::Bracket(b']')),
                    "{" => st.ends.push(End::Bracket(b'}')),
                    ")" | "]" | "}" if layout => self.pair(&mut st, self.b[start], start)?,
                    ")" | "]" | "}" if st.ends.pop() != Some(End::Bracket(self.b[start])) => {
                        return self.err(start, "unmatched bracket");
                    }
                    _ => {}
                }
            }
            st.toks.push(tok);
        }
        if layout {
            let at = to;
            let indent = st.indent;
            self.outdent_token(&mut st, indent, false, false, at)?;
            if let Some(e) = st.ends.iter().rev().find(|e| matches!(e, End::Bracket(_))) {
                let End::Bracket(c) = e else { unreachable!() };
                return self.err(to, &format!("missing {}", *c as char));
            }
        } else if !st.ends.is_empty() {
            return self.err(to, "missing closing bracket in an interpolation");
        }
        let at = to as u32;
        st.toks.push(Tok {
            k: K::Eof,
            s: at,
            e: at,
            line: self.line(to),
            sp: true,
            nl: true,
            aux: 0,
        });
        Ok(st.toks)
    }

    fn line_break_follows(&self, mut i: usize, to: usize) -> bool {
        while i < to && matches!(self.b[i], b' ' | b'\t' | b'\r') {
            i += 1;
        }
        i >= to || self.b[i] == b'\n'
    }

    fn block_comment_at(&self, pos: usize) -> bool {
        let r = &self.src[pos..];
        r.starts_with("###") && !r.starts_with("####")
    }

    fn block_comment_end(&self, pos: usize, to: usize) -> R<usize> {
        match self.src[pos + 3..to].find("###") {
            Some(i) => Ok(pos + 3 + i + 3),
            None => Ok(to),
        }
    }

    /// From a line break (or the start), skips blank lines and comment lines: the offset of the
    /// next code and the indentation of its line.
    fn skip_blank(&self, mut pos: usize, to: usize, at_start: bool) -> (usize, usize) {
        let mut line_start = if at_start { pos } else { pos + 1 };
        if !at_start {
            pos += 1;
        }
        loop {
            let mut i = line_start.max(pos);
            // Spaces, and Unicode spaces (a no-break space) and a byte order mark.
            while i < to {
                match self.b[i] {
                    b' ' | b'\t' | b'\r' | 0x0c => i += 1,
                    c if c >= 0x80 => match self.src[i..].chars().next() {
                        Some(ch) if ch != '\n' && (ch.is_whitespace() || ch == '\u{feff}') => {
                            i += ch.len_utf8()
                        }
                        _ => break,
                    },
                    _ => break,
                }
            }
            if i >= to {
                return (to, 0);
            }
            match self.b[i] {
                b'\n' => {
                    line_start = i + 1;
                    pos = i + 1;
                }
                b'#' if self.block_comment_at(i) => {
                    let end = self.block_comment_end(i, to).unwrap_or(to);
                    // Code after the comment on its last line is this line's code.
                    let mut j = end;
                    while j < to && matches!(self.b[j], b' ' | b'\t' | b'\r') {
                        j += 1;
                    }
                    if j < to && self.b[j] != b'\n' && self.b[j] != b'#' {
                        let size = self.indent_width(line_start);
                        return (j, size);
                    }
                    pos = j;
                    line_start = self.src[..j].rfind('\n').map_or(0, |n| n + 1);
                    if j < to && self.b[j] == b'#' {
                        while pos < to && self.b[pos] != b'\n' {
                            pos += 1;
                        }
                    }
                }
                b'#' => {
                    while i < to && self.b[i] != b'\n' {
                        i += 1;
                    }
                    pos = i;
                }
                _ => {
                    let size = self.indent_width(line_start);
                    return (i, size);
                }
            }
        }
    }

    fn indent_width(&self, line_start: usize) -> usize {
        self.b[line_start..]
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count()
    }

    /// The line just ended continues on the next (`coffee`'s `unfinished`): the next line starts
    /// with `,` `.` `?.` `::`, or the last token is an operator that needs a right side.
    fn unfinished(&self, toks: &[Tok], next: usize, to: usize) -> bool {
        let rest = &self.src[next..to];
        let nb = rest.as_bytes();
        if rest.starts_with(',') || rest.starts_with("::") || rest.starts_with("?::") {
            return true;
        }
        let dot = |r: &[u8]| {
            r.first() == Some(&b'.') && !r.get(1).is_some_and(|c| *c == b'.' || c.is_ascii_digit())
        };
        if dot(nb) || (nb.first() == Some(&b'?') && dot(&nb[1..])) {
            return true;
        }
        let Some(last) = toks.last() else {
            return false;
        };
        let text = &self.src[last.s as usize..last.e as usize];
        match last.k {
            K::Op => {
                matches!(
                    text,
                    "." | "?."
                        | "?::"
                        | "!"
                        | "~"
                        | "*"
                        | "/"
                        | "%"
                        | "//"
                        | "%%"
                        | "+"
                        | "-"
                        | "**"
                        | "<<"
                        | ">>"
                        | ">>>"
                        | "=="
                        | "!="
                        | "<"
                        | ">"
                        | "<="
                        | ">="
                        | "&"
                        | "^"
                        | "|"
                        | "&&"
                        | "||"
                ) || (text == "?" && last.sp)
            }
            K::Ident => {
                let property = toks.len() >= 2 && {
                    let p = &toks[toks.len() - 2];
                    p.k == K::Op
                        && matches!(
                            &self.src[p.s as usize..p.e as usize],
                            "." | "?." | "::" | "@"
                        )
                        && !last.sp
                };
                !property
                    && matches!(
                        text,
                        "new"
                            | "typeof"
                            | "delete"
                            | "do"
                            | "not"
                            | "in"
                            | "of"
                            | "instanceof"
                            | "is"
                            | "isnt"
                            | "and"
                            | "or"
                            | "extends"
                    )
            }
            _ => false,
        }
    }

    fn layout_tok(&self, k: K, at: usize) -> Tok {
        Tok {
            k,
            s: at as u32,
            e: at as u32,
            line: self.line(at),
            sp: true,
            nl: true,
            aux: 0,
        }
    }

    fn push_term(&self, st: &mut Layout, at: usize) {
        if !matches!(st.toks.last(), Some(t) if t.k == K::Term) && !st.toks.is_empty() {
            st.toks.push(self.layout_tok(K::Term, at));
        }
    }

    /// `coffee`'s `lineToken`: a line break followed by code indented `size`.
    fn line_token(
        &mut self,
        st: &mut Layout,
        size: isize,
        no_newlines: bool,
        backslash: bool,
        closer: bool,
        at: usize,
    ) -> R<()> {
        if size - st.cont_extra == st.indent {
            if !no_newlines {
                self.push_term(st, at);
            }
            return Ok(());
        }
        if size > st.indent {
            if no_newlines {
                if !backslash {
                    st.cont_extra = size - st.indent;
                }
                return Ok(());
            }
            if st.toks.is_empty() {
                st.indent = size;
                st.base_indent = size;
                return Ok(());
            }
            let diff = size - st.indent + st.outdebt;
            st.toks.push(self.layout_tok(K::Indent, at));
            st.indents.push(diff);
            st.ends.push(End::Outdent);
            st.outdebt = 0;
            st.cont_extra = 0;
            st.indent = size;
        } else {
            st.cont_extra = 0;
            let size = size.max(st.base_indent);
            let move_out = st.indent - size;
            self.outdent_token(st, move_out, no_newlines, closer, at)?;
        }
        Ok(())
    }

    /// `coffee`'s `outdentToken`.
    fn outdent_token(
        &mut self,
        st: &mut Layout,
        mut move_out: isize,
        no_newlines: bool,
        closer: bool,
        at: usize,
    ) -> R<()> {
        let mut decreased = st.indent - move_out;
        let mut dented = false;
        while move_out > 0 {
            let Some(&last) = st.indents.last() else {
                st.outdebt = 0;
                move_out = 0;
                break;
            };
            let _ = last;
            if st.outdebt > 0 && move_out <= st.outdebt {
                st.outdebt -= move_out;
                move_out = 0;
            } else {
                let dent = st.indents.pop().unwrap_or(0) + st.outdebt;
                if closer {
                    decreased -= dent - move_out;
                    move_out = dent;
                }
                st.outdebt = 0;
                self.pair_outdent(st, at)?;
                st.toks.push(self.layout_tok(K::Outdent, at));
                move_out -= dent;
                dented = true;
            }
        }
        if dented {
            st.outdebt -= move_out;
        }
        if !no_newlines {
            self.push_term(st, at);
        }
        st.indent = decreased;
        Ok(())
    }

    fn pair_outdent(&self, st: &mut Layout, at: usize) -> R<()> {
        match st.ends.pop() {
            Some(End::Outdent) => Ok(()),
            Some(End::Bracket(c)) => {
                self.err(at, &format!("missing {} before a dedent", c as char))
            }
            None => Ok(()),
        }
    }

    /// A closing bracket: closes the indentation opened inside the brackets first.
    fn pair(&mut self, st: &mut Layout, closer: u8, at: usize) -> R<()> {
        loop {
            match st.ends.last() {
                Some(End::Bracket(c)) if *c == closer => {
                    st.ends.pop();
                    return Ok(());
                }
                Some(End::Outdent) => {
                    let last = st.indents.last().copied().unwrap_or(0);
                    self.outdent_token(st, last, true, false, at)?;
                }
                _ => return self.err(at, &format!("unmatched {}", closer as char)),
            }
        }
    }

    /// The token at `pos`: its kind, end and aux value.
    fn token(&mut self, toks: &[Tok], pos: usize, to: usize, sp: bool) -> R<(K, usize, u32)> {
        let rest = &self.src[pos..to];
        let c = rest.chars().next().unwrap_or(' ');
        if is_ident_start(c) {
            let len: usize = rest
                .char_indices()
                .find(|&(_, ch)| !is_ident_char(ch))
                .map_or(rest.len(), |(i, _)| i);
            return Ok((K::Ident, pos + len, 0));
        }
        let b = rest.as_bytes();
        let prev_value = toks.last().is_some_and(|t| self.is_value(toks, t));
        if c.is_ascii_digit()
            || (c == '.' && b.get(1).is_some_and(u8::is_ascii_digit) && !prev_value)
        {
            return Ok((K::Num, pos + number_len(b), 0));
        }
        match c {
            '"' | '\'' => {
                let (end, idx) = self.string(pos, to)?;
                return Ok((K::Str, end, idx));
            }
            '`' => {
                let fence = if rest.starts_with("```") { 3 } else { 1 };
                let mut i = pos + fence;
                loop {
                    if i >= to {
                        return self.err(pos, "unterminated embedded JavaScript");
                    }
                    if self.b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if self.b[i..].starts_with(&b"```"[..fence]) {
                        return Ok((K::Js, i + fence, 0));
                    }
                    i += 1;
                }
            }
            '/' => {
                if rest.starts_with("///") {
                    let mut i = pos + 3;
                    loop {
                        if i >= to {
                            return self.err(pos, "unterminated heregex");
                        }
                        if self.b[i] == b'\\' {
                            i += 2;
                            continue;
                        }
                        if self.b[i] == b'#' && self.b.get(i + 1) == Some(&b'{') {
                            i = self.interpolation_end(i + 2, to, 0)? + 1;
                            continue;
                        }
                        // A comment inside a heregex runs to the end of its line.
                        if self.b[i] == b'#'
                            && self.b.get(i + 1) != Some(&b'{')
                            && matches!(self.b[i - 1], b' ' | b'\t' | b'\n')
                        {
                            while i < to && self.b[i] != b'\n' {
                                i += 1;
                            }
                            continue;
                        }
                        if self.b[i..].starts_with(b"///") {
                            i += 3;
                            while i < to && self.b[i].is_ascii_alphabetic() {
                                i += 1;
                            }
                            return Ok((K::Regex, i, 0));
                        }
                        i += 1;
                    }
                }
                if self.regex_allowed(toks, sp, b) {
                    if let Some(end) = regex_end(b) {
                        return Ok((K::Regex, pos + end, 0));
                    }
                }
            }
            _ => {}
        }
        for op in OPS {
            if rest.starts_with(op) {
                return Ok((K::Op, pos + op.len(), 0));
            }
        }
        if c == ';' {
            return Ok((K::Term, pos + 1, 0));
        }
        Ok((K::Op, pos + c.len_utf8(), 0))
    }

    /// A token after which `/` divides rather than starts a regex.
    fn is_value(&self, toks: &[Tok], t: &Tok) -> bool {
        let text = &self.src[t.s as usize..t.e as usize];
        match t.k {
            K::Num | K::Str | K::Regex | K::Js => true,
            K::Ident => {
                let property = toks.len() >= 2 && {
                    let p = &toks[toks.len() - 2];
                    p.k == K::Op
                        && matches!(
                            &self.src[p.s as usize..p.e as usize],
                            "." | "?." | "::" | "@"
                        )
                };
                property || !OPERATOR_WORDS.contains(&text)
            }
            K::Op => matches!(text, ")" | "]" | "}" | "@" | "?" | "++" | "--"),
            _ => false,
        }
    }

    /// `coffee`'s rule: `/` starts a regex unless it follows a value; after a spaced callable
    /// (`f /x/`) it does unless it looks like a division (`a / b`, `a /= b`).
    fn regex_allowed(&self, toks: &[Tok], sp: bool, rest: &[u8]) -> bool {
        let Some(prev) = toks.last() else {
            return true;
        };
        if !self.is_value(toks, prev) {
            return true;
        }
        let callable = matches!(prev.k, K::Ident)
            || (prev.k == K::Op
                && matches!(&self.src[prev.s as usize..prev.e as usize], ")" | "]"));
        let division_like = matches!(rest.get(1), Some(b' ' | b'\t'))
            || (rest.get(1) == Some(&b'=') && matches!(rest.get(2), Some(b' ' | b'\t')));
        callable && sp && !division_like
    }

    /// A string literal at `pos`: its end and index in `strs`.
    fn string(&mut self, pos: usize, to: usize) -> R<(usize, u32)> {
        let quote = self.b[pos];
        let triple = self.src[pos..].starts_with(if quote == b'"' { "\"\"\"" } else { "'''" });
        let open = if triple { 3 } else { 1 };
        let mut i = pos + open;
        let mut parts = Vec::new();
        let mut lit = i;
        loop {
            if i >= to {
                return self.err(pos, "unterminated string");
            }
            let c = self.b[i];
            if c == quote && (!triple || self.b[i..].starts_with(&[quote; 3])) {
                break;
            }
            if c == b'\\' {
                i += 1;
                if i < to {
                    i += self.src[i..].chars().next().map_or(1, char::len_utf8);
                }
                continue;
            }
            if quote == b'"' && c == b'#' && self.b.get(i + 1) == Some(&b'{') {
                if lit < i {
                    parts.push(Part::Lit(lit as u32, i as u32));
                }
                if self.depth >= MAX_INTERPOLATION_DEPTH {
                    return self.err(i, "interpolations nested too deep");
                }
                let close = self.interpolation_end(i + 2, to, 0)?;
                self.depth += 1;
                let code = self.run(i + 2, close, false);
                self.depth -= 1;
                let code = code?;
                parts.push(Part::Code(code));
                i = close + 1;
                lit = i;
                continue;
            }
            i += 1;
        }
        if lit < i {
            parts.push(Part::Lit(lit as u32, i as u32));
        }
        let end = i + open;
        let multiline = self.src[pos..end].contains('\n');
        self.strs.push(StrLit {
            triple,
            parts,
            multiline,
        });
        Ok((end, self.strs.len() as u32 - 1))
    }

    /// The `}` closing an interpolation whose code starts at `from`.
    fn interpolation_end(&self, from: usize, to: usize, nesting: usize) -> R<usize> {
        if nesting >= MAX_INTERPOLATION_DEPTH {
            return self.err(from, "interpolations nested too deep");
        }
        let mut depth = 0usize;
        let mut i = from;
        while i < to {
            match self.b[i] {
                b'{' => depth += 1,
                b'}' if depth == 0 => return Ok(i),
                b'}' => depth -= 1,
                q @ (b'"' | b'\'') => {
                    // A nested string, with its own interpolations.
                    let mut j = i + 1;
                    while j < to && self.b[j] != q {
                        if self.b[j] == b'\\' {
                            j += 1;
                        } else if q == b'"' && self.b[j] == b'#' && self.b.get(j + 1) == Some(&b'{')
                        {
                            j = self.interpolation_end(j + 2, to, nesting + 1)?;
                        }
                        j += 1;
                    }
                    i = j;
                }
                _ => {}
            }
            i += 1;
        }
        self.err(from, "unterminated interpolation")
    }
}

fn number_len(b: &[u8]) -> usize {
    let mut i = 0;
    if b.len() > 1 && b[0] == b'0' && matches!(b[1], b'x' | b'X' | b'b' | b'B' | b'o' | b'O') {
        i = 2;
        while i < b.len() && (b[i].is_ascii_hexdigit() || b[i] == b'_') {
            i += 1;
        }
    } else {
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
            i += 1;
        }
        if i < b.len() && b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
                i += 1;
            }
        }
        if i < b.len() && matches!(b[i], b'e' | b'E') {
            let mut j = i + 1;
            if j < b.len() && matches!(b[j], b'+' | b'-') {
                j += 1;
            }
            if j < b.len() && b[j].is_ascii_digit() {
                i = j;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
        }
    }
    if i < b.len() && b[i] == b'n' {
        i += 1;
    }
    i
}

/// The end of a `/…/flags` regex starting at `b[0]`, on one line.
fn regex_end(b: &[u8]) -> Option<usize> {
    let mut i = 1;
    let mut class = false;
    if matches!(b.get(1), Some(b'/' | b'*')) {
        return None;
    }
    while i < b.len() {
        match b[i] {
            b'\n' => return None,
            b'\\' => i += 1,
            b'[' => class = true,
            b']' => class = false,
            b'/' if !class => {
                i += 1;
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                return Some(i);
            }
            _ => {}
        }
        i += 1;
    }
    None
}
