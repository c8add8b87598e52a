//! The curly-brace family: Liquid, Twig and Jinja (Nunjucks, Django) with `{{ }}` outputs,
//! `{% %}` statements, `{# #}` comments and raw/verbatim/comment blocks; Handlebars and Mustache
//! with `{{x}}`, `{{{x}}}`, block helpers, partials and comments. Also the sniff that reads a
//! plain `.html` page as Jinja when it uses such tags.

use super::{Scan, ServerDialect};
use crate::extract::bytes::{find, find_close, lossy, starts_at, top_level};

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
        let mut chars = inner.chars();
        let first = chars.next();
        // Go's html/template writes fields with a leading dot: `{{.User.Email}}`.
        let go_field =
            first == Some('.') && chars.next().is_some_and(|ch| ch.is_ascii_alphabetic());
        let starts_well = go_field
            || first
                .is_some_and(|ch| ch.is_ascii_alphabetic() || matches!(ch, '_' | '$' | '"' | '\''));
        if starts_well && !inner.contains(['{', '}', ';']) {
            return true;
        }
    }
    false
}

impl Scan<'_> {
    /// Liquid, Twig, Jinja (Nunjucks, Django): `{{ }}`, `{% %}`, `{# #}`, raw and comment blocks.
    pub(super) fn curly(&mut self, i: usize, dialect: ServerDialect) -> Option<usize> {
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
            b'#' if dialect != ServerDialect::Liquid => {
                let k = find(b, i + 2, b"#}")?;
                self.blank(i, k + 2);
                Some(k + 2)
            }
            _ => None,
        }
    }

    /// Handlebars / Mustache: `{{x}}`, `{{{x}}}`, `{{#…}}`, `{{/…}}`, `{{^…}}`, `{{else}}`,
    /// `{{> partial}}`, `{{! }}`, `{{!-- --}}`; `\{{` is literal.
    pub(super) fn handlebars(&mut self, i: usize) -> Option<usize> {
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
}

/// `customer.email` from ` customer.email | json ` (whitespace-control dashes stripped).
fn filtered_expr(inner: &str) -> String {
    let inner = inner.strip_prefix(['-', '~', '+']).unwrap_or(inner);
    let inner = inner.strip_suffix(['-', '~']).unwrap_or(inner);
    let cut = top_level(inner, b'|').unwrap_or(inner.len());
    inner[..cut].trim().to_string()
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

#[cfg(test)]
mod tests {
    use super::super::testing::{displays, only_interpolation, run, text_at};
    use super::super::ServerDialect;
    use super::looks_like_template;

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
        let ex = run(text, ServerDialect::Liquid);
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
        let ex = run(text, ServerDialect::Liquid);
        only_interpolation(
            &ex,
            text,
            "{{- customer.email | default: 'x' | json -}}",
            "customer.email",
            "Liquid",
        );
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
        let ex = run(text, ServerDialect::Jinja);
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
        let ex = run(text, ServerDialect::Twig);
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
        let ex = run(text, ServerDialect::Handlebars);
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
        let ex = run(text, ServerDialect::Handlebars);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["customer.email", "customer.phone", "order.date"]);
        assert_eq!(
            text_at(text, ex.interpolations[1].span),
            "{{{customer.phone}}}"
        );
    }
}
