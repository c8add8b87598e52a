//! The sensitive-name classifier: decides from a name (`user.emailAddress`, `#billing-postcode`,
//! `localStorage` key `user_email`) which category of personal data a value holds.
//! Patterns and traps are data in `lints/sensitive.toml`; this file only applies them.

use regex::Regex;
use serde::Deserialize;

/// Index of a category in [`Names::categories`].
pub type CategoryId = u8;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    names: RawShared,
    category: Vec<RawCategory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShared {
    metadata_after: Vec<String>,
    flag_before: Vec<String>,
    metadata_owner: Vec<String>,
    handle_after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    id: String,
    label: String,
    strong: Vec<String>,
    #[serde(default)]
    contextual: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    deny_before: Vec<String>,
    #[serde(default)]
    deny_after: Vec<String>,
}

pub struct Category {
    pub id: String,
    pub label: String,
    strong: Regex,
    contextual: Option<Regex>,
    context: Vec<String>,
    deny_before: Vec<String>,
    deny_after: Vec<String>,
}

/// What a name refers to: the data itself, or a form control / element that holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Value,
    Handle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMatch {
    pub category: CategoryId,
    pub kind: NameKind,
}

/// Where a name was found; form fields accept bare contextual names (`name="name"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameSite {
    /// A property or variable name in code; contextual names need an owning object that says so.
    Code,
    /// A form field's name/id/class, a FormData or URL parameter key, a storage key.
    Field,
}

pub struct Names {
    pub categories: Vec<Category>,
    /// A configuration's own names (normalised) and what they hold: checked first.
    custom: std::collections::HashMap<String, CategoryId>,
    metadata_after: Vec<String>,
    flag_before: Vec<String>,
    metadata_owner: Vec<String>,
    handle_after: Vec<String>,
}

fn alternation(patterns: &[String]) -> String {
    // Longest first, so `email_address` wins over `email` and the word after it is checked.
    let mut sorted: Vec<&String> = patterns.iter().collect();
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let parts: Vec<String> = sorted.iter().map(|p| format!("(?:{p})")).collect();
    parts.join("|")
}

