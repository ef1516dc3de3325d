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

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::batch::{self, Job, Report, display};
use crate::context;
use crate::diag::Diagnostic;
use crate::helpers::format_value;
use crate::input::{self, Column, Legacy, LoadOptions, SourceKind, Table};
use crate::template::Template;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The output folder (default `out`).
    #[serde(default)]
    pub out: Option<String>,
    /// Fields every document sees.
    #[serde(default)]
    pub globals: toml::Table,
    pub sources: BTreeMap<String, Source>,
    #[serde(default)]
    pub joins: Vec<Join>,
    /// Checks on the rows, reported as warnings (the Council decides).
    #[serde(default)]
    pub rules: Vec<Rule>,
    pub documents: Vec<DocumentSpec>,
}

/// A rule of the plan or the law, as data: every row of `source` for which `when` holds must
/// satisfy `require`; a row that does not is a warning at its `field` cell.
///
/// ```toml
/// [[rules]]
/// name = "lao-dong-tien-tien"
/// source = "de_nghi"
/// when = '(eq hinh_thuc "Lao động tiên tiến")'
/// require = '(in xep_loai "Hoàn thành tốt nhiệm vụ" "Hoàn thành xuất sắc nhiệm vụ")'
/// field = "xep_loai"
/// message = "Lao động tiên tiến needs a rating of Hoàn thành tốt nhiệm vụ or better (Law art. 24)"
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub name: String,
    pub source: String,
    /// A Handlebars condition choosing the rows the rule is about (default: every row).
    pub when: Option<String>,
    /// The condition those rows must satisfy.
    pub require: String,
    /// The column the warning points at (default: the first).
    pub field: Option<String>,
    pub message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub file: String,
    pub sheet: Option<String>,
    pub header_row: Option<usize>,
    /// `auto` (default), `tcvn3`, `vni` or `off`.
    pub legacy: Option<String>,
}

/// Rows of `from` attached to the rows of `into` whose `key` matches.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Join {
    pub into: String,
    pub from: String,
    /// The key column in `into` (and in `from`, unless `from_key` names another).
    pub key: String,
    pub from_key: Option<String>,
    /// The field that receives the matching rows.
    #[serde(rename = "as")]
    pub field: String,
    /// One matching row as an object (a staff row's unit), not a list; every row of `into`
    /// must then have one.
    #[serde(default)]
    pub one: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSpec {
    /// What the document is (`ke-hoach`): the default file name stem and the summary's label.
    pub kind: String,
    pub template: String,
    /// The source whose rows (or groups) give one document each.
    pub source: String,
    pub group_by: Option<String>,
    /// A Handlebars condition: documents for which it is false are not made.
    pub filter: Option<String>,
    /// The file name pattern, relative to the output folder.
    pub name: Option<String>,
    /// Also write all documents of this kind into one file (relative to the output folder).
    pub combine: Option<String>,
    /// Document numbers: `numbering = { symbol = "KH-STNMT", first = 5 }` gives `so` = `05`
    /// and `so_ky_hieu` = `05/KH-STNMT` to documents whose data has no number.
    pub numbering: Option<crate::batch::Numbering>,
}

/// A manifest read and its paths resolved.
pub struct Loaded {
    pub path: PathBuf,
    pub display: String,
    pub manifest: Manifest,
    pub dir: PathBuf,
    /// `vanban run --out DIR` (relative to the working folder).
    pub out_override: Option<PathBuf>,
}

impl Loaded {
    /// A path of the manifest, relative to its folder.
    pub fn resolve(&self, path: &str) -> PathBuf {
        self.dir.join(path)
    }

    /// How a manifest path is shown in messages.
    pub fn show(&self, path: &str) -> String {
        display(&self.resolve(path))
    }

    pub fn out_dir(&self) -> PathBuf {
        match &self.out_override {
            Some(out) => out.clone(),
            None => self.resolve(self.manifest.out.as_deref().unwrap_or("out")),
        }
    }
}

/// Reads and parses a manifest.
pub fn load(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let shown = display(path);
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![Diagnostic::error(
            &shown,
            format!(
                "cannot read the manifest: {}",
                crate::diag::lower(&e.to_string())
            ),
        )]
    })?;
    let manifest: Manifest = toml::from_str(&text).map_err(|e| {
        let location = match e.span() {
            Some(span) => format!(
                "{shown}:{}",
                text[..span.start.min(text.len())].matches('\n').count() + 1
            ),
            None => shown.clone(),
        };
        vec![Diagnostic::error(location, crate::diag::lower(e.message()))]
    })?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Loaded {
        path: path.to_path_buf(),
        display: shown,
        manifest,
        dir,
        out_override: None,
    })
}

