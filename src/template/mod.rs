//! Templates: each text part of a .docx turned into one Handlebars template, compiled once per
//! run.
//!
//! ```text
//! part XML -> xml::parse (elements, paragraphs, text nodes)
//!          -> scan::scan (tags found across runs; each tag's text moved to its first node)
//!          -> blocks::pair_blocks (blocks paired, widened to inline / table row / paragraphs)
//!          -> emit (Handlebars source: XML outside tags kept, block tags placed around the
//!             rows and paragraphs they repeat, values wrapped in the `_v` printer)
//! ```

pub mod blocks;
pub mod columns;
pub mod expr;
pub mod fields;
pub mod notes;
pub mod scan;
pub mod xml;

use std::collections::{HashMap, HashSet};

use handlebars::{Context, Handlebars, RenderError, RenderErrorReason};

use crate::diag::{Diagnostic, Message, lower, msg};
use crate::docx::{Package, PartKind, fixup, numbering};
use blocks::{Block, Shape};
use expr::{Tag, TagKind, Term};
use scan::Piece;
use xml::{PartTree, TokKind};

/// How tags are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct CompileOptions {
    /// Rows are keyed by header slugs: `[Họ và tên]` means `[ho_va_ten]`.
    pub slug_brackets: bool,
}

/// Where a tag sits, for messages and `inspect`.
#[derive(Debug, Clone)]
pub struct TagInfo {
    pub text: String,
    pub kind: TagKind,
    /// 1-based paragraph number (counting every `w:p` of the part).
    pub paragraph: usize,
    /// 1-based table, row and cell numbers when the tag is in a table.
    pub table_pos: Option<(usize, usize, usize)>,
    /// The element holding the text in plain parts (`dc:title`).
    pub label: Option<String>,
    pub expr: String,
    /// The tag cannot be read (its error is among the part's): no field of it is checked.
    pub unreadable: bool,
}

#[derive(Debug, Clone)]
pub struct CompiledPart {
    pub name: String,
    /// Zip entry index.
    pub index: usize,
    pub kind: PartKind,
    /// The Handlebars source.
    pub source: String,
    pub tags: Vec<TagInfo>,
    pub blocks: Vec<Block>,
    /// (byte offset in `source`, tag index), sorted.
    sites: Vec<(usize, usize)>,
    pub fixup: fixup::Needs,
    /// The pieces of `source` compiled as separate templates (see [`chunk_source`]), with
    /// their registered names.
    chunks: Vec<(String, std::ops::Range<usize>)>,
}

/// Tags per compiled piece of a part. Handlebars' compiler works out the line and column of
/// every element from the start of its source, which makes a part with 100,000 tags take an
/// hour; compiled in pieces of 64 tags, it takes about 3 s (release build).
const CHUNK_TAGS: usize = 64;

