//! Command line: clap's raw arguments turned into validated configurations. Nothing past this
//! module sees clap.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::batch::{self, RenderConfig};
use crate::diag::{Diagnostic, Lang, msg};
use crate::input::{self, Legacy, LoadOptions};

#[derive(Parser, Debug)]
#[command(
    name = "vanban",
    version,
    about = "Fill Word templates from spreadsheets: one document per row or per unit",
    long_about = None
)]
struct Args {
    #[command(subcommand)]
    command: Command,
    /// The language of messages: en or vi (default: vi when LC_ALL, LC_MESSAGES or LANG
    /// starts with vi, else en)
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LangArg {
    En,
    Vi,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Render TEMPLATE.docx once per data row, or once per group of rows
    Render(RenderArgs),
    /// Print the rows of a data file as JSON, exactly as templates see them
    Data(DataArgs),
    /// Make every document a manifest describes (default ./vanban.toml)
    Run(RunArgs),
    /// Report every problem of a template (and of the data it will get), or of a manifest,
    /// without rendering
    Check(CheckArgs),
    /// List every tag and block of a template with its place
    Inspect(InspectArgs),
    /// Write a starter template laid out to Decree 30/2020
    New(NewArgs),
    /// Serve the office's web page (in Vietnamese) for the round in FOLDER, on 127.0.0.1
    Serve(ServeArgs),
}

#[derive(clap::Args, Debug)]
struct ServeArgs {
    /// The round's folder, with its vanban.toml
    #[arg(default_value = ".")]
    folder: PathBuf,
    /// The port (default: a free one, printed)
    #[arg(long, value_name = "N", default_value_t = 0)]
    port: u16,
    /// Open the default browser on the page
    #[arg(long)]
    open: bool,
    /// Listen on ADDR (IP:PORT) instead of 127.0.0.1; needs a password
    #[arg(long, value_name = "ADDR")]
    listen: Option<std::net::SocketAddr>,
    /// The access password every request must give (default: env VANBAN_PASSWORD)
    #[arg(
        long,
        value_name = "TEXT",
        env = "VANBAN_PASSWORD",
        hide_env_values = true
    )]
    password: Option<String>,
    /// The largest upload accepted, in MiB
    #[arg(long, value_name = "MIB", default_value_t = 50)]
    max_upload: usize,
}

#[derive(clap::Args, Debug)]
struct NewArgs {
    /// ke-hoach, bao-cao, to-trinh, bien-ban, cong-van, quyet-dinh,
    /// bao-cao-thanh-tich-ca-nhan, bao-cao-thanh-tich-tap-the or giay-khen; or calibration (a
    /// millimetre grid with the frames of the certificate on blanks, to print on plain paper)
    kind: String,
    /// The .docx to write
    out: PathBuf,
    /// Replace OUT if it exists
    #[arg(long)]
    force: bool,
    /// calibration: the printer's offset in mm right and down, as `[print] offset_mm`
    #[arg(long, value_name = "X,Y", allow_hyphen_values = true)]
    offset: Option<String>,
}

#[derive(clap::Args, Debug)]
struct RunArgs {
    /// The manifest
    #[arg(default_value = "vanban.toml")]
    manifest: PathBuf,
    /// Output folder, in place of the manifest's `out`
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Documents rendered at once (default: the number of cores)
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Print only errors
    #[arg(long, short)]
    quiet: bool,
    /// Remove documents of earlier runs that this run did not write
    #[arg(long)]
    clean: bool,
    /// Also write every document's PDF beside its .docx (converted by LibreOffice)
    #[arg(long)]
    pdf: bool,
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// The .docx template, or a vanban.toml manifest
    template: PathBuf,
    /// Also check the fields against this data file
    #[arg(long, value_name = "FILE")]
    data: Option<PathBuf>,
    #[command(flatten)]
    source: SourceArgs,
    /// The field documents will be grouped by
    #[arg(long, value_name = "FIELD")]
    group_by: Option<String>,
}

#[derive(clap::Args, Debug)]
struct InspectArgs {
    /// The .docx template
    template: PathBuf,
    /// Print a JSON document instead of text
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args, Debug)]
struct SourceArgs {
    /// Sheet to read (default: the first)
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// 1-based row holding the headers (default: found below any title block); N-M for a
    /// header of two rows, a group header over sub-headers (e.g. 4-5)
    #[arg(long, value_name = "N|N-M")]
    header_row: Option<String>,
    /// Read the rows an active AutoFilter hides, too (by default they are left out)
    #[arg(long)]
    keep_filtered: bool,
    /// Convert text typed in legacy Vietnamese encodings
    #[arg(long, value_enum, default_value_t = LegacyArg::Auto)]
    legacy: LegacyArg,
}

