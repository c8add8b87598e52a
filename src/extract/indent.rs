//! What HAML, Slim and Pug share: templates structured by indentation, read line by line. The masked copy of the file starts all blank (line breaks kept) and only script code is
//! copied back into it, each Ruby interpolation `#{…}` there replaced by a placeholder
//! identifier recorded as an [`Interpolation`] (what the server prints there), exactly as
//! [`super::server`] does for ERB outputs: the masked text is as long as the file, so every span
//! points into the original. Form fields are recorded from tags' static attributes and from Rails
//! form helpers (`= f.email_field :email`), and the Ruby an element outputs as what it displays.

use super::bytes::{find, first_arg, is_ident, lossy, match_bracket, top_level};
use super::server::{blank, into_string, ruby_expr};
use super::{BlockKind, ElementFact, Extracted, Interpolation, Lang, ScriptBlock, ScriptSrc};
use crate::source::ByteSpan;
use std::collections::HashMap;

/// One line of the file.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line {
    /// Its first byte.
    pub start: usize,
    /// Before its line break (`\n` or `\r\n`).
    pub end: usize,
    /// Leading whitespace, in bytes.
    pub indent: usize,
    pub blank: bool,
}

impl Line {
    /// Where the line's content starts, after its indentation.
    pub fn content(&self) -> usize {
        self.start + self.indent
    }
}

pub(super) fn lines(text: &str) -> Vec<Line> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start < b.len() {
        let nl = find(b, start, b"\n").unwrap_or(b.len());
        let end = if nl > start && b[nl - 1] == b'\r' {
            nl - 1
        } else {
            nl
        };
        let indent = b[start..end]
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count();
        out.push(Line {
            start,
            end,
            indent,
            blank: start + indent == end,
        });
        start = nl + 1;
    }
    out
}

/// The index after the last line nested under line `i` (indented deeper; blank lines between
/// nested lines belong to them).
pub(super) fn nested_end(lines: &[Line], i: usize) -> usize {
    let indent = lines[i].indent;
    let mut last = i + 1;
    for (j, l) in lines.iter().enumerate().skip(i + 1) {
        if l.blank {
            continue;
        }
        if l.indent <= indent {
            break;
        }
        last = j + 1;
    }
    last
}

/// The index after the last line of a Ruby statement starting on line `i`: a line ending in `,`
/// (an argument list going on) or ` |` (HAML's multiline marker) continues on the next.
pub(super) fn statement_end(text: &str, lines: &[Line], i: usize) -> usize {
    let mut j = i;
    while j + 1 < lines.len() {
        let t = text[lines[j].start..lines[j].end].trim_end();
        if t.ends_with(',') || t.ends_with(" |") || t.ends_with('\\') {
            j += 1;
        } else {
            break;
        }
    }
    j + 1
}

/// The masked text under construction, and what is extracted.
pub(super) struct Masker<'t> {
    text: &'t str,
    bytes: Vec<u8>,
    dialect: &'static str,
    /// Pug's unescaped `!{…}` is an interpolation too.
    bang: bool,
    pub out: Extracted,
}

impl<'t> Masker<'t> {
    pub fn new(text: &'t str, dialect: &'static str) -> Self {
        let mut bytes = text.as_bytes().to_vec();
        let len = bytes.len();
        blank(&mut bytes, 0, len);
        Self {
            text,
            bytes,
            dialect,
            bang: false,
            out: Extracted::default(),
        }
    }

    /// Copies `start..end` back as script code, its `#{…}` interpolations as placeholders.
    pub fn keep(&mut self, start: usize, end: usize) {
        let b = self.text.as_bytes();
        let end = end.min(b.len());
        if start >= end {
            return;
        }
        self.bytes[start..end].copy_from_slice(&b[start..end]);
        for (s, e, expr) in interpolations(self.text, start, end, self.bang) {
            self.output(s, e, expr);
        }
    }

    /// Replaces `start..end` with a placeholder that prints `expr`, or blanks it when it is too
    /// short to hold one.
    pub fn output(&mut self, start: usize, end: usize, expr: String) {
        let len = end - start;
        let mut placeholder = format!("_${}", self.out.interpolations.len());
        if placeholder.len() > len {
            blank(&mut self.bytes, start, end);
            return;
        }
        while placeholder.len() < len {
            placeholder.push('_');
        }
        self.bytes[start..end].copy_from_slice(placeholder.as_bytes());
        self.out.interpolations.push(Interpolation {
            span: ByteSpan::new(start as u32, end as u32),
            expr,
            dialect: self.dialect,
            placeholder,
        });
    }

