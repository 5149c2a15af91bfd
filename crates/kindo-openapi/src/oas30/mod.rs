//! OpenAPI 3.1 → 3.0.3 down-conversion for 3.0-only tools, chiefly progenitor.
//!
//! Pure `serde_json`: [`to_oas30`] converts (rules 1–11 in [`document_rules`] and
//! [`schema_rules`]) and then applies the client-shaping rules S1–S4 in [`shaping`]. Only
//! Schema-Object positions are rewritten ([`walk`]), and anything without a faithful 3.0 form
//! is an [`Oas30Error`] naming its JSON pointer, never silently dropped.

mod document_rules;
mod error;
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

/// The 3.0.3 rendition of a 3.1 document, shaped for progenitor.
pub fn to_oas30(doc: &Value) -> Result<(Value, Stats), Oas30Error> {
    let mut out = doc.clone();
    let mut stats = Stats::default();
    document_rules::convert(&mut out, &mut stats)?;
    shaping::shape(&mut out, &mut stats)?;
    Ok((out, stats))
}
