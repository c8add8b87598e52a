//! Razor (`.cshtml`, Blazor `.razor`): `@` transitions found by scanning, not by a C# parser.
//! `@x.y` / `@(…)` outputs (through `Html.Raw` and JSON serializers), `@{ }` code blocks,
//! `@if` / `@foreach` / `@try` … control blocks whose bodies are scanned again as markup,
//! directives (`@model`, `@using`, `@section`), `@* *@` comments, `@@` escapes, and Blazor
//! directive attributes (`@bind-Value="…"` recorded as the field's binding).

use super::Scan;
use crate::extract::bytes::{
    find, first_arg, ident_len, is_ident, is_ident_start, lossy, match_bracket, starts_at,
};

impl Scan<'_> {
    /// Razor: scans `from..to` for `@` transitions.
    pub(super) fn razor(&mut self, from: usize, to: usize) {
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

fn skip_ws(b: &[u8], from: usize, to: usize) -> usize {
    let mut i = from;
    while i < to && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
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
    use super::super::testing::{displays, only_interpolation, run};
    use super::super::ServerDialect;

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
        let ex = run(text, ServerDialect::Razor);
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
        let ex = run(text, ServerDialect::Razor);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["Model.Email", "Model.Phone", "User.Identity.Name"]);
        let input = ex.elements.iter().find(|e| e.tag == "input").unwrap();
        assert_eq!(input.displays, ["Model.Zip"]);
        assert_eq!(input.binding.as_deref(), Some("form.Email"));
        // `@onclick` is a Blazor event binding, not an HTML handler.
        assert_eq!(ex.blocks.len(), 1);
    }
}