    /// A script block over `start..end`, whose code was kept.
    pub fn block(&mut self, start: usize, end: usize) {
        if start < end {
            self.out.blocks.push(ScriptBlock {
                span: ByteSpan::new(start as u32, end as u32),
                lang: Lang::Js,
                kind: BlockKind::Script,
                decoded: None,
            });
        }
    }

    /// A `<script src=…>` written as a tag of the template.
    pub fn script_src(&mut self, start: usize, end: usize, url: String) {
        self.out.script_srcs.push(ScriptSrc {
            span: ByteSpan::new(start as u32, end as u32),
            url,
        });
    }

    /// Records an element; its index.
    pub fn element(&mut self, el: ElementFact) -> usize {
        self.out.elements.push(el);
        self.out.elements.len() - 1
    }

    pub fn finish(mut self) -> Extracted {
        self.out.blocks.sort_by_key(|b| b.span.start);
        self.out.masked = Some(into_string(self.bytes));
        self.out
    }
}

/// The Ruby interpolations `#{…}` in `text[start..end]` (`\#{` is literal): their spans and the
/// expressions, spelled for judging (`#{current_user.try(:email)}` -> `current_user.email`).
/// Slim's unescaped `#{{…}}` is one too, and with `bang` Pug's unescaped `!{…}`.
pub(super) fn interpolations(
    text: &str,
    start: usize,
    end: usize,
    bang: bool,
) -> Vec<(usize, usize, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = start;
    let next = |i: usize| {
        let hash = find(&b[..end], i, b"#{");
        let bang = if bang {
            find(&b[..end], i, b"!{")
        } else {
            None
        };
        match (hash, bang) {
            (Some(h), Some(x)) => Some(h.min(x)),
            (h, x) => h.or(x),
        }
    };
    while let Some(k) = next(i) {
        if k > 0 && b[k - 1] == b'\\' {
            i = k + 2;
            continue;
        }
        let Some(close) = match_bracket(b, k + 1, end) else {
            i = k + 2;
            continue;
        };
        let inner = lossy(&b[k + 2..close]);
        let inner = inner.trim();
        let inner = inner
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .unwrap_or(inner);
        out.push((k, close + 1, output_expr(inner)));
        i = close + 1;
    }
    out
}

/// A template being read: its lines, the masked text, the form builders in scope and the
/// elements enclosing the current line (by indentation), which the outputs nested in them
/// display.
pub(super) struct Doc<'t> {
    pub text: &'t str,
    pub lines: Vec<Line>,
    pub m: Masker<'t>,
    pub forms: Forms,
    /// Open elements: their line's indentation and the recorded element, if any.
    stack: Vec<(usize, Option<usize>)>,
}

/// How a template marks lines inside a `<script>` element.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Syntax {
    /// Plain lines are text; `-#` starts a comment.
    Haml,
    /// `|` and `'` start text; `/` starts a comment; other lines are tags.
    Slim,
}

impl<'t> Doc<'t> {
    /// A Pug template: `!{…}` is an interpolation too.
    pub fn pug(text: &'t str) -> Self {
        let mut doc = Self::new(text, "Pug");
        doc.m.bang = true;
        doc
    }

    pub fn new(text: &'t str, dialect: &'static str) -> Self {
        Self {
            text,
            lines: lines(text),
            m: Masker::new(text, dialect),
            forms: Forms::default(),
            stack: Vec::new(),
        }
    }

    /// The elements a line at `indent` is nested in are those opened at a smaller indentation.
    pub fn enter(&mut self, indent: usize) {
        while self.stack.last().is_some_and(|&(i, _)| i >= indent) {
            self.stack.pop();
        }
    }