#[derive(clap::Args, Debug)]
struct RenderArgs {
    /// The .docx template
    template: PathBuf,
    /// Data: .xlsx .xlsm .xls .xlsb .ods .csv .json
    #[arg(long, value_name = "FILE")]
    data: PathBuf,
    #[command(flatten)]
    source: SourceArgs,
    /// One document per distinct value of FIELD (with `rows` and `count`)
    #[arg(long, value_name = "FIELD")]
    group_by: Option<String>,
    /// Output folder
    #[arg(long, value_name = "DIR", default_value = "out")]
    out: PathBuf,
    /// File name pattern, e.g. "{{ma_don_vi}}/To-trinh-{{ma_don_vi}}.docx"
    #[arg(long, value_name = "PATTERN")]
    name: Option<String>,
    /// A global field visible in every document (repeatable)
    #[arg(long = "set", value_name = "KEY=VALUE")]
    set: Vec<String>,
    /// Also write every document of the run into one file, each from a new page
    /// (FILE.pdf: a PDF with one bookmark per document)
    #[arg(long, value_name = "FILE.docx|FILE.pdf")]
    combine: Option<PathBuf>,
    /// Also write each document's PDF beside its .docx (converted by LibreOffice;
    /// VANBAN_SOFFICE names its soffice program)
    #[arg(long)]
    pdf: bool,
    /// The files made of each document: docx, pdf (the PDF only) or both
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<FormatArg>,
    /// Plain PDF instead of PDF/A-2b
    #[arg(long)]
    plain_pdf: bool,
    /// The printer's offset for pre-printed blanks, in mm right and down (e.g. 1.5,-2):
    /// every frame moves by it
    #[arg(long, value_name = "X,Y", allow_hyphen_values = true)]
    offset: Option<String>,
    /// Documents rendered at once (default: the number of cores)
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Print only errors
    #[arg(long, short)]
    quiet: bool,
}

#[derive(clap::Args, Debug)]
struct DataArgs {
    /// The data file
    file: PathBuf,
    #[command(flatten)]
    source: SourceArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FormatArg {
    Docx,
    Pdf,
    Both,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LegacyArg {
    Auto,
    Tcvn3,
    Vni,
    Off,
}

impl SourceArgs {
    fn load_options(&self) -> Result<LoadOptions, Diagnostic> {
        let (header_row, sub_header) = match &self.header_row {
            Some(text) => {
                let (row, sub) = input::parse_header_rows(text, "--header-row")?;
                (Some(row), sub)
            }
            None => (None, false),
        };
        Ok(LoadOptions {
            sheet: self.sheet.clone(),
            header_row,
            sub_header,
            keep_filtered: self.keep_filtered,
            legacy: match self.legacy {
                LegacyArg::Auto => Legacy::Auto,
                LegacyArg::Tcvn3 => Legacy::Tcvn3,
                LegacyArg::Vni => Legacy::Vni,
                LegacyArg::Off => Legacy::Off,
            },
        })
    }
}

/// Runs the command line; returns the exit code.
pub fn main() -> i32 {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    Lang::set_current(match args.lang {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Vi) => Lang::Vi,
        None => Lang::from_locale(|name| std::env::var(name).ok()),
    });
    match args.command {
        Command::Render(args) => match render_config(args) {
            Ok(config) => render(&config),
            Err(errors) => report_fatal(&errors),
        },
        Command::Data(args) => data(args),
        Command::Run(args) => run(args),
        Command::Check(args) => check(args),
        Command::Inspect(args) => inspect(args),
        Command::New(args) => new(args),
        Command::Serve(args) => serve(args),
    }
}

fn render_config(args: RenderArgs) -> Result<RenderConfig, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut set = Vec::new();
    for item in &args.set {
        match item.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => {
                set.push((key.trim().to_string(), value.to_string()))
            }
            _ => errors.push(
                Diagnostic::error(
                    "--set",
                    msg!("cli-expected-key-value-found", item = item.to_string()),
                )
                .with_hint(msg!("cli-example-set-nam-2025")),
            ),
        }
    }
    let load = args.source.load_options().map_err(|d| errors.push(d)).ok();
    if args.jobs == Some(0) {
        errors.push(Diagnostic::error("--jobs", msg!("cli-expected-least-1")));
    }
    if let Some(combine) = &args.combine {
        let is_docx = combine
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx") || e.eq_ignore_ascii_case("pdf"));
        if !is_docx {
            errors.push(Diagnostic::error(
                "--combine",
                msg!(
                    "cli-expected-docx-pdf-file-name",
                    combine = crate::diag::display(combine).to_string()
                ),
            ));
        }
    }
    let offset_mm = args
        .offset
        .as_deref()
        .and_then(|text| parse_offset(text).map_err(|d| errors.push(d)).ok());
    let Some(load) = load.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    // A name pattern ending in .pdf asks for the PDF only.
    let pdf_name = args
        .name
        .as_deref()
        .is_some_and(|n| n.trim_end().to_lowercase().ends_with(".pdf"));
    let formats = match (args.format, args.pdf) {
        (Some(FormatArg::Docx), true) | (Some(FormatArg::Both), _) => batch::Formats {
            docx: true,
            pdf: true,
        },
        (Some(FormatArg::Pdf), _) => batch::Formats {
            docx: false,
            pdf: true,
        },
        (Some(FormatArg::Docx), false) => batch::Formats::default(),
        (None, pdf) => batch::Formats {
            docx: !pdf_name,
            pdf: pdf || pdf_name,
        },
    };
    Ok(RenderConfig {
        formats,
        offset_mm,
        pdfa: !args.plain_pdf,
        template: args.template,
        data: args.data,
        load,
        group_by: args.group_by,
        out: args.out,
        name: args.name,
        set,
        combine: args.combine,
        jobs,
        quiet: args.quiet,
    })
}

