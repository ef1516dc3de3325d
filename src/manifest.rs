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
use toml::Spanned;

use crate::batch::{self, Books, Job, Report};
use crate::context;
use crate::diag::{Diagnostic, display};
use crate::eval::{Eval, Subject};
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
    /// Joins, computed fields and vote counts change the rows; they apply in the order they
    /// are written in the manifest (a join copies the rows as they are at that point).
    #[serde(default)]
    pub joins: Vec<Spanned<Join>>,
    #[serde(default)]
    pub fields: Vec<Spanned<FieldSpec>>,
    #[serde(default)]
    pub votes: Vec<Spanned<Votes>>,
    /// Checks on the rows, reported as warnings (the Council decides).
    #[serde(default)]
    pub rules: Vec<Rule>,
    #[serde(default)]
    pub quotas: Vec<Quota>,
    pub documents: Vec<DocumentSpec>,
}

/// A field computed for every row of a source, from an expression over the row (and the
/// rows joined to it), or as the row's rank by another field.
///
/// ```toml
/// [[fields]]
/// source = "don_vi"
/// name = "tong_diem"
/// value = '(sum diem "diem_hoi_dong")'   # an expression keeps its type (a number here)
///
/// [[fields]]
/// source = "de_nghi"
/// name = "nguoi_nhan"
/// value = '{{#if (eq can_bo.gioi_tinh "Nam")}}Ông{{else}}Bà{{/if}} {{can_bo.ho_va_ten}}'
///
/// [[fields]]
/// source = "don_vi"
/// name = "xep_hang"
/// rank = "tong_diem"                     # 1 for the highest; ties share a rank
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    pub source: String,
    pub name: String,
    /// A Handlebars expression (`(sum diem "x")`, `can_bo.ho_va_ten`) whose value the field
    /// takes, or a text with tags (`Ông {{ten}}`) the field takes as text.
    pub value: Option<String>,
    /// The field to rank the rows by: 1 for the highest (`order = "asc"`: the lowest).
    pub rank: Option<String>,
    pub order: Option<String>,
}

/// Council votes counted per nominee: the for and against columns of `source`, the share of
/// all members voting for, and the verdict against the threshold (at least that share).
///
/// ```toml
/// [[votes]]
/// source = "de_nghi"
/// for = "phieu_dong_y"
/// against = "phieu_khong_dong_y"
/// members = "hoi_dong_thanh_vien"    # a global, or a number
/// threshold = "50%"
/// thresholds = [{ when = '(eq hinh_thuc "Chiến sĩ thi đua cơ sở")', threshold = "80%" }]
/// ```
///
/// Each row gets `bieu_quyet` (or `as`): `dong_y`, `khong_dong_y`, `thanh_vien`, `ty_le`
/// (percent of all members, two decimals), `nguong` (the threshold as written), `dat`,
/// `ket_qua` (`Đạt` / `Không đạt`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    pub source: String,
    #[serde(rename = "for")]
    pub for_: String,
    pub against: String,
    pub members: toml::Value,
    pub threshold: String,
    #[serde(default)]
    pub thresholds: Vec<Threshold>,
    #[serde(rename = "as", default = "bieu_quyet")]
    pub field: String,
}

fn bieu_quyet() -> String {
    "bieu_quyet".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub when: String,
    pub threshold: String,
}

/// At most `max` rows (a number, or a share of the group's `of` field) for which `when`
/// holds, per value of `per`: a nomination list over its quota is a warning.
///
/// ```toml
/// [[quotas]]
/// name = "chien-si-thi-dua-co-so"
/// source = "de_nghi"
/// per = "ma_don_vi"
/// when = '(eq hinh_thuc "Chiến sĩ thi đua cơ sở")'
/// max = "15%"
/// of = "don_vi.so_bien_che"
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    pub name: String,
    pub source: String,
    pub per: String,
    pub when: Option<String>,
    pub max: toml::Value,
    /// For a share: the expression, on a group's first row, of the number it is a share of.
    pub of: Option<String>,
    /// The column the warning points at (default: `per`).
    pub field: Option<String>,
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
    /// The key column in `into` (and in `from`, unless `from_key` names another); without a
    /// key, every row of `into` gets every row of `from` (a meeting and all its nominees).
    pub key: Option<String>,
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
    /// One document for the whole source, its rows in `rows` (a Department's summary).
    #[serde(default)]
    pub whole: bool,
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
    /// One line per `[[votes]]`: how many nominees passed.
    pub votes: Vec<String>,
}

