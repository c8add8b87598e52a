//! The `<% %>` family: ERB (Ruby) and EJS (JavaScript), with `<%= %>` / `<%- %>` outputs,
//! `<% %>` / `<%_ _%>` statements, `<%# %>` comments and `<%%` literals; ERB's Ruby blocks are
//! followed so that a `<%= javascript_tag do %>` … `<% end %>` block reads as the `<script>` the
//! helper prints, and Ruby's safe navigation is spelled as a plain read ([`ruby_expr`], which
//! HAML and Slim share).

use super::{Piece, Scan, ServerDialect};
use crate::extract::bytes::{find, first_arg, is_ident, lossy, match_bracket, starts_at};

impl Scan<'_> {
    /// ERB and EJS: `<%= %>`, `<%- %>`, `<% %>`, `<%_ _%>`, `<%# %>`, `<%%` (a literal `<%`).
    pub(super) fn erb(&mut self, i: usize, dialect: ServerDialect) -> Option<usize> {
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
            Some(b'=') if dialect == ServerDialect::Erb && b.get(i + 3) == Some(&b'=') => (true, 4),
            Some(b'=') => (true, 3),
            Some(b'-') => (dialect == ServerDialect::Ejs, 3),
            _ => (false, 2),
        };
        if is_output {
            let inner = lossy(&b[(i + skip).min(close)..close]);
            let inner = inner.trim();
            let inner = inner.strip_suffix(['-', '_', '=']).unwrap_or(inner);
            let inner = inner.trim();
            let expr = match dialect {
                ServerDialect::Erb => ruby_expr(inner),
                _ => inner.to_string(),
            };
            self.output(i, end, expr);
        } else {
            self.blank(i, end);
        }
        if dialect == ServerDialect::Erb && c != Some(b'#') {
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
}

/// A Ruby expression spelled the way names are judged: safe navigation reads the same data,
/// so `current_user.try(:email)`, `current_user.try!(:email)` and `current_user&.email` are
/// `current_user.email`.
pub(in crate::extract) fn ruby_expr(expr: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::super::testing::{displays, only_interpolation, run};
    use super::super::ServerDialect;

    #[test]
    fn erb_safe_navigation_reads_the_attribute() {
        let text = "<script>zE('webWidget', 'identify', { name: '<%= current_user.try(:name) %>', email: '<%= current_user&.email %>', id: '<%= user.try!(\"id\") %>' });</script>";
        let ex = run(text, ServerDialect::Erb);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(
            exprs,
            ["current_user.name", "current_user.email", "user.id"]
        );
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
        let ex = run(text, ServerDialect::Erb);
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
        let ex = run(text, ServerDialect::Ejs);
        only_interpolation(&ex, text, "<%- user.email %>", "user.email", "EJS");
        assert_eq!(displays(&ex, "who"), ["user.name"]);
    }
}
