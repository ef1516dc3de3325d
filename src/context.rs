//! Contexts: what each document sees. One document per row, or one per distinct value of a
//! field (in order of first appearance) with `rows` and `count`; globals (`--set`, `today`)
//! visible by bare name everywhere, a row field of the same name winning.

use crate::diag::msg;
use serde_json::{Map, Value};

use crate::diag::Diagnostic;
use crate::helpers::format_value;
use crate::input::{SourceKind, Table};

/// One document to render.
#[derive(Debug, Clone)]
pub struct Document {
    pub data: Value,
    /// Where its data came from, for messages: `inputs/x.xlsx:CanBo!A7`, or
    /// `group 'CCKL' (inputs/x.xlsx:DanhSach!A4)`.
    pub origin: String,
    /// For a document made of one row: the cell each field came from (`inputs/x.xlsx:CanBo!C7`),
    /// so that an error in a value names its own cell.
    pub cells: Vec<(String, String)>,
    /// For a document made of a group: the same for each of its `rows`, in order.
    pub member_cells: Vec<Vec<(String, String)>>,
}

impl Document {
    /// Where the value a failed tag reads came from: the cell of the first field in `read`
    /// the document's row has; in a group, the cell of the first member whose value of one
    /// of those fields the message quotes (`found '32/13/2023'`); the document's origin
    /// otherwise.
    pub fn origin_of(&self, read: &[String], message: &str) -> &str {
        if let Some((_, cell)) = read
            .iter()
            .find_map(|f| self.cells.iter().find(|(k, _)| k == f))
        {
            return cell;
        }
        let rows = self.data.get("rows").and_then(Value::as_array);
        for (member, cells) in rows.into_iter().flatten().zip(&self.member_cells) {
            for field in read {
                let Some(value) = member.get(field) else {
                    continue;
                };
                let text = match value {
                    Value::String(s) => s.clone(),
                    Value::Null => continue,
                    other => other.to_string(),
                };
                if !text.is_empty()
                    && message.contains(&format!("'{text}'"))
                    && let Some((_, cell)) = cells.iter().find(|(k, _)| k == field)
                {
                    return cell;
                }
            }
        }
        &self.origin
    }
}

/// The cell each field of row `i` came from.
fn row_cells(table: &Table, i: usize) -> Vec<(String, String)> {
    table
        .columns
        .iter()
        .filter(|c| !c.letter.is_empty())
        .map(|c| {
            let cell = table.cell_location(&c.letter, table.rows[i].number);
            (c.key.clone(), cell)
        })
        .collect()
}

/// Globals every document sees: `today` (the run date, `dd/mm/yyyy`) and `--set` values.
pub fn globals(today: &str, set: &[(String, String)]) -> Map<String, Value> {
    let mut globals = Map::new();
    globals.insert("today".into(), Value::String(today.to_string()));
    for (key, value) in set {
        globals.insert(key.clone(), typed_setting(value));
    }
    globals
}

/// `--set nam=2025` gives the number 2025, typed as a CSV cell would be; other values stay
/// text.
fn typed_setting(value: &str) -> Value {
    crate::input::plain_number(value).unwrap_or_else(|| Value::String(value.to_string()))
}

/// A row as templates see it: its fields, `_row`, and the globals it does not shadow.
fn row_object(table: &Table, index: usize, globals: &Map<String, Value>) -> Map<String, Value> {
    row_object_of(table, index, globals, None)
}

