//! OpenAPI 3.1 → 3.0.3 down-conversion for 3.0-only tools, chiefly progenitor.
//!
//! Pure `serde_json`: [`to_oas30`] converts (rules 1–11 in [`document_rules`] and
//! [`schema_rules`]) and applies the meaning-preserving shaping rules S1, S2 and S4;
//! [`for_client`] adds S3 and S5 for progenitor only (see [`shaping`]). Only
//! Schema-Object positions are rewritten ([`walk`]), and anything without a faithful 3.0 form
//! is an [`Oas30Error`] naming its JSON pointer, never silently dropped; so is a `$ref` that
//! dangles or loops ([`refs`]).

mod document_rules;
mod error;
mod refs;
mod schema_rules;
mod shaping;
mod walk;

use std::collections::BTreeMap;

pub use error::{ErrorKind, Oas30Error};
use serde_json::Value;

/// How often each rule fired, for reports and tests (`"1"`–`"11"`, `"S1"`–`"S4"`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    pub hits: BTreeMap<String, usize>,
}

impl Stats {
    fn hit(&mut self, rule: u8) {
        *self.hits.entry(rule.to_string()).or_default() += 1;
    }
    fn hit_shaping(&mut self, rule: &str) {
        *self.hits.entry(rule.to_owned()).or_default() += 1;
    }
}

/// The published 3.0.3 rendition of a 3.1 document: converted, plus the shaping rules that
/// change nothing the document accepts (S1, S2, S4).
pub fn to_oas30(doc: &Value) -> Result<(Value, Stats), Oas30Error> {
    refs::check(doc)?;
    let mut out = doc.clone();
    let mut stats = Stats::default();
    document_rules::convert(&mut out, &mut stats)?;
    shaping::shape(&mut out, &mut stats)?;
    Ok((out, stats))
}

/// The generated client's input: a published 3.0.3 rendition with S3 and S5 applied (one
/// success and one error type per operation). Not published: it is less precise than the
/// rendition it starts from.
pub fn for_client(oas30: &Value) -> Result<(Value, Stats), Oas30Error> {
    let mut out = oas30.clone();
    let mut stats = Stats::default();
    shaping::shape_client(&mut out, &mut stats)?;
    Ok((out, stats))
}