/// Everything a run needs, checked: tables joined, templates compiled.
pub struct Prepared {
    pub tables: BTreeMap<String, Table>,
    pub templates: HashMap<String, Template>,
    pub globals: Map<String, Value>,
    pub warnings: Vec<Diagnostic>,
}

/// Loads every source, applies the joins, compiles every template and checks every document
/// against its data. Fails with every problem found; writes nothing.
pub fn prepare(loaded: &Loaded) -> Result<Prepared, Vec<Diagnostic>> {
    let manifest = &loaded.manifest;
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut tables = BTreeMap::new();
    for (name, source) in &manifest.sources {
        let legacy = match source.legacy.as_deref() {
            None | Some("auto") => Legacy::Auto,
            Some("tcvn3") => Legacy::Tcvn3,
            Some("vni") => Legacy::Vni,
            Some("off") => Legacy::Off,
            Some(other) => {
                errors.push(Diagnostic::error(
                    &loaded.display,
                    format!(
                        "sources.{name}.legacy: expected auto, tcvn3, vni or off, found '{other}'"
                    ),
                ));
                Legacy::Auto
            }
        };
        let options = LoadOptions {
            sheet: source.sheet.clone(),
            header_row: source.header_row,
            legacy,
        };
        match input::load_table(
            &loaded.resolve(&source.file),
            &loaded.show(&source.file),
            &options,
        ) {
            Ok(mut table) => {
                materialize(&mut table);
                warnings.append(&mut table.warnings);
                tables.insert(name.clone(), table);
            }
            Err(es) => errors.extend(es),
        }
    }
    for (j, join) in manifest.joins.iter().enumerate() {
        if let Err(es) = apply_join(loaded, j, join, &mut tables) {
            errors.extend(es);
        }
    }
    let mut globals = context::globals(&context::today(), &[]);
    for (key, value) in &manifest.globals {
        globals.insert(key.clone(), toml_to_json(value));
    }
    for rule in &manifest.rules {
        match check_rule(loaded, rule, &tables, &globals) {
            Ok(found) => warnings.extend(found),
            Err(e) => errors.push(e),
        }
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
        let job = job_for(spec, template, table, &globals, &out, 1, true);
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
    })
}

/// The job of one document spec.
fn job_for<'a>(
    spec: &'a DocumentSpec,
    template: &'a Template,
    table: &'a Table,
    globals: &'a Map<String, Value>,
    out: &'a Path,
    jobs: usize,
    quiet: bool,
) -> Job<'a> {
    Job {
        template,
        template_display: &spec.template,
        table,
        globals,
        group_by: spec.group_by.as_deref(),
        filter: spec.filter.as_deref(),
        name: spec.name.as_deref(),
        stem: &spec.kind,
        out,
        combine: spec.combine.as_ref().map(|c| out.join(c)),
        jobs,
        numbering: spec.numbering.as_ref(),
        quiet,
    }
}

/// The result of `vanban run`: per document kind, what was written.
pub struct RunReport {
    pub kinds: Vec<(String, Report)>,
    pub warnings: Vec<Diagnostic>,
    pub out: PathBuf,
}