fn render(config: &RenderConfig) -> i32 {
    let report = match batch::render(config) {
        Ok(report) => report,
        Err(errors) => return report_fatal(&errors),
    };
    let mut stderr = std::io::stderr().lock();
    if !config.quiet {
        for w in &report.warnings {
            let _ = writeln!(stderr, "{}", w.shown());
        }
    }
    for f in &report.failures {
        let _ = writeln!(stderr, "{}", f.shown());
    }
    let out = report.out.trim_end_matches('/');
    if report.failures.is_empty() {
        if !config.quiet {
            let _ = writeln!(
                stderr,
                "{}",
                msg!("cli-wrote-documents", count = report.written, out = out).shown()
            );
        }
        0
    } else {
        let failed = report.total - report.written;
        let _ = writeln!(
            stderr,
            "{}",
            msg!(
                "cli-documents-failed",
                failed = failed,
                total = report.total,
                written = report.written,
                out = out
            )
            .shown()
        );
        1
    }
}

fn data(args: DataArgs) -> i32 {
    let load = match args.source.load_options() {
        Ok(load) => load,
        Err(error) => return report_fatal(&[error]),
    };
    let display = crate::diag::display(&args.file);
    let table = match input::load_table(&args.file, &display, &load) {
        Ok(table) => table,
        Err(errors) => return report_fatal(&errors),
    };
    let mut stderr = std::io::stderr().lock();
    for w in &table.warnings {
        let _ = writeln!(stderr, "{}", w.shown());
    }
    for row in &table.rows {
        for cell in &row.errors {
            let _ = writeln!(
                stderr,
                "{}",
                Diagnostic::warning(
                    cell.location.clone(),
                    msg!("cli-cell-holds-error", value = cell.value.to_string())
                )
                .shown()
            );
        }
    }
    let rows: Vec<serde_json::Value> = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut object = table.fields(i).into_owned();
            object.insert("_row".into(), serde_json::Value::from(row.number));
            serde_json::Value::Object(object)
        })
        .collect();
    let mut stdout = std::io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut stdout, &rows)
        .map_err(json_io_error)
        .and_then(|_| writeln!(stdout));
    match written {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => report_fatal(&[Diagnostic::error(
            "",
            msg!(
                "cli-cannot-write-output",
                e = crate::diag::io_error(&e, e.to_string())
            ),
        )]),
    }
}

fn run(args: RunArgs) -> i32 {
    if args.jobs == Some(0) {
        return report_fatal(&[Diagnostic::error("--jobs", msg!("cli-expected-least-1"))]);
    }
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    let mut loaded = match crate::manifest::load(&args.manifest) {
        Ok(loaded) => loaded,
        Err(errors) => return report_fatal(&errors),
    };
    loaded.out_override = args.out;
    let options = crate::manifest::RunOptions {
        jobs,
        quiet: args.quiet,
        clean: args.clean,
        pdf: args.pdf,
    };
    let report = match crate::manifest::run(&loaded, &options) {
        Ok(report) => report,
        Err(errors) => return report_fatal(&errors),
    };
    let mut stderr = std::io::stderr().lock();
    if !args.quiet {
        for w in &report.warnings {
            let _ = writeln!(stderr, "{}", w.shown());
        }
    }
    let (mut written, mut total) = (0, 0);
    for (_, r) in &report.kinds {
        for f in &r.failures {
            let _ = writeln!(stderr, "{}", f.shown());
        }
        written += r.written;
        total += r.total;
    }
    let out = crate::diag::display(&report.out);
    let out = out.trim_end_matches('/');
    if written == total {
        if !args.quiet {
            let _ = writeln!(
                stderr,
                "{}",
                msg!(
                    "cli-wrote-documents-of-kinds",
                    count = written,
                    kinds = report.kinds.len(),
                    out = out,
                    summary = crate::manifest::SUMMARY
                )
                .shown()
            );
        }
        0
    } else {
        let _ = writeln!(
            stderr,
            "{}",
            msg!(
                "cli-documents-failed",
                failed = total - written,
                total = total,
                written = written,
                out = out
            )
            .shown()
        );
        1
    }
}

fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn check_manifest(path: &std::path::Path) -> i32 {
    let loaded = match crate::manifest::load(path) {
        Ok(loaded) => loaded,
        Err(errors) => return report_fatal(&errors),
    };
    let mut stderr = std::io::stderr().lock();
    match crate::manifest::prepare(&loaded) {
        Ok(prepared) => {
            let preview = match crate::manifest::preview(&loaded, &prepared) {
                Ok(preview) => preview,
                Err(errors) => return report_fatal(&errors),
            };
            let numbers = preview.numbers;
            let mut prepared = prepared;
            prepared.warnings.extend(preview.warnings);
            for w in &prepared.warnings {
                let _ = writeln!(stderr, "{}", w.shown());
            }
            if !numbers.is_empty() {
                let mut stdout = std::io::stdout().lock();
                let _ = writeln!(stdout, "{}", msg!("cli-numbers-a-run-would-print").shown());
                for line in &numbers {
                    let _ = writeln!(stdout, "  {line}");
                }
            }
            let _ = writeln!(
                stderr,
                "{}",
                no_errors(&loaded.display, prepared.warnings.len())
            );
            0
        }
        Err(problems) => {
            for p in &problems {
                let _ = writeln!(stderr, "{}", p.shown());
            }
            let errors = problems.iter().filter(|p| p.is_error()).count();
            let _ = writeln!(
                stderr,
                "{}",
                msg!(
                    "cli-problems-found-in",
                    count = errors,
                    file = &loaded.display
                )
                .shown()
            );
            2
        }
    }
}

fn check(args: CheckArgs) -> i32 {
    if args
        .template
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        return check_manifest(&args.template);
    }
    let load = match args.source.load_options() {
        Ok(load) => load,
        Err(error) => return report_fatal(&[error]),
    };
    let config = crate::check::CheckConfig {
        template: args.template,
        data: args.data,
        load,
        group_by: args.group_by,
    };
    let problems = crate::check::check(&config);
    let mut stderr = std::io::stderr().lock();
    for p in &problems {
        let _ = writeln!(stderr, "{}", p.shown());
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let template = crate::diag::display(&config.template);
    if errors > 0 {
        let _ = writeln!(
            stderr,
            "{}",
            msg!("cli-problems-found-in", count = errors, file = &template).shown()
        );
        2
    } else {
        let warnings = problems.iter().filter(|p| p.is_warning()).count();
        let _ = writeln!(stderr, "{}", no_errors(&template, warnings));
        0
    }
}

fn inspect(args: InspectArgs) -> i32 {
    let inspection = match crate::check::inspect(&args.template) {
        Ok(inspection) => inspection,
        Err(e) => return report_fatal(&[e]),
    };
    let mut stdout = std::io::stdout().lock();
    let written = if args.json {
        serde_json::to_writer_pretty(&mut stdout, &inspection)
            .map_err(json_io_error)
            .and_then(|_| writeln!(stdout))
    } else {
        let mut stderr = std::io::stderr().lock();
        for e in &inspection.errors {
            let _ = writeln!(stderr, "{e}");
        }
        write!(stdout, "{}", crate::check::format_inspection(&inspection))
    };
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => report_fatal(&[Diagnostic::error(
            "",
            msg!(
                "cli-cannot-write-output",
                e = crate::diag::io_error(&e, e.to_string())
            ),
        )]),
        _ if inspection.errors.is_empty() => 0,
        _ => 2,
    }
}

/// `--offset X,Y`: the printer's offset in mm, right and down.
fn parse_offset(text: &str) -> Result<(f64, f64), Diagnostic> {
    text.split_once(',')
        .and_then(|(x, y)| Some((x.trim().parse().ok()?, y.trim().parse().ok()?)))
        .filter(|(x, y): &(f64, f64)| x.is_finite() && y.is_finite())
        .ok_or_else(|| {
            Diagnostic::error(
                "--offset",
                msg!("cli-expected-x-y-mm-found", text = text.to_string()),
            )
            .with_hint(msg!("cli-example-offset-1-5-2"))
        })
}

