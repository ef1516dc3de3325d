//! Integration tests: the vanban binary run as a user would, on templates and workbooks
//! written by LibreOffice (tests/fixtures, from ../shared/fixtures) and on packages built in
//! code with runs split on purpose.

mod bad_input;
mod binary_workbooks;
mod check_corpus;
mod common;
mod corpus;
mod data_command;
mod files;
mod fixtures;
mod lang;
mod layers;
mod manifest;
mod manifest_steps;
mod messages;
mod office;
mod office_layouts;
mod pack;
mod pdf;
mod procedure;
mod readme;
mod real_files;
mod register;
mod render;
mod round;
mod sheet_options;
mod spreadsheets;
mod tables;
