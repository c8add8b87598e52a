//! The command line end to end: exit codes, formats, determinism, bad input.

mod common;
use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_overshare"))
}

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/test-fixtures"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).current_dir(fixtures()).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn exit_codes() {
    let (code, _, _) = run(&["check", "demo-shop", "--color", "never"]);
    assert_eq!(code, 1, "findings give exit 1");
    let ok = std::fs::read_dir(fixtures().join("data-to-tracker"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("ok-"))
        .unwrap();
    let (code, _, _) = run(&["check", ok.to_str().unwrap()]);
    assert_eq!(code, 0, "no findings give exit 0");
    let (code, _, err) = run(&["check", "no/such/path"]);
    assert_eq!(code, 2);
    assert!(err.contains("does not exist"), "{err}");
    let (code, _, err) = run(&["check", "--no-such-flag"]);
    assert_eq!(code, 2);
    assert!(err.contains("--no-such-flag"), "{err}");
    let (code, _, _) = run(&["explain", "no-such-rule"]);
    assert_eq!(code, 2);
}

#[test]
fn json_is_deterministic_across_thread_counts() {
    let (c1, one, _) = run(&["check", ".", "--format", "json", "--threads", "1"]);
    let (c4, four, _) = run(&["check", ".", "--format", "json", "--threads", "4"]);
    assert_eq!((c1, c4), (1, 1));
    assert_eq!(one, four);
    let v: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(v["version"], 1);
    assert!(v["files_scanned"].as_u64().unwrap() > 50);
}

#[test]
fn json_matches_the_contract() {
    let (_, out, _) = run(&["check", ".", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/contract/findings-v1.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
    // The copy must not drift from the shared contract when it is beside the checkout.
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/contract/findings-v1.schema.json");
    if let Ok(s) = std::fs::read_to_string(shared) {
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&s).unwrap(),
            schema,
            "contract copy is stale"
        );
    }
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!doc["findings"].as_array().unwrap().is_empty());
    // Paths are relative, as the user named them.
    for f in doc["findings"].as_array().unwrap() {
        assert!(!f["file"].as_str().unwrap().starts_with('/'));
    }
}

