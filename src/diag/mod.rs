//! Diagnostics: every problem vanban reports, with the place it was found.
//!
//! One line per problem, `location: message`, lower case, no final period, user values in
//! single quotes; a `hint:` line follows where the fix is known. Low-level code builds the
//! message; the caller that knows the place sets the location. Messages and hints are ids of
//! the catalogue (`locales/*.ftl`) with arguments, built with `msg!`; `render` puts a
//! diagnostic in English or Vietnamese.

use std::fmt;
use std::path::Path;

pub mod catalogue;
#[cfg(test)]
mod catalogue_tests;
mod message;

pub(crate) use message::msg;
pub use message::{Arg, Message};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Note,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// `inputs/can-bo.xlsx:CanBo!B12` or `templates/x.docx: word/document.xml paragraph 14`;
    /// empty when the problem has no place (then the line starts with `error:`).
    pub location: String,
    /// The message in English, as `Display` prints it.
    pub message: String,
    /// The hints in English.
    pub hints: Vec<String>,
    /// The message and hints as the catalogue holds them, for `render` (boxed: a diagnostic
    /// travels in `Err`s and stays small).
    pub texts: Box<Texts>,
}

/// A diagnostic's message and hints as ids with arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    pub message: Message,
    pub hints: Vec<Message>,
}

impl Diagnostic {
    pub fn error(location: impl Into<String>, message: Message) -> Self {
        Self::new(Severity::Error, location, message)
    }

    pub fn warning(location: impl Into<String>, message: Message) -> Self {
        Self::new(Severity::Warning, location, message)
    }

    pub fn note(location: impl Into<String>, message: Message) -> Self {
        Self::new(Severity::Note, location, message)
    }

    fn new(severity: Severity, location: impl Into<String>, message: Message) -> Self {
        Diagnostic {
            severity,
            location: location.into(),
            message: message.english(),
            hints: Vec::new(),
            texts: Box::new(Texts {
                message,
                hints: Vec::new(),
            }),
        }
    }

    pub fn with_hint(mut self, hint: Message) -> Self {
        self.hints.push(hint.english());
        self.texts.hints.push(hint);
        self
    }

    /// Puts `outer` before the current location (`templates/x.docx` + `word/document.xml ...`).
    pub fn within(mut self, outer: &str) -> Self {
        self.location = if self.location.is_empty() {
            outer.to_string()
        } else {
            format!("{outer}: {}", self.location)
        };
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
            Severity::Note => "note: ",
        };
        if self.location.is_empty() {
            let label = if label.is_empty() { "error: " } else { label };
            write!(f, "{label}{}", self.message)?;
        } else {
            write!(f, "{}: {label}{}", self.location, self.message)?;
        }
        for hint in &self.hints {
            write!(f, "\nhint: {hint}")?;
        }
        Ok(())
    }
}

/// The language messages are shown in: English on the command line by default, Vietnamese on
/// the web page and where the locale is Vietnamese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Vi,
}

impl Lang {
    /// The language the locale asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that
    /// is set and not empty (as POSIX orders them); Vietnamese when it starts with `vi`.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty());
        match locale {
            Some(value) if value.starts_with("vi") => Lang::Vi,
            _ => Lang::En,
        }
    }

    /// The language the command line prints in, set once by `set_current` at the start.
    pub fn current() -> Lang {
        match CURRENT.load(std::sync::atomic::Ordering::Relaxed) {
            1 => Lang::Vi,
            _ => Lang::En,
        }
    }

    pub fn set_current(lang: Lang) {
        let value = match lang {
            Lang::En => 0,
            Lang::Vi => 1,
        };
        CURRENT.store(value, std::sync::atomic::Ordering::Relaxed);
    }
}

static CURRENT: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

