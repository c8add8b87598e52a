//! Pug (`.pug`, Jade `.jade`): script code is the text block of a `script.` element (the lines
//! nested under it), the piped text (`| …`) nested in a `script` element and the text written
//! after one on its line; an interpolation `#{…}` or `!{…}` in it is what the server prints
//! there, a placeholder recorded as an [`super::Interpolation`]. Tags record form fields from
//! their static attributes (`input#email.form-control(type="email" name="email")`, over several
//! lines too) and `script(src=…)` loaders; what an element outputs (`p.addr= user.address`,
//! `#{…}` in its text) is what it displays. Comments (`//`, `//-`) mask the lines nested under
//! them; filters (`:markdown`), code lines (`- var x`), mixins, `include`, `extends` and `block`
//! lines are not markup. Everything else is blanked in the masked copy, so spans point into the
//! file.

use super::bytes::{is_ident, match_bracket, top_level};
use super::indent::{html_attrs, runs_inline, Attrs, Doc, Syntax};
use super::Extracted;

/// Words that start a line of Pug's own: control flow, template structure, mixins.
const KEYWORDS: &[&str] = &[
    "if", "else", "unless", "each", "for", "while", "case", "when", "default", "block", "append",
    "prepend", "mixin", "include", "extends", "yield", "doctype",
];

pub fn extract(text: &str) -> Extracted {
    let mut doc = Doc::pug(text);
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
        // A comment (`//` rendered, `//-` not) or a filter: nothing under it is markup.
        b'/' if t.starts_with("//") => return doc.nested_end(i),
        b':' => return doc.nested_end(i),
        b'|' => {
            doc.text(c + 1, l.end);
            return i + 1;
        }
        // Raw HTML, and a mixin call (its block is content).
        b'<' | b'+' => return i + 1,
        b'-' => {
            // `-` alone opens a block of code.
            return if t.trim_end() == "-" {
                doc.nested_end(i)
            } else {
                i + 1
            };
        }
        b'=' | b'!' => {
            let from = c + t.bytes().take_while(|&b| b == b'=' || b == b'!').count();
            return doc.ruby(i, from, true);
        }
        _ => {}
    }
    let word: String = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let after = &t[word.len()..];
    let keyword = KEYWORDS.contains(&word.as_str())
        && (after.is_empty() || after.starts_with([' ', '\t', '(', ':']));
    if keyword {
        return i + 1;
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

/// A tag from byte `start` of line `i`: `name#id.class`, `(attributes)` (which may run over
/// several lines), `&attributes(…)`, then `.` (a text block), `: child`, `=` / `!=` (an output),
/// `/` (self-closing) or text.
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
    loop {
        while p < l.end && (b[p] == b'.' || b[p] == b'#') && b.get(p + 1) != Some(&b'{') {
            let k = b[p + 1..]
                .iter()
                .take_while(|&&c| is_ident(c) || c == b'-')
                .count();
            if k == 0 {
                break;
            }
            let key = if b[p] == b'.' { "class" } else { "id" };
            attrs.push((key.to_string(), Some(text[p + 1..p + 1 + k].to_string())));
            p += 1 + k;
        }
        if b.get(p) == Some(&b'(') {
            let Some(close) = match_bracket(b, p, b.len()) else {
                break;
            };
            html_attrs(&commas_as_spaces(&text[p + 1..close]), &mut attrs);
            p = close + 1;
            continue;
        }
        if text[p..].starts_with("&attributes(") {
            let open = p + "&attributes".len();
            match match_bracket(b, open, b.len()) {
                Some(close) => {
                    p = close + 1;
                    continue;
                }
                None => break,
            }
        }
        break;
    }
    let tag_end = p;
    let last = doc.line_of(i, tag_end);
    let line_end = doc.lines[last].end.max(tag_end);
    let rest = &text[p..line_end];
    let block_text = rest.trim_end() == ".";
    let self_closing = rest.starts_with('/');
    let output = rest.starts_with('=') || rest.starts_with("!=");

    if name == "script" {
        let end = doc.nested_under(last, l.indent);
        if let Some(src) = super::indent::attr(&attrs, "src") {
            doc.m.script_src(start, tag_end, src.to_string());
        }
        if runs_inline(&attrs) && !output {
            if block_text {
                doc.script_body(last + 1, end);
            } else {
                let inline = rest
                    .strip_prefix(' ')
                    .map(|r| (line_end - r.len(), line_end));
                doc.script_children(inline, last + 1, end, Syntax::Slim);
            }
        }
        return end;
    }
    if block_text {
        // A text block: `style.`, `p.` with lines of text nested.
        let end = doc.nested_under(last, l.indent);
        if name != "style" && name != "template" {
            doc.tag(&name, &attrs, (start, tag_end), l.indent, true);
            for j in last + 1..end {
                let lj = doc.lines[j];
                doc.text(lj.start, lj.end);
            }
        }
        return end;
    }

    doc.tag(&name, &attrs, (start, tag_end), l.indent, !self_closing);
    if let Some(child) = rest.strip_prefix(": ").or_else(|| rest.strip_prefix(":\t")) {
        // `li: a(href="…") Text`: an inline child on the same line.
        let from = line_end - child.trim_start().len();
        if child
            .trim_start()
            .starts_with(|c: char| c.is_ascii_alphabetic() || c == '.' || c == '#')
        {
            return tag(doc, last, from).max(last + 1);
        }
        return last + 1;
    }
    if output {
        let marker = rest.bytes().take_while(|&b| b == b'=' || b == b'!').count();
        return doc.ruby(last, p + marker, true);
    }
    doc.text(p, line_end);
    last + 1
}

