//! What a PHP statement block prints, for the tag scanner in [`super::php`]: a block that is
//! not a plain `<?= x ?>` / `<?php echo x; ?>` can still print a value (`<?php if ($u) { echo
//! json_encode($u->name); } else { echo "''"; } ?>`), or a whole script built in string literals
//! (`echo '<script>var email = "' . $email . '"; …</script>';`). Positions are byte offsets in
//! the file; the PHP code is lexed only as far as strings and comments go.

use crate::extract::bytes::{find, is_ident, is_ident_start, lossy, match_bracket, top_level};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Quote {
    Single,
    Double,
    Heredoc,
    Nowdoc,
}

/// A string literal in PHP code.
#[derive(Clone, Copy, Debug)]
pub(super) struct Str {
    /// Its opening quote (or `<<<`).
    pub start: usize,
    /// Its content, between the quotes.
    pub content: (usize, usize),
    /// Past its closing quote (or closing label).
    pub end: usize,
    pub quote: Quote,
}

/// PHP code `from..to`: its string literals, and a copy of the code (as long) where comments
/// are blanked and string contents are `x`, so keywords and brackets can be searched in it.
pub(super) struct Lexed {
    pub strings: Vec<Str>,
    pub code: Vec<u8>,
}

pub(super) fn lex(b: &[u8], from: usize, to: usize) -> Lexed {
    let to = to.min(b.len());
    let mut code = b[from..to].to_vec();
    let mut strings = Vec::new();
    let fill = |code: &mut Vec<u8>, s: usize, e: usize, c: u8| {
        for x in &mut code[s - from..e.min(to) - from] {
            if *x != b'\n' {
                *x = c;
            }
        }
    };
    let mut i = from;
    while i < to {
        let c = b[i];
        if c == b'#' || (c == b'/' && b.get(i + 1) == Some(&b'/')) {
            let e = find(&b[..to], i, b"\n").unwrap_or(to);
            fill(&mut code, i, e, b' ');
            i = e;
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let e = find(&b[..to], i + 2, b"*/").map_or(to, |k| k + 2);
            fill(&mut code, i, e, b' ');
            i = e;
        } else if c == b'\'' || c == b'"' {
            let mut j = i + 1;
            while j < to && b[j] != c {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let j = j.min(to);
            fill(&mut code, i + 1, j, b'x');
            strings.push(Str {
                start: i,
                content: (i + 1, j),
                end: (j + 1).min(to),
                quote: if c == b'\'' {
                    Quote::Single
                } else {
                    Quote::Double
                },
            });
            i = j + 1;
        } else if b[i..to].starts_with(b"<<<") {
            match heredoc(b, i, to) {
                Some((s, end)) => {
                    fill(&mut code, s.content.0, s.content.1, b'x');
                    strings.push(s);
                    i = end;
                }
                None => i += 3,
            }
        } else {
            i += 1;
        }
    }
    Lexed { strings, code }
}

/// A heredoc or nowdoc at `i` (`<<<EOT`, `<<<"EOT"`, `<<<'EOT'`): the literal and the index
/// after its closing label.
fn heredoc(b: &[u8], i: usize, to: usize) -> Option<(Str, usize)> {
    let mut k = i + 3;
    while k < to && (b[k] == b' ' || b[k] == b'\t') {
        k += 1;
    }
    let quote = b.get(k).copied().filter(|&q| q == b'\'' || q == b'"');
    if quote.is_some() {
        k += 1;
    }
    let n = b[k..to].iter().take_while(|&&c| is_ident(c)).count();
    if n == 0 || !is_ident_start(b[k]) {
        return None;
    }
    let label = &b[k..k + n];
    k += n;
    if let Some(q) = quote {
        if b.get(k) != Some(&q) {
            return None;
        }
        k += 1;
    }
    let body = find(&b[..to], k, b"\n")? + 1;
    // The closing label starts a line (after optional indentation).
    let mut line = body;
    while line < to {
        let mut s = line;
        while s < to && (b[s] == b' ' || b[s] == b'\t') {
            s += 1;
        }
        if b[s..to].starts_with(label) && !b.get(s + n).is_some_and(|&c| is_ident(c)) {
            let content_end = if line > body { line - 1 } else { body };
            let str = Str {
                start: i,
                content: (body, content_end),
                end: s + n,
                quote: if quote == Some(b'\'') {
                    Quote::Nowdoc
                } else {
                    Quote::Heredoc
                },
            };
            return Some((str, s + n));
        }
        line = find(&b[..to], line, b"\n").map_or(to, |k| k + 1);
    }
    None
}

/// A PHP literal an echo prints as is: a string without interpolation, a number, a constant.
fn is_literal(expr: &str) -> bool {
    let e = expr.trim();
    let e = e
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .map_or(e, str::trim);
    let b = e.as_bytes();
    match b.first() {
        Some(&q @ (b'\'' | b'"')) => {
            let mut j = 1;
            while j < b.len() && b[j] != q {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            j == b.len() - 1 && !(q == b'"' && e.contains('$'))
        }
        Some(c) if c.is_ascii_digit() || *c == b'-' => {
            e[1..].bytes().all(|c| c.is_ascii_digit() || c == b'.')
        }
        Some(_) => matches!(
            e.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "php_eol"
        ),
        None => true,
    }
}

/// The value a PHP statement block `from..to` prints with `echo` / `print` statements: the first
/// echoed expression that is not a literal, or `""` when every echo prints a literal; `None`
/// when it echoes nothing.
pub(super) fn echoed(b: &[u8], from: usize, to: usize) -> Option<String> {
    let code = lex(b, from, to).code;
    let mut found = false;
    let mut k = 0;
    while k < code.len() {
        let kw = [&b"echo"[..], b"print"].into_iter().find(|kw| {
            code[k..].starts_with(kw)
                && !code.get(k + kw.len()).is_some_and(|&c| is_ident(c))
                && (k == 0 || !(is_ident(code[k - 1]) || matches!(code[k - 1], b'$' | b'>' | b':')))
        });
        let Some(kw) = kw else {
            k += 1;
            continue;
        };
        let start = k + kw.len();
        let end = statement_end(&code, start);
        found = true;
        let expr = lossy(&b[from + start..from + end]);
        let mut rest = expr.as_str();
        loop {
            let cut = top_level(rest, b',').unwrap_or(rest.len());
            let arg = rest[..cut].trim();
            if !is_literal(arg) {
                return Some(arg.to_string());
            }
            if cut == rest.len() {
                break;
            }
            rest = &rest[cut + 1..];
        }
        k = end;
    }
    found.then(String::new)
}

/// The `;` ending the statement from `start` in lexed code (outside brackets), or its end.
pub(super) fn statement_end(code: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    for (j, &c) in code.iter().enumerate().skip(start) {
        match c {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return j;
                }
                depth -= 1;
            }
            b';' if depth == 0 => return j,
            _ => {}
        }
    }
    code.len()
}

