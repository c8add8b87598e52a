//! Server-side templates (PHP, Blade, Liquid, Twig, Jinja, ERB, Handlebars, EJS, Razor): the
//! page the browser gets is the template with its tags evaluated. The tags are found by string
//! scanning and masked out of a copy of the file, byte for byte as long, so the HTML around
//! tokenizes and inline scripts parse: statements and comments become spaces, and an output tag
//! inside script code becomes a placeholder identifier recorded as an [`Interpolation`] (what the
//! server prints there: `customer.email`). Output tags in markup become spaces and are recorded
//! in the enclosing element's `displays`.

use super::{html, php, BlockKind, Extracted, Interpolation};
use crate::source::ByteSpan;
use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Php,
    Blade,
    Liquid,
    Twig,
    Jinja,
    Erb,
    Handlebars,
    Ejs,
    Razor,
}

impl Dialect {
    /// Every dialect, for iterating in tests and listings.
    pub const ALL: [Dialect; 9] = [
        Dialect::Php,
        Dialect::Blade,
        Dialect::Liquid,
        Dialect::Twig,
        Dialect::Jinja,
        Dialect::Erb,
        Dialect::Handlebars,
        Dialect::Ejs,
        Dialect::Razor,
    ];

    /// By file name: .php .phtml (.blade.php -> Blade), .liquid, .twig, .jinja .jinja2 .j2 .njk,
    /// .erb (incl. .html.erb), .hbs .handlebars .mustache, .ejs, .cshtml .razor
    pub fn from_path(path_or_name: &str) -> Option<Dialect> {
        let name = path_or_name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(path_or_name)
            .to_ascii_lowercase();
        if name.ends_with(".blade.php") {
            return Some(Dialect::Blade);
        }
        let (_, ext) = name.rsplit_once('.')?;
        Some(match ext {
            "php" | "phtml" => Dialect::Php,
            "liquid" => Dialect::Liquid,
            "twig" => Dialect::Twig,
            "jinja" | "jinja2" | "j2" | "njk" => Dialect::Jinja,
            "erb" => Dialect::Erb,
            "hbs" | "handlebars" | "mustache" => Dialect::Handlebars,
            "ejs" => Dialect::Ejs,
            "cshtml" | "razor" => Dialect::Razor,
            _ => return None,
        })
    }

    /// For messages: "PHP", "Blade", "Liquid", "Twig", "Jinja", "ERB", "Handlebars", "EJS", "Razor".
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Php => "PHP",
            Dialect::Blade => "Blade",
            Dialect::Liquid => "Liquid",
            Dialect::Twig => "Twig",
            Dialect::Jinja => "Jinja",
            Dialect::Erb => "ERB",
            Dialect::Handlebars => "Handlebars",
            Dialect::Ejs => "EJS",
            Dialect::Razor => "Razor",
        }
    }
}

/// True when an .html file uses Jinja/Twig/Nunjucks/Django/Liquid tags (`{% … %}` or
/// `{{ … }}`): such pages are masked as Jinja first.
pub fn looks_like_template(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(k) = find(b, i, b"{") {
        i = k + 1;
        let (close, window) = match b.get(k + 1) {
            Some(b'%') => (&b"%}"[..], 4096),
            Some(b'{') => (&b"}}"[..], 1024),
            _ => continue,
        };
        let limit = (k + 2 + window).min(b.len());
        let Some(c) = find(&b[..limit], k + 2, close) else {
            continue;
        };
        let inner = String::from_utf8_lossy(&b[k + 2..c]);
        let inner = inner.trim_matches(|ch: char| ch.is_whitespace() || ch == '-' || ch == '~');
        let starts_well = inner
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_alphabetic() || matches!(ch, '_' | '$' | '"' | '\''));
        if starts_well && !inner.contains(['{', '}', ';']) {
            return true;
        }
    }
    false
}

/// Masks the dialect's tags and extracts the page as HTML.
pub fn extract(text: &str, dialect: Dialect) -> Extracted {
    extract_from(text, dialect, None)
}

/// A PHP snippet without `<?php` (a hook pasted under some markup, saved as `.js`): markup up
/// to its first line of PHP code, PHP from there on. `None` when it has no such line or prints
/// no script from a string literal (see [`php::snippet_start`]).
pub fn extract_php_snippet(text: &str) -> Option<Extracted> {
    let start = php::snippet_start(text)?;
    Some(extract_from(text, Dialect::Php, Some(start)))
}

/// [`extract`], PHP code starting at `php_from` without an opening tag.
///
/// What a PHP statement block prints is a guess (an echo in an `if`, a script assembled from
/// string literals): each such block is a speculative group, kept only when the script blocks
/// it reaches parse; a group that breaks one is blanked whole, as before the guess, and the
/// page masked again.
fn extract_from(text: &str, dialect: Dialect, php_from: Option<usize>) -> Extracted {
    let mut found = scan(text.as_bytes(), dialect, php_from);
    found.pieces.sort_by_key(|p| (p.start, p.end));
    loop {
        let out = mask(text, dialect, &found);
        if found.groups.is_empty() {
            return out;
        }
        let masked = out.masked.as_deref().unwrap_or(text);
        let broken: Vec<usize> = (0..found.groups.len())
            .filter(|&g| {
                let (gs, ge) = found.groups[g];
                out.blocks.iter().any(|b| {
                    (b.span.start as usize) < ge
                        && gs < b.span.end as usize
                        && crate::parse::parse_block(masked, b).is_err()
                })
            })
            .collect();
        if broken.is_empty() {
            return out;
        }
        found.demote(&broken);
    }
}

/// Masks the tags found and extracts the page as HTML.
fn mask(text: &str, dialect: Dialect, found: &Scan) -> Extracted {
    let pieces = &found.pieces;
    let source = || {
        let mut bytes = text.as_bytes().to_vec();
        for &(k, c, _) in &found.fixes {
            bytes[k] = c;
        }
        bytes
    };

    // Pass 1: every tag blanked, to learn where the JavaScript regions are.
    let mut bytes = source();
    for p in pieces {
        blank(&mut bytes, p.start, p.end);
        write_replacement(&mut bytes, p);
    }
    let first = html::extract(&into_string(bytes));
    let js_regions: Vec<(usize, usize)> = first
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Script | BlockKind::Handler { .. }))
        .map(|b| (b.span.start as usize, b.span.end as usize))
        .collect();
    let in_js = |pos: usize| js_regions.iter().any(|&(s, e)| s <= pos && pos < e);

    // Pass 2: statements blanked, outputs in script code replaced by placeholders.
    let mut bytes = source();
    let mut interpolations = Vec::new();
    let mut shown: Vec<(usize, String)> = Vec::new();
    for p in pieces {
        blank(&mut bytes, p.start, p.end);
        write_replacement(&mut bytes, p);
        let Some(expr) = &p.output else {
            continue;
        };
        if p.replace.is_some() {
            continue;
        }
        if in_js(p.start) {
            let len = p.end - p.start;
            let mut placeholder = format!("_${}", interpolations.len());
            if placeholder.len() > len {
                continue;
            }
            while placeholder.len() < len {
                placeholder.push('_');
            }
            bytes[p.start..p.end].copy_from_slice(placeholder.as_bytes());
            interpolations.push(Interpolation {
                span: ByteSpan::new(p.start as u32, p.end as u32),
                expr: expr.clone(),
                dialect: dialect.name(),
                placeholder,
            });
        } else if !expr.is_empty() {
            shown.push((p.start, expr.clone()));
        }
    }
    let masked = into_string(bytes);
    let mut out = html::extract(&masked);
    assign_displays(&masked, &mut out, &shown);
    for (pos, value) in &found.bindings {
        let pos = *pos as u32;
        if let Some(el) = out
            .elements
            .iter_mut()
            .find(|e| e.span.start <= pos && pos < e.span.end)
        {
            el.binding.get_or_insert(value.clone());
        }
    }
    out.interpolations = interpolations;
    out.masked = Some(masked);
    out
}

// ---------------------------------------------------------------------------------------------
// Masking helpers

/// A tag that prints markup (`<%= javascript_tag do %>`) gets that markup, padded with blanks.
fn write_replacement(bytes: &mut [u8], p: &Piece) {
    if let Some(text) = p.replace {
        if text.len() <= p.end - p.start {
            bytes[p.start..p.start + text.len()].copy_from_slice(text.as_bytes());
        }
    }
}

