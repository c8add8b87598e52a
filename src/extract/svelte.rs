//! Svelte components and Astro pages: `<script>` blocks (Astro: the frontmatter), and the
//! markup's fields, `bind:value` / `value={…}` bindings, `on:event={…}` handlers and `{…}`
//! expressions. A brace-aware pre-scan hides the expressions from the HTML tokenizer
//! (`on:change={() => f()}` would end the tag at `=>`); see [`super::html::fill_braces`].

use super::html::{scan_markup, Markup, MarkupDialect};
use super::{BlockKind, Extracted, Lang, OffsetMap, OffsetSeg, ScriptBlock};
use crate::source::ByteSpan;

/// Extracts a `.svelte` file.
pub fn extract(text: &str) -> Extracted {
    let mut out = Extracted::default();
    scan_markup(
        text,
        0..text.len(),
        &Markup::new(MarkupDialect::Svelte, Lang::Js),
        &mut out,
    );
    // Expressions are TypeScript when the component's script is.
    let ts = out
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Script && b.lang != Lang::Js);
    if ts {
        for b in &mut out.blocks {
            if b.kind != BlockKind::Script {
                b.lang = Lang::Ts;
            }
        }
    }
    out.blocks.sort_by_key(|b| b.span.start);
    parenthesize_objects(text, &mut out);
    out
}

/// A template expression that starts with `{` (`{ {a: 1}.a }`, `value={{ a: 1 }}` read as
/// its inner `{ a: 1 }`) is an object literal, not a block: parsed in parentheses, mapped
/// back onto its bytes.
fn parenthesize_objects(text: &str, out: &mut Extracted) {
    for (i, b) in out.blocks.iter_mut().enumerate() {
        if !matches!(b.kind, BlockKind::TemplateExpr { .. }) || b.decoded.is_some() {
            continue;
        }
        let code = &text[b.span.start as usize..b.span.end as usize];
        if !code.starts_with('{') {
            continue;
        }
        b.decoded = Some(format!("({code})"));
        let seg = OffsetSeg {
            decoded: 1,
            file: b.span.start,
            decoded_len: code.len() as u32,
            file_len: code.len() as u32,
        };
        out.offset_maps.push((i, OffsetMap::new(vec![seg])));
    }
}

/// The frontmatter of an Astro file: the range between a leading `---` line and the next
/// `---` line, and where the markup after it starts.
fn frontmatter(text: &str) -> Option<(usize, usize, usize)> {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let first = rest.find('\n').map_or(rest.len(), |p| p + 1);
    if rest[..first].trim_end() != "---" {
        return None;
    }
    let start = lead + first;
    let mut line_start = start;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |p| line_start + p + 1);
        if text[line_start..line_end].trim_end() == "---" {
            return Some((start, line_start, line_end));
        }
        line_start = line_end;
    }
    // No closing fence: the whole rest is script.
    Some((start, text.len(), text.len()))
}

