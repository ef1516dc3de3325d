//! Batch: documents rendered and written.
