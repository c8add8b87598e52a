//! File kinds, in one table: what a file is by its name, and what overshare does with it.
//!
//! The walker selects every kind listed in [`KINDS`]. A kind overshare reads names the extractor
//! that cuts its scripts, fields and server outputs out of it, and where the name is not enough,
//! the content that has it read another way (Jinja tags in an `.html` page). The rest of the
//! pipeline asks the kind, not the extension: whether the file is read at all, whether it is a
//! script module (JavaScript or TypeScript, analysed whole, its imports followed), whether its
//! markup declares fields other files' scripts select, and whether it is a known format not read
//! yet (reported when it names a tracker in script).
//!
//! Adding a template language is one entry here and one extractor module under `extract/`.

use crate::extract::server::{self, ServerDialect};
use crate::extract::{angular, coffee, gtm, haml, html, pug, slim, svelte, vue, Extracted, Lang};
use std::path::Path;

/// An extractor: reads a file's text into script blocks, fields and server outputs.
pub type Extract = fn(&str) -> Extracted;

/// What overshare does with a kind of file.
#[derive(Clone, Copy, Debug)]
pub enum Read {
    /// JavaScript or TypeScript in this syntax: the whole file is one script block (with the
    /// inline scripts of JSX `<Script>` elements), and a script module: imports resolve to it.
    Module(Lang),
    /// A script language translated to JavaScript (CoffeeScript) by this extractor: analysed,
    /// but no module imports are followed into, and no markup.
    Translated(Extract),
    /// A page, a component or a server template, read by this extractor: its elements declare
    /// fields that other files' scripts select.
    Markup(Extract),
    /// A known format overshare does not read yet (JSP, Velocity, Marko…): a file of it that names a
    /// tracker in script is reported as not analysed. `all_script` when the format is script
    /// throughout (no markup around the code), so any tracker it names is in script.
    NotYet { all_script: bool },
}

/// Content that has a file read by another extractor than its name says: (test, extractor).
pub type Sniff = (fn(&str) -> bool, Extract);

/// One kind of file.
#[derive(Clone, Copy, Debug)]
pub struct FileKind {
    /// The format's name: "JavaScript", "Blade", "Pug (Jade)". Unread formats are reported by it.
    pub name: &'static str,
    /// The endings of the file name that select it, lowercase, without the leading dot: `js`,
    /// `blade.php`. The longest ending a name has wins (`x.blade.php` is Blade, not PHP).
    pub suffixes: &'static [&'static str],
    pub read: Read,
    /// Content read with another extractor, tested before the kind's own.
    pub sniff: Option<Sniff>,
    /// The editor's quick fix writes a suppression directive above a line of its markup as an
    /// HTML comment (`<!-- overshare-ignore-next-line … -->`).
    pub html_comments: bool,
    /// A file of this kind that does not parse may be a page or a PHP snippet saved under the
    /// wrong name (`.js`): the driver then tries it as markup.
    pub may_be_misnamed_markup: bool,
    /// What the first [`GATE_BYTES`] of a file must have for it to be of this kind at all: a
    /// `.json` file is a tag-manager export only with `"containerVersion"` near its start. A
    /// file that fails it is of no kind: not walked, not read, not reported.
    pub gate: Option<fn(&[u8]) -> bool>,
    /// Whether the prefilter may skip a file of this kind that names no SDK as a whole word.
    /// Not for code escaped inside JSON strings, where `"…\nfbq(…"` hides the word.
    pub prefiltered: bool,
}

/// How much of a file a kind's [`FileKind::gate`] looks at.
pub const GATE_BYTES: usize = gtm::HEAD;

