//! Small helpers over swc's AST shared by the engine's modules: names and paths of expressions,
//! string literals, type annotations, declarations and `switch` cases. They read syntax only
//! (no engine state), so every module of the analysis can use them without depending on another.

use super::apis::CONTAINER_PROPS;
use std::rc::Rc;
use swc_ecma_ast::*;

/// A string literal's value.
pub(super) fn str_of(s: &Str) -> Rc<str> {
    Rc::from(s.value.to_atom_lossy().as_str())
}

/// Strips parentheses and TypeScript wrappers around a callee: `(window as any).fbq`.
pub(super) fn unwrap_expr(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => unwrap_expr(&p.expr),
        Expr::TsAs(x) => unwrap_expr(&x.expr),
        Expr::TsNonNull(x) => unwrap_expr(&x.expr),
        Expr::TsTypeAssertion(x) => unwrap_expr(&x.expr),
        Expr::TsSatisfies(x) => unwrap_expr(&x.expr),
        _ => e,
    }
}

/// The name an expression goes by, for context: `user`, `currentUser`, `getUser`.
pub(super) fn expr_name(e: &Expr) -> Option<String> {
    match unwrap_expr(e) {
        Expr::Ident(i) => Some(i.sym.to_string()),
        Expr::Member(m) => match &m.prop {
            MemberProp::Ident(p) => Some(p.sym.to_string()),
            MemberProp::Computed(c) => match &*c.expr {
                Expr::Lit(Lit::Str(s)) => Some(str_of(s).to_string()),
                _ => expr_name(&m.obj),
            },
            _ => None,
        },
        Expr::Call(c) => match &c.callee {
            Callee::Expr(e) => expr_name(e),
            _ => None,
        },
        Expr::Await(a) => expr_name(&a.arg),
        Expr::OptChain(o) => match &*o.base {
            OptChainBase::Member(m) => match &m.prop {
                MemberProp::Ident(p) => Some(p.sym.to_string()),
                _ => None,
            },
            OptChainBase::Call(c) => expr_name(&c.callee),
        },
        _ => None,
    }
}

/// The name of the object a property is read from, for judging the property by it: generic
/// containers are looked through (`currentUser.data.data` is `currentUser`'s, as an API
/// response's `data` or a ref's `current` holds what its owner names).
pub(super) fn owner_name(e: &Expr) -> Option<String> {
    let m = match unwrap_expr(e) {
        Expr::Member(m) => m,
        Expr::OptChain(o) => match &*o.base {
            OptChainBase::Member(m) => m,
            OptChainBase::Call(_) => return expr_name(e),
        },
        _ => return expr_name(e),
    };
    match &m.prop {
        MemberProp::Ident(p) if CONTAINER_PROPS.contains(&p.sym.as_str()) => {
            owner_name(&m.obj).or_else(|| Some(p.sym.to_string()))
        }
        _ => expr_name(e),
    }
}

pub(super) fn prop_name_str(p: &PropName) -> Option<String> {
    match p {
        PropName::Ident(i) => Some(i.sym.to_string()),
        PropName::Str(s) => Some(str_of(s).to_string()),
        PropName::Num(n) => Some(format!("{}", n.value)),
        _ => None,
    }
}

