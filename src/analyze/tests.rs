//! Unit tests of the engine: small programs parsed and analysed directly (no extraction, no
//! lints, no report), with assertions on the [`Outcome`]: which sources reach which sink, under
//! which key, through which steps. The fixtures under `test-fixtures/` test the whole pipeline;
//! these pin single mechanisms (copies, scopes, summaries, classes, sanitizers, bounds).

use super::{analyze_file, FileFacts, Outcome};
use crate::catalog::{Catalog, Custom};
use crate::extract::{BlockKind, Lang, ScriptBlock};
use crate::report::Evidence;
use crate::resolve::Resolver;
use crate::source::ByteSpan;
use std::path::Path;

/// Reads an email address from the page: `element #email`, a strong (read) source.
const READ_EMAIL: &str = "document.getElementById('email').value";

fn analyze_with(cat: &Catalog, code: &str) -> Outcome {
    analyze_at(cat, Path::new("engine-test.ts"), code, &Resolver::new())
}

/// Analyses `code` as the file at `path`, resolving its imports with `resolver`.
fn analyze_at(cat: &Catalog, path: &Path, code: &str, resolver: &Resolver) -> Outcome {
    let block = ScriptBlock {
        span: ByteSpan::new(0, code.len() as u32),
        lang: Lang::Ts,
        kind: BlockKind::Script,
        decoded: None,
    };
    let program = crate::parse::parse_block(code, &block).expect("the test program parses");
    let blocks = vec![(BlockKind::Script, program)];
    let arena = typed_arena::Arena::new();
    let facts = FileFacts {
        text: code,
        path,
        arena: &arena,
        elements: &[],
        paired_elements: &[],
        paired_file: None,
        interpolations: &[],
        project: None,
        resolver,
        files: &crate::source::Disk,
    };
    analyze_file(cat, &facts, &blocks)
}

fn analyze(code: &str) -> Outcome {
    analyze_with(Catalog::builtin(), code)
}

/// The flows as (category of the source, SDK, key), in the outcome's order.
fn flows(o: &Outcome) -> Vec<(String, String, String)> {
    let cat = Catalog::builtin();
    o.flows
        .iter()
        .map(|f| {
            let source = &o.sources[f.source as usize];
            (
                cat.names.category(source.category).id.clone(),
                cat.sdks.get(f.sink.sdk).id.clone(),
                f.key.clone(),
            )
        })
        .collect()
}

/// The notes of the steps of the only flow.
fn steps(o: &Outcome) -> Vec<String> {
    assert_eq!(o.flows.len(), 1, "{:?}", flows(o));
    o.flows[0]
        .steps
        .iter()
        .map(|s| s.note.to_string())
        .collect()
}

fn flow(category: &str, sdk: &str, key: &str) -> (String, String, String) {
    (category.into(), sdk.into(), key.into())
}

#[test]
fn a_copied_variable_keeps_its_taint() {
    let o = analyze(&format!(
        "const e = {READ_EMAIL};\nconst copy = e;\namplitude.track('Signup', {{ email: copy }});"
    ));
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
    let f = &o.flows[0];
    assert_eq!(f.arg, 1);
    assert_eq!(o.sources[f.source as usize].evidence, Evidence::Read);
    assert_eq!(o.sources[f.source as usize].desc, "element #email");
    assert_eq!(steps(&o), ["assigned to `e`", "assigned to `copy`"]);
}

#[test]
fn a_literal_carries_nothing() {
    let o = analyze("const e = 'nobody@example.com';\namplitude.track('Signup', { email: e });");
    assert!(o.flows.is_empty(), "{:?}", flows(&o));
}

#[test]
fn nested_objects_give_dotted_keys() {
    let o = analyze(&format!(
        "amplitude.track('Signup', {{ user: {{ contact: {READ_EMAIL} }} }});"
    ));
    assert_eq!(flows(&o), [flow("email", "amplitude", "user.contact")]);
}