/// Cuts a part's source before tags that stand outside every block, every [`CHUNK_TAGS`]
/// tags or so; rendering the pieces in order gives the same text as rendering the whole.
fn chunk_source(
    source: &str,
    sites: &[(usize, usize)],
    tags: &[TagInfo],
) -> Vec<std::ops::Range<usize>> {
    let mut cuts = vec![0];
    let mut depth = 0usize;
    let mut since = 0;
    for &(offset, tag) in sites {
        if depth == 0 && since >= CHUNK_TAGS && offset > *cuts.last().unwrap_or(&0) {
            cuts.push(offset);
            since = 0;
        }
        since += 1;
        match tags[tag].kind {
            TagKind::Open(_) => depth += 1,
            TagKind::Close(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    cuts.push(source.len());
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// The tag whose source covers `offset`, from a part's (offset, tag) sites.
fn tag_at(sites: &[(usize, usize)], offset: usize) -> Option<usize> {
    let i = sites.partition_point(|&(o, _)| o <= offset);
    i.checked_sub(1).map(|i| sites[i].1)
}

impl CompiledPart {
    /// `word/document.xml paragraph 14` for a tag.
    pub fn locate(&self, tag: usize) -> String {
        locate(&self.name, &self.tags[tag])
    }

    /// The tag whose source covers `offset`.
    fn tag_at(&self, offset: usize) -> Option<usize> {
        tag_at(&self.sites, offset)
    }
}

/// `word/document.xml paragraph 14`, with the table, row and cell of a tag in a table.
pub fn locate(part: &str, tag: &TagInfo) -> String {
    match (&tag.label, tag.table_pos) {
        (Some(label), _) => format!("{part} <{label}>"),
        (None, Some((table, row, cell))) => format!(
            "{part} paragraph {} (table {table}, row {row}, cell {cell})",
            tag.paragraph
        ),
        (None, None) => format!("{part} paragraph {}", tag.paragraph),
    }
}

/// A document that failed to render: the located error and the fields its tag reads.
pub type RenderFailure = (Diagnostic, Vec<String>);

/// A template ready to render: the package and one compiled template per part with tags.
pub struct Template {
    pub package: Package,
    pub options: CompileOptions,
    pub parts: Vec<CompiledPart>,
    /// What the template holds that is printed as typed though it looks like a tag.
    pub warnings: Vec<Diagnostic>,
    free_ids: fixup::FreeIds,
    /// Notes referenced inside repeated blocks: copied per repetition.
    looped_notes: HashSet<(notes::NoteKind, String)>,
    word: Handlebars<'static>,
    plain: Handlebars<'static>,
}

impl Template {
    /// Compiles every text part. Fails with every template error of every part; messages
    /// are located by part and paragraph (the caller adds the file).
    pub fn compile(package: Package, options: CompileOptions) -> Result<Template, Vec<Diagnostic>> {
        let mut word = new_registry(escape_word);
        let mut plain = new_registry(escape_plain);
        let mut parts = Vec::new();
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let (analyses, looped_notes) = analyze_with_notes(&package, options);
        for analysis in analyses {
            errors.extend(analysis.errors);
            warnings.extend(analysis.warnings);
            let Some(compiled) = analysis.compiled else {
                continue;
            };
            let registry = match analysis.kind {
                PartKind::Word => &mut word,
                PartKind::Plain => &mut plain,
            };
            let mut chunks = Vec::with_capacity(compiled.chunks.len());
            for (name, range, template) in compiled.chunks {
                registry.register_template(&name, template);
                chunks.push((name, range));
            }
            parts.push(CompiledPart {
                name: analysis.name,
                index: analysis.index,
                kind: analysis.kind,
                source: compiled.source,
                tags: analysis.tags,
                blocks: analysis.blocks,
                sites: compiled.sites,
                fixup: compiled.fixup,
                chunks,
            });
        }
        if errors.is_empty() {
            let free_ids = package.free_ids();
            Ok(Template {
                package,
                free_ids,
                looped_notes,
                options,
                parts,
                warnings,
                word,
                plain,
            })
        } else {
            Err(errors)
        }
    }

    /// Renders every part with tags for one document's data. Returns (zip index, XML).
    pub fn render(&self, data: &Context) -> Result<Vec<(usize, Vec<u8>)>, Diagnostic> {
        self.render_traced(data).map_err(|(d, _)| d)
    }

    /// [`Template::render`], whose error also gives the fields the failing tag reads (in
    /// the order written), so that the caller can name the cell a bad value came from.
    pub fn render_traced(&self, data: &Context) -> Result<Vec<(usize, Vec<u8>)>, RenderFailure> {
        let mut out = Vec::with_capacity(self.parts.len());
        // Copies take ids no part uses; one part's copies leave the next part's free ids above.
        let mut free = self.free_ids;
        let mut numbering = self
            .parts
            .iter()
            .any(|p| p.fixup.restart_lists)
            .then(|| self.package.numbering())
            .flatten()
            .map(|(index, xml)| (index, numbering::Numbering::read(xml)));
        for part in &self.parts {
            let registry = match part.kind {
                PartKind::Word => &self.word,
                PartKind::Plain => &self.plain,
            };
            let mut xml = String::with_capacity(part.source.len() + part.source.len() / 4);
            for (name, range) in &part.chunks {
                let piece = registry
                    .render_with_context(name, data)
                    .map_err(|e| self.render_error(part, range, &e))?;
                if xml.is_empty() {
                    xml = piece;
                } else {
                    xml.push_str(&piece);
                }
            }
            let xml = match (&mut numbering, part.fixup.restart_lists) {
                (Some((_, numbering)), true) => numbering.restart_repeated(&xml),
                (None, true) => xml
                    .replace(numbering::REPEAT_START, "")
                    .replace(numbering::REPEAT_END, ""),
                _ => xml,
            };
            let xml = fixup::apply(part.fixup, xml, &mut free);
            out.push((part.index, xml.into_bytes()));
        }
        if let Some((index, numbering)) = numbering
            && numbering.changed()
        {
            out.push((index, numbering.finish().into_bytes()));
        }
        if !self.looped_notes.is_empty() {
            self.gather_notes(&mut out);
        }
        Ok(out)
    }

    /// Moves the notes copied into the rendered main document to their parts, with new ids;
    /// the notes they were copied from leave the parts.
    fn gather_notes(&self, out: &mut Vec<(usize, Vec<u8>)>) {
        let main = self.package.text_parts[self.package.main].index;
        let Some(at) = out.iter().position(|(i, _)| *i == main) else {
            return;
        };
        let mut parts: Vec<(notes::NoteKind, String)> = Vec::new();
        let mut indices = Vec::new();
        for kind in notes::NoteKind::ALL {
            let Some(part) = (self.package.text_parts.iter()).find(|p| kind.holds(&p.content_type))
            else {
                continue;
            };
            let xml = match out.iter().find(|(i, _)| *i == part.index) {
                Some((_, bytes)) => String::from_utf8_lossy(bytes).into_owned(),
                None => part.xml.clone(),
            };
            parts.push((kind, notes::strip(&xml, kind, &self.looped_notes)));
            indices.push(part.index);
        }
        let xml = String::from_utf8_lossy(&out[at].1).into_owned();
        out[at].1 = notes::gather(&xml, &mut parts).into_bytes();
        for ((_, xml), index) in parts.into_iter().zip(indices) {
            match out.iter_mut().find(|(i, _)| *i == index) {
                Some(entry) => entry.1 = xml.into_bytes(),
                None => out.push((index, xml.into_bytes())),
            }
        }
    }

    /// Renders a name pattern or other small text with the same helpers, without XML.
    pub fn registry(&self) -> &Handlebars<'static> {
        &self.plain
    }

    fn render_error(
        &self,
        part: &CompiledPart,
        chunk: &std::ops::Range<usize>,
        e: &RenderError,
    ) -> RenderFailure {
        let tag = e
            .line_no
            .zip(e.column_no)
            .and_then(|(l, c)| offset_of(&part.source[chunk.clone()], l, c))
            .and_then(|o| part.tag_at(chunk.start + o));
        let location = match tag {
            Some(t) => part.locate(t),
            None => part.name.clone(),
        };
        let shown = tag.map(|t| part.tags[t].text.as_str()).unwrap_or("");
        let (message, hint) = describe_render_error(e.reason(), shown);
        let d = Diagnostic::error(location, message);
        let d = match hint {
            Some(h) => d.with_hint(h),
            None => d,
        };
        let read = tag
            .map(|t| {
                fields::field_uses(
                    &[std::slice::from_ref(&part.tags[t])],
                    self.options.slug_brackets,
                )
                .into_iter()
                .map(|u| u.field)
                .collect()
            })
            .unwrap_or_default();
        (d, read)
    }
}

/// Turns a Handlebars error into our message and an optional hint.
fn describe_render_error(reason: &RenderErrorReason, tag: &str) -> (Message, Option<Message>) {
    let at = if tag.is_empty() {
        msg!("empty")
    } else {
        msg!("template-message-2", tag = tag.to_string())
    };
    match reason {
        RenderErrorReason::MissingVariable(path) => {
            let path = path.clone().unwrap_or_default();
            let path = path.trim_start_matches("[").trim_end_matches("]");
            if let Some((what, example)) = crate::helpers::needs(path)
                && tag.trim_matches(['{', '}', ' ']) == path
            {
                return (
                    msg!(
                        "template-needs",
                        at = &at,
                        path = path.to_string(),
                        what = crate::diag::needs_what(what)
                    ),
                    Some(msg!(
                        "check-write-what-reads-after-name",
                        example = example.to_string()
                    )),
                );
            }
            (
                msg!("template-no-field-data", at = &at, path = path.to_string()),
                Some(msg!(
                    "template-add-column-data-write-default",
                    path = path.to_string()
                )),
            )
        }
        RenderErrorReason::HelperNotFound(name) => (
            msg!("template-unknown-helper", at = &at, name = name.to_string()),
            None,
        ),
        reason if let Some(message) = crate::helpers::message_of(reason) => (
            msg!("template-message-3", at = &at, message = message.clone()),
            None,
        ),
        RenderErrorReason::Other(message) => (
            msg!(
                "template-message-3",
                at = &at,
                message = message.to_string()
            ),
            None,
        ),
        other => (
            msg!(
                "template-message-4",
                at = &at,
                other = lower(&other.to_string()).to_string()
            ),
            None,
        ),
    }
}

fn new_registry(escape: fn(&str) -> String) -> Handlebars<'static> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.set_prevent_indent(true);
    hb.register_escape_fn(escape);
    crate::helpers::register(&mut hb);
    hb.register_helper("_col", Box::new(columns::ColumnHelper));
    hb
}

/// Values in Word text: escaped, characters XML forbids dropped, a line break becomes
/// `<w:br/>` and a tab `<w:tab/>` inside the same run.
pub fn escape_word(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("</w:t><w:br/><w:t xml:space=\"preserve\">");
            }
            '\n' | '\u{2028}' | '\u{0B}' => {
                out.push_str("</w:t><w:br/><w:t xml:space=\"preserve\">")
            }
            '\t' => out.push_str("</w:t><w:tab/><w:t xml:space=\"preserve\">"),
            c => xml::escape_char(c, &mut out),
        }
    }
    out
}