/// Whether a placeholder can stand for a statement block at `start..end` of script code: where
/// a value is expected (after an operator, a quote or an opening bracket on the same line) and
/// one ends (before a comma, a closing bracket, a quote, an operator or a semicolon, or at the
/// end of the line). Elsewhere (`a(); <?php … ?> b();`, a block printing several properties)
/// it is blanked.
pub(super) fn expression_slot(b: &[u8], start: usize, end: usize) -> bool {
    let Some(p) = b[..start].iter().rposition(|c| !c.is_ascii_whitespace()) else {
        return false;
    };
    if !b":=(,[?+-*/%|&!<>'\"`".contains(&b[p]) {
        return false;
    }
    let same_line = !b[p..start].contains(&b'\n');
    // The next character, past spaces and comments.
    let mut k = end.min(b.len());
    let mut line_break = false;
    while k < b.len() {
        match b[k] {
            b'\n' => line_break = true,
            c if c.is_ascii_whitespace() => {}
            b'/' if b.get(k + 1) == Some(&b'/') => {
                k = find(b, k, b"\n").unwrap_or(b.len());
                continue;
            }
            b'/' if b.get(k + 1) == Some(&b'*') => {
                k = find(b, k + 2, b"*/").map_or(b.len(), |e| e + 2);
                continue;
            }
            _ => break,
        }
        k += 1;
    }
    let ends = b
        .get(k)
        .is_none_or(|c| b",;)]}'\"`+-*/%|&?:.<>=".contains(c));
    ends || (same_line && line_break)
}

