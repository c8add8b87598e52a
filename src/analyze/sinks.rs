//! Sink calls: a call whose resolved callee path (`fbq`, `ttq.identify`, `dataLayer.push`)
//! has a shape in the SDK catalog sends its data-carrying arguments to that SDK.

use super::engine::{Engine, SinkSite};
use super::value::{Kind, Value};
use crate::source::ByteSpan;
use std::rc::Rc;

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
    pub is_new: bool,
    /// `f(...xs)`: argument positions are unknown, so every argument is treated as data.
    pub has_spread: bool,
}

impl Engine<'_> {
    /// Sends the data-carrying arguments of a tracker call; false when the call is no sink.
    pub(super) fn sink_call(&mut self, call: &Call) -> bool {
        let Kind::Global(path) = &call.callee.kind else {
            return false;
        };
        if call.is_new {
            return false;
        }
        let cat = self.cat;
        for &(sdk, index) in cat.sdks.calls_for(path) {
            let shape = cat.sdks.call(sdk, index);
            // `npm:@sentry/react.setUser` reads better as the code wrote it: `Sentry.setUser`.
            let shown: std::borrow::Cow<str> = if path.starts_with("npm:") {
                let text = self.span_text(call.callee_span);
                crate::source::snippet(text, ByteSpan::new(0, text.len() as u32), 60).into()
            } else {
                path.as_ref().into()
            };
            let display = if shape.command.is_empty() {
                format!("{shown}()")
            } else {
                let Some(command) = call.args.first().and_then(Value::as_str) else {
                    continue;
                };
                if !shape.command.iter().any(|c| c == command) {
                    continue;
                }
                format!("{shown}('{command}')")
            };
            let site = Rc::new(SinkSite {
                sdk,
                span: call.span,
                display,
                what: shape.what.clone(),
            });
            for (i, arg) in call.args.iter().enumerate() {
                if call.has_spread || shape.carries_data(i) {
                    self.send_to_sink(&site, i, arg);
                }
            }
            return true;
        }
        false
    }
}
