//! Batch: the documents of a run rendered in parallel and written, each to a temporary file
//! renamed into place, under names that cannot leave the output folder.

use crate::diag::msg;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::check;
use crate::context::{self, Document};
use crate::convert;
use crate::diag::{Diagnostic, display};
use crate::docx::{Package, Rendered, combine};
use crate::eval::{Eval, Subject};
use crate::input::{self, LoadOptions, SourceKind, Table};
use crate::template::{CompileOptions, TagInfo, Template};
use serde_json::{Map, Value};

mod files;
mod names;
mod numbering;
mod parts;
mod pdf;
pub use files::{prepare_out_dir, write_atomically, write_document};
use names::document_names;
pub use names::safe_relative_path;
use numbering::Number;
pub use numbering::{Books, Numbering, Registered, year_of};
use parts::{CORE, Properties, dated, document_date, offset_frames, w3c_date};

/// `vanban render`, validated.
#[derive(Debug, Clone)]
pub struct RenderConfig {
    pub template: PathBuf,
    pub data: PathBuf,
    pub load: LoadOptions,
    pub group_by: Option<String>,
    pub out: PathBuf,
    pub name: Option<String>,
    pub set: Vec<(String, String)>,
    pub combine: Option<PathBuf>,
    pub jobs: usize,
    pub quiet: bool,
    /// The files made of each document.
    pub formats: Formats,
    /// PDF/A-2b (else plain PDF).
    pub pdfa: bool,
    /// The printer's offset in mm (right, down): every frame moves by it.
    pub offset_mm: Option<(f64, f64)>,
}

/// The files made of each document: the .docx, its PDF, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub docx: bool,
    pub pdf: bool,
}

impl Default for Formats {
    fn default() -> Self {
        Formats {
            docx: true,
            pdf: false,
        }
    }
}

/// How PDFs are made in a run: LibreOffice's program, found before anything is written.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub soffice: PathBuf,
    pub options: convert::Options,
    /// Every kind of a manifest makes its PDF too (`vanban run --pdf`).
    pub every_kind: bool,
}

impl Pdf {
    /// LibreOffice when `needed`: an error that stops the run when it cannot be found.
    pub fn setup(needed: bool, pdfa: bool, jobs: usize) -> Result<Option<Pdf>, Vec<Diagnostic>> {
        if !needed {
            return Ok(None);
        }
        let soffice = convert::find_soffice().map_err(|d| vec![d])?;
        Ok(Some(Pdf {
            soffice,
            options: convert::Options {
                pdfa,
                jobs,
                timeout: convert::default_timeout(),
            },
            every_kind: false,
        }))
    }
}

