//! Form fields and CSS selectors: which element holds which personal data, judged by its
//! `type`, its WHATWG `autocomplete` token, and its name, id and classes.

use super::names::{CategoryId, NameSite, Names};

/// The category an `<input type=…>` implies.
pub fn input_type_category(names: &Names, ty: &str) -> Option<CategoryId> {
    let id = match ty.trim().to_ascii_lowercase().as_str() {
        "email" => "email",
        "tel" => "phone",
        "password" => "credentials",
        _ => return None,
    };
    names.category_by_id(id)
}

/// The category of an `autocomplete` attribute: the last token is the field name, the ones
/// before it are section and hint modifiers (`section-a shipping postal-code`).
pub fn autocomplete_category(names: &Names, value: &str) -> Option<CategoryId> {
    let token = value.split_ascii_whitespace().last()?.to_ascii_lowercase();
    let id = match token.as_str() {
        "email" => "email",
        t if t.starts_with("tel") => "phone",
        "name" | "honorific-prefix" | "given-name" | "additional-name" | "family-name"
        | "honorific-suffix" | "nickname" => "name",
        "street-address" | "address-line1" | "address-line2" | "address-line3"
        | "address-level4" | "address-level3" | "address-level2" | "address-level1"
        | "postal-code" => "address",
        t if t.starts_with("cc-") => "card",
        "bday" | "bday-day" | "bday-month" | "bday-year" => "birthdate",
        "current-password" | "new-password" | "one-time-code" => "credentials",
        _ => return None,
    };
    names.category_by_id(id)
}

/// What a selector or field lookup found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldClass {
    /// An element holding personal data of this category.
    Sensitive(CategoryId),
    /// A `<form>`: its named elements and FormData are classified by name.
    Form,
}

/// One compound selector: `input#email.form-control[type="email"]`.
#[derive(Default, Debug)]
struct Compound {
    tag: Option<String>,
    ids: Vec<String>,
    classes: Vec<String>,
    attrs: Vec<(String, String, String)>, // (name, operator, value)
}

/// Classifies a CSS selector by its subject (the last compound of the last selector in a list),
/// falling back to the ancestors it names (`#email-group input`).
pub fn classify_selector(names: &Names, selector: &str) -> Option<FieldClass> {
    let mut best = None;
    for part in split_top_level(selector, ',') {
        let compounds = parse_compounds(part);
        let Some(subject) = compounds.last() else {
            continue;
        };
        if let Some(c) = classify_compound(names, subject) {
            return Some(c);
        }
        if subject.tag.is_none()
            || matches!(
                subject.tag.as_deref(),
                Some("input" | "textarea" | "select" | "span" | "div" | "p" | "td")
            )
        {
            for anc in compounds.iter().rev().skip(1) {
                if let Some(c @ FieldClass::Sensitive(_)) = classify_compound(names, anc) {
                    best = Some(c);
                    break;
                }
            }
        }
    }
    best
}

fn classify_compound(names: &Names, c: &Compound) -> Option<FieldClass> {
    for (name, op, value) in &c.attrs {
        let cat = match name.as_str() {
            "type" if op == "=" => input_type_category(names, value),
            "autocomplete" => {
                if op == "^=" && value.eq_ignore_ascii_case("cc-") {
                    names.category_by_id("card")
                } else {
                    autocomplete_category(names, value)
                }
            }
            "name" | "id" | "data-field" | "data-name" | "formcontrolname" | "ng-model"
            | "v-model" => names
                .classify(value, None, NameSite::Field)
                .map(|m| m.category),
            // Form builders mark their fields: `[data-field_type="email"]`,
            // `[data-input-name="phone"]`.
            a if a.starts_with("data-") && op == "=" && names_a_field(a) => {
                input_type_category(names, value).or_else(|| {
                    names
                        .classify(value, None, NameSite::Field)
                        .map(|m| m.category)
                })
            }
            _ => None,
        };
        if let Some(cat) = cat {
            return Some(FieldClass::Sensitive(cat));
        }
    }
    for id in &c.ids {
        if let Some(m) = names.classify(id, None, NameSite::Field) {
            return Some(FieldClass::Sensitive(m.category));
        }
    }
    for class in &c.classes {
        if let Some(m) = names.classify(class, None, NameSite::Field) {
            return Some(FieldClass::Sensitive(m.category));
        }
    }
    if c.tag.as_deref() == Some("form") || c.ids.iter().chain(&c.classes).any(|n| is_form_name(n)) {
        return Some(FieldClass::Form);
    }
    None
}

/// A data attribute that says which field an element is: `data-field-type`, `data-input-name`.
fn names_a_field(attr: &str) -> bool {
    super::names::normalize(&attr["data-".len()..])
        .split('_')
        .any(|w| matches!(w, "field" | "fieldtype" | "type" | "name" | "input"))
}

