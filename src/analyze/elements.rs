//! What declared page elements hold: a form field is sensitive by its type, autocomplete, name,
//! id or class, or by the expression it displays; a template output by the name it prints.
//! Pure functions of the catalog's names, used when elements are registered, looked up and
//! bound, and when server-template outputs are read.

use super::apis::{FORMATTERS, NOT_A_PERSON};
use super::value::{DomInfo, Kind, Value};
use crate::catalog::fields::{autocomplete_category, input_type_category};
use crate::catalog::{CategoryId, NameSite, Names};
use crate::extract::ElementFact;
use std::rc::Rc;

/// The value of a declared element: a sensitive field by type, autocomplete, name, id or class.
pub(super) fn element_value(names: &crate::catalog::Names, el: &ElementFact) -> Option<Value> {
    let category = element_category(names, el);
    match category {
        Some(category) => Some(Value::kind(Kind::Dom(Rc::new(DomInfo {
            category,
            desc: el.describe(),
        })))),
        None if el.tag == "form" => Some(Value::kind(Kind::Form(Some(el.describe().into())))),
        None => None,
    }
}

/// A bare `name` field is a person's name unless its placeholder or label names something else
/// ("View name", "Company name").
pub(super) fn names_something_else(el: &ElementFact, field_name: &str) -> bool {
    let bare = matches!(
        crate::catalog::normalize(field_name).as_str(),
        "name" | "names" | "full_name" | "display_name"
    );
    bare && el.label.as_deref().is_some_and(|l| {
        l.to_ascii_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| NOT_A_PERSON.contains(&w))
    })
}

/// What a declared element holds: by type, autocomplete, name, id, class, or the sensitive
/// expression it displays (`<p class="addr">{{ customer.address }}</p>`).
pub(super) fn element_category(
    names: &crate::catalog::Names,
    el: &ElementFact,
) -> Option<crate::catalog::CategoryId> {
    let by_name = |n: &str| {
        if names_something_else(el, n) {
            return None;
        }
        names.classify(n, None, NameSite::Field).map(|m| m.category)
    };
    el.ty
        .as_deref()
        .and_then(|t| input_type_category(names, t))
        .or_else(|| {
            el.autocomplete
                .as_deref()
                .and_then(|a| autocomplete_category(names, a))
        })
        .or_else(|| el.name.as_deref().and_then(by_name))
        .or_else(|| el.id.as_deref().and_then(by_name))
        .or_else(|| el.classes.iter().find_map(|c| by_name(c)))
        .or_else(|| el.displays.iter().find_map(|d| classify_expr(names, d)))
}
/// Classifies a printed or bound expression by the name it reads and its owner, looking past
/// formatting helpers: `customer.email`, `$order->getCustomerEmail()`, `Model.Email`,
/// `htmlspecialchars($customer['email'])`, `@order.email.to_json`, `Model.Email.ToLowerInvariant()`.
/// Expressions that print a test or a comparison (`user.email is not empty ? 'y' : 'n'`) print
/// no data.
pub(super) fn classify_expr(names: &Names, expr: &str) -> Option<CategoryId> {
    let lowered = format!(" {} ", expr.to_ascii_lowercase());
    let is_test = [
        " is ", "==", "!=", " ? ", "?:", " and ", " or ", " not ", " > ", " < ", ">=", "<=",
        " in ", "empty(", "isset(",
    ]
    .iter()
    .any(|op| lowered.contains(op))
        || lowered.trim_start().starts_with('!');
    if is_test {
        return None;
    }
    // Quoted strings are keys (`$customer['email']`) or format arguments (`"yyyyMMdd"`).
    let mut idents: Vec<String> = Vec::new();
    let mut quoted = None;
    let mut current = String::new();
    for c in expr.chars() {
        match quoted {
            Some(q) if c == q => {
                quoted = None;
                idents.push(std::mem::take(&mut current));
            }
            Some(_) => current.push(c),
            None if c == '\'' || c == '"' => {
                if !current.is_empty() {
                    idents.push(std::mem::take(&mut current));
                }
                quoted = Some(c);
            }
            None if c.is_alphanumeric() || c == '_' => current.push(c),
            None => {
                if !current.is_empty() {
                    idents.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        idents.push(current);
    }
    idents.retain(|s| {
        !s.is_empty() && !s.chars().all(|c| c.is_ascii_digit()) && !FORMATTERS.contains(&s.as_str())
    });
    // The last name that says what it holds decides (later ones are arguments such as
    // `ENT_QUOTES`); the one before it is its owner.
    (0..idents.len()).rev().find_map(|i| {
        let owner = i.checked_sub(1).map(|o| idents[o].as_str());
        names
            .classify(&idents[i], owner, NameSite::Code)
            .map(|m| m.category)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn classifies_template_output_expressions() {
        let cat = Catalog::builtin();
        let id = |e: &str| classify_expr(&cat.names, e).map(|c| cat.names.category(c).id.clone());
        assert_eq!(id("$user->phone").as_deref(), Some("phone"));
        assert_eq!(id("$user->name").as_deref(), Some("name"));
        assert_eq!(id("Auth::user()->name").as_deref(), Some("name"));
        assert_eq!(id("$product->name"), None);
    }
}