/// A combined file made as PDF (`all.pdf`), not as .docx.
pub fn is_pdf(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// What a run did. Problems that stopped it before anything was written come back as `Err`.
#[derive(Debug, Default)]
pub struct Report {
    pub total: usize,
    pub written: usize,
    pub failures: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    pub out: String,
    /// The files written, relative to the output folder, in run order.
    pub files: Vec<PathBuf>,
    /// Numbered documents, in run order.
    pub register: Vec<Registered>,
    /// The combined file, when one was written.
    pub combined: Option<PathBuf>,
    /// PDFs written (in `files` too).
    pub pdfs: usize,
}

/// Renders every document of the run.
pub fn render(config: &RenderConfig) -> Result<Report, Vec<Diagnostic>> {
    let data_display = display(&config.data);
    let template_display = display(&config.template);
    let table = input::load_table(&config.data, &data_display, &config.load)?;
    let slug = matches!(table.kind, SourceKind::Spreadsheet | SourceKind::Csv);
    let template = load_template(&config.template, &template_display, slug)?;
    let globals = context::globals(&context::today(), &config.set);
    let stem = config
        .template
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".into());
    let pdf = Pdf::setup(
        config.formats.pdf || config.combine.as_deref().is_some_and(is_pdf),
        config.pdfa,
        config.jobs,
    )?;
    let job = Job {
        offset_mm: config.offset_mm,
        formats: config.formats,
        pdf: pdf.as_ref(),
        template: &template,
        template_display: &template_display,
        table: &table,
        globals: &globals,
        group_by: config.group_by.as_deref(),
        whole: false,
        filter: None,
        name: config.name.as_deref(),
        stem: &stem,
        out: &config.out,
        combine: config.combine.clone(),
        jobs: config.jobs,
        numbering: None,
        date: None,
        require: &[],
        books: None,
        quiet: config.quiet,
    };
    let (errors, warnings) = job.check();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut report = job.run()?;
    report.warnings.splice(
        0..0,
        (table.warnings.iter().cloned())
            .chain(template.warnings.iter().cloned())
            .chain(warnings),
    );
    Ok(report)
}

/// Opens and compiles a template; errors carry its name.
pub fn load_template(path: &Path, display: &str, slug: bool) -> Result<Template, Vec<Diagnostic>> {
    if !path.exists() {
        return Err(vec![input::not_found(path, display)]);
    }
    let package = Package::open(path).map_err(|d| vec![d.within(display)])?;
    Template::compile(
        package,
        CompileOptions {
            slug_brackets: slug,
        },
    )
    .map(|mut template| {
        template.warnings = std::mem::take(&mut template.warnings)
            .into_iter()
            .map(|d| d.within(display))
            .collect();
        template
    })
    .map_err(|ds| ds.into_iter().map(|d| d.within(display)).collect())
}

/// One template rendered over the rows (or groups) of one table.
pub struct Job<'a> {
    pub template: &'a Template,
    pub template_display: &'a str,
    pub table: &'a Table,
    pub globals: &'a Map<String, Value>,
    pub group_by: Option<&'a str>,
    /// One document for the whole table (`rows`), not one per row or group.
    pub whole: bool,
    /// A Handlebars condition (`not da_nop_bao_cao`): documents for which it is false are
    /// not made.
    pub filter: Option<&'a str>,
    /// The name pattern; `None`: `<stem>-<group value or row>.docx`.
    pub name: Option<&'a str>,
    pub stem: &'a str,
    pub out: &'a Path,
    pub combine: Option<PathBuf>,
    pub jobs: usize,
    /// Document numbers assigned in run order.
    pub numbering: Option<&'a Numbering>,
    /// The field (of the row, or a global) holding the kind's own date: documents see it as
    /// `ngay_ky`, the date they are signed.
    pub date: Option<&'a str>,
    /// Fields a document cannot be made without (an award's `thanh_tich`): a document whose
    /// field is empty is not made, and is a failure at the cell.
    pub require: &'a [String],
    /// The numbering books this job continues (a fresh set when `None`).
    pub books: Option<&'a Books>,
    /// No progress bar.
    pub quiet: bool,
    /// The files made of each document.
    pub formats: Formats,
    /// LibreOffice, when PDFs are made (of the documents, or the combined file).
    pub pdf: Option<&'a Pdf>,
    /// The printer's offset in mm (right, down) for pre-printed blanks: every frame moves.
    pub offset_mm: Option<(f64, f64)>,
}

/// A progress bar on a terminal; nothing when stderr is not one (or with --quiet).
fn progress_bar(len: u64, quiet: bool, label: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if quiet || len < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{prefix} [{bar:40}] {pos}/{len} {eta}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix(label.to_string());
    bar
}

/// A job's documents with their numbers and names, decided before anything is written.
pub struct Plan<'j> {
    documents: context::Documents<'j>,
    selected: Vec<usize>,
    numbers: Vec<Option<Number>>,
    names: Vec<Option<PathBuf>>,
    name_errors: Vec<Diagnostic>,
    /// Documents not made because a required field is empty.
    left_out: usize,
}

