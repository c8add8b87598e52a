//! JavaScript that PHP code builds in string literals and hands to an emitter:
//! `wc_enqueue_js("fbq('init', '1', { em: '" . esc_js($email) . "' });")`,
//! `wp_add_inline_script('x', $js)`, `printf('<script>…%s…</script>', $email)`, or produces as
//! text with no markup (`return apply_filters('h', sprintf("fbq('init', '%s', %s);", …))`,
//! `$js = "…"`, `echo "…"`): such text is the script, wherever it goes. The literals
//! (single- or double-quoted, heredoc, nowdoc) are decoded, their escapes read as what they
//! print, and joined with the PHP expressions concatenated or interpolated between them: those
//! are server outputs, named by the expression, as in a `<?= … ?>` tag. The code is a decoded
//! block whose offset map points every run back at the file's bytes.
//!
//! Only code that calls a tracker of the catalog is kept, so ordinary PHP strings cost nothing,
//! and only code that parses, so a guess never becomes a parse error.

use super::php_code::{lex, statement_end, Lexed, Quote, Str};
use crate::extract::bytes::{is_ident, is_ident_start, lossy, match_bracket};
use crate::extract::{
    BlockKind, Extracted, Interpolation, Lang, OffsetMap, OffsetSeg, ScriptBlock,
};
use crate::prefilter::Prefilter;
use crate::source::ByteSpan;
use std::sync::OnceLock;

/// A piece of the text a PHP expression builds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Part {
    /// Text of a literal, as printed, standing for the file's bytes `file`.
    Raw { text: String, file: (usize, usize) },
    /// Text the reading writes (`{"em":` of an encoded array): maps to its neighbours.
    Synth(String),
    /// A value the server prints: the expression's span in the file and its text.
    Output { span: (usize, usize), expr: String },
}

/// JavaScript a PHP block hands to an emitter, before its outputs are numbered.
#[derive(Clone, Debug)]
pub(super) struct PhpScript {
    pub parts: Vec<Part>,
}

/// Functions whose argument is JavaScript code: (name, argument index).
const JS_EMITTERS: &[(&[u8], usize)] = &[
    (b"wc_enqueue_js", 0),
    (b"wp_add_inline_script", 1),
    (b"wp_print_inline_script_tag", 0),
];

/// How deep variables are followed (`$js` built from `$pixel` built from …).
const MAX_DEPTH: usize = 4;

fn trackers() -> &'static Prefilter {
    static TRACKERS: OnceLock<Prefilter> = OnceLock::new();
    TRACKERS.get_or_init(|| {
        let needles: Vec<String> = crate::catalog::Catalog::builtin().sdks.needles().collect();
        Prefilter::for_globals(needles.iter().map(String::as_str))
    })
}

/// The scripts the PHP code `from..to` hands to an emitter, when their text calls a tracker.
pub(super) fn scripts(b: &[u8], from: usize, to: usize) -> Vec<PhpScript> {
    let to = to.min(b.len());
    // Cheap gate: the code names a tracker at all.
    let body = &b[from..to];
    if !trackers().may_match(body) {
        return Vec::new();
    }
    let lexed = lex(b, from, to);
    let r = Reader {
        b,
        from,
        lexed: &lexed,
    };
    let mut out = Vec::new();
    let code = &lexed.code;
    let mut k = 0;
    while k < code.len() {
        if !is_ident_start(code[k]) || (k > 0 && (is_ident(code[k - 1]) || code[k - 1] == b'$')) {
            k += 1;
            continue;
        }
        let n = code[k..].iter().take_while(|&&c| is_ident(c)).count();
        let word = &code[k..k + n];
        let method = k >= 2 && (&code[k - 2..k] == b"->" || &code[k - 2..k] == b"::");
        let mut p = k + n;
        while p < code.len() && code[p].is_ascii_whitespace() {
            p += 1;
        }
        let call = !method && code.get(p) == Some(&b'(');
        if call {
            let args = r.args(p);
            if let Some(&(_, index)) = JS_EMITTERS.iter().find(|(name, _)| *name == word) {
                if let Some(&(s, e)) = args.get(index) {
                    if let Some(parts) = r.string(s, e, 0) {
                        out.push(PhpScript { parts });
                    }
                }
            } else if word == b"printf" || word == b"sprintf" {
                let end = match_bracket(code, p, code.len()).map_or(code.len(), |c| c + 1);
                let produced =
                    word == b"printf" || r.produced_at(expression_around(code, k, end).0);
                if let Some(parts) = r.format(&args, 0) {
                    if !has_markup(&parts) && produced {
                        // Text with no markup that is JavaScript: a script wherever it goes.
                        push_new(&mut out, PhpScript { parts });
                    } else if word == b"printf" || r.echoed_at(k) {
                        for script in script_elements(parts) {
                            push_new(&mut out, script);
                        }
                    }
                }
            }
        }
        k += n;
    }
    // Any other string with no markup whose text calls a tracker, wherever it is produced
    // (returned, assigned, passed to a filter, echoed): the expression it is built by. A block
    // whose strings print a `<script>` is read as the page it prints instead
    // ([`super::php_code::script_strings`]).
    let prints_script = lexed
        .strings
        .iter()
        .any(|s| super::php_code::opens_script(&b[s.content.0..s.content.1]));
    for lit in lexed.strings.iter().filter(|_| !prints_script) {
        let content = &b[lit.content.0..lit.content.1];
        if !trackers().may_match(content) || !content.contains(&b'(') {
            continue;
        }
        if covered(&out, lit.content) {
            continue;
        }
        let (s, e) = expression_around(code, lit.start - from, lit.end - from);
        if !r.produced_at(s) {
            continue;
        }
        if let Some(parts) = r.string(s, e, 0) {
            if !has_markup(&parts) {
                push_new(&mut out, PhpScript { parts });
            }
        }
    }
    out.retain(|s| trackers().may_match(raw_text(&s.parts).as_bytes()));
    out
}