impl Names {
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let raw: RawCatalog = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut categories = Vec::new();
        for c in raw.category {
            let strong = Regex::new(&format!("^(?:{})(?:_|[0-9]|$)", alternation(&c.strong)))
                .map_err(|e| format!("category {}: {e}", c.id))?;
            let contextual = if c.contextual.is_empty() {
                None
            } else {
                Some(
                    Regex::new(&format!("^(?:{})(?:_|[0-9]|$)", alternation(&c.contextual)))
                        .map_err(|e| format!("category {}: {e}", c.id))?,
                )
            };
            categories.push(Category {
                id: c.id,
                label: c.label,
                strong,
                contextual,
                context: c.context,
                deny_before: c.deny_before,
                deny_after: c.deny_after,
            });
        }
        if categories.len() > u8::MAX as usize {
            return Err("too many categories".into());
        }
        Ok(Self {
            custom: Default::default(),
            categories,
            metadata_after: raw.names.metadata_after,
            flag_before: raw.names.flag_before,
            metadata_owner: raw.names.metadata_owner,
            handle_after: raw.names.handle_after,
        })
    }

    /// Teaches a name (a field id, a property) that holds data of `category`.
    pub fn add_custom(&mut self, name: &str, category: CategoryId) {
        self.custom.insert(normalize(name), category);
    }

    pub fn category(&self, id: CategoryId) -> &Category {
        &self.categories[id as usize]
    }

    /// True when `name` ends with a word that names who personal data belongs to (`user`,
    /// `currentCustomer`, `profile`), by any category's context: an object so named may hold it.
    pub fn names_owner(&self, name: &str) -> bool {
        let norm = normalize(name);
        !norm.is_empty()
            && self
                .categories
                .iter()
                .any(|c| ends_with_context(&norm, &c.context))
    }

    pub fn category_by_id(&self, id: &str) -> Option<CategoryId> {
        self.categories
            .iter()
            .position(|c| c.id == id)
            .map(|i| i as CategoryId)
    }

    /// Classifies a name. `owner` is the name of the object it is read from (`user` in
    /// `user.name`), which lets contextual names count.
    pub fn classify(&self, name: &str, owner: Option<&str>, site: NameSite) -> Option<NameMatch> {
        let norm = normalize(name);
        if norm.is_empty() || norm.len() > 80 {
            return None;
        }
        if let Some(&category) = self.custom.get(&norm) {
            return Some(NameMatch {
                category,
                kind: NameKind::Value,
            });
        }
        let owner_norm = owner.map(normalize);
        if site == NameSite::Code {
            if let Some(o) = &owner_norm {
                let last = o.rsplit('_').next().unwrap_or(o);
                if self.metadata_owner.iter().any(|m| m == last || m == o) {
                    return None;
                }
            }
        }
        for (i, cat) in self.categories.iter().enumerate() {
            if let Some(kind) = self.match_strong(cat, &norm) {
                return Some(NameMatch {
                    category: i as CategoryId,
                    kind,
                });
            }
        }
        // Contextual names must be the whole name, apart from a handle word after them.
        for (i, cat) in self.categories.iter().enumerate() {
            let Some(re) = &cat.contextual else { continue };
            let Some(m) = re.find(&norm) else { continue };
            let rest = rest_after(&norm, m.end());
            let kind = if rest.is_empty() {
                NameKind::Value
            } else if starts_with_word(rest, &self.handle_after) {
                NameKind::Handle
            } else {
                continue;
            };
            let in_context = match site {
                NameSite::Field => true,
                NameSite::Code => owner_norm
                    .as_deref()
                    .is_some_and(|o| ends_with_context(o, &cat.context)),
            };
            if in_context {
                return Some(NameMatch {
                    category: i as CategoryId,
                    kind,
                });
            }
        }
        None
    }

    fn match_strong(&self, cat: &Category, norm: &str) -> Option<NameKind> {
        let mut start = 0;
        loop {
            let tail = &norm[start..];
            if let Some(m) = cat.strong.find(tail) {
                let before = norm[..start].trim_end_matches('_');
                let rest = rest_after(tail, m.end());
                let denied = ends_with_word(before, &self.flag_before)
                    || ends_with_word(before, &cat.deny_before)
                    || starts_with_word(rest, &self.metadata_after)
                    || starts_with_word(rest, &cat.deny_after);
                if !denied {
                    return Some(if starts_with_word(rest, &self.handle_after) {
                        NameKind::Handle
                    } else {
                        NameKind::Value
                    });
                }
            }
            match tail.find('_') {
                Some(i) => start += i + 1,
                None => return None,
            }
        }
    }
}

/// What follows a match: the match may have consumed the boundary `_` or a digit.
fn rest_after(s: &str, end: usize) -> &str {
    s[end..].trim_start_matches(|c: char| c == '_' || c.is_ascii_digit())
}

fn starts_with_word(s: &str, words: &[String]) -> bool {
    words
        .iter()
        .any(|w| s == w || (s.starts_with(w.as_str()) && s.as_bytes().get(w.len()) == Some(&b'_')))
}

fn ends_with_word(s: &str, words: &[String]) -> bool {
    words.iter().any(|w| {
        s == w
            || (s.ends_with(w.as_str()) && s.as_bytes().get(s.len() - w.len() - 1) == Some(&b'_'))
    })
}

fn ends_with_context(owner: &str, words: &[String]) -> bool {
    let last = owner.rsplit('_').next().unwrap_or(owner);
    words.iter().any(|w| {
        let plural = format!("{w}s");
        ends_with_word(owner, std::slice::from_ref(w)) || last == plural
    })
}

