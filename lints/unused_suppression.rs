//! `unused-suppression`: an `overshare-ignore-*` directive that suppresses no finding, or names
//! a rule that does not exist.

use super::Rule;

pub static RULE: Rule = Rule {
    id: "unused-suppression",
    summary: "A suppression comment suppresses nothing (the leak was fixed, the line moved, or the rule id is wrong)",
    since: "0.1.0",
    severity: "warning",
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
