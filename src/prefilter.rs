//! Stage 2: decide from the raw bytes whether a file can matter. Every sink the analysis knows
//! is reached through an SDK global's name (`fbq`, `analytics`, `Sentry`…), so a file that never
//! mentions one as a whole word cannot produce a finding: it is counted and skipped unparsed.
//! `--no-prefilter` turns this off, and a test checks both give the same findings.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

pub struct Prefilter {
    matcher: AhoCorasick,
    /// The needles are globals: a mention as another object's property does not count.
    globals: bool,
}

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
        while let Some(m) = self.matcher.find(Input::new(text).range(at..)) {
            let before_ok = m.start() == 0 || !is_ident_byte(text[m.start() - 1]);
            let after_ok = m.end() == text.len() || !is_ident_byte(text[m.end()]);
            let foreign = self.globals && is_foreign_property(text, m.start(), m.end());
            if before_ok && after_ok && !foreign {
                return Some(&text[m.start()..m.end()]);
            }
            at = m.start() + 1;
        }
        None
    }
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
    // `(window as any).fbq`, `w[0].fbq`: what the object is cannot be told here.
    begin < end
        && !matches!(
            &text[begin..end],
            b"window" | b"globalThis" | b"self" | b"top" | b"parent" | b"frames"
        )
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
