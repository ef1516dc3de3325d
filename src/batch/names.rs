//! Each document's file name: from the name pattern or `<stem>-<group value or row>.docx`,
//! made safe (inside the output folder, no reserved names, not too long) and unique.

use crate::diag::msg;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use handlebars::Handlebars;
use unicode_normalization::UnicodeNormalization;

use crate::context::Document;
use crate::diag::Diagnostic;
use crate::template::{self, Template};

/// Each document's file name (`None` where its pattern failed), and the failures.
pub(super) type Names = (Vec<Option<PathBuf>>, Vec<Diagnostic>);

/// The file name of every document, in run order: from `--name` or the default
/// `<template stem>-<group value or row>.docx`; made safe and unique.
pub(super) fn document_names(
    template: &Template,
    pattern: Option<&str>,
    stem: &str,
    count: usize,
    document_at: &dyn Fn(usize) -> Document,
    suffix_at: &dyn Fn(usize) -> Option<String>,
) -> Result<Names, Vec<Diagnostic>> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_escape_fn(|value| value.replace(['/', '\\'], "_"));
    crate::helpers::register(&mut registry);
    // Windows users type `\` between folders; in a pattern it would escape the next tag.
    let pattern = pattern.map(|p| p.replace('\\', "/"));
    let pattern = pattern.as_deref();
    if let Some(pattern) = pattern {
        let fixed = if template.options.slug_brackets {
            template::expr::slug_brackets(pattern)
        } else {
            pattern.to_string()
        };
        registry
            .register_template_string("name", wrap_values(&fixed))
            .map_err(|e| {
                vec![Diagnostic::error(
                    "--name",
                    msg!(
                        "batch-message",
                        pattern = pattern.to_string(),
                        e = e.to_string()
                    ),
                )]
            })?;
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut names = Vec::with_capacity(count);
    let mut errors = Vec::new();
    for k in 0..count {
        // Only a pattern needs the document's data; the default name needs its suffix.
        let raw = match pattern {
            Some(_) => {
                let document = document_at(k);
                match registry.render("name", &document.data) {
                    Ok(name) => name,
                    Err(e) => {
                        errors.push(Diagnostic::error(
                            "--name",
                            msg!(
                                "batch-rendering",
                                reason = match crate::helpers::message_of(e.reason()) {
                                    Some(message) => crate::diag::Arg::Message(message.clone()),
                                    None => crate::diag::Arg::Text(
                                        crate::diag::lower(&e.reason().to_string()).to_string(),
                                    ),
                                },
                                origin = document.origin.to_string()
                            ),
                        ));
                        names.push(None);
                        continue;
                    }
                }
            }
            None => match suffix_at(k) {
                Some(suffix) => format!("{stem}-{}.docx", suffix.replace(['/', '\\'], "_")),
                None => format!("{stem}.docx"),
            },
        };
        let safe = safe_relative_path(&raw);
        names.push(Some(unique(safe, &mut taken)));
    }
    if !errors.is_empty() && names.iter().all(Option::is_none) {
        return Err(errors.into_iter().take(1).collect());
    }
    Ok((names, errors))
}

/// In a name pattern, `{{x}}` prints like in a document (`_v`).
pub(super) fn wrap_values(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let tag = &rest[start..start + len + 2];
        match template::expr::parse_tag(tag) {
            Ok(parsed) if parsed.kind == template::expr::TagKind::Value => {
                let terms = template::expr::parse_terms(&parsed.expr).unwrap_or_default();
                if template::expr::is_single_term(&terms) {
                    out.push_str(&format!("{{{{_v {}}}}}", parsed.expr));
                } else {
                    out.push_str(&format!("{{{{_v ({})}}}}", parsed.expr));
                }
            }
            _ => out.push_str(tag),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

pub(super) const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];
pub(super) const MAX_COMPONENT_BYTES: usize = 200;

/// Makes a rendered name a relative path that Windows and Linux accept and that stays inside
/// the output folder: `/` separates folders; characters either system forbids become `_`;
/// `..`, absolute paths and drive letters are neutralised; trailing dots and spaces go;
/// reserved device names get a `_`; long names are cut; the name ends in `.docx`.
pub fn safe_relative_path(raw: &str) -> PathBuf {
    let raw: String = raw.nfc().collect();
    let mut components: Vec<String> = Vec::new();
    for part in raw.split('/') {
        let mut c: String = part
            .chars()
            .map(|c| match c {
                '<' | '>' | ':' | '"' | '\\' | '|' | '?' | '*' => '_',
                c if (c as u32) < 0x20 || c == '\u{7f}' => '_',
                c => c,
            })
            .collect();
        let trimmed = c.trim_end_matches(['.', ' ']).trim_start().to_string();
        c = trimmed;
        if c.is_empty() {
            continue;
        }
        components.push(c);
    }
    if components.is_empty() {
        components.push("_".into());
    }
    let last = components.len() - 1;
    // `x.pdf` names the document whose PDF is `x.pdf`: its .docx is `x.docx`.
    if components[last].to_lowercase().ends_with(".pdf") {
        let keep = components[last].len() - ".pdf".len();
        components[last].truncate(keep);
    }
    if !components[last].to_lowercase().ends_with(".docx") {
        components[last].push_str(".docx");
    }
    let mut path = PathBuf::new();
    for (i, mut c) in components.into_iter().enumerate() {
        let (stem, ext) = match c.find('.') {
            Some(dot) if dot > 0 => (c[..dot].to_string(), c[dot..].to_string()),
            _ => (c.clone(), String::new()),
        };
        if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem.trim())) {
            c = format!("{stem}_{ext}");
        }
        if c.len() > MAX_COMPONENT_BYTES {
            let ext = if i == last { ".docx" } else { "" };
            let mut cut = MAX_COMPONENT_BYTES - ext.len();
            while !c.is_char_boundary(cut) {
                cut -= 1;
            }
            c = format!("{}{ext}", c[..cut].trim_end_matches(['.', ' ']));
        }
        path.push(c);
    }
    path
}

/// A name not yet used in this run (compared without case, as Windows does): `x.docx`,
/// `x-2.docx`, `x-3.docx`...
pub(super) fn unique(path: PathBuf, taken: &mut HashSet<String>) -> PathBuf {
    let key = |p: &Path| p.to_string_lossy().to_lowercase();
    if taken.insert(key(&path)) {
        return path;
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    for n in 2.. {
        let candidate = path.with_file_name(format!("{stem}-{n}.{ext}"));
        if taken.insert(key(&candidate)) {
            return candidate;
        }
    }
    unreachable!("some suffix is always free")
}