impl<'j> Job<'j> {
    /// Problems that stop the job before anything is written (errors), and warnings.
    pub fn check(&self) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        if let Some(field) = self.group_by
            && let Err(e) = context::group_key(self.table, field)
        {
            errors.push(e);
        }
        let parts: Vec<(&str, &[TagInfo])> = self
            .template
            .parts
            .iter()
            .map(|p| (p.name.as_str(), p.tags.as_slice()))
            .collect();
        // Numbering adds its fields to every document.
        let mut known = self.globals.clone();
        if let Some(numbering) = self.numbering {
            known.insert(numbering.field.clone(), Value::Null);
            known.insert(format!("{}_ky_hieu", numbering.field), Value::Null);
        }
        let check = check::check_fields(
            &parts,
            self.template.options.slug_brackets,
            self.template_display,
            self.table,
            self.group_by.is_some() || self.whole,
            &known,
        );
        errors.extend(check.errors);
        // Filters and numbering symbols are evaluated now, so a mistake in them stops the
        // run before anything is written (a symbol's fields must exist).
        if errors.is_empty()
            && let Err(es) = self.plan(&Books::default())
        {
            errors.extend(es);
        }
        (errors, check.warnings)
    }

    fn documents(&self) -> Result<context::Documents<'j>, Vec<Diagnostic>> {
        Ok(match self.group_by {
            _ if self.whole => context::Documents::whole(self.table, self.globals),
            Some(field) => context::Documents::per_group(self.table, field, self.globals)
                .map_err(|d| vec![d])?,
            None => context::Documents::per_row(self.table, self.globals),
        })
    }

    /// Renders and writes every document of the job (call [`Job::check`] first).
    pub fn run(&self) -> Result<Report, Vec<Diagnostic>> {
        let fresh = Books::default();
        let plan = self.plan(self.books.unwrap_or(&fresh))?;
        self.write(&plan)
    }

    /// The documents the filter keeps, their numbers (taken from `books`, which records
    /// them) and their file names. Writes nothing.
    pub fn plan(&self, books: &Books) -> Result<Plan<'j>, Vec<Diagnostic>> {
        let documents = self.documents()?;
        let (selected, incomplete) = self.complete(&documents, self.select(&documents)?);
        // A name reads the fields its pattern names (and the kind's date), not the rows
        // joined to the row.
        let name_keep = crate::eval::fields_named(self.name, self.slug()).map(|mut keep| {
            keep.extend(self.date.map(str::to_string));
            keep
        });
        let numbers = match self.numbering {
            None => vec![None; selected.len()],
            Some(numbering) => {
                // Without a key field, a numbered document is known by its file name.
                let identities: Vec<numbering::Subjecthood> = if numbering.key.is_some() {
                    (0..selected.len())
                        .map(|_| numbering::Subjecthood {
                            kind: self.stem,
                            name: None,
                        })
                        .collect()
                } else {
                    let (names, _) = document_names(
                        self.template,
                        self.name,
                        self.stem,
                        selected.len(),
                        &|k| documents.get_only(selected[k], name_keep.as_ref()),
                        &|k| documents.suffix(selected[k]),
                    )?;
                    names
                        .into_iter()
                        .enumerate()
                        .map(|(k, name)| numbering::Subjecthood {
                            kind: self.stem,
                            name: Some(match name {
                                Some(name) => name.to_string_lossy().replace('\\', "/"),
                                None => format!(
                                    "{}#{}",
                                    self.stem,
                                    documents.suffix(selected[k]).unwrap_or_default()
                                ),
                            }),
                        })
                        .collect()
                };
                numbering::assign(
                    numbering,
                    self.slug(),
                    &documents,
                    &selected,
                    &identities,
                    self.date,
                    books,
                )?
                .into_iter()
                .map(Some)
                .collect()
            }
        };
        let document_at = |k: usize| {
            self.prepared(
                documents.get_only(selected[k], name_keep.as_ref()),
                &numbers[k],
            )
        };
        let (names, mut name_errors) = document_names(
            self.template,
            self.name,
            self.stem,
            selected.len(),
            &document_at,
            &|k| documents.suffix(selected[k]),
        )?;
        for (number, name) in numbers.iter().zip(&names) {
            if let (Some(number), Some(name)) = (number, name) {
                books.set_file(number.line, name.clone());
            }
        }
        let left_out = incomplete.len();
        name_errors.splice(0..0, incomplete);
        Ok(Plan {
            documents,
            selected,
            numbers,
            names,
            name_errors,
            left_out,
        })
    }

    /// Renders and writes the documents of a plan; with PDF, converts them through the
    /// LibreOffice pool and renames each PDF into place.
    pub fn write(&self, plan: &Plan) -> Result<Report, Vec<Diagnostic>> {
        let Plan {
            documents,
            selected,
            numbers,
            names,
            ..
        } = plan;
        let document_at = |k: usize| self.prepared(documents.get(selected[k]), &numbers[k]);
        prepare_out_dir(self.out)?;
        let combine_pdf = self.combine.as_deref().is_some_and(is_pdf);
        let pdf = match self.pdf {
            Some(pdf) if self.formats.pdf || combine_pdf => Some(pdf),
            None if self.formats.pdf || combine_pdf => {
                return Err(vec![Diagnostic::error(
                    display(self.out),
                    msg!("batch-pdfs-were-asked-but-libreoffice"),
                )]);
            }
            _ => None,
        };
        let work = match pdf {
            Some(_) => Some(convert::WorkDir::new(self.out).map_err(|e| {
                vec![Diagnostic::error(
                    display(self.out),
                    msg!(
                        "batch-cannot-write-output-folder",
                        e = crate::diag::io_arg(&e)
                    ),
                )]
            })?),
            None => None,
        };
        let keep_for_combine = self.combine.is_some();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.jobs)
            .build()
            .map_err(|e| {
                vec![Diagnostic::error(
                    "",
                    msg!("batch-cannot-start-worker-threads", e = e.to_string()),
                )]
            })?;
        let progress = progress_bar(names.len() as u64, self.quiet, self.stem);
        // Each document's PDF: asked for, or a page of the combined PDF's outline.
        let pdf_input = |k: usize| {
            work.as_ref()
                .filter(|_| self.formats.pdf || combine_pdf)
                .map(|w| w.path().join(format!("{k}.docx")))
        };
        let results: Vec<Option<Result<Option<Rendered>, Diagnostic>>> = pool.install(|| {
            names
                .par_iter()
                .enumerate()
                .map(|(k, name)| {
                    let name = name.as_ref()?;
                    let document = &document_at(k);
                    if pdf.is_none() {
                        progress.inc(1);
                    }
                    let stamp = document_date(&document.data, self.numbering)
                        .as_deref()
                        .and_then(w3c_date);
                    let registered = numbers[k].as_ref().map(|n| n.title.as_str());
                    let properties =
                        Properties::of(&document.data, self.numbering, registered, self.stem);
                    let docx = self.out.join(name);
                    Some(render_one(
                        self.template,
                        self.template_display,
                        document,
                        self.formats.docx.then_some(docx.as_path()),
                        pdf_input(k).as_deref(),
                        keep_for_combine,
                        stamp.as_deref(),
                        &properties,
                        self.offset_mm,
                    ))
                })
                .collect()
        });
        let mut report = Report {
            total: selected.len() + plan.left_out,
            out: display(self.out),
            failures: plan.name_errors.clone(),
            ..Report::default()
        };
        let mut rendered = Vec::new();
        // The documents rendered, by position: their PDF is made next.
        let mut made: Vec<usize> = Vec::new();
        for (k, result) in results.into_iter().enumerate() {
            let Some(result) = result else { continue };
            match result {
                Ok(parts) => {
                    made.push(k);
                    rendered.extend(parts);
                }
                Err(d) => report.failures.push(d),
            }
        }
        // The combined file: written now as .docx, or converted with the documents.
        let mut combined_input = None;
        if let Some(path) = &self.combine
            && !rendered.is_empty()
        {
            let target = match &work {
                Some(work) if combine_pdf => work.path().join("combined.docx"),
                _ => path.clone(),
            };
            let written = combine::combine(
                &self.template.package,
                |name| {
                    self.template
                        .parts
                        .iter()
                        .find(|p| p.name == name)
                        .map(|p| p.index)
                },
                &rendered,
            )
            .map_err(|reason| msg!("batch-cannot-combine", reason = reason))
            .and_then(|(replaced, added)| {
                write_document(&self.template.package, &replaced, &added, &target).map_err(|e| {
                    msg!(
                        "cli-cannot-write-file",
                        e = crate::diag::io_error(&e, e.to_string())
                    )
                })
            });
            match written {
                Ok(()) if combine_pdf => combined_input = Some(target),
                Ok(()) => report.combined = Some(path.clone()),
                Err(message) => report
                    .failures
                    .push(Diagnostic::error(display(path), message)),
            }
        }
        // Each made document's PDF (or why it failed), by position.
        let mut pdf_failed: HashSet<usize> = HashSet::new();
        if let (Some(pdf), Some(work)) = (pdf, &work) {
            progress.finish_and_clear();
            let made = pdf::make(
                pdf,
                work,
                &pdf::Job {
                    out: self.out,
                    names,
                    made: &made,
                    input: &pdf_input,
                    each: self.formats.pdf,
                    combined: self.combine.as_deref().zip(combined_input),
                    quiet: self.quiet,
                    stem: self.stem,
                },
            );
            pdf_failed = made.failed;
            report.failures.extend(made.failures);
            report.pdfs += made.pdfs;
            if made.combined.is_some() {
                report.combined = made.combined;
            }
        }
        progress.finish_and_clear();
        drop(work);
        for &k in &made {
            if pdf_failed.contains(&k) {
                // Its .docx, when asked for, is written and listed; the document failed.
                if self.formats.docx
                    && let Some(name) = &names[k]
                {
                    report.files.push(name.clone());
                }
                continue;
            }
            let name = &names[k];
            report.written += 1;
            let shown = name.as_ref().map(|name| {
                if self.formats.docx {
                    name.clone()
                } else {
                    name.with_extension("pdf")
                }
            });
            if let (Some(shown), Some(numbering), Some(number)) =
                (&shown, self.numbering, &numbers[k])
            {
                let document = document_at(k);
                let field = |name: &str| {
                    document
                        .data
                        .get(name)
                        .map(crate::helpers::format_value)
                        .filter(|v| !v.is_empty())
                };
                let date = document_date(&document.data, Some(numbering))
                    .or_else(|| field("today"))
                    .unwrap_or_default();
                report.register.push(Registered {
                    number: number.full.clone(),
                    date,
                    unit: field("ma_don_vi").unwrap_or(document.origin),
                    file: Some(shown.clone()),
                    kind: self.stem.to_string(),
                    ..Registered::default()
                });
            }
            if let Some(name) = name {
                if self.formats.docx {
                    report.files.push(name.clone());
                }
                if self.formats.pdf {
                    report.files.push(name.with_extension("pdf"));
                }
            }
        }
        Ok(report)
    }

    fn slug(&self) -> bool {
        self.template.options.slug_brackets
    }

    /// The documents that have every required field, and a failure at the cell for each
    /// one that lacks one.
    fn complete(
        &self,
        documents: &context::Documents,
        selected: Vec<usize>,
    ) -> (Vec<usize>, Vec<Diagnostic>) {
        if self.require.is_empty() {
            return (selected, Vec::new());
        }
        let table = documents.table();
        let mut kept = Vec::with_capacity(selected.len());
        let mut failures = Vec::new();
        let keep: crate::context::Keep = self.require.iter().cloned().collect();
        for i in selected {
            let document = documents.get_only(i, Some(&keep));
            let missing = self.require.iter().find(|field| {
                document
                    .data
                    .get(field.as_str())
                    .is_none_or(|v| crate::helpers::format_value(v).trim().is_empty())
            });
            let Some(field) = missing else {
                kept.push(i);
                continue;
            };
            let location = match (documents.row_of(i), table.column(field)) {
                (Some(row), Some(column)) if !column.letter.is_empty() => {
                    table.cell_location(&column.letter, table.rows[row].number)
                }
                _ => document.origin.clone(),
            };
            let header = table
                .column(field)
                .map_or(field.as_str(), |c| c.header.as_str());
            failures.push(
                Diagnostic::error(
                    location,
                    msg!(
                        "batch-empty-document-not-made",
                        stem = self.stem.to_string(),
                        header = header.to_string()
                    ),
                )
                .with_hint(msg!(
                    "batch-fill-leave-row-out-list",
                    header = header.to_string()
                )),
            );
        }
        (kept, failures)
    }

    /// A document as it is written: its number's fields, and its kind's date as `ngay_ky`.
    fn prepared(&self, document: Document, number: &Option<Number>) -> Document {
        let mut document = with_number(document, self.numbering, number);
        if let (Some(field), Value::Object(data)) = (self.date, &mut document.data)
            && let Some(date) = data
                .get(field)
                .filter(|v| !crate::helpers::format_value(v).trim().is_empty())
        {
            let date = date.clone();
            data.insert("ngay_ky".into(), date);
        }
        document
    }

    /// Each document's date (`dd/mm/yyyy`, as `ngay_ky` holds it when written) and where it
    /// comes from (the data cell, or the field's name), in run order.
    /// With `field`: that field's value on each document instead (a deadline it cites).
    pub fn dates(&self, plan: &Plan, field: Option<&str>) -> Vec<(String, String)> {
        let field = field.or(self.date).unwrap_or("ngay_ky");
        let table = plan.documents.table();
        let keep: crate::context::Keep = [field, "ngay_ky"].map(str::to_string).into();
        plan.selected
            .iter()
            .map(|&i| {
                let document = plan.documents.get_only(i, Some(&keep));
                let date = document
                    .data
                    .get(field)
                    .or_else(|| document.data.get("ngay_ky"))
                    .map(crate::helpers::format_value)
                    .unwrap_or_default();
                let location = match (plan.documents.row_of(i), table.column(field)) {
                    (Some(row), Some(column)) if !column.letter.is_empty() => {
                        table.cell_location(&column.letter, table.rows[row].number)
                    }
                    _ => format!("{field} ({})", document.origin),
                };
                (date, location)
            })
            .collect()
    }

    /// The documents the filter keeps, in run order.
    fn select(&self, documents: &context::Documents) -> Result<Vec<usize>, Vec<Diagnostic>> {
        let Some(filter) = self.filter else {
            return Ok((0..documents.len()).collect());
        };
        let mut eval = Eval::new("filter", None, self.slug()).knowing(
            self.table,
            self.globals
                .keys()
                .map(String::as_str)
                .chain(["rows", "count"]),
        );
        let condition = eval.condition(filter).map_err(|d| vec![d])?;
        let keep = crate::eval::fields_named(
            Some(format!("{{{{#if {filter}}}}}{{{{/if}}}}").as_str()),
            self.slug(),
        );
        let mut kept = Vec::new();
        for i in 0..documents.len() {
            if eval
                .holds(
                    &condition,
                    &Subject::from(documents.get_only(i, keep.as_ref())),
                )
                .map_err(|d| vec![d])?
            {
                kept.push(i);
            }
        }
        Ok(kept)
    }
}

