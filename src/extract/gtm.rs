//! Google Tag Manager container exports (`*.json` with a `"containerVersion"`): the code a
//! container runs on the site is in its custom HTML tags (`"type": "html"`, the `html`
//! parameter: a page fragment with `<script>` elements) and its Custom JavaScript variables
//! (`"type": "jsm"`, the `javascript` parameter: `function() { … }`). Both are JSON strings, so
//! each is unescaped, with a map from every unescaped byte back to the file (an escape such as
//! `\u003c` or `\n` is one character standing for its whole escape), and read: the fragment as
//! an HTML page, the function as an expression. A variable reference `{{DLV - email}}` is what
//! GTM puts there: a placeholder recorded as an [`Interpolation`] named by the variable (and,
//! for a data layer variable, the data layer key it reads), so its name says what it holds.
//!
//! Any other JSON file is no export: [`is_export`] looks for `"containerVersion"` near the start
//! before a `.json` file is read at all.

use super::{BlockKind, Extracted, Interpolation, Lang, OffsetMap, OffsetSeg, ScriptBlock};
use crate::source::ByteSpan;
use std::collections::HashMap;

/// The first bytes of a file [`is_export`] looks at.
pub const HEAD: usize = 4096;

/// True when the first bytes of a JSON file name a container version, as an export does at its
/// top (`"exportFormatVersion": 2, "exportTime": …, "containerVersion": {`).
pub fn is_export(head: &[u8]) -> bool {
    let head = &head[..head.len().min(HEAD)];
    head.windows(b"\"containerVersion\"".len())
        .any(|w| w == b"\"containerVersion\"")
}

