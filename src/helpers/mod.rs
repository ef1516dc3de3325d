//! Handlebars helpers: Vietnamese office conventions (dates, numbers, money in words, name
//! order) and list helpers. All are pure functions of their arguments.
//!
//! Every helper returns a JSON value through `call_inner` (never writes to the output), so any
//! of them can be used in a subexpression: `{{so (sum rows "tong_diem")}}`,
//! `{{#each (sort_ten (where rows "don_vi" "Phòng A") "ho_va_ten")}}`. The engine rewrites value
//! tags to `{{_v …}}`, which prints one value by [`format_value`] and refuses missing data.
//!
//! Conventions shared by the helpers:
//! - An argument that names a missing field fails with `MissingVariable` (like `{{x}}` in
//!   strict mode), except where a missing value is meaningful: `default`, `and`, `or`, `not` and
//!   the comparisons (`eq`, `in`, …), where it counts as empty.
//! - A value that is present but empty (`""`, null) prints nothing through the formatting helpers
//!   (`so`, `ngay`, `ngay_thang`, `doc_so`, `doc_tien`, `la_ma`, `hoa`, `thuong`).
//! - A wrong argument fails with a [`HelperError`], a catalogue message (`<helper>: expected …,
//!   found '…'` in English), carried as `RenderErrorReason::NestedError` so the stage that
//!   reports it says it in the reader's language ([`message_of`]); a wrong number of
//!   arguments with `<helper>: expected 1 argument, found 2`.
//! - Numbers may be JSON numbers or text (`"1250000"`, `"7,5"`, `"1.250.000"`): see the
//!   `number` module for the exact rules. Dates are text: see the `date` module.
//! - A helper name used bare, without arguments, where the helper needs some (`{{count}}`,
//!   `{{so}}`), gives the field of that name when the current scope has one: Handlebars would
//!   otherwise call the helper. `stt` takes no arguments, so the engine must write a bare
//!   `{{stt}}` as `{{_v (stt)}}` (or leave it as it is), not as `{{_v stt}}`.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, PathAndJson, RenderContext, RenderError,
    RenderErrorReason, ScopedJson,
};
use serde_json::Value;

use crate::diag::{Message, msg};

mod collate;
mod date;

/// Dates as the helpers read them (`dd/mm/yyyy`, ISO, with or without a time), for the
/// stages above that compare or re-write a document's dates.
pub(crate) use date::{DateTime, parse_date};
mod list;
mod logic;
mod number;
mod text;
mod words;

#[cfg(test)]
mod tests;

/// Every helper templates may call, with the number of positional arguments it takes
/// (min, max; `None` for no upper bound). `vanban check` uses this to report unknown helpers
/// and wrong argument counts.
pub const HELPERS: &[(&str, usize, Option<usize>)] = &[
    // Handlebars built-ins.
    ("if", 1, Some(1)),
    ("unless", 1, Some(1)),
    ("each", 1, Some(1)),
    ("with", 1, Some(1)),
    ("lookup", 2, Some(2)),
    ("log", 1, None),
    // Values.
    ("ngay_thang", 1, Some(1)),
    ("ngay", 1, Some(2)),
    ("so", 1, Some(2)),
    ("doc_so", 1, Some(1)),
    ("doc_tien", 1, Some(1)),
    ("la_ma", 1, Some(1)),
    ("hoa", 1, Some(1)),
    ("hoa_dau", 1, Some(1)),
    ("thuong", 1, Some(1)),
    ("stt", 0, Some(0)),
    // Lists. `count` takes 1, or 3 or more arguments (2 is refused when called).
    ("sum", 2, Some(2)),
    ("count", 1, None),
    ("lien_tuc", 5, Some(5)),
    ("ty_le", 2, Some(2)),
    ("where", 3, Some(3)),
    ("sort", 2, Some(3)),
    ("sort_ten", 2, Some(2)),
    ("group", 2, Some(2)),
    // Logic.
    ("eq", 2, Some(2)),
    ("ne", 2, Some(2)),
    ("gt", 2, Some(2)),
    ("gte", 2, Some(2)),
    ("lt", 2, Some(2)),
    ("lte", 2, Some(2)),
    ("and", 2, None),
    ("or", 2, None),
    ("not", 1, Some(1)),
    ("in", 2, None),
    ("default", 2, Some(2)),
];

