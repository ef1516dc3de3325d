//! Manifests: a whole batch described in `vanban.toml` — named sources, joins between them,
//! globals, and the documents to make — run by `vanban run` and validated by `vanban check`.
//!
//! ```toml
//! out = "out"
//!
//! [globals]
//! nam = 2025
//! co_quan_ban_hanh = "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"
//!
//! [sources.don_vi]
//! file = "inputs/don-vi.xlsx"
//! sheet = "DonVi"
//!
//! [sources.can_bo]
//! file = "inputs/can-bo.xlsx"
//!
//! [[joins]]            # every unit gets `can_bo`: its staff rows
//! into = "don_vi"
//! from = "can_bo"
//! key = "ma_don_vi"
//! as = "can_bo"
//!
//! [[documents]]
//! kind = "ke-hoach"
//! template = "templates/ke-hoach.docx"
//! source = "don_vi"
//! name = "{{ma_don_vi}}/Ke-hoach-{{ma_don_vi}}.docx"
//! filter = "da_nop_ke_hoach"
//! combine = "So/Tat-ca-ke-hoach.docx"
//! ```
//!
//! Paths are relative to the manifest's folder.
//!
//! The stages, each in its file: `schema` (the TOML types), `load` (the file read, the sources
//! loaded, the globals), `steps` (joins, computed fields, ranks and votes, in the manifest's
//! order, with the rules and quotas of `checks`: warnings, and what failed recorded on the rows), `summary` (the report written beside the
//! documents), with `lookup` the finders they share. This file puts them in order: `prepare`
//! checks everything and writes nothing, `run` then makes the documents through `batch`.

use crate::diag::msg;
mod checks;
mod load;
mod lookup;
mod register;
mod schema;
mod stale;
mod steps;
mod summary;
mod timeline;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::{Map, Value};

use crate::batch::{self, Books, Job};
use crate::diag::{Diagnostic, display};
use crate::input::{SourceKind, Table};
use crate::template::Template;
pub use load::{Loaded, load, load_options};
use lookup::unknown_source;
pub use register::DEFAULT as REGISTER;
pub use register::path as register_path;
pub use schema::{DocumentSpec, Manifest};
use summary::write_summary;
pub use summary::{RunReport, SUMMARY};

/// Everything a run needs, checked: tables joined, templates compiled.
pub struct Prepared {
    pub tables: BTreeMap<String, Table>,
    pub templates: HashMap<String, Template>,
    pub globals: Map<String, Value>,
    pub warnings: Vec<Diagnostic>,
    /// One line per `[[votes]]`: how many nominees passed.
    pub votes: Vec<String>,
}

/// Every source of the manifest read on its own, no step applied (what the page lists): the
/// tables, and the problems of those that could not be read.
pub fn sources(loaded: &Loaded) -> (BTreeMap<String, Table>, Vec<Diagnostic>) {
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    let tables = load::sources(loaded, &mut errors, &mut warnings);
    errors.extend(warnings);
    (tables, errors)
}

/// Loads every source, applies the joins, compiles every template and checks every document
/// against its data. Fails with every problem found; writes nothing.
pub fn prepare(loaded: &Loaded) -> Result<Prepared, Vec<Diagnostic>> {
    let manifest = &loaded.manifest;
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    // Each stage runs on what the one before made: after a stage fails, the next would only
    // repeat its errors (a missing workbook is one error, not one per join and document).
    let failed = |errors: &[Diagnostic]| errors.iter().any(Diagnostic::is_error);
    let mut tables = load::sources(loaded, &mut errors, &mut warnings);
    if failed(&errors) {
        return Err(errors);
    }
    let globals = load::globals(loaded);
    let votes_counted = steps::apply(loaded, &mut tables, &globals, &mut errors, &mut warnings);
    if failed(&errors) {
        return Err(errors);
    }
    let mut templates: HashMap<String, Template> = HashMap::new();
    for spec in &manifest.documents {
        let Some(table) = tables.get(&spec.source) else {
            if !manifest.sources.contains_key(&spec.source) {
                errors.push(unknown_source(
                    loaded,
                    &spec.source,
                    &format!("documents '{}'", spec.kind),
                ));
            }
            continue;
        };
        if !templates.contains_key(&spec.template) {
            let slug = matches!(table.kind, SourceKind::Spreadsheet | SourceKind::Csv);
            match batch::load_template(
                &loaded.resolve(&spec.template),
                &loaded.show(&spec.template),
                slug,
            ) {
                Ok(template) => {
                    warnings.extend(template.warnings.iter().cloned());
                    templates.insert(spec.template.clone(), template);
                }
                Err(es) => {
                    errors.extend(es);
                    continue;
                }
            }
        }
        if let Err(e) = formats_of(spec) {
            errors.push(e);
        }
        let template = &templates[&spec.template];
        let out = loaded.out_dir();
        let job = job_for(spec, template, table, &globals, &out, 1, true, None, None);
        let (es, ws) = job.check();
        errors.extend(es);
        warnings.extend(ws);
    }
    if errors.iter().any(Diagnostic::is_error) {
        return Err(errors);
    }
    Ok(Prepared {
        tables,
        templates,
        globals,
        warnings,
        votes: votes_counted,
    })
}