/// Values in other XML text (document properties): escaped, forbidden characters dropped.
pub fn escape_plain(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    xml::escape_text(value, &mut out);
    out
}

/// What the compiler found in one part; usable even when the part has errors (`inspect`,
/// `check`).
#[derive(Debug)]
pub struct PartAnalysis {
    pub name: String,
    pub index: usize,
    pub kind: PartKind,
    pub tags: Vec<TagInfo>,
    pub blocks: Vec<Block>,
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    /// Notes (kind, id) referenced inside its repeated blocks.
    looped_notes: HashSet<(notes::NoteKind, String)>,
    /// The Handlebars source, tag sites and repairs, when the part has no error.
    compiled: Option<Compiled>,
}

/// A part's Handlebars source, its tag sites, the repairs it needs, and the source compiled
/// in pieces (see [`chunk_source`]) with their registered names.
#[derive(Debug)]
struct Compiled {
    source: String,
    sites: Vec<(usize, usize)>,
    fixup: fixup::Needs,
    chunks: Vec<(String, std::ops::Range<usize>, handlebars::Template)>,
}

/// Reads every text part of a package: its tags, blocks and errors. Parts without any tag
/// or problem are left out.
pub fn analyze(package: &Package, options: CompileOptions) -> Vec<PartAnalysis> {
    analyze_with_notes(package, options).0
}

/// [`analyze`], and the notes referenced inside repeated blocks of the main document
/// (copied per repetition, see [`notes`]).
fn analyze_with_notes(
    package: &Package,
    options: CompileOptions,
) -> (Vec<PartAnalysis>, HashSet<(notes::NoteKind, String)>) {
    let new = |part: &crate::docx::TextPart| PartAnalysis {
        name: part.name.clone(),
        index: part.index,
        kind: part.kind,
        tags: Vec::new(),
        blocks: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        looped_notes: HashSet::new(),
        compiled: None,
    };
    let main = &package.text_parts[package.main];
    let mut first = new(main);
    analyze_part(&main.xml, options, &mut first);
    let looped = std::mem::take(&mut first.looped_notes);
    let notes_xml = |kind: notes::NoteKind| {
        (package.text_parts.iter())
            .find(|p| kind.holds(&p.content_type))
            .map(|p| p.xml.clone())
    };
    let mut first = Some(first);
    let analyses = (package.text_parts.iter().enumerate())
        .filter_map(|(i, part)| {
            let analysis = if i == package.main && looped.is_empty() {
                first.take().expect("the main part is analysed once")
            } else {
                let mut analysis = new(part);
                let note_kind = notes::NoteKind::ALL
                    .into_iter()
                    .find(|k| k.holds(&part.content_type));
                let xml = match note_kind {
                    _ if looped.is_empty() => std::borrow::Cow::Borrowed(&part.xml),
                    _ if i == package.main => {
                        std::borrow::Cow::Owned(notes::splice(&part.xml, &looped, &notes_xml))
                    }
                    Some(kind) => std::borrow::Cow::Owned(notes::strip(&part.xml, kind, &looped)),
                    None => std::borrow::Cow::Borrowed(&part.xml),
                };
                analyze_part(&xml, options, &mut analysis);
                analysis
            };
            let empty = analysis.tags.is_empty()
                && analysis.errors.is_empty()
                && analysis.warnings.is_empty()
                && analysis.compiled.is_none();
            (!empty).then_some(analysis)
        })
        .collect();
    (analyses, looped)
}

