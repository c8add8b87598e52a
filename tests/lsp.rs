//! The language server driven end to end by a JSON-RPC client over stdio, as an editor does:
//! initialize, open a buffer with a leak, read the published diagnostics, change the buffer,
//! ask for hover and the suppression code action, shut down.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn start(root: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_overshare"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Client {
            child,
            stdin,
            stdout,
            next_id: 1,
        }
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn read(&mut self) -> Value {
        let mut len = 0;
        loop {
            let mut line = String::new();
            self.stdout.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.parse().unwrap();
            }
        }
        let mut buf = vec![0; len];
        self.stdout.read_exact(&mut buf).unwrap();
        serde_json::from_slice(&buf).unwrap()
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let msg = self.read();
            if msg["id"] == json!(id) {
                return msg["result"].clone();
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// `shutdown`, `exit`, the pipe closed as an editor does: the server must exit cleanly.
    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let Client {
            mut child, stdin, ..
        } = self;
        drop(stdin);
        assert!(child.wait().unwrap().success());
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let msg = self.read();
            if msg["method"] == "textDocument/publishDiagnostics" && msg["params"]["uri"] == uri {
                return msg["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

#[test]
fn publishes_diagnostics_hover_and_code_actions() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    // A template elsewhere in the workspace declares the field the buffer reads.
    std::fs::write(
        root.join("page.html"),
        "<input id=\"acct\" type=\"email\">\n",
    )
    .unwrap();
    let file = root.join("app.js");
    let leak = "const e = document.getElementById('acct').value;\n  fbq('init', '1', { em: e });\n";
    std::fs::write(&file, leak).unwrap();
    let uri = format!("file://{}", file.display());
    let root_uri = format!("file://{}", root.display());

    let mut c = Client::start(&root);
    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": root_uri, "capabilities": {}}),
    );
    assert!(init["capabilities"]["hoverProvider"].as_bool().unwrap());
    c.notify("initialized", json!({}));

    let opened = Instant::now();
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "javascript", "version": 1, "text": leak}}));
    let diags = c.diagnostics(&uri);
    let first_analysis = opened.elapsed();
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d["code"], "data-to-tracker");
    assert_eq!(d["source"], "overshare");
    assert_eq!(d["severity"], 1);
    assert_eq!(d["range"]["start"], json!({"line": 1, "character": 2}));
    assert!(d["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .contains("data_to_tracker"));
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("input#acct (type=email)"),
        "{d}"
    );
    assert!(!d["relatedInformation"].as_array().unwrap().is_empty());
    assert!(first_analysis < Duration::from_secs(5));

    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 4}}),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("## Why is this bad?"));

    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let edit = &actions[0]["edit"]["changes"][&uri][0];
    assert_eq!(
        edit["newText"],
        "  // overshare-ignore-next-line data-to-tracker -- REASON: why this data may be sent\n"
    );
    assert_eq!(edit["range"]["start"], json!({"line": 1, "character": 0}));

    // The unsaved buffer is fixed: the diagnostics go away after the debounce.
    let clean = "const e = document.getElementById('acct').value;\nfbq('init', '1');\n";
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": clean}]}),
    );
    assert!(c.diagnostics(&uri).is_empty());

    c.shutdown();
}

/// overshare.toml shapes the editor's diagnostics as it shapes `check`'s: turning the rule off
/// and saving the file makes them go; a per-path override applies to the workspace's paths.
#[test]
fn configuration_levels_apply_and_reload_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let config = root.join("overshare.toml");
    std::fs::write(&config, "[rules]\n\"data-to-tracker\" = \"warning\"\n").unwrap();
    std::fs::create_dir_all(root.join("tests")).unwrap();
    let leak = "const e = document.querySelector('input[type=email]').value;\nfbq('init', '1', { em: e });\n";
    let app = root.join("app.js");
    let test_file = root.join("tests/app.test.js");
    std::fs::write(&app, leak).unwrap();
    std::fs::write(&test_file, leak).unwrap();
    let uri = format!("file://{}", app.display());
    let test_uri = format!("file://{}", test_file.display());
    let config_uri = format!("file://{}", config.display());

    // The server runs from elsewhere: paths are the workspace's, not its working folder's.
    let mut c = Client::start(std::path::Path::new("/"));
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": format!("file://{}", root.display()), "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "javascript", "version": 1, "text": leak}}));
    let diags = c.diagnostics(&uri);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["severity"], 2, "the configured level: warning");

    // An override for tests/**, then the rule off everywhere: each save is read again.
    std::fs::write(
        &config,
        "[[override]]\npaths = [\"tests/**\"]\nrules = { \"data-to-tracker\" = \"off\" }\n",
    )
    .unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    assert_eq!(c.diagnostics(&uri).len(), 1);
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": test_uri, "languageId": "javascript", "version": 1, "text": leak}}));
    assert!(c.diagnostics(&test_uri).is_empty());

    std::fs::write(&config, "[rules]\n\"data-to-tracker\" = \"off\"\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    assert!(c.diagnostics(&uri).is_empty());

    c.shutdown();
}

