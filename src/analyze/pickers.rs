//! Predicates that pick form fields by name: Contact Form 7's `event.detail.inputs.find(i =>
//! EMAIL_NAMES.includes(i.name))`, `fields.filter(f => f.name === 'email')`. What such a
//! `find`/`filter` returns is the field with one of those names, so its `.value` is what the
//! visitor typed there.

use swc_ecma_ast::*;

/// The field names `ret` (a predicate's returned expression, over the parameter `param`)
/// accepts: `param.name === 'email'`, `LIST.includes(param.name)`, `LIST.indexOf(param.name) > -1`,
/// and `||` of those. `list` gives the strings of an array variable. Empty when it is none of them.
pub(super) fn picked_names(
    param: &str,
    ret: &Expr,
    list: &mut dyn FnMut(&str) -> Vec<String>,
) -> Vec<String> {
    match unwrap(ret) {
        Expr::Bin(b) => match b.op {
            BinaryOp::LogicalOr => {
                let mut out = picked_names(param, &b.left, list);
                out.extend(picked_names(param, &b.right, list));
                out
            }
            BinaryOp::EqEqEq | BinaryOp::EqEq => {
                let (l, r) = (unwrap(&b.left), unwrap(&b.right));
                match (l, r) {
                    (e, Expr::Lit(Lit::Str(s))) | (Expr::Lit(Lit::Str(s)), e)
                        if is_name_of(param, e) =>
                    {
                        vec![s.value.to_atom_lossy().to_string()]
                    }
                    _ => Vec::new(),
                }
            }
            // `LIST.indexOf(param.name) > -1`, `!== -1`, `>= 0`
            BinaryOp::Gt | BinaryOp::GtEq | BinaryOp::NotEqEq | BinaryOp::NotEq => {
                picked_names(param, &b.left, list)
            }
            _ => Vec::new(),
        },
        Expr::Call(c) => {
            let Callee::Expr(callee) = &c.callee else {
                return Vec::new();
            };
            let Expr::Member(m) = unwrap(callee) else {
                return Vec::new();
            };
            let method = match &m.prop {
                MemberProp::Ident(i) => i.sym.as_str(),
                _ => return Vec::new(),
            };
            if !matches!(method, "includes" | "indexOf") {
                return Vec::new();
            }
            let Some(arg) = c.args.first() else {
                return Vec::new();
            };
            if !is_name_of(param, &arg.expr) {
                return Vec::new();
            }
            match unwrap(&m.obj) {
                Expr::Ident(i) => list(i.sym.as_str()),
                Expr::Array(a) => a
                    .elems
                    .iter()
                    .flatten()
                    .filter_map(|e| match unwrap(&e.expr) {
                        Expr::Lit(Lit::Str(s)) => Some(s.value.to_atom_lossy().to_string()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

/// `param.name` (or `param.id`, `param.getAttribute('name')` is left out: rare in pickers).
fn is_name_of(param: &str, e: &Expr) -> bool {
    match unwrap(e) {
        Expr::Member(m) => {
            matches!(unwrap(&m.obj), Expr::Ident(i) if i.sym == param)
                && matches!(&m.prop, MemberProp::Ident(p) if p.sym == "name" || p.sym == "id")
        }
        _ => false,
    }
}

fn unwrap(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => unwrap(&p.expr),
        Expr::TsAs(a) => unwrap(&a.expr),
        Expr::TsNonNull(n) => unwrap(&n.expr),
        other => other,
    }
}