#[test]
fn a_summary_carries_a_parameter_to_the_sink() {
    let o = analyze(&format!(
        "function send(v) {{ amplitude.track('Signup', {{ email: v }}); }}\nsend({READ_EMAIL});"
    ));
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
    assert!(steps(&o).contains(&"passed to send()".to_string()));
    // The function sends what its callers give it: importers can send data through it.
    assert!(o.wrapper);
}

#[test]
fn a_summary_is_applied_per_call() {
    let code = format!(
        "function send(v) {{ amplitude.track('Signup', {{ email: v }}); }}\nsend('none');\nsend({READ_EMAIL});\nsend(42);"
    );
    let o = analyze(&code);
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
    // The step of the call is the call that passed the read.
    let call = code.find("send(document").unwrap() as u32;
    assert!(o.flows[0].steps.iter().any(|s| s.span.start == call));
}

#[test]
fn a_summary_carries_the_return_value() {
    let o = analyze(&format!(
        "function get() {{ return {READ_EMAIL}; }}\namplitude.track('Signup', {{ email: get() }});"
    ));
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
    assert!(steps(&o).contains(&"returned from get()".to_string()));
    assert!(!o.wrapper, "no parameter reaches a sink");
}

#[test]
fn an_inner_declaration_shadows_the_outer_one() {
    let code = format!(
        "let v = {READ_EMAIL};\n{{ let v = 'nothing'; amplitude.track('Inner', {{ email: v }}); }}\namplitude.track('Outer', {{ email: v }});"
    );
    let o = analyze(&code);
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
    let outer = code.find("amplitude.track('Outer'").unwrap() as u32;
    assert_eq!(o.flows[0].sink.span.start, outer);
}

#[test]
fn a_parameter_shadows_the_outer_variable() {
    // `email` inside `f` is the parameter: what callers pass ('none'), judged by its name alone.
    let o = analyze(&format!(
        "const email = {READ_EMAIL};\nfunction f(email) {{ amplitude.track('Signup', {{ e: email }}); }}\nf('none');"
    ));
    assert_eq!(flows(&o), [flow("email", "amplitude", "e")]);
    let source = &o.sources[o.flows[0].source as usize];
    assert_eq!(source.evidence, Evidence::ParamName);
    assert_eq!(source.desc, "parameter `email`");
}

#[test]
fn an_unconditional_assignment_replaces_the_value() {
    let o = analyze(&format!(
        "let v = {READ_EMAIL};\nv = 'cleared';\namplitude.track('Signup', {{ email: v }});"
    ));
    assert!(o.flows.is_empty(), "{:?}", flows(&o));
}

#[test]
fn an_assignment_in_a_branch_joins_the_values() {
    let o = analyze(&format!(
        "let v = {READ_EMAIL};\nif (Math.random() > 0.5) {{ v = 'cleared'; }}\namplitude.track('Signup', {{ email: v }});"
    ));
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
}

#[test]
fn a_configured_sanitizer_drops_the_taint() {
    let code = format!("amplitude.track('Signup', {{ email: redact({READ_EMAIL}) }});");
    // Unknown to the analysis, `redact` returns what it was given.
    let o = analyze(&code);
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
    assert!(steps(&o).contains(&"returned by redact()".to_string()));
    let custom = Custom {
        sanitizers: ["redact".to_string()].into_iter().collect(),
        ..Default::default()
    };
    let cat = Catalog::with(Vec::new(), &[], custom).unwrap();
    let o = analyze_with(&cat, &code);
    assert!(o.flows.is_empty(), "{:?}", flows(&o));
}

#[test]
fn a_class_field_set_in_the_constructor_reaches_a_method() {
    let o = analyze(&format!(
        "class Tracker {{\n  constructor() {{ this.email = {READ_EMAIL}; }}\n  send() {{ amplitude.track('Signup', {{ email: this.email }}); }}\n}}\nnew Tracker().send();"
    ));
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
    assert!(steps(&o).contains(&"stored in `this.email`".to_string()));
}

#[test]
fn a_class_property_initialiser_reaches_a_method() {
    let o = analyze(&format!(
        "class Tracker {{\n  email = {READ_EMAIL};\n  send() {{ amplitude.track('Signup', {{ email: this.email }}); }}\n}}"
    ));
    // Never called: summarised at the end, with the instance the class declares.
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
}

