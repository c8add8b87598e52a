//! HAML (`.haml`, `.html.haml`): script code is the body of a `:javascript` filter and the text
//! nested in (or written after) a `%script` tag; a Ruby interpolation `#{…}` in it is what the
//! server prints there, a placeholder recorded as an [`super::Interpolation`] (as for ERB's
//! `<%= %>`). Tags record form fields from their static attributes (`%input#email{type:
//! 'email'}`, `%input(type="email" name="email")`) and Rails form helpers
//! (`= f.email_field :email`) the field they render; a tag's Ruby outputs (`%p.addr=
//! current_user.address`, `#{…}` in its text) are what it displays. Everything else is blanked
//! in the masked copy, so spans point into the file.

use super::bytes::{is_ident, match_bracket};
use super::indent::{html_attrs, ruby_hash, runs_inline, Attrs, Doc, Syntax};
use super::Extracted;

pub fn extract(text: &str) -> Extracted {
    let mut doc = Doc::new(text, "HAML");
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
    if t.starts_with("-#") || t.starts_with('/') {
        // A silent comment, or an HTML comment: nothing under it runs.
        return doc.nested_end(i);
    }
    if let Some(filter) = t.strip_prefix(':') {
        let end = doc.nested_end(i);
        let name: String = filter.chars().take_while(|c| c.is_alphanumeric()).collect();
        if name == "javascript" {
            doc.script_body(i + 1, end);
        }
        return end;
    }
    if t.starts_with("!!!") {
        return i + 1;
    }
    for marker in ["!=", "&=", "=", "~"] {
        if t.starts_with(marker) {
            return doc.ruby(i, c + marker.len(), true);
        }
    }
    if t.starts_with('-') {
        return doc.ruby(i, c + 1, false);
    }
    if t.starts_with(['%', '.']) || (t.starts_with('#') && !t.starts_with("#{")) {
        return tag(doc, i);
    }
    let from = c + usize::from(t.starts_with('\\'));
    doc.text(from, l.end);
    i + 1
}

