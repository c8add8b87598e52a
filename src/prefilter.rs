//! Stage 2: decide from the raw bytes whether a file can matter. Every sink the analysis knows
//! is reached through an SDK global's name (`fbq`, `analytics`, `Sentry`…), so a file that never
//! mentions one as a whole word cannot produce a finding: it is counted and skipped unparsed.
//! Mentions that cannot be the global do not count: another object's property (`el.drift`), a
//! comment, an object key, a quoted word, prose in a string, and on a minified line a short name
//! (`ga`, `FS`) not used as its SDK is (there it is the minifier's local name).
//! `--no-prefilter` turns this off, and a test checks both give the same findings.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

pub struct Prefilter {
    matcher: AhoCorasick,
    /// The needles are globals: a mention as another object's property does not count.
    globals: bool,
    /// Short global names (`ga`, `hj`, `FS`) and the members their SDK is called through: in
    /// minified code they are also the minifier's local names (`function ga(t){…}`).
    short_members: std::collections::HashMap<Vec<u8>, Vec<Vec<u8>>>,
}

/// Needles this short are checked for an SDK-like use on minified lines.
const SHORT_NAME: usize = 3;
/// A line this long is minified code.
const MINIFIED_LINE: usize = 1000;

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

impl Prefilter {
    /// A prefilter for SDK globals (see [`is_foreign_property`]).
    pub fn for_globals<'a>(needles: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            globals: true,
            ..Self::new(needles)
        }
    }

    /// Adds, for the short global names among the needles, the members their SDK is called
    /// through (`FS.identify`): on a minified line such a name counts only when used so, called
    /// with a literal first argument (`ga('send', …)`, `ym(123, 'reachGoal')`) or read from the
    /// global object (`window.ga`).
    pub fn with_short_members<'a>(
        mut self,
        members: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Self {
        for (root, member) in members {
            if root.len() <= SHORT_NAME {
                let list = self
                    .short_members
                    .entry(root.as_bytes().to_vec())
                    .or_default();
                if !member.is_empty() && !list.iter().any(|m| m == member.as_bytes()) {
                    list.push(member.as_bytes().to_vec());
                }
            }
        }
        self
    }

    /// A prefilter for any whole-word mention of the needles.
    pub fn new<'a>(needles: impl IntoIterator<Item = &'a str>) -> Self {
        let mut needles: Vec<&str> = needles.into_iter().collect();
        needles.sort_unstable();
        needles.dedup();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&needles)
            .expect("SDK globals form a valid pattern set");
        Self {
            matcher,
            globals: false,
            short_members: Default::default(),
        }
    }

    /// True when the text mentions any needle as a whole identifier.
    ///
    /// Leftmost-longest search, restarted one byte after a match that is part of a longer word:
    /// every start position is still tried, and a shorter needle at the same start cannot be a
    /// whole word where the longest one is not.
    pub fn may_match(&self, text: &[u8]) -> bool {
        self.first_word(text).is_some()
    }

    /// The first needle the text mentions as a whole identifier.
    pub fn first_word<'t>(&self, text: &'t [u8]) -> Option<&'t [u8]> {
        let mut at = 0;
        let mut line = (0, 0);
        while let Some(m) = self.matcher.find(Input::new(text).range(at..)) {
            let before_ok = m.start() == 0 || !is_ident_byte(text[m.start() - 1]);
            let after_ok = m.end() == text.len() || !is_ident_byte(text[m.end()]);
            let foreign = self.globals && is_foreign_property(text, m.start(), m.end());
            if before_ok
                && after_ok
                && !foreign
                && !(self.globals && not_code_use(text, m.start(), m.end()))
                && self.short_name_used(text, m.start(), m.end(), &mut line)
            {
                return Some(&text[m.start()..m.end()]);
            }
            at = m.start() + 1;
        }
        None
    }

    /// False for a short global name on a minified line that is not used as its SDK is: there
    /// it is most likely a minifier's local name. `line` caches the current line's bounds.
    fn short_name_used(
        &self,
        text: &[u8],
        start: usize,
        end: usize,
        line: &mut (usize, usize),
    ) -> bool {
        let Some(members) = self.short_members.get(&text[start..end]) else {
            return true;
        };
        if !(line.0 <= start && start < line.1) {
            let from = text[..start]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let to = text[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |i| start + i);
            *line = (from, to);
        }
        if line.1 - line.0 < MINIFIED_LINE {
            return true;
        }
        if start > 0 && text[start - 1] == b'.' {
            return true; // `window.ga`: is_foreign_property let only the global objects through
        }
        let rest = &text[end..line.1];
        let after = |i: usize| rest.get(i).copied();
        match after(0) {
            Some(b'(') => matches!(after(1), Some(b'\'' | b'"' | b'`' | b'0'..=b'9')),
            Some(b'.') => {
                let name_end = rest[1..]
                    .iter()
                    .position(|&b| !is_ident_byte(b))
                    .map_or(rest.len(), |i| i + 1);
                members.iter().any(|m| m.as_slice() == &rest[1..name_end])
            }
            _ => false,
        }
    }
}

