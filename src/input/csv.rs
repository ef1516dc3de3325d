//! CSV files, in the encodings `encoding` reads, with the delimiter found in the file. Cells are read as text; numbers are decided per
//! column once the header is known (see `numbers`).

use crate::diag::msg;
use std::borrow::Cow;
use std::path::Path;

use super::cells::{self, Cell, GridRow};
use super::encoding::{self, Read};
use super::grid;
use super::{Legacy, LoadOptions, SourceKind, Table, read_error};
use crate::diag::Diagnostic;

pub(crate) fn load(
    path: &Path,
    display: &str,
    options: &LoadOptions,
) -> Result<Table, Vec<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|e| vec![read_error(display, &e)])?;
    let mut table = parse(&bytes, display, options)?;
    if let Some(sheet) = &options.sheet {
        table.warnings.insert(
            0,
            Diagnostic::warning(
                display,
                msg!("input-csv-file-has-no-sheets", sheet = sheet.to_string()),
            ),
        );
    }
    Ok(table)
}

/// For a file that is not UTF-8: how to hand it over, on any Excel.
fn parse(bytes: &[u8], display: &str, options: &LoadOptions) -> Result<Table, Vec<Diagnostic>> {
    // Bytes whose encoding cannot be told stay as they are: the first cell that is not
    // UTF-8 is then named below.
    let (bytes, read) = encoding::decode(bytes).unwrap_or((Cow::Borrowed(bytes), Read::Utf8));
    let bytes = &*bytes;
    let mut options = Cow::Borrowed(options);
    let mut notes = Vec::new();
    match read {
        Read::Utf8 | Read::Utf16 => {}
        Read::Windows1258 => notes.push(
            Diagnostic::note(display, msg!("input-file-not-utf-8-was"))
                .with_hint(msg!("input-save-as-csv-utf8")),
        ),
        Read::Tcvn3 => {
            if options.legacy == Legacy::Auto {
                options.to_mut().legacy = Legacy::Tcvn3;
            }
            notes.push(
                Diagnostic::note(display, msg!("input-file-not-utf-8-was-2"))
                    .with_hint(msg!("input-save-as-csv-utf8")),
            );
        }
    }
    let (delimiter, mut sep_line) = delimiter(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    let mut typed = cells::Typed::new();
    let mut record = ::csv::ByteRecord::new();
    // Blank lines are rows too (Excel shows them), though the csv reader skips them.
    let (mut last_number, mut last_end_line) = (0usize, 0u64);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let location = match e.position() {
                    Some(p) => format!("{display}:line {}", p.line()),
                    None => display.to_string(),
                };
                return Err(vec![Diagnostic::error(
                    location,
                    msg!(
                        "input-cannot-read-csv-file",
                        reason = e.to_string().to_lowercase().to_string()
                    ),
                )]);
            }
        }
        // The position is where the reader stood, before the blank lines it skipped.
        let line = match record.position() {
            Some(p) => {
                let skipped = usize::try_from(p.byte())
                    .ok()
                    .and_then(|start| bytes.get(start..))
                    .map_or(0, |rest| {
                        rest.iter()
                            .take_while(|&&b| b == b'\n' || b == b'\r')
                            .filter(|&&b| b == b'\n')
                            .count()
                    });
                p.line() + skipped as u64
            }
            None => last_end_line + 1,
        };
        let gap = line.saturating_sub(last_end_line + 1) as usize;
        let number = last_number + 1 + gap;
        let newlines: usize = record
            .iter()
            .map(|f| f.iter().filter(|&&b| b == b'\n').count())
            .sum();
        last_number = number;
        last_end_line = line + newlines as u64;
        // Excel's `sep=;` line names the delimiter; it is no row of the table.
        if std::mem::take(&mut sep_line) {
            continue;
        }

        let mut cells = Vec::with_capacity(record.len());
        for (column, field) in record.iter().enumerate() {
            let Ok(text) = std::str::from_utf8(field) else {
                return Err(vec![
                    Diagnostic::error(
                        format!("{display}:line {line}"),
                        msg!(
                            "input-file-not-utf-8-text",
                            column = cells::column_letter(column).to_string(),
                            number = number.to_string()
                        ),
                    )
                    .with_hint(msg!("input-save-as-csv-utf8")),
                ]);
            };
            // Numbers are decided per column, once the header is known (see `numbers`).
            cells::keep_typed(&mut typed, number, column, text);
            cells.push(Cell::text(text));
        }
        rows.push(GridRow { number, cells });
    }
    let mut table = grid::build_table(display, None, SourceKind::Csv, rows, &[], &typed, &options)?;
    table.warnings.splice(0..0, notes);
    Ok(table)
}

/// The delimiter, from the file itself: a `sep=;` first line (Excel's own) names it;
/// otherwise the one of `;`, `,` and tab that splits the first lines into the same number of
/// fields (more than one), quotes respected. Returns it and whether the first line is a `sep=`
/// line.
fn delimiter(bytes: &[u8]) -> (u8, bool) {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let first_line = first_line.strip_suffix(b"\r").unwrap_or(first_line);
    if let Some(&[d]) = first_line.strip_prefix(b"sep=")
        && matches!(d, b';' | b',' | b'\t' | b'|')
    {
        return (d, true);
    }
    // The first lines only, so that the cost does not grow with the file.
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let mut best: Option<((usize, usize), u8)> = None;
    for candidate in [b';', b',', b'\t'] {
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(candidate)
            .from_reader(sample);
        let mut counts: Vec<usize> = Vec::new();
        let mut record = ::csv::ByteRecord::new();
        while counts.len() < 30 && matches!(reader.read_byte_record(&mut record), Ok(true)) {
            if record
                .iter()
                .any(|f| !f.iter().all(u8::is_ascii_whitespace))
            {
                counts.push(record.len());
            }
        }
        // A sample cut in the middle of a line: its last record is not whole.
        if sample.len() < bytes.len() && counts.len() > 1 {
            counts.pop();
        }
        // A delimiter that does not split the first line scores nothing; others score by
        // the lines agreeing with the first line's field count, then by that count.
        let Some(&first) = counts.first().filter(|&&c| c >= 2) else {
            continue;
        };
        let score = (counts.iter().filter(|&&c| c == first).count(), first);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    (best.map_or(b',', |(_, d)| d), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_one_that_splits_the_lines_alike() {
        assert_eq!(delimiter(b"\n\na;b;c\n"), (b';', false));
        assert_eq!(delimiter(b"a\tb\n"), (b'\t', false));
        assert_eq!(delimiter(b"\"x;y\",z"), (b',', false));
        assert_eq!(delimiter(b"only"), (b',', false));
        assert_eq!(delimiter(b""), (b',', false));
        // A comma inside a header of a `;` file, and decimal commas in its data.
        let vietnamese =
            "Họ tên;Địa chỉ (xã, phường);Điểm\nAn;Xã A, huyện B;8,5\nBình;Phường C;7\n";
        assert_eq!(delimiter(vietnamese.as_bytes()), (b';', false));
        assert_eq!(delimiter(b"Ten,Diem\nAn,\"8,5\"\nBinh,7\n"), (b',', false));
        assert_eq!(delimiter(b"sep=;\r\na,b;c\r\n"), (b';', true));
        assert_eq!(delimiter(b"sep=,\na;b,c\n"), (b',', true));
    }
}