/// A document with its number's fields: `so` (`05`) and `so_ky_hieu` (`05/KH-STNMT`).
fn with_number(
    mut document: Document,
    numbering: Option<&Numbering>,
    number: &Option<Number>,
) -> Document {
    if let (Some(numbering), Some(number), Value::Object(data)) =
        (numbering, number, &mut document.data)
    {
        if data
            .get(&numbering.field)
            .is_none_or(|v| crate::helpers::format_value(v).trim().is_empty())
        {
            data.insert(
                numbering.field.clone(),
                Value::String(number.number.clone()),
            );
        }
        data.insert(
            format!("{}_ky_hieu", numbering.field),
            Value::String(number.full.clone()),
        );
    }
    document
}

#[allow(clippy::too_many_arguments)]
fn render_one(
    template: &Template,
    template_display: &str,
    document: &Document,
    docx: Option<&Path>,
    pdf_input: Option<&Path>,
    keep: bool,
    stamp: Option<&str>,
    properties: &Properties,
    offset_mm: Option<(f64, f64)>,
) -> Result<Option<Rendered>, Diagnostic> {
    let mut parts = check::render_document(template, template_display, document)?;
    if let (Some(offset), Some(body)) = (
        offset_mm,
        template
            .parts
            .iter()
            .find(|p| p.name == "word/document.xml"),
    ) {
        for (index, xml) in &mut parts {
            if *index == body.index {
                *xml = offset_frames(xml, offset);
            }
        }
    }
    let edit = |xml: &[u8], tagged: bool| {
        let xml = match stamp {
            Some(stamp) => dated(xml, stamp),
            None => xml.to_vec(),
        };
        properties.apply(&xml, tagged)
    };
    match template.parts.iter().find(|p| p.name == CORE) {
        // Properties the template fills with its own tags are kept.
        Some(core) => {
            for (index, xml) in &mut parts {
                if *index == core.index {
                    *xml = edit(xml, true);
                }
            }
        }
        // A part without tags is copied raw: its edited copy replaces it.
        None => {
            if let (Some(index), Ok(Some(xml))) = (
                template.package.index_of(CORE),
                template.package.read_text(CORE),
            ) {
                parts.push((index, edit(xml.as_bytes(), false)));
            }
        }
    }
    for path in docx.iter().chain(pdf_input.iter()) {
        write_document(&template.package, &parts, &[], path).map_err(|e| {
            Diagnostic::error(
                display(docx.unwrap_or(path)),
                msg!(
                    "batch-cannot-write-document",
                    e = crate::diag::io_error(&e, e.to_string())
                ),
            )
        })?;
    }
    Ok(keep.then_some(parts))
}

