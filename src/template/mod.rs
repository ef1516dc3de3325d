//! Template compilation.