/// What a PHP block prints through string literals that hold a script: the literals' contents
/// are the page the browser gets, so they stay; the rest of the code is blanked, except the
/// expressions concatenated into the literals (`'… "' . $email . '" …'`) and interpolated in
/// double-quoted and heredoc literals (`"{$user->email}"`, `"$email"`), which are outputs.
#[derive(Debug, Default)]
pub(super) struct Printed {
    /// Outputs: the span standing for the printed value, and its expression.
    pub outputs: Vec<(usize, usize, String)>,
    pub blanks: Vec<(usize, usize)>,
    /// Bytes to change inside the kept literals so they read as the printed text: PHP escapes
    /// (`\'`, `\"`, `\n`, `\$`) become what they print, as long.
    pub fixes: Vec<(usize, u8)>,
}

fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// `<script>` or `<script ` opening in a literal.
pub(super) fn opens_script(s: &[u8]) -> bool {
    s.windows(8).any(|w| {
        w[..7].eq_ignore_ascii_case(b"<script") && (w[7] == b'>' || w[7].is_ascii_whitespace())
    })
}

/// The block `tag` (with its PHP code `body`) printing a script through string literals, or
/// `None` when no literal opens a `<script>` that a later literal of the block closes.
pub(super) fn script_strings(
    b: &[u8],
    tag: (usize, usize),
    body: (usize, usize),
) -> Option<Printed> {
    let lexed = lex(b, body.0, body.1);
    let strings = &lexed.strings;
    if !strings
        .iter()
        .any(|s| opens_script(&b[s.content.0..s.content.1]))
    {
        return None;
    }
    let mut kept: Vec<Str> = Vec::new();
    let mut joins: Vec<(usize, usize, String)> = Vec::new();
    let (mut open, mut chained) = (false, false);
    let mut idx = 0;
    while idx < strings.len() {
        let s = strings[idx];
        let content = &b[s.content.0..s.content.1];
        // A literal continues the script when it is concatenated to the last one, or printed
        // while a script is open; it starts one when printed and opening `<script>`.
        let printed = printed(&lexed.code, s.start - body.0);
        if !(chained || (printed && (open || opens_script(content)))) {
            idx += 1;
            continue;
        }
        kept.push(s);
        open = script_open_after(open, content);
        chained = false;
        if let Some((j, expr)) = concatenated(b, &lexed, body.0, idx) {
            joins.push((s.content.1, strings[j].content.0, expr));
            idx = j;
            chained = true;
            continue;
        }
        idx += 1;
    }
    let mut all = Vec::new();
    for s in &kept {
        all.extend_from_slice(&b[s.content.0..s.content.1]);
        all.push(b' ');
    }
    let first_open = (0..all.len()).find(|&k| opens_script(&all[k..]))?;
    if !contains_ci(&all[first_open..], b"</script") {
        return None;
    }

    let mut out = Printed::default();
    let mut pos = tag.0;
    for s in &kept {
        let gap = (pos, s.content.0);
        match joins.iter().find(|j| j.0 == gap.0 && j.1 == gap.1) {
            Some((start, end, expr)) => out.outputs.push((*start, *end, expr.clone())),
            None => out.blanks.push(gap),
        }
        literal(b, s, &mut out);
        pos = s.content.1;
    }
    out.blanks.push((pos, tag.1));
    out.blanks.retain(|&(s, e)| s < e);
    Some(out)
}