/// Mentions of a global's name that are not the global: a line comment (`// drift method`), a
/// block comment's line (` * the amplitude attribute`), an object key or property declaration
/// (`drift: bind(…)`, `{ analytics: s } = …`, `amplitude?: number`), and a word of prose in a
/// string (`"may use that data for analytics, logging"`). Names only: quoted package names and
/// beacon hosts are not judged.
fn not_code_use(text: &[u8], start: usize, end: usize) -> bool {
    if !text[start..end].iter().all(|&b| is_ident_byte(b)) {
        return false;
    }
    // `"amplitude"` in a list of strings, `support@mixpanel.com`: not `window['fbq']`.
    let quote = |b: u8| matches!(b, b'\'' | b'"' | b'`');
    if start > 0 && quote(text[start - 1]) && end < text.len() && text[end] == text[start - 1] {
        return !(start > 1 && text[start - 2] == b'[');
    }
    if start > 0 && text[start - 1] == b'@' {
        return true;
    }
    let line_start = text[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let before = &text[line_start..start];
    let lead = before.iter().position(|b| !b.is_ascii_whitespace());
    let head = lead.map_or(&b""[..], |i| &before[i..]);
    // A comment line, or a `//` comment earlier on the line (not a URL's `://`).
    if head.starts_with(b"//") || head.starts_with(b"*") || head.starts_with(b"/*") {
        return true;
    }
    if before
        .windows(3)
        .any(|w| w[1] == b'/' && w[2] == b'/' && matches!(w[0], b' ' | b'\t' | b';' | b'}' | b')'))
    {
        return true;
    }
    let prev = before
        .iter()
        .rev()
        .find(|b| !b.is_ascii_whitespace())
        .copied();
    let after = &text[end..text.len().min(end + 64)];
    let next_at = after.iter().position(|b| !matches!(b, b' ' | b'\t'));
    // `{ drift: …`, `, analytics: s`, `amplitude?: number;` (not `a ? analytics : b`).
    let key_follows = match next_at {
        Some(i) if after[i] == b':' => after.get(i + 1) != Some(&b':'),
        Some(i) if after[i] == b'?' => after.get(i + 1) == Some(&b':'),
        _ => false,
    };
    if key_follows && matches!(prev, None | Some(b'{' | b',' | b';')) {
        return true;
    }
    // Prose: a word and a space before, a space (or `, `) and a word after, the word before
    // being no keyword (`import analytics from`, `typeof heap`).
    let word_before = {
        let trimmed = before.strip_suffix(b" ").unwrap_or(&[]);
        let from = trimmed
            .iter()
            .rposition(|&b| !b.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        &trimmed[from..]
    };
    let prose_after = match after {
        [b' ', c, ..] | [b',', b' ', c, ..] => c.is_ascii_alphabetic(),
        _ => false,
    };
    prose_after
        && !word_before.is_empty()
        && !matches!(
            word_before,
            b"import"
                | b"export"
                | b"return"
                | b"typeof"
                | b"await"
                | b"new"
                | b"case"
                | b"in"
                | b"of"
                | b"instanceof"
                | b"void"
                | b"delete"
                | b"yield"
                | b"const"
                | b"let"
                | b"var"
                | b"default"
                | b"extends"
                | b"else"
                | b"do"
                | b"as"
                | b"throw"
                | b"function"
                | b"class"
                | b"async"
                | b"static"
                | b"get"
                | b"set"
                | b"declare"
                | b"type"
                | b"interface"
                | b"module"
                | b"namespace"
                | b"readonly"
                | b"public"
                | b"private"
                | b"protected"
                | b"implements"
                | b"keyof"
                | b"unique"
        )
}

/// `chart.drift(…)`, `node.heap`: a name read as a property of some other object is not the
/// global (only `window.x`, `globalThis.x`, `self.x`, `top.x`, `parent.x` and `frames.x` are).
/// Plugin globals (`this.$posthog`) and quoted package names are always what they say.
/// Host names (beacon endpoints) are not identifiers: the rule is not theirs.
fn is_foreign_property(text: &[u8], start: usize, end: usize) -> bool {
    if start == 0
        || text[start - 1] != b'.'
        || matches!(text[start], b'$' | b'\'' | b'"' | b'`')
        || text[start..end].contains(&b'.')
    {
        return false;
    }
    let end = start - 1;
    let mut begin = end;
    while begin > 0 && is_ident_byte(text[begin - 1]) {
        begin -= 1;
    }
    // `(window as any).fbq`, `w[0].fbq`: what the object is cannot be told here. A global
    // object's name read as a property is no global object (`this.parent.drift(…)`).
    begin < end
        && (!matches!(
            &text[begin..end],
            b"window" | b"globalThis" | b"self" | b"top" | b"parent" | b"frames"
        ) || (begin > 0 && text[begin - 1] == b'.'))
}

/// APIs through which page code reads personal data (see `analyze/sources.rs`): a file that uses
/// none of them and names nothing sensitive has no source of its own.
const SOURCE_APIS: &[&str] = &[
    "getElement",
    "querySelector",
    "$(",
    "jQuery(",
    "document.forms",
    "FormData",
    "URLSearchParams",
    "searchParams",
    "localStorage",
    "sessionStorage",
    "document.cookie",
    "Cookies.",
    "getCookie",
    "getValues",
    "handleSubmit",
    "<input",
    "<select",
    "<textarea",
    "<form",
    "geolocation",
];

/// True when a script may read personal data: it uses a source API, or a word in it (a name, a
/// property, a string key) is one the sensitive-name catalog recognises. Used to decide whether a
/// file that calls no SDK itself but imports a wrapper module must be analysed.
pub fn may_have_source(
    text: &str,
    names: &crate::catalog::Names,
    functions: &dyn Fn(&str) -> bool,
) -> bool {
    if SOURCE_APIS.iter().any(|api| text.contains(api)) {
        return true;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut prev: Option<&str> = None;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() || b == b'_' || b == b'$' {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'$')
            {
                i += 1;
            }
            let word = &text[start..i];
            let owner = prev.filter(|_| start > 0 && bytes[start - 1] == b'.');
            if functions(word)
                || names
                    .classify(word, owner, crate::catalog::NameSite::Code)
                    .is_some()
            {
                return true;
            }
            prev = Some(word);
        } else {
            i += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let p = Prefilter::new(["fbq", "ga", "analytics"]);
        assert!(p.may_match(b"window.fbq('init')"));
        assert!(p.may_match(b"x;ga('send')"));
        assert!(!p.may_match(b"const gap = 1; myfbq(); analyticsEnabled"));
        assert!(p.may_match(b"gap; ga"));
        assert!(!p.may_match(b""));
    }

    #[test]
    fn comments_keys_strings_and_prose_are_not_the_global() {
        let p = Prefilter::for_globals(["drift", "amplitude", "analytics", "mixpanel", "fbq"]);
        for quiet in [
            "this.parent.drift(dx, dy);",
            "        // Rewrite drift method\n",
            " * The amplitude attribute\n",
            "x(); // calls analytics later\n",
            "    drift: curry(driftRect),\n",
            "const { analytics: s } = opts;",
            "interface A { amplitude?: number; }",
            "['alignment-baseline', 'amplitude', 'ascent']",
            "contact support@mixpanel.com",
            "msg = 'we may use that data for analytics, logging and more';",
        ] {
            assert!(!p.may_match(quiet.as_bytes()), "{quiet}");
        }
        for used in [
            "window['fbq']('init', id);",
            "import analytics from './analytics';",
            "return analytics;",
            "const a = ready ? analytics : null;",
            "typeof mixpanel !== 'undefined' && mixpanel.track('x');",
            "var u = 'https://example.com/x'; fbq('track', 'Lead');",
            "drift.identify(id, { email });",
        ] {
            assert!(p.may_match(used.as_bytes()), "{used}");
        }
    }

    #[test]
    fn short_names_on_minified_lines_need_an_sdk_use() {
        let p = Prefilter::for_globals(["ga", "FS"]).with_short_members([
            ("ga", ""),
            ("FS", "identify"),
            ("FS", "event"),
        ]);
        let minified =
            |code: &str| format!("{}{code}{}", "var a=1;".repeat(150), ";b()".repeat(100));
        assert!(!p.may_match(minified("function ga(t){return t}ga(e,t)").as_bytes()));
        assert!(!p.may_match(minified("FS.readFile(p)").as_bytes()));
        assert!(p.may_match(minified("ga(\"send\",\"event\",c)").as_bytes()));
        assert!(p.may_match(minified("window.ga(e,t)").as_bytes()));
        assert!(p.may_match(minified("FS.identify(u,{email:e})").as_bytes()));
        // Short lines are ordinary code, whatever the use.
        assert!(p.may_match(b"function track(c, d) { ga(c, d); }"));
    }

    #[test]
    fn properties_of_other_objects_are_not_the_global() {
        let p = Prefilter::for_globals(["drift", "$posthog", "facebook.com", "'posthog-js"]);
        assert!(!p.may_match(b"el.drift(dx, dy); this.drift = 0;"));
        assert!(p.may_match(b"window.drift.identify(id)"));
        assert!(p.may_match(b"top.drift.identify(id)"));
        assert!(p.may_match(b"drift.identify(id)"));
        assert!(p.may_match(b"this.$posthog.capture()"));
        assert!(p.may_match(b"img.src = 'https://www.facebook.com/tr?id=1'"));
        assert!(p.may_match(b"import x from 'posthog-js'"));
        assert!(p.may_match(b"(window as any).drift.identify(id)"));
        // Plain word lists (method names) count everywhere.
        assert!(Prefilter::new(["track"]).may_match(b"this.track(1)"));
    }
}
