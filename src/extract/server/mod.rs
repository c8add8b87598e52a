//! Server-side templates (PHP, Blade, Liquid, Twig, Jinja, ERB, Handlebars, EJS, Razor, Smarty): the
//! page the browser gets is the template with its tags evaluated. The tags are found by string
//! scanning and masked out of a copy of the file, byte for byte as long, so the HTML around
//! tokenizes and inline scripts parse: statements and comments become spaces, and an output tag
//! inside script code becomes a placeholder identifier recorded as an [`Interpolation`] (what the
//! server prints there: `customer.email`). Output tags in markup become spaces and are recorded
//! in the enclosing element's `displays`.
//!
//! This module holds what every dialect shares: the dialects, the entry points, the scan that
//! collects tags ([`Piece`]s) into a [`Scan`], and the masking that turns them into the masked
//! page. Each dialect family adds its tag scanners to [`Scan`] in its own file: [`php`] (PHP and
//! Blade, with [`php_code`] for what a PHP statement block prints), [`curly`] (Liquid, Twig,
//! Jinja, Handlebars), [`erb`] (ERB, EJS), [`razor`] and [`smarty`].

mod curly;
mod erb;
mod php;
mod php_code;
mod php_js;
mod razor;
mod smarty;

pub use curly::looks_like_template;
pub(super) use erb::ruby_expr;

use super::{html, BlockKind, Extracted, Interpolation};
use crate::extract::bytes::find;
use crate::source::ByteSpan;
use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::collections::HashMap;

/// A server-side template language, whose tags are evaluated on the server and masked out of
/// the page here (the syntax of the markup itself, Vue or Svelte, is `html::MarkupDialect`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServerDialect {
    Php,
    Blade,
    Liquid,
    Twig,
    Jinja,
    Erb,
    Handlebars,
    Ejs,
    Razor,
    Smarty,
}

impl ServerDialect {
    /// Every dialect, for iterating in tests and listings.
    pub const ALL: [ServerDialect; 10] = [
        ServerDialect::Php,
        ServerDialect::Blade,
        ServerDialect::Liquid,
        ServerDialect::Twig,
        ServerDialect::Jinja,
        ServerDialect::Erb,
        ServerDialect::Handlebars,
        ServerDialect::Ejs,
        ServerDialect::Razor,
        ServerDialect::Smarty,
    ];

    /// For messages: "PHP", "Blade", "Liquid", "Twig", "Jinja", "ERB", "Handlebars", "EJS", "Razor",
    /// "Smarty".
    pub fn name(self) -> &'static str {
        match self {
            ServerDialect::Php => "PHP",
            ServerDialect::Blade => "Blade",
            ServerDialect::Liquid => "Liquid",
            ServerDialect::Twig => "Twig",
            ServerDialect::Jinja => "Jinja",
            ServerDialect::Erb => "ERB",
            ServerDialect::Handlebars => "Handlebars",
            ServerDialect::Ejs => "EJS",
            ServerDialect::Razor => "Razor",
            ServerDialect::Smarty => "Smarty",
        }
    }
}

/// Masks the dialect's tags and extracts the page as HTML.
pub fn extract(text: &str, dialect: ServerDialect) -> Extracted {
    extract_from(text, dialect, None)
}

/// A PHP snippet without `<?php` (a hook pasted under some markup, saved as `.js`): markup up
/// to its first line of PHP code, PHP from there on. `None` when it has no such line or prints
/// no script from a string literal (see [`php_code::snippet_start`]).
pub fn extract_php_snippet(text: &str) -> Option<Extracted> {
    let start = php_code::snippet_start(text)?;
    Some(extract_from(text, ServerDialect::Php, Some(start)))
}

/// [`extract`], PHP code starting at `php_from` without an opening tag.
///
/// What a PHP statement block prints is a guess (an echo in an `if`, a script assembled from
/// string literals): each such block is a speculative group, kept only when the script blocks
/// it reaches parse; a group that breaks one is blanked whole, as before the guess, and the
/// page masked again.
fn extract_from(text: &str, dialect: ServerDialect, php_from: Option<usize>) -> Extracted {
    let mut found = scan(text.as_bytes(), dialect, php_from);
    found.pieces.sort_by_key(|p| (p.start, p.end));
    let mut out = masked_page(text, dialect, &mut found);
    php_js::add(&mut out, &found.php_scripts, dialect.name());
    out
}