/// Whether the literal at `at` (in lexed code) is printed or builds printed text: it follows
/// `echo`, `print`, `return`, an assignment, a concatenation, a ternary or `printf(`, not the
/// argument of another call (`error_log('<script>…')`, `preg_replace('/<script…/', …)`).
fn printed(code: &[u8], at: usize) -> bool {
    let before = &code[..at];
    let Some(p) = before.iter().rposition(|c| !c.is_ascii_whitespace()) else {
        return false;
    };
    let word_before = |end: usize| {
        let n = before[..end]
            .iter()
            .rev()
            .take_while(|&&c| is_ident(c))
            .count();
        &before[end - n..end]
    };
    match before[p] {
        b'=' | b'.' | b'?' | b':' => true,
        b'(' => {
            let q = before[..p].iter().rposition(|c| !c.is_ascii_whitespace());
            q.is_some_and(|q| matches!(word_before(q + 1), b"print" | b"echo" | b"_e"))
        }
        c if is_ident(c) => matches!(word_before(p + 1), b"echo" | b"print" | b"return"),
        _ => false,
    }
}

/// Whether a script is open after a literal's text, given whether one was before it.
fn script_open_after(open: bool, s: &[u8]) -> bool {
    let last = |needle: &[u8]| {
        (0..s.len().saturating_sub(needle.len() - 1))
            .rev()
            .find(|&k| s[k..k + needle.len()].eq_ignore_ascii_case(needle))
    };
    match (last(b"<script"), last(b"</script")) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        (None, Some(_)) => false,
        (None, None) => open,
    }
}

/// When literal `idx` is followed by `. expr .` and another literal (`'…' . $email . '…'`): that
/// literal's index and the expression.
fn concatenated(b: &[u8], lexed: &Lexed, from: usize, idx: usize) -> Option<(usize, String)> {
    let s = lexed.strings[idx];
    if !matches!(s.quote, Quote::Single | Quote::Double) {
        return None;
    }
    let code = &lexed.code;
    let rel = |abs: usize| abs - from;
    let mut k = rel(s.content.1) + 1;
    while k < code.len() && code[k].is_ascii_whitespace() {
        k += 1;
    }
    if code.get(k) != Some(&b'.') || code.get(k + 1) == Some(&b'=') {
        return None;
    }
    let expr_start = k + 1;
    let mut depth = 0usize;
    let mut j = expr_start;
    while j < code.len() {
        match code[j] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
            }
            b';' if depth == 0 => return None,
            b'.' if depth == 0 => {
                let mut n = j + 1;
                while n < code.len() && code[n].is_ascii_whitespace() {
                    n += 1;
                }
                if let Some(next) = lexed.strings.iter().position(|t| t.start == from + n) {
                    if matches!(lexed.strings[next].quote, Quote::Single | Quote::Double) {
                        let expr = lossy(&b[from + expr_start..from + j]).trim().to_string();
                        return (!expr.is_empty()).then_some((next, expr));
                    }
                }
            }
            _ => {}
        }
        j += 1;
    }
    None
}

