//! Aliases a bundler's configuration declares: `resolve.alias` of `vite.config.*` and
//! `webpack.config.*`, `configureWebpack.resolve.alias` of `vue.config.js`, `alias` (and the
//! `~`/`@` defaults) of `nuxt.config.*`, `kit.alias` and `$lib` of `svelte.config.*`.
//!
//! The configuration is parsed, never run: only literal values are read (strings, template
//! literals of `__dirname`, `path.resolve`/`path.join`, `fileURLToPath(new URL(…,
//! import.meta.url))`, top-level constants made of those). Anything else is left out silently.

use super::normalize;
use crate::extract::{BlockKind, Lang, ScriptBlock};
use crate::source::ByteSpan;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use swc_ecma_ast::*;

/// Configuration files larger than this are not read (a real one is a few kilobytes).
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The bundler configuration files, in the order their aliases apply.
pub(super) const CONFIG_FILES: &[&str] = &[
    "svelte.config.js",
    "svelte.config.mjs",
    "svelte.config.ts",
    "vite.config.js",
    "vite.config.mjs",
    "vite.config.ts",
    "vite.config.mts",
    "webpack.config.js",
    "webpack.config.cjs",
    "webpack.config.mjs",
    "webpack.config.ts",
    "nuxt.config.js",
    "nuxt.config.ts",
    "vue.config.js",
];

/// One alias: `key` (exactly, or followed by `/…` unless `exact`) stands for `target`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Alias {
    pub key: String,
    pub exact: bool,
    pub target: PathBuf,
}

impl Alias {
    /// The path `spec` stands for under this alias, if it matches.
    pub fn apply(&self, spec: &str) -> Option<PathBuf> {
        if spec == self.key {
            return Some(self.target.clone());
        }
        if self.exact {
            return None;
        }
        let rest = spec.strip_prefix(self.key.as_str())?;
        // `'@/': '/src/'` is a prefix alias written with its slash.
        let rest = if self.key.ends_with('/') {
            rest
        } else {
            rest.strip_prefix('/')?
        };
        Some(self.target.join(rest))
    }

    /// An alias from a key as a configuration writes it: webpack's `key$` matches only exactly,
    /// SvelteKit's `key/*` is the prefix form.
    fn new(key: &str, target: PathBuf) -> Option<Alias> {
        let (key, exact) = match key.strip_suffix('$') {
            Some(k) => (k, true),
            None => (key.strip_suffix("/*").unwrap_or(key), false),
        };
        let target = match target.to_str().and_then(|t| t.strip_suffix("/*")) {
            Some(t) => PathBuf::from(t),
            None => target,
        };
        (!key.is_empty()).then(|| Alias {
            key: key.to_string(),
            exact,
            target: normalize(&target),
        })
    }
}

/// The aliases the bundler configurations in `dir` declare (`names`: the configuration files
/// there).
pub(super) fn aliases_in(dir: &Path, names: &[&str]) -> Vec<Alias> {
    // Values are read against the folder's absolute path (`__dirname` is one), then made
    // relative again as the importer's path is.
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut out = aliases_at(&abs, names);
    if abs != dir {
        for a in &mut out {
            if let Ok(rest) = a.target.strip_prefix(&abs) {
                a.target = normalize(&dir.join(rest));
            }
        }
    }
    out
}