fn analyze_part(source_xml: &str, options: CompileOptions, analysis: &mut PartAnalysis) {
    let part = analysis.name.clone();
    let tree = match xml::parse(source_xml, analysis.kind) {
        Ok(tree) => tree,
        Err(message) => {
            analysis.errors.push(Diagnostic::error(&part, message));
            return;
        }
    };
    let scan = scan::scan(&tree);
    let numbers = notes::paragraph_numbers(&tree, source_xml.contains("<vb:note"));
    let at_paragraph = |p: usize| match tree.paragraphs.get(p).and_then(|p| p.label.as_ref()) {
        Some(label) => format!("{part} <{label}>"),
        None => format!("{part} paragraph {}", numbers[p]),
    };
    for (p, message, hint) in &scan.warnings {
        analysis
            .warnings
            .push(Diagnostic::warning(at_paragraph(*p), message.clone()).with_hint(hint.clone()));
    }
    let hidden = &tree.hidden_tags;
    if scan.errors.is_empty() && hidden.is_empty() && scan.pieces.iter().all(Option::is_none) {
        return;
    }
    analysis.tags = scan
        .tags
        .iter()
        .map(|f| {
            let p = &tree.paragraphs[f.paragraph];
            TagInfo {
                text: f.text.clone(),
                kind: f
                    .tag
                    .as_ref()
                    .map(|t| t.kind.clone())
                    .unwrap_or(TagKind::Value),
                paragraph: numbers[f.paragraph],
                table_pos: p.table_pos,
                label: p.label.clone(),
                expr: f.tag.as_ref().map(|t| t.expr.clone()).unwrap_or_default(),
                unreadable: f.tag.is_err(),
            }
        })
        .collect();
    let errors = &mut analysis.errors;
    for (p, message, hint) in &scan.errors {
        errors.push(Diagnostic::error(at_paragraph(*p), message.clone()).with_hint(hint.clone()));
    }
    for (p, text, place) in hidden {
        errors.push(
            Diagnostic::error(
                at_paragraph(*p),
                msg!(
                    "template-inside-which-word-does-not",
                    text = text.to_string(),
                    place = place.to_string()
                ),
            )
            .with_hint(msg!("template-type-tag-plain-text-paragraph")),
        );
    }
    let mut terms_of: Vec<Vec<Term>> = Vec::with_capacity(scan.tags.len());
    // Whether each open block is an `#each`, in tag order.
    let mut open_blocks: Vec<bool> = Vec::new();
    for (t, found) in scan.tags.iter().enumerate() {
        let inside_each = open_blocks.contains(&true);
        match found.tag.as_ref().map(|t| &t.kind) {
            Ok(TagKind::Open(name)) => open_blocks.push(name == "each" || name == "each_col"),
            Ok(TagKind::Close(_)) => {
                open_blocks.pop();
            }
            _ => {}
        }
        let parsed = found.tag.as_ref().map_err(|m| m.clone()).and_then(|tag| {
            let expr = expr::terms_text(&tag.kind, &tag.expr);
            expr::parse_terms(&expr)
        });
        let problem = match (&parsed, &found.tag) {
            (Ok(terms), Ok(tag)) => expr::terms_problem(&tag.kind, terms)
                .or_else(|| unreadable_tag(tag, terms, options))
                .or_else(|| expr::data_variable_problem(terms, inside_each)),
            _ => None,
        };
        if let Some((message, hint)) = problem {
            errors.push(
                Diagnostic::error(
                    at_paragraph(found.paragraph),
                    msg!(
                        "template-message",
                        text = found.text.to_string(),
                        message = message
                    ),
                )
                .with_hint(hint),
            );
            analysis.tags[t].unreadable = true;
            terms_of.push(Vec::new());
            continue;
        }
        match parsed {
            Ok(terms) => {
                for (name, count) in helper_calls(&terms, found.tag.as_ref().ok()) {
                    if let Some(message) = check_call(&name, count) {
                        let d = Diagnostic::error(
                            at_paragraph(found.paragraph),
                            msg!(
                                "template-message",
                                text = found.text.to_string(),
                                message = &message
                            ),
                        );
                        // A block's helper is meant to be one of the block helpers.
                        let is_block = matches!(
                            found.tag.as_ref().map(|t| &t.kind),
                            Ok(TagKind::Open(n)) if *n == name
                        );
                        let names: Vec<&str> = if is_block {
                            vec![
                                "if",
                                "unless",
                                "each",
                                "with",
                                "each_col",
                                "if_col",
                                "unless_col",
                            ]
                        } else {
                            crate::helpers::HELPERS.iter().map(|h| h.0).collect()
                        };
                        errors.push(if message.id == "template-unknown-helper-name" {
                            match crate::diag::closest(&name, names) {
                                Some(near) => d.with_hint(msg!(
                                    "manifest-did-you-mean",
                                    near = near.to_string()
                                )),
                                None => d.with_hint(msg!("template-see-helpers-listed-readme")),
                            }
                        } else {
                            d
                        });
                    }
                }
                terms_of.push(terms);
            }
            Err(message) => {
                errors.push(Diagnostic::error(
                    at_paragraph(found.paragraph),
                    msg!(
                        "template-message",
                        text = found.text.to_string(),
                        message = message.to_string()
                    ),
                ));
                analysis.tags[t].unreadable = true;
                terms_of.push(Vec::new());
            }
        }
    }
    let control = blocks::control_only_paragraphs(&tree, &scan);
    let (blocks, mut block_errors) = blocks::pair_blocks(&tree, &scan, &control);
    let tag_rows = blocks::tag_rows(&tree, &control, &scan);
    let (column_blocks, column_errors) = columns::pair_columns(&tree, source_xml, &scan, &tag_rows);
    block_errors.extend(column_errors);
    for e in block_errors {
        let mut d = Diagnostic::error(at_paragraph(e.paragraph), e.message);
        for h in e.hints {
            d = d.with_hint(h);
        }
        errors.push(d);
    }
    for found in &scan.tags {
        if comment_says(found, MERGE_WORDS) && tree.paragraphs[found.paragraph].cell.is_none() {
            errors.push(
                Diagnostic::error(
                    at_paragraph(found.paragraph),
                    msg!("template-merge-not-in-table", text = &found.text),
                )
                .with_hint(msg!("template-merge-put-in-cell")),
            );
        }
    }
    analysis.blocks = blocks;
    if !analysis.errors.is_empty() {
        return;
    }
    let mut plan = plan_emission(source_xml, &tree, &scan, &analysis.blocks, &control);
    for (i, tok) in tree.tokens.iter().enumerate() {
        if plan.repeated[i]
            && let Some(kind) = notes::NoteKind::of_reference(&tok.name)
            && let Some(id) = attr(&source_xml[tok.start..tok.end], "w:id")
        {
            analysis.looped_notes.insert((kind, id));
        }
    }
    plan_columns(&mut plan, &tree, &scan, &column_blocks, &terms_of, options);
    let (source, sites) = emit(
        source_xml,
        &tree,
        &scan,
        &plan,
        &terms_of,
        analysis.kind,
        options,
    );
    let ranges = chunk_source(&source, &sites, &analysis.tags);
    let single = ranges.len() == 1;
    let mut chunks = Vec::with_capacity(ranges.len());
    for (k, range) in ranges.into_iter().enumerate() {
        let name = if single {
            part.clone()
        } else {
            format!("{part}#{k}")
        };
        let chunk = &source[range.clone()];
        match handlebars::Template::compile_with_name(chunk, name.clone()) {
            Ok(template) => chunks.push((name, range, template)),
            Err(e) => {
                let tag = e
                    .pos()
                    .and_then(|(l, c)| offset_of(chunk, l, c))
                    .and_then(|o| tag_at(&sites, range.start + o));
                let (location, what) = match tag {
                    Some(t) => (
                        locate(&part, &analysis.tags[t]),
                        format!("{}: ", analysis.tags[t].text),
                    ),
                    None => (part.clone(), String::new()),
                };
                analysis.errors.push(
                    Diagnostic::error(
                        location,
                        msg!("template-this-tag-cannot-read", what = what.to_string()),
                    )
                    .with_hint(msg!("template-tag-forms")),
                );
            }
        }
    }
    if analysis.errors.is_empty() {
        analysis.compiled = Some(Compiled {
            source,
            sites,
            fixup: plan.fixup,
            chunks,
        });
    }
}