/// A kept literal: its escapes read as what they print; the variables interpolated in a
/// double-quoted or heredoc literal are outputs.
fn literal(b: &[u8], s: &Str, out: &mut Printed) {
    let (c0, c1) = s.content;
    let interpolates = matches!(s.quote, Quote::Double | Quote::Heredoc);
    let own_quote = match s.quote {
        Quote::Single => Some(b'\''),
        Quote::Double => Some(b'"'),
        _ => None,
    };
    let mut opening = true;
    let mut i = c0;
    while i < c1 {
        let c = b[i];
        if c == b'\\' && i + 1 < c1 {
            let next = b[i + 1];
            if Some(next) == own_quote {
                // `\'…\'`: the quotes stay, the backslashes become spaces outside them.
                if opening {
                    out.fixes.push((i, b' '));
                } else {
                    out.fixes.push((i, next));
                    out.fixes.push((i + 1, b' '));
                }
                opening = !opening;
            } else if interpolates && matches!(next, b'n' | b't' | b'r' | b'v' | b'f' | b'e') {
                out.fixes.push((i, b' '));
                out.fixes.push((i + 1, b' '));
            } else if interpolates && next == b'$' {
                out.fixes.push((i, b' '));
            }
            i += 2;
            continue;
        }
        if interpolates && c == b'{' && b.get(i + 1) == Some(&b'$') {
            if let Some(close) = match_bracket(b, i, c1) {
                out.outputs
                    .push((i, close + 1, lossy(&b[i + 1..close]).trim().to_string()));
                i = close + 1;
                continue;
            }
        }
        if interpolates && c == b'$' {
            if b.get(i + 1) == Some(&b'{') {
                if let Some(close) = match_bracket(b, i + 1, c1) {
                    let name = lossy(&b[i + 2..close]).trim().to_string();
                    out.outputs.push((i, close + 1, format!("${name}")));
                    i = close + 1;
                    continue;
                }
            }
            let n = if b.get(i + 1).is_some_and(|&c| is_ident_start(c)) {
                b[i + 1..c1].iter().take_while(|&&c| is_ident(c)).count()
            } else {
                0
            };
            if n > 0 {
                let mut j = i + 1 + n;
                if b[j..c1].starts_with(b"->") && b.get(j + 2).is_some_and(|&c| is_ident_start(c)) {
                    j += 2 + b[j + 2..c1].iter().take_while(|&&c| is_ident(c)).count();
                } else if b.get(j) == Some(&b'[') && j < c1 {
                    if let Some(close) = find(&b[..c1], j, b"]") {
                        j = close + 1;
                    }
                }
                out.outputs.push((i, j, lossy(&b[i..j])));
                i = j;
                continue;
            }
        }
        i += 1;
    }
}