    /// The content of line `i` after its indentation.
    pub fn content(&self, i: usize) -> &'t str {
        let l = self.lines[i];
        &self.text[l.content()..l.end]
    }

    /// The index after the lines nested under line `i`.
    pub fn nested_end(&self, i: usize) -> usize {
        nested_end(&self.lines, i)
    }

    /// The index after the lines indented deeper than `indent` that follow line `last` (the
    /// lines nested under a tag whose attributes end on line `last`).
    pub fn nested_under(&self, last: usize, indent: usize) -> usize {
        let mut end = last + 1;
        for (j, l) in self.lines.iter().enumerate().skip(last + 1) {
            if l.blank {
                continue;
            }
            if l.indent <= indent {
                break;
            }
            end = j + 1;
        }
        end
    }

    /// The line holding byte `pos`, from line `i` on.
    pub fn line_of(&self, i: usize, pos: usize) -> usize {
        let mut j = i;
        while j + 1 < self.lines.len() && self.lines[j].end < pos {
            j += 1;
        }
        j
    }

    fn enclosing(&self) -> Option<usize> {
        self.stack.iter().rev().find_map(|&(_, el)| el)
    }

    /// The enclosing element displays what `expr` prints.
    pub fn display(&mut self, expr: String) {
        if expr.is_empty() {
            return;
        }
        if let Some(el) = self.enclosing() {
            self.m.out.elements[el].displays.push(expr);
        }
    }

    /// Text in markup: the interpolations in `start..end` are displayed.
    pub fn text(&mut self, start: usize, end: usize) {
        for (_, _, expr) in interpolations(self.text, start, end, self.m.bang) {
            self.display(expr);
        }
    }

    /// A tag at `indent` declaring `attrs` over `span`: records its element, and opens it for
    /// the lines nested under it unless it is void. Returns the element's index.
    pub fn tag(
        &mut self,
        name: &str,
        attrs: &Attrs,
        span: (usize, usize),
        indent: usize,
        opens: bool,
    ) -> Option<usize> {
        let el = element(name, attrs, span).map(|el| self.m.element(el));
        if opens {
            self.stack.push((indent, el));
        }
        el
    }

    /// A Ruby statement or output starting at byte `from` of line `i` (after its `-` / `=`
    /// marker): learns the form builders it opens; an output renders a field
    /// (`= f.email_field :email`) or is displayed by the enclosing element. Returns the index
    /// after its last line.
    pub fn ruby(&mut self, i: usize, from: usize, output: bool) -> usize {
        let end = statement_end(self.text, &self.lines, i);
        let last = self.lines[end - 1].end;
        let code = self.text[from.min(last)..last].replace(" |\n", " \n");
        self.forms.learn(&code);
        if output {
            match rails_field(&code, &self.forms) {
                Some((tag, attrs)) => {
                    let span = (self.lines[i].content(), last);
                    if let Some(el) = element(&tag, &attrs, span) {
                        self.m.element(el);
                    }
                }
                None => self.display(output_expr(&code)),
            }
        }
        end
    }

    /// A filter body (HAML `:javascript`, Slim `javascript:`): lines `first..end` are script.
    pub fn script_body(&mut self, first: usize, end: usize) {
        let Some(first) = (first..end).find(|&j| !self.lines[j].blank) else {
            return;
        };
        let (start, stop) = (self.lines[first].content(), self.lines[end - 1].end);
        self.m.keep(start, stop);
        self.m.block(start, stop);
    }

    /// The lines `first..end` nested in a `<script>` tag, and `inline` code written after the
    /// tag on its own line: text is script code, a Ruby output prints into it, Ruby statements
    /// and comments are blanked.
    pub fn script_children(
        &mut self,
        inline: Option<(usize, usize)>,
        first: usize,
        end: usize,
        syntax: Syntax,
    ) {
        let mut span: Option<(usize, usize)> = None;
        let mut grow = |s: usize, e: usize| {
            span = Some(span.map_or((s, e), |(a, _)| (a, e)));
        };
        if let Some((s, e)) = inline {
            let t = &self.text[s..e];
            let s = s + (t.len() - t.trim_start().len());
            if s < e {
                self.m.keep(s, e);
                grow(s, e);
            }
        }
        let mut j = first;
        while j < end {
            let l = self.lines[j];
            if l.blank {
                j += 1;
                continue;
            }
            let c = l.content();
            let t = self.content(j);
            let comment = match syntax {
                Syntax::Haml => t.starts_with("-#"),
                Syntax::Slim => t.starts_with('/'),
            };
            let out_marker = ["!=", "&=", "==", "=", "~"]
                .into_iter()
                .find(|m| t.starts_with(m) && (syntax == Syntax::Haml || *m != "~"));
            if comment {
                j = self.nested_end(j);
            } else if t.starts_with('-') {
                j = statement_end(self.text, &self.lines, j);
            } else if let Some(marker) = out_marker {
                let next = statement_end(self.text, &self.lines, j);
                let e = self.lines[next - 1].end;
                let expr = output_expr(&self.text[c + marker.len()..e]);
                self.m.output(c, e, expr);
                grow(c, e);
                j = next;
            } else if syntax == Syntax::Slim {
                // `| code` (and the lines nested under it) is text; a tag is not script.
                let next = self.nested_end(j);
                if t.starts_with(['|', '\'']) {
                    let e = self.lines[next - 1].end;
                    self.m.keep(c + 1, e);
                    grow(c + 1, e);
                }
                j = next;
            } else {
                self.m.keep(c, l.end);
                grow(c, l.end);
                j += 1;
            }
        }
        if let Some((s, e)) = span {
            self.m.block(s, e);
        }
    }

    pub fn finish(self) -> Extracted {
        self.m.finish()
    }
}