/// Replaces `bytes[start..end]` with spaces, keeping line breaks.
pub(super) fn blank(bytes: &mut [u8], start: usize, end: usize) {
    let end = end.min(bytes.len());
    for b in bytes[start.min(end)..end].iter_mut() {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Turns the masked bytes back into text without changing its length: tags are cut at ASCII
/// delimiters so this never fires, but a stray split character becomes spaces, not U+FFFD.
pub(super) fn into_string(mut bytes: Vec<u8>) -> String {
    loop {
        match std::str::from_utf8(&bytes) {
            Ok(_) => break,
            Err(e) => {
                let start = e.valid_up_to();
                let len = e.error_len().unwrap_or(bytes.len() - start);
                blank(&mut bytes, start, start + len);
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Start tags that close an open element of the same family (`<li>` after `<li>`).
fn closes_implicitly(open: &str, new: &str) -> bool {
    match new {
        "li" | "option" | "p" | "tr" => open == new,
        "td" | "th" => matches!(open, "td" | "th"),
        "dt" | "dd" => matches!(open, "dt" | "dd"),
        _ => false,
    }
}

fn innermost(stack: &[(String, Option<usize>)]) -> Option<usize> {
    stack.iter().rev().find_map(|(_, el)| *el)
}

/// Appends each output tag's expression (`shown`, sorted by position) to the `displays` of the
/// nearest enclosing recorded element; a tag inside a start tag belongs to that element.
fn assign_displays(masked: &str, out: &mut Extracted, shown: &[(usize, String)]) {
    if shown.is_empty() {
        return;
    }
    let by_start: HashMap<u32, usize> = out
        .elements
        .iter()
        .enumerate()
        .map(|(k, e)| (e.span.start, k))
        .collect();
    let mut stack: Vec<(String, Option<usize>)> = Vec::new();
    let mut next = 0;
    let put = |out: &mut Extracted, el: Option<usize>, expr: &str| {
        if let Some(el) = el {
            out.elements[el].displays.push(expr.to_string());
        }
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(masked, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let (start, end) = (tag.span.start, tag.span.end);
                while next < shown.len() && shown[next].0 < start {
                    put(out, innermost(&stack), &shown[next].1);
                    next += 1;
                }
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if stack
                    .last()
                    .is_some_and(|(open, _)| closes_implicitly(open, &name))
                {
                    stack.pop();
                }
                let el = by_start.get(&(start as u32)).copied();
                while next < shown.len() && shown[next].0 < end {
                    put(out, el.or_else(|| innermost(&stack)), &shown[next].1);
                    next += 1;
                }
                if !tag.self_closing && !VOID_TAGS.contains(&name.as_str()) {
                    stack.push((name, el));
                }
            }
            Token::EndTag(tag) => {
                while next < shown.len() && shown[next].0 < tag.span.start {
                    put(out, innermost(&stack), &shown[next].1);
                    next += 1;
                }
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some(k) = stack.iter().rposition(|(open, _)| *open == name) {
                    stack.truncate(k);
                }
            }
            // An output inside an HTML comment displays nothing.
            Token::Comment(comment) => {
                while next < shown.len() && shown[next].0 < comment.span.start {
                    put(out, innermost(&stack), &shown[next].1);
                    next += 1;
                }
                while next < shown.len() && shown[next].0 < comment.span.end {
                    next += 1;
                }
            }
            _ => {}
        }
    }
    while next < shown.len() {
        put(out, innermost(&stack), &shown[next].1);
        next += 1;
    }
}

// ---------------------------------------------------------------------------------------------
// Byte scanning helpers

pub(super) fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    if pat.is_empty() || from >= b.len() {
        return None;
    }
    let last = b.len().checked_sub(pat.len())?;
    let mut i = from;
    while i <= last {
        let k = b[i..=last].iter().position(|&c| c == pat[0])?;
        i += k;
        if b[i..].starts_with(pat) {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn starts_at(b: &[u8], i: usize, pat: &[u8]) -> bool {
    b.get(i..).is_some_and(|s| s.starts_with(pat))
}

/// Finds `close`, skipping quoted strings (a line break ends an unclosed quote); falls back to
/// the first raw occurrence.
fn find_close(b: &[u8], from: usize, close: &[u8]) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        if let Some(q) = quote {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == q || c == b'\n' {
                quote = None;
            }
            i += 1;
            continue;
        }
        if c == b'"' || c == b'\'' {
            quote = Some(c);
        } else if b[i..].starts_with(close) {
            return Some(i);
        }
        i += 1;
    }
    find(b, from, close)
}

/// The index of the bracket closing the one at `open` (`(`, `[` or `{`), before `to`, skipping
/// quoted strings.
pub(super) fn match_bracket(b: &[u8], open: usize, to: usize) -> Option<usize> {
    let (o, c) = match b.get(open)? {
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        b'{' => (b'{', b'}'),
        _ => return None,
    };
    let to = to.min(b.len());
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = open;
    while i < to {
        let ch = b[i];
        if let Some(q) = quote {
            if ch == b'\\' {
                i += 2;
                continue;
            }
            if ch == q || ch == b'\n' {
                quote = None;
            }
        } else if ch == b'"' || ch == b'\'' || ch == b'`' {
            quote = Some(ch);
        } else if ch == o {
            depth += 1;
        } else if ch == c {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// The `}` closing the `{` at `open`, counting braces only (markup text has stray apostrophes).
fn match_brace_raw(b: &[u8], open: usize, to: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &ch) in b.iter().enumerate().take(to.min(b.len())).skip(open) {
        if ch == b'{' {
            depth += 1;
        } else if ch == b'}' {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

pub(super) fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

pub(super) fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn ident_len(b: &[u8], from: usize, to: usize) -> usize {
    if !b.get(from).is_some_and(|&c| is_ident_start(c)) {
        return 0;
    }
    b[from..to.min(b.len())]
        .iter()
        .take_while(|&&c| is_ident(c))
        .count()
}

fn skip_ws(b: &[u8], from: usize, to: usize) -> usize {
    let mut i = from;
    while i < to && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Byte index of the first `needle` in `s` outside quotes and brackets (`||` is not a `|`).
pub(super) fn top_level(s: &str, needle: u8) -> Option<usize> {
    let b = s.as_bytes();
    let (mut depth, mut quote) = (0usize, None::<u8>);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if let Some(q) = quote {
            if c == b'\\' {
                i += 1;
            } else if c == q {
                quote = None;
            }
        } else {
            match c {
                b'"' | b'\'' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                _ if c == needle && depth == 0 => {
                    if needle == b'|' && b.get(i + 1) == Some(&b'|') {
                        i += 2;
                        continue;
                    }
                    return Some(i);
                }
                _ => {}
            }
        }
        i += 1;
    }
    None
}

/// `customer.email` from ` customer.email | json ` (whitespace-control dashes stripped).
fn filtered_expr(inner: &str) -> String {
    let inner = inner.strip_prefix(['-', '~', '+']).unwrap_or(inner);
    let inner = inner.strip_suffix(['-', '~']).unwrap_or(inner);
    let cut = top_level(inner, b'|').unwrap_or(inner.len());
    inner[..cut].trim().to_string()
}

/// The first argument of an argument list (`$x` from `$x, JSON_PRETTY_PRINT`).
pub(super) fn first_arg(args: &str) -> &str {
    let cut = top_level(args, b',').unwrap_or(args.len());
    args[..cut].trim()
}

pub(super) fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Tag scanners

/// A tag found in the template: an output (with the expression it prints) or a span to blank.
#[derive(Debug)]
struct Piece {
    start: usize,
    end: usize,
    output: Option<String>,
    /// The speculative group (a PHP statement block) the piece belongs to.
    group: Option<usize>,
    /// What the page has in the tag's place instead of blanks: Rails' `javascript_tag do`
    /// prints a `<script>`, its `end` the `</script>`.
    replace: Option<&'static str>,
}

struct Scan<'t> {
    b: &'t [u8],
    pieces: Vec<Piece>,
    /// Blazor `@bind="…"` attributes: position and bound expression.
    bindings: Vec<(usize, String)>,
    /// Bytes that read differently in the page than in the template (PHP escapes in a string
    /// literal that prints a script), changed before masking, with their group.
    fixes: Vec<(usize, u8, usize)>,
    /// Speculative groups: PHP statement blocks read as printing a value or a script, by span.
    groups: Vec<(usize, usize)>,
    /// The group the pieces being added belong to.
    group: Option<usize>,
    /// Open ERB Ruby blocks: for a `javascript_tag do` block, its opening piece.
    ruby_blocks: Vec<Option<usize>>,
}

fn scan(b: &[u8], dialect: Dialect, php_from: Option<usize>) -> Scan<'_> {
    let mut s = Scan {
        b,
        pieces: Vec::new(),
        bindings: Vec::new(),
        fixes: Vec::new(),
        groups: Vec::new(),
        group: None,
        ruby_blocks: Vec::new(),
    };
    if dialect == Dialect::Razor {
        s.razor(0, b.len());
        return s;
    }
    let mut i = 0;
    let mut php_from = php_from;
    while i < b.len() {
        if php_from.is_some_and(|f| i >= f) {
            php_from = None;
            let (body_end, end) = find(b, i, b"?>").map_or((b.len(), b.len()), |k| (k, k + 2));
            s.php_block(i, end, (i, body_end), false);
            i = end.max(i + 1);
            continue;
        }
        let next = match dialect {
            Dialect::Php => s.php(i),
            Dialect::Blade => s.php(i).or_else(|| s.blade(i)),
            Dialect::Liquid | Dialect::Twig | Dialect::Jinja => s.curly(i, dialect),
            Dialect::Erb | Dialect::Ejs => s.erb(i, dialect),
            Dialect::Handlebars => s.handlebars(i),
            Dialect::Razor => None,
        };
        i = next.filter(|&n| n > i).unwrap_or(i + 1);
    }
    s
}

#[rustfmt::skip]
const BLADE_DIRECTIVES: &[&str] = &[
    "if", "elseif", "else", "endif", "unless", "endunless", "isset", "endisset",
    "empty", "endempty", "auth", "endauth", "guest", "endguest", "production", "endproduction",
    "env", "endenv", "hasSection", "sectionMissing", "switch", "case", "break", "default",
    "endswitch", "for", "endfor", "foreach", "endforeach", "forelse", "endforelse", "while",
    "endwhile", "continue", "php", "endphp", "include", "includeIf", "includeWhen",
    "includeUnless", "includeFirst", "each", "extends", "section", "endsection", "show", "yield",
    "parent", "stop", "append", "overwrite", "push", "endpush", "prepend", "endprepend", "stack",
    "once", "endonce", "pushOnce", "endPushOnce", "pushIf", "endPushIf", "prependOnce",
    "endPrependOnce", "csrf", "method", "error", "enderror", "props", "aware", "class", "style",
    "checked", "selected", "disabled", "readonly", "required", "vite", "viteReactRefresh",
    "livewire", "livewireStyles", "livewireScripts", "livewireScriptConfig", "lang", "choice",
    "inject", "verbatim", "endverbatim", "can", "cannot", "canany", "elsecan", "elsecannot",
    "elsecanany", "endcan", "endcannot", "endcanany", "json", "js", "dd", "dump", "fragment",
    "endfragment", "session", "endsession", "context", "endcontext", "use", "component",
    "endcomponent", "slot", "endslot", "componentFirst", "endcomponentFirst", "entangle", "this",
    "routes", "elseauth", "elseguest", "teleport", "endteleport", "persist", "endpersist",
    "script", "endscript", "assets", "endassets",
];

impl Scan<'_> {
    fn blank(&mut self, start: usize, end: usize) {
        if start < end {
            self.pieces.push(Piece {
                start,
                end,
                output: None,
                group: self.group,
                replace: None,
            });
        }
    }

    fn output(&mut self, start: usize, end: usize, expr: String) {
        if start < end {
            self.pieces.push(Piece {
                start,
                end,
                output: Some(expr),
                group: self.group,
                replace: None,
            });
        }
    }

    /// Opens a speculative group over `start..end`: the pieces added until [`Self::end_group`].
    fn start_group(&mut self, start: usize, end: usize) -> usize {
        self.groups.push((start, end));
        self.group = Some(self.groups.len() - 1);
        self.groups.len() - 1
    }

    fn end_group(&mut self) {
        self.group = None;
    }

    /// Gives up the guesses of `groups`: each is blanked whole.
    fn demote(&mut self, groups: &[usize]) {
        self.pieces
            .retain(|p| !p.group.is_some_and(|g| groups.contains(&g)));
        self.fixes.retain(|f| !groups.contains(&f.2));
        for &g in groups {
            let (start, end) = self.groups[g];
            self.pieces.push(Piece {
                start,
                end,
                output: None,
                group: None,
                replace: None,
            });
        }
        self.pieces.sort_by_key(|p| (p.start, p.end));
        let mut kept = std::mem::take(&mut self.groups);
        for &g in groups {
            kept[g] = (0, 0);
        }
        self.groups = kept;
    }

    /// `<?= … ?>`, `<?php … ?>`, `<? … ?>`: an echo/print-only tag is an output.
    fn php(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
        if !starts_at(b, i, b"<?") {
            return None;
        }
        let (body_start, echo_tag) = if b.get(i + 2) == Some(&b'=') {
            (i + 3, true)
        } else if b
            .get(i + 2..i + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"php"))
            && b.get(i + 5).is_none_or(|c| c.is_ascii_whitespace())
        {
            (i + 5, false)
        } else if b.get(i + 2).is_some_and(|c| c.is_ascii_whitespace()) {
            (i + 2, false)
        } else {
            return None;
        };
        let body_start = body_start.min(b.len());
        let (body_end, end) = match find(b, body_start, b"?>") {
            Some(k) => (k, k + 2),
            None => (b.len(), b.len()),
        };
        self.php_block(i, end, (body_start, body_end), echo_tag);
        Some(end)
    }

    /// A PHP block `start..end` with its code `body`: an echo-only block is an output; a block
    /// printing a script in string literals keeps their text; a statement block that echoes a
    /// value (`if (…) { echo $x; } else { echo ''; }`) prints it, where script code takes a value.
    fn php_block(&mut self, start: usize, end: usize, body: (usize, usize), echo_tag: bool) {
        let b = self.b;
        let text = lossy(&b[body.0..body.1]);
        let expr = if echo_tag {
            Some(text.trim().trim_end_matches(';').trim().to_string())
        } else {
            php_echo(&text)
        };
        if let Some(expr) = expr {
            self.output(start, end, expr);
            return;
        }
        if let Some(printed) = php::script_strings(b, (start, end), body) {
            let g = self.start_group(start, end);
            for (s, e) in printed.blanks {
                self.blank(s, e);
            }
            for (s, e, expr) in printed.outputs {
                self.output(s, e, expr);
            }
            self.fixes
                .extend(printed.fixes.into_iter().map(|(k, c)| (k, c, g)));
            self.end_group();
            return;
        }
        match php::echoed(b, body.0, body.1) {
            Some(expr) if php::expression_slot(b, start, end) => {
                self.start_group(start, end);
                self.output(start, end, expr);
                self.end_group();
            }
            _ => self.blank(start, end),
        }
    }

    /// Blade's own tags: `{{ }}`, `{!! !!}`, `{{-- --}}`, `@directive(…)`.
    fn blade(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
        match b[i] {
            b'{' => {
                if starts_at(b, i, b"{{--") {
                    let end = find(b, i + 4, b"--}}").map_or(b.len(), |k| k + 4);
                    self.blank(i, end);
                    return Some(end);
                }
                let (open, close) = if starts_at(b, i, b"{!!") {
                    (3, &b"!!}"[..])
                } else if starts_at(b, i, b"{{") {
                    (2, &b"}}"[..])
                } else {
                    return None;
                };
                let k = find_close(b, i + open, close)?;
                let expr = lossy(&b[i + open..k]).trim().to_string();
                self.output(i, k + close.len(), expr);
                Some(k + close.len())
            }
            b'@' => {
                if starts_at(b, i + 1, b"{{") {
                    // `@{{ x }}` prints `{{ x }}` for a client-side framework.
                    return Some(find_close(b, i + 3, b"}}").map_or(b.len(), |k| k + 2));
                }
                if i > 0 && is_ident(b[i - 1]) {
                    return None;
                }
                if b.get(i + 1) == Some(&b'@') {
                    return Some(i + 2 + ident_len(b, i + 2, b.len()));
                }
                let n = ident_len(b, i + 1, b.len());
                let name = std::str::from_utf8(&b[i + 1..i + 1 + n]).unwrap_or("");
                if n == 0 || !BLADE_DIRECTIVES.contains(&name) {
                    return None;
                }
                let mut end = i + 1 + n;
                let mut k = end;
                while k < b.len() && (b[k] == b' ' || b[k] == b'\t') {
                    k += 1;
                }
                let args = (b.get(k) == Some(&b'('))
                    .then(|| match_bracket(b, k, b.len()))
                    .flatten()
                    .map(|c| (k, c));
                if let Some((_, c)) = args {
                    end = c + 1;
                }
                match (name, args) {
                    ("json" | "js", Some((o, c))) => {
                        let inner = lossy(&b[o + 1..c]);
                        self.output(i, end, first_arg(&inner).to_string());
                    }
                    ("php", None) => {
                        end = find(b, end, b"@endphp").map_or(b.len(), |k| k + 7);
                        self.blank(i, end);
                    }
                    ("verbatim", _) => {
                        self.blank(i, end);
                        return Some(match find(b, end, b"@endverbatim") {
                            Some(k) => {
                                self.blank(k, k + 12);
                                k + 12
                            }
                            None => b.len(),
                        });
                    }
                    _ => self.blank(i, end),
                }
                Some(end)
            }
            _ => None,
        }
    }

    /// Liquid, Twig, Jinja (Nunjucks, Django): `{{ }}`, `{% %}`, `{# #}`, raw and comment blocks.
    fn curly(&mut self, i: usize, dialect: Dialect) -> Option<usize> {
        let b = self.b;
        if b[i] != b'{' {
            return None;
        }
        match b.get(i + 1)? {
            b'{' => {
                let k = find_close(b, i + 2, b"}}")?;
                let expr = filtered_expr(&lossy(&b[i + 2..k]));
                self.output(i, k + 2, expr);
                Some(k + 2)
            }
            b'%' => {
                let k = find_close(b, i + 2, b"%}")?;
                let end = k + 2;
                let word = block_word(&b[i + 2..k]);
                match word.as_str() {
                    "comment" => {
                        let e = find_block_end(b, end, "endcomment").map_or(b.len(), |(_, e)| e);
                        self.blank(i, e);
                        Some(e)
                    }
                    "raw" | "verbatim" => {
                        self.blank(i, end);
                        match find_block_end(b, end, &format!("end{word}")) {
                            Some((s, e)) => {
                                self.blank(s, e);
                                Some(e)
                            }
                            None => Some(b.len()),
                        }
                    }
                    _ => {
                        self.blank(i, end);
                        Some(end)
                    }
                }
            }
            b'#' if dialect != Dialect::Liquid => {
                let k = find(b, i + 2, b"#}")?;
                self.blank(i, k + 2);
                Some(k + 2)
            }
            _ => None,
        }
    }

    /// ERB and EJS: `<%= %>`, `<%- %>`, `<% %>`, `<%_ _%>`, `<%# %>`, `<%%` (a literal `<%`).
    fn erb(&mut self, i: usize, dialect: Dialect) -> Option<usize> {
        let b = self.b;
        if !starts_at(b, i, b"<%") {
            return None;
        }
        let c = b.get(i + 2).copied();
        if c == Some(b'%') {
            return Some(i + 3);
        }
        let (close, end) = match find(b, i + 2, b"%>") {
            Some(k) => (k, k + 2),
            None => (b.len(), b.len()),
        };
        let (is_output, skip) = match c {
            Some(b'=') if dialect == Dialect::Erb && b.get(i + 3) == Some(&b'=') => (true, 4),
            Some(b'=') => (true, 3),
            Some(b'-') => (dialect == Dialect::Ejs, 3),
            _ => (false, 2),
        };
        if is_output {
            let inner = lossy(&b[(i + skip).min(close)..close]);
            let inner = inner.trim();
            let inner = inner.strip_suffix(['-', '_', '=']).unwrap_or(inner);
            let inner = inner.trim();
            let expr = match dialect {
                Dialect::Erb => ruby_expr(inner),
                _ => inner.to_string(),
            };
            self.output(i, end, expr);
        } else {
            self.blank(i, end);
        }
        if dialect == Dialect::Erb && c != Some(b'#') {
            let inner = lossy(&b[(i + skip).min(close)..close]);
            self.ruby_block(inner.trim().trim_matches(['-', '=']).trim(), is_output);
        }
        Some(end)
    }

    /// Follows ERB's Ruby blocks, so the `end` of a `<%= javascript_tag do %>` is found: the
    /// helper prints its block inside `<script>…</script>`.
    fn ruby_block(&mut self, code: &str, is_output: bool) {
        let first_word = code
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .next()
            .unwrap_or("");
        let opens_with_do =
            code.ends_with(" do") || code == "do" || code.ends_with('|') && code.contains(" do |");
        let piece = self.pieces.len().checked_sub(1);
        if first_word == "end" {
            if let Some(Some(open)) = self.ruby_blocks.pop() {
                let close = self.pieces.len() - 1;
                let fits = |p: &Piece, text: &str| p.end - p.start >= text.len();
                if fits(&self.pieces[open], "<script>") && fits(&self.pieces[close], "</script>") {
                    self.pieces[open].replace = Some("<script>");
                    self.pieces[close].replace = Some("</script>");
                }
            }
        } else if opens_with_do {
            let script = is_output
                && (first_word == "javascript_tag"
                    || first_word == "content_tag" && code.contains(":script"));
            self.ruby_blocks.push(if script { piece } else { None });
        } else if matches!(
            first_word,
            "if" | "unless" | "case" | "while" | "until" | "for" | "begin"
        ) {
            self.ruby_blocks.push(None);
        }
    }

    /// Handlebars / Mustache: `{{x}}`, `{{{x}}}`, `{{#…}}`, `{{/…}}`, `{{^…}}`, `{{else}}`,
    /// `{{> partial}}`, `{{! }}`, `{{!-- --}}`; `\{{` is literal.
    fn handlebars(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
        if !starts_at(b, i, b"{{") {
            return None;
        }
        if i > 0 && b[i - 1] == b'\\' {
            return Some(i + 2);
        }
        if starts_at(b, i, b"{{!") {
            let end = if starts_at(b, i, b"{{!--") {
                find(b, i + 5, b"--}}")
                    .map(|k| k + 4)
                    .or_else(|| find(b, i + 5, b"}}").map(|k| k + 2))
            } else {
                find(b, i + 3, b"}}").map(|k| k + 2)
            }
            .unwrap_or(b.len());
            self.blank(i, end);
            return Some(end);
        }
        let (open, close) = if b.get(i + 2) == Some(&b'{') {
            (3, &b"}}}"[..])
        } else {
            (2, &b"}}"[..])
        };
        let k = find_close(b, i + open, close)?;
        let end = k + close.len();
        let inner = lossy(&b[i + open..k]);
        let inner = inner.trim().trim_matches('~').trim();
        let first_word = inner.split(|c: char| !c.is_alphanumeric()).next();
        if open == 2
            && (inner.starts_with(['#', '/', '^', '>', '*', '=', '!'])
                || first_word == Some("else"))
        {
            self.blank(i, end);
        } else {
            let inner = inner.strip_prefix('&').unwrap_or(inner);
            self.output(i, end, hbs_expr(inner));
        }
        Some(end)
    }

    /// Razor: scans `from..to` for `@` transitions.
    fn razor(&mut self, from: usize, to: usize) {
        let b = self.b;
        let mut i = from;
        while i < to {
            if b[i] != b'@' {
                i += 1;
                continue;
            }
            i = self.razor_at(i, to).max(i + 1);
        }
    }

    fn razor_at(&mut self, i: usize, to: usize) -> usize {
        let b = self.b;
        if i + 1 >= to {
            return i + 1;
        }
        let c = b[i + 1];
        if c == b'@' {
            return i + 2;
        }
        // `name@example.com` is text: a transition needs a non-alphanumeric character before.
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            return i + 1;
        }
        match c {
            b'*' => {
                let end = find(&b[..to], i + 2, b"*@").map_or(to, |k| k + 2);
                self.blank(i, end);
                end
            }
            b'(' => match match_bracket(b, i + 1, to) {
                Some(close) => {
                    let expr = unwrap_calls(&lossy(&b[i + 2..close]));
                    self.output(i, close + 1, expr);
                    close + 1
                }
                None => i + 1,
            },
            b'{' => {
                let end = match_bracket(b, i + 1, to).map_or(to, |c| c + 1);
                self.blank(i, end);
                end
            }
            b':' => {
                self.blank(i, i + 2);
                i + 2
            }
            c if is_ident_start(c) => self.razor_word(i, to),
            _ => i + 1,
        }
    }

    fn razor_word(&mut self, i: usize, to: usize) -> usize {
        let b = self.b;
        let n = ident_len(b, i + 1, to);
        let after = i + 1 + n;
        let word = std::str::from_utf8(&b[i + 1..after]).unwrap_or("");

        // Blazor directive attributes: `@bind-Value="model.Email"`, `@onclick="Save"`.
        let mut k = after;
        while k < to && (is_ident(b[k]) || b[k] == b'-' || b[k] == b':') {
            k += 1;
        }
        let attr_position = i > 0 && b[i - 1].is_ascii_whitespace();
        if attr_position && k + 1 < to && b[k] == b'=' && b[k + 1] != b'=' {
            let v = k + 1;
            let (value, end) = match b.get(v) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let close = find(&b[..to], v + 1, &[q]).unwrap_or(to);
                    (lossy(&b[v + 1..close]), (close + 1).min(to))
                }
                _ => {
                    let mut e = v;
                    while e < to && !b[e].is_ascii_whitespace() && b[e] != b'>' {
                        e += 1;
                    }
                    (lossy(&b[v..e]), e)
                }
            };
            let name = std::str::from_utf8(&b[i + 1..k]).unwrap_or("");
            if name == "bind" || name.starts_with("bind-") {
                let value = value.trim().trim_start_matches('@').to_string();
                if !value.contains(':') {
                    self.bindings.push((i, value));
                }
            }
            self.blank(i, end);
            return end;
        }
        if attr_position
            && b[after..k].contains(&b':')
            && (word.starts_with("on") || word.starts_with("bind"))
        {
            self.blank(i, k);
            return k;
        }

        match word {
            "if" | "foreach" | "for" | "while" | "switch" | "lock" => {
                self.razor_block(i, after, to, word, true)
            }
            "using" if b.get(skip_ws(b, after, to)) == Some(&b'(') => {
                self.razor_block(i, after, to, word, true)
            }
            "do" | "try" => self.razor_block(i, after, to, word, false),
            "using" | "model" | "inject" | "page" | "namespace" | "layout" | "inherits"
            | "implements" | "attribute" | "addTagHelper" | "removeTagHelper"
            | "tagHelperPrefix" | "preservewhitespace" | "rendermode" | "typeparam" => {
                let end = find(&b[..to], after, b"\n").unwrap_or(to);
                self.blank(i, end);
                end
            }
            "functions" | "code" => {
                let k = skip_ws(b, after, to);
                let end = if b.get(k) == Some(&b'{') {
                    match_bracket(b, k, to).map_or(to, |c| c + 1)
                } else {
                    find(&b[..to], after, b"\n").unwrap_or(to)
                };
                self.blank(i, end);
                end
            }
            "section" | "helper" => {
                let mut k = skip_ws(b, after, to);
                k += ident_len(b, k, to);
                k = skip_ws(b, k, to);
                if b.get(k) == Some(&b'(') {
                    k = match_bracket(b, k, to).map_or(k, |c| skip_ws(b, c + 1, to));
                }
                if k < to && b[k] == b'{' {
                    self.razor_body(i, k, to)
                } else {
                    let end = find(&b[..to], after, b"\n").unwrap_or(to);
                    self.blank(i, end);
                    end
                }
            }
            "await" => {
                let k = skip_ws(b, after, to);
                let end = if k < to && is_ident_start(b[k]) {
                    read_implicit(b, k, to)
                } else {
                    after
                };
                self.blank(i, end);
                end
            }
            _ => {
                let end = read_implicit(b, i + 1, to);
                let expr = unwrap_calls(&lossy(&b[i + 1..end]));
                self.output(i, end, expr);
                end
            }
        }
    }

    /// Blanks `head_start..=open` and the brace closing `open`, scanning the body between as
    /// markup. Returns the index after the closing brace.
    fn razor_body(&mut self, head_start: usize, open: usize, to: usize) -> usize {
        let close = match_brace_raw(self.b, open, to).unwrap_or(to);
        self.blank(head_start, open + 1);
        self.razor(open + 1, close);
        self.blank(close, (close + 1).min(to));
        (close + 1).min(to)
    }

    /// `@if (…) { … } else if (…) { … } else { … }`, `@foreach (…) { … }`, `@try { … } catch
    /// (…) { … } finally { … }`, `@do { … } while (…);`.
    fn razor_block(&mut self, i: usize, after: usize, to: usize, kw: &str, paren: bool) -> usize {
        let b = self.b;
        let mut k = skip_ws(b, after, to);
        if paren {
            if b.get(k) != Some(&b'(') {
                self.blank(i, after);
                return after;
            }
            k = match match_bracket(b, k, to) {
                Some(c) => skip_ws(b, c + 1, to),
                None => {
                    self.blank(i, after);
                    return after;
                }
            };
        }
        if k >= to || b[k] != b'{' {
            self.blank(i, k);
            return k;
        }
        let mut pos = self.razor_body(i, k, to);
        loop {
            let k = skip_ws(b, pos, to);
            let n = ident_len(b, k, to);
            let word = &b[k..k + n];
            let mut m = skip_ws(b, k + n, to);
            match word {
                b"else" => {
                    if starts_at(&b[..to], m, b"if") && !b.get(m + 2).is_some_and(|&c| is_ident(c))
                    {
                        m = skip_ws(b, m + 2, to);
                        if b.get(m) == Some(&b'(') {
                            m = match_bracket(b, m, to).map_or(m, |c| skip_ws(b, c + 1, to));
                        }
                    }
                }
                b"catch" => {
                    if b.get(m) == Some(&b'(') {
                        m = match_bracket(b, m, to).map_or(m, |c| skip_ws(b, c + 1, to));
                    }
                }
                b"finally" => {}
                b"while" if kw == "do" => {
                    if b.get(m) == Some(&b'(') {
                        m = match_bracket(b, m, to).map_or(m, |c| c + 1);
                    }
                    if b.get(m) == Some(&b';') {
                        m += 1;
                    }
                    self.blank(k, m);
                    return m;
                }
                _ => return pos,
            }
            if m >= to || b[m] != b'{' {
                return pos;
            }
            pos = self.razor_body(k, m, to);
        }
    }
}

/// The block tag's keyword: `raw` from `{%- raw -%}`.
fn block_word(inner: &[u8]) -> String {
    let s = lossy(inner);
    let s = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '+' | '~'));
    s.split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or("")
        .to_string()
}

/// The `{% end… %}` tag named `name` from `from` on: its start and end.
fn find_block_end(b: &[u8], from: usize, name: &str) -> Option<(usize, usize)> {
    let mut pos = from;
    loop {
        let k = find(b, pos, b"{%")?;
        let close = find(b, k + 2, b"%}")?;
        if block_word(&b[k + 2..close]) == name {
            return Some((k, close + 2));
        }
        pos = k + 2;
    }
}

/// `$x` from a PHP body ` echo $x; ` (a tag whose only statement is echo/print).
fn php_echo(body: &str) -> Option<String> {
    let t = body
        .trim()
        .trim_end_matches(|c: char| c == ';' || c.is_whitespace());
    for kw in ["echo", "print"] {
        let Some(head) = t.get(..kw.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(kw) {
            continue;
        }
        let rest = &t[kw.len()..];
        let next_ok = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_whitespace() || matches!(c, '(' | '$' | '"' | '\''));
        if next_ok && top_level(rest, b';').is_none() {
            return Some(rest.trim().to_string());
        }
    }
    None
}

/// A Ruby expression spelled the way names are judged: safe navigation reads the same data,
/// so `current_user.try(:email)`, `current_user.try!(:email)` and `current_user&.email` are
/// `current_user.email`.
pub(super) fn ruby_expr(expr: &str) -> String {
    let mut s = expr.trim().replace("&.", ".");
    let mut from = 0;
    while let Some(k) = s[from..].find(".try").map(|k| k + from) {
        let b = s.as_bytes();
        let mut open = k + 4;
        if b.get(open) == Some(&b'!') {
            open += 1;
        }
        let close = (b.get(open) == Some(&b'('))
            .then(|| match_bracket(b, open, b.len()))
            .flatten();
        let method = close.and_then(|c| {
            let arg = first_arg(&s[open + 1..c]);
            let name = arg
                .strip_prefix(':')
                .or_else(|| arg.strip_prefix('\'').and_then(|a| a.strip_suffix('\'')))
                .or_else(|| arg.strip_prefix('"').and_then(|a| a.strip_suffix('"')))?;
            (!name.is_empty() && name.bytes().all(|c| is_ident(c) || c == b'?' || c == b'!'))
                .then(|| name.to_string())
        });
        match (close, method) {
            (Some(c), Some(name)) => {
                s.replace_range(k + 1..=c, &name);
                from = k + 1;
            }
            _ => from = k + 4,
        }
    }
    s
}

/// The data a Handlebars output prints: the path itself, or for a helper call
/// (`json customer.email`) its last path argument.
fn hbs_expr(inner: &str) -> String {
    let tokens = hbs_tokens(inner);
    let unparen = |t: &str| -> String {
        match t.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            Some(inside) => hbs_expr(inside),
            None => t.to_string(),
        }
    };
    if tokens.len() <= 1 {
        return tokens.first().map(|t| unparen(t)).unwrap_or_default();
    }
    let is_path = |t: &str| {
        t.starts_with(|c: char| c.is_alphabetic() || matches!(c, '_' | '@' | '.' | '$' | '('))
            && !matches!(t, "true" | "false" | "null" | "undefined")
    };
    let arg = tokens[1..]
        .iter()
        .map(|t| match top_level(t, b'=') {
            Some(eq) => &t[eq + 1..],
            None => t.as_str(),
        })
        .rfind(|t| is_path(t));
    match arg {
        Some(a) => unparen(a),
        None => tokens[0].clone(),
    }
}