/// The literal text of parts.
fn raw_text(parts: &[Part]) -> String {
    parts
        .iter()
        .filter_map(|p| match p {
            Part::Raw { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// Whether text holds markup: a `<` that starts a tag, a closing tag or a comment.
fn has_markup(parts: &[Part]) -> bool {
    let text = raw_text(parts);
    let t = text.as_bytes();
    t.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

/// Whether the file bytes `span` are already read as part of a script.
fn covered(out: &[PhpScript], span: (usize, usize)) -> bool {
    out.iter().flat_map(|s| &s.parts).any(|p| match p {
        Part::Raw { file, .. } => file.0 < span.1 && span.0 < file.1,
        _ => false,
    })
}

/// Adds a script unless its text is already read as part of another.
fn push_new(out: &mut Vec<PhpScript>, script: PhpScript) {
    let overlaps = script.parts.iter().any(|p| match p {
        Part::Raw { file, .. } => covered(out, *file),
        _ => false,
    });
    if !overlaps {
        out.push(script);
    }
}

/// The expression a string literal at lexed `s..e` is an operand of: the concatenation
/// around it, up to what delimits an expression (`=`, `return`, `(`, `,`, `;`, an operator
/// other than `.`).
fn expression_around(code: &[u8], s: usize, e: usize) -> (usize, usize) {
    let mut depth = 0i32;
    let mut j = s;
    while j > 0 {
        let c = code[j - 1];
        match c {
            b')' | b']' => depth += 1,
            b'(' | b'[' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            b'>' if j >= 2 && code[j - 2] == b'-' => {
                j -= 2;
                continue;
            }
            b':' if j >= 2 && code[j - 2] == b':' => {
                j -= 2;
                continue;
            }
            b',' | b';' | b'{' | b'}' | b'=' | b'?' | b':' | b'<' | b'>' | b'!' | b'&' | b'|'
                if depth == 0 =>
            {
                break
            }
            c if is_ident(c) => {
                let n = code[..j].iter().rev().take_while(|&&c| is_ident(c)).count();
                let w = &code[j - n..j];
                let var = j - n > 0 && code[j - n - 1] == b'$';
                if depth == 0
                    && !var
                    && matches!(w, b"return" | b"echo" | b"print" | b"case" | b"yield")
                {
                    break;
                }
                j -= n;
                continue;
            }
            _ => {}
        }
        j -= 1;
    }
    let mut depth = 0i32;
    let mut k = e;
    while k < code.len() {
        let c = code[k];
        match c {
            b'(' | b'[' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => break,
            b')' | b']' => depth -= 1,
            b'-' if code.get(k + 1) == Some(&b'>') => {
                k += 2;
                continue;
            }
            b':' if code.get(k + 1) == Some(&b':') => {
                k += 2;
                continue;
            }
            b',' | b';' | b'{' | b'=' | b'?' | b':' | b'<' | b'>' | b'&' | b'|' | b'!'
                if depth == 0 =>
            {
                break
            }
            _ => {}
        }
        k += 1;
    }
    trim(code, j, k)
}

/// The PHP code being read: the file's bytes, where the code starts, and the code lexed.
struct Reader<'a> {
    b: &'a [u8],
    from: usize,
    lexed: &'a Lexed,
}

impl Reader<'_> {
    fn code(&self) -> &[u8] {
        &self.lexed.code
    }

    /// The arguments of the call whose `(` is at `open` (lexed offsets): their trimmed ranges.
    fn args(&self, open: usize) -> Vec<(usize, usize)> {
        let code = self.code();
        let Some(close) = match_bracket(code, open, code.len()) else {
            return Vec::new();
        };
        split_top(code, open + 1, close, b',')
    }

    /// Whether the call at `k` builds printed text, as a literal would in
    /// [`super::php_code`]: `echo sprintf(…)`, `return sprintf(…)`, `$html = sprintf(…)`,
    /// `'…' . sprintf(…)`.
    fn echoed_at(&self, k: usize) -> bool {
        let code = self.code();
        let before = &code[..k];
        let Some(p) = before.iter().rposition(|c| !c.is_ascii_whitespace()) else {
            return false;
        };
        if matches!(before[p], b'=' | b'.' | b'?' | b':') {
            return true;
        }
        let n = before[..=p]
            .iter()
            .rev()
            .take_while(|&&c| is_ident(c))
            .count();
        matches!(&before[p + 1 - n..=p], b"echo" | b"print" | b"return")
    }

    /// Whether the expression starting at `s` is text the code produces: printed, returned,
    /// assigned (as [`Self::echoed_at`]) or handed to a WordPress filter, which returns it
    /// (`apply_filters('hook', $js)`); not the argument of another call (`error_log(…)`, `__(…)`).
    fn produced_at(&self, s: usize) -> bool {
        if self.echoed_at(s) {
            return true;
        }
        let code = self.code();
        let Some(p) = code[..s].iter().rposition(|c| !c.is_ascii_whitespace()) else {
            return false;
        };
        if !matches!(code[p], b'(' | b',') {
            return false;
        }
        // The call whose argument list this is.
        let mut depth = 0i32;
        let mut open = None;
        for j in (0..=p).rev() {
            match code[j] {
                b')' | b']' | b'}' => depth += 1,
                b'(' | b'[' | b'{' if depth == 0 => {
                    open = Some(j);
                    break;
                }
                b'(' | b'[' | b'{' => depth -= 1,
                _ => {}
            }
        }
        let Some(open) = open.filter(|&o| code[o] == b'(') else {
            return false;
        };
        let end = code[..open]
            .iter()
            .rposition(|c| !c.is_ascii_whitespace())
            .map_or(0, |q| q + 1);
        let n = code[..end]
            .iter()
            .rev()
            .take_while(|&&c| is_ident(c))
            .count();
        matches!(
            &code[end - n..end],
            b"apply_filters" | b"apply_filters_ref_array"
        )
    }

    fn text(&self, s: usize, e: usize) -> String {
        lossy(&self.b[self.from + s..self.from + e])
            .trim()
            .to_string()
    }

    /// The literal exactly at lexed range `s..e`.
    fn literal_at(&self, s: usize, e: usize) -> Option<&Str> {
        let (s, e) = (self.from + s, self.from + e);
        self.lexed
            .strings
            .iter()
            .find(|t| t.start == s && t.end == e)
    }

    /// The text a string expression at `s..e` builds: its literals and the outputs between
    /// them; `None` when it holds no literal (a value, not a string being built).
    fn string(&self, s: usize, e: usize, depth: usize) -> Option<Vec<Part>> {
        let mut parts = Vec::new();
        let mut any = false;
        for (os, oe) in split_concat(self.code(), s, e) {
            let operand = self.operand(os, oe, depth);
            any |= operand.1;
            parts.extend(operand.0);
        }
        any.then_some(parts)
    }

    /// One operand of a concatenation: its parts, and whether it holds literal text.
    fn operand(&self, s: usize, e: usize, depth: usize) -> (Vec<Part>, bool) {
        let code = self.code();
        if let Some(lit) = self.literal_at(s, e) {
            return (self.decode(lit), true);
        }
        let word_end = s + code[s..e].iter().take_while(|&&c| is_ident(c)).count();
        let mut p = word_end;
        while p < e && code[p].is_ascii_whitespace() {
            p += 1;
        }
        let name = &code[s..word_end];
        if code.get(p) == Some(&b'(')
            && match_bracket(code, p, e) == Some(e - 1)
            && depth < MAX_DEPTH
        {
            let args = self.args(p);
            match name {
                b"sprintf" => {
                    if let Some(parts) = self.format(&args, depth + 1) {
                        return (parts, true);
                    }
                }
                b"json_encode" | b"wp_json_encode" => {
                    if let Some(&(a, z)) = args.first() {
                        if let Some(obj) = self.array_of(a, z, depth + 1) {
                            return (obj, false);
                        }
                    }
                }
                _ => {}
            }
        }
        // A variable built as a string earlier in the function.
        if code[s] == b'$' && depth < MAX_DEPTH {
            let n = code[s + 1..e].iter().take_while(|&&c| is_ident(c)).count();
            if n > 0 && s + 1 + n == e {
                match self.assigned(s, e, depth + 1) {
                    Some(Assigned::Text(parts)) => return (parts, true),
                    Some(Assigned::Value(vs, ve)) => {
                        return (
                            vec![Part::Output {
                                span: (self.from + s, self.from + e),
                                expr: self.text(vs, ve),
                            }],
                            false,
                        )
                    }
                    None => {}
                }
            }
        }
        (vec![self.output(s, e)], false)
    }

    fn output(&self, s: usize, e: usize) -> Part {
        Part::Output {
            span: (self.from + s, self.from + e),
            expr: self.text(s, e),
        }
    }

    /// `sprintf(format, args…)`: the format's text with each conversion (`%s`, `%d`, `%1$s`)
    /// replaced by its argument.
    fn format(&self, args: &[(usize, usize)], depth: usize) -> Option<Vec<Part>> {
        let &(fs, fe) = args.first()?;
        let fmt = self.string(fs, fe, depth)?;
        let mut out = Vec::new();
        let mut next_arg = 1;
        for part in fmt {
            let Part::Raw { text, file } = part else {
                out.push(part);
                continue;
            };
            // Escapes are single runs: only verbatim runs hold conversions.
            if text.len() != file.1 - file.0 {
                out.push(Part::Raw { text, file });
                continue;
            }
            let t = text.as_bytes();
            let mut last = 0;
            let mut i = 0;
            while i < t.len() {
                if t[i] != b'%' {
                    i += 1;
                    continue;
                }
                let Some((len, position)) = conversion(&t[i..]) else {
                    i += 1;
                    continue;
                };
                push_raw(&mut out, &text[last..i], file.0 + last);
                if len == 2 && t[i + 1] == b'%' {
                    out.push(Part::Raw {
                        text: "%".into(),
                        file: (file.0 + i, file.0 + i + 2),
                    });
                } else {
                    let arg = position.unwrap_or(next_arg);
                    if position.is_none() {
                        next_arg += 1;
                    }
                    match args.get(arg) {
                        Some(&(a, z)) => {
                            let (parts, _) = self.operand(a, z, depth);
                            out.extend(parts);
                        }
                        None => out.push(Part::Synth(String::new())),
                    }
                }
                i += len;
                last = i;
            }
            push_raw(&mut out, &text[last..], file.0 + last);
        }
        Some(out)
    }

    /// What the variable at `s..e` was last assigned in the function before it: the text of
    /// string pieces (`$js = "…"; $js .= "…";`), or the range of another value.
    fn assigned(&self, s: usize, e: usize, depth: usize) -> Option<Assigned> {
        let code = self.code();
        let name = &code[s..e];
        let scope = function_start(code, s);
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut k = scope;
        while let Some(at) = find_var(code, k, s, name) {
            let mut p = at + name.len();
            while p < s && code[p].is_ascii_whitespace() {
                p += 1;
            }
            let append = code.get(p) == Some(&b'.') && code.get(p + 1) == Some(&b'=');
            let assign =
                code.get(p) == Some(&b'=') && !matches!(code.get(p + 1), Some(b'=' | b'>'));
            if append || assign {
                let rs = p + if append { 2 } else { 1 };
                let re = statement_end(code, rs).min(s);
                let (rs, re) = trim(code, rs, re);
                if assign {
                    pieces.clear();
                }
                if rs < re {
                    pieces.push((rs, re));
                }
                k = re.max(at + 1);
            } else {
                k = at + 1;
            }
        }
        match pieces.as_slice() {
            [] => None,
            [(vs, ve)] => Some(match self.string(*vs, *ve, depth) {
                Some(parts) => Assigned::Text(parts),
                None => Assigned::Value(*vs, *ve),
            }),
            many => {
                let mut all = Vec::new();
                let mut any = false;
                for &(vs, ve) in many {
                    if let Some(parts) = self.string(vs, ve, depth) {
                        any = true;
                        all.extend(parts);
                    } else {
                        all.push(self.output(vs, ve));
                    }
                }
                any.then_some(Assigned::Text(all))
            }
        }
    }

    /// `json_encode($data)` where `$data` is an array literal built in the function
    /// (`array('em' => $x)`, `['em' => $x]`, `$data['em'] = $x;`): an object literal whose
    /// values are the outputs.
    fn array_of(&self, s: usize, e: usize, depth: usize) -> Option<Vec<Part>> {
        let code = self.code();
        let (s, e) = trim(code, s, e);
        if let Some(parts) = self.array_literal(s, e, depth) {
            return Some(parts);
        }
        if code.get(s) != Some(&b'$') || depth > MAX_DEPTH {
            return None;
        }
        let n = code[s + 1..e].iter().take_while(|&&c| is_ident(c)).count();
        if n == 0 || s + 1 + n != e {
            return None;
        }
        self.array_var(&code[s..e], s, depth)
    }

    /// The array variable `name` (`$data`) as built in the function before lexed offset `s`.
    fn array_var(&self, name: &[u8], s: usize, depth: usize) -> Option<Vec<Part>> {
        let code = self.code();
        let scope = function_start(code, s);
        let mut entries: Vec<Vec<Part>> = Vec::new();
        let mut k = scope;
        while let Some(at) = find_var(code, k, s, name) {
            let mut p = at + name.len();
            k = at + 1;
            while p < s && code[p].is_ascii_whitespace() {
                p += 1;
            }
            if code.get(p) == Some(&b'=') && !matches!(code.get(p + 1), Some(b'=' | b'>')) {
                let re = statement_end(code, p + 1).min(s);
                let (vs, ve) = trim(code, p + 1, re);
                entries.clear();
                if let Some(Some(obj)) = self.array_entries(vs, ve, depth) {
                    entries = obj;
                }
                k = re.max(k);
            } else if code.get(p) == Some(&b'[') {
                // `$data['em'] = $x;`
                let Some(close) = match_bracket(code, p, s) else {
                    continue;
                };
                let key = self.key(p + 1, close);
                let mut q = close + 1;
                while q < s && code[q].is_ascii_whitespace() {
                    q += 1;
                }
                if code.get(q) == Some(&b'=') && !matches!(code.get(q + 1), Some(b'=' | b'>')) {
                    let re = statement_end(code, q + 1).min(s);
                    let (vs, ve) = trim(code, q + 1, re);
                    if let Some(key) = key {
                        entries.push(self.entry(&key, vs, ve, depth));
                    }
                    k = re.max(k);
                }
            }
        }
        (!entries.is_empty()).then(|| object(entries))
    }

    /// An array literal at exactly `s..e`, as an object.
    fn array_literal(&self, s: usize, e: usize, depth: usize) -> Option<Vec<Part>> {
        self.array_entries(s, e, depth)?.map(object)
    }

    /// The keyed entries of an array literal at `s..e`: `None` when it is not one,
    /// `Some(None)` when it has no string key.
    fn array_entries(&self, s: usize, e: usize, depth: usize) -> Option<Option<Vec<Vec<Part>>>> {
        let code = self.code();
        let open = if code[s..e].starts_with(b"array") {
            let mut p = s + 5;
            while p < e && code[p].is_ascii_whitespace() {
                p += 1;
            }
            p
        } else {
            s
        };
        if !matches!(code.get(open), Some(b'(' | b'['))
            || match_bracket(code, open, e) != Some(e - 1)
        {
            return None;
        }
        let mut entries = Vec::new();
        for (is, ie) in split_top(code, open + 1, e - 1, b',') {
            let Some(arrow) = (is..ie.saturating_sub(1))
                .find(|&j| code[j] == b'=' && code[j + 1] == b'>' && depth_at(code, is, j) == 0)
            else {
                continue;
            };
            let (ks, ke) = trim(code, is, arrow);
            let Some(key) = self.key(ks, ke) else {
                continue;
            };
            let (vs, ve) = trim(code, arrow + 2, ie);
            if vs < ve {
                entries.push(self.entry(&key, vs, ve, depth));
            }
        }
        Some((!entries.is_empty()).then_some(entries))
    }

    /// `"key": value` of an object literal.
    fn entry(&self, key: &str, vs: usize, ve: usize, depth: usize) -> Vec<Part> {
        let mut parts = vec![Part::Synth(format!("{key:?}:"))];
        match self.array_literal(vs, ve, depth + 1) {
            Some(obj) if depth < MAX_DEPTH => parts.extend(obj),
            _ => match self.literal_at(vs, ve) {
                Some(lit) if !self.interpolates(lit) => {
                    let text: String = self
                        .decode(lit)
                        .into_iter()
                        .filter_map(|p| match p {
                            Part::Raw { text, .. } => Some(text),
                            _ => None,
                        })
                        .collect();
                    parts.push(Part::Synth(format!("{text:?}")));
                }
                _ => parts.push(self.output(vs, ve)),
            },
        }
        parts
    }

    /// A string key at `s..e` (`'em'`, `"em"`), as written.
    fn key(&self, s: usize, e: usize) -> Option<String> {
        let (s, e) = trim(self.code(), s, e);
        let lit = self.literal_at(s, e)?;
        if self.interpolates(lit) {
            return None;
        }
        let text = lossy(&self.b[lit.content.0..lit.content.1]);
        (!text.contains('\\')).then_some(text)
    }

    fn interpolates(&self, lit: &Str) -> bool {
        matches!(lit.quote, Quote::Double | Quote::Heredoc)
            && self.b[lit.content.0..lit.content.1].contains(&b'$')
    }

    /// A literal's text as printed, with the expressions it interpolates as outputs.
    fn decode(&self, lit: &Str) -> Vec<Part> {
        let b = self.b;
        let (c0, c1) = lit.content;
        let mut out = Vec::new();
        let mut run = c0;
        let flush = |out: &mut Vec<Part>, run: usize, at: usize| {
            if run < at {
                out.push(Part::Raw {
                    text: lossy(&b[run..at]),
                    file: (run, at),
                });
            }
        };
        // The closing label's indentation, taken off every line of a heredoc (PHP 7.3).
        let indent = match lit.quote {
            Quote::Heredoc | Quote::Nowdoc => {
                let line = (c1 + 1).min(lit.end);
                b[line..lit.end]
                    .iter()
                    .take_while(|&&c| c == b' ' || c == b'\t')
                    .count()
            }
            _ => 0,
        };
        let interpolates = matches!(lit.quote, Quote::Double | Quote::Heredoc);
        let mut i = c0;
        while i < c1 {
            let c = b[i];
            if indent > 0 && (i == c0 || b[i - 1] == b'\n') {
                let n = b[i..c1]
                    .iter()
                    .take(indent)
                    .take_while(|&&c| c == b' ' || c == b'\t')
                    .count();
                if n > 0 {
                    flush(&mut out, run, i);
                    i += n;
                    run = i;
                    continue;
                }
            }
            if c == b'\\' && i + 1 < c1 && lit.quote != Quote::Nowdoc {
                let next = b[i + 1];
                let decoded: Option<(String, usize)> = match lit.quote {
                    Quote::Single => {
                        matches!(next, b'\\' | b'\'').then(|| ((next as char).to_string(), 2))
                    }
                    _ => match next {
                        b'n' => Some(("\n".into(), 2)),
                        b't' => Some(("\t".into(), 2)),
                        b'r' => Some(("\r".into(), 2)),
                        b'v' => Some(("\x0b".into(), 2)),
                        b'f' => Some(("\x0c".into(), 2)),
                        b'e' => Some(("\x1b".into(), 2)),
                        b'\\' | b'$' => Some(((next as char).to_string(), 2)),
                        b'"' if lit.quote == Quote::Double => Some(("\"".into(), 2)),
                        _ => None,
                    },
                };
                match decoded {
                    Some((text, len)) => {
                        flush(&mut out, run, i);
                        out.push(Part::Raw {
                            text,
                            file: (i, i + len),
                        });
                        i += len;
                        run = i;
                    }
                    None => i += 2,
                }
                continue;
            }
            if interpolates {
                if let Some((end, expr)) = interpolation(b, i, c1) {
                    flush(&mut out, run, i);
                    out.push(Part::Output {
                        span: (i, end),
                        expr,
                    });
                    i = end;
                    run = i;
                    continue;
                }
            }
            i += 1;
        }
        flush(&mut out, run, c1);
        out
    }
}

enum Assigned {
    Text(Vec<Part>),
    Value(usize, usize),
}

/// What `<?= wp_json_encode($data) ?>` at `tag_start` prints when `$data` is an array built in
/// the PHP code before it (in the last `<?php` block that builds it): an object whose values
/// are outputs.
pub(super) fn encoded_array(b: &[u8], tag_start: usize, expr: &str) -> Option<Vec<Part>> {
    let arg = expr
        .strip_prefix("wp_json_encode")
        .or_else(|| expr.strip_prefix("json_encode"))?
        .trim_start()
        .strip_prefix('(')?
        .strip_suffix(')')?;
    let var = arg.split(',').next()?.trim();
    let n = var.len();
    if n < 2 || !var.starts_with('$') || !var[1..].bytes().all(is_ident) {
        return None;
    }
    let mut at = tag_start;
    for _ in 0..50 {
        let open = b[..at]
            .windows(5)
            .rposition(|w| w.eq_ignore_ascii_case(b"<?php"))?;
        let from = open + 5;
        let to =
            crate::extract::bytes::find(b, from, b"?>").map_or(tag_start, |k| k.min(tag_start));
        if b[from..to].windows(n).any(|w| w == var.as_bytes()) {
            let lexed = lex(b, from, to);
            let r = Reader {
                b,
                from,
                lexed: &lexed,
            };
            if let Some(obj) = r.array_var(var.as_bytes(), lexed.code.len(), 0) {
                return Some(obj);
            }
        }
        at = open;
    }
    None
}

/// An output of a rendered object: its span in the file, expression and placeholder.
pub(super) type RenderedOutput = (usize, usize, String, String);

/// Renders an object read by [`encoded_array`] for the masked page: its text, with the outputs
/// numbered from `first`, when it fits in `len` bytes.
pub(super) fn render_object(
    parts: &[Part],
    first: usize,
    len: usize,
) -> Option<(String, Vec<RenderedOutput>)> {
    let mut text = String::new();
    let mut outs = Vec::new();
    for p in parts {
        match p {
            Part::Raw { text: t, .. } | Part::Synth(t) => text.push_str(t),
            Part::Output { span, expr } => {
                let placeholder = format!("_${}", first + outs.len());
                text.push_str(&placeholder);
                outs.push((span.0, span.1, expr.clone(), placeholder));
            }
        }
    }
    (text.len() <= len && text.is_ascii() && !text.contains('\n')).then_some((text, outs))
}

/// An interpolation at `i` in a double-quoted or heredoc literal ending at `c1`: `{$expr}`,
/// `${name}`, `$var`, `$var->prop`, `$var[key]`; where it ends and its expression.
fn interpolation(b: &[u8], i: usize, c1: usize) -> Option<(usize, String)> {
    let c = b[i];
    if c == b'{' && b.get(i + 1) == Some(&b'$') {
        let close = match_bracket(b, i, c1)?;
        return Some((close + 1, lossy(&b[i + 1..close]).trim().to_string()));
    }
    if c != b'$' {
        return None;
    }
    if b.get(i + 1) == Some(&b'{') {
        let close = match_bracket(b, i + 1, c1)?;
        let name = lossy(&b[i + 2..close]).trim().to_string();
        return Some((close + 1, format!("${name}")));
    }
    if !b.get(i + 1).is_some_and(|&c| is_ident_start(c)) {
        return None;
    }
    let n = b[i + 1..c1].iter().take_while(|&&c| is_ident(c)).count();
    let mut j = i + 1 + n;
    if b[j..c1].starts_with(b"->") && b.get(j + 2).is_some_and(|&c| is_ident_start(c)) {
        j += 2 + b[j + 2..c1].iter().take_while(|&&c| is_ident(c)).count();
    } else if b.get(j) == Some(&b'[') && j < c1 {
        if let Some(close) = b[j..c1].iter().position(|&c| c == b']') {
            j += close + 1;
        }
    }
    Some((j, lossy(&b[i..j])))
}

/// A `printf` conversion at the start of `t` (`%s`, `%05.2f`, `%1$s`, `%%`): its length and
/// its explicit argument position.
fn conversion(t: &[u8]) -> Option<(usize, Option<usize>)> {
    if t.get(1) == Some(&b'%') {
        return Some((2, None));
    }
    let mut i = 1;
    let digits = t[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut position = None;
    if digits > 0 && t.get(i + digits) == Some(&b'$') {
        position = std::str::from_utf8(&t[i..i + digits]).ok()?.parse().ok();
        i += digits + 1;
    }
    while i < t.len() && matches!(t[i], b'-' | b'+' | b' ' | b'0' | b'#') {
        i += 1;
    }
    if t.get(i) == Some(&b'\'') {
        i += 2;
    }
    i += t
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if t.get(i) == Some(&b'.') {
        i += 1;
        i += t
            .get(i..)?
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
    }
    let kind = *t.get(i)?;
    b"bcdeEfFgGosuxX"
        .contains(&kind)
        .then_some((i + 1, position))
}

fn push_raw(out: &mut Vec<Part>, text: &str, at: usize) {
    if !text.is_empty() {
        out.push(Part::Raw {
            text: text.to_string(),
            file: (at, at + text.len()),
        });
    }
}

/// `{"k":v,…}` from entries.
fn object(entries: Vec<Vec<Part>>) -> Vec<Part> {
    let mut parts = vec![Part::Synth("{".into())];
    for (k, entry) in entries.into_iter().enumerate() {
        if k > 0 {
            parts.push(Part::Synth(",".into()));
        }
        parts.extend(entry);
    }
    parts.push(Part::Synth("}".into()));
    parts
}

/// The bracket depth at `at` counted from `from`.
fn depth_at(code: &[u8], from: usize, at: usize) -> i32 {
    let mut d = 0;
    for &c in &code[from..at] {
        match c {
            b'(' | b'[' | b'{' => d += 1,
            b')' | b']' | b'}' => d -= 1,
            _ => {}
        }
    }
    d
}

fn trim(code: &[u8], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && code[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && code[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    (s, e)
}

/// The trimmed ranges between top-level `sep`s in `s..e`.
fn split_top(code: &[u8], s: usize, e: usize, sep: u8) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut last = s;
    for j in s..e {
        match code[j] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            c if c == sep && depth == 0 => {
                out.push(trim(code, last, j));
                last = j + 1;
            }
            _ => {}
        }
    }
    let (ts, te) = trim(code, last, e);
    if ts < te || !out.is_empty() {
        out.push((ts, te));
    }
    out
}

/// The operands of a concatenation `a . b . c` in `s..e` (not `.=`, `...`, a number's point).
fn split_concat(code: &[u8], s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut last = s;
    for j in s..e {
        match code[j] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'.' if depth == 0 => {
                let prev = if j > s { code[j - 1] } else { b' ' };
                let next = code.get(j + 1).copied().unwrap_or(b' ');
                if next == b'=' || next == b'.' || prev == b'.' {
                    continue;
                }
                if prev.is_ascii_digit() && next.is_ascii_digit() {
                    continue;
                }
                out.push(trim(code, last, j));
                last = j + 1;
            }
            _ => {}
        }
    }
    out.push(trim(code, last, e));
    out.retain(|&(a, z)| a < z);
    out
}

/// Where the function enclosing lexed offset `at` starts: its last `function` keyword before
/// it, or the start of the code.
fn function_start(code: &[u8], at: usize) -> usize {
    let kw = b"function";
    (0..at.saturating_sub(kw.len() - 1))
        .rev()
        .find(|&k| {
            code[k..].starts_with(kw)
                && (k == 0 || !is_ident(code[k - 1]))
                && !code.get(k + kw.len()).is_some_and(|&c| is_ident(c))
        })
        .unwrap_or(0)
}

/// The next mention of variable `name` (`$js`) in `from..to`, as a whole word.
fn find_var(code: &[u8], from: usize, to: usize, name: &[u8]) -> Option<usize> {
    let mut k = from;
    while k + name.len() <= to {
        if code[k..].starts_with(name)
            && !code.get(k + name.len()).is_some_and(|&c| is_ident(c))
            && (k == 0 || !(is_ident(code[k - 1]) || code[k - 1] == b'$'))
        {
            return Some(k);
        }
        k += 1;
    }
    None
}

/// The `<script>` elements of HTML text (what `printf` prints): their contents.
fn script_elements(parts: Vec<Part>) -> Vec<PhpScript> {
    // The text with outputs as one neutral byte each, to find the tags in.
    let mut flat = String::new();
    let mut starts = Vec::new();
    for p in &parts {
        starts.push(flat.len());
        match p {
            Part::Raw { text, .. } | Part::Synth(text) => flat.push_str(text),
            Part::Output { .. } => flat.push('\u{1}'),
        }
    }
    starts.push(flat.len());
    let lower = flat.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = lower[from..].find("<script").map(|k| k + from) {
        let Some(body) = lower[open..].find('>').map(|k| open + k + 1) else {
            break;
        };
        let Some(close) = lower[body..].find("</script").map(|k| body + k) else {
            break;
        };
        out.push(PhpScript {
            parts: cut(&parts, &starts, body, close),
        });
        from = close + 1;
    }
    out
}

/// The parts covering flat text `s..e`, raw text cut where it crosses the bounds.
fn cut(parts: &[Part], starts: &[usize], s: usize, e: usize) -> Vec<Part> {
    let mut out = Vec::new();
    for (k, p) in parts.iter().enumerate() {
        let (ps, pe) = (starts[k], starts[k + 1]);
        if pe <= s || ps >= e {
            continue;
        }
        match p {
            Part::Raw { text, file } if ps < s || pe > e => {
                let a = s.max(ps) - ps;
                let z = e.min(pe) - ps;
                let verbatim = text.len() == file.1 - file.0;
                if verbatim && text.is_char_boundary(a) && text.is_char_boundary(z) {
                    push_raw(&mut out, &text[a..z], file.0 + a);
                }
            }
            _ => out.push(p.clone()),
        }
    }
    out
}

/// Adds the scripts to an extraction: their outputs numbered after the page's as
/// interpolations, each script a decoded block mapped onto the file; a script that does not
/// parse is left out.
pub(super) fn add(out: &mut Extracted, scripts: &[PhpScript], dialect: &'static str) {
    for script in scripts {
        let mut code = String::new();
        let mut segs = Vec::new();
        let mut interps = Vec::new();
        let (mut lo, mut hi) = (usize::MAX, 0);
        for p in &script.parts {
            match p {
                Part::Raw { text, file } => {
                    segs.push(OffsetSeg {
                        decoded: code.len() as u32,
                        file: file.0 as u32,
                        decoded_len: text.len() as u32,
                        file_len: (file.1 - file.0) as u32,
                    });
                    lo = lo.min(file.0);
                    hi = hi.max(file.1);
                    code.push_str(text);
                }
                Part::Synth(text) => code.push_str(text),
                Part::Output { span, expr } => {
                    let placeholder = format!("_${}", out.interpolations.len() + interps.len());
                    segs.push(OffsetSeg {
                        decoded: code.len() as u32,
                        file: span.0 as u32,
                        decoded_len: placeholder.len() as u32,
                        file_len: (span.1 - span.0) as u32,
                    });
                    code.push_str(&placeholder);
                    interps.push(Interpolation {
                        span: ByteSpan::new(span.0 as u32, span.1 as u32),
                        expr: expr.clone(),
                        dialect,
                        placeholder,
                    });
                }
            }
        }
        if lo >= hi || code.trim().is_empty() {
            continue;
        }
        // Outputs may sit outside the literals' range (a variable's value assigned earlier).
        let block = ScriptBlock {
            span: ByteSpan::new(lo as u32, hi as u32),
            lang: Lang::Js,
            kind: BlockKind::Script,
            decoded: Some(code),
        };
        if crate::parse::parse_block(out.masked.as_deref().unwrap_or(""), &block).is_err() {
            continue;
        }
        segs.sort_by_key(|s| s.decoded);
        out.interpolations.extend(interps);
        out.offset_maps
            .push((out.blocks.len(), OffsetMap::new(segs)));
        out.blocks.push(block);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{extract, ServerDialect};
    use crate::extract::Extracted;

    /// The decoded code of each PHP-built script, and the outputs as (text at span, expr).
    fn read(text: &str) -> (Vec<String>, Vec<(String, String)>) {
        let ex: Extracted = extract(text, ServerDialect::Php);
        let codes = ex.blocks.iter().filter_map(|b| b.decoded.clone()).collect();
        let outs = ex
            .interpolations
            .iter()
            .map(|i| {
                let s = &text[i.span.start as usize..i.span.end as usize];
                (s.to_string(), i.expr.clone())
            })
            .collect();
        (codes, outs)
    }

    #[test]
    fn enqueued_code_with_concatenated_outputs() {
        let text = "<?php\nfunction f($order) {\n  wc_enqueue_js(\"fbq('init', '1', { em: '\" . esc_js($order->get_billing_email()) . \"' });\");\n  wc_enqueue_js('fbq(\\'track\\', \\'Purchase\\');');\n}\n";
        let (codes, outs) = read(text);
        assert_eq!(
            codes,
            [
                "fbq('init', '1', { em: '_$0' });",
                "fbq('track', 'Purchase');"
            ]
        );
        assert_eq!(
            outs,
            [(
                "esc_js($order->get_billing_email())".to_string(),
                "esc_js($order->get_billing_email())".to_string()
            )]
        );
        // Every run maps back to the file's bytes: `'Purchase'` of the second call.
        let ex = extract(text, ServerDialect::Php);
        let map = ex.offset_map(1).unwrap();
        let d = codes[1].find("Purchase").unwrap() as u32;
        let at = map.start(d) as usize;
        assert_eq!(&text[at..at + 8], "Purchase");
        let quote = map.start(d - 1) as usize;
        assert_eq!(&text[quote..quote + 2], "\\'");
    }

    #[test]
    fn variables_built_in_pieces() {
        let text = "<?php\nfunction f() {\n  $email = $order->get_billing_email();\n  $js = \"ttq.identify({\";\n  $js .= \"email: '\" . $email . \"'\";\n  $js .= '});';\n  wc_enqueue_js($js);\n}\nfunction g() { wc_enqueue_js($js); }\n";
        let (codes, outs) = read(text);
        assert_eq!(codes, ["ttq.identify({email: '_$0'});"]);
        assert_eq!(
            outs,
            [(
                "$email".to_string(),
                "$order->get_billing_email()".to_string()
            )]
        );
    }

    #[test]
    fn heredocs_nowdocs_and_inline_scripts() {
        let text = "<?php\n$u = wp_get_current_user();\n$js = <<<JS\n    fbq('init', '1', {\n      em: \"{$u->user_email}\", ph: '$phone'\n    });\n    JS;\nwp_add_inline_script('pixel', $js);\n$raw = <<<'JS'\n  fbq('track', \"{$x}\");\n  JS;\nwp_print_inline_script_tag($raw);\n";
        let (codes, outs) = read(text);
        assert_eq!(
            codes,
            [
                "fbq('init', '1', {\n  em: \"_$0\", ph: '_$1'\n});",
                "fbq('track', \"{$x}\");"
            ]
        );
        let exprs: Vec<&str> = outs.iter().map(|o| o.1.as_str()).collect();
        assert_eq!(exprs, ["$u->user_email", "$phone"]);
    }

    #[test]
    fn printf_formats_and_encoded_arrays() {
        let text = "<?php\nfunction g($e) {\n  return sprintf('<b>%s</b><script>rdt(\"init\", \"t2\", { email: \"%s\" });</script>', $n, $e);\n}\n";
        let (codes, outs) = read(text);
        assert_eq!(codes, ["rdt(\"init\", \"t2\", { email: \"_$0\" });"]);
        assert_eq!(outs, [("$e".to_string(), "$e".to_string())]);
        let text = "<?php\nfunction f($user) {\n  printf('<p>%d</p><script>gtag(\"set\", \"user_data\", { email: \"%s\", n: %1$d, p: \"100%%\" });</script>', $count, esc_js($user->user_email));\n  $data = array( 'em' => $user->user_email, 'x' => array('id' => 7), 'c' => 'EUR' );\n  $data['fn'] = $user->first_name;\n  wc_enqueue_js(sprintf(\"fbq('init', '%s', %s);\", $pixel, wp_json_encode($data)));\n}\n";
        let (codes, outs) = read(text);
        assert_eq!(
            codes,
            [
                "gtag(\"set\", \"user_data\", { email: \"_$0\", n: _$1, p: \"100%\" });",
                "fbq('init', '_$2', {\"em\":_$3,\"x\":{\"id\":_$4},\"c\":\"EUR\",\"fn\":_$5});"
            ]
        );
        let exprs: Vec<&str> = outs.iter().map(|o| o.1.as_str()).collect();
        assert_eq!(
            exprs,
            [
                "esc_js($user->user_email)",
                "$count",
                "$pixel",
                "$user->user_email",
                "7",
                "$user->first_name"
            ]
        );
    }

    #[test]
    fn encoded_arrays_in_output_tags() {
        let text = "<?php\n$d = array( 'em' => $u->user_email );\n$d['ph'] = $phone;\n$e = ['customer_email_address' => $m];\n?>\n<script>\n  fbq('init', '1', <?= wp_json_encode( $d ) ?>);\n  fbq('init', '1', <?= json_encode($e) ?>);\n</script>";
        let ex = extract(text, ServerDialect::Php);
        let masked = ex.masked.as_deref().unwrap();
        assert_eq!(masked.len(), text.len());
        assert!(
            masked.contains("fbq('init', '1', {\"em\":_$0,\"ph\":_$1}        );"),
            "{masked}"
        );
        // Too long for the tag: one output, named by the expression.
        assert!(
            masked.contains("fbq('init', '1', _$2___________________);"),
            "{masked}"
        );
        let exprs: Vec<(&str, &str)> = ex
            .interpolations
            .iter()
            .map(|i| {
                let s = &text[i.span.start as usize..i.span.end as usize];
                (s, i.expr.as_str())
            })
            .collect();
        assert_eq!(
            exprs,
            [
                ("$u->user_email", "$u->user_email"),
                ("$phone", "$phone"),
                ("<?= json_encode($e) ?>", "json_encode($e)")
            ]
        );
        for b in &ex.blocks {
            crate::parse::parse_block(masked, b).unwrap();
        }
    }

    #[test]
    fn strings_without_a_tracker_or_not_emitted_are_not_read() {
        for text in [
            "<?php wc_enqueue_js(\"jQuery('.x').hide();\"); ?>",
            "<?php echo __('Call fbq(\"track\") to measure', 'x'); ?>",
            "<?php error_log(\"fbq('track', 'Lead');\"); ?>",
            "<?php $m = __('Call fbq(\"track\") to measure', 'x'); ?>",
            "<?php error_log(sprintf('<script>fbq(\"track\", \"%s\")</script>', $e)); ?>",
            // Does not parse: left out, no parse error.
            "<?php wc_enqueue_js(\"fbq('track', \" . $x); ?>",
        ] {
            let (codes, outs) = read(text);
            assert!(codes.is_empty() && outs.is_empty(), "{text}: {codes:?}");
        }
    }

    #[test]
    fn strings_without_markup_are_scripts_wherever_produced() {
        let text = "<?php\nfunction f() {\n  return apply_filters('h', sprintf(\"fbq('init', '%s', %s);\\n\", esc_js($id), json_encode($this->user_info, JSON_FORCE_OBJECT)));\n}\nfunction g($v) {\n  $js = \"fbq('set', 'agent', '\" . $v . \"');\";\n  echo 'ttq.page();';\n  return \"<p>fbq('track', 'Lead');</p>\";\n}\n";
        let (codes, outs) = read(text);
        assert_eq!(
            codes,
            [
                "fbq('init', '_$0', _$1);\n",
                "fbq('set', 'agent', '_$2');",
                "ttq.page();"
            ]
        );
        let exprs: Vec<&str> = outs.iter().map(|o| o.1.as_str()).collect();
        assert_eq!(
            exprs,
            [
                "esc_js($id)",
                "json_encode($this->user_info, JSON_FORCE_OBJECT)",
                "$v"
            ]
        );
    }

    #[test]
    fn blocks_printing_a_script_are_read_as_the_page() {
        let text = "<?php\necho '<script>';\necho \"ttq.identify({ email: '\" . esc_js($e) . \"' });\";\necho '</script>';\n";
        let ex = extract(text, ServerDialect::Php);
        assert_eq!(ex.interpolations.len(), 1, "{:?}", ex.interpolations);
    }

    #[test]
    fn truncated_code_never_panics() {
        let sample = "<?php\nfunction f($o) {\n  $d = array('em' => $o->email, 'n' => [1, 2]);\n  $d['ph'] = \"{$o->phone}\";\n  $js = <<<JS\n    fbq('init', '1', \\\"\\n$d\\\" . {${name}});\n    JS;\n  $js .= 'x\\'' . sprintf('%1$s %s %%', json_encode($d), $e);\n  wc_enqueue_js($js . \"ttq.identify({email: '{$o->email}'})\");\n  printf('<script>fbq(\"track\", \"%s\")</script', $x);\n  wp_add_inline_script('h', <<<'N'\n  fbq()\n  N);\n}\n";
        for (cut_at, _) in sample.char_indices() {
            for text in [&sample[..cut_at], &sample[cut_at..]] {
                let ex = extract(text, ServerDialect::Php);
                for it in &ex.interpolations {
                    assert!(it.span.end as usize <= text.len());
                }
            }
        }
    }
}
