//! Declared object types: a parameter whose type names personal-data properties holds them.
//! Types come from TypeScript interfaces and object type aliases (in the file, or imported from
//! a project module) and from JSDoc (`@typedef {Object} User` with `@property {string} email`,
//! then `@param {User} user`).
//!
//! Also what a parameter is by its declared type or its name: an SDK's type or an injected class
//! is its API (`posthog: PostHog`), `HTMLFormElement` a form, and a parameter named for personal
//! data (`function identify(email)`) a name-judged source.

use super::ast::member_names;
use super::engine::Engine;
use super::value::{DomInfo, Kind, Value};
use crate::catalog::NameSite;
use crate::report::Evidence;
use crate::source::ByteSpan;
use std::rc::Rc;
use swc_ecma_ast::*;

impl Engine<'_> {
    /// `interface User { email: string; name: string }`, `type Lead = { phone: string }`, JSDoc
    /// typedefs: the property names of a program's object types; and the type names it imports
    /// from project modules, loaded when a parameter is annotated with one.
    pub(super) fn collect_record_types(&mut self, program: &Program) {
        struct Types<'m> {
            records: &'m mut rustc_hash::FxHashMap<String, Vec<Rc<str>>>,
            imports: Option<&'m mut rustc_hash::FxHashMap<String, Rc<str>>>,
        }
        impl swc_ecma_visit::Visit for Types<'_> {
            fn visit_ts_interface_decl(&mut self, d: &TsInterfaceDecl) {
                self.records
                    .insert(d.id.sym.to_string(), member_names(&d.body.body));
            }
            fn visit_ts_type_alias_decl(&mut self, d: &TsTypeAliasDecl) {
                if let TsType::TsTypeLit(l) = &*d.type_ann {
                    self.records
                        .insert(d.id.sym.to_string(), member_names(&l.members));
                }
            }
            fn visit_import_decl(&mut self, d: &ImportDecl) {
                let Some(imports) = self.imports.as_deref_mut() else {
                    return;
                };
                let spec: Rc<str> = super::ast::str_of(&d.src);
                for s in &d.specifiers {
                    if let ImportSpecifier::Named(n) = s {
                        let name = n.local.sym.to_string();
                        if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                            imports.insert(name, spec.clone());
                        }
                    }
                }
            }
        }
        let in_module = self.modules.in_module();
        let text = self.text;
        if text.contains("@typedef") && !in_module {
            self.jsdoc_typedefs(text);
        }
        if text.contains("@param") && !in_module {
            self.jsdoc_params = jsdoc_params(text);
        }
        // Only TypeScript declares them (a module is read for its types when imported).
        if !in_module && !text.contains("interface ") && !text.contains("type ") {
            return;
        }
        let imports = (!in_module).then_some(&mut self.type_imports);
        swc_ecma_visit::VisitWith::visit_with(
            program,
            &mut Types {
                records: &mut self.record_types,
                imports,
            },
        );
    }

    /// A parameter whose type declares properties named for personal data (`user: User` with
    /// `User { email }`, `(lead: { phone: string })`, `@param {User} user`) holds them: sent
    /// whole (`identify(id, user)`, `{ ...user }`), they are sent. Parameter-name evidence: the
    /// weakest, so a read of `user.email` or a caller's value explains the flow instead.
    pub(super) fn typed_record_param(
        &mut self,
        name: &str,
        ann: Option<&TsTypeAnn>,
        span: ByteSpan,
        mut value: Value,
    ) -> Value {
        let named_type = match ann.map(|a| &*a.type_ann) {
            Some(TsType::TsTypeRef(r)) => match &r.type_name {
                TsEntityName::Ident(i) => Some(i.sym.to_string()),
                _ => return value,
            },
            Some(TsType::TsTypeLit(_)) => None,
            Some(_) => return value,
            None => match self.jsdoc_params.get(&span.start) {
                Some(t) => Some(t.clone()),
                None => return value,
            },
        };
        let props: Vec<Rc<str>> = match (named_type, ann.map(|a| &*a.type_ann)) {
            (Some(t), _) => match self.record_type(&t) {
                Some(p) => p,
                None => return value,
            },
            (None, Some(TsType::TsTypeLit(l))) => member_names(&l.members),
            _ => return value,
        };
        for prop in props {
            if value.field(&prop).is_some() {
                continue;
            }
            let Some(m) = self.classify(&prop, Some(name), NameSite::Code) else {
                continue;
            };
            if m.kind != crate::catalog::NameKind::Value {
                continue;
            }
            let desc = format!("`{name}.{prop}` (declared by the parameter's type)");
            let label = self.new_source(span, m.category, desc, Evidence::ParamName);
            value.set_field(prop, Value::tainted(label));
        }
        value
    }

    /// The properties of a named object type: declared here, or in the project module this
    /// file imports it from (loaded on first use, which reads its declarations).
    fn record_type(&mut self, name: &str) -> Option<Vec<Rc<str>>> {
        if let Some(p) = self.record_types.get(name) {
            return Some(p.clone());
        }
        let spec = self.type_imports.remove(name)?;
        self.load_module(&spec);
        self.record_types.get(name).cloned()
    }

    /// `@typedef {Object} User` blocks and their `@property {string} email` lines.
    fn jsdoc_typedefs(&mut self, text: &str) {
        for (block, _) in jsdoc_blocks(text) {
            let mut name = None;
            let mut props: Vec<Rc<str>> = Vec::new();
            for (tag, _ty, word) in jsdoc_tags(block) {
                match tag {
                    "typedef" => name = word.map(str::to_string),
                    "property" | "prop" => {
                        if let Some(w) = word {
                            props.push(w.trim_start_matches('[').into());
                        }
                    }
                    _ => {}
                }
            }
            if let Some(name) = name {
                self.record_types.entry(name).or_insert(props);
            }
        }
    }
}

