//! The modules of `src/analyze/` import each other without a cycle: each file's `super::…` and
//! `crate::analyze::…` paths (in `use` declarations and in code) are read from the sources, and
//! the graph they make must be acyclic. `impl Engine` blocks spread over many files are fine;
//! module A using B while B uses A (directly or through a chain) is not. The module holding the
//! `Engine` struct must not use any module that adds behaviour to it.
//!
//! Inline `#[cfg(test)] mod tests { … }` blocks are left out: their `super` is their own file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module name -> the sibling modules (or `mod`, the parent's own items) it refers to.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// The source without comments, string and char literals (their text cannot name a module).
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                out.push(' ');
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                // A raw string: r"…", r#"…"#.
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    out.push('r');
                    i += 1;
                    continue;
                }
                j += 1;
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                while j < b.len() && !b[j..].starts_with(&close) {
                    j += 1;
                }
                i = j + close.len();
                out.push_str("\"\"");
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            // A char literal ('x', '\n', '\u{1}'), not a lifetime ('a).
            b'\'' if b.get(i + 1) == Some(&b'\\') => {
                i += 2;
                while i < b.len() && b[i] != b'\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            }
            b'\'' if src[i + 1..].chars().nth(1) == Some('\'') => {
                i += 1 + src[i + 1..].chars().next().map_or(1, char::len_utf8) + 1;
                out.push_str("' '");
            }
            _ => {
                let c = src[i..].chars().next().unwrap();
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// `code` without its `#[cfg(test)] mod name { … }` blocks.
fn without_test_modules(code: &str) -> String {
    let mut out = code.to_string();
    while let Some(at) = out.find("#[cfg(test)]") {
        let rest = &out[at..];
        let Some(open) = rest.find('{') else { break };
        if !rest[..open].contains("mod ") {
            // `#[cfg(test)]` on something else: keep it, look further.
            out.replace_range(at..at + "#[cfg(test)]".len(), "");
            continue;
        }
        let mut depth = 0;
        let mut end = rest.len();
        for (k, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.replace_range(at..at + end, "");
    }
    out
}

/// The first segments of the paths in a `use` group body (`a::X, b::{c, d}, self`).
fn group_heads(body: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    let bytes = body.as_bytes();
    for (k, &c) in bytes.iter().enumerate() {
        match c {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            b',' if depth == 0 => {
                heads.push(head(&body[start..k]));
                start = k + 1;
            }
            _ => {}
        }
    }
    heads.push(head(&body[start..]));
    heads.retain(|h| !h.is_empty());
    heads
}

fn head(path: &str) -> String {
    let path = path.trim();
    if path.starts_with('*') {
        return "*".into();
    }
    path.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("")
        .to_string()
}

/// The modules `file`'s code refers to through `prefix` (`super::`, `crate::analyze::`).
fn refs_after(code: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = code[from..].find(prefix) {
        let at = from + pos;
        from = at + prefix.len();
        // A path start: not the tail of a longer path or name (`x::super::`, `my_super::`).
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(group.len(), |(k, _)| k);
            out.extend(group_heads(&group[..end]));
        } else {
            out.push(head(rest));
        }
    }
    out
}

/// The graph of the modules whose sources `files` holds (file stem -> code); `mod` is the
/// parent module (`mod.rs`).
fn graph(files: &BTreeMap<String, String>) -> Graph {
    let names: BTreeSet<&str> = files.keys().map(String::as_str).collect();
    let mut g = Graph::new();
    for (name, src) in files {
        let code = without_test_modules(&code_only(src));
        let mut deps = BTreeSet::new();
        let mut heads = refs_after(&code, "crate::analyze::");
        if name == "mod" {
            // The parent names its children directly (`engine::Engine::new`, `pub use facts::…`).
            for child in names.iter().filter(|&&n| n != "mod") {
                let pat = format!("{child}::");
                let direct = code.match_indices(&pat).any(|(at, _)| {
                    let before = code[..at].chars().next_back();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
                });
                if direct {
                    heads.push(child.to_string());
                }
            }
        } else {
            heads.extend(refs_after(&code, "super::"));
        }
        for h in heads {
            match h.as_str() {
                // `super::super::…` leaves the analysis; `self` is the module itself.
                "super" | "self" | "" => {}
                m if names.contains(m) => {
                    if m != name {
                        deps.insert(m.to_string());
                    }
                }
                // An item of the parent itself (`super::FileFacts`, `use super::*`).
                _ => {
                    if name != "mod" {
                        deps.insert("mod".to_string());
                    }
                }
            }
        }
        g.insert(name.clone(), deps);
    }
    g
}

/// A cycle of the graph, as the modules along it (the first repeated at the end), if any.
fn find_cycle(g: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit<'g>(
        n: &'g str,
        g: &'g Graph,
        marks: &mut BTreeMap<&'g str, Mark>,
        path: &mut Vec<&'g str>,
    ) -> Option<Vec<String>> {
        marks.insert(n, Mark::Open);
        path.push(n);
        for d in g.get(n).into_iter().flatten() {
            match marks.get(d.as_str()).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let start = path.iter().position(|p| p == d).unwrap();
                    let mut cycle: Vec<String> =
                        path[start..].iter().map(|s| s.to_string()).collect();
                    cycle.push(d.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(d, g, marks, path) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks.insert(n, Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for n in g.keys() {
        if marks.get(n.as_str()).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(c) = visit(n, g, &mut marks, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

/// The sources of `src/analyze/`, by module name (`engine`, `mod`, a folder's `x` for
/// `x/mod.rs`).
fn analyze_sources() -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analyze");
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let (name, file) = if path.is_dir() {
            let m = path.join("mod.rs");
            if !m.is_file() {
                continue;
            }
            (path.file_name().unwrap().to_string_lossy().into_owned(), m)
        } else if path.extension().is_some_and(|e| e == "rs") {
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                path,
            )
        } else {
            continue;
        };
        files.insert(name, std::fs::read_to_string(file).unwrap());
    }
    files
}

#[test]
fn analyze_module_imports_are_acyclic() {
    let files = analyze_sources();
    assert!(
        files.len() > 10,
        "src/analyze/ not found: {:?}",
        files.keys()
    );
    let g = graph(&files);
    if let Some(cycle) = find_cycle(&g) {
        panic!(
            "src/analyze/ modules import each other in a circle: {}\n(graph: {g:#?})",
            cycle.join(" -> ")
        );
    }
}

#[test]
fn engine_state_uses_no_behaviour_module() {
    let files = analyze_sources();
    let defines = |src: &str, what: &str| code_only(src).contains(what);
    let (state, _) = files
        .iter()
        .find(|(_, src)| defines(src, "pub struct Engine<"))
        .expect("a module defines `struct Engine`");
    let behaviour: BTreeSet<&String> = files
        .iter()
        .filter(|(_, src)| defines(src, "Engine<'a> {") || defines(src, "Engine<'_> {"))
        .filter(|(_, src)| defines(src, "impl"))
        .map(|(n, _)| n)
        .filter(|n| *n != state)
        .collect();
    let g = graph(&files);
    let used: Vec<&String> = g[state].iter().filter(|d| behaviour.contains(d)).collect();
    assert!(
        used.is_empty(),
        "{state}.rs (the engine's state) uses modules that add behaviour to it: {used:?}"
    );
}

#[test]
fn the_graph_reader_sees_uses_and_paths() {
    let files: BTreeMap<String, String> = [
        (
            "mod",
            "mod a; mod b; mod c; pub use a::X; fn f() { c::g() }",
        ),
        (
            "a",
            "use super::{b::{Y, Z}, c};\n// use super::d;\nconst S: &str = \"super::d\";",
        ),
        ("b", "fn f() { crate::analyze::c::g(); }"),
        (
            "c",
            "#[cfg(test)]\nmod tests { use super::*; fn t() { super::a::x(); } }\nfn g() {}",
        ),
        ("d", "use super::FileFacts;"),
    ]
    .into_iter()
    .map(|(n, s)| (n.to_string(), s.to_string()))
    .collect();
    let g = graph(&files);
    let deps = |n: &str| g[n].iter().map(String::as_str).collect::<Vec<_>>();
    assert_eq!(deps("mod"), ["a", "c"]);
    assert_eq!(deps("a"), ["b", "c"]);
    assert_eq!(deps("b"), ["c"]);
    assert!(deps("c").is_empty());
    assert_eq!(deps("d"), ["mod"]);
    assert_eq!(find_cycle(&g), None);

    let mut cyclic = files.clone();
    cyclic.insert("c".into(), "fn g() { super::a::h() }".into());
    let cycle = find_cycle(&graph(&cyclic)).expect("a -> c -> a");
    assert_eq!(cycle.first(), cycle.last());
    assert!(cycle.contains(&"a".to_string()) && cycle.contains(&"c".to_string()));
}
