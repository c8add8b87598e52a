//! Never silent: every file that was not analysed is visible in every output format, never
//! counts as a finding, fails the run only with `--fail-on-skipped`; a run with nothing to scan
//! says so on stderr while stdout stays a valid report.

mod common;
use std::path::Path;
use std::process::Command;

fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_overshare"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A site whose only leak sits in a script that does not parse and in a JSP view; a clean
/// script, a JSP file that names no tracker and a Python file beside them.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "web/broken.js",
        "const email = document.getElementById('email').value;\nfbq('init', '1', { em: email }\n",
    );
    write(
        root,
        "web/views/signup.jsp",
        "<form><input id=\"email\" type=\"email\"></form>\n<script>\n  fbq('init', '1', { em: \"${user.email}\" });\n</script>\n",
    );
    write(root, "web/views/about.jsp", "<p>Our analytics team</p>\n");
    write(root, "web/lib/util.coffee", "square = (x) -> x * x\n");
    write(root, "web/clean.js", "fbq('track', 'PageView');\n");
    write(root, "web/tool.py", "print('fbq')\n");
    dir
}

const BROKEN: &str = "web/broken.js";
const JSP: &str = "web/views/signup.jsp";

#[test]
fn json_lists_them_with_a_reason_and_counts_only_read_formats() {
    let dir = site();
    for extra in [&[][..], &["--no-prefilter"][..]] {
        let mut args = vec!["check", "web", "--format", "json"];
        args.extend_from_slice(extra);
        let (code, out, _) = run_in(dir.path(), &args);
        assert_eq!(code, 0, "not analysed is not a finding: {out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            v["files_scanned"], 3,
            "the two scripts and the CoffeeScript one; JSP is not scanned: {out}"
        );
        let errors: Vec<(String, String)> = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["file"].as_str().unwrap().to_string(),
                    e["reason"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            errors,
            [
                (BROKEN.to_string(), "parse-error".to_string()),
                (JSP.to_string(), "unsupported-format".to_string())
            ],
            "{extra:?}"
        );
        let jsp = &v["errors"][1]["message"];
        assert!(
            jsp.as_str().unwrap().contains("JSP") && jsp.as_str().unwrap().contains("`fbq`"),
            "{jsp}"
        );
    }
}

/// JSON files are read only when they are tag-manager exports: a `package.json` that names
/// trackers is neither scanned nor reported, nor are `tsconfig.json` and lockfiles.
#[test]
fn only_tag_manager_exports_among_json_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "site/package.json",
        "{\"name\": \"shop\", \"scripts\": {\"track\": \"node fbq.js\"}, \"dependencies\": {\"@segment/analytics-next\": \"1\"}}\n",
    );
    write(
        dir.path(),
        "site/tsconfig.json",
        "{\"compilerOptions\": {}}\n",
    );
    write(
        dir.path(),
        "site/package-lock.json",
        "{\"lockfileVersion\": 3, \"packages\": {\"\": {\"name\": \"fbq\"}}}\n",
    );
    write(
        dir.path(),
        "site/gtm/container.json",
        "{\n  \"exportFormatVersion\": 2,\n  \"containerVersion\": {\n    \"tag\": [{\"type\": \"html\", \"parameter\": [{\"type\": \"TEMPLATE\", \"key\": \"html\", \"value\": \"\\u003cscript\\u003e\\nfbq('init', '1', {em: {{DLV - email}}});\\n\\u003c/script\\u003e\"}]}]\n  }\n}\n",
    );
    for extra in [&[][..], &["--no-prefilter"][..]] {
        let mut args = vec!["check", "site", "--format", "json"];
        args.extend_from_slice(extra);
        let (code, out, _) = run_in(dir.path(), &args);
        assert_eq!(code, 1, "{out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["files_scanned"], 1, "{out}");
        assert_eq!(v["errors"].as_array().unwrap().len(), 0, "{out}");
        let findings = v["findings"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "{out}");
        assert_eq!(findings[0]["file"], "site/gtm/container.json");
        assert_eq!(findings[0]["line"], 4);
        assert_eq!(findings[0]["category"], "email");
    }
    // Named on the command line, a JSON file that is no export is not reported either.
    let (code, out, _) = run_in(
        dir.path(),
        &["check", "site/package.json", "--format", "json"],
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["errors"].as_array().unwrap().len(), 0, "{out}");
}