/// Extracts an `.astro` file: the frontmatter as a TypeScript block, then the markup with
/// `{…}` expressions, plain `on*=` handlers and (TypeScript) `<script>` elements.
pub fn extract_astro(text: &str) -> Extracted {
    let mut out = Extracted::default();
    let markup_start = match frontmatter(text) {
        Some((start, end, after)) => {
            if end > start {
                out.blocks.push(ScriptBlock {
                    span: ByteSpan::new(start as u32, end as u32),
                    lang: Lang::Ts,
                    kind: BlockKind::Script,
                    decoded: None,
                });
            }
            after
        }
        None => 0,
    };
    // Expressions may hold JSX (`{items.map((i) => <li>{i}</li>)}`).
    scan_markup(
        text,
        markup_start..text.len(),
        &Markup::new(MarkupDialect::Astro, Lang::Tsx),
        &mut out,
    );
    out.blocks.sort_by_key(|b| b.span.start);
    parenthesize_objects(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::{exprs, slice};
    use crate::parse::parse_block;

    const COMPONENT: &str = r#"<script context="module">
  export const prerender = true;
</script>
<script lang="ts">
  let phone: string = '';
  let user = { email: '' };
  const track = (e: Event) => gtag('event', 'blur', { e });
</script>

<form on:submit|preventDefault={() => analytics.identify(user.email, { phone })}>
  <input bind:value={phone} type="tel" on:change={() => gtag('event','x',{p: phone})}>
  <input bind:value type="email" name="email" class="fs-exclude">
  <input value={user.email} id="mail" onblur={track}>
  <textarea {value} data-hj-suppress></textarea>
  {#if user.email}
    <p class="who">Signed in as {user.email} ({`${phone}`})</p>
  {:else}
    <p>Nobody</p>
  {/if}
  <div class="bio">{@html user.bio}</div>
  <button onclick="alert(1)" class={dyn}>Go</button>
</form>

<style>
  p { color: red; }
</style>
"#;

    #[test]
    fn svelte_component() {
        let ex = extract(COMPONENT);
        let scripts: Vec<_> = ex
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Script)
            .collect();
        assert_eq!(scripts.len(), 2);
        assert_eq!(scripts[0].lang, Lang::Js);
        assert_eq!(
            slice(COMPONENT, scripts[0].span).trim(),
            "export const prerender = true;"
        );
        assert_eq!(scripts[1].lang, Lang::Ts);
        assert!(slice(COMPONENT, scripts[1].span).contains("let phone: string"));
        for b in &ex.blocks {
            parse_block(COMPONENT, b).unwrap_or_else(|e| panic!("{b:?}: {}", e.message));
        }

        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            exprs(COMPONENT, &ex),
            vec![
                (
                    s("submit"),
                    s("form"),
                    "() => analytics.identify(user.email, { phone })".into()
                ),
                (
                    s("change"),
                    s("input"),
                    "() => gtag('event','x',{p: phone})".into()
                ),
                (s("blur"), s("input"), "track".into()),
                (None, s("p"), "user.email".into()),
                (None, s("p"), "`${phone}`".into()),
            ]
        );
        assert!(ex
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::TemplateExpr { .. }))
            .all(|b| b.lang == Lang::Ts));
        let handler = ex
            .blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Handler { .. }))
            .unwrap();
        assert_eq!(slice(COMPONENT, handler.span), "alert(1)");

        let inputs: Vec<_> = ex.elements.iter().filter(|e| e.tag == "input").collect();
        assert_eq!(inputs.len(), 3);
        assert_eq!(inputs[0].binding.as_deref(), Some("phone"));
        assert_eq!(inputs[0].ty.as_deref(), Some("tel"));
        assert_eq!(inputs[1].binding.as_deref(), Some("value"));
        assert_eq!(inputs[1].masks, vec!["fs-exclude"]);
        assert_eq!(inputs[2].binding.as_deref(), Some("user.email"));
        assert_eq!(inputs[2].id.as_deref(), Some("mail"));
        let textarea = ex.elements.iter().find(|e| e.tag == "textarea").unwrap();
        assert_eq!(textarea.binding.as_deref(), Some("value"));
        assert_eq!(textarea.masks, vec!["data-hj-suppress"]);
        let who = ex.elements.iter().find(|e| e.classes == ["who"]).unwrap();
        assert_eq!(who.displays, vec!["user.email", "`${phone}`"]);
        let bio = ex.elements.iter().find(|e| e.classes == ["bio"]).unwrap();
        assert_eq!(bio.displays, vec!["user.bio"]);
        let button = ex.elements.iter().find(|e| e.tag == "button").unwrap();
        assert!(button.classes.is_empty());
        // The tag spans are the original start tags.
        assert_eq!(
            slice(COMPONENT, inputs[0].span),
            "<input bind:value={phone} type=\"tel\" on:change={() => gtag('event','x',{p: phone})}>"
        );
    }

    #[test]
    fn attributes_after_a_handler_without_a_space() {
        let text = "<script>let user;</script>\n<button on:click={() => { fbq('track', 'X', { em: user.email }) }}style={{ color: 'red' }} on:blur={() => { if (a) { b() }}}use:tip={{ text: 'x' }}>A</button>";
        let ex = extract(text);
        let found: Vec<String> = exprs(text, &ex).into_iter().map(|e| e.2).collect();
        assert_eq!(
            found,
            [
                "() => { fbq('track', 'X', { em: user.email }) }",
                "() => { if (a) { b() }}"
            ]
        );
        for b in &ex.blocks {
            parse_block(text, b).unwrap_or_else(|e| panic!("{b:?}: {}", e.message));
        }
    }

    #[test]
    fn object_literal_expressions() {
        let text = "<script>let user;</script>\n<p>{ {a: user.email}.a }</p><i>{{b: 1}}</i>";
        let ex = extract(text);
        let found: Vec<String> = exprs(text, &ex).into_iter().map(|e| e.2).collect();
        assert_eq!(found, ["({a: user.email}.a)", "({b: 1})"]);
        for (i, b) in ex.blocks.iter().enumerate() {
            let p = crate::parse::parse_block_mapped(text, b, 0, ex.offset_map(i));
            p.unwrap_or_else(|e| panic!("{b:?}: {}", e.message));
        }
        let map = ex.offset_map(1).unwrap();
        assert_eq!(map.start(2) as usize, text.find("a: user").unwrap());
    }

    #[test]
    fn javascript_expressions_without_ts() {
        let text = "<script>let n = 0;</script><b class=\"n\" on:click={() => n++}>{n}</b>";
        let ex = extract(text);
        assert_eq!(ex.blocks.len(), 3);
        assert!(ex.blocks.iter().all(|b| b.lang == Lang::Js));
        assert_eq!(slice(text, ex.blocks[1].span), "() => n++");
        assert_eq!(slice(text, ex.blocks[2].span), "n");
    }

    const PAGE: &str = r#"---