/// A tag Handlebars cannot read (the checks of [`expr::terms_problem`] passed): the same
/// Handlebars text the part's source will hold, compiled on its own (a block's tag with a
/// block around it), said in our words.
fn unreadable_tag(
    tag: &Tag,
    terms: &[Term],
    options: CompileOptions,
) -> Option<(Message, Message)> {
    let text = handlebars_tag(tag, terms, options);
    let whole = match &tag.kind {
        TagKind::Open(name) => format!("{text}{{{{/{name}}}}}"),
        TagKind::Else => format!("{{{{#if a}}}}{text}{{{{/if}}}}"),
        TagKind::Close(name) => format!("{{{{#{name} a}}}}{text}"),
        TagKind::Value => text,
        TagKind::Comment => return None,
    };
    handlebars::Template::compile(&whole)
        .err()
        .map(|_| (msg!("template-tag-cannot-read"), msg!("template-tag-forms")))
}

/// Whether a helper exists and takes `count` arguments; the problem otherwise.
fn check_call(name: &str, count: usize) -> Option<Message> {
    if columns::is_column_helper(name) {
        return None;
    }
    let Some(&(_, min, max)) = crate::helpers::HELPERS.iter().find(|h| h.0 == name) else {
        return Some(msg!("template-unknown-helper-name", name = name));
    };
    match max {
        Some(max) if count > max || count < min => Some(if min == max {
            msg!(
                "template-helper-takes",
                name = name,
                min = min,
                count = count
            )
        } else {
            msg!(
                "template-helper-takes-range",
                name = name,
                min = min,
                max = max,
                count = count
            )
        }),
        None if count < min => Some(msg!(
            "template-helper-takes-at-least",
            name = name,
            min = min,
            count = count
        )),
        _ => None,
    }
}