/// Loads every source, applies the joins, compiles every template and checks every document
/// against its data. Fails with every problem found; writes nothing.
pub fn prepare(loaded: &Loaded) -> Result<Prepared, Vec<Diagnostic>> {
    let manifest = &loaded.manifest;
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut votes_counted = Vec::new();
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
    let mut globals = context::globals(&context::today(), &[]);
    for (key, value) in &manifest.globals {
        globals.insert(key.clone(), toml_to_json(value));
    }
    let steps = steps(manifest);
    for (k, step) in steps.iter().enumerate() {
        let result = match step {
            Step::Join(j, join) => {
                let consume =
                    !read_after(manifest, &steps[k + 1..], &join.from) && join.from != join.into;
                apply_join(loaded, *j, join, consume, &mut tables)
            }
            Step::Field(field) => compute_field(loaded, field, &mut tables, &globals),
            Step::Votes(votes) => {
                count_votes(loaded, votes, &mut tables, &globals).map(|(summary, mut found)| {
                    votes_counted.push(summary);
                    warnings.append(&mut found);
                })
            }
        };
        if let Err(es) = result {
            errors.extend(es);
            // What the step would have added still exists for the checks that follow,
            // so one mistake gives one message.
            let added = match step {
                Step::Join(_, join) => (&join.into, &join.field),
                Step::Field(field) => (&field.source, &field.name),
                Step::Votes(votes) => (&votes.source, &votes.field),
            };
            if let Some(table) = tables.get_mut(added.0) {
                add_column(table, added.1);
            }
        }
    }
    for rule in &manifest.rules {
        match check_rule(loaded, rule, &tables, &globals) {
            Ok(found) => warnings.extend(found),
            Err(es) => errors.extend(es),
        }
    }
    for quota in &manifest.quotas {
        match check_quota(loaded, quota, &tables, &globals) {
            Ok(found) => warnings.extend(found),
            Err(es) => errors.extend(es),
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

/// The result of `vanban run`: per document kind, what was written.
pub struct RunReport {
    pub kinds: Vec<(String, Report)>,
    pub warnings: Vec<Diagnostic>,
    pub votes: Vec<String>,
    pub out: PathBuf,
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
    if !report.votes.is_empty() {
        text.push_str("\nvotes\n");
        for line in &report.votes {
            text.push_str(&format!("  {line}\n"));
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
    match crate::diag::closest(name, known.iter().copied()) {
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
    consume: bool,
    tables: &mut BTreeMap<String, Table>,
) -> Result<(), Vec<Diagnostic>> {
    let place = format!("joins[{}]", j + 1);
    for name in [&join.into, &join.from] {
        known_source(loaded, tables, name, &place)?;
    }
    let child = &tables[&join.from];
    let Some(key) = join.key.as_deref() else {
        if join.one {
            return Err(vec![Diagnostic::error(
                &loaded.display,
                format!("{place}: 'one = true' needs a 'key'"),
            )]);
        }
        let rows: Vec<Value> = (0..child.rows.len())
            .map(|i| {
                let mut object = child.fields(i).into_owned();
                object.insert("_row".into(), Value::from(child.rows[i].number));
                Value::Object(object)
            })
            .collect();
        let parent = tables.get_mut(&join.into).expect("checked above");
        for row in &mut parent.rows {
            row.fields
                .insert(join.field.clone(), Value::Array(rows.clone()));
        }
        add_column(parent, &join.field);
        return Ok(());
    };
    let child_key_name = join.from_key.as_deref().unwrap_or(key);
    let column_of = |table: &Table, key: &str| -> Result<Column, Diagnostic> {
        find_column(table, key, || {
            Diagnostic::error(&table.source, format!("{place}: no column '{key}'"))
        })
        .cloned()
    };
    let child_key = column_of(child, child_key_name).map_err(|d| vec![d])?;
    let parent_key = column_of(&tables[&join.into], key).map_err(|d| vec![d])?;
    let parent = &tables[&join.into];
    let parent_source = parent.source.clone();
    // How many rows of `into` hold each key: the last of them takes the matching rows
    // without a copy.
    let mut wanted: HashMap<String, usize> = HashMap::new();
    for row in &parent.rows {
        let key = row
            .fields
            .get(&parent_key.key)
            .map(format_value)
            .unwrap_or_default();
        *wanted.entry(key).or_default() += 1;
    }
    // The child rows by key, as templates see them; taken, not copied, when no later step,
    // rule or document reads `from` (a big roster joined once).
    let child_rows = if consume {
        std::mem::take(&mut tables.get_mut(&join.from).expect("checked above").rows)
    } else {
        tables[&join.from].rows.clone()
    };
    let child = &tables[&join.from];
    let mut errors = Vec::new();
    let mut by_key: HashMap<String, Vec<Value>> = HashMap::new();
    for row in child_rows {
        let key = row
            .fields
            .get(&child_key.key)
            .map(format_value)
            .unwrap_or_default();
        if !join.one && !wanted.contains_key(&key) {
            errors.push(
                Diagnostic::error(
                    child.cell_location(&child_key.letter, row.number),
                    format!(
                        "'{key}' matches no row of '{}' ({parent_source})",
                        join.into
                    ),
                )
                .with_hint(format!(
                    "add '{key}' to {parent_source}, or correct the code"
                )),
            );
        }
        let mut object = row.fields;
        object.insert("_row".into(), Value::from(row.number));
        by_key.entry(key).or_default().push(Value::Object(object));
    }
    let parent = tables.get_mut(&join.into).expect("checked above");
    let letter = parent_key.letter.clone();
    for i in 0..parent.rows.len() {
        let key = parent.rows[i]
            .fields
            .get(&parent_key.key)
            .map(format_value)
            .unwrap_or_default();
        let left = wanted.get_mut(&key).expect("counted above");
        *left -= 1;
        let matches = if *left == 0 {
            by_key.remove(&key).unwrap_or_default()
        } else {
            by_key.get(&key).cloned().unwrap_or_default()
        };
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
    add_column(parent, &join.field);
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
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let place = format!("rules '{}'", rule.name);
    known_source(loaded, tables, &rule.source, &place)?;
    let table = &tables[&rule.source];
    let mut eval = eval_for(loaded, &place, table);
    let when = rule
        .when
        .as_deref()
        .map(|w| eval.condition(w))
        .transpose()
        .map_err(|d| vec![d])?;
    let require = eval.condition(&rule.require).map_err(|d| vec![d])?;
    let letter = match &rule.field {
        Some(field) => column_letter(loaded, &place, table, field).map_err(|d| vec![d])?,
        None => table
            .columns
            .iter()
            .map(|c| c.letter.clone())
            .find(|l| !l.is_empty())
            .unwrap_or_else(|| "A".into()),
    };
    let documents = context::Documents::per_row(table, globals);
    let mut found = Vec::new();
    for i in 0..documents.len() {
        let document = Subject::from(documents.get(i));
        let applies = match &when {
            Some(when) => eval.holds(when, &document).map_err(|d| vec![d])?,
            None => true,
        };
        if applies && !eval.holds(&require, &document).map_err(|d| vec![d])? {
            found.push(Diagnostic::warning(
                table.cell_location(&letter, table.rows[i].number),
                format!("rule '{}': {}", rule.name, rule.message),
            ));
        }
    }
    Ok(found)
}

/// The column letter of `field` in `table` (a located error when there is none).
fn column_letter(
    loaded: &Loaded,
    place: &str,
    table: &Table,
    field: &str,
) -> Result<String, Diagnostic> {
    let column = find_column(table, field, || {
        Diagnostic::error(
            &loaded.display,
            format!("{place}: no column '{field}' in {}", table.source),
        )
    })?;
    Ok(if column.letter.is_empty() {
        "A".into()
    } else {
        column.letter.clone()
    })
}

/// The column `name` of `table`, or the `missing` error with a did-you-mean hint.
fn find_column<'t>(
    table: &'t Table,
    name: &str,
    missing: impl FnOnce() -> Diagnostic,
) -> Result<&'t Column, Diagnostic> {
    table.column(name).ok_or_else(|| {
        let d = missing();
        match crate::diag::closest(name, table.columns.iter().map(|c| c.key.as_str())) {
            Some(near) => d.with_hint(format!("did you mean '{near}'?")),
            None => d,
        }
    })
}

/// What the manifest changes in the rows, in the order it is written.
enum Step<'m> {
    Join(usize, &'m Join),
    Field(&'m FieldSpec),
    Votes(&'m Votes),
}

/// Whether a source is read by any of `later` steps, or by a rule, quota or document.
fn read_after(manifest: &Manifest, later: &[Step], name: &str) -> bool {
    later.iter().any(|step| match step {
        Step::Join(_, join) => join.into == name || join.from == name,
        Step::Field(field) => field.source == name,
        Step::Votes(votes) => votes.source == name,
    }) || manifest.rules.iter().any(|r| r.source == name)
        || manifest.quotas.iter().any(|q| q.source == name)
        || manifest.documents.iter().any(|d| d.source == name)
}

fn steps(manifest: &Manifest) -> Vec<Step<'_>> {
    let mut steps: Vec<(usize, Step)> = Vec::new();
    for (j, join) in manifest.joins.iter().enumerate() {
        steps.push((join.span().start, Step::Join(j, join.get_ref())));
    }
    for field in &manifest.fields {
        steps.push((field.span().start, Step::Field(field.get_ref())));
    }
    for votes in &manifest.votes {
        steps.push((votes.span().start, Step::Votes(votes.get_ref())));
    }
    steps.sort_by_key(|(at, _)| *at);
    steps.into_iter().map(|(_, step)| step).collect()
}

/// The snippets of a place of the manifest, over the rows of `table`.
fn eval_for(loaded: &Loaded, place: &str, table: &Table) -> Eval {
    Eval::new(
        &loaded.display,
        Some(place),
        matches!(table.kind, SourceKind::Spreadsheet | SourceKind::Csv),
    )
}

/// Whether `name` is a source that loaded: the error of naming no source, or none at all when
/// its load failed (that failure is already reported).
fn known_source(
    loaded: &Loaded,
    tables: &BTreeMap<String, Table>,
    name: &str,
    place: &str,
) -> Result<(), Vec<Diagnostic>> {
    if tables.contains_key(name) {
        Ok(())
    } else if loaded.manifest.sources.contains_key(name) {
        Err(Vec::new())
    } else {
        Err(vec![unknown_source(loaded, name, place)])
    }
}

/// The table a step changes (see [`known_source`]).
fn table_of<'t>(
    loaded: &Loaded,
    tables: &'t mut BTreeMap<String, Table>,
    name: &str,
    place: &str,
) -> Result<&'t mut Table, Vec<Diagnostic>> {
    known_source(loaded, tables, name, place)?;
    Ok(tables.get_mut(name).expect("checked above"))
}

/// Adds `name` to the columns templates may use (a computed or joined field).
fn add_column(table: &mut Table, name: &str) {
    if !table.columns.iter().any(|c| c.key == name) {
        table.columns.push(Column {
            header: name.to_string(),
            key: name.to_string(),
            letter: String::new(),
        });
    }
}

/// Computes a `[[fields]]` entry into every row of its source.
fn compute_field(
    loaded: &Loaded,
    spec: &FieldSpec,
    tables: &mut BTreeMap<String, Table>,
    globals: &Map<String, Value>,
) -> Result<(), Vec<Diagnostic>> {
    let place = format!("fields '{}'", spec.name);
    let table = table_of(loaded, tables, &spec.source, &place)?;
    let values = match (&spec.value, &spec.rank) {
        (Some(value), None) => {
            let mut eval = eval_for(loaded, &place, table);
            let compiled = eval.value(value).map_err(|d| vec![d])?;
            let documents = context::Documents::per_row(table, globals);
            (0..documents.len())
                .map(|i| eval.get(&compiled, &Subject::from(documents.get(i))))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|d| vec![d])?
        }
        (None, Some(by)) => rank(loaded, &place, table, by, spec.order.as_deref())?,
        _ => {
            return Err(vec![Diagnostic::error(
                &loaded.display,
                format!("{place}: give either 'value' or 'rank'"),
            )]);
        }
    };
    for (row, value) in table.rows.iter_mut().zip(values) {
        row.fields.insert(spec.name.clone(), value);
    }
    add_column(table, &spec.name);
    Ok(())
}

/// Each row's rank by the number in field `by`: 1 for the highest (the lowest with
/// `order = "asc"`); equal values share a rank and the next rank skips (1, 2, 2, 4).
fn rank(
    loaded: &Loaded,
    place: &str,
    table: &Table,
    by: &str,
    order: Option<&str>,
) -> Result<Vec<Value>, Vec<Diagnostic>> {
    let ascending = match order {
        None | Some("desc") => false,
        Some("asc") => true,
        Some(other) => {
            return Err(vec![Diagnostic::error(
                &loaded.display,
                format!("{place}: order: expected \"asc\" or \"desc\", found '{other}'"),
            )]);
        }
    };
    let key = table.column(by).map(|c| c.key.clone()).ok_or_else(|| {
        vec![Diagnostic::error(
            &loaded.display,
            format!("{place}: no field '{by}' in {}", table.source),
        )]
    })?;
    let mut errors = Vec::new();
    let numbers: Vec<f64> = table
        .rows
        .iter()
        .map(|row| {
            let value = row.fields.get(&key).unwrap_or(&Value::Null);
            number(value).unwrap_or_else(|| {
                errors.push(Diagnostic::error(
                    table.row_location(row.number),
                    format!(
                        "{place}: expected a number in '{by}', found {}",
                        crate::helpers::format_value(value)
                    ),
                ));
                0.0
            })
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    // A row's rank is 1 + how many rows are strictly better.
    let mut sorted = numbers.clone();
    sorted.sort_by(f64::total_cmp);
    Ok(numbers
        .iter()
        .map(|&n| {
            let better = if ascending {
                sorted.partition_point(|&m| m < n)
            } else {
                sorted.len() - sorted.partition_point(|&m| m <= n)
            };
            Value::from(better + 1)
        })
        .collect())
}

/// A share written `80%` or `66.67%`, as (numerator, denominator).
fn parse_share(text: &str) -> Option<(u128, u128)> {
    let number = text.trim().strip_suffix('%')?.trim();
    let (whole, frac) = number.split_once(['.', ',']).unwrap_or((number, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole
            .chars()
            .chain(frac.chars())
            .all(|c| c.is_ascii_digit())
        || frac.len() > 6
    {
        return None;
    }
    let den = 100 * 10u128.pow(frac.len() as u32);
    let num = format!("{whole}{frac}").parse().ok()?;
    Some((num, den))
}

/// A cell's number: a number, or text holding a plain one (`12`, `4.5`).
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => crate::input::plain_number(s).and_then(|v| v.as_f64()),
        _ => None,
    }
}

/// A whole, non-negative count from a cell (a number or numeric text); `Ok(None)` when blank.
fn count_cell(value: Option<&Value>) -> Result<Option<u64>, String> {
    let value = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
        Some(v) => v,
    };
    match number(value) {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n < 1e9 => Ok(Some(n as u64)),
        _ => Err(format!(
            "expected a whole number of votes, found {}",
            crate::helpers::format_value(value)
        )),
    }
}

/// Counts a `[[votes]]` entry into every row of its source; returns the summary line and the
/// warnings (a nominee with no count).
fn count_votes(
    loaded: &Loaded,
    votes: &Votes,
    tables: &mut BTreeMap<String, Table>,
    globals: &Map<String, Value>,
) -> Result<(String, Vec<Diagnostic>), Vec<Diagnostic>> {
    let place = format!("votes on '{}'", votes.source);
    let table = table_of(loaded, tables, &votes.source, &place)?;
    let error = |message: String| {
        vec![Diagnostic::error(
            &loaded.display,
            format!("{place}: {message}"),
        )]
    };
    let members = match &votes.members {
        toml::Value::Integer(n) if *n > 0 => *n as u64,
        toml::Value::String(name) => match globals.get(name) {
            Some(v) => count_cell(Some(v))
                .ok()
                .flatten()
                .filter(|&n| n > 0)
                .ok_or_else(|| {
                    error(format!(
                        "members: global '{name}' is not a positive whole number"
                    ))
                })?,
            None => return Err(error(format!("members: no global '{name}'"))),
        },
        other => {
            return Err(error(format!(
                "members: expected a number or a global's name, found {other}"
            )));
        }
    };
    let share = |text: &str| {
        parse_share(text).ok_or_else(|| {
            error(format!(
                "threshold: expected a share like \"80%\", found '{text}'"
            ))
        })
    };
    let mut eval = eval_for(loaded, &place, table);
    let default = (share(&votes.threshold)?, votes.threshold.as_str());
    let mut thresholds = Vec::new();
    for t in &votes.thresholds {
        thresholds.push((
            eval.condition(&t.when).map_err(|d| vec![d])?,
            share(&t.threshold)?,
            t.threshold.as_str(),
        ));
    }
    let for_letter = column_letter(loaded, &place, table, &votes.for_).map_err(|d| vec![d])?;
    let against_letter =
        column_letter(loaded, &place, table, &votes.against).map_err(|d| vec![d])?;
    let for_key = table
        .column(&votes.for_)
        .map(|c| c.key.clone())
        .unwrap_or_default();
    let against_key = table
        .column(&votes.against)
        .map(|c| c.key.clone())
        .unwrap_or_default();
    let documents = context::Documents::per_row(table, globals);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut results = Vec::new();
    let (mut counted, mut passed) = (0, 0);
    for i in 0..documents.len() {
        let document = Subject::from(documents.get(i));
        let number = table.rows[i].number;
        let fields = &table.rows[i].fields;
        let cell = |key: &str, letter: &str| {
            count_cell(fields.get(key)).map_err(|m| {
                Diagnostic::error(table.cell_location(letter, number), format!("{place}: {m}"))
            })
        };
        let (yes, no) = match (
            cell(&for_key, &for_letter),
            cell(&against_key, &against_letter),
        ) {
            (Ok(yes), Ok(no)) => (yes, no),
            (a, b) => {
                errors.extend(a.err());
                errors.extend(b.err());
                results.push(Value::Null);
                continue;
            }
        };
        let mut chosen = default;
        for (when, share, text) in &thresholds {
            match eval.holds(when, &document) {
                Ok(true) => {
                    chosen = (*share, text);
                    break;
                }
                Ok(false) => {}
                Err(d) => errors.push(d),
            }
        }
        let ((num, den), threshold) = chosen;
        let mut result = Map::new();
        result.insert("thanh_vien".into(), Value::from(members));
        result.insert("nguong".into(), Value::from(threshold));
        match yes {
            None => {
                warnings.push(Diagnostic::warning(
                    table.cell_location(&for_letter, number),
                    format!("{place}: no vote count; the nominee is marked not passed"),
                ));
                result.insert("dong_y".into(), Value::Null);
                result.insert(
                    "khong_dong_y".into(),
                    no.map(Value::from).unwrap_or(Value::Null),
                );
                result.insert("ty_le".into(), Value::Null);
                result.insert("dat".into(), Value::Bool(false));
                result.insert("ket_qua".into(), Value::from("Chưa biểu quyết"));
            }
            Some(yes) => {
                if yes + no.unwrap_or(0) > members {
                    errors.push(Diagnostic::error(
                        table.cell_location(&for_letter, number),
                        format!(
                            "{place}: {yes} for and {} against make more votes than the {members} members",
                            no.unwrap_or(0)
                        ),
                    ));
                }
                // Percent of all members to two decimals, rounded half up.
                let hundredths =
                    (yes as u128 * 10_000 * 2 + members as u128) / (2 * members as u128);
                let pass = yes as u128 * den >= num * members as u128;
                counted += 1;
                passed += usize::from(pass);
                result.insert("dong_y".into(), Value::from(yes));
                result.insert("khong_dong_y".into(), Value::from(no.unwrap_or(0)));
                result.insert(
                    "ty_le".into(),
                    serde_json::Number::from_f64(hundredths as f64 / 100.0)
                        .map(Value::Number)
                        .unwrap_or(Value::Null),
                );
                result.insert("dat".into(), Value::Bool(pass));
                result.insert(
                    "ket_qua".into(),
                    Value::from(if pass { "Đạt" } else { "Không đạt" }),
                );
            }
        }
        results.push(Value::Object(result));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for (row, result) in table.rows.iter_mut().zip(results) {
        row.fields.insert(votes.field.clone(), result);
    }
    add_column(table, &votes.field);
    Ok((
        format!(
            "{}: {counted} nominees counted against {members} members, {passed} passed",
            votes.source
        ),
        warnings,
    ))
}

/// The groups of a quota's source over their quota, as warnings at the first row beyond it.
fn check_quota(
    loaded: &Loaded,
    quota: &Quota,
    tables: &BTreeMap<String, Table>,
    globals: &Map<String, Value>,
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let place = format!("quotas '{}'", quota.name);
    known_source(loaded, tables, &quota.source, &place)?;
    let table = &tables[&quota.source];
    let error = |message: String| {
        vec![Diagnostic::error(
            &loaded.display,
            format!("{place}: {message}"),
        )]
    };
    enum Max {
        Count(u64),
        Share((u128, u128), String),
    }
    let max = match &quota.max {
        toml::Value::Integer(n) if *n >= 0 => Max::Count(*n as u64),
        toml::Value::String(text) => match parse_share(text) {
            Some(share) if quota.of.is_some() => Max::Share(share, text.clone()),
            Some(_) => {
                return Err(error(format!(
                    "max '{text}' is a share: say of what with 'of'"
                )));
            }
            None => {
                return Err(error(format!(
                    "max: expected a number or a share like \"15%\", found '{text}'"
                )));
            }
        },
        other => {
            return Err(error(format!(
                "max: expected a number or a share like \"15%\", found {other}"
            )));
        }
    };
    let mut eval = eval_for(loaded, &place, table);
    let when = quota
        .when
        .as_deref()
        .map(|w| eval.condition(w))
        .transpose()
        .map_err(|d| vec![d])?;
    let of = quota
        .of
        .as_deref()
        .map(|o| eval.value(o))
        .transpose()
        .map_err(|d| vec![d])?;
    let letter = column_letter(
        loaded,
        &place,
        table,
        quota.field.as_deref().unwrap_or(&quota.per),
    )
    .map_err(|d| vec![d])?;
    let key = context::group_key(table, &quota.per).map_err(|d| vec![d])?;
    let documents = context::Documents::per_row(table, globals);
    // Per group value: the rows for which `when` holds, in order.
    let mut members: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for i in 0..documents.len() {
        let document = Subject::from(documents.get(i));
        if let Some(when) = &when
            && !eval.holds(when, &document).map_err(|d| vec![d])?
        {
            continue;
        }
        let value = table.rows[i]
            .fields
            .get(&key)
            .map(format_value)
            .unwrap_or_default();
        let at = *index.entry(value.clone()).or_insert_with(|| {
            members.push((value, Vec::new()));
            members.len() - 1
        });
        members[at].1.push(i);
    }
    let mut found = Vec::new();
    for (value, rows) in members {
        let (limit, why) = match &max {
            Max::Count(n) => (*n, String::new()),
            Max::Share((num, den), text) => {
                let first = Subject::from(documents.get(rows[0]));
                let base = eval
                    .get(of.as_ref().expect("a share has 'of'"), &first)
                    .map_err(|d| vec![d])?;
                let base = count_cell(Some(&base)).ok().flatten().ok_or_else(|| {
                    vec![Diagnostic::error(
                        table.row_location(table.rows[rows[0]].number),
                        format!(
                            "{place}: '{}' is not a whole number here ({})",
                            quota.of.as_deref().unwrap_or_default(),
                            format_value(&base)
                        ),
                    )]
                })?;
                (
                    (base as u128 * num / den) as u64,
                    format!(" ({text} of {base})"),
                )
            }
        };
        if rows.len() as u64 > limit {
            let beyond = rows[limit as usize];
            found.push(Diagnostic::warning(
                table.cell_location(&letter, table.rows[beyond].number),
                format!(
                    "quota '{}': '{value}' has {}, over its quota of {limit}{why}",
                    quota.name,
                    rows.len()
                ),
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
