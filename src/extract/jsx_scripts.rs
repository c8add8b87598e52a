//! Inline scripts written inside JSX: `<Script id="pixel">{`fbq('init', …)`}</Script>` (Next.js
//! `next/script`), `<script dangerouslySetInnerHTML={{ __html: `…` }} />`. The template
//! literal is the script the page runs, so it is a block of its own, parsed from the same bytes
//! (its `${…}` substitutions, values of the component, become placeholders of the same length).

use super::{BlockKind, Lang, ScriptBlock};
use crate::source::ByteSpan;

/// The inline script blocks of a JS/JSX/TSX file; empty for most files (a cheap scan first).
pub fn inline_scripts(text: &str) -> Vec<ScriptBlock> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    if !(text.contains("<Script") || text.contains("<script")) {
        return out;
    }
    let mut i = 0;
    while let Some(k) = find_tag(b, i) {
        i = k + 1;
        let Some(open_end) = tag_end(b, k) else {
            continue;
        };
        let tag = &b[k..open_end];
        // `dangerouslySetInnerHTML={{ __html: `…` }}` among the attributes.
        if let Some(at) = find(tag, b"__html") {
            let after = skip_ws(b, k + at + b"__html".len());
            if b.get(after) == Some(&b':') {
                let start = skip_ws(b, after + 1);
                if let Some(block) = template_block(text, start) {
                    out.push(block);
                }
            }
            continue;
        }
        // `<Script …>{` `…` `}</Script>`: the element's only child is a template literal.
        if b[open_end - 2] == b'/' {
            continue;
        }
        let j = skip_ws(b, open_end);
        if b.get(j) != Some(&b'{') {
            continue;
        }
        let start = skip_ws(b, j + 1);
        if let Some(block) = template_block(text, start) {
            let close = skip_ws(b, block.span.end as usize + 1);
            let close = skip_ws(b, close + usize::from(b.get(close) == Some(&b'}')));
            if b[close..].starts_with(b"</Script") || b[close..].starts_with(b"</script") {
                out.push(block);
            }
        }
    }
    out
}

/// The next `<Script` / `<script` start tag at or after `from`.
fn find_tag(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(k) = find(&b[i..], b"<").map(|k| k + i) {
        let rest = &b[k + 1..];
        if (rest.starts_with(b"Script") || rest.starts_with(b"script"))
            && rest
                .get(6)
                .is_some_and(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            return Some(k);
        }
        i = k + 1;
    }
    None
}

/// The end (one past `>`) of the start tag at `k`, skipping `{…}` attribute expressions and
/// quoted values.
fn tag_end(b: &[u8], k: usize) -> Option<usize> {
    let mut i = k + 1;
    let mut depth = 0usize;
    let mut quote = None;
    while i < b.len() {
        let c = b[i];
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), b'\\') => i += 1,
            (Some(_), _) => {}
            (None, b'"' | b'\'' | b'`') => quote = Some(c),
            (None, b'{') => depth += 1,
            (None, b'}') => depth = depth.saturating_sub(1),
            (None, b'>') if depth == 0 => return Some(i + 1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The template literal starting at `start` (its opening backtick) as a script block: the
/// span of its content, with substitutions and escapes made same-length JavaScript.
fn template_block(text: &str, start: usize) -> Option<ScriptBlock> {
    let b = text.as_bytes();
    if b.get(start) != Some(&b'`') {
        return None;
    }
    let content = start + 1;
    let mut decoded = Vec::with_capacity(256);
    let mut i = content;
    while i < b.len() {
        match b[i] {
            b'`' => {
                let code = String::from_utf8(decoded).ok()?;
                if code.trim().is_empty() {
                    return None;
                }
                let span = ByteSpan::new(content as u32, i as u32);
                let same = code.as_bytes() == &b[content..i];
                return Some(ScriptBlock {
                    span,
                    lang: Lang::Js,
                    kind: BlockKind::Script,
                    decoded: (!same).then_some(code),
                });
            }
            // An escaped character is the character itself in the script.
            b'\\' if i + 1 < b.len() => {
                decoded.push(b' ');
                decoded.push(b[i + 1]);
                i += 2;
            }
            // `${expr}`: a value of the component, a placeholder identifier in the script.
            b'$' if b.get(i + 1) == Some(&b'{') => {
                let end = matching_brace(b, i + 1)?;
                decoded.push(b'_');
                decoded.extend(std::iter::repeat_n(b'_', end - i));
                i = end + 1;
            }
            c => {
                decoded.push(c);
                i += 1;
            }
        }
    }
    None
}

/// The `}` closing the `{` at `open`, skipping strings.
fn matching_brace(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote = None;
    let mut i = open;
    while i < b.len() {
        let c = b[i];
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), b'\\') => i += 1,
            (Some(_), _) => {}
            (None, b'"' | b'\'' | b'`') => quote = Some(c),
            (None, b'{') => depth += 1,
            (None, b'}') => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str, block: &ScriptBlock) -> String {
        block
            .decoded
            .clone()
            .unwrap_or_else(|| text[block.span.start as usize..block.span.end as usize].to_string())
    }

    #[test]
    fn next_script_child_and_inner_html() {
        let text = "const A = () => (<>\n  <Script id=\"fb\" strategy=\"afterInteractive\">\n    {`fbq('init', '${ID}', { em: e });`}\n  </Script>\n  <script dangerouslySetInnerHTML={{ __html: `gtag('js', new Date());` }} />\n</>);";
        let blocks = inline_scripts(text);
        assert_eq!(blocks.len(), 2);
        let first = code(text, &blocks[0]);
        assert_eq!(first, "fbq('init', '_____', { em: e });");
        assert_eq!(
            first.len(),
            (blocks[0].span.end - blocks[0].span.start) as usize
        );
        assert_eq!(code(text, &blocks[1]), "gtag('js', new Date());");
    }

    #[test]
    fn other_templates_are_not_scripts() {
        let text = "const s = `<script>${x}</script>`; <Script src=\"/a.js\" />; <Title>{`Hi ${name}`}</Title>; <script>{`   `}</script>";
        assert!(inline_scripts(text).is_empty());
    }
}