/// The job of one document spec.
#[allow(clippy::too_many_arguments)]
fn job_for<'a>(
    spec: &'a DocumentSpec,
    template: &'a Template,
    table: &'a Table,
    globals: &'a Map<String, Value>,
    out: &'a Path,
    jobs: usize,
    quiet: bool,
    books: Option<&'a Books>,
    pdf: Option<&'a batch::Pdf>,
) -> Job<'a> {
    let mut formats = formats_of(spec).unwrap_or_default();
    // `vanban run --pdf`: every kind's PDF too.
    formats.pdf |= pdf.is_some_and(|p| p.every_kind);
    Job {
        offset_mm: None,
        formats,
        pdf,
        template,
        template_display: &spec.template,
        table,
        globals,
        group_by: spec.group_by.as_deref(),
        whole: spec.whole,
        books,
        filter: spec.filter.as_deref(),
        name: spec.name.as_deref(),
        stem: &spec.kind,
        out,
        // Like names, a combined file stays inside the output folder.
        combine: spec.combine.as_ref().map(|c| {
            let safe = out.join(batch::safe_relative_path(&c.replace('\\', "/")));
            if batch::is_pdf(Path::new(c)) {
                safe.with_extension("pdf")
            } else {
                safe
            }
        }),
        jobs,
        numbering: spec.numbering.as_ref(),
        date: spec.date.as_deref(),
        require: &spec.require,
        quiet,
    }
}

/// The files a kind makes of each document (`formats`).
fn formats_of(spec: &DocumentSpec) -> Result<batch::Formats, Diagnostic> {
    let Some(formats) = &spec.formats else {
        return Ok(batch::Formats::default());
    };
    let mut chosen = batch::Formats {
        docx: false,
        pdf: false,
    };
    for format in formats {
        match format.trim().to_lowercase().as_str() {
            "docx" => chosen.docx = true,
            "pdf" => chosen.pdf = true,
            other => {
                return Err(Diagnostic::error(
                    format!("documents '{}'", spec.kind),
                    msg!("manifest-formats-unknown-format", other = other.to_string()),
                )
                .with_hint(msg!("manifest-formats-docx-pdf-e-g")));
            }
        }
    }
    if !chosen.docx && !chosen.pdf {
        return Err(Diagnostic::error(
            format!("documents '{}'", spec.kind),
            msg!("manifest-formats-empty-documents-would-make"),
        )
        .with_hint(msg!("manifest-formats-docx-pdf-docx-pdf")));
    }
    Ok(chosen)
}

/// Whether a run makes any PDF (and so needs LibreOffice).
fn needs_pdf(loaded: &Loaded, options: &RunOptions) -> bool {
    options.pdf
        || loaded.manifest.documents.iter().any(|spec| {
            formats_of(spec).is_ok_and(|f| f.pdf)
                || spec
                    .combine
                    .as_deref()
                    .is_some_and(|c| batch::is_pdf(Path::new(c)))
        })
}

