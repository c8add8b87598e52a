//! Vue single-file components: the top-level `<script>` / `<script setup>` blocks, and the
//! `<template>`'s fields, `v-model` / `:value` bindings, `@event` / `v-on:event` handlers and
//! `{{ … }}` interpolations.

use super::html::{lang_from_attr, scan_markup, tokenize, Markup, MarkupDialect, Tok};
use super::{BlockKind, Extracted, Lang, ScriptBlock, ScriptSrc};
use crate::source::ByteSpan;
use std::ops::Range;

enum State {
    Top,
    /// Inside the top-level `<template>`: where its content starts, the nesting of `<template>`
    /// elements, and whether its content is HTML (not `lang="pug"`, not `src=`).
    Template {
        start: usize,
        depth: usize,
        html: bool,
    },
    /// Inside a top-level `<script>`: where its content starts and its syntax (`None` when it
    /// is external).
    Script {
        start: usize,
        lang: Option<Lang>,
    },
    /// Inside `<style>` or a custom block: the tag that ends it.
    Other(String),
}

/// Extracts a `.vue` file.
pub fn extract(text: &str) -> Extracted {
    let mut out = Extracted::default();
    let mut templates: Vec<Range<usize>> = Vec::new();
    let mut state = State::Top;
    for tok in tokenize(text) {
        state = match (state, tok) {
            (State::Top, Tok::Start(tag)) if !tag.self_closing => match tag.name.as_str() {
                "template" => {
                    let lang = tag
                        .attr("lang")
                        .map(|a| a.value.trim().to_ascii_lowercase());
                    State::Template {
                        start: tag.span.end,
                        depth: 1,
                        html: tag.attr("src").is_none()
                            && lang.as_deref().is_none_or(|l| l.is_empty() || l == "html"),
                    }
                }
                "script" => {
                    let src = tag.attr("src").map(|a| a.value.trim().to_string());
                    if let Some(url) = &src {
                        out.script_srcs.push(ScriptSrc {
                            span: ByteSpan::new(tag.span.start as u32, tag.span.end as u32),
                            url: url.clone(),
                        });
                    }
                    let lang = lang_from_attr(tag.attr("lang").map(|a| a.value.as_str()));
                    State::Script {
                        start: tag.span.end,
                        lang: src.is_none().then_some(lang),
                    }
                }
                other => State::Other(other.to_string()),
            },
            (State::Template { start, depth, html }, tok) => match tok {
                Tok::Start(tag) if tag.name == "template" && !tag.self_closing => State::Template {
                    start,
                    depth: depth + 1,
                    html,
                },
                Tok::End { name, span } if name == "template" => {
                    if depth == 1 {
                        if html {
                            templates.push(start..span.start);
                        }
                        State::Top
                    } else {
                        State::Template {
                            start,
                            depth: depth - 1,
                            html,
                        }
                    }
                }
                _ => State::Template { start, depth, html },
            },
            (State::Script { start, lang }, Tok::End { name, span }) if name == "script" => {
                if let Some(lang) = lang {
                    if span.start > start {
                        out.blocks.push(script(start..span.start, lang));
                    }
                }
                State::Top
            }
            (State::Other(name), Tok::End { name: end, .. }) if end == name => State::Top,
            (state, _) => state,
        };
    }
    // Unclosed blocks run to the end of the file.
    match state {
        State::Template {
            start, html: true, ..
        } => templates.push(start..text.len()),
        State::Script {
            start,
            lang: Some(lang),
        } if start < text.len() => out.blocks.push(script(start..text.len(), lang)),
        _ => {}
    }

    let expr_lang = if out.blocks.iter().any(|b| b.lang != Lang::Js) {
        Lang::Ts
    } else {
        Lang::Js
    };
    for range in templates {
        scan_markup(
            text,
            range,
            &Markup::new(MarkupDialect::Vue, expr_lang),
            &mut out,
        );
    }
    out.blocks.sort_by_key(|b| b.span.start);
    out
}

