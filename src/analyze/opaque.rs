//! Calls into code the analysis cannot see: npm utilities (`pick`, `merge`, `cloneDeep`,
//! `get(user, 'profile.email')`), unresolved imports, library helpers. What such a call returns
//! is made from its arguments and its receiver, so it carries their data, unless the function's
//! name says it returns a verdict or a measure (`isValidEmail`, `countItems`, `.includes()`).
//! An accessor whose name or key says what it returns (`getEmail()`, `selectUserEmail(state)`,
//! `user.get('email')`, `traits.email()`) is a name-judged source.

use super::apis::{ACCESSOR_PREFIXES, KEYED_READS, MEASURE_SUFFIXES, VERDICTS, VERDICT_PREFIXES};
use super::call::Call;
use super::engine::Engine;
use super::value::{Kind, Step, Value};
use crate::catalog::{NameKind, NameSite};
use crate::report::Evidence;
use crate::source::ByteSpan;

/// `isValid`, `has_email`, `countItems`: the name says the result is a verdict or a measure.
pub fn is_verdict(name: &str) -> bool {
    if VERDICTS.contains(&name) || MEASURE_SUFFIXES.iter().any(|s| name.ends_with(s)) {
        return true;
    }
    VERDICT_PREFIXES.iter().any(|p| {
        name.strip_prefix(p).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with('_')
                || rest.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        })
    })
}

/// `getUserEmail` -> `UserEmail`; `select_phone` -> `phone`; `None` without an accessor prefix.
fn accessor_subject(name: &str) -> Option<&str> {
    ACCESSOR_PREFIXES.iter().find_map(|p| {
        let rest = name.strip_prefix(p)?;
        let rest = rest.strip_prefix('_').unwrap_or(rest);
        rest.chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase() || name.as_bytes()[p.len()] == b'_')
            .then_some(rest)
    })
}

impl<'a> Engine<'a> {
    /// What a call into unseen code returns (see the module docs). `fallback` is the kind the
    /// result has when it carries nothing (an SDK or browser path, kept for later lookups).
    pub(super) fn opaque_call(&mut self, call: &Call, fallback: Kind) -> Value {
        let name: Option<&str> = match (call.method, &call.callee.kind) {
            (Some(m), _) => Some(m),
            (None, Kind::Global(p)) => Some(p.rsplit('.').next().unwrap_or(p)),
            _ => None,
        };
        let name = name.map(|n| n.trim_end_matches("()"));
        if name.is_some_and(is_verdict) {
            return Value::default();
        }
        if let Some(source) = self.accessor_source(call, name) {
            return source;
        }
        // lodash `pick(user, ['email', 'plan'])`: those properties of the object.
        if let (Some("pick"), [obj, keys, ..]) = (name, call.args) {
            let keys: Vec<String> = match keys.as_str() {
                Some(k) => vec![k.to_string()],
                None => keys
                    .fields
                    .iter()
                    .flat_map(|f| f.values())
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
            };
            if !keys.is_empty() {
                // `pick(user, …)` reads `user.email`: the object's name is the owner.
                let text = self.span_text(call.arg_spans[0]);
                let owner = text
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'.')
                    .then(|| text.to_string());
                let mut out = Value::default();
                for k in keys {
                    let v = self.get_prop(obj, &k, owner.as_deref(), call.span);
                    out.set_field(k.as_str().into(), v);
                }
                return out;
            }
        }
        let mut out = Value::kind(Kind::Returned);
        for a in call.args {
            if !a.is_clean() && !matches!(a.kind, Kind::Func(_)) {
                out.add_taint(&a.flat_taint(0));
            }
        }
        if let Some(r) = call.receiver.filter(|r| !r.is_clean()) {
            if !matches!(r.kind, Kind::Global(_)) {
                out.add_taint(&r.flat_taint(0));
            }
        }
        if out.taint.is_empty() {
            return Value::kind(fallback);
        }
        let step = Step {
            span: call.span,
            note: format!("returned by {}()", name.unwrap_or("a function")).into(),
        };
        out.with_step(&step)
    }

    /// A name-judged source for an accessor: by the key it reads (`user.get('email')`,
    /// `getIn(['profile', 'phone'])`, `get(user, 'profile.email')`) or by its own name
    /// (`getEmail()`, `traits.email()`).
    fn accessor_source(&mut self, call: &Call, name: Option<&str>) -> Option<Value> {
        let name = name?;
        let key_arg = match name {
            "get" if call.method.is_none() => call.args.get(1),
            n if KEYED_READS.contains(&n) && call.method.is_some() => call.args.first(),
            _ => None,
        };
        let subject: Option<String> = match key_arg {
            Some(k) => last_key(k),
            None if call.args.is_empty() && call.method.is_some() => {
                Some(accessor_subject(name).unwrap_or(name).to_string())
            }
            None => accessor_subject(name).map(str::to_string),
        };
        let subject = subject?;
        let owner = call
            .receiver_name
            .map(|r| r.rsplit('.').next().unwrap_or(r));
        let m = self.classify(&subject, owner, NameSite::Code)?;
        if m.kind != NameKind::Value {
            return None;
        }
        let text = self.span_text(call.span);
        let desc = crate::source::snippet(text, ByteSpan::new(0, text.len() as u32), 60);
        let label = self.new_source(call.span, m.category, desc, Evidence::Name);
        let mut v = Value::tainted(label);
        v.kind = Kind::Returned;
        Some(v)
    }
}

/// The last segment of a key argument: `'email'`, `'profile.email'`, `['profile', 'phone']`.
fn last_key(v: &Value) -> Option<String> {
    if let Some(s) = v.as_str() {
        return s.rsplit('.').next().map(str::to_string);
    }
    let fields = v.fields.as_ref()?;
    let last = fields
        .iter()
        .filter_map(|(k, f)| Some((k.parse::<usize>().ok()?, f)))
        .max_by_key(|(i, _)| *i)?;
    last.1.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_and_measures_by_name() {
        for n in [
            "isValidEmail",
            "has_email",
            "countEmails",
            "emailLength",
            "includes",
            "Boolean",
            "validateEmail",
            "is",
        ] {
            assert!(is_verdict(n), "{n}");
        }
        for n in [
            "cleanup",
            "island",
            "history",
            "hash",
            "sha256",
            "normalizeEmail",
            "format",
        ] {
            assert!(!is_verdict(n), "{n}");
        }
    }

    #[test]
    fn accessor_subjects() {
        assert_eq!(accessor_subject("getUserEmail"), Some("UserEmail"));
        assert_eq!(accessor_subject("select_phone"), Some("phone"));
        assert_eq!(accessor_subject("getter"), None);
        assert_eq!(accessor_subject("target"), None);
    }
}
