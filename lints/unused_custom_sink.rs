//! `unused-custom-sink`: a `[[sink]]` of `overshare.toml` that no call in a full scan matched.

use super::Rule;

pub static RULE: Rule = Rule {
    id: "unused-custom-sink",
    summary: "A configured [[sink]] matched no call in the scanned code (renamed wrapper, typo, or dead entry)",
    since: "0.1.0",
    severity: "warning",
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
