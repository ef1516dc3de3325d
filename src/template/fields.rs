//! The fields a template reads, and in which scope: the document's top level, the rows of a
//! group (`{{#each rows}}`), or somewhere the data's shape is not known statically.

use super::TagInfo;
use super::expr::{self, TagKind, Term};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The document's own fields.
    Root,
    /// Inside `{{#each rows}}` (or a helper over `rows`): the fields of a row.
    Rows,
    /// Inside `{{#each list}}` / `{{#with object}}` over a field of the data (not `rows`):
    /// the fields of its items, which the data may not show (an empty list).
    Items,
    /// Inside a block whose items' shape is unknown.
    Unknown,
}

#[derive(Debug, Clone)]
pub struct FieldUse {
    /// The first segment of the path: `ho_va_ten` for `ho_va_ten`, `this.ho_va_ten`.
    pub field: String,
    pub scope: Scope,
    /// Used where a missing value is allowed (`#if` condition, `default`'s first argument).
    pub optional: bool,
    pub part: usize,
    pub tag: usize,
}

/// Every field use of every part (`parts[i]` is a part's tags; `FieldUse::part` indexes it).
pub fn field_uses(parts: &[&[TagInfo]], slug: bool) -> Vec<FieldUse> {
    let mut uses = Vec::new();
    for (p, tags) in parts.iter().enumerate() {
        part_uses(tags, p, slug, &mut uses);
    }
    uses
}

/// An open block: the scope inside it and, for `#if x` / `#unless x`, the field whose
/// presence its branch depends on.
struct Frame {
    scope: Scope,
    /// (field, its scope, whether the block is `#unless`).
    condition: Option<(String, Scope, bool)>,
    in_else: bool,
}

impl Frame {
    fn new(scope: Scope) -> Frame {
        Frame {
            scope,
            condition: None,
            in_else: false,
        }
    }

    /// The field that is present wherever this block's current branch renders.
    fn guard(&self) -> Option<(&str, Scope)> {
        match &self.condition {
            Some((field, scope, unless)) if *unless == self.in_else => Some((field, *scope)),
            _ => None,
        }
    }
}

/// The field a condition is, when it is a single path (`#if so_dien_thoai`).
fn condition_field(args: &[Term], scope: Scope) -> Option<(String, Scope)> {
    match args {
        [Term::Path(path)] => {
            field_of(path).map(|(f, in_root)| (f, if in_root { Scope::Root } else { scope }))
        }
        _ => None,
    }
}