/// Makes every document of the manifest: numbers them against the register, writes the
/// register (so no number is printed that it lacks), then the documents, then the summary.
pub fn run(loaded: &Loaded, options: &RunOptions) -> Result<RunReport, Vec<Diagnostic>> {
    let earlier = register::read(loaded)?;
    let prepared = prepare(loaded)?;
    let pdf = batch::Pdf::setup(
        needs_pdf(loaded, options),
        loaded.manifest.pdf.archive,
        options.jobs.max(1),
    )?
    .map(|pdf| batch::Pdf {
        every_kind: options.pdf,
        ..pdf
    });
    let out = loaded.out_dir();
    let books = Books::from_register(earlier);
    let jobs = jobs_of(loaded, &prepared, &out, options, &books, pdf.as_ref());
    let plans = plan(&jobs, &books)?;
    let timeline = timeline::check(loaded, &jobs, &plans);
    // Nothing is written until every check has passed and the output folder is writable.
    batch::prepare_out_dir(&out)?;
    let register = register::path(loaded);
    let numbered = loaded
        .manifest
        .documents
        .iter()
        .any(|d| d.numbering.is_some());
    if numbered || register.exists() {
        register::write(&register, &register::settle(books.lines())).map_err(|d| vec![d])?;
    }
    let mut kinds = Vec::new();
    for ((job, plan), spec) in jobs.iter().zip(&plans).zip(&loaded.manifest.documents) {
        kinds.push((spec.kind.clone(), job.write(plan)?));
    }
    let mut warnings = prepared.warnings;
    warnings.extend(timeline);
    let mut report = RunReport {
        kinds,
        warnings,
        votes: prepared.votes,
        stale: Vec::new(),
        cleaned: options.clean,
        out,
    };
    let mut written = report.files();
    written.insert(register);
    report.stale = stale::find(&report.out, &written);
    if options.clean {
        stale::remove(&report.out, &report.stale).map_err(|d| vec![d])?;
    } else if !report.stale.is_empty() {
        report
            .warnings
            .push(stale::warning(&report.out, &report.stale));
    }
    write_summary(loaded, &report).map_err(|e| {
        vec![Diagnostic::error(
            display(&report.out.join(SUMMARY)),
            msg!(
                "manifest-cannot-write-summary",
                e = crate::diag::io_error(&e, e.to_string())
            ),
        )]
    })?;
    Ok(report)
}

/// How `vanban run` was asked to run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Documents rendered at once.
    pub jobs: usize,
    /// No progress bars.
    pub quiet: bool,
    /// Remove the documents of earlier runs that this run did not write.
    pub clean: bool,
    /// Every kind's PDF too (`vanban run --pdf`).
    pub pdf: bool,
}

/// What a run would do, decided and not written: the numbers it would print, one line each
/// against the register as it is, and the warnings of the round's timeline.
pub struct Preview {
    pub numbers: Vec<String>,
    pub warnings: Vec<Diagnostic>,
    /// The documents a run would make (before filters of `require`).
    pub documents: usize,
}

/// Plans every document as a run would, writing nothing.
pub fn preview(loaded: &Loaded, prepared: &Prepared) -> Result<Preview, Vec<Diagnostic>> {
    let books = Books::from_register(register::read(loaded)?);
    let out = loaded.out_dir();
    let jobs = jobs_of(loaded, prepared, &out, &RunOptions::default(), &books, None);
    let plans = plan(&jobs, &books)?;
    let documents = jobs
        .iter()
        .zip(&plans)
        .map(|(job, plan)| job.dates(plan, None).len())
        .sum();
    Ok(Preview {
        documents,
        numbers: register::preview(&books.lines()),
        warnings: timeline::check(loaded, &jobs, &plans),
    })
}

/// The job of every document spec, continuing `books`.
fn jobs_of<'a>(
    loaded: &'a Loaded,
    prepared: &'a Prepared,
    out: &'a Path,
    options: &RunOptions,
    books: &'a Books,
    pdf: Option<&'a batch::Pdf>,
) -> Vec<Job<'a>> {
    loaded
        .manifest
        .documents
        .iter()
        .map(|spec| {
            let offset = loaded.manifest.print.offset_mm.map(|[x, y]| (x, y));
            let job = job_for(
                spec,
                &prepared.templates[&spec.template],
                &prepared.tables[&spec.source],
                &prepared.globals,
                out,
                options.jobs.max(1),
                options.quiet,
                Some(books),
                pdf,
            );
            Job {
                offset_mm: offset,
                ..job
            }
        })
        .collect()
}

/// Every job's documents, numbers and names, decided before anything is written.
fn plan<'j>(jobs: &[Job<'j>], books: &Books) -> Result<Vec<batch::Plan<'j>>, Vec<Diagnostic>> {
    let mut plans = Vec::with_capacity(jobs.len());
    let mut errors = Vec::new();
    for job in jobs {
        match job.plan(books) {
            Ok(plan) => plans.push(plan),
            Err(es) => errors.extend(es),
        }
    }
    if errors.is_empty() {
        Ok(plans)
    } else {
        Err(errors)
    }
}
