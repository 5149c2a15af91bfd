//! The offline checks: one module per kind of corpus or rule.

pub mod coverage;
pub mod document_examples;
pub mod examples;
pub mod negatives;
