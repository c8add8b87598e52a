//! HTML pages: inline scripts, inline event handlers and the form fields they read.

use super::{BlockKind, ElementFact, Extracted, Lang, ScriptBlock};
use crate::source::ByteSpan;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// `type` values that browsers run as JavaScript.
fn is_js_type(ty: &str) -> bool {
    let ty = ty.trim().to_ascii_lowercase();
    let ty = ty.split(';').next().unwrap_or("").trim();
    matches!(
        ty,
        "" | "text/javascript"
            | "application/javascript"
            | "module"
            | "text/ecmascript"
            | "application/ecmascript"
            | "application/x-javascript"
            | "text/jsx"
            | "text/babel"
    )
}

const FIELD_TAGS: &[&str] = &["input", "select", "textarea", "form", "output"];

pub fn extract(text: &str) -> Extracted {
    let mut out = Extracted::default();
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut open_script: Option<(usize, Lang)> = None;
    for token in Tokenizer::new_with_emitter(text, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let attr = |k: &str| {
                    tag.attributes
                        .get(k.as_bytes())
                        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
                };
                if name == "script" && !tag.self_closing {
                    let runs = attr("src").is_none() && attr("type").is_none_or(|t| is_js_type(&t));
                    let lang = match attr("lang").as_deref() {
                        Some("ts") => Lang::Ts,
                        Some("tsx") => Lang::Tsx,
                        _ => Lang::Js,
                    };
                    open_script = runs.then_some((tag.span.end, lang));
                }
                let id = attr("id");
                let field_name = attr("name");
                let classes: Vec<String> = attr("class")
                    .map(|c| c.split_ascii_whitespace().map(String::from).collect())
                    .unwrap_or_default();
                let element_index = out.elements.len();
                let has_identity = id.is_some() || field_name.is_some() || !classes.is_empty();
                if FIELD_TAGS.contains(&name.as_str()) || has_identity {
                    out.elements.push(ElementFact {
                        tag: name.clone(),
                        span: ByteSpan::new(tag.span.start as u32, tag.span.end as u32),
                        id,
                        name: field_name,
                        ty: attr("type"),
                        autocomplete: attr("autocomplete"),
                        classes,
                        ..Default::default()
                    });
                }
                for (key, value) in &tag.attributes {
                    let key = String::from_utf8_lossy(key);
                    let Some(event) = key.strip_prefix("on") else {
                        continue;
                    };
                    if event.is_empty() || !event.bytes().all(|b| b.is_ascii_lowercase()) {
                        continue;
                    }
                    if out.elements.len() == element_index {
                        out.elements.push(ElementFact {
                            tag: name.clone(),
                            span: ByteSpan::new(tag.span.start as u32, tag.span.end as u32),
                            ..Default::default()
                        });
                    }
                    let (start, end) = (value.span.start, value.span.end);
                    let code = String::from_utf8_lossy(&value.value).into_owned();
                    let raw = text.get(start..end).unwrap_or("");
                    out.blocks.push(ScriptBlock {
                        span: ByteSpan::new(start as u32, end as u32),
                        lang: Lang::Js,
                        kind: BlockKind::Handler {
                            event: event.to_string(),
                            element: element_index,
                        },
                        decoded: (raw != code).then_some(code),
                    });
                }
            }
            Token::EndTag(tag) if tag.name.eq_ignore_ascii_case(b"script") => {
                if let Some((start, lang)) = open_script.take() {
                    let end = tag.span.start;
                    if end > start {
                        out.blocks.push(ScriptBlock {
                            span: ByteSpan::new(start as u32, end as u32),
                            lang,
                            kind: BlockKind::Script,
                            decoded: None,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    // An unclosed <script> runs to the end of the file.
    if let Some((start, lang)) = open_script {
        if start < text.len() {
            out.blocks.push(ScriptBlock {
                span: ByteSpan::new(start as u32, text.len() as u32),
                lang,
                kind: BlockKind::Script,
                decoded: None,
            });
        }
    }
    out.blocks.sort_by_key(|b| b.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_fields() {
        let html = r#"<html><body>
<form id="f"><input type="email" id="email" name="em" onchange="track(this.value)"></form>
<script src="x.js"></script>
<script type="application/ld+json">{"a": 1}</script>
<script type="text/template"><div>{{ x }}</div></script>
<script>
  if (a < b && c > d) { fbq('init', '1', {em: x}); }
  var s = "</div>";
</script>
<button onclick="go(&quot;x&quot;)">Go</button>
</body></html>"#;
        let ex = extract(html);
        let texts: Vec<&str> = ex
            .blocks
            .iter()
            .map(|b| {
                b.decoded
                    .as_deref()
                    .unwrap_or(&html[b.span.start as usize..b.span.end as usize])
            })
            .collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert_eq!(texts[0], "track(this.value)");
        assert!(texts[1].contains("fbq('init'") && texts[1].contains("\"</div>\""));
        assert_eq!(texts[2], "go(\"x\")");
        let email = ex
            .elements
            .iter()
            .find(|e| e.id.as_deref() == Some("email"))
            .unwrap();
        assert_eq!(email.describe(), "input#email (type=email)");
        assert!(
            matches!(ex.blocks[0].kind, BlockKind::Handler { ref event, .. } if event == "change")
        );
    }
}