// ---------------------------------------------------------------------------------------------
// Attributes and elements

/// Attributes as written on a tag: each name with its value when static (a string or symbol
/// literal without interpolation; `""` for a boolean attribute), `None` when Ruby computes it.
pub(super) type Attrs = Vec<(String, Option<String>)>;

/// Splits `s` at top-level `sep` bytes (outside quotes and brackets).
pub(super) fn split_top(s: &str, sep: u8) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(k) = top_level(rest, sep) {
        out.push(&rest[..k]);
        rest = &rest[k + 1..];
    }
    out.push(rest);
    out
}

/// The value of a Ruby literal: `'x'`, `"x"` (without interpolation), `:x`, `true`; `None` for
/// code.
pub(super) fn ruby_literal(v: &str) -> Option<String> {
    let v = v.trim();
    let q = v.as_bytes().first().copied()?;
    if (q == b'\'' || q == b'"') && v.len() >= 2 && v.as_bytes()[v.len() - 1] == q {
        let inner = &v[1..v.len() - 1];
        if q == b'"' && inner.contains("#{") {
            return None;
        }
        // Two literals joined (`'a' + 'b'`) are code.
        let unescaped = inner.replace(['\\'], "");
        if unescaped.contains(q as char) {
            return None;
        }
        return Some(inner.replace(&format!("\\{}", q as char), &(q as char).to_string()));
    }
    if let Some(sym) = v.strip_prefix(':') {
        let sym = sym.trim_matches('"').trim_matches('\'');
        if !sym.is_empty() && sym.bytes().all(|c| is_ident(c) || c == b'-') {
            return Some(sym.to_string());
        }
    }
    (v == "true").then(String::new)
}

/// The key of a Ruby hash pair and where its value starts: `type: 'email'`, `:type => 'email'`,
/// `'aria-label' => 'x'`, `"data-x": 1`.
fn hash_key(pair: &str) -> Option<(String, &str)> {
    let p = pair.trim_start();
    let b = p.as_bytes();
    let (key, after) = match b.first()? {
        b'\'' | b'"' => {
            let q = b[0];
            let close = 1 + b[1..].iter().position(|&c| c == q)?;
            (p[1..close].to_string(), &p[close + 1..])
        }
        b':' => {
            let n = b[1..]
                .iter()
                .take_while(|&&c| is_ident(c) || c == b'-')
                .count();
            (p[1..1 + n].to_string(), &p[1 + n..])
        }
        _ => {
            let n = b.iter().take_while(|&&c| is_ident(c) || c == b'-').count();
            (p[..n].to_string(), &p[n..])
        }
    };
    if key.is_empty() {
        return None;
    }
    let after = after.trim_start();
    if let Some(v) = after.strip_prefix("=>") {
        return Some((key, v));
    }
    match after.strip_prefix(':') {
        Some(v) if !v.starts_with(':') => Some((key, v)),
        _ => None,
    }
}