/// The property names of an object type's members.
pub(super) fn member_names(members: &[TsTypeElement]) -> Vec<Rc<str>> {
    members
        .iter()
        .filter_map(|m| match m {
            TsTypeElement::TsPropertySignature(p) => match &*p.key {
                Expr::Ident(i) => Some(i.sym.as_str().into()),
                Expr::Lit(Lit::Str(s)) => Some(str_of(s)),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// The name of a type annotation that is a plain type reference: `HTMLFormElement`, `User`.
pub(super) fn type_ref_name(ann: &TsTypeAnn) -> Option<&str> {
    type_name(&ann.type_ann)
}

/// A type reference's name; in a union, the one reference besides `void`, `undefined` and
/// `null` (`PostHog | void` before the client is created is a `PostHog` once it is).
fn type_name(ty: &TsType) -> Option<&str> {
    match ty {
        TsType::TsTypeRef(r) => match &r.type_name {
            TsEntityName::Ident(i) => Some(&i.sym),
            TsEntityName::TsQualifiedName(q) => Some(&q.right.sym),
        },
        TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsUnionType(u)) => {
            let mut named = u.types.iter().filter(|t| {
                !matches!(
                    &***t,
                    TsType::TsKeywordType(k) if matches!(
                        k.kind,
                        TsKeywordTypeKind::TsVoidKeyword
                            | TsKeywordTypeKind::TsUndefinedKeyword
                            | TsKeywordTypeKind::TsNullKeyword
                    )
                )
            });
            let one = named.next()?;
            match named.next() {
                None => type_name(one),
                Some(_) => None,
            }
        }
        _ => None,
    }
}

/// The names a declaration binds: `export const { a, b } = …` exports `a` and `b`.
pub(super) fn declared_names(d: &Decl) -> Vec<String> {
    fn pat_names(p: &Pat, out: &mut Vec<String>) {
        match p {
            Pat::Ident(b) => out.push(b.id.sym.to_string()),
            Pat::Array(a) => a.elems.iter().flatten().for_each(|e| pat_names(e, out)),
            Pat::Object(o) => {
                for prop in &o.props {
                    match prop {
                        ObjectPatProp::KeyValue(kv) => pat_names(&kv.value, out),
                        ObjectPatProp::Assign(a) => out.push(a.key.id.sym.to_string()),
                        ObjectPatProp::Rest(r) => pat_names(&r.arg, out),
                    }
                }
            }
            Pat::Rest(r) => pat_names(&r.arg, out),
            Pat::Assign(a) => pat_names(&a.left, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    match d {
        Decl::Fn(f) => out.push(f.ident.sym.to_string()),
        Decl::Class(c) => out.push(c.ident.sym.to_string()),
        Decl::Var(v) => v.decls.iter().for_each(|d| pat_names(&d.name, &mut out)),
        _ => {}
    }
    out
}

pub(super) fn export_name(n: &ModuleExportName) -> String {
    match n {
        ModuleExportName::Ident(i) => i.sym.to_string(),
        ModuleExportName::Str(s) => str_of(s).to_string(),
    }
}

/// The index of the case a string takes: its `case 'x':`, else `default:`; `None` when a case
/// test is not a string literal (the taken case is then unknown).
pub(super) fn taken_case(cases: &[SwitchCase], s: &str) -> Option<usize> {
    let mut default = None;
    for (i, c) in cases.iter().enumerate() {
        match c.test.as_deref().map(unwrap_expr) {
            None => default = Some(i),
            Some(Expr::Lit(Lit::Str(t))) if t.value.to_atom_lossy().as_str() == s => {
                return Some(i)
            }
            Some(Expr::Lit(Lit::Str(_))) => {}
            Some(_) => return None,
        }
    }
    default
}

/// True when a case's statements end it (`return`, `break`, `throw`): no fall-through.
pub(super) fn ends_case(stmts: &[Stmt]) -> bool {
    matches!(
        stmts.last(),
        Some(Stmt::Return(_) | Stmt::Break(_) | Stmt::Throw(_))
    )
}

/// The returned expression of a body that is a single `return` statement.
pub(super) fn single_return(stmts: &[Stmt]) -> Option<&Expr> {
    match stmts {
        [Stmt::Return(ReturnStmt { arg: Some(e), .. })] => Some(e),
        _ => None,
    }
}

/// `span()` of patterns and property names, as a method (swc's `Spanned` is not imported
/// where these are used).
pub(super) trait SpanOf {
    fn span(&self) -> swc_common::Span;
}

impl SpanOf for PropName {
    fn span(&self) -> swc_common::Span {
        swc_common::Spanned::span(self)
    }
}

impl SpanOf for Pat {
    fn span(&self) -> swc_common::Span {
        swc_common::Spanned::span(self)
    }
}
/// The dotted path of an expression made of names: `this.form.email`, `emailRef.current`.
pub(super) fn expr_path(e: &Expr) -> Option<String> {
    match unwrap_expr(e) {
        Expr::Ident(i) => Some(i.sym.to_string()),
        Expr::This(_) => Some("this".into()),
        Expr::Member(m) => match &m.prop {
            MemberProp::Ident(p) => Some(format!("{}.{}", expr_path(&m.obj)?, p.sym)),
            _ => None,
        },
        Expr::OptChain(o) => match &*o.base {
            OptChainBase::Member(m) => match &m.prop {
                MemberProp::Ident(p) => Some(format!("{}.{}", expr_path(&m.obj)?, p.sym)),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// `undefined`, `null` or `void 0`: a placeholder that holds nothing.
pub(super) fn is_nullish(e: &Expr) -> bool {
    match unwrap_expr(e) {
        Expr::Ident(i) => &*i.sym == "undefined",
        Expr::Lit(Lit::Null(_)) => true,
        Expr::Unary(u) => u.op == UnaryOp::Void && matches!(&*u.arg, Expr::Lit(_)),
        _ => false,
    }
}