/// Pug separates attributes with commas or spaces: commas outside quotes and brackets become
/// spaces, for [`html_attrs`].
fn commas_as_spaces(inner: &str) -> String {
    let mut out = inner.to_string();
    let mut from = 0;
    // A comma `top_level` finds is outside quotes and brackets, so the scan may restart after it.
    while let Some(k) = top_level(&inner[from..], b',') {
        out.replace_range(from + k..from + k + 1, " ");
        from += k + 1;
    }
    out
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
    fn script_blocks_with_interpolations() {
        let text = r##"extends layout
block scripts
  //- analytics
  if user
    script.
      gtag('set', 'user_data', { email: "#{user.email}" });
      // a JavaScript comment
      var profile = !{JSON.stringify(user.profile)};
  //
    script.
      fbq('init', '#{user.email}');
  :markdown
    script.
      fbq('init', '#{user.phone}');
  script(type="text/javascript").
    window.dataLayer.push({ phone: '#{user.phone}' });
  p Thanks #{user.first_name}
"##;
        let ex = run(text);
        assert_eq!(ex.blocks.len(), 2);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(
            exprs,
            ["user.email", "JSON.stringify(user.profile)", "user.phone"]
        );
        let it = &ex.interpolations[0];
        assert_eq!(slice(text, it.span), "#{user.email}");
        assert_eq!(it.dialect, "Pug");
        let masked = ex.masked.as_deref().unwrap();
        assert_eq!(slice(masked, it.span), it.placeholder);
        assert!(masked.contains("      // a JavaScript comment"));
        assert!(!masked.contains("Thanks"));
        assert!(!masked.contains("layout"));
    }

    #[test]
    fn piped_and_inline_script_text_and_loaders() {
        let text = "script\n  | fbq('init', '1', {\n  |   em: '#{user.email}' });\n  = extraJs\n  - var a = 1\nscript(src=\"https://connect.facebook.net/en_US/fbevents.js\", async)\nscript(type='text/template')\n  | <p>#{user.phone}</p>\nscript fbq('track', 'Lead');\n";
        let ex = run(text);
        assert_eq!(ex.blocks.len(), 2);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["user.email", "extraJs"]);
        assert_eq!(ex.script_srcs.len(), 1);
        assert_eq!(
            ex.script_srcs[0].url,
            "https://connect.facebook.net/en_US/fbevents.js"
        );
        assert_eq!(
            slice(text, ex.script_srcs[0].span),
            "script(src=\"https://connect.facebook.net/en_US/fbevents.js\", async)"
        );
    }

    #[test]
    fn fields_and_displays() {
        let text = "form#signup(action='/signup' method='post')\n\tinput#email.form-control(type='email', name='email' autocomplete=\"email\" placeholder='Email')\n\tinput(\n\t\ttype=\"tel\"\n\t\tname=\"phone\"\n\t\tdata-hj-suppress\n\t)\n\tp.addr= user.address\n\t.greeting Hello #{user.first_name}\n\tul: li.item= order.email\n\tp.\n\t\tShipping to !{user.address2}\n";
        let ex = run(text);
        let email = ex
            .elements
            .iter()
            .find(|e| e.id.as_deref() == Some("email"))
            .unwrap();
        assert_eq!(email.ty.as_deref(), Some("email"));
        assert_eq!(email.name.as_deref(), Some("email"));
        assert_eq!(email.autocomplete.as_deref(), Some("email"));
        assert_eq!(email.classes, ["form-control"]);
        assert_eq!(email.label.as_deref(), Some("Email"));
        assert_eq!(
            slice(text, email.span),
            "input#email.form-control(type='email', name='email' autocomplete=\"email\" placeholder='Email')"
        );
        let phone = ex
            .elements
            .iter()
            .find(|e| e.name.as_deref() == Some("phone"))
            .unwrap();
        assert_eq!(phone.ty.as_deref(), Some("tel"));
        assert_eq!(phone.masks, ["data-hj-suppress"]);
        let displays = |class: &str| {
            ex.elements
                .iter()
                .find(|e| e.classes.iter().any(|c| c == class))
                .unwrap()
                .displays
                .clone()
        };
        assert_eq!(displays("addr"), ["user.address"]);
        assert_eq!(displays("greeting"), ["user.first_name"]);
        assert_eq!(displays("item"), ["order.email"]);
        let form = ex
            .elements
            .iter()
            .find(|e| e.id.as_deref() == Some("signup"))
            .unwrap();
        assert_eq!(form.displays, ["user.address2"]);
        assert!(ex.blocks.is_empty());
    }

    #[test]
    fn truncated_input_never_panics() {
        let sample = "doctype html\nhtml(lang=\"ü\")\n  body(class=['a', 'b'] data-x=`#{a}`)&attributes(attrs)\n    form\n      input#email(type='email',\n        name=\"email\")\n    script.\n      fbq('init', '#{user.email}', !{x ? '}' : \"{\"});\n    script fbq('#{y}')\n    script\n      = z\n      - a\n      | var s = 'straße #{b}';\n    //- c\n      d\n    +mixin(1)\n    p.x= e\n    ul: li.y= f\n    | #{g}\n    p.\n      h\n";
        for (cut_at, _) in sample.char_indices() {
            for text in [&sample[..cut_at], &sample[cut_at..]] {
                let ex = extract(text);
                let masked = ex.masked.as_deref().unwrap();
                assert_eq!(masked.len(), text.len(), "{cut_at}");
                for it in &ex.interpolations {
                    assert_eq!(slice(masked, it.span), it.placeholder);
                }
                for b in &ex.blocks {
                    assert!(b.span.end as usize <= text.len());
                }
            }
        }
    }
}
