//! Vendor slots: arguments and keys that are personal data by the vendor's own definition
//! (Meta's advanced-matching `em`, gtag's `user_data`, `Sentry.setUser(…)`). A value whose
//! origin the analysis cannot see there (a server-template output, a JSON-encoded server value,
//! an opaque object or parameter) is still reported, with the category the slot defines.
//!
//! Not reported: literals (strings, numbers, booleans, `null`, template literals of literal
//! parts), names bound to a string literal, verdicts (`a === b`, `!x`, `typeof x`), and values
//! whose name marks an opaque identifier (`id`, `uuid`, `userId`, `distinct_id`, `external_id`).
//! A server-template output is never a literal. A value whose origin is visible (a read the
//! analysis classified) is reported by its own flow instead; a slot flow is dropped where such
//! a flow of the same category reaches the same call.

use super::ast::unwrap_expr;
use super::call::Call;
use super::engine::Engine;
use super::outcome::SinkSite;
use super::value::{Kind, Origin, Value};
use crate::catalog::sdk::{CallShape, Slot};
use crate::parse::{local, to_span, FileId};
use crate::report::Evidence;
use crate::source::{snippet, ByteSpan};
use std::rc::Rc;
use swc_ecma_ast::*;

/// An expression in a slot, or a shorthand property's name (`{ em }`).
#[derive(Clone, Copy)]
enum Written<'e> {
    Expr(&'e Expr),
    Shorthand(&'e Ident),
}

impl Written<'_> {
    fn span(self) -> ByteSpan {
        match self {
            Written::Expr(e) => to_span(swc_common::Spanned::span(e)),
            Written::Shorthand(i) => to_span(i.span),
        }
    }

    fn name(self) -> Option<String> {
        match self {
            Written::Expr(e) => super::ast::expr_name(e),
            Written::Shorthand(i) => Some(i.sym.to_string()),
        }
    }
}

