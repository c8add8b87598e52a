//! What the analysis of a file produces ([`Outcome`]: sources, flows to sinks, the modules it
//! loaded) and the sink sites flows point at. Plain data, shared by the engine and the lints.

use super::value::{SourceId, Step};
use crate::catalog::CategoryId;
use crate::report::Evidence;
use crate::source::ByteSpan;
use std::rc::Rc;

/// A read of personal data: where, of which category, and how it was recognised.
#[derive(Clone, Debug)]
pub struct SourceInfo {
    pub span: ByteSpan,
    pub category: CategoryId,
    /// How a person names the read: `input#email (type=email)`, `user.email`, `URL parameter 'email'`.
    pub desc: String,
    /// The read's source text.
    pub expr: String,
    /// How the read was recognised: a parameter's or property's name, or what is read.
    pub evidence: Evidence,
}

/// A sink call or assignment.
#[derive(Clone, Debug)]
pub struct SinkSite {
    pub sdk: crate::catalog::SdkId,
    /// The SDK the call belongs to instead when its file turns out to configure that SDK (an
    /// `on_page` call shape: `gtag('set', 'user_data', …)` on a page with a Google Ads id).
    pub page_sdk: Option<crate::catalog::SdkId>,
    pub span: ByteSpan,
    /// `fbq('init')`, `analytics.identify()`.
    pub display: String,
    /// How the SDK names the data-carrying argument: `advanced matching`, `traits`.
    pub what: String,
}

/// One source reaching one sink under one key.
#[derive(Clone, Debug)]
pub struct Flow {
    pub source: SourceId,
    pub sink: Rc<SinkSite>,
    /// The key inside the argument (`em`, `user_data.email`); empty for the argument itself.
    pub key: String,
    /// Which argument (0-based) carried it.
    pub arg: usize,
    pub steps: Vec<Step>,
}

/// What a file's analysis produced.
#[derive(Default)]
pub struct Outcome {
    pub sources: Vec<SourceInfo>,
    pub flows: Vec<Flow>,
    /// Modules the analysis loaded through imports: a span in file `k`
    /// (`FileId::of(span).index()`) is in `files[k - 1]`; 0 is the analysed file.
    pub files: Vec<LinkedFile>,
    /// The file defines a function whose parameters reach an SDK call: files that import it
    /// can send data through it.
    pub wrapper: bool,
    /// Methods this file gives every component (`Vue.mixin({ methods })`, `Vue.prototype.$x`).
    pub global_methods: Vec<String>,
    /// Callees of the configuration's `[[sink]]` entries that some call here matched.
    pub configured_sinks_used: Vec<String>,
}

/// What a flow's spans say about files, for the driver.
pub struct LinkedFile {
    pub display: String,
    pub text: Rc<str>,
}
