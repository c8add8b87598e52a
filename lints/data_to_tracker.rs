//! `data-to-tracker`: personal data read in the page reaches a tracker, analytics, replay,
//! CRM or monitoring SDK call.

use super::{DefaultSeverity, FileContext, Lint, Rule};
use crate::analyze::{Flow, Outcome};
use crate::catalog::Catalog;
use crate::report::{Finding, FindingSdk, SpanRef, StepRef};

pub static RULE: Rule = Rule {
    id: "data-to-tracker",
    summary: "Personal data from the page (form fields, user objects, URL parameters, storage) is sent to a third-party tracker SDK",
    since: "0.1.0",
    severity: DefaultSeverity::BySdkClass,
    group: "data",
    security_severity: "7.5",
    docs: DOCS,
};

pub struct DataToTracker;

impl Lint for DataToTracker {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Finding>) {
        out.extend(
            cx.outcome
                .flows
                .iter()
                .filter(|f| !is_verification_token(cx.catalog, cx.outcome, f))
                .map(|f| finding(cx.catalog, cx.outcome, f)),
        );
    }
}

const DOCS: &str = r#"# data-to-tracker

## What it does
Follows values that hold personal data — what a visitor typed into an email, phone, address or
card field (found by input type, `autocomplete` token, id, name or label, also when the field is
declared in another template of the project), what a user or customer object holds, what a page
element displays, a URL parameter, a storage item or cookie named after personal data, and what a
server template prints into a script (`{{ customer.email }}`, `<?= $order->getCustomerEmail() ?>`)
— through variables, objects, arrays, string operations, hashing, functions, callbacks, classes
and framework state (React, Vue, Svelte, Angular), and across modules (ESM imports and
re-exports, CommonJS, dynamic `import()`, tsconfig paths and `@/` aliases, npm wrapper packages
such as `react-facebook-pixel` or `vue-gtag`). It reports each value that reaches a call of a
tracker SDK in an argument that SDK sends (Meta Pixel `fbq`, Google `gtag`/`dataLayer`, LinkedIn
`lintrk`, Snap `snaptr`, Pinterest `pintrk`, TikTok `ttq`, Microsoft `uetq`, Segment
`analytics`, Mixpanel, Amplitude, PostHog, FullStory, LogRocket, Hotjar, Clarity, Klaviyo,
HubSpot, Intercom, Sentry, Datadog and more: `overshare rules --sdks`), or a raw beacon to a
tracker's collection endpoint. A finding sits on the SDK call; its source and the steps between
may be in other files, and the report names them.

The analysis is bounded (see the README's "Bounds"): past a bound a flow may be missed, never
invented. Files that could not be analysed (parse errors, size, formats overshare does not read
yet) are listed in every output format, never silently passed.

## Why is this bad?
The vendor receives the data, links it to the visitor across sites and keeps it. Sending it
without notice and consent breaks the ePrivacy Directive (Art. 5(3)), the GDPR and several US
state laws, and for health data HIPAA and the FTC Health Breach Notification Rule. USPS sent
logged-in customers' postal addresses and package tracking numbers to Meta, LinkedIn and Snap
this way; the FTC fined GoodRx and BetterHelp for sending health data and emails to advertisers.
Hashing does not help: a SHA-256 of an email address still identifies the person (it is what the
vendors match on).

## Severity
Error when the SDK is an advertising pixel; warning for analytics, session replay, CRM and
error-monitoring SDKs.

## Example
```js
const email = document.querySelector('input[type=email]').value;
fbq('init', '1234567890', { em: email });          // email sent to Meta Pixel (key em)
```

## Use instead
Send only what the vendor needs for the purpose the visitor consented to, and never identifiers
by default:
```js
fbq('init', '1234567890');
if (consent.adPersonalization) {
  // Use the vendor's server-side API with a documented legal basis instead of the page.
}
```

## References
- https://developers.facebook.com/docs/meta-pixel/advanced/advanced-matching/
- https://www.ftc.gov/news-events/news/press-releases/2023/02/ftc-enforcement-action-bar-goodrx-sharing-consumers-sensitive-health-info-advertising
- https://techcrunch.com/2024/07/17/usps-shared-customer-postal-addresses-with-meta-linkedin-and-snap/
"#;

/// A token in the SDK's own identity-verification slot (`Intercom('boot', { user_hash })`) is
/// what the vendor asks for, not a leak of the visitor's credentials.
fn is_verification_token(cat: &Catalog, outcome: &Outcome, flow: &Flow) -> bool {
    let sdk = cat.sdks.get(flow.sink.sdk);
    let key = flow.key.rsplit('.').next().unwrap_or("");
    let category = cat
        .names
        .category(outcome.sources[flow.source as usize].category);
    category.id == "credentials" && sdk.verification_keys.iter().any(|k| k == key)
}

fn finding(cat: &Catalog, outcome: &Outcome, flow: &Flow) -> Finding {
    let source = &outcome.sources[flow.source as usize];
    let sdk = cat.sdks.get(flow.sink.sdk);
    let category = cat.names.category(source.category);
    let place = if flow.key.is_empty() {
        format!("argument {}", flow.arg + 1)
    } else {
        format!("key {}", flow.key)
    };
    let what = if flow.sink.what.is_empty() {
        String::new()
    } else {
        format!(" {}", flow.sink.what)
    };
    let message = format!(
        "{} from {} is sent to {} in {}{what} ({place})",
        category.label, source.desc, sdk.name, flow.sink.display
    );
    Finding {
        rule: RULE.id,
        severity: RULE.severity.for_class(Some(sdk.class)),
        category: Some(category.id.clone()),
        sdk: Some(FindingSdk {
            id: sdk.id.clone(),
            name: sdk.name.clone(),
            class: sdk.class,
        }),
        message,
        sink: SpanRef::new(flow.sink.span),
        source: Some(SpanRef::new(source.span).with_expr(source.expr.clone())),
        source_label: format!("{} read here", category.label),
        sink_label: format!("sent to {} ({place})", sdk.name),
        flow: flow
            .steps
            .iter()
            .map(|s| StepRef::new(s.span, s.note.to_string()))
            .collect(),
        key: flow.key.clone(),
        evidence: source.evidence,
        help: Some(format!(
            "send only what {} needs, after consent\nsee `overshare explain {}`",
            sdk.name, RULE.id
        )),
        ..Default::default()
    }
}
