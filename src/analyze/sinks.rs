//! Sink calls: a call whose resolved callee path (`fbq`, `ttq.identify`, `dataLayer.push`)
//! has a shape in the SDK catalog sends its data-carrying arguments to that SDK.

use super::call::Call;
use super::engine::Engine;
use super::outcome::SinkSite;
use super::value::{Kind, Value};
use crate::catalog::SdkId;
use crate::source::ByteSpan;
use std::rc::Rc;

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
        let file = crate::parse::FileId::of(call.span);
        // An `on_page` shape of an SDK whose page this file may turn out to be: the call is
        // what the next shape says, relabelled when the file is marked (see `finish`).
        let mut pending: Option<(SdkId, usize)> = None;
        let mut chosen = None;
        let mut command_text = None;
        for &(sdk, index) in cat.sdks.calls_for(path) {
            let shape = cat.sdks.call(sdk, index);
            if !shape.command.is_empty() {
                let Some(command) = call.args.first().and_then(Value::as_str) else {
                    continue;
                };
                if !shape.command.iter().any(|c| c == command) {
                    continue;
                }
                command_text = Some(command);
            }
            if shape.is_conditional() && !literal_conditions(shape, call) {
                continue;
            }
            if shape.marks_page {
                self.page_marks.insert((file, sdk));
            }
            if shape.on_page && !self.page_marks.contains(&(file, sdk)) {
                pending.get_or_insert((sdk, index));
                continue;
            }
            chosen = Some((sdk, index));
            break;
        }
        let (page_sdk, (sdk, index)) = match (chosen, pending) {
            (Some(c), p) => (p.map(|p| p.0), c),
            (None, Some(p)) => (None, p),
            (None, None) => return false,
        };
        let shape = cat.sdks.call(sdk, index);
        // `npm:@sentry/react.setUser` reads better as the code wrote it: `Sentry.setUser`.
        let shown: std::borrow::Cow<str> = if path.starts_with("npm:") {
            let text = self.span_text(call.callee_span);
            crate::source::snippet(text, ByteSpan::new(0, text.len() as u32), 60).into()
        } else {
            path.as_ref().into()
        };
        let display = match (shape.command.is_empty(), command_text) {
            (false, Some(command)) => format!("{shown}('{command}')"),
            _ => format!("{shown}()"),
        };
        if cat.sdks.get(sdk).is_configured() {
            self.configured_sinks_used.insert(shape.callee.clone());
        }
        let site = Rc::new(SinkSite {
            sdk,
            page_sdk,
            span: call.span,
            display,
            what: shape.what.clone(),
        });
        for (i, arg) in call.args.iter().enumerate() {
            if call.has_spread || shape.carries_data(i) {
                self.send_to_sink(&site, i, arg);
            }
        }
        if let (Some(slot), false) = (cat.sdks.slot(sdk, &shape.what), call.has_spread) {
            self.vendor_slots(&site, slot, shape, call);
        }
        true
    }
}

/// The value at an argument path (`2.send_to`) of a call.
fn arg_at<'v>(call: &Call<'v>, path: &str) -> Option<&'v Value> {
    let (index, keys) = crate::catalog::sdk::arg_path(path)?;
    let mut v = call.args.get(index)?;
    for k in keys {
        v = v.field(k)?;
    }
    Some(v)
}

/// A shape's `arg_prefix` and `arg_keys` conditions hold for the call.
fn literal_conditions(shape: &crate::catalog::sdk::CallShape, call: &Call) -> bool {
    let starts = |v: &Value, prefix: &str| v.as_str().is_some_and(|s| s.starts_with(prefix));
    shape.arg_prefix.iter().all(|(path, prefix)| {
        arg_at(call, path).is_some_and(|v| {
            starts(v, prefix)
                || v.fields
                    .as_ref()
                    .is_some_and(|f| f.values().any(|e| starts(e, prefix)))
        })
    }) && shape.arg_keys.iter().all(|p| arg_at(call, p).is_some())
}

