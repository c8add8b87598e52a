//! `overshare lsp`: a language server over stdio, so editors list findings as diagnostics.
//! Diagnostics are published on open, on change (debounced, from the unsaved buffer) and on
//! save, with the flow steps as related information and the rule id linking its docs; a code
//! action inserts a suppression directive with a reason placeholder; hover on a finding shows
//! its rule's documentation.
//!
//! Each workspace folder is a [`Workspace`]: the nearest `overshare.toml` governs each file (its
//! sinks, sources, sanitizers, levels and overrides, as for `check`), the folder's templates
//! make the field index, and open buffers overlay the disk. Saving or changing an
//! `overshare.toml` (or a file module resolution reads: tsconfig, `package.json`, a bundler
//! configuration) makes every workspace read its configuration again
//! and re-publishes every open buffer's diagnostics.

use crate::config::FILE_NAME as CONFIG_FILE;
use crate::not_analysed::Reason;
use crate::report::{Finding, Severity};
use crate::workspace::Workspace;
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
use lsp_types::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Quiet time after the last keystroke before a buffer is re-analysed.
const DEBOUNCE: Duration = Duration::from_millis(150);

struct Doc {
    text: String,
    version: i32,
    findings: Vec<Finding>,
}

struct Server {
    conn: Connection,
    /// One per workspace folder, longest root first; files outside them all go to `loose`.
    workspaces: Vec<Arc<Workspace>>,
    loose: Arc<Workspace>,
    docs: HashMap<Url, Doc>,
    /// Buffers changed and waiting for the debounce to pass.
    dirty: HashMap<Url, Instant>,
}

pub fn run() -> Result<(), String> {
    let (conn, io) = Connection::stdio();
    let caps = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    };
    let init = conn
        .initialize(serde_json::to_value(caps).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(init).map_err(|e| e.to_string())?;
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| f.uri.to_file_path().ok())
        .collect();
    #[allow(deprecated)]
    if roots.is_empty() {
        roots.extend(params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()));
    }
    // Longest first: a nested folder's files belong to it, not to the folder around it.
    roots.sort_by_key(|r| std::cmp::Reverse(r.components().count()));
    let workspaces = roots
        .into_iter()
        .map(|root| {
            let ws = Workspace::new(root, crate::Options::default());
            ws.index_project();
            Arc::new(ws)
        })
        .collect();
    let mut server = Server {
        conn,
        workspaces,
        loose: Arc::new(Workspace::new("/", crate::Options::default())),
        docs: HashMap::new(),
        dirty: HashMap::new(),
    };
    let result = server.main_loop();
    // The writer thread ends when the connection's sender is gone.
    drop(server);
    result?;
    io.join().map_err(|e| e.to_string())
}

