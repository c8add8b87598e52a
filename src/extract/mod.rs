//! Stage 3: cut the scripts out of a file. A JS/TS file is one block; an HTML page yields its
//! inline `<script>` blocks and `on*=` handler attributes, each with its byte offset so every
//! span the analysis reports points into the original file. Template formats plug in here.

pub mod html;

use crate::source::ByteSpan;

/// The syntax a block is parsed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// JavaScript, with JSX allowed (as bundlers accept it in `.js`).
    Js,
    /// TypeScript without JSX (`<T>x` casts conflict with JSX).
    Ts,
    Tsx,
}

impl Lang {
    pub fn from_extension(ext: &str) -> Option<Lang> {
        match ext {
            "js" | "mjs" | "cjs" | "jsx" => Some(Lang::Js),
            "ts" | "mts" | "cts" => Some(Lang::Ts),
            "tsx" => Some(Lang::Tsx),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A whole file or a `<script>` element.
    Script,
    /// An inline event handler attribute (`onclick="…"`): a function body whose `this` and
    /// `event.target` are the element.
    Handler { event: String, element: usize },
}

/// One piece of script inside a file.
#[derive(Clone, Debug)]
pub struct ScriptBlock {
    /// Where the code sits in the file.
    pub span: ByteSpan,
    pub lang: Lang,
    pub kind: BlockKind,
    /// The code when it differs from the file's bytes (HTML entities decoded in an attribute);
    /// offsets inside it then approximate the original.
    pub decoded: Option<String>,
}

/// An element that declares a form field or displays data: what selectors resolve against.
#[derive(Clone, Debug, Default)]
pub struct ElementFact {
    pub tag: String,
    pub span: ByteSpan,
    pub id: Option<String>,
    pub name: Option<String>,
    pub ty: Option<String>,
    pub autocomplete: Option<String>,
    pub classes: Vec<String>,
}

impl ElementFact {
    /// `input#email (type=email)`: how messages name the element.
    pub fn describe(&self) -> String {
        let mut s = self.tag.clone();
        if let Some(id) = &self.id {
            s.push('#');
            s.push_str(id);
        } else if let Some(name) = &self.name {
            s.push_str(&format!("[name={name}]"));
        }
        let mut extra = Vec::new();
        if let Some(t) = &self.ty {
            if !t.eq_ignore_ascii_case("text") {
                extra.push(format!("type={t}"));
            }
        }
        if let Some(a) = &self.autocomplete {
            extra.push(format!("autocomplete={a}"));
        }
        if !extra.is_empty() {
            s.push_str(&format!(" ({})", extra.join(", ")));
        }
        s
    }
}

#[derive(Debug, Default)]
pub struct Extracted {
    pub blocks: Vec<ScriptBlock>,
    pub elements: Vec<ElementFact>,
}

/// Splits a file into script blocks by its extension; `None` for files the scanner does not read.
pub fn extract(ext: &str, text: &str) -> Option<Extracted> {
    if let Some(lang) = Lang::from_extension(ext) {
        return Some(Extracted {
            blocks: vec![ScriptBlock {
                span: ByteSpan::new(0, text.len() as u32),
                lang,
                kind: BlockKind::Script,
                decoded: None,
            }],
            elements: Vec::new(),
        });
    }
    match ext {
        "html" | "htm" => Some(html::extract(text)),
        _ => None,
    }
}