/// `%name#id.class{ruby: 'hash'}(html="attrs")[object]` followed by `/`, `=`, `!=` or text.
fn tag(doc: &mut Doc, i: usize) -> usize {
    let text = doc.text;
    let b = text.as_bytes();
    let l = doc.lines[i];
    let start = l.content();
    let mut p = start;
    let mut name = "div".to_string();
    if b[p] == b'%' {
        let n = b[p + 1..]
            .iter()
            .take_while(|&&c| is_ident(c) || c == b'-' || c == b':')
            .count();
        name = text[p + 1..p + 1 + n].to_ascii_lowercase();
        p += 1 + n;
    }
    let mut attrs = Attrs::new();
    while p < l.end && (b[p] == b'.' || (b[p] == b'#' && b.get(p + 1) != Some(&b'{'))) {
        let n = b[p + 1..]
            .iter()
            .take_while(|&&c| is_ident(c) || c == b'-')
            .count();
        let key = if b[p] == b'.' { "class" } else { "id" };
        attrs.push((key.to_string(), Some(text[p + 1..p + 1 + n].to_string())));
        p += 1 + n;
    }
    // Attribute groups, in any order; `{…}` and `(…)` may run over several lines.
    while let Some(&open @ (b'{' | b'(' | b'[')) = b.get(p) {
        let Some(close) = match_bracket(b, p, b.len()) else {
            break;
        };
        let inner = &text[p + 1..close];
        match open {
            b'{' => ruby_hash(inner, &mut attrs),
            b'(' => html_attrs(inner, &mut attrs),
            _ => {}
        }
        p = close + 1;
    }
    let tag_end = p;
    let last = doc.line_of(i, tag_end);
    let line_end = doc.lines[last].end.max(tag_end);
    while p < line_end && matches!(b[p], b'<' | b'>') {
        p += 1;
    }
    let self_closing = p < line_end && b[p] == b'/';
    if self_closing {
        p += 1;
    }
    let rest = &text[p..line_end];

    if name == "script" {
        let end = doc.nested_under(last, l.indent);
        if let Some(src) = super::indent::attr(&attrs, "src") {
            doc.m.script_src(start, tag_end, src.to_string());
        }
        let output = rest.trim_start().starts_with(['=', '~', '!', '&']);
        if runs_inline(&attrs) && !output {
            doc.script_children(Some((p, line_end)), last + 1, end, Syntax::Haml);
        }
        return end;
    }

    doc.tag(&name, &attrs, (start, tag_end), l.indent, !self_closing);
    let r = rest.trim_start();
    let marker = ["!=", "&=", "=", "~"]
        .into_iter()
        .find(|m| r.starts_with(m));
    match marker {
        Some(m) => {
            let from = line_end - r.len() + m.len();
            let next = doc.ruby(last, from, true);
            return next;
        }
        None => doc.text(p, line_end),
    }
    last + 1
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
    fn javascript_filter_with_interpolations() {
        let text = r#"!!!
%html
  %body
    -# signed in
    - if signed_in?
      :javascript
        analytics.identify(
          #{current_user.id.to_json},
          #{AnalyticsProfile.new(current_user).to_json.html_safe}
        );
        analytics.track('Viewed', { email: '#{current_user.try(:email)}' });

    %p Done
"#;
        let ex = run(text);
        assert_eq!(ex.blocks.len(), 1);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(
            exprs,
            [
                "current_user.id.to_json",
                "AnalyticsProfile.new(current_user).to_json",
                "current_user.email"
            ]
        );
        let it = &ex.interpolations[2];
        assert_eq!(slice(text, it.span), "#{current_user.try(:email)}");
        assert_eq!(it.dialect, "HAML");
        let masked = ex.masked.as_deref().unwrap();
        assert_eq!(slice(masked, it.span), it.placeholder);
        assert!(!masked.contains("signed_in"));
        assert!(!masked.contains("Done"));
    }

    #[test]
    fn script_tags_and_comments() {
        let text = "%script{type: 'text/javascript'}\n  fbq('init', '1', { em: '#{@user.email}' });\n  - if x\n  = raw track_js\n%script{src: 'https://x.test/a.js'}\n%script(type=\"text/template\")\n  <p>#{user.phone}</p>\n%script fbq('track', 'Lead');\n/\n  %script fbq('init', '#{user.email}')\n-#\n  :javascript\n    fbq('init', '#{user.email}')\n";
        let ex = run(text);
        assert_eq!(ex.blocks.len(), 2);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["@user.email", "track_js"]);
        assert_eq!(ex.script_srcs.len(), 1);
        assert_eq!(ex.script_srcs[0].url, "https://x.test/a.js");
    }

    #[test]
    fn fields_helpers_and_displays() {
        let text = r#"= form_for @user, url: signup_path do |f|
  %input#email.form-control{type: 'email', name: 'user[email]', placeholder: 'Email'}
  %input(type="tel" name="phone" data-hj-suppress)
  = f.telephone_field :mobile,
    placeholder: 'Mobile'
  .addr= current_user.address
  %p.greeting
    Hello #{current_user.first_name}
    %span.who= current_user.try(:name)
%p.after= order.total
"#;
        let ex = run(text);
        let email = ex
            .elements
            .iter()
            .find(|e| e.id.as_deref() == Some("email"))
            .unwrap();
        assert_eq!(email.ty.as_deref(), Some("email"));
        assert_eq!(email.name.as_deref(), Some("user[email]"));
        assert_eq!(email.classes, ["form-control"]);
        assert_eq!(email.label.as_deref(), Some("Email"));
        assert_eq!(
            slice(text, email.span),
            "%input#email.form-control{type: 'email', name: 'user[email]', placeholder: 'Email'}"
        );
        let phone = ex
            .elements
            .iter()
            .find(|e| e.name.as_deref() == Some("phone"))
            .unwrap();
        assert_eq!(phone.masks, ["data-hj-suppress"]);
        let mobile = ex
            .elements
            .iter()
            .find(|e| e.id.as_deref() == Some("user_mobile"))
            .unwrap();
        assert_eq!(mobile.ty.as_deref(), Some("tel"));
        assert_eq!(mobile.label.as_deref(), Some("Mobile"));
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
        assert_eq!(displays("after"), ["order.total"]);
        assert!(ex.blocks.is_empty());
    }

    #[test]
    fn truncated_input_never_panics() {
        let sample = "%html\n  %body{class: 'ü', data: {x: \"#{a}\"}}(lang=\"de\")\n    = form_for @user do |f|\n      = f.email_field :email,\n        placeholder: 'E-Mail'\n    :javascript\n      fbq('init', '#{current_user.try(:email)}', #{x ? '}' : \"{\"});\n    %script fbq('#{y}')\n    %script\n      = raw z\n      - a\n      var s = 'straße #{b}';\n    -# c\n    / d\n    %p.x= e\n    \\#{f} #{g}\n";
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