/// Where the PHP code of a snippet without `<?php` starts (a WordPress hook pasted under some
/// markup): the first line that is evidently PHP (`add_action(`, `add_filter(`, `function
/// name($arg)`, `$var =`), when a PHP string literal after it opens a `<script>` element.
pub(super) fn snippet_start(text: &str) -> Option<usize> {
    let mut pos = 0;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let at = pos + (line.len() - t.len());
        pos += line.len();
        let function_with_php_args = t
            .strip_prefix("function ")
            .and_then(|r| r.split_once('('))
            .is_some_and(|(name, args)| {
                name.trim().bytes().all(is_ident)
                    && args.split(')').next().is_some_and(|a| a.contains('$'))
            });
        let assignment = t.strip_prefix('$').is_some_and(|r| {
            let n = r.bytes().take_while(|&c| is_ident(c)).count();
            n > 0 && r[n..].trim_start().starts_with('=') && !r[n..].trim_start().starts_with("==")
        });
        if t.starts_with("add_action(")
            || t.starts_with("add_filter(")
            || function_with_php_args
            || assignment
        {
            start = Some(at);
            break;
        }
    }
    let start = start?;
    let b = text.as_bytes();
    let quoted_script = (start..b.len()).any(|k| {
        (b[k] == b'\'' || b[k] == b'"') && {
            let mut j = k + 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            b[j..].len() >= 7 && b[j..j + 7].eq_ignore_ascii_case(b"<script")
        }
    });
    quoted_script.then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoes_in_statement_blocks() {
        let echo = |body: &str| echoed(body.as_bytes(), 0, body.len());
        assert_eq!(
            echo(" if (isset(auth()->user()->name)) { echo json_encode((string) auth()->user()->name); } else { echo ''; } "),
            Some("json_encode((string) auth()->user()->name)".into())
        );
        assert_eq!(
            echo(" if ($a) { echo '1'; } else { print(\"0\"); } "),
            Some(String::new())
        );
        assert_eq!(
            echo(" echo 'Hi ', $user->name, '!'; "),
            Some("$user->name".into())
        );
        assert_eq!(echo(" // echo $x;\n $y = 'echo $z'; "), None);
        assert_eq!(echo(" $this->echo($x); "), None);
    }

    #[test]
    fn expression_slots() {
        let slot = |text: &str, tag: &str| {
            let s = text.find(tag).unwrap();
            expression_slot(text.as_bytes(), s, s + tag.len())
        };
        assert!(slot("x = {\n name: <?php ?>,\n}", "<?php ?>"));
        assert!(slot("var a = '<?php ?>';", "<?php ?>"));
        assert!(slot("var a = <?php ?>\nvar b;", "<?php ?>"));
        assert!(slot("x = { a: <?php ?> // a\n};", "<?php ?>"));
        assert!(!slot("a();\n  <?php ?>\nb();", "<?php ?>"));
        assert!(!slot("a(); <?php ?> b();", "<?php ?>"));
        assert!(!slot("x = {\n  a: 1,\n  <?php ?>\n  b: 2 };", "<?php ?>"));
        assert!(!slot("x = [\n<?php ?>\n{ a: 1 }];", "<?php ?>"));
        assert!(!slot("<a onclick=\"<?php ?>return false;\">", "<?php ?>"));
    }

    #[test]
    fn scripts_in_string_literals() {
        let text = r#"<?php
function conv($order_id) {
  $email = $order_data['billing']['email'];
  echo '<script>
    var id = "' . $order_id . '";
    var email = "'. esc_js($email) .'";
    fbq(\'track\', \'Purchase\');
  </script>';
  echo "<script>var u = '{$user->email}', p = '$phone', n = '${name}';\n</script>";
  echo <<<EOT
<script>gtag('set', 'user_data', { email: "$order->email" });</script>
EOT;
}
"#;
        let b = text.as_bytes();
        let p = script_strings(b, (0, b.len()), (5, b.len())).unwrap();
        let exprs: Vec<&str> = p.outputs.iter().map(|o| o.2.as_str()).collect();
        assert_eq!(
            exprs,
            [
                "$order_id",
                "esc_js($email)",
                "$user->email",
                "$phone",
                "$name",
                "$order->email"
            ]
        );
        let first = &p.outputs[0];
        assert_eq!(&text[first.0..first.1], "' . $order_id . '");
        let mut fixed = b.to_vec();
        for &(k, c) in &p.fixes {
            fixed[k] = c;
        }
        assert!(String::from_utf8(fixed)
            .unwrap()
            .contains("fbq( 'track' ,  'Purchase' );"));
        // Not printed: the argument of a call.
        let t = "<?php error_log('<script>fbq(\"init\", \"1\", {em: \"' . $email . '\"})</script>'); ?>";
        assert!(script_strings(t.as_bytes(), (0, t.len()), (5, t.len() - 2)).is_none());
        // Not a script: a regular expression, a tag never closed in the block.
        let t = "<?php $s = preg_replace('/<script[^>]*>/', '', $s); echo '<script>'; ?>";
        assert!(script_strings(t.as_bytes(), (0, t.len()), (5, t.len() - 2)).is_none());
    }

    #[test]
    fn snippet_starts() {
        let t = "<!-- tag -->\n<script>gtag('js', new Date());</script>\n\nadd_action('wp_footer', 'f');\nfunction f() {\n  echo '<script>fbq(1)</script>';\n}\n";
        assert_eq!(snippet_start(t), t.find("add_action"));
        assert_eq!(
            snippet_start("<script>\nfunction f($el) { return $el; }\n</script>"),
            None
        );
    }
}
