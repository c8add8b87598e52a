//! Slim (`.slim`, `.html.slim`): script code is the body of a `javascript:` block and the text
//! (`| …` lines, or text after the tag) of a `script` element; a Ruby interpolation `#{…}` in it
//! is what the server prints there, a placeholder recorded as an [`super::Interpolation`] (as
//! for ERB's `<%= %>`). Tags record form fields from their static attributes (`input#email
//! type="email"`) and Rails form helpers (`= f.email_field :email`) the field they render; a
//! tag's Ruby outputs (`p.addr = current_user.address`, `#{…}` in its text) are what it
//! displays. Everything else is blanked in the masked copy, so spans point into the file.

use super::bytes::{is_ident, match_bracket};
use super::indent::{html_attrs, ruby_hash, runs_inline, value_end, Attrs, Doc, Syntax};
use super::Extracted;

/// Slim's embedded engines: `javascript:` is script, the others' bodies are not markup.
const ENGINES: &[&str] = &[
    "javascript",
    "css",
    "sass",
    "scss",
    "less",
    "coffee",
    "markdown",
    "textile",
    "rdoc",
    "creole",
    "wiki",
    "mediawiki",
    "org",
    "ruby",
    "erb",
    "builder",
    "plain",
];

pub fn extract(text: &str) -> Extracted {
    let mut doc = Doc::new(text, "Slim");
    let mut i = 0;
    while i < doc.lines.len() {
        i = line(&mut doc, i).max(i + 1);
    }
    doc.finish()
}

/// Reads the construct starting on line `i`; returns the index of the next line to read.
fn line(doc: &mut Doc, i: usize) -> usize {
    let l = doc.lines[i];
    if l.blank {
        return i + 1;
    }
    doc.enter(l.indent);
    let c = l.content();
    let t = doc.content(i);
    match t.as_bytes()[0] {
        // A code comment or an HTML comment: nothing under it runs.
        b'/' => return doc.nested_end(i),
        b'|' | b'\'' => {
            let end = doc.nested_end(i);
            doc.text(c + 1, doc.lines[end - 1].end);
            return end;
        }
        b'<' => return i + 1,
        b'-' => return doc.ruby(i, c + 1, false),
        b'=' => {
            let marker = t
                .bytes()
                .take_while(|&b| matches!(b, b'=' | b'\'' | b'<' | b'>'));
            return doc.ruby(i, c + marker.count(), true);
        }
        _ => {}
    }
    let word: String = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    if word == "doctype" {
        return i + 1;
    }
    if ENGINES.contains(&word.as_str())
        && t[word.len()..].starts_with(':')
        && t[word.len() + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
    {
        let end = doc.nested_end(i);
        if word == "javascript" {
            doc.script_body(i + 1, end);
        }
        return end;
    }
    let starts_tag = t
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'.' || b == b'#');
    if !starts_tag {
        return i + 1;
    }
    tag(doc, i, c)
}

