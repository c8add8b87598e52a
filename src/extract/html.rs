//! HTML pages: inline scripts, inline event handlers and the form fields they read.
//!
//! The markup scanner here is shared with the component formats (Vue, Svelte, Astro, Angular):
//! [`scan_markup`] tokenizes a range of a file with html5gum and records elements, handlers,
//! framework event bindings, value bindings and interpolations in the dialect's syntax, with
//! every span pointing into the original file.

use super::{BlockKind, ElementFact, Extracted, Lang, ScriptBlock, ScriptSrc};
use crate::source::ByteSpan;
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};
use std::ops::Range;

/// `type` values that browsers run as JavaScript.
pub(crate) fn is_js_type(ty: &str) -> bool {
    let ty = ty.trim().to_ascii_lowercase();
    let ty = ty.split(';').next().unwrap_or("").trim();
    matches!(
        ty,
        "" | "text/javascript"
            | "application/javascript"
            | "module"
            | "text/ecmascript"
            | "application/ecmascript"
            | "application/x-javascript"
            | "text/jsx"
            | "text/babel"
    )
}

/// `type` values component compilers accept for TypeScript.
fn is_ts_type(ty: &str) -> bool {
    matches!(
        ty.trim().to_ascii_lowercase().as_str(),
        "ts" | "typescript" | "text/typescript" | "application/typescript"
    )
}

/// The syntax of a `lang` attribute's value (`<script lang="ts">`).
pub(crate) fn lang_from_attr(lang: Option<&str>) -> Lang {
    match lang.map(|l| l.trim().to_ascii_lowercase()).as_deref() {
        Some("ts" | "typescript") => Lang::Ts,
        Some("tsx") => Lang::Tsx,
        _ => Lang::Js,
    }
}

const FIELD_TAGS: &[&str] = &["input", "select", "textarea", "form", "output"];

/// Elements without content: never on the open-element stack.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Attributes that mask or unmask an element in session replay and autocapture SDKs.
const MASK_ATTRS: &[&str] = &[
    "data-hj-suppress",
    "data-hj-allow",
    "data-private",
    "data-public",
    "data-clarity-mask",
    "data-clarity-unmask",
    "data-dd-privacy",
    "data-sentry-mask",
    "data-sentry-block",
    "data-sentry-unmask",
    "data-heap-redact-text",
    "data-recording-sensitive",
    "data-matomo-mask",
];

/// Classes that mask or unmask an element in session replay and autocapture SDKs.
const MASK_CLASSES: &[&str] = &[
    "fs-exclude",
    "fs-mask",
    "fs-unmask",
    "ph-no-capture",
    "ph-mask",
    "sentry-mask",
    "sentry-block",
    "sentry-unmask",
    "rr-block",
    "rr-mask",
    "amp-mask",
    "amp-block",
    "amp-unmask",
    "mp-mask",
    "mp-block",
    "heap-ignore",
    "no-mouseflow",
    "ym-hide-content",
];

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

/// One attribute of a start tag, in source order.
#[derive(Clone, Debug)]
pub(crate) struct Attr {
    /// Lowercased name, as html5gum reports it.
    pub name: String,
    /// Where the name is written; its original spelling is the text there.
    pub name_span: Range<usize>,
    /// The value with character references decoded; empty when absent.
    pub value: String,
    /// Where the value is written (inside any quotes); `None` when absent or empty.
    pub value_span: Option<Range<usize>>,
}

#[derive(Clone, Debug)]
pub(crate) struct StartTag {
    /// Lowercased.
    pub name: String,
    pub span: Range<usize>,
    pub self_closing: bool,
    pub attrs: Vec<Attr>,
}

impl StartTag {
    /// The first attribute called `name` (lowercase).
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }
}

#[derive(Clone, Debug)]
pub(crate) enum Tok {
    Start(StartTag),
    End { name: String, span: Range<usize> },
    Text { span: Range<usize> },
}

/// Tokenizes `text` with html5gum (switching to script/raw-text states after `<script>`,
/// `<style>`, `<textarea>`, …). Spans are byte offsets into `text`; comments, doctypes and
/// errors are dropped.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut current: Option<StartTag> = None;
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, span: Span<usize>| {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                current = Some(StartTag {
                    name: String::from_utf8_lossy(name).to_ascii_lowercase(),
                    span: span.start..span.end,
                    self_closing: false,
                    attrs: Vec::new(),
                });
            }
            CallbackEvent::AttributeName { name } => {
                if let Some(tag) = current.as_mut() {
                    tag.attrs.push(Attr {
                        name: String::from_utf8_lossy(name).to_ascii_lowercase(),
                        name_span: span.start..span.end,
                        value: String::new(),
                        value_span: None,
                    });
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if let Some(attr) = current.as_mut().and_then(|t| t.attrs.last_mut()) {
                    attr.value = String::from_utf8_lossy(value).into_owned();
                    attr.value_span = Some(span.start..span.end);
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if let Some(mut tag) = current.take() {
                    tag.self_closing = self_closing;
                    tag.span.end = span.end;
                    toks.push(Tok::Start(tag));
                }
            }
            CallbackEvent::EndTag { name } => {
                current = None;
                toks.push(Tok::End {
                    name: String::from_utf8_lossy(name).to_ascii_lowercase(),
                    span: span.start..span.end,
                });
            }
            CallbackEvent::String { .. } => {
                if span.end > span.start {
                    toks.push(Tok::Text {
                        span: span.start..span.end,
                    });
                }
            }
            CallbackEvent::Comment { .. }
            | CallbackEvent::Doctype { .. }
            | CallbackEvent::Error(_) => {}
        }
        None::<std::convert::Infallible>
    });
    emitter.naively_switch_states(true);
    let _ = Tokenizer::new_with_emitter(text, emitter).finish();
    toks
}