#[cfg(test)]
mod tests {
    use super::files::remove_stale_temporaries;
    use super::names::{MAX_COMPONENT_BYTES, unique};
    use super::*;

    #[test]
    fn names_cannot_leave_the_output_folder() {
        for (raw, safe) in [
            ("../x.docx", "x.docx"),
            ("/etc/x", "etc/x.docx"),
            ("C:\\x.docx", "C__x.docx"),
            ("CON", "CON_.docx"),
            ("aux.docx", "aux_.docx"),
            ("a/../../b.docx", "a/b.docx"),
            ("Tờ trình?.docx", "Tờ trình_.docx"),
            ("CCTL/To-trinh-CCTL.docx", "CCTL/To-trinh-CCTL.docx"),
            ("name. ", "name.docx"),
            ("", "_.docx"),
        ] {
            assert_eq!(safe_relative_path(raw), PathBuf::from(safe), "raw {raw:?}");
        }
    }

    #[test]
    fn a_name_too_long_is_cut_and_keeps_its_extension() {
        let long = "Đ".repeat(300);
        let path = safe_relative_path(&long);
        let name = path.to_string_lossy();
        assert!(
            name.len() <= MAX_COMPONENT_BYTES && name.ends_with(".docx"),
            "{name}"
        );
    }

    #[test]
    fn temporary_files_a_killed_run_left_are_removed_when_old() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("VP")).unwrap();
        let old = dir.path().join("VP/.vanban-abc.tmp");
        let fresh = dir.path().join(".vanban-def.tmp");
        let other = dir.path().join("ghi-chu.tmp");
        for path in [&old, &fresh, &other] {
            std::fs::write(path, "x").unwrap();
        }
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for path in [&old, &other] {
            std::fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(an_hour_ago)
                .unwrap();
        }
        remove_stale_temporaries(dir.path(), 3);
        assert!(!old.exists() && fresh.exists() && other.exists());
    }

    #[test]
    fn frames_move_by_the_printer_offset() {
        let xml = r#"<w:sectPr><w:pgSz w:w="16838" w:h="11906"/></w:sectPr><w:framePr w:hAnchor="page" w:x="1701" w:y="9412" w:w="5670" /><w:framePr w:xAlign="center" w:y="4536" w:w="13608"/>"#;
        let moved = String::from_utf8(offset_frames(xml.as_bytes(), (2.0, -1.5))).unwrap();
        // 2 mm = 113 twips, -1.5 mm = -85 twips; the centred frame: (16838 - 13608) / 2 + 113.
        assert!(moved.contains(r#"w:x="1814" w:y="9327""#), "{moved}");
        assert!(
            moved.contains(r#"<w:framePr w:y="4451" w:w="13608" w:x="1728"/>"#),
            "{moved}"
        );
    }

    #[test]
    fn colliding_names_get_a_suffix() {
        let mut taken = HashSet::new();
        assert_eq!(unique("a.docx".into(), &mut taken), PathBuf::from("a.docx"));
        assert_eq!(
            unique("A.docx".into(), &mut taken),
            PathBuf::from("A-2.docx")
        );
        assert_eq!(
            unique("a.docx".into(), &mut taken),
            PathBuf::from("a-3.docx")
        );
    }
}
