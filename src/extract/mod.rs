//! Stage 3: cut the scripts out of a file. A JS/TS file is one block; an HTML page yields its
//! inline `<script>` blocks and `on*=` handler attributes, each with its byte offset so every
//! span the analysis reports points into the original file. Template formats plug in here, one
//! module each; which one reads a file is [`crate::kinds`]'s answer.

pub mod angular;
mod bytes;
pub mod coffee;
pub mod gtm;
pub mod haml;
pub mod html;
mod indent;
pub mod jsx_scripts;
pub mod pug;
pub mod server;
pub mod slim;
pub mod svelte;
pub mod vue;

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
    /// The syntax of a script module by its extension, as written (`crate::kinds` knows which
    /// extensions are JavaScript or TypeScript); `None` for any other file.
    pub fn from_extension(ext: &str) -> Option<Lang> {
        crate::kinds::by_extension(ext)?.script_lang()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A whole file, a `<script>` element, a component's script block or frontmatter.
    Script,
    /// An inline event handler attribute (`onclick="…"`): a function body whose `this` and
    /// `event.target` are the element (`element` indexes [`Extracted::elements`]).
    Handler { event: String, element: usize },
    /// A framework template expression, evaluated in the component's scope after its script
    /// blocks: Vue `@click="…"` / `v-on:click` / `{{ … }}`, Svelte `{…}` / `on:click={…}`,
    /// Angular `(click)="…"` / `{{ … }}`, Astro `{…}`. `event` is set for event bindings, whose
    /// `$event` / `event` / first arrow parameter is an event whose target is `element`.
    TemplateExpr {
        event: Option<String>,
        element: Option<usize>,
    },
}

/// One piece of script inside a file.
#[derive(Clone, Debug)]
pub struct ScriptBlock {
    /// Where the code sits in the file.
    pub span: ByteSpan,
    pub lang: Lang,
    pub kind: BlockKind,
    /// The code when it differs from the file's bytes (HTML entities decoded in an attribute,
    /// CoffeeScript translated); offsets inside it then approximate the original, unless
    /// [`Extracted::offset_maps`] maps them back exactly.
    pub decoded: Option<String>,
}

/// A run of a block's decoded code that stands for bytes of the file: `decoded_len` bytes at
/// `decoded` (from the start of the decoded code) for `file_len` bytes at `file`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OffsetSeg {
    pub decoded: u32,
    pub file: u32,
    pub decoded_len: u32,
    pub file_len: u32,
}

/// Where the positions of a decoded block are in the file: the runs of its code that come from
/// the file (a translated token), in order. Code written by the translation between them maps
/// to the neighbouring run: a span's start to the next run, its end to the previous one.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    segs: Vec<OffsetSeg>,
}

impl OffsetMap {
    /// `segs` must be sorted by their decoded offset.
    pub fn new(segs: Vec<OffsetSeg>) -> Self {
        Self { segs }
    }

    /// The file offset of a span starting at decoded offset `d`.
    pub fn start(&self, d: u32) -> u32 {
        let k = self.segs.partition_point(|s| s.decoded <= d);
        if k > 0 {
            let s = &self.segs[k - 1];
            if d < s.decoded + s.decoded_len.max(1) {
                return s.file + (d - s.decoded).min(s.file_len);
            }
        }
        match self.segs.get(k) {
            Some(next) => next.file,
            None => self.segs.last().map_or(0, |s| s.file + s.file_len),
        }
    }

    /// The file offset of a span ending at decoded offset `d`.
    pub fn end(&self, d: u32) -> u32 {
        let k = self.segs.partition_point(|s| s.decoded < d);
        if k == 0 {
            return self.segs.first().map_or(0, |s| s.file);
        }
        let s = &self.segs[k - 1];
        if d < s.decoded + s.decoded_len {
            s.file + (d - s.decoded).min(s.file_len)
        } else if d == s.decoded + s.decoded_len {
            // The end of a run is the end of what it stands for (a whole `\n` escape).
            s.file + s.file_len
        } else {
            s.file + s.file_len
        }
    }
}

