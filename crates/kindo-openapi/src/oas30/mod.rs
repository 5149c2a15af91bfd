//! OpenAPI 3.1 → 3.0.3 down-conversion for 3.0-only tools, chiefly progenitor.
//!
//! Pure `serde_json`: [`to_oas30`] converts (rules 1–12 in [`document_rules`] and
//! [`schema_rules`]; nullable references in [`nullable_refs`]) and applies the
//! meaning-preserving shaping rules S1, S2 and S4; [`for_client`] adds S3 and S5–S8 for
//! progenitor only (see [`shaping`]). Only
//! Schema-Object positions are rewritten ([`walk`]), and anything without a faithful 3.0 form
//! is an [`Oas30Error`] naming its JSON pointer, never silently dropped; so is a `$ref` that
//! dangles or loops ([`refs`]).

mod document_rules;
mod error;
mod nullable_refs;
mod refs;
mod schema_rules;
mod shaping;
mod walk;

pub use error::{ErrorKind, Oas30Error};
use serde_json::Value;
pub use shaping::pascal_case;

/// The published 3.0.3 rendition of a 3.1 document: converted, plus the shaping rules that
/// change nothing the document accepts (S1, S2, S4).
pub fn to_oas30(doc: &Value) -> Result<Value, Oas30Error> {
    refs::check(doc)?;
    let mut out = doc.clone();
    document_rules::convert(&mut out)?;
    shaping::shape(&mut out)?;
    Ok(out)
}

/// The generated client's input: a published 3.0.3 rendition with the client-only rules
/// applied (one success and one error type per operation, nullable references as progenitor
/// types them). Not published: it is less precise than the
/// rendition it starts from.
pub fn for_client(oas30: &Value) -> Result<Value, Oas30Error> {
    let mut out = oas30.clone();
    shaping::shape_client(&mut out)?;
    Ok(out)
}