fn script(range: Range<usize>, lang: Lang) -> ScriptBlock {
    ScriptBlock {
        span: ByteSpan::new(range.start as u32, range.end as u32),
        lang,
        kind: BlockKind::Script,
        decoded: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::slice;
    use crate::parse::parse_block;

    const SFC: &str = r#"<template>
  <form class="signup" @submit.prevent="submit">
    <input v-model="form.email" type="email" @blur="track(form.email)">
    <input v-model.trim="form.name" name="fullName" v-on:keyup.enter="send($event)">
    <MyField :value="phone" ref="phoneInput" />
    <template v-if="user">
      <p class="addr">{{ user.address }} &amp; {{ user.city }}</p>
      <span>{{ count &gt; 1 ? 'items' : 'item' }}</span>
    </template>
    <div v-html="bio" data-private></div>
    <button @click="analytics.track('Signup', { email: form.email })">Go</button>
  </form>
</template>

<script setup lang="ts">
import { reactive } from 'vue'
const form = reactive({ email: '', name: '' })
function track(v: string) { window.analytics.track('blur', { v }) }
</script>

<script>
export default { name: 'Signup' }
</script>

<style scoped>
.signup { color: red }
</style>
"#;

    #[test]
    fn scripts_and_template() {
        let ex = extract(SFC);
        let scripts: Vec<_> = ex
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Script)
            .collect();
        assert_eq!(scripts.len(), 2);
        assert_eq!(scripts[0].lang, Lang::Ts);
        assert!(slice(SFC, scripts[0].span).starts_with("\nimport { reactive }"));
        assert!(slice(SFC, scripts[0].span).ends_with("v }) }\n"));
        assert_eq!(scripts[1].lang, Lang::Js);
        assert_eq!(
            slice(SFC, scripts[1].span).trim(),
            "export default { name: 'Signup' }"
        );

        for b in &ex.blocks {
            parse_block(SFC, b).unwrap_or_else(|e| panic!("{b:?}: {}", e.message));
        }

        let exprs: Vec<(Option<&str>, Option<&str>, &str)> = ex
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::TemplateExpr { event, element } => Some((
                    event.as_deref(),
                    element.map(|i| ex.elements[i].tag.as_str()),
                    b.decoded.as_deref().unwrap_or(slice(SFC, b.span)),
                )),
                _ => None,
            })
            .collect();
        assert_eq!(
            exprs,
            vec![
                (Some("submit"), Some("form"), "submit"),
                (Some("blur"), Some("input"), "track(form.email)"),
                (Some("keyup"), Some("input"), "send($event)"),
                (None, Some("p"), "user.address"),
                (None, Some("p"), "user.city"),
                (None, Some("form"), "count > 1 ? 'items' : 'item'"),
                (
                    Some("click"),
                    Some("button"),
                    "analytics.track('Signup', { email: form.email })"
                ),
            ]
        );
        assert!(ex
            .blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Script)
            .all(|b| b.lang == Lang::Ts));

        let email = ex
            .elements
            .iter()
            .find(|e| e.ty.as_deref() == Some("email"))
            .unwrap();
        assert_eq!(email.binding.as_deref(), Some("form.email"));
        let name = ex
            .elements
            .iter()
            .find(|e| e.name.as_deref() == Some("fullName"))
            .unwrap();
        assert_eq!(name.binding.as_deref(), Some("form.name"));
        let field = ex.elements.iter().find(|e| e.tag == "myfield").unwrap();
        assert_eq!(field.binding.as_deref(), Some("phone"));
        let p = ex.elements.iter().find(|e| e.tag == "p").unwrap();
        assert_eq!(p.displays, vec!["user.address", "user.city"]);
        let div = ex.elements.iter().find(|e| e.tag == "div").unwrap();
        assert_eq!(div.displays, vec!["bio"]);
        assert_eq!(div.masks, vec!["data-private"]);
    }

    #[test]
    fn template_lang_follows_scripts() {
        let sfc = "<script>\nexport default {}\n</script>\n<template><b @click=\"n++\">{{ n }}</b></template>";
        let ex = extract(sfc);
        assert_eq!(ex.blocks.len(), 3);
        assert!(ex.blocks.iter().all(|b| b.lang == Lang::Js));
        assert_eq!(slice(sfc, ex.blocks[1].span), "n++");
        assert_eq!(slice(sfc, ex.blocks[2].span), "n");
        assert_eq!(
            ex.blocks[2].kind,
            BlockKind::TemplateExpr {
                event: None,
                element: Some(0)
            }
        );
    }

    #[test]
    fn pug_templates_are_skipped() {
        let sfc = "<template lang=\"pug\">\ninput(v-model=\"x\")\n</template>\n<script lang=\"tsx\">\nconst a = <b/>\n</script>";
        let ex = extract(sfc);
        assert_eq!(ex.blocks.len(), 1);
        assert_eq!(ex.blocks[0].lang, Lang::Tsx);
        assert!(ex.elements.is_empty());
    }
}
