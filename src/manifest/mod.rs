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
//! order), `checks` (rules and quotas, as warnings), `summary` (the report written beside the
//! documents), with `lookup` the finders they share. This file puts them in order: `prepare`
//! checks everything and writes nothing, `run` then makes the documents through `batch`.

mod checks;
mod load;
mod lookup;
mod schema;
mod steps;
mod summary;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::{Map, Value};

use crate::batch::{self, Books, Job};
use crate::diag::{Diagnostic, display};
use crate::input::{SourceKind, Table};
use crate::template::Template;
pub use load::{Loaded, load};
use lookup::unknown_source;
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

/// Loads every source, applies the joins, compiles every template and checks every document
/// against its data. Fails with every problem found; writes nothing.
pub fn prepare(loaded: &Loaded) -> Result<Prepared, Vec<Diagnostic>> {
    let manifest = &loaded.manifest;
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut tables = load::sources(loaded, &mut errors, &mut warnings);
    let globals = load::globals(loaded);
    let votes_counted = steps::apply(loaded, &mut tables, &globals, &mut errors, &mut warnings);
    checks::run(loaded, &tables, &globals, &mut errors, &mut warnings);
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
        let template = &templates[&spec.template];
        let out = loaded.out_dir();
        let job = job_for(spec, template, table, &globals, &out, 1, true, None);
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
) -> Job<'a> {
    Job {
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
        combine: spec
            .combine
            .as_ref()
            .map(|c| out.join(batch::safe_relative_path(&c.replace('\\', "/")))),
        jobs,
        numbering: spec.numbering.as_ref(),
        quiet,
    }
}

/// Makes every document of the manifest, then writes the summary beside them.
pub fn run(loaded: &Loaded, jobs: usize, quiet: bool) -> Result<RunReport, Vec<Diagnostic>> {
    let prepared = prepare(loaded)?;
    let out = loaded.out_dir();
    let mut kinds = Vec::new();
    let books = Books::default();
    for spec in &loaded.manifest.documents {
        let table = &prepared.tables[&spec.source];
        let template = &prepared.templates[&spec.template];
        let job = job_for(
            spec,
            template,
            table,
            &prepared.globals,
            &out,
            jobs,
            quiet,
            Some(&books),
        );
        let report = job.run()?;
        kinds.push((spec.kind.clone(), report));
    }
    let report = RunReport {
        kinds,
        warnings: prepared.warnings,
        votes: prepared.votes,
        out,
    };
    write_summary(loaded, &report).map_err(|e| {
        vec![Diagnostic::error(
            display(&report.out.join(SUMMARY)),
            format!("cannot write the summary: {e}"),
        )]
    })?;
    Ok(report)
}