const fn kind(name: &'static str, suffixes: &'static [&'static str], read: Read) -> FileKind {
    FileKind {
        name,
        suffixes,
        read,
        sniff: None,
        html_comments: false,
        may_be_misnamed_markup: false,
        gate: None,
        prefiltered: true,
    }
}

const fn module(name: &'static str, suffixes: &'static [&'static str], lang: Lang) -> FileKind {
    kind(name, suffixes, Read::Module(lang))
}

const fn markup(name: &'static str, suffixes: &'static [&'static str], x: Extract) -> FileKind {
    kind(name, suffixes, Read::Markup(x))
}

const fn unread(name: &'static str, suffixes: &'static [&'static str]) -> FileKind {
    kind(name, suffixes, Read::NotYet { all_script: false })
}

impl FileKind {
    const fn sniffing(mut self, test: fn(&str) -> bool, then: Extract) -> Self {
        self.sniff = Some((test, then));
        self
    }

    const fn with_html_comments(mut self) -> Self {
        self.html_comments = true;
        self
    }

    const fn maybe_misnamed_markup(mut self) -> Self {
        self.may_be_misnamed_markup = true;
        self
    }

    const fn gated(mut self, gate: fn(&[u8]) -> bool) -> Self {
        self.gate = Some(gate);
        self
    }

    const fn not_prefiltered(mut self) -> Self {
        self.prefiltered = false;
        self
    }
}

/// Every kind of file overshare knows: the walker selects a file of any of them (the unread ones
/// only to report those that name a tracker).
#[rustfmt::skip]
pub static KINDS: &[FileKind] = &[
    // Scripts.
    module("JavaScript", &["js"], Lang::Js).maybe_misnamed_markup(),
    module("JavaScript", &["mjs", "cjs", "jsx"], Lang::Js),
    // An Angular component class holds its template (inline, or by `templateUrl`).
    module("TypeScript", &["ts", "mts", "cts"], Lang::Ts)
        .sniffing(|t| t.contains("@Component"), angular::extract_component_ts),
    module("TSX", &["tsx"], Lang::Tsx),
    kind("CoffeeScript", &["coffee"], Read::Translated(coffee::extract)),
    // Pages and components.
    // Jinja, Django, Nunjucks and Twig pages are often plain `.html`.
    markup("HTML", &["html", "htm"], html::extract)
        .sniffing(server::looks_like_template, |t| server::extract(t, ServerDialect::Jinja))
        .with_html_comments(),
    markup("Angular template", &["component.html"], angular::extract).with_html_comments(),
    markup("Vue", &["vue"], vue::extract).with_html_comments(),
    markup("Svelte", &["svelte"], svelte::extract).with_html_comments(),
    markup("Astro", &["astro"], svelte::extract_astro),
    // Server templates.
    markup("PHP", &["php", "phtml"], |t| server::extract(t, ServerDialect::Php)),
    markup("Blade", &["blade.php"], |t| server::extract(t, ServerDialect::Blade)),
    markup("Liquid", &["liquid"], |t| server::extract(t, ServerDialect::Liquid)),
    markup("Twig", &["twig"], |t| server::extract(t, ServerDialect::Twig)),
    markup("Jinja", &["jinja", "jinja2", "j2", "njk"], |t| server::extract(t, ServerDialect::Jinja)),
    markup("ERB", &["erb"], |t| server::extract(t, ServerDialect::Erb)),
    markup("Handlebars", &["hbs", "handlebars", "mustache"], |t| server::extract(t, ServerDialect::Handlebars)),
    markup("EJS", &["ejs"], |t| server::extract(t, ServerDialect::Ejs)),
    markup("Razor", &["cshtml", "razor"], |t| server::extract(t, ServerDialect::Razor)),
    // Smarty themes (PrestaShop); a `.tpl` of another engine, written with `{{ }}` tags and no
    // `{$…}`, is read as Jinja.
    markup("Smarty", &["tpl", "smarty"], |t| server::extract(t, ServerDialect::Smarty))
        .sniffing(|t| !t.contains("{$") && server::looks_like_template(t), |t| server::extract(t, ServerDialect::Jinja)),
    markup("HAML", &["haml"], haml::extract),
    markup("Slim", &["slim"], slim::extract),
    markup("Pug", &["pug"], pug::extract), markup("Pug (Jade)", &["jade"], pug::extract),
    // Tag-manager container exports: only `.json` files that are one.
    markup("GTM container", &["json"], gtm::extract).gated(gtm::is_export).not_prefiltered(),
    // Template formats found beside front-end code that overshare does not read yet.
    unread("JSP", &["jsp", "jspf"]),
    unread("ASP", &["asp"]), unread("ASP.NET Web Forms", &["aspx", "ascx", "master"]),
    unread("Velocity", &["vm", "vtl"]), unread("FreeMarker", &["ftl", "ftlh"]),
    unread("Mako", &["mako"]), unread("EEx", &["eex"]), unread("HEEx", &["heex"]),
    unread("LiveView (LEEx)", &["leex"]), unread("Go template", &["gohtml", "tmpl", "gotmpl"]),
    unread("Marko", &["marko"]), unread("Dust", &["dust"]), unread("Latte", &["latte"]),
    unread("Volt", &["volt"]), unread("Closure Templates", &["soy"]),
    unread("ERB (rhtml)", &["rhtml"]), unread("ColdFusion", &["cfm"]), unread("MDX", &["mdx"]),
    unread("Tera", &["tera"]), unread("Haml Coffee", &["hamlc"]),
    // Script languages compiled to JavaScript that overshare does not parse.
    kind("Literate CoffeeScript", &["litcoffee"], Read::NotYet { all_script: true }),
];

impl FileKind {
    /// True for the kinds overshare extracts and analyses.
    pub fn is_read(&self) -> bool {
        !matches!(self.read, Read::NotYet { .. })
    }

    /// The syntax of a script module (JavaScript or TypeScript, its imports followed); `None`
    /// for any other kind.
    pub fn script_lang(&self) -> Option<Lang> {
        match self.read {
            Read::Module(lang) => Some(lang),
            _ => None,
        }
    }

    /// True when its markup declares fields other files' scripts can select.
    pub fn declares_fields(&self) -> bool {
        matches!(self.read, Read::Markup(_))
    }

    /// True for a known format overshare does not read yet.
    pub fn is_unread(&self) -> bool {
        !self.is_read()
    }

    /// Whether a file with this content is of this kind: its [`FileKind::gate`], if any, passes.
    pub fn admits(&self, text: &[u8]) -> bool {
        self.gate
            .is_none_or(|gate| gate(&text[..text.len().min(GATE_BYTES)]))
    }

    /// Splits a file of this kind into script blocks; `None` for a format not read, or for
    /// content its gate does not admit.
    pub fn extract(&self, text: &str) -> Option<Extracted> {
        if !self.admits(text.as_bytes()) {
            return None;
        }
        if let Some((test, then)) = self.sniff {
            if test(text) {
                return Some(then(text));
            }
        }
        match self.read {
            Read::Module(lang) => Some(crate::extract::script(text, lang)),
            Read::Translated(x) | Read::Markup(x) => Some(x(text)),
            Read::NotYet { .. } => None,
        }
    }
}

/// The kind of a file by its name or path (`checkout.html`, `views/page.blade.php`), ignoring
/// case: the kind with the longest suffix the name ends with after a dot. What extraction goes
/// by.
pub fn of_name(name: &str) -> Option<&'static FileKind> {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let lower = name.to_ascii_lowercase();
    let ends_with = |suffix: &str| {
        lower.len() > suffix.len()
            && lower.ends_with(suffix)
            && lower.as_bytes()[lower.len() - suffix.len() - 1] == b'.'
    };
    KINDS
        .iter()
        .flat_map(|k| k.suffixes.iter().map(move |s| (k, *s)))
        .filter(|(_, s)| ends_with(s))
        .max_by_key(|(_, s)| s.len())
        .map(|(k, _)| k)
}

/// The kind of a file by its extension, as the walker and the driver see it
/// ([`Path::extension`]): the formats overshare reads match as written (a `.JS` file is not
/// selected), the formats it does not read yet ignoring case (a `.JSP` file is reported).
pub fn by_extension(ext: &str) -> Option<&'static FileKind> {
    let has = |k: &FileKind, e: &str| k.suffixes.contains(&e);
    KINDS
        .iter()
        .find(|k| k.is_read() && has(k, ext))
        .or_else(|| {
            let lower = ext.to_ascii_lowercase();
            KINDS.iter().find(|k| k.is_unread() && has(k, &lower))
        })
}

/// [`by_extension`] of a path's extension; `None` for a path without one.
pub fn of_path(path: &Path) -> Option<&'static FileKind> {
    by_extension(path.extension()?.to_str()?)
}

/// [`of_path`], the file's first bytes read when its kind has a gate: `None` for a file the
/// gate does not admit (a `package.json`) or that cannot be read.
pub fn of_file(path: &Path) -> Option<&'static FileKind> {
    let kind = of_path(path)?;
    if kind.gate.is_none() {
        return Some(kind);
    }
    use std::io::Read as _;
    let mut head = Vec::with_capacity(GATE_BYTES);
    std::fs::File::open(path)
        .ok()?
        .take(GATE_BYTES as u64)
        .read_to_end(&mut head)
        .ok()?;
    kind.admits(&head).then_some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{angular, coffee, haml, html, server, slim, svelte, vue};

    /// What the walker selected as read before this registry (`walk::EXTENSIONS`).
    #[rustfmt::skip]
    const WALKED: &[&str] = &[
        "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "coffee",
        "html", "htm", "vue", "svelte", "astro",
        "php", "phtml", "liquid", "twig", "jinja", "jinja2", "j2", "njk", "erb", "hbs", "handlebars",
        "mustache", "ejs", "cshtml", "razor", "haml", "slim",
    ];

    /// The formats read since: Smarty, Pug and tag-manager exports.
    const ADDED: &[&str] = &["tpl", "smarty", "pug", "jade", "json"];

    /// The formats reported as not read before this registry
    /// (`not_analysed::UNREAD_TEMPLATE_FORMATS`), but those read since.
    #[rustfmt::skip]
    const UNREAD: &[(&str, &str)] = &[
        ("jsp", "JSP"), ("jspf", "JSP"),
        ("asp", "ASP"), ("aspx", "ASP.NET Web Forms"), ("ascx", "ASP.NET Web Forms"),
        ("master", "ASP.NET Web Forms"), ("vm", "Velocity"), ("vtl", "Velocity"),
        ("ftl", "FreeMarker"), ("ftlh", "FreeMarker"), ("mako", "Mako"), ("eex", "EEx"),
        ("heex", "HEEx"), ("leex", "LiveView (LEEx)"), ("gohtml", "Go template"),
        ("tmpl", "Go template"), ("gotmpl", "Go template"), ("marko", "Marko"), ("dust", "Dust"),
        ("latte", "Latte"), ("volt", "Volt"), ("soy", "Closure Templates"), ("rhtml", "ERB (rhtml)"),
        ("cfm", "ColdFusion"), ("mdx", "MDX"), ("tera", "Tera"), ("hamlc", "Haml Coffee"),
        ("litcoffee", "Literate CoffeeScript"),
    ];

    /// `Lang::from_extension` before this registry.
    fn old_lang(ext: &str) -> Option<Lang> {
        match ext {
            "js" | "mjs" | "cjs" | "jsx" => Some(Lang::Js),
            "ts" | "mts" | "cts" => Some(Lang::Ts),
            "tsx" => Some(Lang::Tsx),
            _ => None,
        }
    }

    /// `extract::extract_named` before this registry (with `server::Dialect::from_path` and
    /// `extract::extract`): the oracle the registry's dispatch must agree with.
    fn old_extract_named(file_name: &str, text: &str) -> Option<Extracted> {
        let lower = file_name.to_ascii_lowercase();
        let name = lower.rsplit(['/', '\\']).next().unwrap_or(&lower);
        let dialect = if name.ends_with(".blade.php") {
            Some(ServerDialect::Blade)
        } else {
            name.rsplit_once('.').and_then(|(_, ext)| match ext {
                "php" | "phtml" => Some(ServerDialect::Php),
                "liquid" => Some(ServerDialect::Liquid),
                "twig" => Some(ServerDialect::Twig),
                "jinja" | "jinja2" | "j2" | "njk" => Some(ServerDialect::Jinja),
                "erb" => Some(ServerDialect::Erb),
                "hbs" | "handlebars" | "mustache" => Some(ServerDialect::Handlebars),
                "ejs" => Some(ServerDialect::Ejs),
                "cshtml" | "razor" => Some(ServerDialect::Razor),
                _ => None,
            })
        };
        if let Some(dialect) = dialect {
            return Some(server::extract(text, dialect));
        }
        let ext = lower.rsplit('.').next().unwrap_or("");
        match ext {
            "html" | "htm" if lower.ends_with(".component.html") => {
                return Some(angular::extract(text))
            }
            "html" | "htm" if server::looks_like_template(text) => {
                return Some(server::extract(text, ServerDialect::Jinja))
            }
            "ts" | "mts" | "cts" if text.contains("@Component") => {
                return Some(angular::extract_component_ts(text))
            }
            _ => {}
        }
        if let Some(lang) = old_lang(ext) {
            return Some(crate::extract::script(text, lang));
        }
        match ext {
            "html" | "htm" => Some(html::extract(text)),
            "vue" => Some(vue::extract(text)),
            "svelte" => Some(svelte::extract(text)),
            "astro" => Some(svelte::extract_astro(text)),
            "haml" => Some(haml::extract(text)),
            "slim" => Some(slim::extract(text)),
            "coffee" => Some(coffee::extract(text)),
            _ => None,
        }
    }

    /// Texts each extractor reads differently.
    const PROBES: &[&str] = &[
        "<!doctype html>\n<form><input id=\"email\" name=\"email\"></form>\n<script>fbq('init', '1', { em: document.getElementById('email').value });</script>\n<button onclick=\"track(this)\">Buy</button>\n",
        "<p class=\"who\">{{ user.name }}</p>\n<script>var e = '{{ user.email }}';</script>\n{# note #}\n",
        "@Component({ selector: 'x', template: '<input [(ngModel)]=\"user.email\" (blur)=\"track()\">' })\nexport class X { track() { gtag('event', 'x'); } }\n",
        "<?php $x = 1; ?>\n<script>var e = '<?= $user->email ?>';</script>\n",
        "<% if u %>\n<script>var e = '<%= u.email %>';</script>\n<% end %>\n",
        "@model X\n<script>var e = '@Model.Email';</script>\n",
        "<template><input v-model=\"form.email\" @blur=\"track\"></template>\n<script>export default { methods: { track() { analytics.track('x') } } }</script>\n",
        "<script>let phone;</script>\n<input bind:value={phone} on:blur={() => gtag('event', phone)}>\n",
        "---\nconst a = 1;\n---\n<p>{a}</p>\n",
        "analytics.identify email: user.email\n",
        "%input#email{name: 'email'}\n:javascript\n  fbq('init', '1', { em: '#{current_user.email}' });\n",
        "input#email name=\"email\"\njavascript:\n  fbq('init', '1', { em: '#{current_user.email}' });\n",
        "export const A = () => <Script>{`gtag('js', new Date())`}</Script>;\n",
        "{{!-- c --}}{% if a %}<script>var a = '{{ x }}'; var b = {!! $y !!}; var c = @json($z);</script>{% endif %}\n",
    ];

    fn signature(x: Option<Extracted>) -> String {
        format!("{x:?}")
    }

    #[test]
    fn extraction_agrees_with_the_dispatch_it_replaced() {
        let mut names: Vec<String> = Vec::new();
        for ext in WALKED.iter().chain(UNREAD.iter().map(|(e, _)| e)) {
            names.push(format!("page.{ext}"));
            names.push(format!("src/PAGE.{}", ext.to_ascii_uppercase()));
        }
        for name in [
            "resources/views/welcome.blade.php",
            "Welcome.Blade.PHP",
            "app/app.component.html",
            "app.component.htm",
            "app/views/layouts/application.html.erb",
            "base.html.twig",
            "nginx.conf.j2",
            "Views\\Home\\Index.cshtml",
            ".php",
            ".blade.php",
            ".component.html",
            "blade.php",
            "component.html",
            "x.js.map",
            "x.",
            "Makefile",
            "notes.txt",
        ] {
            names.push(name.to_string());
        }
        for name in &names {
            for text in PROBES {
                assert_eq!(
                    signature(crate::extract::extract_named(name, text)),
                    signature(old_extract_named(name, text)),
                    "{name}: {text}"
                );
            }
        }
        // The probes tell every extractor apart: one signature per extractor the old dispatch
        // had for the walked extensions (JavaScript, TypeScript, TSX, CoffeeScript, HTML, Vue,
        // Svelte, Astro, the eight server dialects but Blade, which has no extension of its own,
        // HAML, Slim).
        let distinct: std::collections::HashSet<String> = WALKED
            .iter()
            .map(|ext| {
                let name = format!("page.{ext}");
                PROBES
                    .iter()
                    .map(|t| signature(old_extract_named(&name, t)))
                    .collect()
            })
            .collect();
        assert_eq!(distinct.len(), 18);
    }

    #[test]
    fn walked_extensions_are_still_selected_and_read_alike() {
        for &ext in WALKED {
            let kind = by_extension(ext).unwrap_or_else(|| panic!("{ext}"));
            assert!(kind.is_read(), "{ext}");
            assert_eq!(kind.script_lang(), old_lang(ext), "{ext}");
            // The driver's old rule: markup is what is read and is neither script nor CoffeeScript.
            assert_eq!(
                kind.declares_fields(),
                old_lang(ext).is_none() && ext != "coffee",
                "{ext}"
            );
            assert_eq!(
                kind.html_comments,
                matches!(ext, "html" | "htm" | "vue" | "svelte"),
                "{ext}"
            );
            assert_eq!(kind.may_be_misnamed_markup, ext == "js", "{ext}");
            // Read formats were selected by their extension as written.
            assert!(by_extension(&ext.to_ascii_uppercase()).is_none(), "{ext}");
        }
        let read: Vec<&str> = KINDS
            .iter()
            .filter(|k| k.is_read())
            .flat_map(|k| k.suffixes.iter().copied())
            .filter(|s| !s.contains('.'))
            .collect();
        let mut walked = [WALKED, ADDED].concat();
        walked.sort_unstable();
        let mut read_sorted = read.clone();
        read_sorted.sort_unstable();
        assert_eq!(read_sorted, walked);
        assert!(by_extension("").is_none() && by_extension("txt").is_none());
        assert!(of_path(Path::new("README")).is_none());
    }

    #[test]
    fn unread_formats_are_selected_and_named() {
        for &(ext, name) in UNREAD {
            for e in [ext.to_string(), ext.to_ascii_uppercase()] {
                let kind = by_extension(&e).unwrap_or_else(|| panic!("{e}"));
                assert!(kind.is_unread() && kind.extract("script").is_none(), "{e}");
                assert_eq!(kind.name, name);
                assert_eq!(crate::not_analysed::unread_format(&e), Some(name));
                assert_eq!(
                    crate::not_analysed::is_script_language(&e),
                    ext == "litcoffee"
                );
            }
        }
        let unread = KINDS
            .iter()
            .filter(|k| k.is_unread())
            .map(|k| k.suffixes.len())
            .sum::<usize>();
        assert_eq!(unread, UNREAD.len());
        for ext in ["haml", "coffee", "js", "PHP"] {
            assert_eq!(crate::not_analysed::unread_format(ext), None, "{ext}");
        }
    }

    #[test]
    fn added_formats() {
        for (ext, name) in [
            ("tpl", "Smarty"),
            ("smarty", "Smarty"),
            ("pug", "Pug"),
            ("jade", "Pug (Jade)"),
            ("json", "GTM container"),
        ] {
            let kind = by_extension(ext).unwrap();
            assert!(kind.is_read() && kind.declares_fields(), "{ext}");
            assert_eq!(kind.name, name);
            assert_eq!(crate::not_analysed::unread_format(ext), None);
        }
        // A `.tpl` page with `{{ }}` tags and no `{$…}` is another engine's.
        let jinja =
            crate::extract::extract_named("a.tpl", "<script>var e = '{{ user.email }}';</script>")
                .unwrap();
        assert_eq!(jinja.interpolations[0].dialect, "Jinja");
        let smarty =
            crate::extract::extract_named("a.tpl", "<script>var e = '{$user.email}';</script>")
                .unwrap();
        assert_eq!(smarty.interpolations[0].dialect, "Smarty");
        // Only a JSON file that is a container export is one.
        let json = by_extension("json").unwrap();
        assert!(!json.prefiltered && json.gate.is_some());
        assert!(json.admits(b"{\"exportFormatVersion\": 2, \"containerVersion\": {}}"));
        assert!(!json.admits(b"{\"name\": \"shop\", \"dependencies\": {}}"));
        let late = format!(
            "{{\"a\": \"{}\", \"containerVersion\": {{}}}}",
            "x".repeat(GATE_BYTES)
        );
        assert!(!json.admits(late.as_bytes()));
        assert!(crate::extract::extract_named("package.json", "{\"scripts\": {}}").is_none());
        let dir = tempfile::tempdir().unwrap();
        let (export, package) = (dir.path().join("gtm.json"), dir.path().join("package.json"));
        std::fs::write(&export, "{\"containerVersion\": {\"tag\": []}}").unwrap();
        std::fs::write(&package, "{\"name\": \"x\"}").unwrap();
        assert_eq!(of_file(&export).map(|k| k.name), Some("GTM container"));
        assert!(of_file(&package).is_none());
        assert!(of_file(&dir.path().join("missing.json")).is_none());
        assert_eq!(
            of_file(Path::new("x.js")).map(|k| k.name),
            Some("JavaScript")
        );
    }

    #[test]
    fn compound_and_odd_names() {
        let cases = [
            ("templates/checkout.php", Some("PHP")),
            ("views/a.phtml", Some("PHP")),
            ("resources/views/welcome.blade.php", Some("Blade")),
            ("sections/header.liquid", Some("Liquid")),
            ("base.html.twig", Some("Twig")),
            ("page.jinja", Some("Jinja")),
            ("page.jinja2", Some("Jinja")),
            ("nginx.conf.j2", Some("Jinja")),
            ("layout.njk", Some("Jinja")),
            ("app/views/layouts/application.html.erb", Some("ERB")),
            ("x.erb", Some("ERB")),
            ("partials/cart.hbs", Some("Handlebars")),
            ("cart.handlebars", Some("Handlebars")),
            ("cart.mustache", Some("Handlebars")),
            ("views/index.ejs", Some("EJS")),
            ("Views\\Home\\Index.cshtml", Some("Razor")),
            ("Pages/Counter.razor", Some("Razor")),
            ("INDEX.PHP", Some("PHP")),
            ("src/app/app.component.html", Some("Angular template")),
            ("app.component.htm", Some("HTML")),
            ("index.html", Some("HTML")),
            ("app.js", Some("JavaScript")),
            ("App.TSX", Some("TSX")),
            ("index.pug", Some("Pug")),
            (".php", Some("PHP")),
            (".blade.php", Some("Blade")),
            ("blade.php", Some("PHP")),
            // A name is read by its extension: no dot, no kind.
            ("php", None),
            ("js", None),
            ("x.txt", None),
        ];
        for (name, want) in cases {
            assert_eq!(of_name(name).map(|k| k.name), want, "{name}");
        }
    }

    #[test]
    fn table_is_consistent() {
        let mut seen = std::collections::HashSet::new();
        for kind in KINDS {
            assert!(!kind.suffixes.is_empty(), "{}", kind.name);
            for s in kind.suffixes {
                assert!(
                    !s.is_empty()
                        && !s.starts_with('.')
                        && !s.ends_with('.')
                        && *s == s.to_ascii_lowercase(),
                    "{s}"
                );
                assert!(seen.insert(*s), "{s} is listed twice");
                // A compound name (`x.blade.php`) is selected and indexed by its extension, whose
                // kind must give the same answers.
                if let Some((_, ext)) = s.rsplit_once('.') {
                    let simple = by_extension(ext).unwrap_or_else(|| panic!("{s}"));
                    assert_eq!(simple.is_read(), kind.is_read(), "{s}");
                    assert_eq!(simple.script_lang(), kind.script_lang(), "{s}");
                    assert_eq!(simple.declares_fields(), kind.declares_fields(), "{s}");
                    assert_eq!(simple.html_comments, kind.html_comments, "{s}");
                    assert!(!simple.may_be_misnamed_markup, "{s}");
                }
            }
            assert!(kind.sniff.is_none() || kind.is_read(), "{}", kind.name);
        }
    }
}