/// Several workspace folders each get their configuration; imports resolve against the file's
/// folder whatever the server's working folder; an invalid overshare.toml is shown, and fixing
/// it brings the diagnostics back.
#[test]
fn workspace_folders_each_get_their_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().canonicalize().unwrap();
    let (quiet, shop) = (base.join("quiet"), base.join("shop"));
    std::fs::create_dir_all(&quiet).unwrap();
    std::fs::create_dir_all(shop.join("lib")).unwrap();
    std::fs::write(
        quiet.join("overshare.toml"),
        "[rules]\n\"data-to-tracker\" = \"off\"\n",
    )
    .unwrap();
    let leak = "const e = document.querySelector('input[type=email]').value;\nfbq('init', '1', { em: e });\n";
    std::fs::write(quiet.join("a.js"), leak).unwrap();
    // shop: the email is read in an imported module.
    std::fs::write(
        shop.join("lib/user.js"),
        "export function typedEmail() {\n  return document.querySelector('input[type=email]').value;\n}\n",
    )
    .unwrap();
    let form =
        "import { typedEmail } from './lib/user';\nfbq('init', '1', { em: typedEmail() });\n";
    std::fs::write(shop.join("form.js"), form).unwrap();
    let uri = |p: &std::path::Path| format!("file://{}", p.display());

    let mut c = Client::start(std::path::Path::new("/"));
    c.request(
        "initialize",
        json!({"processId": null, "capabilities": {}, "workspaceFolders": [
            {"uri": uri(&quiet), "name": "quiet"}, {"uri": uri(&shop), "name": "shop"}]}),
    );
    c.notify("initialized", json!({}));
    let quiet_a = uri(&quiet.join("a.js"));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": quiet_a, "languageId": "javascript", "version": 1, "text": leak}}));
    assert!(
        c.diagnostics(&quiet_a).is_empty(),
        "quiet turns the rule off"
    );
    let shop_form = uri(&shop.join("form.js"));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": shop_form, "languageId": "javascript", "version": 1, "text": form}}));
    let diags = c.diagnostics(&shop_form);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["severity"], 1, "shop has no configuration: error");
    let related = diags[0]["relatedInformation"].as_array().unwrap();
    assert!(
        related
            .iter()
            .any(|r| r["location"]["uri"] == uri(&shop.join("lib/user.js"))),
        "{related:?}"
    );

    // An invalid configuration in shop: its files say so; fixing it brings the finding back.
    let config = shop.join("overshare.toml");
    std::fs::write(&config, "[rules]\n\"data-to-trackr\" = \"off\"\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&config)}}),
    );
    let diags = c.diagnostics(&shop_form);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("unknown rule `data-to-trackr`"),
        "{diags:?}"
    );
    std::fs::write(&config, "[rules]\n\"data-to-tracker\" = \"info\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 2}]}),
    );
    let diags = c.diagnostics(&shop_form);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["severity"], 3, "info");
    c.shutdown();
}

/// Saving markup re-reads the fields it declares, and the other open buffers are checked again.
#[test]
fn saving_markup_rechecks_the_scripts_that_read_its_fields() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let page = root.join("page.html");
    std::fs::write(&page, "<form><input id=\"contact\" type=\"text\"></form>\n").unwrap();
    let script =
        "analytics.track('Signed up', { field: document.getElementById('contact').value });\n";
    std::fs::write(root.join("form.js"), script).unwrap();
    let uri = |p: &std::path::Path| format!("file://{}", p.display());
    let form_uri = uri(&root.join("form.js"));

    let mut c = Client::start(std::path::Path::new("/"));
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&root), "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": form_uri, "languageId": "javascript", "version": 1, "text": script}}));
    assert!(c.diagnostics(&form_uri).is_empty(), "a text field");

    let email_field = "<form><input id=\"contact\" type=\"email\"></form>\n";
    std::fs::write(&page, email_field).unwrap();
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri(&page), "languageId": "html", "version": 1, "text": email_field}}));
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&page)}}),
    );
    let diags = c.diagnostics(&form_uri);
    assert_eq!(diags.len(), 1, "now an email field: {diags:?}");
    c.shutdown();
}

/// An imported module is read as the editor has it: its unsaved buffer wins over the disk.
#[test]
fn imports_are_read_from_unsaved_buffers() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join("lib")).unwrap();
    let on_disk = "export function typedEmail() {\n  return '';\n}\n";
    let unsaved =
        "export function typedEmail() {\n  return document.querySelector('input[type=email]').value;\n}\n";
    std::fs::write(root.join("lib/user.js"), on_disk).unwrap();
    let form =
        "import { typedEmail } from './lib/user';\nfbq('init', '1', { em: typedEmail() });\n";
    std::fs::write(root.join("form.js"), form).unwrap();
    let uri = |p: &std::path::Path| format!("file://{}", p.display());
    let (user_uri, form_uri) = (uri(&root.join("lib/user.js")), uri(&root.join("form.js")));

    let mut c = Client::start(std::path::Path::new("/"));
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&root), "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": user_uri, "languageId": "javascript", "version": 1, "text": unsaved}}));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": form_uri, "languageId": "javascript", "version": 1, "text": form}}));
    let diags = c.diagnostics(&form_uri);
    assert_eq!(
        diags.len(),
        1,
        "the buffer reads the email field: {diags:?}"
    );
    c.shutdown();
}