/// Reads an export: its custom HTML tags and Custom JavaScript variables.
pub fn extract(text: &str) -> Extracted {
    let mut out = Extracted::default();
    let Some(root) = Parser::new(text).document() else {
        let at = text.find("\"containerVersion\"").unwrap_or(0);
        out.errors
            .push((at as u32, "the tag-manager export is not valid JSON".into()));
        return out;
    };
    let Some(version) = root.get("containerVersion") else {
        return out;
    };
    let names = variable_exprs(version);
    let mut reader = Reader {
        out,
        names,
        next_placeholder: 0,
    };
    for list in ["tag", "trigger", "variable"] {
        let Some(Json::Arr(entries)) = version.get(list) else {
            continue;
        };
        for entry in entries {
            match entry.get("type").and_then(Json::str) {
                Some("html") => {
                    if let Some(s) = parameter(entry, "html") {
                        reader.html(text, s);
                    }
                }
                Some("jsm") => {
                    if let Some(s) = parameter(entry, "javascript") {
                        reader.javascript(text, s);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = reader.out;
    // Blocks in file order, each with its offset map (maps go by block index).
    let mut maps: HashMap<usize, OffsetMap> = out.offset_maps.drain(..).collect();
    let mut blocks: Vec<(ScriptBlock, Option<OffsetMap>)> = std::mem::take(&mut out.blocks)
        .into_iter()
        .enumerate()
        .map(|(i, b)| (b, maps.remove(&i)))
        .collect();
    blocks.sort_by_key(|(b, _)| b.span.start);
    for (i, (b, map)) in blocks.into_iter().enumerate() {
        out.blocks.push(b);
        if let Some(map) = map {
            out.offset_maps.push((i, map));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The container

/// The value of an entry's `parameter[]` with this key: a string as written in the file.
fn parameter<'j>(entry: &'j Json, key: &str) -> Option<&'j JsonStr> {
    let Some(Json::Arr(params)) = entry.get("parameter") else {
        return None;
    };
    params.iter().find_map(|p| {
        if p.get("key").and_then(Json::str) != Some(key) {
            return None;
        }
        match p.get("value") {
            Some(Json::Str(s)) => Some(s),
            _ => None,
        }
    })
}

/// What each variable a reference names reads, spelled for judging: its name, and for a data
/// layer variable (`"type": "v"`) the key it reads (`DLV - email user.email`).
fn variable_exprs(version: &Json) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Some(Json::Arr(vars)) = version.get("variable") else {
        return out;
    };
    for v in vars {
        let Some(name) = v.get("name").and_then(Json::str) else {
            continue;
        };
        let key = match v.get("type").and_then(Json::str) {
            Some("v") => parameter(v, "name").map(|s| s.value.clone()),
            _ => None,
        };
        let expr = match key {
            Some(k) if !k.is_empty() => format!("{name} {k}"),
            _ => name.to_string(),
        };
        out.insert(name.to_string(), expr);
    }
    out
}

struct Reader {
    out: Extracted,
    names: HashMap<String, String>,
    next_placeholder: usize,
}

impl Reader {
    /// A custom HTML tag: the fragment read as a page.
    fn html(&mut self, text: &str, s: &JsonStr) {
        let (decoded, map) = unescape(text, s);
        let (masked, refs) = self.mask_references(&decoded);
        let page = super::html::extract(&masked);
        let js: Vec<(usize, usize)> = page
            .blocks
            .iter()
            .map(|b| (b.span.start as usize, b.span.end as usize))
            .collect();
        for (start, end, placeholder, name) in refs {
            if js.iter().any(|&(s, e)| s <= start && end <= e) {
                self.reference(&map, start, end, placeholder, name);
            }
        }
        let base = self.out.elements.len();
        for mut el in page.elements {
            el.span = map.span(el.span.start as usize, el.span.end as usize);
            self.out.elements.push(el);
        }
        for mut src in page.script_srcs {
            src.span = map.span(src.span.start as usize, src.span.end as usize);
            self.out.script_srcs.push(src);
        }
        for b in page.blocks {
            let (start, end) = (b.span.start as usize, b.span.end as usize);
            let code = b.decoded.unwrap_or_else(|| masked[start..end].to_string());
            let kind = match b.kind {
                BlockKind::Handler { event, element } => BlockKind::Handler {
                    event,
                    element: element + base,
                },
                BlockKind::TemplateExpr { event, element } => BlockKind::TemplateExpr {
                    event,
                    element: element.map(|e| e + base),
                },
                BlockKind::Script => BlockKind::Script,
            };
            self.block(&map, start, end, 0, code, b.lang, kind);
        }
    }

    /// A Custom JavaScript variable: `function() { … }`, read as an expression.
    fn javascript(&mut self, text: &str, s: &JsonStr) {
        let (decoded, map) = unescape(text, s);
        let (masked, refs) = self.mask_references(&decoded);
        for (start, end, placeholder, name) in refs {
            self.reference(&map, start, end, placeholder, name);
        }
        let code = format!("({masked}\n)");
        self.block(&map, 0, masked.len(), 1, code, Lang::Js, BlockKind::Script);
    }

    /// Replaces every variable reference `{{Name}}` in `decoded` by a placeholder as long:
    /// the masked code and each reference's range, placeholder and expression.
    fn mask_references(&mut self, decoded: &str) -> (String, Vec<(usize, usize, String, String)>) {
        let mut masked = decoded.to_string();
        let mut refs = Vec::new();
        let mut i = 0;
        while let Some(k) = decoded[i..].find("{{").map(|k| k + i) {
            let Some(close) = decoded[k + 2..]
                .find("}}")
                .map(|c| c + k + 2)
                .filter(|&c| c - k < 256 && !decoded[k + 2..c].contains(['\n', '{', '}']))
            else {
                i = k + 2;
                continue;
            };
            let end = close + 2;
            let name = decoded[k + 2..close].trim();
            let mut placeholder = format!("_${}", self.next_placeholder);
            if name.is_empty() || placeholder.len() > end - k {
                i = end;
                continue;
            }
            self.next_placeholder += 1;
            while placeholder.len() < end - k {
                placeholder.push('_');
            }
            masked.replace_range(k..end, &placeholder);
            let expr = self
                .names
                .get(name)
                .cloned()
                .unwrap_or_else(|| name.to_string());
            refs.push((k, end, placeholder, expr));
            i = end;
        }
        (masked, refs)
    }

    fn reference(
        &mut self,
        map: &Map,
        start: usize,
        end: usize,
        placeholder: String,
        expr: String,
    ) {
        self.out.interpolations.push(Interpolation {
            span: map.span(start, end),
            expr,
            dialect: "GTM",
            placeholder,
        });
    }

    /// A block of code: decoded bytes `start..end` of a string whose map is `map`, as `code`,
    /// which has `lead` bytes of its own before them.
    #[allow(clippy::too_many_arguments)]
    fn block(
        &mut self,
        map: &Map,
        start: usize,
        end: usize,
        lead: u32,
        code: String,
        lang: Lang,
        kind: BlockKind,
    ) {
        let segs: Vec<OffsetSeg> = map
            .segs
            .iter()
            .filter_map(|s| {
                let (ds, de) = (s.decoded as usize, (s.decoded + s.decoded_len) as usize);
                let (lo, hi) = (ds.max(start), de.min(end));
                if lo >= hi {
                    return None;
                }
                let whole = s.decoded_len != s.file_len;
                Some(if whole {
                    // An escape is one piece: the whole of it or nothing.
                    OffsetSeg {
                        decoded: (lo - start) as u32 + lead,
                        file: s.file,
                        decoded_len: (hi - lo) as u32,
                        file_len: s.file_len,
                    }
                } else {
                    OffsetSeg {
                        decoded: (lo - start) as u32 + lead,
                        file: s.file + (lo - ds) as u32,
                        decoded_len: (hi - lo) as u32,
                        file_len: (hi - lo) as u32,
                    }
                })
            })
            .collect();
        let span = map.span(start, end);
        let index = self.out.blocks.len();
        self.out.blocks.push(ScriptBlock {
            span,
            lang,
            kind,
            decoded: Some(code),
        });
        self.out.offset_maps.push((index, OffsetMap::new(segs)));
    }
}

// ---------------------------------------------------------------------------------------------
// JSON strings and their positions

/// A JSON string: its value, and where its contents (inside the quotes) are in the file.
#[derive(Debug)]
struct JsonStr {
    value: String,
    start: usize,
    end: usize,
}

/// Where the bytes of an unescaped string are in the file: runs of bytes written as they are,
/// and escapes (each one character, standing for its whole escape).
struct Map {
    segs: Vec<OffsetSeg>,
}

impl Map {
    /// The file span of decoded bytes `start..end`.
    fn span(&self, start: usize, end: usize) -> ByteSpan {
        let m = OffsetMap::new(self.segs.clone());
        let s = m.start(start as u32);
        ByteSpan::new(s, m.end(end as u32).max(s))
    }
}

/// The string's value with the map of its bytes.
fn unescape(text: &str, s: &JsonStr) -> (String, Map) {
    let b = text.as_bytes();
    let mut out = String::with_capacity(s.end - s.start);
    let mut segs: Vec<OffsetSeg> = Vec::new();
    let mut i = s.start;
    let push =
        |segs: &mut Vec<OffsetSeg>, decoded: usize, d_len: usize, file: usize, f_len: usize| {
            let plain = d_len == f_len;
            if let Some(last) = segs.last_mut() {
                let last_plain = last.decoded_len == last.file_len;
                if plain
                    && last_plain
                    && (last.decoded + last.decoded_len) as usize == decoded
                    && (last.file + last.file_len) as usize == file
                {
                    last.decoded_len += d_len as u32;
                    last.file_len += f_len as u32;
                    return;
                }
            }
            segs.push(OffsetSeg {
                decoded: decoded as u32,
                file: file as u32,
                decoded_len: d_len as u32,
                file_len: f_len as u32,
            });
        };
    while i < s.end {
        if b[i] != b'\\' {
            let n = b[i..s.end].iter().take_while(|&&c| c != b'\\').count();
            push(&mut segs, out.len(), n, i, n);
            out.push_str(&text[i..i + n]);
            i += n;
            continue;
        }
        let (ch, len) = escape(b, i, s.end);
        let at = out.len();
        out.push(ch);
        push(&mut segs, at, ch.len_utf8(), i, len);
        i += len;
    }
    (out, Map { segs })
}

/// The character an escape at `i` stands for and the escape's length.
fn escape(b: &[u8], i: usize, end: usize) -> (char, usize) {
    let hex = |at: usize| -> Option<u32> {
        let h = b.get(at..at + 4).filter(|_| at + 4 <= end)?;
        u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    };
    match b.get(i + 1) {
        Some(b'n') => ('\n', 2),
        Some(b't') => ('\t', 2),
        Some(b'r') => ('\r', 2),
        Some(b'b') => ('\u{8}', 2),
        Some(b'f') => ('\u{c}', 2),
        Some(b'u') => match hex(i + 2) {
            Some(hi @ 0xD800..=0xDBFF) if b.get(i + 6..i + 8) == Some(b"\\u") => match hex(i + 8) {
                Some(lo @ 0xDC00..=0xDFFF) => {
                    let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                    (char::from_u32(c).unwrap_or('\u{FFFD}'), 12)
                }
                _ => ('\u{FFFD}', 6),
            },
            Some(c) => (char::from_u32(c).unwrap_or('\u{FFFD}'), 6),
            None => ('\u{FFFD}', 2.min(end - i)),
        },
        Some(&c) if i + 1 < end && c.is_ascii() => (c as char, 2),
        _ => ('\\', 1),
    }
}

/// A JSON value, with the positions of strings.
#[derive(Debug)]
enum Json {
    Obj(Vec<(String, Json)>),
    Arr(Vec<Json>),
    Str(JsonStr),
    Other,
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(&s.value),
            _ => None,
        }
    }
}

/// Nesting deeper than this is not an export.
const MAX_DEPTH: usize = 128;

struct Parser<'t> {
    text: &'t str,
    b: &'t [u8],
    i: usize,
}

impl<'t> Parser<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            b: text.as_bytes(),
            i: 0,
        }
    }

    fn document(&mut self) -> Option<Json> {
        self.ws();
        // A byte-order mark.
        if self.text[self.i..].starts_with('\u{feff}') {
            self.i += 3;
        }
        let v = self.value(0)?;
        self.ws();
        (self.i == self.b.len()).then_some(v)
    }

    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Some(Json::Obj(members));
                }
                loop {
                    self.ws();
                    let key = self.string()?.value;
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return None;
                    }
                    self.i += 1;
                    let v = self.value(depth + 1)?;
                    members.push((key, v));
                    self.ws();
                    match self.b.get(self.i)? {
                        b',' => self.i += 1,
                        b'}' => {
                            self.i += 1;
                            return Some(Json::Obj(members));
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Some(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.b.get(self.i)? {
                        b',' => self.i += 1,
                        b']' => {
                            self.i += 1;
                            return Some(Json::Arr(items));
                        }
                        _ => return None,
                    }
                }
            }
            b'"' => self.string().map(Json::Str),
            _ => {
                let n = self.b[self.i..]
                    .iter()
                    .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'+' | b'.'))
                    .count();
                if n == 0 {
                    return None;
                }
                self.i += n;
                Some(Json::Other)
            }
        }
    }

    fn string(&mut self) -> Option<JsonStr> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        let start = self.i + 1;
        let mut i = start;
        while i < self.b.len() {
            match self.b[i] {
                b'\\' => i += 2,
                b'"' => {
                    self.i = i + 1;
                    let s = JsonStr {
                        value: String::new(),
                        start,
                        end: i,
                    };
                    let value = unescape(self.text, &s).0;
                    return Some(JsonStr { value, ..s });
                }
                _ => i += 1,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::slice;

    /// An export with `html` as a tag's custom HTML and `js` as a variable's code, both written
    /// as JSON strings (escaped here).
    fn export(html: &str, js: &str) -> String {
        let q = |s: &str| serde_json::to_string(s).unwrap();
        format!(
            r#"{{
    "exportFormatVersion": 2,
    "containerVersion": {{
        "tag": [
            {{ "name": "Pixel", "type": "html", "parameter": [
                {{ "type": "TEMPLATE", "key": "html", "value": {} }},
                {{ "type": "BOOLEAN", "key": "supportDocumentWrite", "value": "false" }}
            ] }},
            {{ "name": "GA4", "type": "gaawe", "parameter": [ {{ "type": "TEMPLATE", "key": "eventName", "value": "x" }} ] }}
        ],
        "variable": [
            {{ "name": "DLV - email", "type": "v", "parameter": [ {{ "type": "TEMPLATE", "key": "name", "value": "user.email" }} ] }},
            {{ "name": "JS - hashed", "type": "jsm", "parameter": [ {{ "type": "TEMPLATE", "key": "javascript", "value": {} }} ] }}
        ]
    }}
}}"#,
            q(html)
                .replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('é', "\\u00e9"),
            q(js)
        )
    }

    fn parse_all(ex: &Extracted, text: &str) {
        for (i, block) in ex.blocks.iter().enumerate() {
            let map = ex.offset_map(i);
            assert!(map.is_some());
            if let Err(e) = crate::parse::parse_block_mapped(text, block, 0, map) {
                panic!("{}:\n{:?}", e.message, block.decoded);
            }
        }
    }

    #[test]
    fn custom_html_tags_and_variables() {
        let text = export(
            "<script>\n  fbq('init', '123', { em: {{DLV - email}} });\n  fbq('track', 'PageView', { url: '{{Page URL}}' });\n</script>\n<script src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>",
            "function() {\n  return {{DLV - email}}.toLowerCase();\n}",
        );
        assert!(is_export(text.as_bytes()));
        let ex = extract(&text);
        parse_all(&ex, &text);
        assert_eq!(ex.blocks.len(), 2);
        let refs: Vec<(&str, &str)> = ex
            .interpolations
            .iter()
            .map(|i| (slice(&text, i.span), i.expr.as_str()))
            .collect();
        assert_eq!(
            refs,
            [
                ("{{DLV - email}}", "DLV - email user.email"),
                ("{{Page URL}}", "Page URL"),
                ("{{DLV - email}}", "DLV - email user.email"),
            ]
        );
        assert_eq!(ex.script_srcs.len(), 1);
        assert_eq!(
            slice(&text, ex.script_srcs[0].span),
            "\\u003cscript src=\\\"https://connect.facebook.net/en_US/fbevents.js\\\"\\u003e"
        );
        // The script's code, escapes and all.
        let script = &ex.blocks[0];
        assert!(slice(&text, script.span).starts_with("\\n  fbq('init'"));
        assert!(slice(&text, script.span).ends_with("});\\n"));
        assert_eq!(
            ex.blocks[1].decoded.as_deref().unwrap().chars().next(),
            Some('(')
        );
    }

    #[test]
    fn spans_of_parsed_code_point_at_the_file() {
        let text = export(
            "<script>\n\tvar a = \"é\";\n\tttq.identify({ email: {{DLV - email}} });\n</script>",
            "function(){ return 1 }",
        );
        let ex = extract(&text);
        parse_all(&ex, &text);
        let map = ex.offset_map(0).unwrap();
        let code = ex.blocks[0].decoded.as_deref().unwrap();
        let at = code.find("ttq.identify").unwrap() as u32;
        let start = map.start(at) as usize;
        assert!(text[start..].starts_with("ttq.identify({ email: {{DLV - email}} });"));
        let tab = code.find('\t').unwrap() as u32;
        assert_eq!(
            &text[map.start(tab) as usize..map.end(tab + 1) as usize],
            "\\t"
        );
        let e = code.find('é').unwrap() as u32;
        assert_eq!(
            &text[map.start(e) as usize..map.end(e + 2) as usize],
            "\\u00e9"
        );
    }

    #[test]
    fn other_json_is_nothing() {
        for text in [
            "{\"name\": \"x\", \"scripts\": {\"fbq\": \"fbq('init')\"}}",
            "{\"fields\": [\"containerVersion\", \"tag\"]}",
            "{\"containerVersion\": {\"tag\": [{\"type\": \"img\"}]}}",
            "[]",
        ] {
            let ex = extract(text);
            assert!(ex.blocks.is_empty() && ex.errors.is_empty(), "{text}");
        }
        assert!(!is_export(b"{\"name\": \"x\"}"));
        let ex = extract("{\"containerVersion\": {\"tag\": [");
        assert_eq!(ex.errors.len(), 1);
    }

    #[test]
    fn truncated_exports_never_panic() {
        let sample = export(
            "<script>fbq('init', '1', {em: '{{DLV - email}}'}); var s = \"\\ud83d\\ude00 ü {{x\";</script><input id=\"e\" onblur=\"ttq.identify({email: this.value})\">",
            "function(){ return {{JS - hashed}} + '\\u00e9 {{'; }",
        );
        for (cut_at, _) in sample.char_indices() {
            for text in [&sample[..cut_at], &sample[cut_at..]] {
                let ex = extract(text);
                for it in &ex.interpolations {
                    assert!(it.span.end as usize <= text.len());
                }
                for b in &ex.blocks {
                    assert!(b.span.start <= b.span.end && b.span.end as usize <= text.len());
                }
            }
        }
        let ex = extract(&sample);
        assert_eq!(ex.elements.len(), 1);
        assert!(ex
            .blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Handler { .. })));
        parse_all(&ex, &sample);
    }
}