impl Server {
    fn main_loop(&mut self) -> Result<(), String> {
        loop {
            let timeout = self
                .dirty
                .values()
                .min()
                .map(|t| (*t + DEBOUNCE).saturating_duration_since(Instant::now()));
            let msg = match timeout {
                Some(t) => match self.conn.receiver.recv_timeout(t) {
                    Ok(m) => Some(m),
                    Err(crossbeam_channel::RecvTimeoutError::Timeout) => None,
                    Err(_) => return Ok(()),
                },
                None => match self.conn.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(()),
                },
            };
            match msg {
                Some(Message::Request(req)) => {
                    if self.conn.handle_shutdown(&req).map_err(|e| e.to_string())? {
                        return Ok(());
                    }
                    self.request(req);
                }
                Some(Message::Notification(n)) => self.notification(n),
                Some(Message::Response(_)) => {}
                None => {}
            }
            // Analyse buffers whose last change is older than the debounce.
            let now = Instant::now();
            let due: Vec<Url> = self
                .dirty
                .iter()
                .filter(|(_, t)| now.duration_since(**t) >= DEBOUNCE)
                .map(|(u, _)| u.clone())
                .collect();
            for uri in due {
                self.dirty.remove(&uri);
                self.analyse(&uri);
            }
        }
    }

    /// The workspace a file belongs to.
    fn workspace(&self, path: &Path) -> &Arc<Workspace> {
        self.workspaces
            .iter()
            .find(|w| path.starts_with(w.base()))
            .unwrap_or(&self.loose)
    }

    fn analyse(&mut self, uri: &Url) {
        let Ok(path) = uri.to_file_path() else {
            return;
        };
        let ws = self.workspace(&path).clone();
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        ws.set_overlay(&path, Arc::from(doc.text.as_str()));
        let result = ws.check_file(&path);
        let display = path.to_string_lossy();
        doc.findings = result
            .findings
            .into_iter()
            .filter(|f| f.file == display)
            .collect();
        let mut diagnostics: Vec<Diagnostic> = doc.findings.iter().map(diagnostic).collect();
        // A file its invalid overshare.toml keeps from being analysed says so.
        diagnostics.extend(
            result
                .errors
                .iter()
                .filter(|e| e.reason == Reason::BadConfig)
                .map(|e| Diagnostic {
                    range: Range::default(),
                    severity: Some(DiagnosticSeverity::ERROR),
                    source: Some("overshare".into()),
                    message: e.message.clone(),
                    ..Default::default()
                }),
        );
        let params = PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version: Some(doc.version),
        };
        let _ = self
            .conn
            .sender
            .send(Message::Notification(Notification::new(
                PublishDiagnostics::METHOD.into(),
                params,
            )));
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.clone();
                    self.docs.insert(
                        uri.clone(),
                        Doc {
                            text: p.text_document.text,
                            version: p.text_document.version,
                            findings: Vec::new(),
                        },
                    );
                    self.analyse(&uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    if let (Some(doc), Some(change)) = (
                        self.docs.get_mut(&p.text_document.uri),
                        p.content_changes.into_iter().last(),
                    ) {
                        doc.text = change.text;
                        doc.version = p.text_document.version;
                        self.dirty.insert(p.text_document.uri, Instant::now());
                    }
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) {
                    if p.changes.iter().any(|c| self.is_config(&c.uri)) {
                        self.reload_config();
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    if self.is_config(&p.text_document.uri) {
                        self.reload_config();
                        return;
                    }
                    if let Some(text) = p.text {
                        if let Some(doc) = self.docs.get_mut(&p.text_document.uri) {
                            doc.text = text;
                        }
                    }
                    self.dirty.remove(&p.text_document.uri);
                    self.analyse(&p.text_document.uri);
                    self.saved(&p.text_document.uri);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    self.docs.remove(&p.text_document.uri);
                    self.dirty.remove(&p.text_document.uri);
                    if let Ok(path) = p.text_document.uri.to_file_path() {
                        self.workspace(&path).clear_overlay(&path);
                    }
                    let params = PublishDiagnosticsParams {
                        uri: p.text_document.uri,
                        diagnostics: Vec::new(),
                        version: None,
                    };
                    let _ = self
                        .conn
                        .sender
                        .send(Message::Notification(Notification::new(
                            PublishDiagnostics::METHOD.into(),
                            params,
                        )));
                }
            }
            _ => {}
        }
    }

    /// After a file of a workspace is saved: markup re-reads the workspace's fields, and the
    /// other open buffers of the workspace are checked again (they may import the file, or
    /// read the fields it declares).
    fn saved(&mut self, uri: &Url) {
        let Ok(path) = uri.to_file_path() else {
            return;
        };
        let ws = self.workspace(&path).clone();
        if crate::driver::declares_fields(&path) {
            ws.index_project();
        }
        let mut others: Vec<Url> = self
            .docs
            .keys()
            .filter(|u| *u != uri)
            .filter(|u| {
                u.to_file_path()
                    .is_ok_and(|p| Arc::ptr_eq(self.workspace(&p), &ws))
            })
            .cloned()
            .collect();
        others.sort();
        for other in others {
            self.analyse(&other);
        }
    }

    /// Whether `uri` is a file that changes how others are analysed: an `overshare.toml`, or a
    /// file module resolution reads (tsconfig, `package.json`, a bundler's configuration).
    fn is_config(&self, uri: &Url) -> bool {
        let Ok(path) = uri.to_file_path() else {
            return false;
        };
        path.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n == CONFIG_FILE || crate::resolve::is_resolution_config(n))
    }

    /// Every workspace reads its configurations again when next needed, and every open
    /// buffer's diagnostics are re-published under them.
    fn reload_config(&mut self) {
        for ws in self.workspaces.iter().chain([&self.loose]) {
            ws.reload();
        }
        let mut open: Vec<Url> = self.docs.keys().cloned().collect();
        open.sort();
        for uri in open {
            self.analyse(&uri);
        }
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            HoverRequest::METHOD => {
                serde_json::from_value::<HoverParams>(req.params)
                    .ok()
                    .map(|p| {
                        let pos = p.text_document_position_params;
                        serde_json::to_value(self.hover(&pos.text_document.uri, pos.position))
                            .unwrap_or_default()
                    })
            }
            CodeActionRequest::METHOD => serde_json::from_value::<CodeActionParams>(req.params)
                .ok()
                .map(|p| serde_json::to_value(self.code_actions(&p)).unwrap_or_default()),
            _ => None,
        };
        self.respond(id, result.unwrap_or(serde_json::Value::Null));
    }

    fn respond(&self, id: RequestId, result: serde_json::Value) {
        let _ = self.conn.sender.send(Message::Response(Response {
            id,
            result: Some(result),
            error: None,
        }));
    }

    fn findings_at(&self, uri: &Url, pos: Position) -> Vec<&Finding> {
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        doc.findings
            .iter()
            .filter(|f| contains(&range(&f.sink), pos))
            .collect()
    }

    fn hover(&self, uri: &Url, pos: Position) -> Option<Hover> {
        let f = *self.findings_at(uri, pos).first()?;
        let docs = crate::lints::find(f.rule).map_or("", |r| r.docs);
        let value = format!(
            "**{}** ({})\n\n{}\n\n---\n\n{}",
            f.rule,
            f.severity.as_str(),
            f.message,
            docs
        );
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: Some(range(&f.sink)),
        })
    }

    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for f in doc
            .findings
            .iter()
            .filter(|f| overlaps(&range(&f.sink), &p.range))
        {
            let line = f.sink.start.line.saturating_sub(1);
            let text_line = doc.text.lines().nth(line as usize).unwrap_or("");
            let indent: String = text_line
                .chars()
                .take_while(|c| c.is_whitespace())
                .collect();
            let markup = crate::kinds::of_path(Path::new(uri.path()))
                .is_some_and(|k| k.html_comments)
                && !text_line
                    .trim_start()
                    .starts_with(|c: char| c.is_alphanumeric() || c == '$' || c == '_');
            let directive = if markup {
                format!("{indent}<!-- overshare-ignore-next-line {} -- REASON: why this data may be sent -->\n", f.rule)
            } else {
                format!("{indent}// overshare-ignore-next-line {} -- REASON: why this data may be sent\n", f.rule)
            };
            let edit = TextEdit {
                range: Range::new(Position::new(line, 0), Position::new(line, 0)),
                new_text: directive,
            };
            let mut changes = HashMap::new();
            changes.insert(uri.clone(), vec![edit]);
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Suppress {} on this line (with a reason)", f.rule),
                kind: Some(CodeActionKind::QUICKFIX),
                edit: Some(WorkspaceEdit {
                    changes: Some(changes),
                    ..Default::default()
                }),
                ..Default::default()
            }));
        }
        out
    }
}