/// What a helper that takes arguments needs, and a call written in full: said when a tag
/// names the helper alone (`{{doc_tien}}`) and the data has no field of that name.
pub fn needs(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "ngay_thang" => ("a date", "{{ngay_thang ngay_ky}}"),
        "ngay" => ("a date", "{{ngay ngay_sinh \"dd/mm/yyyy\"}}"),
        "so" => ("a number", "{{so tong_tien}}"),
        "doc_so" => ("a number", "{{doc_so so_luong}}"),
        "doc_tien" => ("a number", "{{doc_tien tong_tien}}"),
        "la_ma" => ("a number", "{{la_ma @index}}"),
        "hoa" | "hoa_dau" | "thuong" => ("a text", "{{hoa ten_don_vi}}"),
        "sum" => ("a list and a field", "{{sum rows \"tong_diem\"}}"),
        "count" => ("a list", "{{count rows}}"),
        "lien_tuc" => (
            "a list, a field, a value, a year and a count",
            "{{lien_tuc lich_su \"noi_dung\" \"Chiến sĩ thi đua cơ sở\" 2024 2}}",
        ),
        "ty_le" => (
            "two numbers",
            "{{ty_le (count rows \"dat\" \"Đạt\") (count rows)}}",
        ),
        "where" => (
            "a list, a field and a value",
            "{{where rows \"hinh_thuc\" \"Giấy khen\"}}",
        ),
        "sort" | "sort_ten" => ("a list and a field", "{{sort rows \"tong_diem\"}}"),
        "group" => ("a list and a field", "{{group rows \"ten_don_vi\"}}"),
        "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "and" | "or" | "in" => {
            ("two values", "{{eq xep_loai \"A\"}}")
        }
        "not" => ("a value", "{{not da_khen}}"),
        "default" => (
            "a value and a fallback",
            "{{default chuc_vu \"Chuyên viên\"}}",
        ),
        "lookup" => ("an object and a key", "{{lookup don_vi \"ten\"}}"),
        "log" => ("a value", "{{log ho_ten}}"),
        _ => return None,
    })
}

/// The Handlebars helpers that `register` leaves to Handlebars.
#[cfg(test)]
const BUILT_INS: &[&str] = &["if", "unless", "each", "with", "lookup", "log"];

type HelperFn = fn(&Args<'_, '_>) -> Result<Value, RenderError>;

/// Our helpers with their implementations; their argument counts come from [`HELPERS`].
const IMPLEMENTATIONS: &[(&str, HelperFn)] = &[
    ("ngay_thang", text::ngay_thang),
    ("ngay", text::ngay),
    ("so", text::so),
    ("doc_so", text::doc_so),
    ("doc_tien", text::doc_tien),
    ("la_ma", text::la_ma),
    ("hoa", text::hoa),
    ("hoa_dau", text::hoa_dau),
    ("thuong", text::thuong),
    ("stt", text::stt),
    ("sum", list::sum),
    ("count", list::count),
    ("lien_tuc", list::lien_tuc),
    ("ty_le", list::ty_le),
    ("where", list::where_),
    ("sort", list::sort),
    ("sort_ten", list::sort_ten),
    ("group", list::group),
    ("eq", logic::eq),
    ("ne", logic::ne),
    ("gt", logic::gt),
    ("gte", logic::gte),
    ("lt", logic::lt),
    ("lte", logic::lte),
    ("and", logic::and),
    ("or", logic::or),
    ("not", logic::not),
    ("in", logic::in_),
    ("default", logic::default),
];

/// Registers every helper, and `_v` (the engine's value printer), on `hb`.
pub fn register(hb: &mut Handlebars<'_>) {
    for &(name, f) in IMPLEMENTATIONS {
        let (min, max) = HELPERS
            .iter()
            .find(|(n, _, _)| *n == name)
            .map_or((0, None), |&(_, min, max)| (min, max));
        hb.register_helper(name, Box::new(ValueHelper { name, min, max, f }));
    }
    hb.register_helper(
        "_v",
        Box::new(ValueHelper {
            name: "_v",
            min: 1,
            max: Some(1),
            f: print_value,
        }),
    );
}

/// How `{{field}}` prints a value: text as it is, whole numbers without `.0` or grouping,
/// fractions with a decimal comma (at most ten decimals, trailing zeros trimmed), booleans as
/// `Có` / `Không`, null as nothing, a list as its values joined with `, `, an object as nothing.
pub fn format_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => number::format_number(n),
        Value::Bool(true) => "Có".to_string(),
        Value::Bool(false) => "Không".to_string(),
        Value::Null | Value::Object(_) => String::new(),
        Value::Array(items) => items
            .iter()
            .map(format_value)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// `_v`: one value as [`format_value`] prints it; missing data, lists and objects are errors.
fn print_value(args: &Args<'_, '_>) -> Result<Value, RenderError> {
    let value = args.value(0)?;
    let shown = args.params[0]
        .relative_path()
        .map(|p| format!("'{p}'"))
        .unwrap_or_else(|| "this expression".to_string());
    match value {
        Value::Array(_) => {
            let hint = match args.params[0].relative_path() {
                Some(p) => format!("{{{{#each {p}}}}} … {{{{/each}}}}"),
                None => "{{#each (…)}} … {{/each}}".to_string(),
            };
            Err(other(msg!(
                "helper-list-not-value",
                shown = shown,
                hint = hint
            )))
        }
        Value::Object(_) => {
            let hint = match args.params[0].relative_path() {
                Some(p) => format!("{{{{#with {p}}}}} … {{{{/with}}}}"),
                None => "{{#with (…)}} … {{/with}}".to_string(),
            };
            Err(other(msg!(
                "helper-object-not-value",
                shown = shown,
                hint = hint
            )))
        }
        v => Ok(Value::String(format_value(v))),
    }
}