/// An element that declares a form field or displays data: what selectors resolve against.
#[derive(Clone, Debug, Default)]
pub struct ElementFact {
    /// Lowercased tag name.
    pub tag: String,
    /// The start tag.
    pub span: ByteSpan,
    pub id: Option<String>,
    pub name: Option<String>,
    pub ty: Option<String>,
    pub autocomplete: Option<String>,
    pub classes: Vec<String>,
    /// A framework binding of the element's value, as written: `form.email` from
    /// `v-model="form.email"`, `phone` from `bind:value={phone}`, `user.email` from
    /// `[(ngModel)]="user.email"`, `email` from `formControlName="email"`, `email` from
    /// `:value="email"` / `value={email}`.
    pub binding: Option<String>,
    /// Template expressions interpolated inside the element's content (`customer.address` from
    /// `<p class="addr">{{ customer.address }}</p>`): what the element displays.
    pub displays: Vec<String>,
    /// What the field says it holds, for a person: its `placeholder` or `aria-label`.
    pub label: Option<String>,
    /// Replay and autocapture masking markers on the element (`data-hj-suppress`,
    /// `fs-exclude`, `data-private`, `data-clarity-mask`, `ph-no-capture`, …).
    pub masks: Vec<String>,
    /// The `<form>` the field is in, as [`ElementFact::describe`] names it: what
    /// `$(form).serialize()` sends.
    pub form: Option<String>,
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
        } else if let Some(class) = self.classes.first() {
            s.push('.');
            s.push_str(class);
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

/// A server-template output tag inside script code (`{{ customer.email }}`,
/// `<?= $order->getCustomerEmail() ?>`, `<%= current_user.email %>`).
#[derive(Clone, Debug)]
pub struct Interpolation {
    /// The whole tag in the file.
    pub span: ByteSpan,
    /// The expression it prints: `customer.email`, `$order->getCustomerEmail()`.
    pub expr: String,
    /// The template language, for messages: `Liquid`, `PHP`, `ERB`.
    pub dialect: &'static str,
    /// The JavaScript identifier that stands in for the tag in [`Extracted::masked`]: exactly
    /// as long as the tag, so offsets are unchanged (`_$0________________`).
    pub placeholder: String,
}

/// A `<script src=…>` that loads a tracker, recorded for rules about page-scraping SDKs.
#[derive(Clone, Debug)]
pub struct ScriptSrc {
    pub span: ByteSpan,
    pub url: String,
}

#[derive(Debug, Default)]
pub struct Extracted {
    pub blocks: Vec<ScriptBlock>,
    pub elements: Vec<ElementFact>,
    pub interpolations: Vec<Interpolation>,
    /// The text script blocks are cut from when it is not the file's own: server-template tags
    /// replaced by spaces (statements) or placeholders (outputs). Always as long as the file,
    /// byte for byte at the same offsets, so every span is shared.
    pub masked: Option<String>,
    pub script_srcs: Vec<ScriptSrc>,
    /// An Angular component's `templateUrl`, as written: its template's bindings and handlers
    /// belong to this component.
    pub template_url: Option<String>,
    /// Exact positions of decoded blocks, by block index.
    pub offset_maps: Vec<(usize, OffsetMap)>,
    /// What could not be read into script blocks (a CoffeeScript file whose tokens do not
    /// close): the offset and why; reported as parse errors.
    pub errors: Vec<(u32, String)>,
}

impl Extracted {
    /// The text blocks are parsed from.
    pub fn code_text<'t>(&'t self, file_text: &'t str) -> &'t str {
        self.masked.as_deref().unwrap_or(file_text)
    }

    /// The offset map of block `i`, if its decoded code has one.
    pub fn offset_map(&self, i: usize) -> Option<&OffsetMap> {
        self.offset_maps
            .iter()
            .find(|(b, _)| *b == i)
            .map(|(_, m)| m)
    }
}

/// Splits a file into script blocks by its name (`checkout.html`, `x.component.html`,
/// `page.blade.php`), with the extractor its kind in [`crate::kinds`] names; `None` for files
/// the scanner does not read.
pub fn extract_named(file_name: &str, text: &str) -> Option<Extracted> {
    crate::kinds::of_name(file_name)?.extract(text)
}

/// A `.js` file that is really a page or a PHP snippet (a tag snippet pasted as is, a WordPress
/// hook that does `echo '<script>…</script>'`), read as such: PHP when it has `<?php` or PHP code
/// printing a script from a string literal, an HTML page otherwise. `None` unless a line starts
/// with markup (`<script`, `<!--`, `<?php`) and the file holds a `<script`. The driver turns to
/// this only for a file that does not parse as JavaScript, and keeps it only when one of its
/// blocks parses, so a script with a genuine syntax error is still reported.
pub fn misnamed_markup(text: &str) -> Option<Extracted> {
    let starts_ci = |s: &str, p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let markup_line = text.lines().any(|l| {
        let t = l.trim_start();
        starts_ci(t, "<script") || t.starts_with("<!--") || starts_ci(t, "<?php")
    });
    let lower = text.to_ascii_lowercase();
    if !markup_line || !lower.contains("<script") {
        return None;
    }
    if lower.contains("<?php") || text.contains("<?=") {
        return Some(server::extract(text, server::ServerDialect::Php));
    }
    server::extract_php_snippet(text).or_else(|| Some(html::extract(text)))
}

/// A JavaScript or TypeScript file: one script block, the whole file.
pub fn script(text: &str, lang: Lang) -> Extracted {
    let mut blocks = vec![ScriptBlock {
        span: ByteSpan::new(0, text.len() as u32),
        lang,
        kind: BlockKind::Script,
        decoded: None,
    }];
    // JSX can hold inline scripts as template literals (`<Script>{`…`}</Script>`).
    if lang != Lang::Ts {
        blocks.extend(jsx_scripts::inline_scripts(text));
    }
    Extracted {
        blocks,
        ..Default::default()
    }
}

/// Helpers the extractors' tests share.
#[cfg(test)]
pub(crate) mod testing {
    use super::{BlockKind, Extracted};
    use crate::source::ByteSpan;

    /// The text a span covers.
    pub fn slice(text: &str, span: ByteSpan) -> &str {
        &text[span.start as usize..span.end as usize]
    }

    /// Template expressions as (event, element tag, code as parsed: decoded when it had to be).
    pub fn exprs(text: &str, ex: &Extracted) -> Vec<(Option<String>, Option<String>, String)> {
        ex.blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::TemplateExpr { event, element } => Some((
                    event.clone(),
                    element.map(|i| ex.elements[i].tag.clone()),
                    b.decoded
                        .clone()
                        .unwrap_or_else(|| slice(text, b.span).to_string()),
                )),
                _ => None,
            })
            .collect()
    }
}
