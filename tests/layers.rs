//! The pipeline's direction, kept by a test: reads every `crate::` and `super::` path in
//! `src/` (test code left out) and fails on a module that imports one above it, on a cycle
//! between top-level modules, and on a cycle between the files of one folder module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, bottom-up. A module may use modules of lower layers, and modules of its own
/// layer as long as no cycle forms.
const LAYERS: &[&[&str]] = &[
    &["diag"],
    &["input"],
    &["helpers"],
    &["docx"],
    &["template"],
    &["context", "testkit"],
    &["eval"],
    &["check"],
    &["convert"],
    &["batch"],
    &["manifest", "new"],
    &["cli", "serve"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// One source file: its top-level module, its sibling name inside that module's folder
/// (`grid` for `src/input/grid.rs`; none for `src/input/mod.rs` or `src/batch.rs`), and its
/// code without test items, comments or literals.
struct SourceFile {
    path: PathBuf,
    module: String,
    sibling: Option<String>,
    code: String,
}

/// Every `.rs` file under `dir`, in name order.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code with comments, string and char literals blanked, so that braces and paths inside
/// them are not read.
fn strip_literals(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
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
        } else if c == b'r'
            && (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
        {
            // Raw string r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push(c as char);
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
            i = (j + close.len()).min(b.len());
            out.push_str("\"\"");
        } else if c == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == b'\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            let rest = &text[i + 1..];
            let end = if rest.starts_with('\\') {
                rest.find('\'').map(|k| k + 2)
            } else {
                let mut chars = rest.char_indices();
                match (chars.next(), chars.next()) {
                    (Some(_), Some((k, '\''))) => Some(k + 2),
                    _ => None,
                }
            };
            match end {
                Some(len) => {
                    i += len;
                    out.push_str("' '");
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let ch = text[i..].chars().next().expect("char");
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// The code without items marked `#[cfg(test)]` (a `mod tests { ... }`, a test-only function),
/// and the names of test-only child modules declared as `#[cfg(test)] mod name;`.
fn strip_tests(code: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut test_children = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let brace = after.find('{');
        let semi = after.find(';');
        match (brace, semi) {
            (_, Some(s)) if brace.is_none_or(|b| s < b) => {
                let item = after[..s].trim();
                if let Some(name) = item.split_whitespace().last()
                    && item.contains("mod ")
                {
                    test_children.push(name.to_string());
                }
                rest = &after[s + 1..];
            }
            (Some(b), _) => {
                let mut depth = 0;
                let mut end = after.len();
                for (k, ch) in after[b..].char_indices() {
                    match ch {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = b + k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                rest = &after[end..];
            }
            _ => rest = "",
        }
    }
    out.push_str(rest);
    (out, test_children)
}

fn read_sources() -> Vec<SourceFile> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    let mut test_only: BTreeSet<PathBuf> = BTreeSet::new();
    let mut files = Vec::new();
    for path in paths {
        let relative: Vec<String> = path
            .strip_prefix(&src)
            .expect("under src")
            .with_extension("")
            .iter()
            .map(|c| c.to_string_lossy().into_owned())
            .collect();
        let (code, children) = strip_tests(&strip_literals(
            &std::fs::read_to_string(&path).expect("source is readable"),
        ));
        let dir = if path.file_name().is_some_and(|n| n == "mod.rs") {
            path.parent().expect("parent").to_path_buf()
        } else {
            path.with_extension("")
        };
        for child in children {
            test_only.insert(dir.join(format!("{child}.rs")));
            test_only.insert(dir.join(&child).join("mod.rs"));
        }
        let module = relative[0].clone();
        if matches!(module.as_str(), "main" | "lib") {
            continue;
        }
        let sibling = match relative.len() {
            1 => None,
            _ if relative[1] == "mod" => None,
            _ => Some(relative[1].clone()),
        };
        files.push(SourceFile {
            path,
            module,
            sibling,
            code,
        });
    }
    files.retain(|f| !test_only.contains(&f.path));
    files
}

/// The first path segment of every item named after each `prefix` in `code`:
/// `super::grid::x` and `super::{grid, Table}` both give `grid`.
fn named_after(code: &str, prefix: &str) -> Vec<String> {
    fn ident(s: &str) -> &str {
        let end = s
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(s.len());
        &s[..end]
    }
    let mut names = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find(prefix) {
        let start = from + at;
        from = start + prefix.len();
        let boundary = code[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'));
        if !boundary {
            continue;
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = 0;
            for (k, ch) in group.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            names.push(ident(group[item_start..k].trim()).to_string());
                            break;
                        }
                    }
                    ',' if depth == 1 => {
                        names.push(ident(group[item_start..k].trim()).to_string());
                        item_start = k + 1;
                    }
                    _ => {}
                }
            }
        } else {
            names.push(ident(rest).to_string());
        }
    }
    names.retain(|n| !n.is_empty() && n != "self");
    names
}

/// Module-level edges (from, to, file) and sibling edges per folder module.
struct Graph {
    modules: BTreeMap<String, BTreeSet<String>>,
    witnesses: BTreeMap<(String, String), String>,
    siblings: BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
}

fn build_graph(files: &[SourceFile]) -> Graph {
    let known: BTreeSet<&str> = files.iter().map(|f| f.module.as_str()).collect();
    let mut graph = Graph {
        modules: BTreeMap::new(),
        witnesses: BTreeMap::new(),
        siblings: BTreeMap::new(),
    };
    for file in files {
        let shown = file
            .path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&file.path)
            .display()
            .to_string();
        for target in named_after(&file.code, "crate::") {
            if target != file.module && known.contains(target.as_str()) {
                graph
                    .modules
                    .entry(file.module.clone())
                    .or_default()
                    .insert(target.clone());
                graph
                    .witnesses
                    .entry((file.module.clone(), target))
                    .or_insert_with(|| shown.clone());
            }
        }
        let Some(sibling) = &file.sibling else {
            continue;
        };
        let siblings_here: BTreeSet<String> = files
            .iter()
            .filter(|f| f.module == file.module)
            .filter_map(|f| f.sibling.clone())
            .collect();
        let mut targets = named_after(&file.code, "super::");
        targets.extend(named_after(
            &file.code,
            &format!("crate::{}::", file.module),
        ));
        for target in targets {
            if &target != sibling && siblings_here.contains(&target) {
                graph
                    .siblings
                    .entry(file.module.clone())
                    .or_default()
                    .entry(sibling.clone())
                    .or_default()
                    .insert(target);
            }
        }
    }
    graph
}

/// A cycle in `edges`, as the names along it, if there is one.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_string(), 1);
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            match state.get(next.as_str()) {
                Some(1) => {
                    let start = path.iter().position(|p| p == next).expect("on path");
                    let mut cycle = path[start..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(cycle) = visit(next, edges, state, path) {
                        return Some(cycle);
                    }
                }
            }
        }
        path.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in edges.keys() {
        if !state.contains_key(node.as_str())
            && let Some(cycle) = visit(node, edges, &mut state, &mut Vec::new())
        {
            return Some(cycle);
        }
    }
    None
}