fn aliases_at(dir: &Path, names: &[&str]) -> Vec<Alias> {
    let mut out = Vec::new();
    for name in CONFIG_FILES.iter().filter(|n| names.contains(n)) {
        let path = dir.join(name);
        let Some(text) = read(&path) else { continue };
        let Some(program) = parse(&text, name) else {
            // A configuration that does not parse still makes SvelteKit's `$lib` and Nuxt's
            // defaults.
            out.extend(defaults(dir, name, None));
            continue;
        };
        let eval = Eval::new(dir, &path, &program);
        let config = eval.config(&program);
        let mut found = Vec::new();
        if let Some(config) = config {
            if name.starts_with("vite.") || name.starts_with("webpack.") {
                found.extend(eval.aliases(eval.path(config, &["resolve", "alias"])));
            } else if name.starts_with("vue.") {
                found.extend(
                    eval.aliases(eval.path(config, &["configureWebpack", "resolve", "alias"])),
                );
            } else if name.starts_with("nuxt.") {
                found.extend(eval.aliases(eval.path(config, &["alias"])));
                found.extend(eval.aliases(eval.path(config, &["vite", "resolve", "alias"])));
            } else if name.starts_with("svelte.") {
                found.extend(eval.aliases(eval.path(config, &["kit", "alias"])));
            }
        }
        // webpack's configuration may be an array of configurations.
        if name.starts_with("webpack.") {
            for c in eval.config_array(&program) {
                found.extend(eval.aliases(eval.path(c, &["resolve", "alias"])));
            }
        }
        out.extend(found);
        out.extend(defaults(dir, name, config.map(|c| (&eval, c))));
    }
    out
}

/// What a framework's configuration implies without saying it: SvelteKit's `$lib`
/// (`kit.files.lib`), Nuxt's `~`/`@` (its `srcDir`) and `~~`/`@@` (the root).
fn defaults(dir: &Path, name: &str, config: Option<(&Eval, &ObjectLit)>) -> Vec<Alias> {
    let setting = |keys: &[&str]| {
        let (eval, c) = config?;
        let e = eval.path(c, keys)?;
        eval.string(e, 0).map(|s| normalize(&dir.join(s)))
    };
    let mut out = Vec::new();
    if name.starts_with("svelte.") {
        let lib = setting(&["kit", "files", "lib"]).unwrap_or_else(|| dir.join("src/lib"));
        out.extend(Alias::new("$lib", lib));
    } else if name.starts_with("nuxt.") {
        let src = setting(&["srcDir"]);
        let explicit = src.is_some();
        let src = src.unwrap_or_else(|| dir.to_path_buf());
        for key in ["~", "@"] {
            out.extend(Alias::new(key, src.clone()));
        }
        // Nuxt 4's default `srcDir` is `app/`: tried after the root when none is set.
        if !explicit {
            for key in ["~", "@"] {
                out.extend(Alias::new(key, dir.join("app")));
            }
        }
        for key in ["~~", "@@"] {
            out.extend(Alias::new(key, dir.to_path_buf()));
        }
    }
    out
}

fn read(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.len() > MAX_CONFIG_BYTES {
        return None;
    }
    std::fs::read_to_string(path).ok()
}

fn parse(text: &str, name: &str) -> Option<Program> {
    let block = |lang| ScriptBlock {
        span: ByteSpan::new(0, text.len() as u32),
        lang,
        kind: BlockKind::Script,
        decoded: None,
    };
    let ts = name.ends_with(".ts") || name.ends_with(".mts");
    let first = if ts { Lang::Ts } else { Lang::Js };
    crate::parse::parse_block(text, &block(first))
        .or_else(|_| crate::parse::parse_block(text, &block(Lang::Ts)))
        .ok()
}

/// Reads literal values of one configuration file.
struct Eval<'a> {
    /// The configuration's folder (`__dirname`, and what relative paths are relative to).
    dir: &'a Path,
    file: &'a Path,
    /// Top-level `const name = …` declarations.
    consts: HashMap<String, &'a Expr>,
}

/// How deep a value may refer to constants and calls: a bound on odd input, not a limit real
/// configurations reach.
const MAX_DEPTH: u32 = 16;