/// The page masked, the speculative groups that break a script given up.
fn masked_page(text: &str, dialect: ServerDialect, found: &mut Scan) -> Extracted {
    loop {
        let out = mask(text, dialect, found);
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
fn mask(text: &str, dialect: ServerDialect, found: &Scan) -> Extracted {
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
            // `<?= wp_json_encode($data) ?>` of an array built before: its object, when it fits.
            let object = found
                .objects
                .iter()
                .find(|o| o.0 == p.start)
                .and_then(|o| php_js::render_object(&o.1, interpolations.len(), len));
            if let Some((text, outs)) = object {
                bytes[p.start..p.start + text.len()].copy_from_slice(text.as_bytes());
                for (s, e, expr, placeholder) in outs {
                    interpolations.push(Interpolation {
                        span: ByteSpan::new(s as u32, e as u32),
                        expr,
                        dialect: dialect.name(),
                        placeholder,
                    });
                }
                continue;
            }
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
    /// JavaScript PHP code builds in string literals and hands to an emitter.
    php_scripts: Vec<php_js::PhpScript>,
    /// Output tags printing an encoded array built before them, by tag start.
    objects: Vec<(usize, Vec<php_js::Part>)>,
}

fn scan(b: &[u8], dialect: ServerDialect, php_from: Option<usize>) -> Scan<'_> {
    let mut s = Scan {
        b,
        pieces: Vec::new(),
        bindings: Vec::new(),
        fixes: Vec::new(),
        groups: Vec::new(),
        group: None,
        ruby_blocks: Vec::new(),
        php_scripts: Vec::new(),
        objects: Vec::new(),
    };
    if dialect == ServerDialect::Razor {
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
            ServerDialect::Php => s.php(i),
            ServerDialect::Blade => s.php(i).or_else(|| s.blade(i)),
            ServerDialect::Liquid | ServerDialect::Twig | ServerDialect::Jinja => {
                s.curly(i, dialect)
            }
            ServerDialect::Erb | ServerDialect::Ejs => s.erb(i, dialect),
            ServerDialect::Handlebars => s.handlebars(i),
            ServerDialect::Smarty => s.smarty(i),
            ServerDialect::Razor => None,
        };
        i = next.filter(|&n| n > i).unwrap_or(i + 1);
    }
    s
}

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
}

/// Helpers the dialect families' tests share.
#[cfg(test)]
mod testing {
    use super::*;
    use crate::extract::ScriptBlock;

    /// Extracts, checks the masked text keeps length and line breaks, and parses every block.
    pub(super) fn run(text: &str, dialect: ServerDialect) -> Extracted {
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

    pub(super) fn cut<'t>(masked: &'t str, block: &'t ScriptBlock) -> &'t str {
        block
            .decoded
            .as_deref()
            .unwrap_or(&masked[block.span.start as usize..block.span.end as usize])
    }

    pub(super) fn text_at(text: &str, span: ByteSpan) -> &str {
        &text[span.start as usize..span.end as usize]
    }

    /// Exactly one interpolation: `tag` printing `expr`, replaced by its placeholder.
    pub(super) fn only_interpolation(
        ex: &Extracted,
        text: &str,
        tag: &str,
        expr: &str,
        dialect: &str,
    ) {
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

    pub(super) fn displays<'e>(ex: &'e Extracted, class: &str) -> &'e [String] {
        &ex.elements
            .iter()
            .find(|e| e.classes.iter().any(|c| c == class))
            .unwrap_or_else(|| panic!("no element .{class}: {:#?}", ex.elements))
            .displays
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{displays, only_interpolation, run, text_at};
    use super::*;

    #[test]
    fn dialect_names() {
        let names: Vec<&str> = ServerDialect::ALL.iter().map(|d| d.name()).collect();
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
                "Razor",
                "Smarty"
            ]
        );
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
        let ex = run(text, ServerDialect::Jinja);
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
        let ex = run(text, ServerDialect::Jinja);
        only_interpolation(&ex, text, "{{ user.email }}", "user.email", "Jinja");
        assert!(displays(&ex, "buy").is_empty());
    }

    #[test]
    fn template_scripts_and_json_ld_are_not_js() {
        let text = r#"<script type="text/template"><div>{{ user.email }}</div></script>
<script type="application/ld+json">{"email": "{{ customer.email }}"}</script>
<script type="text/x-template" id="tpl"><p>{{ user.phone }}</p></script>"#;
        let ex = run(text, ServerDialect::Liquid);
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
        let ex = run(text, ServerDialect::Jinja);
        assert_eq!(ex.blocks.len(), 1);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["\"</script>\"", "user.email"]);
        assert_eq!(displays(&ex, "after"), ["user.name"]);
        // A PHP tag that prints `</script>` does not end the script either.
        let text =
            "<script>\nvar a = '<?php echo '</script>'; ?>';\nvar e = '<?= $email ?>';\n</script>";
        let ex = run(text, ServerDialect::Php);
        assert_eq!(ex.blocks.len(), 1);
        assert_eq!(ex.interpolations.len(), 2);
    }

    #[test]
    fn short_tags_and_non_ascii_tags() {
        let text = "<script>var a = {{x}} + 1; var b = '{{ kunde.straße }}';</script>";
        let ex = run(text, ServerDialect::Jinja);
        assert_eq!(ex.interpolations[0].expr, "x");
        assert_eq!(ex.interpolations[0].placeholder, "_$0__");
        let it = &ex.interpolations[1];
        assert_eq!(it.expr, "kunde.straße");
        assert_eq!(text_at(text, it.span), "{{ kunde.straße }}");
        assert_eq!(it.placeholder.len(), "{{ kunde.straße }}".len());
        assert!(it.placeholder.starts_with("_$1_"));
        // Razor `@x` is 2 bytes, too short for `_$0`: blanked and not recorded.
        let text = "<script>var a = '@x'; var b = '@Model.Email';</script>";
        let ex = run(text, ServerDialect::Razor);
        only_interpolation(&ex, text, "@Model.Email", "Model.Email", "Razor");
        assert!(ex.masked.as_deref().unwrap().contains("var a = '  ';"));
    }

    #[test]
    fn multi_line_tags_keep_lines() {
        let text = "<div class=\"x\">{% if a\n and b %}\r\n{{ one\n }}</div>\n<script>\n{% for\n x in y %}\nf();\n{% endfor %}\n</script>";
        let ex = run(text, ServerDialect::Jinja);
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
        let dialects = ServerDialect::ALL;
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