/// The attributes in a Ruby hash's inside (`type: 'email', data: { hj_suppress: true }`);
/// `data:` and `aria:` hashes become `data-*` / `aria-*` attributes, underscores hyphenated.
pub(super) fn ruby_hash(inner: &str, out: &mut Attrs) {
    ruby_hash_prefixed(inner, "", out);
}

fn ruby_hash_prefixed(inner: &str, prefix: &str, out: &mut Attrs) {
    for pair in split_top(inner, b',') {
        let Some((key, value)) = hash_key(pair) else {
            continue;
        };
        let value = value.trim();
        if prefix.is_empty() && matches!(key.as_str(), "data" | "aria") && value.starts_with('{') {
            let vb = value.as_bytes();
            if let Some(close) = match_bracket(vb, 0, vb.len()) {
                ruby_hash_prefixed(&value[1..close], &format!("{key}-"), out);
            }
            continue;
        }
        let name = if prefix.is_empty() {
            key
        } else {
            format!("{prefix}{}", key.replace('_', "-"))
        };
        match value {
            "false" | "nil" => {}
            _ => out.push((name, ruby_literal(value))),
        }
    }
}

/// HTML-style attributes (HAML `(type="email" name=@name)`, Slim `type="email" name=@name`):
/// `name="value"`, `name='value'`, `name=ruby_code`, `name` alone.
pub(super) fn html_attrs(inner: &str, out: &mut Attrs) {
    let b = inner.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let n = b[i..]
            .iter()
            .take_while(|&&c| !c.is_ascii_whitespace() && c != b'=')
            .count();
        if n == 0 {
            i += 1;
            continue;
        }
        let name = lossy(&b[i..i + n]);
        i += n;
        let mut k = i;
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        if b.get(k) != Some(&b'=') {
            out.push((name, Some(String::new())));
            continue;
        }
        k += 1;
        if b.get(k) == Some(&b'=') {
            k += 1; // Slim `==`: unescaped
        }
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        let end = value_end(b, k, b.len());
        out.push((name, ruby_literal(&lossy(&b[k..end]))));
        i = end;
    }
}

/// The end of an attribute value starting at `k`: a quoted string, or Ruby code up to
/// whitespace outside brackets.
pub(super) fn value_end(b: &[u8], k: usize, to: usize) -> usize {
    match b.get(k) {
        Some(&q @ (b'"' | b'\'')) => {
            let mut j = k + 1;
            while j < to && b[j] != q {
                if b[j] == b'\\' {
                    j += 1;
                } else if q == b'"' && b[j] == b'#' && b.get(j + 1) == Some(&b'{') {
                    j = match_bracket(b, j + 1, to).unwrap_or(j + 1);
                }
                j += 1;
            }
            (j + 1).min(to)
        }
        _ => {
            let mut j = k;
            while j < to && !b[j].is_ascii_whitespace() {
                if matches!(b[j], b'(' | b'[' | b'{' | b'"' | b'\'') {
                    j = match b[j] {
                        b'"' | b'\'' => value_end(b, j, to) - 1,
                        _ => match_bracket(b, j, to).unwrap_or(to - 1),
                    };
                }
                j += 1;
            }
            j.min(to)
        }
    }
}

/// The element a tag declares, as the HTML scanner records it from the equivalent start tag;
/// `None` when it records nothing (no field, no identity).
pub(super) fn element(tag: &str, attrs: &Attrs, span: (usize, usize)) -> Option<ElementFact> {
    if tag.eq_ignore_ascii_case("script") || tag.eq_ignore_ascii_case("style") {
        return None;
    }
    let mut classes: Vec<String> = Vec::new();
    let mut html = format!("<{tag}");
    for (name, value) in attrs {
        let Some(v) = value else { continue };
        let valid = !name.is_empty()
            && name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':'));
        if !valid {
            continue;
        }
        if name == "class" {
            classes.extend(v.split_ascii_whitespace().map(String::from));
            continue;
        }
        html.push_str(&format!(" {name}=\"{}\"", escape_attr(v)));
    }
    if !classes.is_empty() {
        html.push_str(&format!(" class=\"{}\"", escape_attr(&classes.join(" "))));
    }
    html.push('>');
    let mut el = super::html::extract(&html).elements.into_iter().next()?;
    el.span = ByteSpan::new(span.0 as u32, span.1 as u32);
    Some(el)
}