/// Makes every document of the manifest, then writes the summary beside them.
pub fn run(loaded: &Loaded, jobs: usize, quiet: bool) -> Result<RunReport, Vec<Diagnostic>> {
    let prepared = prepare(loaded)?;
    let out = loaded.out_dir();
    let mut kinds = Vec::new();
    for spec in &loaded.manifest.documents {
        let table = &prepared.tables[&spec.source];
        let template = &prepared.templates[&spec.template];
        let job = job_for(spec, template, table, &prepared.globals, &out, jobs, quiet);
        let report = job.run()?;
        kinds.push((spec.kind.clone(), report));
    }
    let report = RunReport {
        kinds,
        warnings: prepared.warnings,
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

/// The summary file written beside the documents.
pub const SUMMARY: &str = "tom-tat.txt";

fn write_summary(loaded: &Loaded, report: &RunReport) -> std::io::Result<()> {
    let mut text = format!("vanban run {}\n\n", loaded.display);
    for (kind, r) in &report.kinds {
        text.push_str(&format!(
            "{kind}: {} of {} documents written\n",
            r.written, r.total
        ));
        for file in &r.files {
            text.push_str(&format!("  {}\n", display(file)));
        }
        for f in &r.failures {
            text.push_str(&format!("  error: {f}\n"));
        }
    }
    let register: Vec<_> = report
        .kinds
        .iter()
        .flat_map(|(kind, r)| r.register.iter().map(move |e| (kind, e)))
        .collect();
    if !register.is_empty() {
        text.push_str("\nregister (number\tdate\tkind\tunit\tfile)\n");
        for (kind, e) in register {
            text.push_str(&format!(
                "  {}\t{}\t{kind}\t{}\t{}\n",
                e.number,
                e.date,
                e.unit,
                display(&e.file)
            ));
        }
    }
    if !report.warnings.is_empty() {
        text.push_str("\nwarnings\n");
        for w in &report.warnings {
            text.push_str(&format!("  {w}\n"));
        }
    }
    std::fs::create_dir_all(&report.out)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".vanban-")
        .tempfile_in(&report.out)?;
    std::io::Write::write_all(&mut temp, text.as_bytes())?;
    temp.persist(report.out.join(SUMMARY))
        .map_err(|e| e.error)?;
    Ok(())
}

/// JSON records kept as text are parsed now: joins add fields to rows.
fn materialize(table: &mut Table) {
    for i in 0..table.rows.len() {
        if table.rows[i].raw.is_some() {
            table.rows[i].fields = table.fields(i).into_owned();
            table.rows[i].raw = None;
        }
    }
}

fn unknown_source(loaded: &Loaded, name: &str, place: &str) -> Diagnostic {
    let known: Vec<&str> = loaded.manifest.sources.keys().map(String::as_str).collect();
    let d = Diagnostic::error(&loaded.display, format!("{place}: no source '{name}'"));
    match crate::check::closest(name, known.iter().copied()) {
        Some(near) => d.with_hint(format!("did you mean '{near}'?")),
        None => d.with_hint(format!(
            "the sources are {}",
            known
                .iter()
                .map(|k| format!("'{k}'"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Attaches the rows of `join.from` to the rows of `join.into`. A row of `from` whose key
/// matches no row of `into` is an error at its key cell (a staff row whose unit code has no
/// unit); with `one`, so is a row of `into` with no match.
fn apply_join(
    loaded: &Loaded,
    j: usize,
    join: &Join,
    tables: &mut BTreeMap<String, Table>,
) -> Result<(), Vec<Diagnostic>> {
    let place = format!("joins[{}]", j + 1);
    for name in [&join.into, &join.from] {
        if !tables.contains_key(name) {
            return Err(if loaded.manifest.sources.contains_key(name) {
                Vec::new() // its load already failed
            } else {
                vec![unknown_source(loaded, name, &place)]
            });
        }
    }
    let child = &tables[&join.from];
    let child_key_name = join.from_key.as_deref().unwrap_or(&join.key);
    let column_of = |table: &Table, key: &str| -> Result<Column, Diagnostic> {
        table.column(key).cloned().ok_or_else(|| {
            let d = Diagnostic::error(&table.source, format!("{place}: no column '{key}'"));
            match crate::check::closest(key, table.columns.iter().map(|c| c.key.as_str())) {
                Some(near) => d.with_hint(format!("did you mean '{near}'?")),
                None => d,
            }
        })
    };
    let child_key = column_of(child, child_key_name).map_err(|d| vec![d])?;
    let parent_key = column_of(&tables[&join.into], &join.key).map_err(|d| vec![d])?;
    // The child rows by key, as templates see them.
    let mut by_key: HashMap<String, Vec<Value>> = HashMap::new();
    let mut child_keys = Vec::with_capacity(child.rows.len());
    for (i, row) in child.rows.iter().enumerate() {
        let key = row
            .fields
            .get(&child_key.key)
            .map(format_value)
            .unwrap_or_default();
        let mut object = child.fields(i).into_owned();
        object.insert("_row".into(), Value::from(row.number));
        by_key
            .entry(key.clone())
            .or_default()
            .push(Value::Object(object));
        child_keys.push((key, child.cell_location(&child_key.letter, row.number)));
    }
    let parent = &tables[&join.into];
    let parent_keys: std::collections::HashSet<String> = parent
        .rows
        .iter()
        .map(|r| {
            r.fields
                .get(&parent_key.key)
                .map(format_value)
                .unwrap_or_default()
        })
        .collect();
    let mut errors = Vec::new();
    if !join.one {
        for (key, location) in &child_keys {
            if !parent_keys.contains(key) {
                errors.push(
                    Diagnostic::error(
                        location.clone(),
                        format!(
                            "'{key}' matches no row of '{}' ({})",
                            join.into, parent.source
                        ),
                    )
                    .with_hint(format!(
                        "add '{key}' to {}, or correct the code",
                        parent.source
                    )),
                );
            }
        }
    }
    let parent = tables.get_mut(&join.into).expect("checked above");
    let letter = parent_key.letter.clone();
    for i in 0..parent.rows.len() {
        let key = parent.rows[i]
            .fields
            .get(&parent_key.key)
            .map(format_value)
            .unwrap_or_default();
        let matches = by_key.get(&key).cloned().unwrap_or_default();
        let value = if join.one {
            match matches.into_iter().next() {
                Some(row) => row,
                None => {
                    errors.push(Diagnostic::error(
                        parent.cell_location(&letter, parent.rows[i].number),
                        format!("'{key}' matches no row of '{}'", join.from),
                    ));
                    Value::Null
                }
            }
        } else {
            Value::Array(matches)
        };
        parent.rows[i].fields.insert(join.field.clone(), value);
    }
    if !parent.columns.iter().any(|c| c.key == join.field) {
        parent.columns.push(Column {
            header: join.field.clone(),
            key: join.field.clone(),
            letter: String::new(),
        });
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The rows of a rule's source that break it, as warnings at their cells.
fn check_rule(
    loaded: &Loaded,
    rule: &Rule,
    tables: &BTreeMap<String, Table>,
    globals: &Map<String, Value>,
) -> Result<Vec<Diagnostic>, Diagnostic> {
    let place = format!("rules '{}'", rule.name);
    let Some(table) = tables.get(&rule.source) else {
        return if loaded.manifest.sources.contains_key(&rule.source) {
            Ok(Vec::new()) // its load already failed
        } else {
            Err(unknown_source(loaded, &rule.source, &place))
        };
    };
    let slug = matches!(table.kind, SourceKind::Spreadsheet | SourceKind::Csv);
    let fix = |c: &str| {
        if slug {
            crate::template::expr::slug_brackets(c)
        } else {
            c.to_string()
        }
    };
    let mut registry = handlebars::Handlebars::new();
    crate::helpers::register(&mut registry);
    let when = rule
        .when
        .as_deref()
        .map(fix)
        .unwrap_or_else(|| "true".into());
    let source = format!(
        "{{{{#if {when}}}}}{{{{#if {}}}}}ok{{{{else}}}}broken{{{{/if}}}}{{{{/if}}}}",
        fix(&rule.require)
    );
    registry
        .register_template_string("rule", source)
        .map_err(|e| {
            Diagnostic::error(
                &loaded.display,
                format!("{place}: {}", crate::diag::lower(&e.reason().to_string())),
            )
        })?;
    let column = match &rule.field {
        Some(field) => table.column(field).cloned().ok_or_else(|| {
            Diagnostic::error(
                &loaded.display,
                format!("{place}: no column '{field}' in {}", table.source),
            )
        })?,
        None => table.columns.first().cloned().unwrap_or(Column {
            header: String::new(),
            key: String::new(),
            letter: "A".into(),
        }),
    };
    let documents = context::Documents::per_row(table, globals);
    let mut found = Vec::new();
    for i in 0..documents.len() {
        let document = documents.get(i);
        let verdict = registry.render("rule", &document.data).map_err(|e| {
            Diagnostic::error(
                &loaded.display,
                format!(
                    "{place}: {} (rendering {})",
                    crate::diag::lower(&e.reason().to_string()),
                    document.origin
                ),
            )
        })?;
        if verdict == "broken" {
            let letter = if column.letter.is_empty() {
                "A"
            } else {
                &column.letter
            };
            found.push(Diagnostic::warning(
                table.cell_location(letter, table.rows[i].number),
                format!("rule '{}': {}", rule.name, rule.message),
            ));
        }
    }
    Ok(found)
}

/// A TOML value as templates see it; dates print `dd/mm/yyyy`.
fn toml_to_json(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => match d.date {
            Some(date) => Value::String(format!(
                "{:02}/{:02}/{:04}",
                date.day, date.month, date.year
            )),
            None => Value::String(d.to_string()),
        },
        toml::Value::Array(items) => Value::Array(items.iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}
