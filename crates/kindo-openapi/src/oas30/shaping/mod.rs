//! Shaping rules, applied after conversion. [`shape`] (S1, S2, S4) changes nothing a
//! document accepts, so its output is the published `spec/oas30/` rendition. [`shape_client`]
//! (S3, S5–S9) trades precision for what progenitor can generate (one success and one error
//! type per operation, `Option<T>` for a nullable reference); its output only feeds the
//! generated client and is never published.
//!
//! * S1 — tagged newtype variants: a `oneOf` branch `{allOf: [objects…]}` is merged into one
//!   object, so typify sees an internally tagged enum instead of `Variant0/1`.
//! * S2 — unsigned integers: `int32|int64` with `minimum >= 0` → `uint32|uint64` (`u32`/`u64`).
//! * S3 — one error type per operation: error responses with different bodies get a
//!   synthesized `<OperationId>Error` component, a `oneOf` (or `anyOf` when the bodies are not
//!   provably disjoint) of the distinct bodies.
//! * S5 — statuses without a JSON body beside typed ones (an undocumented error body, a `202`
//!   with no body next to a `200` with one) are left out of the client's input, so the
//!   generated client reports them as `Error::UnexpectedResponse` with the raw response
//!   instead of progenitor panicking.
//! * S6 — a `default` response beside explicit ones becomes the `4XX` and `5XX` ranges, which
//!   replace the explicit error codes (after S3 they all decode into the same error type):
//!   progenitor counts `default` as both a success and an error type, which breaks its
//!   one-success-type rule; for a client, "any other status" of an API whose successes are all
//!   listed means any other error.
//! * S7 — catch-all tags: a string with both `not: {enum}` and the `pattern` that restates it
//!   (an open union's catch-all, see `kindo-types`) keeps only `not`, so the generated client
//!   needs no regular-expression engine; typify enforces `not: {enum}` itself.
//! * S8 — nullable references: the published `anyOf: [{$ref}, null branch]` goes back to
//!   `{nullable: true, allOf: [{$ref}], type}`, which progenitor types as `Option<T>`
//!   (`oas30::nullable_refs`, which also holds the published form).
//! * S9 — catch-all fields: the catch-all branch of an open union (an object whose tag has
//!   `not: {enum}`) with `additionalProperties: true` gets `additionalProperties: {}`, so the
//!   generated type keeps the fields it forwards instead of dropping them.
//! * S4 — streaming responses: when `text/event-stream` sits beside `application/json`, the JSON
//!   media type is put first so progenitor (and readers) type the response from it; a request
//!   body with several media types, which progenitor cannot generate, is an error.
//!
//! One file per rule: published rules in [`tagged_variants`] (S1), [`unsigned`] (S2) and
//! [`streaming`] (S4); client-only rules in [`error_type`] (S3), [`statuses`] (S5, S6),
//! [`catch_all`] (S7, S9) and `oas30::nullable_refs` (S8).

mod catch_all;
mod error_type;
pub use error_type::pascal_case;
mod statuses;
mod streaming;
mod tagged_variants;
#[cfg(test)]
mod tests;
mod unsigned;

use serde_json::{Map, Value};

use super::error::{ErrorKind, Oas30Error, Result, push};
use super::walk::{self, METHODS};

/// S1, S2 and S4: what the published rendition gets (nothing it accepts changes).
pub fn shape(doc: &mut Value) -> Result<()> {
    let schemas = doc
        .pointer("/components/schemas")
        .cloned()
        .unwrap_or_else(|| Value::Object(Map::new()));
    walk::every_schema(doc, &mut |s, p| {
        tagged_variants::s1_inline_tagged_variants(s, p, &schemas)
    })?;
    walk::every_schema(doc, &mut |s, _| {
        unsigned::s2_unsigned_formats(s);
        Ok(())
    })?;
    for_each_operation(doc, &mut |op, ptr| streaming::s4_streaming_media(op, ptr))
}

/// S8 (nullable references as progenitor types them), S7, S9, S5, S3 and S6 on an already
/// converted and [`shape`]d document: the generated client's input.
pub fn shape_client(doc: &mut Value) -> Result<()> {
    super::nullable_refs::for_client(doc)?;
    let schemas = doc
        .pointer("/components/schemas")
        .cloned()
        .unwrap_or_else(|| Value::Object(Map::new()));
    walk::every_schema(doc, &mut |s, _| {
        catch_all::s7_catch_all_without_pattern(s);
        catch_all::s9_catch_all_keeps_its_fields(s);
        Ok(())
    })?;
    let mut synthesized = Vec::new();
    for_each_operation(doc, &mut |op, ptr| {
        statuses::s5_drop_untyped_beside_typed(op);
        error_type::s3_one_error_type(op, ptr, &schemas, &mut synthesized)?;
        statuses::s6_default_as_error_ranges(op);
        Ok(())
    })?;
    if !synthesized.is_empty() {
        let components = doc
            .as_object_mut()
            .expect("converted document is an object")
            .entry("components")
            .or_insert_with(|| Value::Object(Map::new()));
        let target = components
            .as_object_mut()
            .ok_or_else(|| {
                Oas30Error::new("/components", ErrorKind::Malformed("not an object".into()))
            })?
            .entry("schemas")
            .or_insert_with(|| Value::Object(Map::new()))
            .as_object_mut()
            .ok_or_else(|| {
                Oas30Error::new(
                    "/components/schemas",
                    ErrorKind::Malformed("not an object".into()),
                )
            })?;
        for (name, schema, ptr) in synthesized {
            if target.contains_key(&name) {
                return Err(Oas30Error::new(
                    &ptr,
                    ErrorKind::Unshapeable(format!(
                        "the synthesized error schema `{name}` already exists in components"
                    )),
                ));
            }
            target.insert(name, schema);
        }
    }
    Ok(())
}

/// A callback over one operation object and its pointer.
type OperationFn<'a> = dyn FnMut(&mut Map<String, Value>, &str) -> Result<()> + 'a;

pub(super) fn for_each_operation(doc: &mut Value, f: &mut OperationFn<'_>) -> Result<()> {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    for (path, item) in paths.iter_mut() {
        let item_ptr = push("/paths", path);
        for method in METHODS {
            if let Some(op) = item.get_mut(method).and_then(Value::as_object_mut) {
                f(op, &push(&item_ptr, method))?;
            }
        }
    }
    Ok(())
}

/// Resolves a local `#/components/schemas/X` reference.
pub(super) fn resolve<'a>(v: &'a Value, schemas: &'a Value) -> Option<&'a Value> {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => schemas.get(r.strip_prefix("#/components/schemas/")?),
        None => Some(v),
    }
}