/// The text of each `/** … */` comment (not `/**/`), and where the comment ends.
fn jsdoc_blocks(text: &str) -> impl Iterator<Item = (&str, usize)> + '_ {
    text.match_indices("/**").filter_map(move |(start, _)| {
        // The closing `*/` after the opening `/*` (`/**/` is an empty plain comment).
        let close = start + 2 + text[start + 2..].find("*/")?;
        (close >= start + 3).then(|| (&text[start + 3..close], close + 2))
    })
}

/// `@tag {Type} word` lines of a JSDoc block: the tag, the type and the first word after it.
fn jsdoc_tags(block: &str) -> Vec<(&str, Option<&str>, Option<&str>)> {
    let mut out = Vec::new();
    for part in block.split('@').skip(1) {
        let tag_end = part
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(part.len());
        let (tag, rest) = part.split_at(tag_end);
        let rest = rest.trim_start();
        let (ty, rest) = match rest.strip_prefix('{') {
            Some(r) => match r.find('}') {
                Some(close) => (Some(r[..close].trim()), &r[close + 1..]),
                None => (None, r),
            },
            None => (None, rest),
        };
        let word = rest
            .split(|c: char| c.is_whitespace() || c == '*')
            .find(|w| !w.is_empty())
            .map(|w| {
                w.trim_end_matches(['.', ',', ']'])
                    .split('=')
                    .next()
                    .unwrap_or(w)
            });
        out.push((tag, ty, word));
    }
    out
}

/// `/** @param {User} user */ function identify(user) {…}`: the annotated parameters of the
/// function right after each JSDoc block, by the offset where each parameter's name starts.
fn jsdoc_params(text: &str) -> rustc_hash::FxHashMap<u32, String> {
    let mut out = rustc_hash::FxHashMap::default();
    for (block, after) in jsdoc_blocks(text) {
        let typed: Vec<(&str, &str)> = jsdoc_tags(block)
            .into_iter()
            .filter(|(tag, _, _)| matches!(*tag, "param" | "arg" | "argument"))
            .filter_map(|(_, ty, word)| Some((word?, ty?)))
            .filter(|(_, ty)| {
                ty.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
            })
            .collect();
        if typed.is_empty() {
            continue;
        }
        // The parameter list of the function declared right after the comment.
        let head_end = (after + 240).min(text.len());
        let Some(head) = text.get(after..head_end) else {
            continue;
        };
        let Some(open) = head.find('(') else { continue };
        if head[..open].contains([';', '}', '{']) {
            continue;
        }
        let Some(close) = head[open..].find(')') else {
            continue;
        };
        let params = &head[open + 1..open + close];
        let mut offset = after + open + 1;
        for p in params.split(',') {
            let lead = p.len() - p.trim_start().len();
            let name_len = p
                .trim_start()
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(p.trim_start().len());
            let name = &p.trim_start()[..name_len];
            if let Some((_, ty)) = typed.iter().find(|(w, _)| *w == name) {
                out.insert((offset + lead) as u32, ty.to_string());
            }
            offset += p.len() + 1;
        }
    }
    out
}