/// A tag from byte `start` of line `i`: `name#id.class`, attributes (bare `name=value` pairs or
/// wrapped in `()`, `[]`, `{}`), then an inline child after `: `, an output `=` or text.
fn tag(doc: &mut Doc, i: usize, start: usize) -> usize {
    let text = doc.text;
    let b = text.as_bytes();
    let l = doc.lines[i];
    let mut p = start;
    let n = b[p..]
        .iter()
        .take_while(|&&c| is_ident(c) || c == b'-')
        .count();
    let name = if n == 0 {
        "div".to_string()
    } else {
        text[p..p + n].to_ascii_lowercase()
    };
    p += n;
    let mut attrs = Attrs::new();
    while p < l.end && (b[p] == b'.' || (b[p] == b'#' && b.get(p + 1) != Some(&b'{'))) {
        let n = b[p + 1..]
            .iter()
            .take_while(|&&c| is_ident(c) || c == b'-')
            .count();
        if n == 0 {
            break;
        }
        let key = if b[p] == b'.' { "class" } else { "id" };
        attrs.push((key.to_string(), Some(text[p + 1..p + 1 + n].to_string())));
        p += 1 + n;
    }
    while p < l.end && matches!(b[p], b'<' | b'>') {
        p += 1;
    }
    // Wrapped attributes may run over several lines.
    let mut wrapped = false;
    if let Some(&open @ (b'(' | b'[' | b'{')) = b.get(p) {
        if let Some(close) = match_bracket(b, p, b.len()) {
            let inner = &text[p + 1..close];
            if open == b'{' && super::indent::split_top(inner, b',').len() > 1 {
                ruby_hash(inner, &mut attrs);
            } else {
                html_attrs(inner, &mut attrs);
            }
            p = close + 1;
            wrapped = true;
        }
    }
    let last = doc.line_of(i, p);
    let line_end = doc.lines[last].end.max(p);
    if !wrapped {
        p = bare_attrs(text, p, line_end, &mut attrs);
    }
    let tag_end = p;
    let rest = &text[p..line_end];
    let r = rest.trim_start();
    let self_closing = r.starts_with('/');

    if name == "script" {
        let end = doc.nested_under(last, l.indent);
        if let Some(src) = super::indent::attr(&attrs, "src") {
            doc.m.script_src(start, tag_end, src.to_string());
        }
        if runs_inline(&attrs) && !r.starts_with('=') {
            doc.script_children(Some((p, line_end)), last + 1, end, Syntax::Slim);
        }
        return end;
    }

    doc.tag(&name, &attrs, (start, tag_end), l.indent, !self_closing);
    if let Some(child) = r.strip_prefix(": ").or_else(|| r.strip_prefix(":\t")) {
        // `li: a href="…" Text`: an inline child on the same line.
        let from = line_end - child.trim_start().len();
        if child
            .trim_start()
            .starts_with(|c: char| c.is_ascii_alphabetic() || c == '.' || c == '#')
        {
            tag(doc, last, from);
        }
        return last + 1;
    }
    if r.starts_with('=') {
        let marker = r
            .bytes()
            .take_while(|&b| matches!(b, b'=' | b'\'' | b'<' | b'>'))
            .count();
        let from = line_end - r.len() + marker;
        return doc.ruby(last, from, true);
    }
    doc.text(p, line_end);
    last + 1
}

