//! Framework helpers whose result is made of their argument in a known way, so the data keeps
//! its shape through them (an opaque call would keep only its taint): React `useMemo`,
//! `useCallback`, Vue `ref`/`reactive`/`computed`, store selectors (`useSelector(s => s.user.email)`).
//! Recognised by name, as these names are the frameworks' own and code seldom redefines them; a
//! function of the same name defined in the project is followed as written instead.

use super::apis::{helper_kind, Helper};
use super::call::Call;
use super::engine::Engine;
use super::value::{Kind, Step, Value};

impl Engine<'_> {
    /// The value a framework helper returns, when `name` is one and its argument is known.
    pub(super) fn framework_helper(&mut self, name: &str, call: &Call) -> Option<Value> {
        let kind = helper_kind(name)?;
        if matches!(call.callee.kind, Kind::Func(_)) {
            return None; // the project's own function of that name
        }
        let arg = call.args.first()?.clone();
        let step = Step {
            span: call.span,
            note: format!("kept by {name}()").into(),
        };
        let run = |engine: &mut Self, f: &Value, args: Vec<Value>| match f.kind {
            Kind::Func(fid) => Some(engine.apply(fid, args, Value::default(), &step)),
            _ => None,
        };
        let as_ref = |inner: Value| {
            let mut r = inner.clone();
            r.set_field("value".into(), inner);
            r
        };
        Some(match kind {
            Helper::Same => arg,
            Helper::Returns => run(self, &arg, Vec::new())?,
            Helper::RefOf => as_ref(arg),
            Helper::RefOfReturn => as_ref(run(self, &arg, Vec::new())?),
            Helper::Selects => run(self, &arg, vec![Value::default()])?,
        })
    }
}
