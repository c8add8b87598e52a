//! Smarty (`.tpl`, `.smarty`), as PrestaShop, CS-Cart and WHMCS themes write it: `{$var}`
//! outputs (`{$customer.email}`, `{$cookie->email}`, with modifiers `|escape:'javascript'` and
//! `nofilter`), function tags that print (`{l s='…'}`, `{url …}`), statements and blocks
//! (`{if}…{/if}`, `{foreach}`, `{assign}`, PrestaShop's `{hook}` and `{addJsDef}`),
//! `{* comments *}`, `{literal}…{/literal}` (raw text: the JavaScript inside is no template) and
//! `{ldelim}` / `{rdelim}` (a literal brace). Smarty 3's auto-literal rule holds: a `{` followed
//! by whitespace is no tag, so `{ em: x }` in a script is plain JavaScript.

use super::{Piece, Scan};
use crate::extract::bytes::{find, is_ident, lossy, starts_at, top_level};

/// Tags that print nothing, or markup rather than a value: blanked even inside a script.
const STATEMENTS: &[&str] = &[
    "if",
    "elseif",
    "else",
    "foreach",
    "foreachelse",
    "for",
    "forelse",
    "section",
    "sectionelse",
    "while",
    "capture",
    "assign",
    "append",
    "include",
    "include_php",
    "extends",
    "block",
    "function",
    "call",
    "strip",
    "nocache",
    "insert",
    "config_load",
    "debug",
    "setfilter",
    "break",
    "continue",
    "eval",
    // PrestaShop: hooks and widgets print markup; `addJsDef` registers page variables.
    "hook",
    "widget",
    "widget_block",
    "render",
    "form_field",
    "addJsDef",
    "addJsDefL",
    "prestashop_js",
    // Tags that print markup (`html_options`, `html_checkboxes`…) are matched by prefix.
];

/// Function tags that print a literal string: `{l s='Add to cart'}`, `{url entity='cart'}`.
const LITERAL_PRINTERS: &[&str] = &["l", "url", "lang", "t", "s"];

impl Scan<'_> {
    /// Smarty: `{$x}`, `{func …}`, `{/block}`, `{* *}`, `{literal}`, `{ldelim}`, `{rdelim}`.
    pub(super) fn smarty(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
        if b[i] != b'{' {
            return None;
        }
        let next = *b.get(i + 1)?;
        // Auto-literal: `{ ` is text, and so is `{}`.
        if next.is_ascii_whitespace() || next == b'}' {
            return None;
        }
        if next == b'*' {
            let end = find(b, i + 2, b"*}").map_or(b.len(), |k| k + 2);
            self.blank(i, end);
            return Some(end);
        }
        let close = tag_close(b, i)?;
        let end = close + 1;
        let inner = lossy(&b[i + 1..close]);
        let inner = inner.trim();
        let word = inner
            .trim_start_matches('/')
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        match inner {
            "literal" => {
                self.blank(i, end);
                return Some(match find_literal_end(b, end) {
                    Some((s, e)) => {
                        self.blank(s, e);
                        e
                    }
                    None => b.len(),
                });
            }
            "ldelim" | "rdelim" => {
                self.pieces.push(Piece {
                    start: i,
                    end,
                    output: None,
                    group: self.group,
                    replace: Some(if inner == "ldelim" { "{" } else { "}" }),
                });
                return Some(end);
            }
            _ => {}
        }
        let statement = inner.starts_with('/')
            || STATEMENTS.contains(&word)
            || word.starts_with("html_")
            || is_assignment(inner);
        if statement {
            self.blank(i, end);
        } else {
            self.output(i, end, output_expr(inner, word));
        }
        Some(end)
    }
}