fn escape_attr(v: &str) -> String {
    v.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The static value of an attribute.
pub(super) fn attr<'a>(attrs: &'a Attrs, name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .rev()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.as_deref())
}

/// Whether a `<script>` with these attributes runs as JavaScript inline code.
pub(super) fn runs_inline(attrs: &Attrs) -> bool {
    let typed_js = attrs
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("type"))
        .is_none_or(|(_, v)| v.as_deref().is_some_and(super::html::is_js_type));
    typed_js && !attrs.iter().any(|(n, _)| n.eq_ignore_ascii_case("src"))
}

// ---------------------------------------------------------------------------------------------
// Ruby: form builders, field helpers, outputs

/// The form builders in scope, by block variable: `f` -> `Some("user")` from
/// `form_for @user do |f|`; `None` when the form has no object (`form_with url: …`).
#[derive(Default)]
pub(super) struct Forms(HashMap<String, Option<String>>);

const FORM_HELPERS: &[&str] = &[
    "form_for",
    "form_with",
    "simple_form_for",
    "semantic_form_for",
    "bootstrap_form_for",
    "bootstrap_form_with",
    "fields_for",
    "simple_fields_for",
    "fields",
];

impl Forms {
    /// Learns the builder a Ruby statement opens (`form_for @user, url: x do |f|`).
    pub fn learn(&mut self, stmt: &str) {
        let Some((var, call)) = block_var(stmt) else {
            return;
        };
        let call = call.trim();
        let call = call.split_once('.').map_or(call, |(recv, rest)| {
            if recv.bytes().all(is_ident) && !FORM_HELPERS.contains(&recv) {
                rest
            } else {
                call
            }
        });
        let n = call.bytes().take_while(|&c| is_ident(c)).count();
        if !FORM_HELPERS.contains(&&call[..n]) {
            return;
        }
        let args = call_args(&call[n..]);
        let mut object = None;
        let mut options = Attrs::new();
        for (k, arg) in split_top(args, b',').into_iter().enumerate() {
            if hash_key(arg).is_some() {
                ruby_hash(arg, &mut options);
                if let Some((key, value)) = hash_key(arg) {
                    if key == "model" {
                        object = object.or_else(|| object_name(value));
                    }
                }
            } else if k == 0 {
                object = object_name(arg);
            }
        }
        if let Some(scope) = attr(&options, "as").or_else(|| attr(&options, "scope")) {
            object = Some(scope.to_string());
        }
        self.0.insert(var, object);
    }

    fn object(&self, var: &str) -> Option<&str> {
        self.0.get(var).and_then(|o| o.as_deref())
    }
}

/// `f` and `form_for @user` from `form_for @user do |f|` / `form_for(@user) { |f|`.
fn block_var(stmt: &str) -> Option<(String, &str)> {
    let t = stmt.trim_end();
    let t = t.strip_suffix('|')?;
    let open = t.rfind('|')?;
    let var = t[open + 1..].trim();
    if var.is_empty() || !var.bytes().all(is_ident) {
        return None;
    }
    let head = t[..open].trim_end();
    let head = head
        .strip_suffix("do")
        .or_else(|| head.strip_suffix('{'))?
        .trim_end();
    Some((var.to_string(), head))
}

/// The arguments of a call written `(a, b)` or ` a, b`.
fn call_args(rest: &str) -> &str {
    let r = rest.trim();
    let rb = r.as_bytes();
    if rb.first() == Some(&b'(') {
        if let Some(c) = match_bracket(rb, 0, rb.len()) {
            return &r[1..c];
        }
    }
    r
}

/// `user` from `@user`, `:user`, `'user'`, `[:admin, @user]`, `User.new`.
fn object_name(arg: &str) -> Option<String> {
    let a = arg.trim();
    if let Some(list) = a.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
        return split_top(list, b',').last().and_then(|x| object_name(x));
    }
    if let Some(v) = a.strip_prefix('@') {
        let n = v.bytes().take_while(|&c| is_ident(c)).count();
        return (n > 0 && n == v.len()).then(|| v.to_string());
    }
    if let Some(lit) = ruby_literal(a).filter(|l| !l.is_empty()) {
        return Some(lit);
    }
    let class = a.strip_suffix(".new").unwrap_or("");
    (!class.is_empty() && class.bytes().all(is_ident)).then(|| snake(class))
}