/// Splits a Handlebars tag into whitespace-separated tokens, keeping quoted strings and
/// parenthesised subexpressions whole.
fn hbs_tokens(inner: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut cur = String::new();
    let (mut depth, mut quote) = (0usize, None::<char>);
    for c in inner.chars() {
        if let Some(q) = quote {
            cur.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if c.is_whitespace() && depth == 0 => {
                if !cur.is_empty() {
                    tokens.push(std::mem::take(&mut cur));
                }
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    tokens
}

/// A Razor implicit expression from `start` (after the `@`): an identifier path with calls and
/// indexers (`Model.Email`, `DateTime.Now.ToString("d")`); a trailing `.` is not part of it.
fn read_implicit(b: &[u8], start: usize, to: usize) -> usize {
    let mut j = start;
    loop {
        j += ident_len(b, j, to);
        while j < to && (b[j] == b'(' || b[j] == b'[') {
            match match_bracket(b, j, to) {
                Some(c) => j = c + 1,
                None => return j,
            }
        }
        if j + 1 < to && b[j] == b'.' && is_ident_start(b[j + 1]) {
            j += 1;
        } else if j + 2 < to && b[j] == b'?' && b[j + 1] == b'.' && is_ident_start(b[j + 2]) {
            j += 2;
        } else {
            return j;
        }
    }
}

/// The data an expression prints, through `Html.Raw(…)` and JSON serializers.
fn unwrap_calls(expr: &str) -> String {
    const WRAPPERS: &[&str] = &[
        "Html.Raw",
        "Json.Serialize",
        "Json.Encode",
        "JsonSerializer.Serialize",
        "JsonConvert.SerializeObject",
    ];
    let mut e = expr.trim();
    'outer: loop {
        for w in WRAPPERS {
            let Some(rest) = e.strip_prefix(w) else {
                continue;
            };
            let rest = rest.trim_start();
            let rb = rest.as_bytes();
            if rb.first() == Some(&b'(') && match_bracket(rb, 0, rb.len()) == Some(rb.len() - 1) {
                e = first_arg(&rest[1..rest.len() - 1]);
                continue 'outer;
            }
        }
        return e.to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ScriptBlock;

    /// Extracts, checks the masked text keeps length and line breaks, and parses every block.
    fn run(text: &str, dialect: Dialect) -> Extracted {
        let ex = extract(text, dialect);
        let masked = ex.masked.as_deref().expect("masked text");
        assert_eq!(masked.len(), text.len(), "{}", dialect.name());
        for (k, (a, m)) in text.bytes().zip(masked.bytes()).enumerate() {
            assert_eq!(a == b'\n', m == b'\n', "line break at {k}:\n{masked}");
            assert_eq!(a == b'\r', m == b'\r', "carriage return at {k}:\n{masked}");
        }
        for block in &ex.blocks {
            if let Err(e) = crate::parse::parse_block(masked, block) {
                panic!(
                    "{}: {} in block {:?}\n{}",
                    dialect.name(),
                    e.message,
                    block.span,
                    cut(masked, block)
                );
            }
        }
        ex
    }

    fn cut<'t>(masked: &'t str, block: &'t ScriptBlock) -> &'t str {
        block
            .decoded
            .as_deref()
            .unwrap_or(&masked[block.span.start as usize..block.span.end as usize])
    }

    fn text_at(text: &str, span: ByteSpan) -> &str {
        &text[span.start as usize..span.end as usize]
    }

    /// Exactly one interpolation: `tag` printing `expr`, replaced by its placeholder.
    fn only_interpolation(ex: &Extracted, text: &str, tag: &str, expr: &str, dialect: &str) {
        assert_eq!(ex.interpolations.len(), 1, "{:#?}", ex.interpolations);
        let it = &ex.interpolations[0];
        assert_eq!(text_at(text, it.span), tag);
        assert_eq!(it.expr, expr);
        assert_eq!(it.dialect, dialect);
        assert_eq!(it.placeholder.len(), tag.len());
        assert!(it.placeholder.starts_with("_$0"));
        let masked = ex.masked.as_deref().unwrap();
        assert_eq!(text_at(masked, it.span), it.placeholder);
        let script = ex
            .blocks
            .iter()
            .find(|b| b.span.start <= it.span.start && it.span.end <= b.span.end)
            .expect("the tag lies in a script block");
        assert!(cut(masked, script).contains(&it.placeholder));
    }

    fn displays<'e>(ex: &'e Extracted, class: &str) -> &'e [String] {
        &ex.elements
            .iter()
            .find(|e| e.classes.iter().any(|c| c == class))
            .unwrap_or_else(|| panic!("no element .{class}: {:#?}", ex.elements))
            .displays
    }

    #[test]
    fn dialect_from_path_and_name() {
        let cases = [
            ("templates/checkout.php", Some(Dialect::Php)),
            ("views/a.phtml", Some(Dialect::Php)),
            ("resources/views/welcome.blade.php", Some(Dialect::Blade)),
            ("sections/header.liquid", Some(Dialect::Liquid)),
            ("base.html.twig", Some(Dialect::Twig)),
            ("page.jinja", Some(Dialect::Jinja)),
            ("page.jinja2", Some(Dialect::Jinja)),
            ("nginx.conf.j2", Some(Dialect::Jinja)),
            ("layout.njk", Some(Dialect::Jinja)),
            ("app/views/layouts/application.html.erb", Some(Dialect::Erb)),
            ("x.erb", Some(Dialect::Erb)),
            ("partials/cart.hbs", Some(Dialect::Handlebars)),
            ("cart.handlebars", Some(Dialect::Handlebars)),
            ("cart.mustache", Some(Dialect::Handlebars)),
            ("views/index.ejs", Some(Dialect::Ejs)),
            ("Views\\Home\\Index.cshtml", Some(Dialect::Razor)),
            ("Pages/Counter.razor", Some(Dialect::Razor)),
            ("INDEX.PHP", Some(Dialect::Php)),
            ("index.html", None),
            ("app.js", None),
            ("php", None),
        ];
        for (path, want) in cases {
            assert_eq!(Dialect::from_path(path), want, "{path}");
        }
        let names: Vec<&str> = Dialect::ALL.iter().map(|d| d.name()).collect();
        assert_eq!(
            names,
            [
                "PHP",
                "Blade",
                "Liquid",
                "Twig",
                "Jinja",
                "ERB",
                "Handlebars",
                "EJS",
                "Razor"
            ]
        );
    }

    #[test]
    fn detects_template_html() {
        assert!(looks_like_template("<p>{{ user.name }}</p>"));
        assert!(looks_like_template("{% extends 'base.html' %}\n<p>x</p>"));
        assert!(looks_like_template("<p>{{- customer.email -}}</p>"));
        assert!(!looks_like_template(
            "<p>hello</p><script>var a = {b: {c: 1}};</script>"
        ));
        assert!(!looks_like_template("<script>if (a) {{ x(); }}</script>"));
        assert!(!looks_like_template("<style>a{color:red}</style>"));
    }

    #[test]
    fn liquid_page() {
        let text = r#"<!doctype html>
<html><body>
{% comment %} tracking: {{ not.an.output }} {% endcomment %}
<p class="addr">{{ customer.address | escape }}</p>
<script>
  {%- if customer -%}
  fbq('init', '123', { em: '{{ customer.email }}' });
  {%- endif -%}
</script>
{% raw %}<div>{{ kept }}</div>{% endraw %}
</body></html>
"#;
        let ex = run(text, Dialect::Liquid);
        only_interpolation(
            &ex,
            text,
            "{{ customer.email }}",
            "customer.email",
            "Liquid",
        );
        assert_eq!(ex.interpolations[0].placeholder, "_$0_________________");
        assert_eq!(displays(&ex, "addr"), ["customer.address"]);
        let masked = ex.masked.as_deref().unwrap();
        assert!(masked.contains("<div>{{ kept }}</div>"));
        assert!(!masked.contains("not.an.output"));
        assert!(!masked.contains("endif"));
    }

    #[test]
    fn liquid_filters_and_trim_markers() {
        let text = "<script>var e = {{- customer.email | default: 'x' | json -}};</script>";
        let ex = run(text, Dialect::Liquid);
        only_interpolation(
            &ex,
            text,
            "{{- customer.email | default: 'x' | json -}}",
            "customer.email",
            "Liquid",
        );
    }

    #[test]
    fn php_page() {
        let text = r#"<?php
require 'init.php';
$order = load_order();
?>
<html><body>
<div class="thanks">Thanks, <?php echo htmlspecialchars($order->getCustomerName()); ?></div>
<script>
<?php if ($order): ?>
  gtag('set', 'user_data', { email: "<?= $order->getCustomerEmail() ?>" });
<?php endif; ?>
</script>
</body></html>
"#;
        let ex = run(text, Dialect::Php);
        only_interpolation(
            &ex,
            text,
            "<?= $order->getCustomerEmail() ?>",
            "$order->getCustomerEmail()",
            "PHP",
        );
        assert_eq!(
            displays(&ex, "thanks"),
            ["htmlspecialchars($order->getCustomerName())"]
        );
    }

    #[test]
    fn php_echo_and_print_tags_and_unterminated_php() {
        let text = "<script>\nvar a = '<?php echo $user->email; ?>';\nvar b = <?php print json_encode($phone) ?>;\nvar c = '<?php $x = 1; echo $x; ?>';\nvar d = 1; <?php $y = 2; ?>\n</script>\n<?php\nfunction f() { return '</script>'; }\n";
        let ex = run(text, Dialect::Php);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["$user->email", "json_encode($phone)", "$x"]);
        let masked = ex.masked.as_deref().unwrap();
        let statement = "<?php $y = 2; ?>";
        assert!(masked.contains(&format!("var d = 1; {}\n", " ".repeat(statement.len()))));
        // The unterminated tag runs to the end of the file.
        let tail = &masked[masked.rfind("</script>").unwrap() + 9..];
        assert!(
            tail.trim().is_empty() && tail.matches('\n').count() == 3,
            "{tail:?}"
        );
        assert_eq!(ex.blocks.len(), 1);
    }

    #[test]
    fn php_statement_blocks_that_echo_print_a_value() {
        let text = "<script>\n  window.intercomSettings = {\n    app_id: 'x',\n    name: <?php if (isset(auth()->user()->name)) { echo json_encode((string) auth()->user()->name); } else { echo ''; } ?>,\n    created_at: <?php if ($u) { echo '1'; } else { echo 'null'; } ?>,\n  };\n  track(); <?php if ($a) { echo 'b();'; } ?> more();\n</script>\n<p class=\"who\"><?php if ($u) { echo $u->email; } ?></p>";
        let ex = run(text, Dialect::Blade);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["json_encode((string) auth()->user()->name)", ""]);
        // In a statement position between two statements it is blanked; in markup, displayed.
        assert!(ex.masked.as_deref().unwrap().contains("track();      "));
        assert_eq!(displays(&ex, "who"), ["$u->email"]);
    }

    #[test]
    fn php_strings_that_print_a_script() {
        let text = "<?php\nfunction gtag_conversion($order_id) {\n  $email = $order_data['billing']['email'];\n  echo '<script>\n    var email = \"'. $email .'\";\n    gtag(\"set\", \"user_data\", { email: email });\n  </script>';\n}\n";
        let ex = run(text, Dialect::Php);
        only_interpolation(&ex, text, "'. $email .'", "$email", "PHP");
        assert_eq!(ex.blocks.len(), 1);
        let masked = ex.masked.as_deref().unwrap();
        assert!(!masked.contains("function"));
        assert!(!masked.contains("billing"));
        // A snippet without `<?php` under some markup, saved with another extension.
        let snippet = "<!-- tag -->\n<script>gtag('js', new Date());</script>\nadd_action('wp_footer', 'f');\nfunction f($order) {\n  echo \"<script>fbq('init', '1', { em: '{$order->email}' });</script>\";\n}\n";
        let ex = extract_php_snippet(snippet).unwrap();
        assert_eq!(ex.blocks.len(), 2);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["$order->email"]);
        assert!(extract_php_snippet("<script>a()</script>\nvar x = 1;").is_none());
        // A guess that does not parse is given up: the block is blanked whole.
        let text = "<?php echo '<script>' . $x . 'foo bar</script>'; ?>\n<script>\n  var a = {\n    <?php if ($u) { echo $u->props; } ?>\n  };\n  var b = [<?php if ($u) { echo \"1, 2\"; } ?> 3];\n</script>";
        let ex = run(text, Dialect::Php);
        assert!(ex.interpolations.is_empty(), "{:?}", ex.interpolations);
        assert_eq!(ex.blocks.len(), 1);
        assert!(!ex.masked.as_deref().unwrap().contains("foo"));
    }

    #[test]
    fn erb_safe_navigation_reads_the_attribute() {
        let text = "<script>zE('webWidget', 'identify', { name: '<%= current_user.try(:name) %>', email: '<%= current_user&.email %>', id: '<%= user.try!(\"id\") %>' });</script>";
        let ex = run(text, Dialect::Erb);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(
            exprs,
            ["current_user.name", "current_user.email", "user.id"]
        );
    }

    #[test]
    fn blade_page() {
        let text = r#"@extends('layouts.app')
@section('content')
{{-- signed-in users --}}
<div class="greeting">Hello {{ $user->name }}, mail us at help@example.com</div>
@auth
<script>
  @if (Auth::check())
  window.intercomSettings = { app_id: 'x', email: @json(Auth::user()->email) };
  @endif
</script>
@endauth
@verbatim
<div>{{ clientSide }}</div>
@endverbatim
@endsection
"#;
        let ex = run(text, Dialect::Blade);
        only_interpolation(
            &ex,
            text,
            "@json(Auth::user()->email)",
            "Auth::user()->email",
            "Blade",
        );
        assert_eq!(displays(&ex, "greeting"), ["$user->name"]);
        let masked = ex.masked.as_deref().unwrap();
        assert!(masked.contains("help@example.com"));
        assert!(masked.contains("<div>{{ clientSide }}</div>"));
        assert!(!masked.contains("@endsection"));
    }

    #[test]
    fn blade_raw_echo_and_php_tags() {
        let text = "<script>\n@php $e = auth()->user()->email; @endphp\nvar e = '{!! $e !!}';\nvar p = <?= json_encode($phone) ?>;\n</script>";
        let ex = run(text, Dialect::Blade);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["$e", "json_encode($phone)"]);
    }

    #[test]
    fn jinja_page() {
        let text = r#"{% extends "base.html" %}
{# analytics #}
{% block scripts %}
<script>
  {% if request.user.is_authenticated %}
  ttq.identify({ email: "{{ request.user.email }}" });
  {% endif %}
</script>
<span class="who">{{ request.user.get_full_name|title }}</span>
{% endblock %}
"#;
        let ex = run(text, Dialect::Jinja);
        only_interpolation(
            &ex,
            text,
            "{{ request.user.email }}",
            "request.user.email",
            "Jinja",
        );
        assert_eq!(displays(&ex, "who"), ["request.user.get_full_name"]);
    }

    #[test]
    fn twig_filters_verbatim_and_comments() {
        let text = "{# x #}<script>\nvar u = {{ app.user.email|json_encode|raw }};\n</script>\n{% verbatim %}<p>{{ vue }}</p>{% endverbatim %}";
        let ex = run(text, Dialect::Twig);
        only_interpolation(
            &ex,
            text,
            "{{ app.user.email|json_encode|raw }}",
            "app.user.email",
            "Twig",
        );
        assert!(ex.masked.as_deref().unwrap().contains("<p>{{ vue }}</p>"));
    }

    #[test]
    fn erb_page() {
        let text = r#"<%# layout %>
<% if user_signed_in? -%>
<script>
  <%- if current_user.opted_in? %>
  analytics.identify({ email: '<%= current_user.email %>' });
  <% end -%>
</script>
<% end %>
<p class="name"><%= current_user.name -%></p>
"#;
        let ex = run(text, Dialect::Erb);
        only_interpolation(
            &ex,
            text,
            "<%= current_user.email %>",
            "current_user.email",
            "ERB",
        );
        assert_eq!(displays(&ex, "name"), ["current_user.name"]);
    }

    #[test]
    fn ejs_page() {
        let text = r#"<% if (user) { %>
<script>
  <%_ const plan = 'pro'; _%>
  posthog.identify('<%- user.email %>');
</script>
<% } %>
<%# comment %>
<p class="who"><%= user.name %></p>
"#;
        let ex = run(text, Dialect::Ejs);
        only_interpolation(&ex, text, "<%- user.email %>", "user.email", "EJS");
        assert_eq!(displays(&ex, "who"), ["user.name"]);
    }

    #[test]
    fn handlebars_page() {
        let text = r#"{{!-- checkout --}}
{{#if customer}}
<script>
  {{! identify }}
  klaviyo.identify({ email: '{{customer.email}}' });
</script>
{{else}}
<p>Guest</p>
{{/if}}
{{> footer}}
<span class="name">{{customer.firstName}}</span>
<p>\{{literal}}</p>
"#;
        let ex = run(text, Dialect::Handlebars);
        only_interpolation(
            &ex,
            text,
            "{{customer.email}}",
            "customer.email",
            "Handlebars",
        );
        assert_eq!(displays(&ex, "name"), ["customer.firstName"]);
        assert!(ex.masked.as_deref().unwrap().contains("\\{{literal}}"));
    }

    #[test]
    fn handlebars_helpers_and_triple_stash() {
        let text = "<script>\nvar a = {{json customer.email}};\nvar b = '{{{customer.phone}}}';\nvar c = '{{format-date order.date \"short\"}}';\n</script>";
        let ex = run(text, Dialect::Handlebars);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["customer.email", "customer.phone", "order.date"]);
        assert_eq!(
            text_at(text, ex.interpolations[1].span),
            "{{{customer.phone}}}"
        );
    }

    #[test]
    fn razor_page() {
        let text = r#"@model CheckoutViewModel
@using System.Text.Json
@{
    ViewData["Title"] = "Checkout";
}
<p class="contact">Write to support@example.com or @Model.Name.</p>
@if (Model.IsLoggedIn) {
    <script>
        fbq('init', '123', { em: '@Model.Email' });
    </script>
} else {
    <p class="guest">Guest @@handle</p>
}
@* a comment with <b>markup</b> *@
"#;
        let ex = run(text, Dialect::Razor);
        only_interpolation(&ex, text, "@Model.Email", "Model.Email", "Razor");
        assert_eq!(displays(&ex, "contact"), ["Model.Name"]);
        assert!(displays(&ex, "guest").is_empty());
        let masked = ex.masked.as_deref().unwrap();
        assert!(masked.contains("support@example.com"));
        assert!(masked.contains("@@handle"));
        assert!(!masked.contains("ViewData"));
        assert!(!masked.contains("else"));
        assert!(!masked.contains("IsLoggedIn"));
    }

    #[test]
    fn razor_explicit_and_raw_outputs() {
        let text = "@section Scripts {\n<script>\nvar a = @Html.Raw(Json.Serialize(Model.Email));\nvar b = '@(Model.Phone)';\nvar c = @Json.Serialize(User.Identity.Name);\n</script>\n}\n<input class=\"f\" @bind-Value=\"form.Email\" @onclick=\"Save\" value=\"@Model.Zip\" />";
        let ex = run(text, Dialect::Razor);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["Model.Email", "Model.Phone", "User.Identity.Name"]);
        let input = ex.elements.iter().find(|e| e.tag == "input").unwrap();
        assert_eq!(input.displays, ["Model.Zip"]);
        assert_eq!(input.binding.as_deref(), Some("form.Email"));
        // `@onclick` is a Blazor event binding, not an HTML handler.
        assert_eq!(ex.blocks.len(), 1);
    }

    #[test]
    fn output_in_attribute_and_nested_markup() {
        let text = r#"<form id="f">
  <input id="email" name="email" value="{{ customer.email }}">
  <div class="card"><h2>{{ customer.name }}</h2><span><b>{{ customer.phone }}</b></span></div>
  <ul class="list"><li>{{ a }}<li>{{ b }}</ul>
</form>
<p>{{ orphan }}</p>
<div class="note"><!-- {{ hidden }} -->{{ note }}</div>"#;
        let ex = run(text, Dialect::Jinja);
        assert!(ex.interpolations.is_empty());
        let email = ex
            .elements
            .iter()
            .find(|e| e.id.as_deref() == Some("email"))
            .unwrap();
        assert_eq!(email.displays, ["customer.email"]);
        assert_eq!(displays(&ex, "card"), ["customer.name", "customer.phone"]);
        assert_eq!(displays(&ex, "list"), ["a", "b"]);
        assert_eq!(displays(&ex, "note"), ["note"]);
        let form = ex
            .elements
            .iter()
            .find(|e| e.id.as_deref() == Some("f"))
            .unwrap();
        assert!(form.displays.is_empty());
    }

    #[test]
    fn handler_attributes_are_js_regions() {
        let text = r#"<button class="buy" onclick="ttq.identify({email: '{{ user.email }}'})">Buy</button>"#;
        let ex = run(text, Dialect::Jinja);
        only_interpolation(&ex, text, "{{ user.email }}", "user.email", "Jinja");
        assert!(displays(&ex, "buy").is_empty());
    }

    #[test]
    fn template_scripts_and_json_ld_are_not_js() {
        let text = r#"<script type="text/template"><div>{{ user.email }}</div></script>
<script type="application/ld+json">{"email": "{{ customer.email }}"}</script>
<script type="text/x-template" id="tpl"><p>{{ user.phone }}</p></script>"#;
        let ex = run(text, Dialect::Liquid);
        assert!(ex.interpolations.is_empty());
        assert!(ex.blocks.is_empty());
        let masked = ex.masked.as_deref().unwrap();
        assert!(!masked.contains("{{"));
        let tpl = ex
            .elements
            .iter()
            .find(|e| e.id.as_deref() == Some("tpl"))
            .unwrap();
        assert_eq!(tpl.displays, ["user.phone"]);
    }

    #[test]
    fn script_end_lookalikes_do_not_confuse_it() {
        let text = r#"<script>
  document.write('<script src="x.js"><\/script>');
  var label = "</div>";
  var closing = '{{ "</script>" }}';
  analytics.identify({ email: '{{ user.email }}' });
</script>
<p class="after">{{ user.name }}</p>"#;
        let ex = run(text, Dialect::Jinja);
        assert_eq!(ex.blocks.len(), 1);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["\"</script>\"", "user.email"]);
        assert_eq!(displays(&ex, "after"), ["user.name"]);
        // A PHP tag that prints `</script>` does not end the script either.
        let text =
            "<script>\nvar a = '<?php echo '</script>'; ?>';\nvar e = '<?= $email ?>';\n</script>";
        let ex = run(text, Dialect::Php);
        assert_eq!(ex.blocks.len(), 1);
        assert_eq!(ex.interpolations.len(), 2);
    }

    #[test]
    fn short_tags_and_non_ascii_tags() {
        let text = "<script>var a = {{x}} + 1; var b = '{{ kunde.straße }}';</script>";
        let ex = run(text, Dialect::Jinja);
        assert_eq!(ex.interpolations[0].expr, "x");
        assert_eq!(ex.interpolations[0].placeholder, "_$0__");
        let it = &ex.interpolations[1];
        assert_eq!(it.expr, "kunde.straße");
        assert_eq!(text_at(text, it.span), "{{ kunde.straße }}");
        assert_eq!(it.placeholder.len(), "{{ kunde.straße }}".len());
        assert!(it.placeholder.starts_with("_$1_"));
        // Razor `@x` is 2 bytes, too short for `_$0`: blanked and not recorded.
        let text = "<script>var a = '@x'; var b = '@Model.Email';</script>";
        let ex = run(text, Dialect::Razor);
        only_interpolation(&ex, text, "@Model.Email", "Model.Email", "Razor");
        assert!(ex.masked.as_deref().unwrap().contains("var a = '  ';"));
    }

    #[test]
    fn multi_line_tags_keep_lines() {
        let text = "<div class=\"x\">{% if a\n and b %}\r\n{{ one\n }}</div>\n<script>\n{% for\n x in y %}\nf();\n{% endfor %}\n</script>";
        let ex = run(text, Dialect::Jinja);
        assert_eq!(displays(&ex, "x"), ["one"]);
    }

    #[test]
    fn truncated_and_mixed_input_never_panics() {
        let sample = "<?php if ($a): ?><p class=\"x\" onclick=\"f('{{ a|b }}')\">{{- c -}}</p>\n\
<script>var e = '<?= $e ?>'; {% if x %}y({{ z }}){% endif %} @json($u->email) <%= v %>\n\
@if (Model.A) { <b>@Model.B.</b> } else { @(Model.C) } @* c *@ {{#each xs}}{{json this}}{{/each}}\n\
{# c #}{% raw %}{{ r }}{% endraw %}{% comment %}x{% endcomment %} @{ var q = \"}\"; } <%# c %>\n\
{{{ t }}} {!! u !!} {{-- c --}} @verbatim {{ w }} @endverbatim <input @bind=\"m\" value=\"@M.N\">\n\
<%- k -%> <%_ s _%> <? echo $straße ?> \\{{ lit }} @@esc a@b.c {{ \"ü\" | x }}</script>";
        let dialects = Dialect::ALL;
        for d in dialects {
            for (cut_at, _) in sample.char_indices() {
                for text in [&sample[..cut_at], &sample[cut_at..]] {
                    let ex = extract(text, d);
                    let masked = ex.masked.as_deref().unwrap();
                    assert_eq!(masked.len(), text.len(), "{} {cut_at}", d.name());
                    for it in &ex.interpolations {
                        let span = it.span.start as usize..it.span.end as usize;
                        assert_eq!(&masked[span], it.placeholder);
                    }
                }
            }
        }
    }
}
