//! `unused-custom-sink`: a `[[sink]]` of `overshare.toml` that no call in a full scan matched.

use super::{DefaultSeverity, Lint, Rule, RunContext};
use crate::report::{Finding, Severity};

pub static RULE: Rule = Rule {
    id: "unused-custom-sink",
    summary: "A configured [[sink]] matched no call in the scanned code (renamed wrapper, typo, or dead entry)",
    since: "0.1.0",
    severity: DefaultSeverity::Fixed(Severity::Warning),
    group: "configuration",
    security_severity: "2.0",
    docs: r#"# unused-custom-sink

## What it does
After a scan of whole folders (not a list of files, not `--diff-base`), reports each `[[sink]]`
entry of `overshare.toml` whose `callee` no analysed call matched, at that entry.

## Why is this bad?
A `[[sink]]` entry is how overshare learns a team's own tracking wrapper. When the wrapper is
renamed or the callee is misspelt, the entry silently stops matching, and every leak through the
wrapper is missed while the configuration looks as if it covered it.

A callee matches when the code calls it as written once `window.` and aliases are resolved
(`trackEvent(…)`, `myco.track(…)`), or calls an imported binding whose export or spelling is
that name (`import { trackEvent as te } from './track'; te(…)`).

## Example
```toml
[[sink]]
callee = "trackEvnt"      # the wrapper is called trackEvent
args = [1]
vendor = "MyCo analytics"
```

## Use instead
Fix the callee, or remove the entry if the wrapper is gone.
"#,
};

pub struct UnusedCustomSink;

impl Lint for UnusedCustomSink {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_run(&self, cx: &RunContext<'_>, out: &mut Vec<Finding>) {
        if !cx.complete {
            return;
        }
        for (settings, display) in cx.settings {
            let Some(config) = &settings.config else {
                continue;
            };
            for s in &config.config.sinks {
                if cx.configured_sinks_used.contains(s.callee.get_ref()) {
                    continue;
                }
                let range = s.callee.span();
                let mut f = super::plain_finding(
                    &RULE,
                    format!(
                        "sink `{}` ({}) matched no call in the scanned code: fix the callee or remove the entry",
                        s.callee.get_ref(),
                        s.vendor
                    ),
                    display,
                );
                f.sink = crate::report::SpanRef::new(crate::source::ByteSpan::new(
                    range.start as u32,
                    range.end as u32,
                ));
                f.sink_label = "this callee".into();
                out.push(f);
            }
        }
    }
}
