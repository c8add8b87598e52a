//! Byte-scanning helpers the template extractors share (the server-template scanners in
//! [`super::server`], HAML and Slim): substring search, bracket matching that skips quoted
//! strings, identifiers, top-level separators of an expression. Positions are byte offsets.

pub(super) fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    if pat.is_empty() || from >= b.len() {
        return None;
    }
    let last = b.len().checked_sub(pat.len())?;
    let mut i = from;
    while i <= last {
        let k = b[i..=last].iter().position(|&c| c == pat[0])?;
        i += k;
        if b[i..].starts_with(pat) {
            return Some(i);
        }
        i += 1;
    }
    None
}

pub(super) fn starts_at(b: &[u8], i: usize, pat: &[u8]) -> bool {
    b.get(i..).is_some_and(|s| s.starts_with(pat))
}

/// Finds `close`, skipping quoted strings (a line break ends an unclosed quote); falls back to
/// the first raw occurrence.
pub(super) fn find_close(b: &[u8], from: usize, close: &[u8]) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        if let Some(q) = quote {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == q || c == b'\n' {
                quote = None;
            }
            i += 1;
            continue;
        }
        if c == b'"' || c == b'\'' {
            quote = Some(c);
        } else if b[i..].starts_with(close) {
            return Some(i);
        }
        i += 1;
    }
    find(b, from, close)
}

/// The index of the bracket closing the one at `open` (`(`, `[` or `{`), before `to`, skipping
/// quoted strings.
pub(super) fn match_bracket(b: &[u8], open: usize, to: usize) -> Option<usize> {
    let (o, c) = match b.get(open)? {
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        b'{' => (b'{', b'}'),
        _ => return None,
    };
    let to = to.min(b.len());
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = open;
    while i < to {
        let ch = b[i];
        if let Some(q) = quote {
            if ch == b'\\' {
                i += 2;
                continue;
            }
            if ch == q || ch == b'\n' {
                quote = None;
            }
        } else if ch == b'"' || ch == b'\'' || ch == b'`' {
            quote = Some(ch);
        } else if ch == o {
            depth += 1;
        } else if ch == c {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

pub(super) fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

pub(super) fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

pub(super) fn ident_len(b: &[u8], from: usize, to: usize) -> usize {
    if !b.get(from).is_some_and(|&c| is_ident_start(c)) {
        return 0;
    }
    b[from..to.min(b.len())]
        .iter()
        .take_while(|&&c| is_ident(c))
        .count()
}

/// Byte index of the first `needle` in `s` outside quotes (`"`, `'`, and backticks: JavaScript
/// template literals, PHP and Ruby shell strings) and brackets (`||` is not a `|`).
pub(super) fn top_level(s: &str, needle: u8) -> Option<usize> {
    let b = s.as_bytes();
    let (mut depth, mut quote) = (0usize, None::<u8>);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if let Some(q) = quote {
            if c == b'\\' {
                i += 1;
            } else if c == q {
                quote = None;
            }
        } else {
            match c {
                b'"' | b'\'' | b'`' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                _ if c == needle && depth == 0 => {
                    if needle == b'|' && b.get(i + 1) == Some(&b'|') {
                        i += 2;
                        continue;
                    }
                    return Some(i);
                }
                _ => {}
            }
        }
        i += 1;
    }
    None
}

/// The first argument of an argument list (`$x` from `$x, JSON_PRETTY_PRINT`).
pub(super) fn first_arg(args: &str) -> &str {
    let cut = top_level(args, b',').unwrap_or(args.len());
    args[..cut].trim()
}

pub(super) fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