/// The helpers a tag calls, each with its number of positional arguments: the block
/// helper, the head of a value with arguments, every sub-expression's head.
fn helper_calls(terms: &[Term], tag: Option<&Tag>) -> Vec<(String, usize)> {
    fn positional(args: &[Term]) -> usize {
        args.iter()
            .filter(|a| !matches!(a, Term::Hash(..) | Term::BlockParams(_)))
            .count()
    }
    fn calls(term: &Term, out: &mut Vec<(String, usize)>) {
        match term {
            Term::Call(call) => {
                out.push((call.name.clone(), positional(&call.args)));
                call.args.iter().for_each(|a| calls(a, out));
            }
            Term::Hash(_, value) => calls(value, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let Some(tag) = tag else { return out };
    let head_call = match &tag.kind {
        TagKind::Open(_) | TagKind::Else => true,
        TagKind::Value => !expr::is_single_term(terms),
        _ => false,
    };
    if head_call {
        if let Some(Term::Path(name)) = terms.first() {
            out.push((name.clone(), positional(&terms[1..])));
        }
        terms.iter().skip(1).for_each(|t| calls(t, &mut out));
    } else {
        terms.iter().for_each(|t| calls(t, &mut out));
    }
    out
}

/// What the emitter does besides copying.
#[derive(Default)]
struct Plan {
    /// Elements (by start or empty token) left out.
    dropped: Vec<bool>,
    /// Paragraphs (by start token) replaced by their tags.
    vanishing: HashMap<usize, Vec<usize>>,
    /// Vanishing paragraphs (by start token) whose section break stays: the span of their
    /// `w:pPr`, and whether it goes before their tags.
    section_breaks: HashMap<usize, (std::ops::Range<usize>, bool)>,
    /// Block tags placed before a start token / after an end token.
    before: HashMap<usize, Vec<usize>>,
    after: HashMap<usize, Vec<usize>>,
    /// Tags emitted somewhere other than their text node.
    hoisted: HashSet<usize>,
    /// Start tokens inside a repeated region (their unique ids are stripped).
    repeated: Vec<bool>,
    /// The open, else and close tags of `#each` blocks that repeat a numbered list: each
    /// repetition is marked so that its lists start again (0 open, 1 else, 2 close).
    list_marks: HashMap<usize, u8>,
    /// Comments that mark their cell to merge with an equal cell above it.
    merge_marks: HashSet<usize>,
    /// Handlebars source placed before a start token / after an end token (column blocks),
    /// with the tag it stands for.
    raw_before: HashMap<usize, (usize, String)>,
    raw_after: HashMap<usize, (usize, String)>,
    fixup: fixup::Needs,
}

fn plan_emission(
    xml_text: &str,
    tree: &PartTree,
    scan: &scan::Scan,
    blocks: &[Block],
    control: &[bool],
) -> Plan {
    let tokens = &tree.tokens;
    let mut plan = Plan {
        dropped: vec![false; tokens.len()],
        repeated: vec![false; tokens.len()],
        ..Plan::default()
    };
    let tag_paragraph = |t: usize| scan.tags[t].paragraph;
    // Paragraph blocks: their tag paragraphs vanish; comment-only paragraphs too.
    let mut vanishing_paragraphs: HashSet<usize> = HashSet::new();
    for block in blocks.iter().filter(|b| b.shape == Shape::Paragraphs) {
        for &t in [block.open, block.close].iter().chain(&block.elses) {
            vanishing_paragraphs.insert(tag_paragraph(t));
        }
    }
    let mut only_comments = control.to_vec();
    for found in &scan.tags {
        only_comments[found.paragraph] &=
            matches!(found.tag.as_ref().map(|t| &t.kind), Ok(TagKind::Comment));
    }
    vanishing_paragraphs.extend((0..control.len()).filter(|&p| only_comments[p]));
    for (id, found) in scan.tags.iter().enumerate() {
        if vanishing_paragraphs.contains(&found.paragraph) {
            let open = tree.paragraphs[found.paragraph].open;
            plan.vanishing.entry(open).or_default().push(id);
            if let Some(span) = blocks::section_break(tree, found.paragraph) {
                let opens = matches!(found.tag.as_ref().map(|t| &t.kind), Ok(TagKind::Open(_)));
                plan.section_breaks.insert(open, (span, opens));
            }
            plan.hoisted.insert(id);
        }
    }
    // Table-row blocks: tags around the row.
    for block in blocks.iter().filter(|b| b.shape == Shape::TableRow) {
        let row = tree.paragraphs[tag_paragraph(block.open)]
            .row
            .expect("table-row block has a row");
        plan.before.entry(row).or_default().push(block.open);
        plan.after
            .entry(tree.end_of(row))
            .or_default()
            .push(block.close);
        plan.hoisted.insert(block.open);
        plan.hoisted.insert(block.close);
        // A table whose only body rows repeat can end with no row at all.
        let table = tokens[row].parent;
        let other_rows = tokens[table..tree.end_of(table)]
            .iter()
            .enumerate()
            .any(|(i, t)| {
                t.kind == TokKind::Start
                    && &*t.name == "w:tr"
                    && tokens[t.parent].name.as_ref() == "w:tbl"
                    && table + i != row
                    && t.parent == table
            });
        if !other_rows {
            plan.fixup.repair_tables = true;
        }
    }
    // Blocks over table rows: their tag rows vanish, replaced by their tags.
    let mut vanishing_rows: HashSet<usize> = HashSet::new();
    for block in blocks.iter().filter(|b| b.shape == Shape::Rows) {
        for &t in [block.open, block.close].iter().chain(&block.elses) {
            if let Some(row) = tree.paragraphs[tag_paragraph(t)].row {
                vanishing_rows.insert(row);
            }
        }
        // Repeated zero times, the rows may leave a table without rows.
        plan.fixup.repair_tables = true;
    }
    for (id, found) in scan.tags.iter().enumerate() {
        if let Some(row) = tree.paragraphs[found.paragraph].row
            && vanishing_rows.contains(&row)
        {
            plan.vanishing.entry(row).or_default().push(id);
            plan.hoisted.insert(id);
        }
    }
    for list in plan.before.values_mut().chain(plan.after.values_mut()) {
        list.sort_unstable();
    }
    // Paragraph blocks that may leave a cell or the body's end without a paragraph.
    for block in blocks.iter().filter(|b| b.shape == Shape::Paragraphs) {
        let container = tree.paragraphs[tag_paragraph(block.open)].container;
        if container != usize::MAX
            && matches!(
                &*tokens[container].name,
                "w:tc"
                    | "w:body"
                    | "w:txbxContent"
                    | "w:hdr"
                    | "w:ftr"
                    | "w:footnote"
                    | "w:endnote"
            )
        {
            let close_end = tree.end_of(tree.paragraphs[tag_paragraph(block.close)].open);
            let next = tokens[close_end + 1..]
                .iter()
                .find(|t| t.parent == container || t.partner == container);
            let at_end = match next {
                None => true,
                Some(t) => t.partner == container || &*t.name == "w:sectPr",
            };
            if at_end || &*tokens[container].name == "w:tc" {
                plan.fixup.repair_tables = true;
            }
        }
    }
    // Repeated regions: `#each` content.
    let mut delta = vec![0i32; tokens.len() + 1];
    for block in blocks.iter().filter(|b| b.helper == "each") {
        let (from, to) = match block.shape {
            Shape::Inline => (
                tree.nodes[scan.tags[block.open].first_node].open,
                tree.nodes[scan.tags[block.close].last_node].open,
            ),
            Shape::Paragraphs => (
                tree.paragraphs[tag_paragraph(block.open)].open,
                tree.end_of(tree.paragraphs[tag_paragraph(block.close)].open),
            ),
            Shape::TableRow => {
                let row = tree.paragraphs[tag_paragraph(block.open)].row.expect("row");
                (row, tree.end_of(row))
            }
            Shape::Rows => {
                let row = |t: usize| tree.paragraphs[tag_paragraph(t)].row.expect("row");
                (row(block.open), tree.end_of(row(block.close)))
            }
        };
        delta[from] += 1;
        delta[to + 1] -= 1;
        // `{{!-- continue numbering --}}` (or `đánh số tiếp`) inside the block keeps one list
        // running through the repetitions.
        let continues = scan.tags[block.open..block.close]
            .iter()
            .any(|f| comment_says(f, &["continue numbering", "đánh số tiếp"]));
        if block.shape != Shape::Inline
            && !continues
            && tokens[from..=to].iter().any(|t| &*t.name == "w:numId")
        {
            plan.fixup.restart_lists = true;
            plan.list_marks.insert(block.open, 0);
            plan.list_marks.insert(block.close, 2);
            for &e in &block.elses {
                plan.list_marks.insert(e, 1);
            }
        }
    }
    // `{{!-- merge --}}` (or `gộp`) in a cell merges it with an equal cell above; a vertical
    // merge in rows that repeat may lose its start.
    for (id, found) in scan.tags.iter().enumerate() {
        if comment_says(found, MERGE_WORDS) {
            plan.merge_marks.insert(id);
            plan.fixup.merge_cells = true;
        }
    }
    if blocks
        .iter()
        .any(|b| matches!(b.shape, Shape::Rows | Shape::TableRow))
        && xml_text.contains("<w:vMerge")
    {
        plan.fixup.merge_cells = true;
    }
    let mut depth = 0;
    for (i, d) in delta.iter().take(tokens.len()).enumerate() {
        depth += d;
        plan.repeated[i] = depth > 0;
    }
    // Emptied text nodes and the runs they leave empty.
    let empty_after = |n: usize| match &scan.pieces[n] {
        Some(pieces) => pieces.iter().all(|p| match p {
            Piece::Tag(id) => plan.hoisted.contains(id),
            Piece::Text(_) => false,
        }),
        None => false,
    };
    let mut dropped_text: HashSet<usize> = HashSet::new();
    for (n, node) in tree.nodes.iter().enumerate() {
        if scan.pieces[n].is_some() && empty_after(n) && &*tokens[node.open].name == "w:t" {
            dropped_text.insert(node.open);
            plan.dropped[node.open] = true;
        }
    }
    for &t in &dropped_text {
        let run = tokens[t].parent;
        if run == usize::MAX || &*tokens[run].name != "w:r" {
            continue;
        }
        let children_gone = tokens[run + 1..tree.end_of(run)]
            .iter()
            .enumerate()
            .filter(|(_, tok)| tok.parent == run && tok.kind != TokKind::End)
            .all(|(i, tok)| &*tok.name == "w:rPr" || dropped_text.contains(&(run + 1 + i)));
        if children_gone {
            plan.dropped[run] = true;
        }
    }
    // Marks inside a tag split over runs, and bookmarks and comment anchors in repeated
    // regions, go (with their other half).
    let mut dropped_bookmarks: HashSet<String> = HashSet::new();
    let is_mark = |name: &str| matches!(name, "w:proofErr" | "w:bookmarkStart" | "w:bookmarkEnd");
    for found in &scan.tags {
        if found.first_node == found.last_node {
            continue;
        }
        let from = tree.nodes[found.first_node].open;
        let to = tree.nodes[found.last_node].open;
        for i in from..to {
            if is_mark(&tokens[i].name) && tokens[i].kind == TokKind::Empty {
                plan.dropped[i] = true;
                if let Some(id) = attr(&xml_text[tokens[i].start..tokens[i].end], "w:id")
                    && tokens[i].name.starts_with("w:bookmark")
                {
                    dropped_bookmarks.insert(id);
                }
            }
        }
    }
    for i in 0..tokens.len() {
        if !plan.repeated[i] || tokens[i].kind == TokKind::End {
            continue;
        }
        match &*tokens[i].name {
            "w:bookmarkStart" | "w:bookmarkEnd" => {
                plan.dropped[i] = true;
                if let Some(id) = attr(&xml_text[tokens[i].start..tokens[i].end], "w:id") {
                    dropped_bookmarks.insert(id);
                }
            }
            "w:commentRangeStart" | "w:commentRangeEnd" | "w:commentReference" => {
                plan.dropped[i] = true
            }
            "wp:docPr" => plan.fixup.renumber_drawings = true,
            name if fixup::is_revision(name) => plan.fixup.renumber_revisions = true,
            _ => {}
        }
    }
    if !dropped_bookmarks.is_empty() {
        for i in 0..tokens.len() {
            if tokens[i].name.starts_with("w:bookmark")
                && attr(&xml_text[tokens[i].start..tokens[i].end], "w:id")
                    .is_some_and(|id| dropped_bookmarks.contains(&id))
            {
                plan.dropped[i] = true;
            }
        }
    }
    plan
}

/// Whether a tag is a comment that says one of `words` (`{{!-- merge --}}`), in any case.
fn comment_says(found: &scan::Found, words: &[&str]) -> bool {
    matches!(&found.tag, Ok(t) if t.kind == TagKind::Comment
    && words.contains(
        &t.expr
            .trim_matches(|c: char| c == '-' || c.is_whitespace())
            .to_lowercase()
            .as_str()
    ))
}

/// The comments that merge a cell with an equal cell above it.
const MERGE_WORDS: &[&str] = &["merge", "merge equal", "gộp", "gộp ô"];

/// The value of attribute `name` in a start tag's markup.
fn attr(markup: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = markup.find(&key)? + key.len();
    let len = markup[start..].find('"')?;
    Some(markup[start..start + len].to_string())
}

/// Column blocks: their tags leave their text (their paragraph vanishes when it holds
/// nothing else), and each row's cell of the column is wrapped in `_col`.
fn plan_columns(
    plan: &mut Plan,
    tree: &PartTree,
    scan: &scan::Scan,
    column_blocks: &[columns::ColumnBlock],
    terms_of: &[Vec<Term>],
    options: CompileOptions,
) {
    let tokens = &tree.tokens;
    for block in column_blocks {
        for t in [block.open, block.close] {
            plan.hoisted.insert(t);
            let p = scan.tags[t].paragraph;
            let alone = scan.tags.iter().enumerate().all(|(u, f)| {
                f.paragraph != p
                    || columns::is_column_tag(scan, u)
                    || matches!(&f.tag, Ok(tag) if tag.kind == TagKind::Comment)
            }) && tree.paragraphs[p]
                .nodes
                .iter()
                .all(|&n| match &scan.pieces[n] {
                    Some(pieces) => pieces.iter().all(|piece| match piece {
                        Piece::Text(text) => text.trim().is_empty(),
                        Piece::Tag(_) => true,
                    }),
                    None => tree.nodes[n].text.trim().is_empty(),
                });
            let open = tree.paragraphs[p].open;
            let objects = tokens[open + 1..tree.end_of(open)]
                .iter()
                .any(|t| matches!(&*t.name, "w:drawing" | "w:pict" | "w:object" | "w:sectPr"));
            if alone && !objects {
                plan.vanishing.entry(open).or_default();
            }
        }
        let Ok(tag) = &scan.tags[block.open].tag else {
            continue;
        };
        let kind = block.helper.trim_end_matches("_col");
        let text = handlebars_tag(tag, &terms_of[block.open], options);
        let rest = text
            .trim_start_matches("{{")
            .trim_start_matches('#')
            .trim_start_matches(block.helper.as_str())
            .trim_end_matches("}}");
        let params = rest.find(" as |").map_or("", |at| &rest[at..]);
        let (grid, span) = block.grid;
        let mark = crate::docx::tables::column_open(grid, span);
        for (k, &cell) in block.cells.iter().enumerate() {
            let head = if k == 0 {
                format!("{mark}{{{{#_col {} \"{kind}\"{rest}}}}}", block.id)
            } else {
                format!("{mark}{{{{#_col {} \"{kind}\"{params}}}}}", block.id)
            };
            plan.raw_before.insert(cell, (block.open, head));
            let tail = format!("{{{{/_col}}}}{}", crate::docx::tables::COLUMN_CLOSE);
            plan.raw_after
                .insert(tree.end_of(cell), (block.close, tail));
            if block.helper == "each_col" {
                let end = tree.end_of(cell);
                for (i, tok) in tokens.iter().enumerate().take(end + 1).skip(cell) {
                    plan.repeated[i] = true;
                    // Copies must not share bookmarks (both halves sit in the cell).
                    if tok.name.starts_with("w:bookmark") {
                        plan.dropped[i] = true;
                    }
                }
            }
        }
        plan.fixup.fit_columns = true;
        plan.fixup.repair_tables = true;
    }
}

/// Writes the Handlebars source of a part.
fn emit(
    xml_text: &str,
    tree: &PartTree,
    scan: &scan::Scan,
    plan: &Plan,
    terms_of: &[Vec<Term>],
    kind: PartKind,
    options: CompileOptions,
) -> (String, Vec<(usize, usize)>) {
    let tokens = &tree.tokens;
    let mut out = String::with_capacity(xml_text.len() + xml_text.len() / 8);
    let mut sites = Vec::new();
    let node_of_open: HashMap<usize, usize> = tree
        .nodes
        .iter()
        .enumerate()
        .map(|(n, node)| (node.open, n))
        .collect();
    let tag_source = |id: usize, out: &mut String, sites: &mut Vec<(usize, usize)>| {
        let Ok(tag) = &scan.tags[id].tag else { return };
        if tag.kind == TagKind::Comment {
            if plan.merge_marks.contains(&id) {
                out.push_str(crate::docx::tables::MERGE_MARK);
            }
            return;
        }
        // A backslash or brace just before a tag would change how Handlebars reads it.
        if out.ends_with('\\') {
            out.pop();
            out.push_str("&#92;");
        } else if out.ends_with('{') {
            out.pop();
            out.push_str("&#123;");
        }
        let mark = plan.list_marks.get(&id).copied();
        if matches!(mark, Some(1 | 2)) {
            out.push_str(numbering::REPEAT_END);
        }
        sites.push((out.len(), id));
        out.push_str(&handlebars_tag(tag, &terms_of[id], options));
        if matches!(mark, Some(0 | 1)) {
            out.push_str(numbering::REPEAT_START);
        }
    };
    let mut pos = 0;
    let mut i = 0;
    while i < tokens.len() {
        let tok = &tokens[i];
        push_literal(&mut out, &xml_text[pos..tok.start]);
        if let Some((id, raw)) = plan.raw_before.get(&i) {
            sites.push((out.len(), *id));
            out.push_str(raw);
        }
        if let Some(ids) = plan.before.get(&i) {
            ids.iter()
                .for_each(|&id| tag_source(id, &mut out, &mut sites));
        }
        if tok.kind != TokKind::End && plan.dropped[i] {
            i = tok.partner;
            pos = tokens[i].end;
            i += 1;
            continue;
        }
        if let Some(ids) = plan.vanishing.get(&i) {
            // A section break the paragraph ended stays, in a paragraph of its own: before
            // the tags that open blocks, after those that close them.
            let kept = plan
                .section_breaks
                .get(&i)
                .map(|(span, before)| (format!("<w:p>{}</w:p>", &xml_text[span.clone()]), *before));
            if let Some((p, true)) = &kept {
                push_literal(&mut out, p);
            }
            ids.iter()
                .for_each(|&id| tag_source(id, &mut out, &mut sites));
            if let Some((p, false)) = &kept {
                push_literal(&mut out, p);
            }
            i = tok.partner;
            pos = tokens[i].end;
            i += 1;
            continue;
        }
        let markup = &xml_text[tok.start..tok.end];
        if tok.kind == TokKind::Start
            && let Some(pieces) = node_of_open.get(&i).and_then(|&n| scan.pieces[n].as_ref())
        {
            let holds_value = pieces
                .iter()
                .any(|p| matches!(p, Piece::Tag(id) if !plan.hoisted.contains(id)));
            if kind == PartKind::Word && holds_value && !markup.contains("xml:space") {
                out.push_str(&markup[..markup.len() - 1]);
                out.push_str(" xml:space=\"preserve\">");
            } else {
                push_literal(&mut out, markup);
            }
            for piece in pieces {
                match piece {
                    Piece::Text(text) => {
                        let mut escaped = String::with_capacity(text.len());
                        xml::escape_text(text, &mut escaped);
                        push_literal(&mut out, &escaped);
                    }
                    Piece::Tag(id) if !plan.hoisted.contains(id) => {
                        tag_source(*id, &mut out, &mut sites)
                    }
                    Piece::Tag(_) => {}
                }
            }
            // Continue at the end tag.
            i = tok.partner;
            pos = tokens[i].start;
            continue;
        }
        if plan.repeated[i] && tok.kind != TokKind::End && markup.contains("w14:") {
            push_literal(&mut out, &strip_unique_ids(markup));
        } else {
            push_literal(&mut out, markup);
        }
        pos = tok.end;
        if let Some(ids) = plan.after.get(&i) {
            ids.iter()
                .for_each(|&id| tag_source(id, &mut out, &mut sites));
        }
        if let Some((id, raw)) = plan.raw_after.get(&i) {
            sites.push((out.len(), *id));
            out.push_str(raw);
        }
        i += 1;
    }
    push_literal(&mut out, &xml_text[pos..]);
    (out, sites)
}

/// The Handlebars text of a tag: values go through `_v`, the printer of `{{field}}`.
fn handlebars_tag(tag: &Tag, terms: &[Term], options: CompileOptions) -> String {
    let fix = |s: &str| {
        if options.slug_brackets {
            expr::slug_brackets(s)
        } else {
            s.to_string()
        }
    };
    let (l, r) = (
        if tag.trim_left { "~" } else { "" },
        if tag.trim_right { "~" } else { "" },
    );
    match &tag.kind {
        TagKind::Value => {
            let expr = fix(&tag.expr);
            if expr::is_single_term(terms) {
                format!("{{{{{l}_v {expr}{r}}}}}")
            } else {
                format!("{{{{{l}_v ({expr}){r}}}}}")
            }
        }
        TagKind::Else if tag.expr == "else" => format!("{{{{{l}else{r}}}}}"),
        TagKind::Comment => String::new(),
        _ => {
            // Keep the sigil as typed (`#`, `^`, `/`), drop a triple brace.
            let inner = tag
                .text
                .trim_start_matches('{')
                .trim_end_matches('}')
                .to_string();
            format!("{{{{{}}}}}", fix(&inner))
        }
    }
}

/// Copies XML into the source so that Handlebars reads none of it: `{{` becomes `&#123;{`.
fn push_literal(out: &mut String, text: &str) {
    if !text.contains("{{") {
        out.push_str(text);
        return;
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' && chars.peek() == Some(&'{') {
            out.push_str("&#123;");
        } else {
            out.push(c);
        }
    }
}

/// Drops `w14:paraId` and `w14:textId` from a start tag: copies must not share them.
fn strip_unique_ids(markup: &str) -> String {
    let mut s = markup.to_string();
    for name in ["w14:paraId", "w14:textId"] {
        let key = format!(" {name}=\"");
        if let Some(start) = s.find(&key)
            && let Some(len) = s[start + key.len()..].find('"')
        {
            s.replace_range(start..start + key.len() + len + 1, "");
        }
    }
    s
}

/// Line and column (1-based, in characters) to a byte offset.
fn offset_of(source: &str, line: usize, column: usize) -> Option<usize> {
    let mut line_start = 0;
    for _ in 1..line {
        line_start += source[line_start..].find('\n')? + 1;
    }
    let rest = &source[line_start..];
    let byte = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map(|(b, _)| b)
        .unwrap_or(rest.len());
    Some(line_start + byte)
}

#[cfg(test)]
mod tests;