fn new(args: NewArgs) -> i32 {
    let calibration = args.kind == crate::new::CALIBRATION;
    if args.offset.is_some() && !calibration {
        return report_fatal(&[
            Diagnostic::error("--offset", msg!("cli-offset-only-calibration"))
                .with_hint(msg!("cli-offset-moves-frames-when-rendered")),
        ]);
    }
    let offset = match args.offset.as_deref().map(parse_offset) {
        Some(Err(d)) => return report_fatal(&[d]),
        Some(Ok(offset)) => offset,
        None => (0.0, 0.0),
    };
    if !calibration && !crate::new::KINDS.iter().any(|(kind, _)| *kind == args.kind) {
        let mut kinds: Vec<&str> = crate::new::KINDS.iter().map(|(kind, _)| *kind).collect();
        kinds.push(crate::new::CALIBRATION);
        let d = Diagnostic::error("", msg!("cli-unknown-kind", kind = args.kind.to_string()));
        let d = match crate::diag::closest(&args.kind, kinds.iter().copied()) {
            Some(near) => d.with_hint(msg!("manifest-did-you-mean", near = near.to_string())),
            None => d.with_hint(msg!("cli-kinds", kinds = kinds.join(", ").to_string())),
        };
        return report_fatal(&[d]);
    }
    let bytes = if calibration {
        crate::new::calibration_page(offset, Some(crate::new::now_w3c()))
    } else {
        crate::new::starter_made(&args.kind, Some(crate::new::now_w3c()))
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(reason) => {
            return report_fatal(&[Diagnostic::error(
                "",
                msg!("cli-starter-failed", reason = reason),
            )]);
        }
    };
    let shown = crate::diag::display(&args.out);
    let is_docx = args
        .out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if !is_docx {
        return report_fatal(&[Diagnostic::error(
            &shown,
            msg!("cli-expected-docx-file-name"),
        )]);
    }
    if args.out.exists() && !args.force {
        return report_fatal(&[Diagnostic::error(&shown, msg!("cli-file-exists-already"))
            .with_hint(msg!("cli-choose-another-name-add-force"))]);
    }
    let dir = args
        .out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let written = std::fs::create_dir_all(dir)
        .and_then(|_| crate::batch::write_atomically(&args.out, &bytes));
    match written {
        Ok(()) => {
            if calibration {
                eprintln!("{}", msg!("cli-wrote-calibration", file = &shown).shown());
            } else {
                eprintln!(
                    "{}",
                    msg!("cli-wrote-template", kind = &args.kind, file = &shown).shown()
                );
            }
            0
        }
        Err(e) => report_fatal(&[Diagnostic::error(
            &shown,
            msg!(
                "cli-cannot-write-file",
                e = crate::diag::io_error(&e, e.to_string())
            ),
        )]),
    }
}

fn serve(args: ServeArgs) -> i32 {
    let config = crate::serve::ServeConfig {
        folder: args.folder,
        port: args.port,
        open: args.open,
        listen: args.listen,
        password: args.password,
        max_upload: args.max_upload.saturating_mul(1024 * 1024),
    };
    match crate::serve::serve(config) {
        Ok(()) => 0,
        Err(errors) => report_fatal(&errors),
    }
}

/// A JSON writing error as the I/O error behind it (so a closed pipe is recognised).
fn json_io_error(e: serde_json::Error) -> std::io::Error {
    match e.io_error_kind() {
        Some(kind) => std::io::Error::from(kind),
        None => std::io::Error::other(e),
    }
}

/// Prints the problems that stopped a run before anything was written; exit code 2.
fn report_fatal(errors: &[Diagnostic]) -> i32 {
    let mut stderr = std::io::stderr().lock();
    for e in errors {
        let _ = writeln!(stderr, "{}", e.shown());
    }
    let count = errors.iter().filter(|e| e.is_error()).count();
    let _ = writeln!(
        stderr,
        "{}",
        msg!("cli-problems-found-nothing-written", count = count).shown()
    );
    2
}

/// The closing line of a check that found no errors: `FILE: no problems found`, or the
/// number of warnings.
fn no_errors(file: &str, warnings: usize) -> String {
    match warnings {
        0 => msg!("cli-no-problems-found", file = file),
        n => msg!("cli-no-errors-warnings", file = file, count = n),
    }
    .shown()
}
