//! The catalogue's own tests: both files parse, hold the same ids with the same variables,
//! every id the code names is in them and every id in them is named by the code, the
//! Vietnamese text is NFC; and the Vietnamese rendering of diagnostics and locations.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use unicode_normalization::UnicodeNormalization;

use super::catalogue::{SOURCES, location};
use super::*;

type Ids = BTreeMap<String, BTreeSet<String>>;

fn inline_vars(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, out),
    }
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

/// Each catalogue's ids with the variables their message uses; fails on a parse error.
fn catalogues() -> Vec<(Lang, Ids)> {
    SOURCES
        .iter()
        .map(|(lang, source)| {
            let resource = fluent_syntax::parser::parse(*source)
                .unwrap_or_else(|(_, errors)| panic!("{lang:?} catalogue: {errors:?}"));
            let mut ids = Ids::new();
            for entry in &resource.body {
                match entry {
                    ast::Entry::Message(m) => {
                        let mut vars = BTreeSet::new();
                        let value = m.value.as_ref().expect("every message has a value");
                        pattern_vars(value, &mut vars);
                        let fresh = ids.insert(m.id.name.to_string(), vars).is_none();
                        assert!(fresh, "{lang:?}: '{}' twice", m.id.name);
                    }
                    ast::Entry::Junk { content } => panic!("{lang:?}: junk {content}"),
                    _ => {}
                }
            }
            (*lang, ids)
        })
        .collect()
}

/// Every `msg!("id", a = ..)` of the code, with its argument names.
fn used_ids() -> Ids {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("diag/catalogue_tests.rs")
            {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut ids = Ids::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("msg!(") {
            let Some(rest) = text[at + 5..].trim_start().strip_prefix('"') else {
                continue; // the macro's definition
            };
            let id = &rest[..rest.find('"').unwrap()];
            let rest = &rest[id.len() + 1..];
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            if text[line_start..at].trim_start().starts_with("//") {
                continue; // documentation
            }
            // The arguments: `name =` at depth 1 of the macro's parentheses.
            let mut names = BTreeSet::new();
            let (mut depth, mut i, bytes) = (1, 0, rest.as_bytes());
            let mut in_string = false;
            while i < bytes.len() && depth > 0 {
                let c = bytes[i];
                if in_string {
                    if c == b'\\' {
                        i += 1;
                    } else if c == b'"' {
                        in_string = false;
                    }
                } else if c == b'"' {
                    in_string = true;
                } else if c == b'(' || c == b'[' || c == b'{' {
                    depth += 1;
                } else if c == b')' || c == b']' || c == b'}' {
                    depth -= 1;
                } else if c == b',' && depth == 1 {
                    let after = rest[i + 1..].trim_start();
                    let name: String = after
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if after[name.len()..].trim_start().starts_with('=') {
                        names.insert(name);
                    }
                }
                i += 1;
            }
            if let Some(before) = ids.insert(id.to_string(), names.clone()) {
                assert_eq!(before, names, "'{id}' is given different arguments");
            }
        }
    }
    // The words of locations, which `catalogue::location` looks up.
    for (_, id) in super::catalogue::PLACE_WORDS {
        ids.insert(id.to_string(), BTreeSet::new());
    }
    ids
}

#[test]
fn both_catalogues_hold_the_ids_the_code_uses_with_the_same_variables() {
    let catalogues = catalogues();
    let used = used_ids();
    let (_, english) = &catalogues[0];
    for (lang, ids) in &catalogues {
        let in_catalogue: BTreeSet<&String> = ids.keys().collect();
        let in_code: BTreeSet<&String> = used.keys().collect();
        let missing: Vec<_> = in_code.difference(&in_catalogue).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        let unused: Vec<_> = in_catalogue.difference(&in_code).collect();
        assert!(unused.is_empty(), "{lang:?}: no code says {unused:?}");
        for (id, vars) in ids {
            assert_eq!(
                vars, &english[id],
                "{lang:?} '{id}': variables differ from English"
            );
            assert_eq!(
                vars, &used[id],
                "{lang:?} '{id}': variables differ from the code's"
            );
        }
    }
}

#[test]
fn the_vietnamese_catalogue_is_nfc_with_diacritics() {
    let (_, vi) = SOURCES.iter().find(|(l, _)| *l == Lang::Vi).unwrap();
    assert_eq!(vi.nfc().collect::<String>(), *vi);
    assert!(vi.contains("không đọc được sổ tính"));
}

#[test]
fn a_diagnostic_in_vietnamese_names_its_kind_and_translates_its_place() {
    let d = Diagnostic::error(
        "word/document.xml table 2 row 3 cell 1",
        msg!("input-no-sheet", wanted = "DanhSach"),
    )
    .with_hint(msg!("input-give-sheet-name-read-another"))
    .within("templates/x.docx");
    assert_eq!(
        d.render(Lang::En),
        "templates/x.docx: word/document.xml table 2 row 3 cell 1: no sheet 'DanhSach'\n\
         hint: give --sheet NAME to read another sheet"
    );
    assert_eq!(
        d.render(Lang::Vi),
        "templates/x.docx: word/document.xml bảng 2 hàng 3 ô 1: lỗi: không có trang tính 'DanhSach'\n\
         gợi ý: dùng --sheet TÊN để đọc trang tính khác"
    );
    let w = Diagnostic::warning("", msg!("cli-file-exists-already"));
    assert_eq!(w.render(Lang::Vi), "cảnh báo: tệp đã có sẵn");
}

#[test]
fn locations_keep_paths_sheets_and_cells() {
    assert_eq!(
        location("inputs/can-bo.xlsx:CanBo!B12", Lang::Vi),
        "inputs/can-bo.xlsx:CanBo!B12"
    );
    assert_eq!(
        location("inputs/x.csv:line 7", Lang::Vi),
        "inputs/x.csv:dòng 7"
    );
    assert_eq!(
        location(
            "word/header1.xml paragraph 2 (table 1, row 3, cell 2)",
            Lang::Vi
        ),
        "word/header1.xml đoạn 2 (bảng 1, hàng 3, ô 2)"
    );
    assert_eq!(
        location(
            "templates/row 2.docx: word/document.xml paragraph 14",
            Lang::Vi
        ),
        "templates/row 2.docx: word/document.xml đoạn 14"
    );
}

#[test]
fn the_locale_chooses_the_language_as_posix_orders_it() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Lang::from_locale(env(&[("LANG", "vi_VN.UTF-8")])), Lang::Vi);
    assert_eq!(Lang::from_locale(env(&[("LANG", "C.UTF-8")])), Lang::En);
    assert_eq!(
        Lang::from_locale(env(&[("LANG", "vi_VN.UTF-8"), ("LC_ALL", "en_US.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_locale(env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "vi_VN")])),
        Lang::Vi
    );
    assert_eq!(
        Lang::from_locale(env(&[("LC_ALL", ""), ("LANG", "vi")])),
        Lang::Vi
    );
}