/// `userEmailAddress` -> `user_email_address`, `ZIPCode` -> `zip_code`, `#billing-postcode` ->
/// `billing_postcode`, `customer[billing][zip]` -> `customer_billing_zip`.
pub fn normalize(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && i > 0 {
                let prev = chars[i - 1];
                let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
                if prev.is_lowercase() || (prev.is_uppercase() && next_lower) {
                    out.push('_');
                }
            }
            out.extend(c.to_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names::from_toml(include_str!("../../lints/sensitive.toml")).unwrap()
    }

    fn cat(
        n: &Names,
        name: &str,
        owner: Option<&str>,
        site: NameSite,
    ) -> Option<(String, NameKind)> {
        n.classify(name, owner, site)
            .map(|m| (n.category(m.category).id.clone(), m.kind))
    }

    #[test]
    fn normalizes_like_the_reference() {
        assert_eq!(normalize("userEmailAddress"), "user_email_address");
        assert_eq!(normalize("ZIPCode"), "zip_code");
        assert_eq!(normalize("#billing-postcode"), "billing_postcode");
        assert_eq!(normalize("customer[billing][zip]"), "customer_billing_zip");
        assert_eq!(normalize("tLabels"), "t_labels");
        assert_eq!(normalize("cvv2"), "cvv2");
    }

    #[test]
    fn strong_names() {
        let n = names();
        let v = |s| cat(&n, s, None, NameSite::Code).map(|c| c.0);
        assert_eq!(v("email").as_deref(), Some("email"));
        assert_eq!(v("userEmail").as_deref(), Some("email"));
        assert_eq!(v("phoneNumber").as_deref(), Some("phone"));
        assert_eq!(v("firstName").as_deref(), Some("name"));
        assert_eq!(v("billing_postcode").as_deref(), Some("address"));
        assert_eq!(v("streetAddress").as_deref(), Some("address"));
        assert_eq!(v("ccNumber").as_deref(), Some("card"));
        assert_eq!(v("ssn").as_deref(), Some("gov-id"));
        assert_eq!(v("dateOfBirth").as_deref(), Some("birthdate"));
        assert_eq!(v("diagnosis").as_deref(), Some("health"));
        assert_eq!(v("password").as_deref(), Some("credentials"));
        assert_eq!(v("trackingNumber").as_deref(), Some("tracking-number"));
        assert_eq!(v("tLabels").as_deref(), Some("tracking-number"));
        assert_eq!(v("address1").as_deref(), Some("address"));
    }

    #[test]
    fn traps_are_not_sensitive() {
        let n = names();
        for trap in [
            "zipFile",
            "card-title",
            "ipAddress",
            "trackingEnabled",
            "emailVerified",
            "tracking_id",
            "isEmailValid",
            "passwordStrength",
            "hotel",
            "sussex",
            "gzip",
            "fileName",
            "className",
            "productName",
            "email_template",
            "showPassword",
            "macAddress",
            "emailError",
            "phone_country",
            "trackingId",
            "zip_url",
            "companyName",
            "serverAddress",
            "cardBody",
            "mobileMenu",
            "state",
            "address",
            "name",
            "emailForm",
            "emailSubject",
        ] {
            assert_eq!(cat(&n, trap, None, NameSite::Code), None, "{trap}");
        }
    }

    #[test]
    fn handles_and_context() {
        let n = names();
        assert_eq!(
            cat(&n, "emailInput", None, NameSite::Code),
            Some(("email".into(), NameKind::Handle))
        );
        assert_eq!(
            cat(&n, "name", Some("user"), NameSite::Code),
            Some(("name".into(), NameKind::Value))
        );
        assert_eq!(
            cat(&n, "name", Some("currentUser"), NameSite::Code),
            Some(("name".into(), NameKind::Value))
        );
        assert_eq!(cat(&n, "name", Some("product"), NameSite::Code), None);
        assert_eq!(cat(&n, "state", Some("shipping"), NameSite::Code), None);
        assert_eq!(cat(&n, "country", Some("address"), NameSite::Code), None);
        assert_eq!(
            cat(&n, "city", Some("shipping"), NameSite::Code).map(|c| c.0),
            Some("address".into())
        );
        assert_eq!(
            cat(&n, "name", None, NameSite::Field).map(|c| c.0),
            Some("name".into())
        );
        assert_eq!(
            cat(&n, "address", None, NameSite::Field).map(|c| c.0),
            Some("address".into())
        );
        assert_eq!(
            cat(&n, "latitude", Some("coords"), NameSite::Code).map(|c| c.0),
            Some("location".into())
        );
        assert_eq!(cat(&n, "latitude", Some("store"), NameSite::Code), None);
        assert_eq!(cat(&n, "email", Some("errors"), NameSite::Code), None);
        assert_eq!(cat(&n, "phone", Some("formErrors"), NameSite::Code), None);
        assert_eq!(cat(&n, "firstName", Some("labels"), NameSite::Code), None);
    }
}