#[test]
fn a_compile_to_js_language_that_names_a_tracker_is_not_analysed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "app/analytics.litcoffee",
        "Tracking\n\n    window.track = (user) ->\n      mixpanel.people.set $email: user.email\n",
    );
    write(
        dir.path(),
        "app/util.litcoffee",
        "    square = (x) -> x * x\n",
    );
    let (code, out, _) = run_in(dir.path(), &["check", "app", "--format", "compact"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "app/analytics.litcoffee:1:1: warning not-analysed unsupported-format: Literate CoffeeScript is not analysed yet, and this file names the tracker `mixpanel` in script\n"
    );
}

#[test]
fn coffeescript_is_read() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "app/analytics.coffee",
        "window.track = (user) ->\n  mixpanel.people.set $email: user.email\n",
    );
    write(dir.path(), "app/util.coffee", "square = (x) -> x * x\n");
    write(dir.path(), "app/broken.coffee", "mixpanel.track 'a\n");
    write(
        dir.path(),
        "app/partly.coffee",
        "track = (user) ->\n  [first, ..., last] = user.names\n  mixpanel.identify user.email\n",
    );
    let (code, out, _) = run_in(dir.path(), &["check", "app", "--format", "compact"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "app/analytics.coffee:2:3: warning data-to-tracker email address from user.email is sent to Mixpanel in mixpanel.people.set() profile properties (key $email)\n\
         app/partly.coffee:3:3: warning data-to-tracker email address from user.email is sent to Mixpanel in mixpanel.identify() user id (argument 1)\n\
         app/broken.coffee:1:1: warning not-analysed parse-error: parse error at 1:16: CoffeeScript: unterminated string\n\
         app/partly.coffee:1:1: warning not-analysed parse-error: parse error at 2:3: CoffeeScript: a statement could not be translated and is left out of the analysis: unexpected token (at `,`)\n"
    );
}