#[test]
fn bad_input_is_reported_and_skipped() {
    // Without the prefilter every file is parsed, so every kind of bad input is met.
    let (code, out, _) = run(&[
        "check",
        "robustness",
        "--format",
        "json",
        "--no-prefilter",
        "--file-timeout",
        "10",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = v["errors"].as_array().unwrap();
    let msg = |name: &str| {
        errors
            .iter()
            .find(|e| e["file"].as_str().unwrap().ends_with(name))
            .map(|e| e["message"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no error for {name}: {errors:?}"))
    };
    assert!(msg("syntax-error.js").contains("parse error"));
    assert!(msg("binary.js").contains("binary"));
    assert!(msg("latin1.js").contains("UTF-8"));
    assert!(msg("deep-nesting.js").contains("nesting"));
    assert!(msg("parser-panic.jsx").contains("internal error"));
    // The run went on: the valid file with a leak was still analysed.
    assert_eq!(code, 1, "{out}");
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["file"].as_str().unwrap().ends_with("jsx-in-js.js")));
}

#[test]
fn max_file_size_is_enforced() {
    let (_, out, _) = run(&[
        "check",
        "demo-shop",
        "--format",
        "json",
        "--max-file-size",
        "10",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["findings"].as_array().unwrap().is_empty());
    assert!(v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["message"].as_str().unwrap().contains("max-file-size")));
}

#[test]
fn rules_and_explain() {
    let (code, out, _) = run(&["rules"]);
    assert_eq!(code, 0);
    assert!(out.contains("data-to-tracker"));
    let (code, out, _) = run(&["rules", "--sdks"]);
    assert_eq!(code, 0);
    assert!(out.lines().count() >= 24, "{out}");
    assert!(out.contains("meta-pixel"));
    // Columns line up: every row's docs URL starts at the same character column.
    let starts: std::collections::BTreeSet<usize> = out
        .lines()
        .skip(1)
        .map(|l| l[..l.find("https://").unwrap()].chars().count())
        .collect();
    assert_eq!(starts.len(), 1, "{out}");
    let (code, out, _) = run(&["explain", "data-to-tracker"]);
    assert_eq!(code, 0);
    assert!(out.contains("## Why is this bad?"));
    assert!(
        !out.contains("in the same\nfile") && out.contains("across modules"),
        "the documentation describes today's analysis: {out}"
    );
}

#[test]
fn text_report_labels_source_and_sink() {
    let (code, out, err) = run(&["check", "demo-shop", "--color", "never"]);
    assert_eq!(code, 1);
    assert!(out.contains("overshare(data-to-tracker)"), "{out}");
    assert!(
        out.contains("read here") && out.contains("sent to"),
        "{out}"
    );
    assert!(err.contains("findings"), "{err}");
}

/// The configured project's terminal report, reviewed like every fixture folder's (it needs its
/// overshare.toml, so it is rendered through the command line).
#[test]
fn configured_project_text_snapshot() {
    let (code, out, _) = run(&["check", "projects/configured", "--color", "never"]);
    assert_eq!(code, 1);
    let path = fixtures().join("projects/configured/expected-text.txt");
    if std::env::var_os("OVERSHARE_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        out,
        want,
        "{} is out of date (review, then OVERSHARE_BLESS=1 cargo test --test cli)",
        path.display()
    );
}

#[test]
fn configuration_teaches_sinks_sources_sanitizers_and_overrides() {
    let (code, out, err) = run(&["check", "projects/configured", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found: Vec<(String, u64, String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                f["line"].as_u64().unwrap(),
                f["category"].as_str().unwrap().to_string(),
                f["sdk"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let row = |file: &str, line: u64, category: &str, sdk: &str| {
        (
            file.to_string(),
            line,
            category.to_string(),
            sdk.to_string(),
        )
    };
    assert_eq!(
        found,
        [
            // The misspelt `[[sink]]` entry, reported where it is written.
            row("overshare.toml", 34, "configuration", "none"),
            row("app.js", 3, "email", "custom-myco-analytics"),
            row("app.js", 5, "email", "meta-pixel"),
            // `import { trackEvent as send }`: the configured wrapper under another name.
            row("signup.js", 5, "email", "custom-myco-analytics"),
        ]
    );
    let unused: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "unused-custom-sink")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(unused.len(), 1);
    assert!(unused[0].contains("`trackEvnt`"), "{unused:?}");
}

/// Whether a configured sink is used can only be told from a scan of whole folders: files named
/// one by one (a pre-commit run) or a diff never report it.
#[test]
fn unused_custom_sinks_only_on_full_scans() {
    for args in [
        &[
            "check",
            "projects/configured/src/app.js",
            "--format",
            "json",
        ][..],
        &[
            "check",
            "projects/configured/src/app.js",
            "projects/configured/src/signup.js",
            "--format",
            "json",
        ],
    ] {
        let (_, out, err) = run(args);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
        assert!(
            v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["rule"] != "unused-custom-sink"),
            "{out}"
        );
    }
}

#[test]
fn a_bad_configuration_is_an_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("overshare.toml"),
        "[files]\nexlude = [\"x\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.js"), "fbq('init', '1');\n").unwrap();
    let out = bin()
        .args(["check", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("unknown field `exlude`"), "{err}");
    assert!(err.contains("overshare.toml:2:1"), "{err}");
    assert!(err.contains("did you mean `exclude`?"), "{err}");
}

#[test]
fn init_writes_a_config_that_parses() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin().arg("init").current_dir(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let again = bin().arg("init").current_dir(dir.path()).output().unwrap();
    assert_eq!(again.status.code(), Some(2), "init must not overwrite");
    std::fs::write(dir.path().join("a.js"), "fbq('init', '1');\n").unwrap();
    let check = bin()
        .args(["check", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn sarif_validates_and_meets_github_rules() {
    let (code, out, _) = run(&[
        "check",
        "demo-shop",
        "projects/cross-module-esm",
        "--format",
        "sarif",
    ]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = common::sarif_schema_errors(&doc);
    assert!(errors.is_empty(), "{errors:#?}");
    // What GitHub code scanning requires beyond the schema.
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    assert!(run["automationDetails"]["id"].is_string());
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for r in run["tool"]["driver"]["rules"].as_array().unwrap() {
        assert!(
            r["shortDescription"]["text"].is_string()
                && r["help"]["markdown"].is_string()
                && r["helpUri"].is_string()
        );
        let sev: f64 = r["properties"]["security-severity"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((0.0..=10.0).contains(&sev));
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert!(rules.contains(&r["ruleId"].as_str().unwrap()));
        assert!(r["message"]["text"].is_string());
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(!loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .starts_with('/'));
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(r["partialFingerprints"]["primaryLocationLineHash"].is_string());
    }
    // A flow across files carries its steps in a code flow.
    assert!(results
        .iter()
        .any(|r| r["codeFlows"][0]["threadFlows"][0]["locations"]
            .as_array()
            .is_some_and(|l| l.len() >= 3)));
}

#[test]
fn github_and_compact_formats() {
    let (_, out, _) = run(&["check", "demo-shop", "--format", "github"]);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("::error file=demo-shop/")
            || first.starts_with("::warning file=demo-shop/"),
        "{first}"
    );
    assert!(
        first.contains(",line=")
            && first.contains(",endColumn=")
            && first.contains("title=overshare data-to-tracker::"),
        "{first}"
    );
    let (_, out, _) = run(&["check", "demo-shop", "--format", "compact"]);
    let re = out.lines().all(|l| {
        let parts: Vec<&str> = l.splitn(4, ':').collect();
        parts.len() == 4 && parts[1].parse::<u32>().is_ok() && parts[2].parse::<u32>().is_ok()
    });
    assert!(re, "{out}");
}

#[test]
fn fail_on_threshold() {
    // demo-shop has errors and warnings; the suppression fixture only warnings besides one error.
    let (code, _, _) = run(&["check", "demo-shop", "--fail-on", "error"]);
    assert_eq!(code, 1);
    let (code, _, _) = run(&[
        "check",
        "data-to-tracker/bad-email-heap-identify.js",
        "--fail-on",
        "error",
    ]);
    assert_eq!(code, 0, "a warning does not fail at --fail-on error");
    let (code, _, _) = run(&[
        "check",
        "data-to-tracker/bad-email-heap-identify.js",
        "--fail-on",
        "warning",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn baseline_survives_line_moves_and_reports_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.js");
    let leak = "const e = document.getElementById('email').value;\nfbq('init', '1', { em: e });\n";
    std::fs::write(&file, leak).unwrap();
    let base = dir.path().join("baseline.json");
    let out = bin()
        .args(["check", ".", "--write-baseline", "baseline.json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(base.exists());
    // Lines added above: the known finding stays hidden.
    std::fs::write(&file, format!("// header\n// more\n{leak}")).unwrap();
    let out = bin()
        .args(["check", ".", "--baseline", "baseline.json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A new leak is reported.
    std::fs::write(&file, format!("{leak}ttq.identify({{ email: e }});\n")).unwrap();
    let out = bin()
        .args([
            "check",
            ".",
            "--baseline",
            "baseline.json",
            "--format",
            "compact",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("TikTok"));
    // The leak fixed: the baseline entry is reported gone.
    std::fs::write(&file, "fbq('init', '1');\n").unwrap();
    let out = bin()
        .args(["check", ".", "--baseline", "baseline.json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 recorded findings are gone"));
}

#[test]
fn diff_base_reports_only_changed_lines() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&[
        "-c",
        "user.email=t@example.com",
        "-c",
        "user.name=t",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "root",
    ]);
    std::fs::write(
        dir.path().join("old.js"),
        "const e = document.getElementById('email').value;\nfbq('init', '1', { em: e });\n",
    )
    .unwrap();
    git(&["add", "."]);
    git(&[
        "-c",
        "user.email=t@example.com",
        "-c",
        "user.name=t",
        "commit",
        "-q",
        "-m",
        "old leak",
    ]);
    std::fs::write(dir.path().join("new.js"), "const p = document.getElementById('phone').value;\nsnaptr('init', '1', { user_phone_number: p });\n").unwrap();
    let out = bin()
        .args(["check", ".", "--diff-base", "HEAD", "--format", "compact"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("new.js") && !text.contains("old.js"),
        "{text}"
    );
}

/// Scanning `.` from inside a project: its own tsconfig (and the one it extends) resolves
/// `@/` aliases, so the SDK a helper module hands out is found.
#[test]
fn scans_the_current_folder_with_its_tsconfig() {
    let dir = fixtures().join("projects/sdk-handle-helpers");
    let out = bin()
        .args(["check", ".", "--format", "compact"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("packages/web/client/identify.ts:8:3: warning data-to-tracker email address from user.email is sent to Sentry"),
        "{stdout}"
    );
}

/// The nearest overshare.toml governs each file: a package's own configuration adds its sinks,
/// sets its levels and excludes its generated code, and none of it leaks into the rest.
#[test]
fn the_nearest_configuration_governs_each_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let leak = "const email = document.querySelector('input[type=email]').value;\nfbq('init', '1', { em: email });\nadminTrack('signup', email);\n";
    std::fs::write(
        root.join("overshare.toml"),
        "[rules]\n\"data-to-tracker\" = \"warning\"\n",
    )
    .unwrap();
    let admin = root.join("packages/admin");
    std::fs::create_dir_all(admin.join("generated")).unwrap();
    std::fs::write(
        admin.join("overshare.toml"),
        "[files]\nexclude = [\"generated/**\"]\n\n[sdk-severity]\nadvertising = \"info\"\n\n[[sink]]\ncallee = \"adminTrack\"\nargs = [1]\nvendor = \"Admin analytics\"\n",
    )
    .unwrap();
    std::fs::write(root.join("app.js"), leak).unwrap();
    std::fs::write(admin.join("admin.js"), leak).unwrap();
    std::fs::write(admin.join("generated/gen.js"), leak).unwrap();
    let out = bin()
        .args(["check", ".", "--format", "json"])
        .current_dir(root)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    let found: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{} {} {}",
                f["file"].as_str().unwrap(),
                f["line"],
                f["severity"].as_str().unwrap(),
                f["sdk"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            // The root's level; `adminTrack` is no sink here.
            "app.js:2 warning meta-pixel",
            // The package's SDK-class level (its rule level is the default), and its own sink;
            // its generated code is excluded.
            "packages/admin/admin.js:2 info meta-pixel",
            "packages/admin/admin.js:3 warning custom-admin-analytics",
        ],
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `init` writes every rule of the registry into its `[rules]` section.
#[test]
fn init_lists_every_rule() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin().arg("init").current_dir(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("overshare.toml")).unwrap();
    let (_, rules_out, _) = run(&["rules"]);
    let ids: Vec<&str> = rules_out
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(ids.len(), 4, "{rules_out}");
    for id in ids {
        assert!(
            text.contains(&format!("# \"{id}\" = ")),
            "{id} missing:\n{text}"
        );
    }
}
