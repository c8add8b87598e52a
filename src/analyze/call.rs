//! A call site with its arguments already evaluated: what the sink, browser-API, framework and
//! opaque-call models look at.

use super::value::Value;
use crate::source::ByteSpan;

/// A call site with its arguments already evaluated.
pub struct Call<'v> {
    pub span: ByteSpan,
    pub receiver: Option<&'v Value>,
    /// The receiver's name, for APIs recognised by it (`this.signupForm.get('email')`).
    pub receiver_name: Option<&'v str>,
    pub method: Option<&'v str>,
    pub callee: &'v Value,
    /// Where the callee is written: messages show a wrapper's call as the code spells it.
    pub callee_span: ByteSpan,
    pub args: &'v [Value],
    /// Where each argument is written: steps point at the callback's event name, not the call.
    pub arg_spans: &'v [ByteSpan],
    /// The arguments as written, where there are any (a JSX component's props are not).
    pub arg_exprs: &'v [swc_ecma_ast::ExprOrSpread],
    pub is_new: bool,
    /// `f(...xs)`: argument positions are unknown, so every argument is treated as data.
    pub has_spread: bool,
}