fn range(s: &crate::report::SpanRef) -> Range {
    Range::new(
        Position::new(
            s.start.line.saturating_sub(1),
            s.start.column.saturating_sub(1),
        ),
        Position::new(s.end.line.saturating_sub(1), s.end.column.saturating_sub(1)),
    )
}

fn contains(r: &Range, p: Position) -> bool {
    (r.start.line, r.start.character) <= (p.line, p.character)
        && (p.line, p.character) <= (r.end.line, r.end.character)
}

fn overlaps(a: &Range, b: &Range) -> bool {
    (a.start.line, a.start.character) <= (b.end.line, b.end.character)
        && (b.start.line, b.start.character) <= (a.end.line, a.end.character)
}

/// Findings of an editor session name files by absolute path.
fn file_uri(file: &str) -> Option<Url> {
    Url::from_file_path(file).ok()
}

fn diagnostic(f: &Finding) -> Diagnostic {
    let mut related = Vec::new();
    if let Some(src) = &f.source {
        if let Some(uri) = file_uri(src.file.as_deref().unwrap_or(&f.file)) {
            related.push(DiagnosticRelatedInformation {
                location: Location::new(uri, range(src)),
                message: f.source_label.clone(),
            });
        }
    }
    for s in &f.flow {
        if let Some(uri) = file_uri(s.at.file.as_deref().unwrap_or(&f.file)) {
            let r = range(&s.at);
            related.push(DiagnosticRelatedInformation {
                location: Location::new(uri, Range::new(r.start, r.start)),
                message: s.note.clone(),
            });
        }
    }
    Diagnostic {
        range: range(&f.sink),
        severity: Some(match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(f.rule.to_string())),
        code_description: Url::parse(&crate::lints::docs_url(f.rule))
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("overshare".into()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}