impl Diagnostic {
    /// The diagnostic in `lang`. English is what `Display` prints; Vietnamese always names the
    /// kind (`lỗi:`, `cảnh báo:`, `ghi chú:`) after the location, and its hints `gợi ý:`.
    pub fn render(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let label = match self.severity {
            Severity::Error => msg!("label-error"),
            Severity::Warning => msg!("label-warning"),
            Severity::Note => msg!("label-note"),
        }
        .render(lang);
        let message = self.texts.message.render(lang);
        let mut text = if self.location.is_empty() {
            format!("{label}: {message}")
        } else {
            let location = catalogue::location(&self.location, lang);
            format!("{location}: {label}: {message}")
        };
        let hint = msg!("label-hint").render(lang);
        for h in &self.texts.hints {
            text.push_str(&format!("\n{hint}: {}", h.render(lang)));
        }
        text
    }

    /// The diagnostic in the command line's language (`Lang::current`).
    pub fn shown(&self) -> String {
        self.render(Lang::current())
    }
}

/// A stage's failure: every error it found, plus the warnings gathered on the way.
#[derive(Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(ds: Vec<Diagnostic>) -> Self {
        Diagnostics(ds)
    }
}

/// Quotes a user value for a message: `'ho_va_ten'`.
pub fn quote(s: &str) -> String {
    format!("'{s}'")
}

/// A library's message made to start in lower case, as ours do.
pub fn lower(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An I/O error as our messages say it: lower case, without the `(os error N)` suffix.
pub fn io_message(e: &std::io::Error) -> String {
    let text = lower(&e.to_string());
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// An I/O error as a message argument. English shows `text` (the error as the message
/// always showed it: `io_message` or the error's own words); Vietnamese translates the
/// common kinds and falls back to that text.
pub fn io_error(e: &std::io::Error, text: String) -> Message {
    use std::io::ErrorKind;
    let kind = match e.kind() {
        ErrorKind::NotFound => "not-found",
        ErrorKind::PermissionDenied => "permission-denied",
        ErrorKind::StorageFull => "storage-full",
        ErrorKind::AlreadyExists => "already-exists",
        ErrorKind::IsADirectory => "is-a-directory",
        ErrorKind::NotADirectory => "not-a-directory",
        ErrorKind::ReadOnlyFilesystem => "read-only",
        ErrorKind::DirectoryNotEmpty => "not-empty",
        ErrorKind::UnexpectedEof => "unexpected-eof",
        ErrorKind::FileTooLarge => "too-large",
        ErrorKind::InvalidFilename => "invalid-name",
        _ => "other",
    };
    msg!("io-error", kind = kind, text = text)
}

/// What a helper needs (`a date`, `a list and a field`, as `helpers::needs` says it) as a
/// message argument: English shows the words, Vietnamese translates them.
pub fn needs_what(what: &str) -> Message {
    let key = what.replace(", ", " ").replace(' ', "-");
    msg!("helper-needs-what", key = key, text = what)
}

/// An I/O error as `io_message` says it, for a message argument.
pub fn io_arg(e: &std::io::Error) -> Message {
    io_error(e, io_message(e))
}

/// The closest candidate to `name` by edit distance, when close enough to be a typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let name_lower = name.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| !c.is_empty() && *c != name)
        .map(|c| (strsim::levenshtein(&name_lower, &c.to_lowercase()), c))
        .filter(|(distance, c)| {
            *distance <= (c.chars().count().max(name.chars().count()) / 3).max(2)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c.to_string())
}

/// A path as the user wrote it, with `/` separators, for messages.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_prints_location_message_and_hint() {
        let d = Diagnostic::error(
            "word/document.xml paragraph 14",
            msg!("template-unclosed", tag = "{{#each rows}}"),
        )
        .with_hint(msg!("template-close-with", helper = "each"))
        .within("templates/x.docx");
        assert_eq!(
            d.to_string(),
            "templates/x.docx: word/document.xml paragraph 14: unclosed {{#each rows}}\nhint: close it with {{/each}}"
        );
    }

    #[test]
    fn warning_without_location_says_warning() {
        let d = Diagnostic::warning("", msg!("cli-file-exists-already"));
        assert_eq!(d.to_string(), "warning: the file exists already");
    }

    #[test]
    fn typos_find_their_column() {
        assert_eq!(
            closest("ho_ten", ["ho_va_ten", "ngay_sinh"]),
            Some("ho_va_ten".into())
        );
        assert_eq!(closest("xyz", ["ho_va_ten"]), None);
    }
}