fn snake(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The input type of a Rails field helper (`email_field` -> `email`), `None` for `text_area`.
fn helper_type(method: &str) -> Option<Option<&'static str>> {
    Some(Some(match method {
        "email_field" => "email",
        "telephone_field" | "phone_field" => "tel",
        "text_field" => "text",
        "password_field" => "password",
        "hidden_field" => "hidden",
        "number_field" => "number",
        "search_field" => "search",
        "url_field" => "url",
        "date_field" => "date",
        "text_area" | "textarea" => return Some(None),
        "input" => return Some(None),
        _ => return None,
    }))
}

/// The field a Rails form helper call renders, as a tag and attributes:
/// `f.email_field :email, placeholder: 'Email'` in `form_for @user do |f|` is
/// `<input type="email" id="user_email" name="user[email]" placeholder="Email">`;
/// `email_field_tag :email` is `<input type="email" id="email" name="email">`; simple_form's
/// `f.input :phone, as: :tel` is a tel input.
pub(super) fn rails_field(call: &str, forms: &Forms) -> Option<(String, Attrs)> {
    let call = call.trim();
    let n = call.bytes().take_while(|&c| is_ident(c)).count();
    let (receiver, method, rest) = if call.as_bytes().get(n) == Some(&b'.') {
        let m = call[n + 1..].bytes().take_while(|&c| is_ident(c)).count();
        (
            Some(&call[..n]),
            &call[n + 1..n + 1 + m],
            &call[n + 1 + m..],
        )
    } else {
        (None, &call[..n], &call[n..])
    };
    let (method, tag_helper) = match method.strip_suffix("_tag") {
        Some(m) if receiver.is_none() => (m, true),
        _ => (method, false),
    };
    let ty = helper_type(method)?;
    if method == "input" && receiver.is_none() {
        return None;
    }
    let args = call_args(rest.split(" do ").next().unwrap_or(rest));
    let parts = split_top(args, b',');
    let mut positional = parts.iter().take_while(|p| hash_key(p).is_none());
    let (object, field) = if receiver.is_some() || tag_helper {
        (
            receiver.and_then(|r| forms.object(r)).map(String::from),
            ruby_literal(positional.next()?)?,
        )
    } else {
        // `text_field :user, :email`
        (
            Some(ruby_literal(positional.next()?)?),
            ruby_literal(positional.next()?)?,
        )
    };
    if field.is_empty() {
        return None;
    }
    let mut options = Attrs::new();
    for p in parts.iter().filter(|p| hash_key(p).is_some()) {
        if let Some((key, value)) = hash_key(p) {
            let v = value.trim();
            if matches!(key.as_str(), "input_html" | "html") && v.starts_with('{') {
                let vb = v.as_bytes();
                if let Some(c) = match_bracket(vb, 0, vb.len()) {
                    ruby_hash(&v[1..c], &mut options);
                }
                continue;
            }
        }
        ruby_hash(p, &mut options);
    }
    let ty = match attr(&options, "as") {
        Some("email") => Some("email"),
        Some("tel" | "phone") => Some("tel"),
        Some("password") => Some("password"),
        Some("hidden") => Some("hidden"),
        Some("text") => None,
        Some(_) => Some("text"),
        None => ty,
    };
    let textarea = (ty.is_none() && method != "input") || attr(&options, "as") == Some("text");
    let tag = if textarea { "textarea" } else { "input" };

    let (id, name) = match &object {
        Some(o) => (format!("{o}_{field}"), format!("{o}[{field}]")),
        None => (sanitized_id(&field), field.clone()),
    };
    let mut attrs: Attrs = vec![("id".into(), Some(id)), ("name".into(), Some(name))];
    if let Some(t) = ty.filter(|_| tag == "input") {
        attrs.push(("type".into(), Some(t.into())));
    }
    attrs.extend(
        options
            .into_iter()
            .filter(|(k, _)| !matches!(k.as_str(), "as" | "label" | "value" | "hint")),
    );
    Some((tag.to_string(), attrs))
}

/// Rails' id for a field name: `user[email]` -> `user_email`.
fn sanitized_id(name: &str) -> String {
    name.replace("]", "")
        .replace(|c: char| !c.is_alphanumeric() && c != '-' && c != ':', "_")
}