impl Engine<'_> {
    /// Reports values of unknown origin in the call's vendor-defined slots.
    pub(super) fn vendor_slots(
        &mut self,
        site: &Rc<SinkSite>,
        slot: &Slot,
        shape: &CallShape,
        call: &Call,
    ) {
        if self.in_vendor_package(site) {
            return;
        }
        // `gtag('set', 'user_data', X)`, `people.set('$email', X)`: a string naming a slot says
        // what the next argument is. Only the first data-carrying argument can be the slot's
        // whole value (`people.set(key, value)` with an unknown key is no profile).
        let mut named: Option<String> = None;
        let mut first = true;
        for (i, value) in call.args.iter().enumerate() {
            let Some(arg) = call.arg_exprs.get(i) else {
                break;
            };
            if !shape.carries_data(i) {
                continue;
            }
            if let Some(s) = value.as_str() {
                if slot.keys.contains_key(s) {
                    named = Some(s.to_string());
                    first = false;
                    continue;
                }
            }
            let path = named.take().unwrap_or_default();
            let whole = path.is_empty() && first;
            first = false;
            if path.is_empty() && !whole && !matches!(unwrap_expr(&arg.expr), Expr::Object(_)) {
                continue;
            }
            self.judge_slot(site, slot, i, &path, Written::Expr(&arg.expr), value, 0);
        }
    }

    /// Reports values of unknown origin in the vendor-defined keys of a sink assignment:
    /// `window.intercomSettings = {…}`, also `Object.assign({…}, more)` (the literal objects'
    /// keys; what the other arguments hold is not known, so they are no whole value).
    pub(super) fn assigned_slots(
        &mut self,
        site: &Rc<SinkSite>,
        slot: &Slot,
        rhs: &Expr,
        value: &Value,
    ) {
        if self.in_vendor_package(site) {
            return;
        }
        if let Expr::Call(c) = unwrap_expr(rhs) {
            let object_assign = matches!(&c.callee, Callee::Expr(callee) if matches!(unwrap_expr(callee), Expr::Member(m)
                if matches!(&*m.obj, Expr::Ident(o) if &*o.sym == "Object")
                    && matches!(&m.prop, MemberProp::Ident(p) if &*p.sym == "assign")));
            if object_assign {
                for arg in &c.args {
                    if arg.spread.is_none() && matches!(unwrap_expr(&arg.expr), Expr::Object(_)) {
                        self.judge_slot(site, slot, 0, "", Written::Expr(&arg.expr), value, 0);
                    }
                }
            }
            return;
        }
        self.judge_slot(site, slot, 0, "", Written::Expr(rhs), value, 0);
    }

    /// The SDK's own package (`…/mixpanel-browser/dist/…`, a copy of `react-facebook-pixel`)
    /// forwards what its callers hand it: that is the callers' data, judged at their calls.
    fn in_vendor_package(&self, site: &SinkSite) -> bool {
        let file = FileId::of(site.span).index();
        let sdk = self.cat.sdks.get(site.sdk);
        let path = self
            .modules
            .path_of(file)
            .to_string_lossy()
            .replace('\\', "/");
        sdk.npm
            .iter()
            .any(|p| path.contains(&format!("/{p}/")) || path.starts_with(&format!("{p}/")))
    }

    /// The value at `path` of argument `arg`: an object literal is looked into key by key,
    /// anything else is judged as the slot's whole value.
    #[allow(clippy::too_many_arguments)]
    fn judge_slot(
        &mut self,
        site: &Rc<SinkSite>,
        slot: &Slot,
        arg: usize,
        path: &str,
        written: Written,
        value: &Value,
        depth: usize,
    ) {
        if depth > 4 {
            return;
        }
        if let Written::Expr(e) = written {
            match unwrap_expr(e) {
                Expr::Object(o) if slot.has_below(path) => {
                    for prop in &o.props {
                        match prop {
                            PropOrSpread::Prop(p) => {
                                let (key, inner) = match &**p {
                                    Prop::KeyValue(kv) => {
                                        let key = match &kv.key {
                                            PropName::Ident(i) => i.sym.to_string(),
                                            PropName::Str(s) => s.value.to_atom_lossy().to_string(),
                                            _ => continue,
                                        };
                                        (key, Written::Expr(&kv.value))
                                    }
                                    Prop::Shorthand(i) => {
                                        (i.sym.to_string(), Written::Shorthand(i))
                                    }
                                    _ => continue,
                                };
                                let sub = if path.is_empty() {
                                    key.clone()
                                } else {
                                    format!("{path}.{key}")
                                };
                                if !slot.keys.contains_key(&sub) && !slot.has_below(&sub) {
                                    continue;
                                }
                                let field = value.field(&key).cloned().unwrap_or_default();
                                self.judge_slot(site, slot, arg, &sub, inner, &field, depth + 1);
                            }
                            // `{ ...user }`: the spread object's keys are not known.
                            PropOrSpread::Spread(s) if path.is_empty() => {
                                self.judge_slot(
                                    site,
                                    slot,
                                    arg,
                                    path,
                                    Written::Expr(&s.expr),
                                    value,
                                    depth + 1,
                                );
                            }
                            PropOrSpread::Spread(_) => {}
                        }
                    }
                    return;
                }
                // `user ? { email: user.email } : null`: each branch.
                Expr::Cond(c) => {
                    for branch in [&c.cons, &c.alt] {
                        self.judge_slot(
                            site,
                            slot,
                            arg,
                            path,
                            Written::Expr(branch),
                            value,
                            depth + 1,
                        );
                    }
                    return;
                }
                _ => {}
            }
        }
        let categories: Vec<&str> = if path.is_empty() {
            slot.whole.iter().map(String::as_str).collect()
        } else {
            slot.keys
                .get(path)
                .map(String::as_str)
                .into_iter()
                .collect()
        };
        if categories.is_empty() || !self.origin_unseen(written, value) {
            return;
        }
        let evidence = if value
            .flat_taint(0)
            .iter()
            .any(|l| matches!(l.origin, Origin::Param { .. }))
        {
            Evidence::SlotParam
        } else {
            Evidence::Slot
        };
        let cat = self.cat;
        let vendor = &cat.sdks.get(site.sdk).vendor;
        let span = written.span();
        let text = snippet(self.file_text(span), local(span), 60);
        for category in categories {
            let Some(id) = cat.names.category_by_id(category) else {
                continue;
            };
            let what = with_article(&cat.names.category(id).label);
            let desc = if path.is_empty() {
                format!(
                    "`{text}` (origin unknown; {vendor}'s {} holds {what})",
                    site.what
                )
            } else {
                format!(
                    "`{text}` (origin unknown; {vendor} defines key {path} of {} as {what})",
                    site.what
                )
            };
            let label = self.new_source(span, id, desc, evidence);
            self.emit(site, arg, path.to_string(), label);
        }
    }

    /// True when nothing says what the value is: not a literal, a verdict or an opaque
    /// identifier, and no read the analysis classified.
    fn origin_unseen(&mut self, written: Written, value: &Value) -> bool {
        if value
            .flat_taint(0)
            .iter()
            .any(|l| matches!(l.origin, Origin::Source(_)))
        {
            return false;
        }
        if matches!(value.kind, Kind::Func(_) | Kind::Setter(_) | Kind::Event(_))
            || self.holds_literal(value)
        {
            return false;
        }
        if let Written::Expr(e) = written {
            if self.is_literal(e) {
                return false;
            }
            // `const lastTouch = mapKeys(utmParams, …); people.set(lastTouch)`: what a call we
            // cannot see into returned, held under a name that names nobody, is the code's own
            // computation, not an object of unknown origin. `const user = getUser()` still is.
            let returned = match &value.kind {
                Kind::Returned => true,
                Kind::Global(path) => path.ends_with("()"),
                _ => false,
            };
            if returned
                && matches!(unwrap_expr(e), Expr::Ident(_))
                && !written
                    .name()
                    .is_some_and(|n| self.cat.names.names_owner(&n))
            {
                return false;
            }
        }
        !written.name().is_some_and(|n| names_opaque_id(&n))
    }

    /// A string constant (not a server-template output), here or imported from a module.
    fn holds_literal(&mut self, value: &Value) -> bool {
        match &value.kind {
            Kind::Str(s) => !self.may_hold_placeholder(s),
            Kind::Lazy(lazy) => {
                let lazy = lazy.clone();
                self.resolve_lazy(&lazy).is_some_and(
                    |v| matches!(&v.kind, Kind::Str(s) if !self.may_hold_placeholder(s)),
                )
            }
            _ => false,
        }
    }

    /// Literals and verdicts: what holds no personal data whatever the code around it does.
    fn is_literal(&mut self, e: &Expr) -> bool {
        match unwrap_expr(e) {
            Expr::Lit(Lit::Str(s)) => !self.may_hold_placeholder(&s.value.to_atom_lossy()),
            Expr::Lit(_) => true,
            Expr::Tpl(t) => {
                t.exprs.iter().all(|x| self.is_literal(x))
                    && t.quasis.iter().all(|q| !self.may_hold_placeholder(&q.raw))
            }
            Expr::Ident(i) => {
                matches!(&*i.sym, "undefined" | "NaN" | "Infinity")
                    || self.lookup(&i.sym).is_some_and(|v| self.holds_literal(&v))
            }
            Expr::Unary(u) => match u.op {
                UnaryOp::Minus | UnaryOp::Plus => self.is_literal(&u.arg),
                UnaryOp::Bang | UnaryOp::TypeOf | UnaryOp::Void | UnaryOp::Delete => true,
                UnaryOp::Tilde => self.is_literal(&u.arg),
            },
            Expr::Bin(b) => {
                matches!(
                    b.op,
                    BinaryOp::EqEq
                        | BinaryOp::NotEq
                        | BinaryOp::EqEqEq
                        | BinaryOp::NotEqEq
                        | BinaryOp::Lt
                        | BinaryOp::LtEq
                        | BinaryOp::Gt
                        | BinaryOp::GtEq
                        | BinaryOp::In
                        | BinaryOp::InstanceOf
                ) || (self.is_literal(&b.left) && self.is_literal(&b.right))
            }
            Expr::Array(a) => a
                .elems
                .iter()
                .flatten()
                .all(|x| x.spread.is_none() && self.is_literal(&x.expr)),
            Expr::Object(o) => o.props.is_empty(),
            Expr::Fn(_) | Expr::Arrow(_) | Expr::Class(_) => true,
            _ => false,
        }
    }
}

