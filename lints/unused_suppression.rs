//! `unused-suppression`: an `overshare-ignore-*` directive that suppresses no finding, or names
//! a rule that does not exist.

use super::{DefaultSeverity, DirectiveContext, Lint, Rule};
use crate::report::Severity;

pub static RULE: Rule = Rule {
    id: "unused-suppression",
    summary: "A suppression comment suppresses nothing (the leak was fixed, the line moved, or the rule id is wrong)",
    since: "0.1.0",
    severity: DefaultSeverity::Fixed(Severity::Warning),
    group: "suppression",
    security_severity: "2.0",
    docs: r#"# unused-suppression

## What it does
Reports an `overshare-ignore-next-line` directive with no finding on the next line, an
`overshare-ignore-file` directive in a file without findings, and a directive naming a rule that
does not exist.

## Why is this bad?
A stale suppression hides the next real leak written on that line, and a misspelt rule id
suppresses nothing while looking as if it did. Like ruff's unused `noqa` (RUF100) and deno_lint's
`ban-unused-ignore`, this keeps suppressions honest.

## Example
```js
// overshare-ignore-next-line data-to-tracker -- hashed server-side
fbq('track', 'PageView');
```

## Use instead
Remove the directive, or move it above the line it is meant for.
"#,
};

pub struct UnusedSuppression;

impl Lint for UnusedSuppression {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn check_directive(&self, cx: &DirectiveContext<'_>) -> Option<String> {
        if let Some(unknown) = cx.unknown_rule {
            return Some(format!(
                "suppression names an unknown rule `{unknown}`; `overshare rules` lists them"
            ));
        }
        if cx.used {
            return None;
        }
        Some(if cx.directive.whole_file {
            "file-level suppression suppresses nothing: no finding in this file (remove it)".into()
        } else {
            "suppression suppresses nothing: no finding on the next line (remove it)".into()
        })
    }
}