/// The expression of an output (`= expr`, `!= expr`, `== expr`), without Rails' escaping and
/// serialising wrappers, spelled for judging.
pub(super) fn output_expr(code: &str) -> String {
    let mut e = code.trim();
    for w in ["raw ", "j ", "h ", "escape_javascript ", "json_escape "] {
        if let Some(rest) = e.strip_prefix(w) {
            e = rest.trim();
        }
    }
    let e = e.strip_suffix(".html_safe").unwrap_or(e);
    ruby_expr(first_arg_if_call(e))
}

/// `x` from `raw(x)`.
fn first_arg_if_call(e: &str) -> &str {
    for w in ["raw(", "j(", "h(", "escape_javascript(", "json_escape("] {
        if let Some(rest) = e.strip_prefix(w).and_then(|r| r.strip_suffix(')')) {
            return first_arg(rest);
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruby_hashes_and_literals() {
        let mut a = Attrs::new();
        ruby_hash(
            "type: 'email', :name => \"user[email]\", 'aria-label' => 'Email', \"x\": @y, data: { hj_suppress: true }, required: false",
            &mut a,
        );
        assert_eq!(
            a,
            [
                ("type".to_string(), Some("email".to_string())),
                ("name".to_string(), Some("user[email]".to_string())),
                ("aria-label".to_string(), Some("Email".to_string())),
                ("x".to_string(), None),
                ("data-hj-suppress".to_string(), Some(String::new())),
            ]
        );
        assert_eq!(ruby_literal("\"a#{b}\""), None);
        assert_eq!(ruby_literal("'a' + 'b'"), None);
        assert_eq!(ruby_literal(":email"), Some("email".into()));
        let mut h = Attrs::new();
        html_attrs("type=\"email\" name='e' value=@user.email required", &mut h);
        assert_eq!(
            h,
            [
                ("type".to_string(), Some("email".to_string())),
                ("name".to_string(), Some("e".to_string())),
                ("value".to_string(), None),
                ("required".to_string(), Some(String::new())),
            ]
        );
    }

    #[test]
    fn rails_helpers() {
        let mut forms = Forms::default();
        forms.learn("form_for @user, url: signup_path do |f|");
        forms.learn("simple_form_for(User.new, as: :member) do |m|");
        forms.learn("form_with url: search_path do |s|");
        let field = |call: &str| rails_field(call, &forms);
        let (tag, attrs) = field("f.email_field :email, placeholder: 'Email'").unwrap();
        assert_eq!(tag, "input");
        assert_eq!(attr(&attrs, "id"), Some("user_email"));
        assert_eq!(attr(&attrs, "name"), Some("user[email]"));
        assert_eq!(attr(&attrs, "type"), Some("email"));
        assert_eq!(attr(&attrs, "placeholder"), Some("Email"));
        let (_, attrs) =
            field("m.input :phone, as: :tel, input_html: { autocomplete: 'tel' }").unwrap();
        assert_eq!(attr(&attrs, "id"), Some("member_phone"));
        assert_eq!(attr(&attrs, "type"), Some("tel"));
        assert_eq!(attr(&attrs, "autocomplete"), Some("tel"));
        let (_, attrs) = field("s.text_field(:q)").unwrap();
        assert_eq!(attr(&attrs, "id"), Some("q"));
        let (_, attrs) = field("email_field_tag 'user[email]'").unwrap();
        assert_eq!(attr(&attrs, "id"), Some("user_email"));
        let (tag, _) = field("f.text_area :address").unwrap();
        assert_eq!(tag, "textarea");
        assert!(field("f.submit 'Save'").is_none());
        assert!(field("link_to 'x', y").is_none());
    }

    #[test]
    fn interpolation_exprs() {
        let t = "a #{current_user.try(:email)} \\#{no} #{{raw}} #{x ? '}' : 1}";
        let found: Vec<String> = interpolations(t, 0, t.len(), false)
            .into_iter()
            .map(|(_, _, e)| e)
            .collect();
        assert_eq!(found, ["current_user.email", "raw", "x ? '}' : 1"]);
        assert_eq!(
            output_expr("raw current_user.email.to_json"),
            "current_user.email.to_json"
        );
        assert_eq!(output_expr("j(current_user&.name)"), "current_user.name");
    }
}