impl<'a> Engine<'a> {
    /// A parameter named for a category (`function identify(email)`, `(userEmail) =>`) holds
    /// that data as far as its own body can tell: a name-judged (weak) source, like `user.email`.
    /// A caller whose concrete flow reaches the same sink key replaces it (see `finish`).
    /// A parameter typed `HTMLFormElement` is a form whose fields are read by name.
    pub(super) fn name_judged_param(
        &mut self,
        name: &str,
        ty: Option<&str>,
        span: ByteSpan,
        mut value: Value,
    ) -> Value {
        if ty == Some("HTMLFormElement") {
            value.kind = Kind::Form(None);
            return value;
        }
        // `posthog: PostHog`, an injected class (`intercom: IntercomService`), AngularJS's
        // `$analytics`: the SDK's API or the class's instance.
        if let Some(kind) = ty.and_then(|t| self.typed_handle(t)).or_else(|| {
            (name.starts_with('$') && self.cat.sdks.root(name).is_some())
                .then(|| Kind::Global(name.into()))
        }) {
            value.kind = kind;
            return value;
        }
        if let Some(m) = self.classify(name, None, NameSite::Code) {
            let desc = format!("parameter `{name}`");
            match m.kind {
                crate::catalog::NameKind::Value => {
                    let label = self.new_source(span, m.category, desc, Evidence::ParamName);
                    value.add_label(label);
                }
                // `function track(emailInput: HTMLInputElement)`: an element holding the data.
                crate::catalog::NameKind::Handle => {
                    if matches!(value.kind, Kind::Unknown) {
                        value.kind = Kind::Dom(Rc::new(DomInfo {
                            category: m.category,
                            desc,
                        }));
                    }
                }
            }
        }
        value
    }

    /// The kind of a value annotated with type `ty`: an SDK's type (`PostHog`) is its API; a
    /// class of this file or an imported one is its instance, so its methods are followed.
    pub(super) fn typed_handle(&mut self, ty: &str) -> Option<Kind> {
        if let Some(root) = self.cat.sdks.type_root(ty) {
            return Some(Kind::Global(root.into()));
        }
        let v = self.lookup(ty)?;
        match &v.kind {
            Kind::Lazy(_) => Some(v.kind.clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsdoc_params_by_offset() {
        let text = "/**\n * @param {User} user the user\n * @param {string} id\n */\nexport function identify(id, user) {}";
        let params = jsdoc_params(text);
        let at = text.find("user) {").unwrap() as u32;
        assert_eq!(params.get(&at).map(String::as_str), Some("User"));
        assert_eq!(params.len(), 2);
    }

    #[test]
    fn empty_and_unclosed_comments() {
        for text in [
            "/**/ f(a) {}",
            "x /**/",
            "/**",
            "/** @param {User} u",
            "/***/ g(u)",
        ] {
            assert!(jsdoc_params(text).is_empty(), "{text}");
            let _ = jsdoc_blocks(text).count();
        }
    }

    #[test]
    fn jsdoc_typedef_tags() {
        let block = "\n * @typedef {Object} Customer\n * @property {string} email - the login\n * @property {string} [phone]\n";
        let tags = jsdoc_tags(block);
        assert_eq!(tags[0], ("typedef", Some("Object"), Some("Customer")));
        assert_eq!(tags[1], ("property", Some("string"), Some("email")));
        assert_eq!(tags[2].2.map(|w| w.trim_start_matches('[')), Some("phone"));
    }
}
