//! `suppression-without-reason`: an `overshare-ignore-*` directive that does not say why.

use super::{DefaultSeverity, DirectiveContext, Lint, Rule};
use crate::report::Severity;

pub static RULE: Rule = Rule {
    id: "suppression-without-reason",
    summary: "A suppression comment gives no reason after `--`",
    since: "0.1.0",
    severity: DefaultSeverity::Fixed(Severity::Warning),
    group: "suppression",
    security_severity: "2.0",
    docs: r#"# suppression-without-reason

## What it does
Reports an `overshare-ignore-next-line` or `overshare-ignore-file` directive with no reason after
`--`.

## Why is this bad?
Sending personal data to a third party needs a justification someone can check later (a consent
gate, a data processing agreement, a legal basis). A suppression without one is a decision nobody
can review.

## Example
```js
// overshare-ignore-next-line data-to-tracker
fbq('init', PIXEL_ID, { em: email });
```

## Use instead
```js
// overshare-ignore-next-line data-to-tracker -- only after ad consent; DPA with Meta, PRIV-142
fbq('init', PIXEL_ID, { em: email });
```
"#,
};

pub struct SuppressionWithoutReason;

impl Lint for SuppressionWithoutReason {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_directive(&self, cx: &DirectiveContext<'_>) -> Option<String> {
        cx.directive.reason.is_none().then(|| {
            "suppression gives no reason: write why after `--` (e.g. `-- hashed server-side, see PRIV-123`)".into()
        })
    }
}
