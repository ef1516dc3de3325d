//! Handlebars helpers: Vietnamese office conventions (dates, numbers, money in words, name
//! order) and list helpers. All are pure functions of their arguments.

use handlebars::Handlebars;
use serde_json::Value;

/// Every helper templates may call, with the number of positional arguments it takes
/// (min, max; `None` for no upper bound). `vanban check` uses this to report unknown helpers
/// and wrong argument counts.
pub const HELPERS: &[(&str, usize, Option<usize>)] = &[];

/// Registers every helper, and `_v` (the engine's value printer), on `hb`.
pub fn register(hb: &mut Handlebars<'_>) {
    let _ = hb;
}

/// How `{{field}}` prints a value: text as it is, whole numbers without `.0` or grouping,
/// fractions with a decimal comma, booleans as `Có` / `Không`, null as nothing.
pub fn format_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
