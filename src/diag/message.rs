//! A message as an id of the catalogue with named arguments: what a diagnostic says, before
//! it is put in a language. `msg!("id", name = value)` builds one.

/// One message: a catalogue id and its arguments, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// A message argument: text (a user value, a path, a library's message), a number (which
/// plural forms select on), or another message rendered in the same language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    Message(Message),
}

impl Message {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Message { id, args }
    }

    /// The message in English, as `Display` prints it.
    pub fn english(&self) -> String {
        super::catalogue::render(self, super::Lang::En)
    }

    pub fn render(&self, lang: super::Lang) -> String {
        super::catalogue::render(self, lang)
    }

    /// The message in the command line's language (`Lang::current`).
    pub fn shown(&self) -> String {
        self.render(super::Lang::current())
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<&&str> for Arg {
    fn from(s: &&str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Message(m)
    }
}

impl From<&Message> for Arg {
    fn from(m: &Message) -> Self {
        Arg::Message(m.clone())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as i64)
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Self {
                Arg::Number(*n as i64)
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, u8, i64, i32);

/// `msg!("data-unknown-field", field = name)`: the message `id` with these arguments.
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::diag::Message::new(
            $id,
            vec![$((stringify!($name), $crate::diag::Arg::from($value))),*],
        )
    };
}
pub(crate) use msg;
