//! Contexts: what each document sees.