#[test]
fn sarif_has_a_warning_notification_per_file_and_validates() {
    let dir = site();
    let (code, out, _) = run_in(dir.path(), &["check", "web", "--format", "sarif"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = common::sarif_schema_errors(&doc);
    assert!(errors.is_empty(), "{errors:#?}");
    let inv = &doc["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], true);
    let notes = inv["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    for (n, (file, reason)) in notes
        .iter()
        .zip([(BROKEN, "parse-error"), (JSP, "unsupported-format")])
    {
        assert_eq!(n["level"], "warning");
        assert_eq!(
            n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            file
        );
        assert_eq!(n["properties"]["reason"], reason);
        assert!(n["message"]["text"].as_str().unwrap().contains(reason));
    }
    assert!(doc["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn github_compact_and_text_list_them_after_the_findings() {
    let dir = site();
    write(
        dir.path(),
        "web/leak.js",
        "const e = document.getElementById('email').value;\nttq.identify({ email: e });\n",
    );
    let (code, out, _) = run_in(dir.path(), &["check", "web", "--format", "github"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("::error file=web/leak.js,line=2"),
        "{out}"
    );
    assert!(
        lines[1].starts_with(&format!(
            "::warning file={BROKEN},title=overshare%3A not analysed::parse error at 3:1"
        )),
        "{out}"
    );
    assert!(
        lines[2].starts_with(&format!(
            "::warning file={JSP},title=overshare%3A not analysed::JSP"
        )),
        "{out}"
    );
    assert_eq!(
        lines[3],
        "::warning title=overshare%3A not analysed::2 files not analysed (1 parse-error, 1 unsupported-format); findings in them are not reported."
    );
    assert_eq!(lines.len(), 4, "{out}");

    let (_, out, _) = run_in(dir.path(), &["check", "web", "--format", "compact"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("web/leak.js:2:1: "), "{out}");
    assert_eq!(
        lines[1],
        format!("{BROKEN}:1:1: warning not-analysed parse-error: parse error at 3:1: Expected ',', got '<eof>'")
    );
    assert!(
        lines[2].starts_with(&format!(
            "{JSP}:1:1: warning not-analysed unsupported-format: JSP is not analysed yet"
        )),
        "{out}"
    );

    let (_, out, err) = run_in(dir.path(), &["check", "web", "--color", "never"]);
    assert!(
        out.contains("overshare(data-to-tracker)") && !out.contains("broken.js"),
        "{out}"
    );
    let err_lines: Vec<&str> = err.lines().collect();
    assert!(
        err_lines[0].starts_with(
            "1 finding (1 error, 0 warnings) in 4 files scanned, 3 parsed, 2 not analysed, in "
        ),
        "{err}"
    );
    assert_eq!(
        err_lines[1],
        "warning: 2 files not analysed (1 parse-error, 1 unsupported-format); findings in them are not reported:"
    );
    assert!(
        err_lines[2].starts_with(&format!("  {BROKEN}: parse error at 3:1")),
        "{err}"
    );
    assert!(
        err_lines[3].starts_with(&format!("  {JSP}: JSP is not analysed yet")),
        "{err}"
    );
}

#[test]
fn fail_on_skipped_turns_them_into_a_failure() {
    let dir = site();
    for format in ["text", "json", "sarif", "github", "compact"] {
        let (code, _, _) = run_in(dir.path(), &["check", "web", "--format", format]);
        assert_eq!(code, 0, "{format}");
        let (code, _, _) = run_in(
            dir.path(),
            &["check", "web", "--format", format, "--fail-on-skipped"],
        );
        assert_eq!(code, 1, "{format}");
    }
    // With nothing left unanalysed the flag changes nothing.
    let (code, _, _) = run_in(dir.path(), &["check", "web/clean.js", "--fail-on-skipped"]);
    assert_eq!(code, 0);
}

#[test]
fn sarif_file_is_written_by_the_same_run() {
    let dir = site();
    let (_, sarif, _) = run_in(dir.path(), &["check", "web", "--format", "sarif"]);
    let (code, out, _) = run_in(
        dir.path(),
        &[
            "check",
            "web",
            "--format",
            "github",
            "--sarif-file",
            "out.sarif",
        ],
    );
    assert_eq!(code, 0);
    assert!(out.starts_with("::warning file="), "{out}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.sarif")).unwrap(),
        sarif
    );
}

#[test]
fn nothing_to_scan_warns_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site/.gitignore", "generated.js\n");
    write(root, "site/generated.js", "fbq('track');\n");
    write(root, "site/node_modules/pkg/index.js", "fbq('track');\n");
    write(root, "site/.cache/x.js", "fbq('track');\n");
    write(root, "site/app.py", "print(1)\n");
    write(root, "site/README.md", "# hi\n");
    std::fs::create_dir_all(root.join("empty")).unwrap();
    for format in ["text", "json", "sarif", "github", "compact"] {
        let (code, out, err) = run_in(root, &["check", "site", "--format", format]);
        assert_eq!(code, 0, "{format}: {err}");
        assert!(
            err.contains("warning: nothing to scan in `site`"),
            "{format}: {err}"
        );
        assert!(
            err.contains("1 file ignored by .gitignore/.ignore")
                && err.contains("1 file in hidden folders")
                && err.contains("1 file excluded by default")
                && err.contains("3 files of formats overshare does not read"),
            "{format}: {err}"
        );
        match format {
            "json" => {
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                assert_eq!(v["files_scanned"], 0);
            }
            "sarif" => {
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                assert_eq!(v["version"], "2.1.0");
            }
            "github" | "compact" => assert!(out.is_empty(), "{out}"),
            _ => {}
        }
    }
    let (code, _, err) = run_in(root, &["check", "empty"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("nothing to scan in `empty`") && err.contains("no files at all"),
        "{err}"
    );
    // A folder with something to scan does not warn.
    write(root, "site/app.js", "console.log(1);\n");
    let (_, _, err) = run_in(root, &["check", "site"]);
    assert!(!err.contains("nothing to scan"), "{err}");
}