fn part_uses(tags: &[TagInfo], p: usize, slug: bool, uses: &mut Vec<FieldUse>) {
    let mut scopes = vec![Frame::new(Scope::Root)];
    // The names of column blocks' items (`{{#each_col nam_khen as |nam|}}`).
    let mut column_items: Vec<String> = Vec::new();
    for (t, tag) in tags.iter().enumerate() {
        let scope = scopes.last().map_or(Scope::Root, |f| f.scope);
        let expr_text = expr::terms_text(&tag.kind, &tag.expr);
        let expr_text = if slug {
            expr::slug_brackets(&expr_text)
        } else {
            expr_text
        };
        let terms = match expr::parse_terms(&expr_text) {
            Ok(terms) if !tag.unreadable => terms,
            // Its blocks still open and close.
            _ => {
                match tag.kind {
                    TagKind::Open(_) => scopes.push(Frame::new(Scope::Unknown)),
                    TagKind::Close(_) if scopes.len() > 1 => {
                        scopes.pop();
                    }
                    _ => {}
                }
                continue;
            }
        };
        // Inside `{{#if x}}` (or the else of `{{#unless x}}`), a use of `x` renders only
        // where `x` is present: it may be missing as the condition may.
        let guards: Vec<(&str, Scope)> = scopes.iter().filter_map(Frame::guard).collect();
        let guarded = |field: &str, scope: Scope| guards.contains(&(field, scope));
        let mut record = |field: String, scope: Scope, optional: bool| {
            if column_items.contains(&field) {
                return;
            }
            let optional = optional || guarded(&field, scope);
            uses.push(FieldUse {
                field,
                scope,
                optional,
                part: p,
                tag: t,
            })
        };
        match &tag.kind {
            // A column block keeps the context of each cell: it opens no scope; its item's
            // name is no field.
            TagKind::Open(helper) if super::blocks::is_column_helper(helper) => {
                let args = terms.get(1..).unwrap_or(&[]);
                collect(args, scope, helper != "each_col", &mut record);
                for arg in args {
                    if let Term::BlockParams(names) = arg {
                        column_items.extend(names.iter().cloned());
                    }
                }
            }
            TagKind::Close(helper) if super::blocks::is_column_helper(helper) => {}
            TagKind::Open(helper) => {
                let args = terms.get(1..).unwrap_or(&[]);
                let conditional = matches!(helper.as_str(), "if" | "unless");
                collect(args, scope, conditional, &mut record);
                let inner = match helper.as_str() {
                    "each" | "with" => match args.first() {
                        Some(Term::Path(path))
                            if scope == Scope::Root && head(path).as_deref() == Some("rows") =>
                        {
                            Scope::Rows
                        }
                        Some(Term::Call(call))
                            if scope == Scope::Root
                                && matches!(call.name.as_str(), "where" | "sort" | "sort_ten")
                                && matches!(call.args.first(), Some(Term::Path(p)) if p == "rows") =>
                        {
                            Scope::Rows
                        }
                        Some(Term::Path(path))
                            if scope == Scope::Root && field_of(path).is_some_and(|(_, r)| !r) =>
                        {
                            Scope::Items
                        }
                        _ => Scope::Unknown,
                    },
                    _ => scope,
                };
                let mut frame = Frame::new(inner);
                if conditional {
                    frame.condition = condition_field(args, scope)
                        .map(|(field, scope)| (field, scope, helper == "unless"));
                }
                scopes.push(frame);
            }
            TagKind::Else => {
                // `else if x`: a condition in the enclosing block's scope.
                let args = terms.get(1..).unwrap_or(&[]);
                let outer = scopes
                    .get(scopes.len().saturating_sub(2))
                    .map_or(Scope::Root, |f| f.scope);
                collect(args, outer, true, &mut record);
                if scopes.len() > 1
                    && let Some(frame) = scopes.last_mut()
                {
                    if args.is_empty() {
                        frame.in_else = true;
                    } else {
                        // `else if y`: the branch renders where `y` is present.
                        frame.condition = condition_field(args, outer).map(|(f, s)| (f, s, false));
                        frame.in_else = false;
                    }
                }
            }
            TagKind::Close(_) => {
                if scopes.len() > 1 {
                    scopes.pop();
                }
            }
            TagKind::Value => {
                if expr::is_single_term(&terms) {
                    collect(&terms, scope, false, &mut record);
                } else {
                    // `{{default x "..."}}`: x may be missing, as in `(default x "...")`.
                    let args = terms.get(1..).unwrap_or(&[]);
                    let fallback = matches!(terms.first(), Some(Term::Path(h)) if h == "default");
                    for (i, arg) in args.iter().enumerate() {
                        collect(
                            std::slice::from_ref(arg),
                            scope,
                            fallback && i == 0,
                            &mut record,
                        );
                    }
                }
            }
            TagKind::Comment => {}
        }
    }
}

/// Records the paths among `args`; `optional` marks top-level paths of a condition.
fn collect(
    args: &[Term],
    scope: Scope,
    optional: bool,
    record: &mut impl FnMut(String, Scope, bool),
) {
    for arg in args {
        match arg {
            Term::Path(path) => {
                if let Some((field, in_root)) = field_of(path) {
                    record(field, if in_root { Scope::Root } else { scope }, optional);
                }
            }
            Term::Call(call) => {
                for (i, a) in call.args.iter().enumerate() {
                    let optional = call.name == "default" && i == 0;
                    collect(std::slice::from_ref(a), scope, optional, record);
                }
            }
            Term::Hash(_, value) => collect(std::slice::from_ref(value), scope, false, record),
            Term::Literal(_) | Term::BlockParams(_) => {}
        }
    }
}

/// The field a path starts with, and whether it is read from the root (`@root.x`).
/// `None` for paths whose target is not a data field (`this`, `@index`, `../x`).
fn field_of(path: &str) -> Option<(String, bool)> {
    if let Some(rest) = path.strip_prefix("@root.") {
        return head(rest).map(|h| (h, true));
    }
    if path.starts_with('@') || path.starts_with("../") || path == "this" || path == "." {
        return None;
    }
    let rest = path
        .strip_prefix("this.")
        .or_else(|| path.strip_prefix("./"))
        .unwrap_or(path);
    head(rest).map(|h| (h, false))
}

/// The first segment of a path, brackets removed.
pub fn head(path: &str) -> Option<String> {
    let segment = if let Some(inner) = path.strip_prefix('[') {
        inner.split(']').next().unwrap_or("")
    } else {
        path.split(['.', '/']).next().unwrap_or("")
    };
    (!segment.is_empty()).then(|| segment.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_give_their_first_field() {
        assert_eq!(field_of("ho_va_ten"), Some(("ho_va_ten".into(), false)));
        assert_eq!(field_of("this.diem"), Some(("diem".into(), false)));
        assert_eq!(field_of("@root.nam"), Some(("nam".into(), true)));
        assert_eq!(field_of("[ho_va_ten]"), Some(("ho_va_ten".into(), false)));
        assert_eq!(field_of("don_vi.ten"), Some(("don_vi".into(), false)));
        assert_eq!(field_of("@index"), None);
        assert_eq!(field_of("../nam"), None);
    }
}