/// A row's fields and the globals, or only those in `keep` (a name pattern or a filter needs
/// a few fields, not the rows joined to the row).
fn row_object_of(
    table: &Table,
    index: usize,
    globals: &Map<String, Value>,
    keep: Option<&Keep>,
) -> Map<String, Value> {
    let row = &table.rows[index];
    let mut object = match keep {
        None => table.fields(index).into_owned(),
        Some(keep) => table
            .fields(index)
            .iter()
            .filter(|(k, _)| keep.contains(k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    };
    object.insert("_row".into(), Value::from(row.number));
    for (key, value) in globals {
        if !object.contains_key(key) && keep.is_none_or(|keep| keep.contains(key.as_str())) {
            object.insert(key.clone(), value.clone());
        }
    }
    object
}

/// The fields a part of the work reads (see [`Documents::get_only`]).
pub type Keep = std::collections::HashSet<String>;

/// The key of the `--group-by` column (named by its key or its header text).
pub fn group_key(table: &Table, field: &str) -> Result<String, Diagnostic> {
    match table.column(field) {
        Some(column) => Ok(column.key.clone()),
        None => {
            let mut d = Diagnostic::error(
                table.source.clone(),
                msg!("context-group-no-column-data", field = field.to_string()),
            );
            let names = table
                .columns
                .iter()
                .flat_map(|c| [c.key.as_str(), c.header.as_str()]);
            if let Some(near) = crate::diag::closest(field, names) {
                d = d.with_hint(msg!("manifest-did-you-mean", near = near.to_string()));
            }
            Err(d)
        }
    }
}

/// The documents of a run, built one at a time when asked for, so a batch holds only the
/// data and the documents being rendered.
pub struct Documents<'a> {
    table: &'a Table,
    globals: &'a Map<String, Value>,
    /// Per group: its value and its rows (indices into the table), in order of first
    /// appearance; `None`: one document per row.
    groups: Option<Vec<(String, Vec<usize>)>>,
    /// One document for the whole table: `rows` and `count` beside the globals.
    whole: bool,
}

impl<'a> Documents<'a> {
    /// One document per row.
    pub fn per_row(table: &'a Table, globals: &'a Map<String, Value>) -> Self {
        Documents {
            table,
            globals,
            groups: None,
            whole: false,
        }
    }

    /// One document for the whole table (a Department's summary of every unit).
    pub fn whole(table: &'a Table, globals: &'a Map<String, Value>) -> Self {
        Documents {
            table,
            globals,
            groups: Some(vec![(String::new(), (0..table.rows.len()).collect())]),
            whole: true,
        }
    }

    /// One document per distinct value of `field`, in order of first appearance.
    pub fn per_group(
        table: &'a Table,
        field: &str,
        globals: &'a Map<String, Value>,
    ) -> Result<Self, Diagnostic> {
        let key = group_key(table, field)?;
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for i in 0..table.rows.len() {
            let value = table
                .fields(i)
                .get(&key)
                .map(format_value)
                .unwrap_or_default();
            match index.get(&value) {
                Some(&g) => groups[g].1.push(i),
                None => {
                    index.insert(value.clone(), groups.len());
                    groups.push((value, vec![i]));
                }
            }
        }
        Ok(Documents {
            table,
            globals,
            groups: Some(groups),
            whole: false,
        })
    }

    pub fn len(&self) -> usize {
        match &self.groups {
            Some(groups) => groups.len(),
            None => self.table.rows.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The default file name's suffix of the `i`th document (its group value or row
    /// number), without building its data.
    pub fn suffix(&self, i: usize) -> Option<String> {
        if self.whole {
            return None;
        }
        match &self.groups {
            Some(groups) => Some(groups[i].0.clone()),
            None if self.table.kind == SourceKind::JsonObject => None,
            None => Some(self.table.rows[i].number.to_string()),
        }
    }

    /// The row the `i`th document's own fields come from (a group's first row); `None` for
    /// the whole table.
    pub fn row_of(&self, i: usize) -> Option<usize> {
        match &self.groups {
            _ if self.whole => None,
            None => Some(i),
            Some(groups) => groups[i].1.first().copied(),
        }
    }

    /// The table the documents are made from.
    pub fn table(&self) -> &'a Table {
        self.table
    }

    /// The `i`th document of the run.
    pub fn get(&self, i: usize) -> Document {
        self.get_only(i, None)
    }

    /// The `i`th document with only the fields in `keep` (and `rows` only if it is kept):
    /// what a name pattern, a filter or a date reads, without copying the rest.
    pub fn get_only(&self, i: usize, keep: Option<&Keep>) -> Document {
        let (table, globals) = (self.table, self.globals);
        match &self.groups {
            None => Document {
                data: Value::Object(row_object_of(table, i, globals, keep)),
                origin: table.row_location(table.rows[i].number),
                cells: row_cells(table, i),
                member_cells: Vec::new(),
            },
            Some(groups) => {
                let (value, members) = &groups[i];
                let with_rows = keep.is_none_or(|k| k.contains("rows"));
                let rows: Vec<Value> = if with_rows {
                    members
                        .iter()
                        .map(|&r| Value::Object(row_object(table, r, globals)))
                        .collect()
                } else {
                    Vec::new()
                };
                let member_cells: Vec<Vec<(String, String)>> = if with_rows {
                    members.iter().map(|&r| row_cells(table, r)).collect()
                } else {
                    Vec::new()
                };
                let mut object = match members.first() {
                    Some(&first) if !self.whole => row_object_of(table, first, globals, keep),
                    _ if keep.is_some() => globals
                        .iter()
                        .filter(|(k, _)| keep.is_some_and(|keep| keep.contains(k.as_str())))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                    _ => globals.clone(),
                };
                object.insert("count".into(), Value::from(members.len()));
                object.insert("rows".into(), Value::Array(rows));
                if self.whole {
                    return Document {
                        data: Value::Object(object),
                        origin: table.source.clone(),
                        cells: Vec::new(),
                        member_cells,
                    };
                }
                Document {
                    data: Value::Object(object),
                    origin: format!(
                        "group '{value}' ({})",
                        table.row_location(table.rows[members[0]].number)
                    ),
                    cells: Vec::new(),
                    member_cells,
                }
            }
        }
    }
}

/// The run date in Hà Nội (UTC+7, no daylight saving), `dd/mm/yyyy`.
pub fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (y, m, d) = crate::input::dates::civil_from_days((seconds + 7 * 3600).div_euclid(86_400));
    format!("{d:02}/{m:02}/{y:04}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_that_look_like_plain_numbers_are_numbers() {
        assert_eq!(typed_setting("2025"), Value::from(2025));
        assert_eq!(typed_setting("7.5"), serde_json::json!(7.5));
        assert_eq!(typed_setting("0109"), Value::from("0109"));
        assert_eq!(typed_setting("Hà Nội"), Value::from("Hà Nội"));
    }
}