/// The `}` closing the tag opened at `open`: outside quotes, nested braces counted
/// (`{$a[{$b}]}`). `None` when there is none, or when it starts no tag (`{` then a character
/// no tag starts with).
fn tag_close(b: &[u8], open: usize) -> Option<usize> {
    let first = *b.get(open + 1)?;
    let starts_tag = first == b'$'
        || first == b'/'
        || first == b'"'
        || first == b'\''
        || first.is_ascii_alphanumeric()
        || first == b'_';
    if !starts_tag {
        return None;
    }
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = open;
    while i < b.len() {
        let c = b[i];
        if let Some(q) = quote {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == q {
                quote = None;
            }
        } else {
            match c {
                b'"' | b'\'' => quote = Some(c),
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    // An unclosed quote: the first `}` then.
    find(b, open, b"}")
}

/// `{/literal}` from `from` on: its start and end.
fn find_literal_end(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut pos = from;
    loop {
        let k = find(b, pos, b"{/")?;
        let close = find(b, k + 2, b"}")?;
        if lossy(&b[k + 2..close]).trim() == "literal" {
            return Some((k, close + 1));
        }
        pos = k + 2;
    }
}

/// `{$x = 5}`, `{$x.y[] = 'a'}`: Smarty 3's short assignment.
fn is_assignment(inner: &str) -> bool {
    if !inner.starts_with('$') {
        return false;
    }
    let b = inner.as_bytes();
    let Some(eq) = top_level(inner, b'=') else {
        return false;
    };
    let before = b.get(eq.wrapping_sub(1)).copied().unwrap_or(b' ');
    let after = b.get(eq + 1).copied().unwrap_or(b' ');
    !matches!(before, b'!' | b'<' | b'>' | b'=') && after != b'='
}

/// What an output tag prints, spelled for judging: `customer.email` from
/// `$customer.email|escape:'javascript':'UTF-8'`, `cookie.email` from `$cookie->email nofilter`;
/// for a function tag, the first variable among its arguments (nothing for a translation).
fn output_expr(inner: &str, word: &str) -> String {
    if !inner.starts_with(['$', '"', '\'']) && !inner.starts_with(|c: char| c.is_ascii_digit()) {
        if LITERAL_PRINTERS.contains(&word) {
            return String::new();
        }
        // `{json_encode($customer)}`, `{my_plugin user=$customer.email}`.
        return match inner.find('$') {
            Some(k) => variable(&inner[k..]),
            None => String::new(),
        };
    }
    let cut = top_level(inner, b'|').unwrap_or(inner.len());
    let mut e = inner[..cut].trim();
    for flag in [" nofilter", " nocache"] {
        e = e.strip_suffix(flag).unwrap_or(e).trim_end();
    }
    spell(e)
}

/// The variable path at the start of `s`: `$customer.email` from `$customer.email}, 1)`.
fn variable(s: &str) -> String {
    let b = s.as_bytes();
    let mut k = 1;
    while k < b.len() {
        if is_ident(b[k]) || b[k] == b'.' || b[k] == b'$' {
            k += 1;
        } else if starts_at(b, k, b"->") {
            k += 2;
        } else {
            break;
        }
    }
    spell(&s[..k])
}

/// `$cookie->email` -> `cookie.email`.
fn spell(e: &str) -> String {
    e.replace("->", ".").replace('$', "").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{displays, only_interpolation, run, text_at};
    use super::super::{extract, ServerDialect};

    #[test]
    fn prestashop_script_with_auto_literal_braces() {
        let text = r#"{* Meta Pixel *}
{if $customer.is_logged}
<script type="text/javascript">
  fbq('init', '{$pixel_id|escape:'htmlall':'UTF-8'}', { em: '{$customer.email|escape:'javascript':'UTF-8'}' });
  var label = '{l s='Add to cart' d='Shop.Theme.Actions' js=1}';
  {addJsDef cart_total=$cart.totals.total.amount}
  var u = { a: 1 };
</script>
{/if}
<p class="hello">{$customer.firstname}</p>
<input type="email" name="email" value="{$customer.email}">
"#;
        let ex = run(text, ServerDialect::Smarty);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["pixel_id", "customer.email", ""]);
        let it = &ex.interpolations[1];
        assert_eq!(
            text_at(text, it.span),
            "{$customer.email|escape:'javascript':'UTF-8'}"
        );
        assert_eq!(it.dialect, "Smarty");
        assert_eq!(displays(&ex, "hello"), ["customer.firstname"]);
        let email = ex
            .elements
            .iter()
            .find(|e| e.name.as_deref() == Some("email"))
            .unwrap();
        assert_eq!(email.ty.as_deref(), Some("email"));
        assert_eq!(email.displays, ["customer.email"]);
        let masked = ex.masked.as_deref().unwrap();
        assert!(masked.contains("var u = { a: 1 };"));
        assert!(!masked.contains("addJsDef"));
        assert!(!masked.contains("is_logged"));
        assert!(!masked.contains("Meta Pixel"));
    }

    #[test]
    fn literal_blocks_and_splices() {
        let text = "<script>{literal}\nfbq('init', '1', {em: '{/literal}{$customer.email nofilter}{literal}'});\nvar o = {a: {b: 1}};\n{/literal}\nvar x = {ldelim}a: {$cookie->email}{rdelim};\n</script>";
        let ex = run(text, ServerDialect::Smarty);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["customer.email", "cookie.email"]);
        let masked = ex.masked.as_deref().unwrap();
        assert!(masked.contains("var o = {a: {b: 1}};"));
        assert!(masked.contains("var x = {       a: _$1"));
    }

    #[test]
    fn short_assignments_and_functions() {
        let text = "<script>{$x = $customer.email}{$n=1}var a = {$a == 1};var e = {json_encode($customer.email)};var c = '{$smarty.const._PS_VERSION_}';</script>";
        let ex = run(text, ServerDialect::Smarty);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(
            exprs,
            ["a == 1", "customer.email", "smarty.const._PS_VERSION_"]
        );
        only_interpolation(
            &run(
                "<script>var e = '{$customer->email}';</script>",
                ServerDialect::Smarty,
            ),
            "<script>var e = '{$customer->email}';</script>",
            "{$customer->email}",
            "customer.email",
            "Smarty",
        );
    }

    #[test]
    fn unclosed_tags_never_panic() {
        let sample = "{* c *}<script>{literal}a{/literal}{$x|f:'}'}{l s='a}'}{if $a}{ldelim}{/if}{$é}{</script>{*";
        for (cut_at, _) in sample.char_indices() {
            for text in [&sample[..cut_at], &sample[cut_at..]] {
                let ex = extract(text, ServerDialect::Smarty);
                assert_eq!(ex.masked.as_deref().unwrap().len(), text.len());
            }
        }
    }
}