#[test]
fn an_sdk_handle_passed_as_argument_makes_a_summary_of_its_own() {
    let o = analyze(&format!(
        "function track(client, data) {{ client.track('Signup', data); }}\ntrack(amplitude, {{ email: {READ_EMAIL} }});\ntrack(console, {{ email: 'x' }});"
    ));
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
}

#[test]
fn a_string_literal_argument_takes_its_switch_case() {
    let helper = format!(
        "function getValue(kind) {{\n  switch (kind) {{\n    case 'email': return {READ_EMAIL};\n    default: return '';\n  }}\n}}\n"
    );
    let o = analyze(&format!(
        "{helper}amplitude.track('Signup', {{ v: getValue('other') }});"
    ));
    assert!(o.flows.is_empty(), "{:?}", flows(&o));
    let o = analyze(&format!(
        "{helper}amplitude.track('Signup', {{ v: getValue('email') }});"
    ));
    assert_eq!(flows(&o), [flow("email", "amplitude", "v")]);
}

#[test]
fn a_literal_list_is_iterated_string_by_string() {
    let o = analyze(
        "const fd = new FormData(document.forms[0]);\n['email', 'phone'].forEach(f => amplitude.track('Signup', { value: fd.get(f) }));",
    );
    let mut got = flows(&o);
    got.sort();
    assert_eq!(
        got,
        [
            flow("email", "amplitude", "value"),
            flow("phone", "amplitude", "value")
        ]
    );
}

/// `f0(x)` calls `f1(x)` … calls `f{n-1}(x)`, which sends `x`.
fn call_chain(n: usize) -> String {
    let mut code = String::new();
    for i in 0..n - 1 {
        code.push_str(&format!("function f{i}(x) {{ f{}(x); }}\n", i + 1));
    }
    code.push_str(&format!(
        "function f{}(x) {{ amplitude.track('Signup', {{ email: x }}); }}\n",
        n - 1
    ));
    code.push_str(&format!("f0({READ_EMAIL});\n"));
    code
}

#[test]
fn summaries_nest_up_to_the_bound() {
    // 24 summaries may be under construction at once: a chain of 24 functions is followed to
    // its sink, one more is not (the flow is missed, never invented).
    let o = analyze(&call_chain(24));
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
    // The explanation keeps the first and the last steps, at most MAX_STEPS of them.
    let notes = steps(&o);
    assert_eq!(notes.len(), super::value::MAX_STEPS);
    assert_eq!(notes.first().map(String::as_str), Some("passed to f0()"));
    assert_eq!(notes.last().map(String::as_str), Some("passed to f23()"));
    let o = analyze(&call_chain(25));
    assert!(o.flows.is_empty(), "{:?}", flows(&o));
}

#[test]
fn imports_resolve_through_the_given_resolver() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("lib")).unwrap();
    std::fs::create_dir_all(root.join("src")).unwrap();
    std::fs::write(
        root.join("lib/track.ts"),
        "export function send(v) { amplitude.track('Signup', { email: v }); }\n",
    )
    .unwrap();
    let tsconfig = |target: &str| {
        let json = format!(r#"{{"compilerOptions":{{"paths":{{"@lib/*":["{target}/*"]}}}}}}"#);
        std::fs::write(root.join("tsconfig.json"), json).unwrap()
    };
    let path = root.join("src/form.ts");
    let code = format!("import {{ send }} from '@lib/track';\nsend({READ_EMAIL});\n");
    let cat = Catalog::builtin();
    tsconfig("lib");
    let resolver = Resolver::new();
    let o = analyze_at(cat, &path, &code, &resolver);
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
    assert_eq!(o.files.len(), 1, "lib/track.ts is loaded");
    // The alias now points nowhere: the resolver that read the old tsconfig still follows it,
    // a new one does not.
    tsconfig("elsewhere");
    let o = analyze_at(cat, &path, &code, &resolver);
    assert_eq!(flows(&o), [flow("email", "amplitude", "email")]);
    let o = analyze_at(cat, &path, &code, &Resolver::new());
    assert!(o.flows.is_empty(), "{:?}", flows(&o));
}