import Layout from '../layouts/Layout.astro';
const user = await getUser(Astro.cookies);
const items: string[] = [];
---
<Layout title="Account">
  <p class="email">{user.email}</p>
  <ul>{items.map((i) => <li>{i}</li>)}</ul>
  <input name="q" value={user.name} onchange="track(this.value)">
  <script>
    const el = document.querySelector<HTMLInputElement>('input[name=q]');
    window.analytics.identify(el!.value);
  </script>
  <script is:inline src="https://cdn.segment.com/analytics.js"></script>
</Layout>
"#;

    #[test]
    fn astro_page() {
        let ex = extract_astro(PAGE);
        for b in &ex.blocks {
            parse_block(PAGE, b).unwrap_or_else(|e| panic!("{b:?}: {}", e.message));
        }
        let front = &ex.blocks[0];
        assert_eq!(front.kind, BlockKind::Script);
        assert_eq!(front.lang, Lang::Ts);
        assert!(slice(PAGE, front.span).starts_with("import Layout"));
        assert!(slice(PAGE, front.span).ends_with("= [];\n"));

        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            exprs(PAGE, &ex),
            vec![
                (None, s("p"), "user.email".into()),
                (None, None, "items.map((i) => <li>{i}</li>)".into()),
            ]
        );
        let p = ex.elements.iter().find(|e| e.tag == "p").unwrap();
        assert_eq!(p.displays, vec!["user.email"]);
        let q = ex
            .elements
            .iter()
            .find(|e| e.name.as_deref() == Some("q"))
            .unwrap();
        assert_eq!(q.binding.as_deref(), Some("user.name"));
        let handler = ex
            .blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Handler { .. }))
            .unwrap();
        assert_eq!(slice(PAGE, handler.span), "track(this.value)");
        let script = ex.blocks.last().unwrap();
        assert_eq!(script.kind, BlockKind::Script);
        assert_eq!(script.lang, Lang::Ts);
        assert!(slice(PAGE, script.span).contains("identify(el!.value)"));
        assert_eq!(ex.script_srcs.len(), 1);
        assert_eq!(
            ex.script_srcs[0].url,
            "https://cdn.segment.com/analytics.js"
        );
    }

    #[test]
    fn astro_without_frontmatter() {
        let text = "<h1>{title}</h1>";
        let ex = extract_astro(text);
        assert_eq!(ex.blocks.len(), 1);
        assert_eq!(slice(text, ex.blocks[0].span), "title");
    }
}