// ---------------------------------------------------------------------------------------------
// JavaScript-aware bracket matching and the brace pre-scan
// ---------------------------------------------------------------------------------------------

/// The index of the quote closing the string or template literal opened at `open`, or the end
/// of the text when unterminated. A `'`/`"` string also ends at a line break (unterminated:
/// JSX text such as `Don't` must not swallow the file).
pub(crate) fn skip_js_string(b: &[u8], open: usize) -> usize {
    let quote = b[open];
    let mut i = open + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == quote => return i,
            b'\n' if quote != b'`' => return i,
            b'$' if quote == b'`' && b.get(i + 1) == Some(&b'{') => {
                i = match match_js_bracket(b, i + 1) {
                    Some(close) => close + 1,
                    None => return b.len(),
                };
            }
            _ => i += 1,
        }
    }
    b.len()
}

/// The index of the bracket closing the `(`, `[` or `{` at `open`, skipping strings, template
/// literals and comments (regular expression literals are not recognised).
pub(crate) fn match_js_bracket(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            b'\'' | b'"' | b'`' => i = skip_js_string(b, i),
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = find(b, i + 2, b"*/").map_or(b.len(), |p| p + 1);
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    b[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ignore_case(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    b[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// Svelte and Astro markup: replaces the inside of every top-level `{…}` (balanced, respecting
/// JavaScript strings and template literals) by `_` so html5gum tokenizes the markup as HTML
/// (`on:change={() => f()}` would otherwise end the tag at `=>`). The copy has the same length;
/// the brace pairs are returned as `(open, close)` offsets. Comments and the contents of
/// `<script>` and `<style>` elements are left alone.
pub(crate) fn fill_braces(text: &str) -> (String, Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut pairs = Vec::new();
    let mut i = 0;
    let fill = |out: &mut Vec<u8>, pairs: &mut Vec<(usize, usize)>, open: usize| -> usize {
        match match_js_bracket(b, open) {
            Some(close) if b[close] == b'}' => {
                out[open + 1..close].fill(b'_');
                // An attribute value the next attribute follows without a space
                // (`on:click={() => {…}}style={…}`): its closing brace reads as one, so the
                // tokenizer ends the value there; the pair still says where it closes.
                if open > 0
                    && b[open - 1] == b'='
                    && b.get(close + 1)
                        .is_some_and(|&c| c.is_ascii_alphabetic() || matches!(c, b'_' | b'{'))
                {
                    out[close] = b' ';
                }
                pairs.push((open, close));
                close + 1
            }
            _ => open + 1,
        }
    };
    while i < b.len() {
        match b[i] {
            b'<' if b[i..].starts_with(b"<!--") => {
                i = find(b, i + 4, b"-->").map_or(b.len(), |p| p + 3);
            }
            b'<' => {
                let raw = [&b"script"[..], b"style"].into_iter().find(|name| {
                    b.len() > i + 1 + name.len()
                        && b[i + 1..i + 1 + name.len()].eq_ignore_ascii_case(name)
                        && matches!(
                            b[i + 1 + name.len()],
                            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'
                        )
                });
                let Some(name) = raw else {
                    i += 1;
                    continue;
                };
                // The start tag, its attribute values possibly holding braces.
                let mut j = i + 1 + name.len();
                let mut self_closing = false;
                while j < b.len() {
                    match b[j] {
                        b'"' | b'\'' => {
                            j = find(b, j + 1, &b[j..j + 1]).map_or(b.len(), |p| p + 1);
                        }
                        b'{' => j = fill(&mut out, &mut pairs, j),
                        b'>' => {
                            self_closing = b[j - 1] == b'/';
                            j += 1;
                            break;
                        }
                        _ => j += 1,
                    }
                }
                i = if self_closing {
                    j
                } else {
                    let mut close = b"</".to_vec();
                    close.extend_from_slice(name);
                    find_ignore_case(b, j, &close).unwrap_or(b.len())
                };
            }
            b'{' => i = fill(&mut out, &mut pairs, i),
            _ => i += 1,
        }
    }
    // Only ASCII bytes inside ASCII delimiters were replaced: still UTF-8.
    let filled = String::from_utf8(out).unwrap_or_else(|_| text.to_string());
    (filled, pairs)
}

// ---------------------------------------------------------------------------------------------
// Small text helpers
// ---------------------------------------------------------------------------------------------

/// The sub-range of `range` without leading and trailing whitespace.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

fn span_of(range: &Range<usize>) -> ByteSpan {
    ByteSpan::new(range.start as u32, range.end as u32)
}

/// Decodes the common character references (`&amp;`, `&lt;`, `&quot;`, `&#39;`, `&#x27;`, …);
/// others stay as written.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let decoded = rest.find(';').filter(|&e| e <= 10).and_then(|e| {
            let ent = &rest[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let num = ent.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Undoes JavaScript string escapes (an inline Angular `template: '…'`).
pub(crate) fn unescape_js(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\n') | None => {}
            Some(other) => out.push(other),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The markup scanner
// ---------------------------------------------------------------------------------------------

/// The template syntax a range of markup is written in: the page's or component's own syntax,
/// read in the browser or by a front-end framework (server template languages, whose tags are
/// masked out before this scan, are [`super::server::ServerDialect`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkupDialect {
    /// A plain page: inline scripts, `on*=` handlers, fields.
    Html,
    /// A Vue SFC's `<template>`: `@event` / `v-on:event`, `v-model`, `:value`, `{{ }}`.
    Vue,
    /// Svelte markup: `on:event={…}`, `bind:value={…}`, `{…}`, block syntax.
    Svelte,
    /// Astro markup after the frontmatter: `{…}`, plain handlers, TypeScript `<script>`s.
    Astro,
    /// An Angular component template: `(event)`, `[(ngModel)]`, `formControlName`, `{{ }}`.
    Angular,
}

impl MarkupDialect {
    fn braces(self) -> bool {
        matches!(self, MarkupDialect::Svelte | MarkupDialect::Astro)
    }
    fn mustaches(self) -> bool {
        matches!(self, MarkupDialect::Vue | MarkupDialect::Angular)
    }
    /// Whether `<script>` elements in the markup run (Vue and Angular drop them).
    fn runs_scripts(self) -> bool {
        !matches!(self, MarkupDialect::Vue | MarkupDialect::Angular)
    }
}

/// How to scan a range of markup.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Markup {
    pub dialect: MarkupDialect,
    /// The syntax template expressions are parsed with.
    pub expr_lang: Lang,
    /// The markup sits inside a JavaScript string literal (an inline Angular `template:`):
    /// expressions holding backslash escapes get their unescaped code in `decoded`.
    pub js_string: bool,
}

impl Markup {
    pub fn new(dialect: MarkupDialect, expr_lang: Lang) -> Self {
        Markup {
            dialect,
            expr_lang,
            js_string: false,
        }
    }
}

/// Scans `file[range]` as markup of `opts.dialect`, adding script blocks, handler and
/// template-expression blocks, elements and `<script src>`s to `out`. Every span is an offset
/// into `file`. Blocks are appended in document order per kind; callers sort if they need to.
pub(crate) fn scan_markup(file: &str, range: Range<usize>, opts: &Markup, out: &mut Extracted) {
    let slice = &file[range.clone()];
    let (mut filled, pairs) = if opts.dialect.braces() {
        let (f, p) = fill_braces(slice);
        (Some(f), p)
    } else {
        (None, Vec::new())
    };
    if opts.js_string && slice.contains('\\') {
        // `name=\"email\"` in a JavaScript string: hide the backslashes from the tokenizer.
        let mut b = filled
            .take()
            .unwrap_or_else(|| slice.to_string())
            .into_bytes();
        for i in 0..b.len().saturating_sub(1) {
            if b[i] == b'\\' && matches!(b[i + 1], b'"' | b'\'' | b'\\') {
                b[i] = b' ';
                b[i + 1] = if b[i + 1] == b'\\' { b'_' } else { b[i + 1] };
            }
        }
        filled = Some(String::from_utf8(b).unwrap_or_else(|_| slice.to_string()));
    }
    let toks = tokenize(filled.as_deref().unwrap_or(slice));
    let mut scanner = Scanner {
        file,
        base: range.start,
        pairs: pairs
            .into_iter()
            .map(|(o, c)| (o + range.start, c + range.start))
            .collect(),
        braces_filled: opts.dialect.braces(),
        opts,
        out,
        stack: Vec::new(),
        raw: None,
        open_script: None,
        labels: Vec::new(),
        label_for: Vec::new(),
    };
    for tok in toks {
        match tok {
            Tok::Start(tag) => scanner.start_tag(tag),
            Tok::End { name, span } => scanner.end_tag(&name, span),
            Tok::Text { span } => scanner.text(span),
        }
    }
    // `<label for="v">View name</label>`: the field of that id, when nothing else labels it.
    for (id, text) in std::mem::take(&mut scanner.label_for) {
        for el in scanner.out.elements.iter_mut() {
            if el.id.as_deref() == Some(id.as_str()) && el.label.is_none() {
                el.label = Some(text.clone());
            }
        }
    }
    // An unclosed <script> runs to the end of the range.
    if let Some((start, lang)) = scanner.open_script.take() {
        if start < range.end {
            scanner.out.blocks.push(ScriptBlock {
                span: ByteSpan::new(start as u32, range.end as u32),
                lang,
                kind: BlockKind::Script,
                decoded: None,
            });
        }
    }
}

/// What an attribute contributes to its element.
enum Expr {
    /// An event binding (`handler: false`) or an `on*=` handler attribute (`handler: true`).
    Event {
        handler: bool,
        event: String,
        range: Range<usize>,
        decoded: Option<String>,
    },
    /// An expression displayed as the element's content (`v-html`, `[innerHTML]`).
    Display(String),
    /// An expression evaluated in an attribute (Angular `title="{{ x }}"`).
    Attribute {
        range: Range<usize>,
        decoded: Option<String>,
    },
}

struct Scanner<'a, 'o> {
    file: &'a str,
    /// Added to token offsets to make file offsets.
    base: usize,
    /// Brace pairs of the pre-scan, in file offsets.
    pairs: Vec<(usize, usize)>,
    braces_filled: bool,
    opts: &'a Markup,
    out: &'o mut Extracted,
    /// Open elements: tag name and recorded element index.
    stack: Vec<(String, Option<usize>)>,
    /// Inside `<script>` / `<style>` content: its tag name.
    raw: Option<&'static str>,
    open_script: Option<(usize, Lang)>,
    /// Open `<label>` elements, innermost last: what a field's label says about it.
    labels: Vec<OpenLabel>,
    /// `<label for=id>` texts, given to the field of that id once the page is read.
    label_for: Vec<(String, String)>,
}

/// A `<label>` being read: its `for`, its text so far and the fields inside it.
#[derive(Default)]
struct OpenLabel {
    for_id: Option<String>,
    text: String,
    fields: Vec<usize>,
}

/// A label's text as a person reads it: whitespace collapsed, at most 80 characters.
pub(crate) fn label_text(raw: &str) -> Option<String> {
    let text: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let text: String = text.chars().take(80).collect();
    (!text.is_empty()).then_some(text)
}

/// Binding priority: lower wins.
type Binding = Option<(u8, String)>;

fn offer(binding: &mut Binding, priority: u8, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    if binding.as_ref().is_none_or(|(p, _)| priority < *p) {
        *binding = Some((priority, value.to_string()));
    }
}

impl Scanner<'_, '_> {
    fn abs(&self, r: &Range<usize>) -> Range<usize> {
        r.start + self.base..r.end + self.base
    }

    /// The attribute's name as written.
    fn raw_name<'s>(&'s self, a: &Attr) -> &'s str {
        self.file
            .get(a.name_span.start + self.base..a.name_span.end + self.base)
            .unwrap_or("")
    }

    /// The attribute's value as written, in file offsets.
    fn raw_value(&self, a: &Attr) -> Option<(Range<usize>, &str)> {
        let mut r = self.abs(a.value_span.as_ref()?);
        // `name=\"email\"` in a JavaScript string: the backslash escapes the closing quote.
        let b = self.file.as_bytes();
        if self.opts.js_string
            && r.end > r.start
            && b[r.end - 1] == b'\\'
            && matches!(b.get(r.end), Some(b'"' | b'\''))
        {
            r.end -= 1;
        }
        Some((r.clone(), self.file.get(r)?))
    }

    /// The attribute's value as the page sees it: decoded, or as written when the brace
    /// pre-scan changed it, or unescaped inside a JavaScript string.
    fn value(&self, a: &Attr) -> String {
        match self.raw_value(a) {
            Some((_, raw)) if self.braces_filled && raw.contains('{') => raw.to_string(),
            Some((_, raw)) if self.opts.js_string => decode_entities(&unescape_js(raw)),
            _ => a.value.clone(),
        }
    }

    /// A `{…}` attribute value (Svelte, Astro): the trimmed range of the expression inside.
    fn brace_expr(&self, a: &Attr) -> Option<Range<usize>> {
        let (r, _) = self.raw_value(a)?;
        let t = trim_range(self.file, r);
        if let Ok(k) = self.pairs.binary_search_by_key(&t.start, |&(open, _)| open) {
            let e = trim_range(self.file, t.start + 1..self.pairs[k].1);
            return (!e.is_empty()).then_some(e);
        }
        let inner = self.file.get(t.clone())?;
        (inner.starts_with('{') && inner.ends_with('}') && inner.len() >= 2)
            .then(|| trim_range(self.file, t.start + 1..t.end - 1))
            .filter(|e| !e.is_empty())
    }

    /// A static attribute value; in Svelte and Astro a `{"literal"}` is unwrapped and any
    /// other expression is not static.
    fn static_value(&self, a: &Attr) -> Option<String> {
        let v = self.value(a);
        if !self.opts.dialect.braces() || !v.contains('{') {
            return Some(v);
        }
        let inner = v.trim().strip_prefix('{')?.strip_suffix('}')?.trim();
        let q = inner.chars().next()?;
        if !matches!(q, '"' | '\'' | '`') || inner.len() < 2 || !inner.ends_with(q) {
            return None;
        }
        let lit = &inner[1..inner.len() - 1];
        (!lit.contains(q)).then(|| lit.to_string())
    }

    /// An attribute's value as an expression: its trimmed range and, when the code differs
    /// from the file's bytes (entities, string escapes), the code.
    /// A quoted event binding (Vue `@blur.prevent="…"`, Angular `(keyup.enter)="…"`): the event
    /// name without modifiers; dynamic names (`@[name]`) are skipped.
    fn push_event_binding(&self, a: &Attr, event: &str, exprs: &mut Vec<Expr>) {
        let event = event.split('.').next().unwrap_or("");
        if event.is_empty() || event.starts_with('[') {
            return;
        }
        if let Some((range, decoded)) = self.attr_expr(a) {
            exprs.push(Expr::Event {
                handler: false,
                event: event.to_string(),
                range,
                decoded,
            });
        }
    }

    fn attr_expr(&self, a: &Attr) -> Option<(Range<usize>, Option<String>)> {
        let (r, raw) = self.raw_value(a)?;
        let range = trim_range(self.file, r);
        if range.is_empty() {
            return None;
        }
        let value = self.value(a);
        Some((range, (raw != value).then(|| value.trim().to_string())))
    }

    fn js_decoded(&self, decoded: Option<String>, raw: &str) -> Option<String> {
        if self.opts.js_string && raw.contains('\\') {
            Some(unescape_js(decoded.as_deref().unwrap_or(raw.trim())))
        } else {
            decoded
        }
    }

    fn enclosing(&self) -> Option<usize> {
        self.stack.iter().rev().find_map(|(_, i)| *i)
    }

    fn start_tag(&mut self, tag: StartTag) {
        let span = self.abs(&tag.span);
        let name = tag.name.clone();
        if name == "script" {
            self.script_tag(&tag, &span);
        }
        if (name == "script" || name == "style") && !tag.self_closing {
            self.raw = Some(if name == "script" { "script" } else { "style" });
        }

        let stat = |k: &str| tag.attr(k).and_then(|a| self.static_value(a));
        let id = stat("id").filter(|v| !v.is_empty());
        let field_name = stat("name").filter(|v| !v.is_empty());
        let ty = stat("type");
        let autocomplete = stat("autocomplete");
        let label = stat("placeholder")
            .or_else(|| stat("aria-label"))
            .filter(|v| !v.trim().is_empty());
        let label_for =
            (name == "label" && !tag.self_closing).then(|| stat("for").filter(|v| !v.is_empty()));
        let classes: Vec<String> = stat("class")
            .map(|c| {
                c.split_ascii_whitespace()
                    .filter(|t| !t.contains(['{', '}']))
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();

        let mut masks = Vec::new();
        for a in &tag.attrs {
            if MASK_ATTRS.contains(&a.name.as_str()) && !masks.contains(&a.name) {
                if a.name == "data-dd-privacy" {
                    masks.push(format!("data-dd-privacy={}", self.value(a).trim()));
                } else {
                    masks.push(a.name.clone());
                }
            }
        }
        for c in &classes {
            if MASK_CLASSES.contains(&c.as_str()) && !masks.contains(c) {
                masks.push(c.clone());
            }
        }

        let mut binding: Binding = None;
        let mut exprs: Vec<Expr> = Vec::new();
        let mut force = false;
        for a in &tag.attrs {
            self.attribute(&tag, a, &mut binding, &mut exprs, &mut force);
        }

        let has_identity = id.is_some() || field_name.is_some() || !classes.is_empty();
        let record = FIELD_TAGS.contains(&name.as_str())
            || has_identity
            || !masks.is_empty()
            || binding.is_some()
            || force
            || exprs
                .iter()
                .any(|e| matches!(e, Expr::Event { .. } | Expr::Display(_)));
        let form = self
            .stack
            .iter()
            .rev()
            .find(|(n, _)| n == "form")
            .and_then(|(_, i)| i.map(|i| self.out.elements[i].describe()));
        let index = record.then(|| {
            self.out.elements.push(ElementFact {
                tag: name.clone(),
                span: span_of(&span),
                id,
                name: field_name,
                ty,
                autocomplete,
                label,
                classes,
                binding: binding.map(|(_, b)| b),
                displays: Vec::new(),
                masks,
                form,
            });
            self.out.elements.len() - 1
        });
        if let Some(for_id) = label_for {
            self.labels.push(OpenLabel {
                for_id,
                ..Default::default()
            });
        } else if let (Some(i), Some(open)) = (index, self.labels.last_mut()) {
            if matches!(name.as_str(), "input" | "select" | "textarea") {
                open.fields.push(i);
            }
        }

        for e in exprs {
            match e {
                Expr::Event {
                    handler,
                    event,
                    range,
                    decoded,
                } => {
                    let Some(element) = index else { continue };
                    let (kind, lang) = if handler {
                        (BlockKind::Handler { event, element }, Lang::Js)
                    } else {
                        (
                            BlockKind::TemplateExpr {
                                event: Some(event),
                                element: Some(element),
                            },
                            self.opts.expr_lang,
                        )
                    };
                    self.out.blocks.push(ScriptBlock {
                        span: span_of(&range),
                        lang,
                        kind,
                        decoded,
                    });
                }
                Expr::Display(d) => {
                    if let Some(i) = index {
                        self.out.elements[i].displays.push(d);
                    }
                }
                Expr::Attribute { range, decoded } => {
                    self.out.blocks.push(ScriptBlock {
                        span: span_of(&range),
                        lang: self.opts.expr_lang,
                        kind: BlockKind::TemplateExpr {
                            event: None,
                            element: index.or_else(|| self.enclosing()),
                        },
                        decoded,
                    });
                }
            }
        }

        if !tag.self_closing && !VOID_TAGS.contains(&name.as_str()) {
            self.stack.push((name, index));
        }
    }

    fn script_tag(&mut self, tag: &StartTag, span: &Range<usize>) {
        let dialect = self.opts.dialect;
        if !dialect.runs_scripts() {
            return;
        }
        let src = tag.attr("src").map(|a| a.value.trim().to_string());
        if let Some(url) = &src {
            self.out.script_srcs.push(ScriptSrc {
                span: span_of(span),
                url: url.clone(),
            });
        }
        if tag.self_closing {
            return;
        }
        let ty = tag.attr("type").map(|a| a.value.as_str());
        let lang_attr = tag.attr("lang").map(|a| a.value.as_str());
        let (runs, lang) = match dialect {
            MarkupDialect::Html => (ty.is_none_or(is_js_type), lang_from_attr(lang_attr)),
            _ => {
                let ts = ty.is_some_and(is_ts_type);
                let lang = if dialect == MarkupDialect::Astro || ts {
                    if lang_from_attr(lang_attr) == Lang::Tsx {
                        Lang::Tsx
                    } else {
                        Lang::Ts
                    }
                } else {
                    lang_from_attr(lang_attr)
                };
                (ts || ty.is_none_or(is_js_type), lang)
            }
        };
        self.open_script = (runs && src.is_none()).then_some((span.end, lang));
    }

    fn attribute(
        &self,
        tag: &StartTag,
        a: &Attr,
        binding: &mut Binding,
        exprs: &mut Vec<Expr>,
        force: &mut bool,
    ) {
        let dialect = self.opts.dialect;
        let raw_name = self.raw_name(a);
        let value_target = !matches!(tag.name.as_str(), "option" | "button");

        // Plain `on*=` handlers, or Svelte 5 / Astro `onclick={…}` event attributes.
        if let Some(event) = a.name.strip_prefix("on") {
            if !event.is_empty() && event.bytes().all(|b| b.is_ascii_lowercase()) {
                if dialect.braces() && self.raw_value(a).is_some_and(|(_, v)| v.contains('{')) {
                    if let Some(range) = self.brace_expr(a) {
                        exprs.push(Expr::Event {
                            handler: false,
                            event: event.to_string(),
                            range,
                            decoded: None,
                        });
                    }
                } else if let Some((r, raw)) = self.raw_value(a) {
                    // The whole value is the body of the handler function.
                    let value = self.value(a);
                    exprs.push(Expr::Event {
                        handler: true,
                        event: event.to_string(),
                        range: r,
                        decoded: (raw != value).then_some(value),
                    });
                }
                return;
            }
        }

        match dialect {
            MarkupDialect::Html => {}
            MarkupDialect::Vue => {
                let event = raw_name
                    .strip_prefix('@')
                    .or_else(|| raw_name.strip_prefix("v-on:"));
                if let Some(event) = event {
                    self.push_event_binding(a, event, exprs);
                    return;
                }
                let directive = raw_name.split('.').next().unwrap_or("");
                if directive == "v-model" || directive.starts_with("v-model:") {
                    offer(binding, 0, &self.value(a));
                } else if matches!(directive, ":value" | "v-bind:value") && value_target {
                    offer(binding, 1, &self.value(a));
                } else if matches!(
                    directive,
                    ":modelValue" | ":model-value" | "v-bind:modelValue" | "v-bind:model-value"
                ) {
                    offer(binding, 2, &self.value(a));
                } else if matches!(directive, "v-html" | "v-text") && !a.value.trim().is_empty() {
                    exprs.push(Expr::Display(self.value(a).trim().to_string()));
                } else if a.name == "ref" {
                    *force = true;
                }
            }
            MarkupDialect::Angular => {
                let event = raw_name
                    .strip_prefix('(')
                    .and_then(|n| n.strip_suffix(')'))
                    .filter(|n| !n.starts_with('['))
                    .or_else(|| raw_name.strip_prefix("on-"));
                if let Some(event) = event {
                    self.push_event_binding(a, event, exprs);
                    return;
                }
                match raw_name {
                    "[(ngModel)]" | "bindon-ngModel" => offer(binding, 0, &self.value(a)),
                    "[ngModel]" | "bind-ngModel" | "formControlName" | "[formControlName]"
                    | "[formControl]" | "bind-formControl" => offer(binding, 1, &self.value(a)),
                    "[value]" | "bind-value" if value_target => offer(binding, 2, &self.value(a)),
                    "[innerHTML]" | "[innerText]" | "[textContent]" | "bind-innerHTML" => {
                        if !a.value.trim().is_empty() {
                            exprs.push(Expr::Display(self.value(a).trim().to_string()));
                        }
                    }
                    n if n.starts_with('#') || n.starts_with("ref-") => *force = true,
                    _ => {
                        let Some((r, raw)) = self.raw_value(a) else {
                            return;
                        };
                        if !raw.contains("{{") {
                            return;
                        }
                        let found = self.mustaches(r.clone());
                        // `value="{{ user.email }}"`: the whole value is one interpolation.
                        let whole = raw.trim();
                        if a.name == "value"
                            && value_target
                            && found.len() == 1
                            && whole.starts_with("{{")
                            && whole.ends_with("}}")
                        {
                            offer(binding, 2, &self.file[found[0].0.clone()]);
                        }
                        for (range, decoded) in found {
                            exprs.push(Expr::Attribute { range, decoded });
                        }
                    }
                }
            }
            MarkupDialect::Svelte | MarkupDialect::Astro => {
                if let Some(rest) = raw_name.strip_prefix("on:") {
                    let event = rest.split('|').next().unwrap_or("");
                    if !event.is_empty() {
                        if let Some(range) = self.brace_expr(a) {
                            exprs.push(Expr::Event {
                                handler: false,
                                event: event.to_string(),
                                range,
                                decoded: None,
                            });
                        }
                    }
                    return;
                }
                if let Some(prop) = raw_name.strip_prefix("bind:") {
                    let priority = match prop {
                        "value" => 0,
                        "checked" | "group" => 1,
                        _ => return,
                    };
                    match self.brace_expr(a) {
                        Some(r) => offer(binding, priority, &self.file[r]),
                        None if a.value_span.is_none() => offer(binding, priority, prop),
                        None => {}
                    }
                    return;
                }
                if a.name == "value" && value_target {
                    if let Some(r) = self.brace_expr(a) {
                        offer(binding, 2, &self.file[r]);
                    }
                    return;
                }
                // `{value}` shorthand for `value={value}`.
                if raw_name == "{value}" && value_target {
                    offer(binding, 2, "value");
                }
            }
        }
    }

    /// The `{{ … }}` interpolations in `file[range]`: trimmed expression ranges and decoded
    /// code where character references or string escapes change it.
    fn mustaches(&self, range: Range<usize>) -> Vec<(Range<usize>, Option<String>)> {
        let b = self.file.as_bytes();
        let mut found = Vec::new();
        let mut i = range.start;
        while let Some(open) = find(&b[..range.end], i, b"{{") {
            let Some(close) = find(&b[..range.end], open + 2, b"}}") else {
                break;
            };
            let r = trim_range(self.file, open + 2..close);
            if !r.is_empty() {
                let raw = &self.file[r.clone()];
                let dec = decode_entities(raw);
                let decoded = (dec != raw).then_some(dec);
                found.push((r, self.js_decoded(decoded, raw)));
            }
            i = close + 2;
        }
        found
    }

    fn end_tag(&mut self, name: &str, span: Range<usize>) {
        if name == "label" {
            if let Some(open) = self.labels.pop() {
                if let Some(text) = label_text(&open.text) {
                    for i in open.fields {
                        self.out.elements[i]
                            .label
                            .get_or_insert_with(|| text.clone());
                    }
                    if let Some(id) = open.for_id {
                        self.label_for.push((id, text));
                    }
                }
            }
        }
        if name == "script" {
            if let Some((start, lang)) = self.open_script.take() {
                let end = span.start + self.base;
                if end > start {
                    self.out.blocks.push(ScriptBlock {
                        span: ByteSpan::new(start as u32, end as u32),
                        lang,
                        kind: BlockKind::Script,
                        decoded: None,
                    });
                }
            }
        }
        if self.raw == Some(name) {
            self.raw = None;
        }
        if let Some(pos) = self.stack.iter().rposition(|(n, _)| n == name) {
            self.stack.truncate(pos);
        }
    }

    fn text(&mut self, span: Range<usize>) {
        if self.raw.is_some() {
            return;
        }
        let span = self.abs(&span);
        if let Some(open) = self.labels.last_mut() {
            if open.text.len() < 200 {
                open.text.push(' ');
                open.text.push_str(&self.file[span.clone()]);
            }
        }
        let dialect = self.opts.dialect;
        let mut found: Vec<(Range<usize>, Option<String>, bool)> = Vec::new();
        if dialect.mustaches() {
            found = self
                .mustaches(span.clone())
                .into_iter()
                .map(|(r, d)| (r, d, true))
                .collect();
        } else if dialect.braces() {
            let first = self.pairs.partition_point(|&(o, _)| o < span.start);
            for &(open, close) in &self.pairs[first..] {
                if close >= span.end {
                    break;
                }
                let r = trim_range(self.file, open + 1..close);
                let inner = &self.file[r.clone()];
                if inner.is_empty() {
                    continue;
                }
                if dialect == MarkupDialect::Svelte {
                    if let Some(html) = inner.strip_prefix("@html") {
                        if html.starts_with(char::is_whitespace) {
                            let r = trim_range(self.file, r.start + 5..r.end);
                            found.push((r, None, false));
                        }
                        continue;
                    }
                    if inner.starts_with(['#', ':', '/', '@']) {
                        continue;
                    }
                }
                found.push((r, None, true));
            }
        }
        let element = self.enclosing();
        for (r, decoded, block) in found {
            if let Some(i) = element {
                let shown = decoded.as_deref().unwrap_or(&self.file[r.clone()]);
                self.out.elements[i].displays.push(shown.to_string());
            }
            if block {
                self.out.blocks.push(ScriptBlock {
                    span: span_of(&r),
                    lang: self.opts.expr_lang,
                    kind: BlockKind::TemplateExpr {
                        event: None,
                        element,
                    },
                    decoded,
                });
            }
        }
    }
}

/// Extracts a plain HTML page.
pub fn extract(text: &str) -> Extracted {
    let mut out = Extracted::default();
    scan_markup(
        text,
        0..text.len(),
        &Markup::new(MarkupDialect::Html, Lang::Js),
        &mut out,
    );
    out.blocks.sort_by_key(|b| b.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::slice;

    #[test]
    fn fields_know_their_form_and_label() {
        let html = r#"<form id="f"><label for="n">View name</label><input id="n" name="name">
<label>Your <b>email</b> <input id="e" type="email"></label></form>
<input id="outside"><label for="later">Company</label>"#;
        let ex = extract(&format!("{html}<input id=\"later\" name=\"name\">"));
        let el = |id: &str| {
            ex.elements
                .iter()
                .find(|e| e.id.as_deref() == Some(id))
                .unwrap()
        };
        assert_eq!(el("n").label.as_deref(), Some("View name"));
        assert_eq!(el("n").form.as_deref(), Some("form#f"));
        assert_eq!(el("e").label.as_deref(), Some("Your email"));
        assert_eq!(el("e").form.as_deref(), Some("form#f"));
        assert_eq!(el("outside").form, None);
        assert_eq!(el("later").label.as_deref(), Some("Company"));
    }

    #[test]
    fn scripts_handlers_and_fields() {
        let html = r#"<html><body>
<form id="f"><input type="email" id="email" name="em" onchange="track(this.value)"></form>
<script src="x.js"></script>
<script type="application/ld+json">{"a": 1}</script>
<script type="text/template"><div>{{ x }}</div></script>
<script>
  if (a < b && c > d) { fbq('init', '1', {em: x}); }
  var s = "</div>";
</script>
<button onclick="go(&quot;x&quot;)">Go</button>
</body></html>"#;
        let ex = extract(html);
        let texts: Vec<&str> = ex
            .blocks
            .iter()
            .map(|b| {
                b.decoded
                    .as_deref()
                    .unwrap_or(&html[b.span.start as usize..b.span.end as usize])
            })
            .collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert_eq!(texts[0], "track(this.value)");
        assert!(texts[1].contains("fbq('init'") && texts[1].contains("\"</div>\""));
        assert_eq!(texts[2], "go(\"x\")");
        let email = ex
            .elements
            .iter()
            .find(|e| e.id.as_deref() == Some("email"))
            .unwrap();
        assert_eq!(email.describe(), "input#email (type=email)");
        assert!(
            matches!(ex.blocks[0].kind, BlockKind::Handler { ref event, .. } if event == "change")
        );
    }

    #[test]
    fn handler_spans_are_the_attribute_values() {
        let html = "<p>é</p><input name=q onInput='send(this.value)' onblur=go()>";
        let ex = extract(html);
        assert_eq!(ex.blocks.len(), 2);
        assert_eq!(slice(html, ex.blocks[0].span), "send(this.value)");
        assert_eq!(slice(html, ex.blocks[1].span), "go()");
        for b in &ex.blocks {
            assert!(b.decoded.is_none());
            crate::parse::parse_block(html, b).unwrap();
        }
        let BlockKind::Handler { event, element } = &ex.blocks[0].kind else {
            panic!()
        };
        assert_eq!(event, "input");
        assert_eq!(ex.elements[*element].name.as_deref(), Some("q"));
    }

    #[test]
    fn script_srcs_and_masks() {
        let html = r#"<script async src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>
<div data-hj-suppress><span>secret</span></div>
<p class="fs-exclude note ph-no-capture">x</p>
<section data-dd-privacy="mask-user-input"></section>
<b class="plain">y</b>"#;
        let ex = extract(html);
        assert_eq!(ex.script_srcs.len(), 1);
        assert_eq!(
            ex.script_srcs[0].url,
            "https://static.hotjar.com/c/hotjar-1.js?sv=6"
        );
        assert!(slice(html, ex.script_srcs[0].span).starts_with("<script async"));
        assert!(slice(html, ex.script_srcs[0].span).ends_with("sv=6\">"));
        assert!(ex.blocks.is_empty());
        let masks: Vec<(&str, Vec<String>)> = ex
            .elements
            .iter()
            .map(|e| (e.tag.as_str(), e.masks.clone()))
            .collect();
        assert_eq!(
            masks,
            vec![
                ("div", vec!["data-hj-suppress".to_string()]),
                ("p", vec!["fs-exclude".into(), "ph-no-capture".into()]),
                ("section", vec!["data-dd-privacy=mask-user-input".into()]),
                ("b", vec![]),
            ]
        );
    }

    #[test]
    fn brace_prescan_fills_expressions() {
        let text = "<a on:click={() => f('}', `${x}`)}>{a > b}</a><script>if (a) {}</script>";
        let (filled, pairs) = fill_braces(text);
        assert_eq!(filled.len(), text.len());
        assert_eq!(pairs.len(), 2);
        assert_eq!(&text[pairs[0].0..=pairs[0].1], "{() => f('}', `${x}`)}");
        assert_eq!(&text[pairs[1].0..=pairs[1].1], "{a > b}");
        assert!(filled.ends_with("<script>if (a) {}</script>"));
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp;&amp; b &lt; &#39;x&#x27; &bogus; &"),
            "a && b < 'x' &bogus; &"
        );
        assert_eq!(unescape_js(r#"go(\'x\', \"y\")"#), r#"go('x', "y")"#);
    }
}