impl<'a> Eval<'a> {
    fn new(dir: &'a Path, file: &'a Path, program: &'a Program) -> Self {
        let mut consts = HashMap::new();
        let mut add = |d: &'a VarDecl| {
            for v in &d.decls {
                if let (Pat::Ident(id), Some(init)) = (&v.name, &v.init) {
                    consts.insert(id.id.sym.to_string(), &**init);
                }
            }
        };
        for stmt in body(program) {
            match stmt {
                Either::Stmt(Stmt::Decl(Decl::Var(d))) => add(d),
                Either::Decl(Decl::Var(d)) => add(d),
                _ => {}
            }
        }
        Eval { dir, file, consts }
    }

    /// The configuration object the file exports: `export default {…}`,
    /// `export default defineConfig({…})`, `module.exports = …`, a function returning it, or a
    /// constant naming it.
    fn config(&self, program: &'a Program) -> Option<&'a ObjectLit> {
        exported(program).and_then(|e| self.object(e, 0))
    }

    /// The configurations of an exported array (webpack's multi-configuration form).
    fn config_array(&self, program: &'a Program) -> Vec<&'a ObjectLit> {
        let Some(Expr::Array(a)) = exported(program).map(|e| self.deref(e, 0)) else {
            return Vec::new();
        };
        a.elems
            .iter()
            .flatten()
            .filter_map(|e| self.object(&e.expr, 0))
            .collect()
    }

    /// `e` with parentheses, TypeScript wrappers and constant names taken away.
    fn deref(&self, e: &'a Expr, depth: u32) -> &'a Expr {
        let e = unwrap(e);
        if depth < MAX_DEPTH {
            if let Expr::Ident(i) = e {
                if let Some(v) = self.consts.get(i.sym.as_str()) {
                    return self.deref(v, depth + 1);
                }
            }
        }
        e
    }

    fn object(&self, e: &'a Expr, depth: u32) -> Option<&'a ObjectLit> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.deref(e, depth) {
            Expr::Object(o) => Some(o),
            // `defineConfig({…})`, `defineNuxtConfig({…})`, `withPlugins({…})`.
            Expr::Call(c) => c.args.first().and_then(|a| self.object(&a.expr, depth + 1)),
            Expr::Arrow(a) => match &*a.body {
                ArrowFunctionBody::Expr(e) => self.object(e, depth + 1),
                ArrowFunctionBody::FunctionBody(b) => self.returned(&b.stmts, depth),
            },
            Expr::Fn(f) => self.returned(&f.function.body.as_ref()?.stmts, depth),
            _ => None,
        }
    }

    fn returned(&self, stmts: &'a [Stmt], depth: u32) -> Option<&'a ObjectLit> {
        stmts.iter().rev().find_map(|s| match s {
            Stmt::Return(r) => self.object(r.arg.as_ref()?, depth + 1),
            _ => None,
        })
    }

    /// The value at `keys` inside the object `o`.
    fn path(&self, o: &'a ObjectLit, keys: &[&str]) -> Option<&'a Expr> {
        let (first, rest) = keys.split_first()?;
        let v = self.field(o, first)?;
        if rest.is_empty() {
            return Some(v);
        }
        self.path(self.object(v, 0)?, rest)
    }

    /// The last value the object gives `key` (a later property wins, as in JavaScript).
    fn field(&self, o: &'a ObjectLit, key: &str) -> Option<&'a Expr> {
        o.props.iter().rev().find_map(|p| match p {
            PropOrSpread::Prop(p) => match &**p {
                Prop::KeyValue(kv) if prop_name(&kv.key).as_deref() == Some(key) => {
                    Some(&*kv.value)
                }
                Prop::Shorthand(id) if id.sym.as_str() == key => self.consts.get(key).copied(),
                _ => None,
            },
            PropOrSpread::Spread(_) => None,
        })
    }

    /// The aliases an `alias` value declares: an object of key → path, or vite's array of
    /// `{ find, replacement }`.
    fn aliases(&self, value: Option<&'a Expr>) -> Vec<Alias> {
        let Some(value) = value else {
            return Vec::new();
        };
        let mut out = Vec::new();
        match self.deref(value, 0) {
            Expr::Array(a) => {
                for e in a.elems.iter().flatten() {
                    let Some(o) = self.object(&e.expr, 0) else {
                        continue;
                    };
                    // A regular expression `find` is not a literal key: left out.
                    let key = self.field(o, "find").and_then(|f| self.string(f, 0));
                    let target = self.field(o, "replacement").and_then(|r| self.string(r, 0));
                    if let (Some(key), Some(target)) = (key, target) {
                        out.extend(Alias::new(&key, self.target(&target)));
                    }
                }
            }
            _ => {
                let Some(o) = self.object(value, 0) else {
                    return out;
                };
                for p in &o.props {
                    let PropOrSpread::Prop(p) = p else { continue };
                    let Prop::KeyValue(kv) = &**p else { continue };
                    let Some(key) = prop_name(&kv.key) else {
                        continue;
                    };
                    let target = match self.deref(&kv.value, 0) {
                        // webpack 5: several places, tried in order.
                        Expr::Array(a) => a
                            .elems
                            .iter()
                            .flatten()
                            .find_map(|e| self.string(&e.expr, 0)),
                        v => self.string(v, 0),
                    };
                    if let Some(target) = target {
                        out.extend(Alias::new(&key, self.target(&target)));
                    }
                }
            }
        }
        out
    }

    /// Where an alias' path points: relative to the configuration's folder; `/src` is vite's
    /// root-relative form when the root has it.
    fn target(&self, value: &str) -> PathBuf {
        let p = Path::new(value);
        if p.is_absolute() && !p.starts_with(self.dir) {
            let in_root = normalize(&self.dir.join(value.trim_start_matches('/')));
            if in_root.exists() {
                return in_root;
            }
        }
        normalize(&self.dir.join(p))
    }

    /// A string or path the expression makes from literals, if it is literal.
    fn string(&self, e: &'a Expr, depth: u32) -> Option<String> {
        if depth > MAX_DEPTH {
            return None;
        }
        let dir = || Some(self.dir.to_string_lossy().into_owned());
        match unwrap(e) {
            Expr::Lit(Lit::Str(s)) => Some(s.value.to_atom_lossy().to_string()),
            Expr::Tpl(t) => {
                let mut out = String::new();
                for (i, q) in t.quasis.iter().enumerate() {
                    out.push_str(q.cooked.as_ref()?.to_atom_lossy().as_str());
                    if let Some(e) = t.exprs.get(i) {
                        out.push_str(&self.string(e, depth + 1)?);
                    }
                }
                Some(out)
            }
            Expr::Bin(b) if b.op == BinaryOp::Add => {
                Some(self.string(&b.left, depth + 1)? + &self.string(&b.right, depth + 1)?)
            }
            Expr::Ident(i) if i.sym.as_str() == "__dirname" => dir(),
            Expr::Ident(i) if i.sym.as_str() == "__filename" => {
                Some(self.file.to_string_lossy().into_owned())
            }
            Expr::Ident(i) => self.string(self.consts.get(i.sym.as_str())?, depth + 1),
            // `import.meta.dirname`, `new URL('./src', import.meta.url).pathname`.
            Expr::Member(m) => match (&*m.obj, member_name(&m.prop)?) {
                (Expr::MetaProp(_), "dirname") => dir(),
                (Expr::MetaProp(_), "filename") => Some(self.file.to_string_lossy().into_owned()),
                (obj, "pathname") => self.url(obj, depth + 1),
                _ => None,
            },
            Expr::Call(c) => {
                let Callee::Expr(callee) = &c.callee else {
                    return None;
                };
                let name = match unwrap(callee) {
                    Expr::Ident(i) => i.sym.as_str(),
                    Expr::Member(m) => member_name(&m.prop)?,
                    _ => return None,
                };
                let args = || {
                    c.args
                        .iter()
                        .map(|a| {
                            if a.spread.is_some() {
                                return None;
                            }
                            self.string(&a.expr, depth + 1)
                        })
                        .collect::<Option<Vec<String>>>()
                };
                match name {
                    // The process runs in the configuration's folder, as bundlers are started.
                    "resolve" => {
                        let mut p = self.dir.to_path_buf();
                        for a in args()? {
                            p.push(a); // an absolute part replaces what came before
                        }
                        Some(normalize(&p).to_string_lossy().into_owned())
                    }
                    "join" => {
                        let mut p = PathBuf::new();
                        for a in args()? {
                            p.push(a.trim_start_matches('/'));
                        }
                        let first_absolute =
                            c.args.first().and_then(|a| self.string(&a.expr, depth + 1));
                        if first_absolute.is_some_and(|f| f.starts_with('/')) {
                            p = Path::new("/").join(p);
                        }
                        Some(normalize(&p).to_string_lossy().into_owned())
                    }
                    "cwd" => dir(),
                    "dirname" => {
                        let a = args()?;
                        let p = Path::new(a.first()?).parent()?.to_path_buf();
                        Some(p.to_string_lossy().into_owned())
                    }
                    "fileURLToPath" => self.url(&c.args.first()?.expr, depth + 1),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The path a file URL names: `new URL('./src', import.meta.url)`, `import.meta.url`.
    fn url(&self, e: &'a Expr, depth: u32) -> Option<String> {
        match unwrap(e) {
            Expr::Member(m)
                if matches!(&*m.obj, Expr::MetaProp(_)) && member_name(&m.prop)? == "url" =>
            {
                Some(self.file.to_string_lossy().into_owned())
            }
            Expr::New(n) => {
                let args = n.args.as_ref()?;
                let rel = self.string(&args.first()?.expr, depth + 1)?;
                let base = self.url(&args.get(1)?.expr, depth + 1)?;
                let base = Path::new(&base).parent()?;
                Some(normalize(&base.join(rel)).to_string_lossy().into_owned())
            }
            _ => None,
        }
    }
}

/// Top-level statements of a script or module.
enum Either<'a> {
    Stmt(&'a Stmt),
    Decl(&'a Decl),
}

fn body(program: &Program) -> Vec<Either<'_>> {
    match program {
        Program::Script(s) => s.body.iter().map(Either::Stmt).collect(),
        Program::Module(m) => m
            .body
            .iter()
            .filter_map(|item| match item {
                ModuleItem::Stmt(s) => Some(Either::Stmt(s)),
                ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(e)) => Some(Either::Decl(&e.decl)),
                _ => None,
            })
            .collect(),
    }
}

/// What the configuration file exports: `export default …` or `module.exports = …`.
fn exported(program: &Program) -> Option<&Expr> {
    if let Program::Module(m) = program {
        for item in &m.body {
            if let ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultExpr(e)) = item {
                return Some(&e.expr);
            }
        }
    }
    body(program).into_iter().rev().find_map(|s| {
        let Either::Stmt(Stmt::Expr(ExprStmt { expr, .. })) = s else {
            return None;
        };
        let Expr::Assign(a) = &**expr else {
            return None;
        };
        let AssignTarget::Simple(SimpleAssignTarget::Member(m)) = &a.left else {
            return None;
        };
        let is_module = matches!(&*m.obj, Expr::Ident(i) if i.sym.as_str() == "module");
        (is_module && member_name(&m.prop) == Some("exports")).then_some(&*a.right)
    })
}

fn unwrap(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => unwrap(&p.expr),
        Expr::TsAs(x) => unwrap(&x.expr),
        Expr::TsNonNull(x) => unwrap(&x.expr),
        Expr::TsTypeAssertion(x) => unwrap(&x.expr),
        Expr::TsSatisfies(x) => unwrap(&x.expr),
        Expr::TsConstAssertion(x) => unwrap(&x.expr),
        _ => e,
    }
}

fn prop_name(p: &PropName) -> Option<String> {
    match p {
        PropName::Ident(i) => Some(i.sym.to_string()),
        PropName::Str(s) => Some(s.value.to_atom_lossy().to_string()),
        _ => None,
    }
}

fn member_name(p: &MemberProp) -> Option<&str> {
    match p {
        MemberProp::Ident(i) => Some(i.sym.as_str()),
        _ => None,
    }
}
