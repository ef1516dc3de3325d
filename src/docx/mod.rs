//! The .docx package.