impl Engine<'_> {
    /// The SDK whose collection endpoint a URL names (`facebook.com/tr`, `bat.bing.com`).
    fn beacon_sdk(&self, url: &Value) -> Option<(crate::catalog::SdkId, String)> {
        let text = url.known_text()?;
        let cat = self.cat;
        cat.sdks.all.iter().enumerate().find_map(|(i, sdk)| {
            sdk.beacons
                .iter()
                .find(|b| !b.is_empty() && text.contains(b.as_str()))
                .map(|b| (i as crate::catalog::SdkId, b.clone()))
        })
    }

    /// Raw beacons: `navigator.sendBeacon(url, body)`, `fetch(url, {body})`,
    /// `xhr.open(method, url)` to a tracker's collection endpoint send the URL's data (and the
    /// body's); true when the call was one.
    pub(super) fn beacon_call(&mut self, call: &Call) -> bool {
        let path = match &call.callee.kind {
            Kind::Global(p) => p.as_ref(),
            _ => "",
        };
        // jQuery and axios requests: `$.ajax({ url, data })`, `$.post(url, data)`,
        // `axios.post(url, data)`.
        let http_lib = |p: &str| {
            let root = p.split('.').next().unwrap_or("");
            matches!(root, "$" | "jQuery" | "axios")
        };
        let settings_form = matches!(path, "$.ajax" | "jQuery.ajax" | "axios")
            && call.args.first().is_some_and(|a| a.field("url").is_some());
        let (url_index, body_index) = match (path, call.method) {
            ("navigator.sendBeacon", _) | (_, Some("sendBeacon")) => (0, Some(1)),
            ("fetch", _) => (0, Some(1)),
            _ if settings_form => (0, Some(0)),
            (p, Some("ajax" | "post" | "get" | "getJSON" | "put" | "patch" | "request"))
                if http_lib(p) =>
            {
                (0, Some(1))
            }
            (_, Some("open")) if call.args.len() >= 2 => (1, None),
            _ => return false,
        };
        let url_value;
        let url = if settings_form {
            url_value = call.args[0].field("url").cloned().unwrap_or_default();
            &url_value
        } else {
            let Some(url) = call.args.get(url_index) else {
                return false;
            };
            url
        };
        let Some((sdk, endpoint)) = self.beacon_sdk(url) else {
            return false;
        };
        let site = Rc::new(SinkSite {
            sdk,
            page_sdk: None,
            span: call.span,
            display: format!("a request to {endpoint}"),
            what: String::new(),
        });
        let url_data = url.taint_only();
        self.send_keyed(&site, url_index, "url", &url_data);
        if let Some(body) = body_index.and_then(|i| call.args.get(i).map(|b| (i, b))) {
            // `fetch(url, { body })`: the init object's body; `sendBeacon(url, data)`: the data.
            let (i, b) = body;
            let data = if path == "fetch" {
                b.field("body").cloned().unwrap_or_default()
            } else if settings_form || (http_lib(path) && b.field("data").is_some()) {
                // `{ url, data }` settings, `$.ajax(url, { data })`, axios `{ params }`.
                b.field("data")
                    .or_else(|| b.field("params"))
                    .cloned()
                    .unwrap_or_default()
            } else {
                b.clone()
            };
            self.send_keyed(&site, i, "body", &data);
        }
        true
    }

    /// `img.src = url` / `new Image().src = url` to a tracker's endpoint.
    pub(super) fn beacon_assign(&mut self, key: &str, value: &Value, span: ByteSpan) -> bool {
        if key != "src" {
            return false;
        }
        let Some((sdk, endpoint)) = self.beacon_sdk(value) else {
            return false;
        };
        let site = Rc::new(SinkSite {
            sdk,
            page_sdk: None,
            span,
            display: format!("a request to {endpoint}"),
            what: String::new(),
        });
        self.send_keyed(&site, 0, "url", &value.taint_only());
        true
    }

    fn send_keyed(&mut self, site: &Rc<SinkSite>, arg: usize, prefix: &str, value: &Value) {
        let mut parts = Vec::new();
        value.flatten(prefix, 0, &mut parts);
        for (key, label) in parts {
            self.emit(site, arg, key, label);
        }
    }
}
