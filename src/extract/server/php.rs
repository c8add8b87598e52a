//! PHP and Blade tags in a page: `<?= ?>`, `<?php ?>` and `<? ?>` (echo-only tags are outputs;
//! a statement block may still print a value or a script, which [`super::php_code`] reads), and
//! Blade's `{{ }}`, `{!! !!}`, `{{-- --}}` and `@directive(…)` on top of PHP.

use super::{php_code, php_js, Scan};
use crate::extract::bytes::{
    find, find_close, first_arg, ident_len, is_ident, lossy, match_bracket, starts_at, top_level,
};

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
    /// `<?= … ?>`, `<?php … ?>`, `<? … ?>`: an echo/print-only tag is an output.
    pub(super) fn php(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn php_block(
        &mut self,
        start: usize,
        end: usize,
        body: (usize, usize),
        echo_tag: bool,
    ) {
        let b = self.b;
        let text = lossy(&b[body.0..body.1]);
        let expr = if echo_tag {
            Some(text.trim().trim_end_matches(';').trim().to_string())
        } else {
            php_echo(&text)
        };
        if let Some(expr) = expr {
            if let Some(obj) = php_js::encoded_array(b, start, &expr) {
                self.objects.push((start, obj));
            }
            self.output(start, end, expr);
            return;
        }
        self.php_scripts.extend(php_js::scripts(b, body.0, body.1));
        if let Some(printed) = php_code::script_strings(b, (start, end), body) {
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
        match php_code::echoed(b, body.0, body.1) {
            Some(expr) if php_code::expression_slot(b, start, end) => {
                self.start_group(start, end);
                self.output(start, end, expr);
                self.end_group();
            }
            _ => self.blank(start, end),
        }
    }

    /// Blade's own tags: `{{ }}`, `{!! !!}`, `{{-- --}}`, `@directive(…)`.
    pub(super) fn blade(&mut self, i: usize) -> Option<usize> {
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

#[cfg(test)]
mod tests {
    use super::super::testing::{displays, only_interpolation, run};
    use super::super::{extract_php_snippet, ServerDialect};

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
        let ex = run(text, ServerDialect::Php);
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
        let ex = run(text, ServerDialect::Php);
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
        let ex = run(text, ServerDialect::Blade);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["json_encode((string) auth()->user()->name)", ""]);
        // In a statement position between two statements it is blanked; in markup, displayed.
        assert!(ex.masked.as_deref().unwrap().contains("track();      "));
        assert_eq!(displays(&ex, "who"), ["$u->email"]);
    }

    #[test]
    fn php_strings_that_print_a_script() {
        let text = "<?php\nfunction gtag_conversion($order_id) {\n  $email = $order_data['billing']['email'];\n  echo '<script>\n    var email = \"'. $email .'\";\n    gtag(\"set\", \"user_data\", { email: email });\n  </script>';\n}\n";
        let ex = run(text, ServerDialect::Php);
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
        let ex = run(text, ServerDialect::Php);
        assert!(ex.interpolations.is_empty(), "{:?}", ex.interpolations);
        assert_eq!(ex.blocks.len(), 1);
        assert!(!ex.masked.as_deref().unwrap().contains("foo"));
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
        let ex = run(text, ServerDialect::Blade);
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
        let ex = run(text, ServerDialect::Blade);
        let exprs: Vec<&str> = ex.interpolations.iter().map(|i| i.expr.as_str()).collect();
        assert_eq!(exprs, ["$e", "json_encode($phone)"]);
    }
}