/// A helper's failure as a catalogue message, carried through Handlebars to the stage that
/// reports it, which says it in the reader's language (`Display` is the English).
#[derive(Debug)]
pub struct HelperError(pub Message);

impl std::fmt::Display for HelperError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for HelperError {}

/// The message of a render error that one of our helpers raised.
pub fn message_of(reason: &RenderErrorReason) -> Option<&Message> {
    match reason {
        RenderErrorReason::NestedError(e) => e.downcast_ref::<HelperError>().map(|e| &e.0),
        _ => None,
    }
}

pub(crate) fn other(message: Message) -> RenderError {
    RenderErrorReason::NestedError(Box::new(HelperError(message))).into()
}

/// A helper of this module: checks the arguments, then computes a JSON value.
struct ValueHelper {
    name: &'static str,
    min: usize,
    max: Option<usize>,
    f: HelperFn,
}

impl HelperDef for ValueHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let name = self.name;
        if h.params().is_empty() && self.min > 0 && !h.is_block() {
            // A bare `{{count}}` or `{{so}}`: Handlebars calls a helper before it looks for a
            // field of the same name, but here the author means the field (grouped documents
            // and `group` entries have `count`; a column `Số` is `so`). Give the field.
            let field = rc.evaluate(ctx, name)?;
            if !field.is_missing() {
                return Ok(field);
            }
        }
        if h.is_block() {
            return Err(other(msg!("helper-not-block", name = name)));
        }
        if let Some(key) = h.hash().keys().next() {
            return Err(other(msg!(
                "helper-no-named-arguments",
                name = name,
                key = key.to_string()
            )));
        }
        let found = h.params().len();
        if found < self.min || self.max.is_some_and(|max| found > max) {
            return Err(other(msg!(
                "helper-argument-count",
                name = name,
                expected = expected_count(self.min, self.max),
                found = found
            )));
        }
        let index = rc
            .block()
            .and_then(|b| b.get_local_var("index"))
            .and_then(Value::as_u64);
        let args = Args {
            name,
            params: h.params(),
            index,
        };
        (self.f)(&args).map(ScopedJson::Derived)
    }
}

/// `1 argument`, `1 or 2 arguments`, `at least 2 arguments`, `no arguments`.
fn expected_count(min: usize, max: Option<usize>) -> Message {
    match max {
        Some(0) => msg!("helper-count-none"),
        Some(max) if max == min => msg!("helper-count-exactly", min = min),
        Some(max) if max == min + 1 => msg!("helper-count-or", min = min, max = max),
        Some(max) => msg!("helper-count-range", min = min, max = max),
        None => msg!("helper-count-at-least", min = min),
    }
}

/// The arguments of one helper call.
pub(crate) struct Args<'a, 'rc> {
    pub(crate) name: &'static str,
    params: &'a [PathAndJson<'rc>],
    /// `@index` of the innermost `#each` around the call.
    index: Option<u64>,
}

impl Args<'_, '_> {
    pub(crate) fn len(&self) -> usize {
        self.params.len()
    }

    /// Argument `i`; a missing field is a `MissingVariable` error naming it.
    pub(crate) fn value(&self, i: usize) -> Result<&Value, RenderError> {
        let param = &self.params[i];
        if param.is_value_missing() {
            Err(RenderErrorReason::MissingVariable(param.relative_path().cloned()).into())
        } else {
            Ok(param.value())
        }
    }

    /// Argument `i`, null when missing.
    pub(crate) fn lenient(&self, i: usize) -> &Value {
        self.params[i].value()
    }

    pub(crate) fn is_missing(&self, i: usize) -> bool {
        self.params[i].is_value_missing()
    }

    pub(crate) fn index(&self) -> Option<u64> {
        self.index
    }

    /// `<helper>: <message>`, as a render error.
    pub(crate) fn fail(&self, message: Message) -> RenderError {
        other(msg!("helper-failed", name = self.name, message = message))
    }

    /// `<helper>: expected <what>, found '<value>'`.
    pub(crate) fn expected(&self, what: Message, found: &Value) -> RenderError {
        self.fail(msg!(
            "helper-expected",
            what = what,
            found = describe(found)
        ))
    }
}

/// A value as error messages show it: `'abc'`, `'7,5'`, `a list`, `an object`, `nothing`.
pub(crate) fn describe(value: &Value) -> Message {
    match value {
        Value::Array(_) => msg!("helper-value-list"),
        Value::Object(_) => msg!("helper-value-object"),
        Value::Null => msg!("helper-value-nothing"),
        Value::Bool(b) => msg!("helper-value-quoted", value = b.to_string()),
        v => {
            let text = format_value(v);
            let mut shown: String = text.chars().take(60).collect();
            if shown.len() < text.len() {
                shown.push('…');
            }
            msg!("helper-value-quoted", value = shown)
        }
    }
}