/// `checkout-form`, `signupForm`, `form_login`: ids and classes that name a form.
pub fn is_form_name(name: &str) -> bool {
    super::names::normalize(name)
        .split('_')
        .any(|t| t == "form")
}

fn split_top_level(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None, 0);
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '(') => depth += 1,
            (None, ']' | ')') => depth -= 1,
            (None, c) if c == sep && depth == 0 => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

fn parse_compounds(sel: &str) -> Vec<Compound> {
    let mut out = vec![Compound::default()];
    let chars: Vec<char> = sel.chars().collect();
    let mut i = 0;
    let ident = |i: &mut usize| -> String {
        let start = *i;
        while *i < chars.len()
            && (chars[*i].is_alphanumeric() || matches!(chars[*i], '-' | '_' | '\\'))
        {
            *i += 1;
        }
        chars[start..*i].iter().filter(|c| **c != '\\').collect()
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '>' | '+' | '~' | '\t' | '\n' => {
                i += 1;
                if !out.last().is_some_and(is_empty) {
                    out.push(Compound::default());
                }
            }
            '#' => {
                i += 1;
                let id = ident(&mut i);
                out.last_mut().unwrap().ids.push(id);
            }
            '.' => {
                i += 1;
                let class = ident(&mut i);
                out.last_mut().unwrap().classes.push(class);
            }
            '[' => {
                i += 1;
                let end = chars[i..]
                    .iter()
                    .position(|&c| c == ']')
                    .map_or(chars.len(), |p| i + p);
                let inner: String = chars[i..end].iter().collect();
                i = end + 1;
                out.last_mut().unwrap().attrs.push(parse_attr(&inner));
            }
            ':' => {
                // Pseudo-classes; skip their argument lists.
                i += 1;
                let _ = ident(&mut i);
                if chars.get(i) == Some(&'(') {
                    let mut depth = 0;
                    while i < chars.len() {
                        match chars[i] {
                            '(' => depth += 1,
                            ')' => {
                                depth -= 1;
                                if depth == 0 {
                                    i += 1;
                                    break;
                                }
                            }
                            _ => {}
                        }
                        i += 1;
                    }
                }
            }
            '*' => i += 1,
            c if c.is_alphanumeric() => {
                let tag = ident(&mut i).to_ascii_lowercase();
                out.last_mut().unwrap().tag = Some(tag);
            }
            _ => i += 1,
        }
    }
    if out.last().is_some_and(is_empty) {
        out.pop();
    }
    out
}

fn is_empty(c: &Compound) -> bool {
    c.tag.is_none() && c.ids.is_empty() && c.classes.is_empty() && c.attrs.is_empty()
}

fn parse_attr(inner: &str) -> (String, String, String) {
    let ops = ["~=", "|=", "^=", "$=", "*=", "="];
    for op in ops {
        if let Some(pos) = inner.find(op) {
            let name = inner[..pos].trim().to_ascii_lowercase();
            let mut value = inner[pos + op.len()..].trim();
            // A trailing case flag: [name="email" i]
            if let Some(stripped) = value
                .strip_suffix(" i")
                .or_else(|| value.strip_suffix(" s"))
            {
                value = stripped.trim();
            }
            let value = value.trim_matches(|c| c == '"' || c == '\'').to_string();
            return (name, op.to_string(), value);
        }
    }
    (
        inner.trim().to_ascii_lowercase(),
        String::new(),
        String::new(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn class(sel: &str) -> Option<String> {
        let names = &Catalog::builtin().names;
        match classify_selector(names, sel)? {
            FieldClass::Sensitive(c) => Some(names.category(c).id.clone()),
            FieldClass::Form => Some("form".into()),
        }
    }

    #[test]
    fn selectors() {
        assert_eq!(class("#email").as_deref(), Some("email"));
        assert_eq!(class("input[type=email]").as_deref(), Some("email"));
        assert_eq!(class("input[type=\"tel\"]").as_deref(), Some("phone"));
        assert_eq!(
            class("[autocomplete=\"shipping street-address\"]").as_deref(),
            Some("address")
        );
        assert_eq!(class("[autocomplete^=\"cc-\"]").as_deref(), Some("card"));
        assert_eq!(
            class("input[name=\"billing_postcode\"]").as_deref(),
            Some("address")
        );
        assert_eq!(class("[name*=\"email\" i]").as_deref(), Some("email"));
        assert_eq!(class(".patient-name").as_deref(), Some("name"));
        assert_eq!(
            class("#checkout-form input[name=email]").as_deref(),
            Some("email")
        );
        assert_eq!(class("#email-group input").as_deref(), Some("email"));
        assert_eq!(class("#signup-form").as_deref(), Some("form"));
        assert_eq!(class(".card-title"), None);
        assert_eq!(class("#search"), None);
        assert_eq!(class("button.submit"), None);
        assert_eq!(class("#email-error"), None);
    }
}