/// "an email address", "a phone number", "credentials".
fn with_article(label: &str) -> String {
    let plural = label.ends_with('s') && !label.ends_with("ss");
    let article = if plural {
        ""
    } else if label.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an "
    } else {
        "a "
    };
    format!("{article}{label}")
}

/// `id`, `uuid`, `userId`, `user_id`, `distinct_id`, `externalId`, `hashedExternalId`: names
/// of opaque identifiers, which the vendors' identity slots take on purpose.
pub(super) fn names_opaque_id(name: &str) -> bool {
    // The last word, split at `_`, `-`, `$` and lower-to-upper case changes.
    let trimmed = name.trim_matches(|c: char| c == '_' || c == '$');
    let mut last_start = 0;
    let bytes = trimmed.as_bytes();
    for i in 1..bytes.len() {
        let sep = matches!(bytes[i - 1], b'_' | b'-' | b'$');
        let camel = bytes[i - 1].is_ascii_lowercase() && bytes[i].is_ascii_uppercase();
        if sep || camel {
            last_start = i;
        }
    }
    let last = trimmed[last_start..].to_ascii_lowercase();
    matches!(
        last.as_str(),
        "id" | "ids" | "uid" | "uuid" | "guid" | "pk" | "key"
    )
}

#[cfg(test)]
mod tests {
    use super::names_opaque_id;

    #[test]
    fn opaque_identifier_names() {
        for yes in [
            "id",
            "uuid",
            "userId",
            "user_id",
            "distinct_id",
            "external_id",
            "externalId",
            "hashedExternalId",
            "customerID",
            "$user_id",
            "visitorUuid",
        ] {
            assert!(names_opaque_id(yes), "{yes}");
        }
        for no in [
            "email",
            "paid",
            "valid",
            "userData",
            "user",
            "mixpanelData",
            "avoid",
            "PAID",
            "VALID",
        ] {
            assert!(!names_opaque_id(no), "{no}");
        }
    }
}
