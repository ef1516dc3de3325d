//! Command line: clap's raw arguments turned into a validated configuration.

pub fn main() -> i32 {
    0
}