/// Bare attributes from `p`: `name=value` pairs separated by spaces. Returns where they end.
fn bare_attrs(text: &str, mut p: usize, to: usize, attrs: &mut Attrs) -> usize {
    let b = text.as_bytes();
    loop {
        let mut k = p;
        while k < to && (b[k] == b' ' || b[k] == b'\t') {
            k += 1;
        }
        let n = b[k..to]
            .iter()
            .take_while(|&&c| is_ident(c) || matches!(c, b'-' | b':' | b'@' | b'.'))
            .count();
        let mut v = k + n;
        if n == 0 || b.get(v) != Some(&b'=') {
            return p;
        }
        v += 1;
        if b.get(v) == Some(&b'=') {
            v += 1;
        }
        let end = value_end(b, v, to);
        let mut one = Attrs::new();
        html_attrs(&text[k..end], &mut one);
        attrs.extend(one);
        p = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::slice;

    fn run(text: &str) -> Extracted {
        let ex = extract(text);
        let masked = ex.masked.as_deref().unwrap();
        assert_eq!(masked.len(), text.len());
        for (a, m) in text.bytes().zip(masked.bytes()) {
            assert_eq!(a == b'\n', m == b'\n');
        }
        for block in &ex.blocks {
            if let Err(e) = crate::parse::parse_block(masked, block) {
                panic!("{}:\n{}", e.message, slice(masked, block.span));
            }
        }
        ex
    }

    #[test]
    fn javascript_block_with_interpolations() {
        let text = r#"- if current_user
  javascript:
    zE('webWidget', 'identify', { name: '#{current_user.try(:name)}', email: '#{current_user.try(:email)}' });
    zE.setLocale('#{I18n.locale}');
/ javascript:
  fbq('init', '#{current_user.email}')
css:
  a { color: red }
p Thanks
"#;
        let ex = run(text);
        assert_eq!(ex.blocks.len(), 1);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(
            exprs,
            ["current_user.name", "current_user.email", "I18n.locale"]
        );
        assert_eq!(ex.interpolations[0].dialect, "Slim");
        let masked = ex.masked.as_deref().unwrap();
        assert!(!masked.contains("Thanks"));
        assert!(!masked.contains("color"));
    }

    #[test]
    fn script_elements() {
        let text = "script type=\"text/javascript\"\n  | fbq('init', '1', {\n      em: '#{user.email}' });\n  = raw extra_js\n  - x = 1\nscript src=\"https://x.test/a.js\" async=true\nscript(type=\"text/template\")\n  | <p>#{user.phone}</p>\nscript fbq('track', 'Lead');\n";
        let ex = run(text);
        assert_eq!(ex.blocks.len(), 2);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["user.email", "extra_js"]);
        assert_eq!(ex.script_srcs[0].url, "https://x.test/a.js");
    }

    #[test]
    fn fields_helpers_and_displays() {
        let text = r#"= simple_form_for @user do |f|
  input#email.form-control type="email" name="user[email]" placeholder="Email" required=true
  input(type="tel" name="phone" class="fs-exclude")
  = f.input :zip, as: :string, input_html: { autocomplete: 'postal-code' }
  p.addr = current_user.address
  .greeting
    | Hello #{current_user.first_name}
    span.who= current_user.name
  ul: li.item = order.email
"#;
        let ex = run(text);
        let email = ex
            .elements
            .iter()
            .find(|e| e.id.as_deref() == Some("email"))
            .unwrap();
        assert_eq!(email.ty.as_deref(), Some("email"));
        assert_eq!(email.name.as_deref(), Some("user[email]"));
        assert_eq!(email.label.as_deref(), Some("Email"));
        assert_eq!(
            slice(text, email.span),
            "input#email.form-control type=\"email\" name=\"user[email]\" placeholder=\"Email\" required=true"
        );
        let phone = ex
            .elements
            .iter()
            .find(|e| e.name.as_deref() == Some("phone"))
            .unwrap();
        assert_eq!(phone.masks, ["fs-exclude"]);
        let zip = ex
            .elements
            .iter()
            .find(|e| e.id.as_deref() == Some("user_zip"))
            .unwrap();
        assert_eq!(zip.autocomplete.as_deref(), Some("postal-code"));
        let displays = |class: &str| {
            ex.elements
                .iter()
                .find(|e| e.classes.iter().any(|c| c == class))
                .unwrap()
                .displays
                .clone()
        };
        assert_eq!(displays("addr"), ["current_user.address"]);
        assert_eq!(displays("greeting"), ["current_user.first_name"]);
        assert_eq!(displays("who"), ["current_user.name"]);
        assert_eq!(displays("item"), ["order.email"]);
    }

    #[test]
    fn truncated_input_never_panics() {
        let sample = "doctype html\nhtml\n  body(class=\"ü\" data-x=\"#{a}\")\n    = form_for @user do |f|\n      = f.email_field :email,\n        placeholder: 'E-Mail'\n    javascript:\n      fbq('init', '#{current_user.try(:email)}', #{x ? '}' : \"{\"});\n    script fbq('#{y}')\n    script\n      = raw z\n      - a\n      | var s = 'straße #{b}';\n    / c\n    p.x = e\n    ul: li.y = f\n    | #{g}\n";
        for (cut_at, _) in sample.char_indices() {
            for text in [&sample[..cut_at], &sample[cut_at..]] {
                let ex = extract(text);
                let masked = ex.masked.as_deref().unwrap();
                assert_eq!(masked.len(), text.len(), "{cut_at}");
                for it in &ex.interpolations {
                    assert_eq!(slice(masked, it.span), it.placeholder);
                }
            }
        }
    }
}