/// Every breach of the layering in `graph`, as a sentence each.
fn breaches(graph: &Graph) -> Vec<String> {
    let mut problems = Vec::new();
    for (from, targets) in &graph.modules {
        let Some(from_layer) = layer_of(from) else {
            problems.push(format!("src/{from}: the module has no layer in LAYERS"));
            continue;
        };
        for to in targets {
            let witness = &graph.witnesses[&(from.clone(), to.clone())];
            match layer_of(to) {
                Some(to_layer) if to_layer > from_layer => problems.push(format!(
                    "{witness}: '{from}' imports '{to}', which is above it in the pipeline"
                )),
                None => problems.push(format!("src/{to}: the module has no layer in LAYERS")),
                _ => {}
            }
        }
    }
    if let Some(cycle) = find_cycle(&graph.modules) {
        problems.push(format!("modules import each other: {}", cycle.join(" -> ")));
    }
    for (module, edges) in &graph.siblings {
        if let Some(cycle) = find_cycle(edges) {
            problems.push(format!(
                "the files of src/{module}/ import each other: {}",
                cycle.join(" -> ")
            ));
        }
    }
    problems
}

#[test]
fn no_module_imports_one_above_it_and_none_import_each_other() {
    let graph = build_graph(&read_sources());
    assert!(
        graph.modules.contains_key("batch"),
        "the reader found batch's imports"
    );
    let problems = breaches(&graph);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The breaches found after planting `line` in the file whose path ends with `file`.
fn breaches_with(file: &str, line: &str) -> Vec<String> {
    let mut files = read_sources();
    let planted = files
        .iter_mut()
        .find(|f| f.path.ends_with(file))
        .unwrap_or_else(|| panic!("{file} exists"));
    planted.code.push_str(&format!("\n{line}\n"));
    breaches(&build_graph(&files))
}

#[test]
fn the_layer_test_fails_when_template_imports_check_again() {
    let problems = breaches_with("src/template/mod.rs", "use crate::check::closest;");
    assert!(
        problems.iter().any(|p| p
            == "src/template/mod.rs: 'template' imports 'check', which is above it in the pipeline"),
        "{problems:?}"
    );
}

#[test]
fn the_layer_test_finds_a_cycle_between_the_files_of_a_folder() {
    let problems = breaches_with("src/input/cells.rs", "use super::grid::build_table;");
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("the files of src/input/ import each other")),
        "{problems:?}"
    );
}

#[test]
fn paths_are_read_from_use_lines_groups_and_inline_calls() {
    let code = strip_literals(
        "use super::{Cell, grid, legacy::{a, b}};\nlet x = crate::helpers::register(&mut r); // crate::cli\nlet s = \"crate::batch\";",
    );
    assert_eq!(named_after(&code, "super::"), ["Cell", "grid", "legacy"]);
    assert_eq!(named_after(&code, "crate::"), ["helpers"]);
}
