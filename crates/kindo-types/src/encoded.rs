//! Strings that carry an encoded JSON document (a run's `result`).
//!
//! JSON Schema says what such a string holds with `contentMediaType` and `contentSchema`
//! (2020-12, section 8.4), annotations that leave the string itself a string: validators do
//! not decode it, generators and readers learn what to decode it into.

use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{Ref, RefOr, Schema};

/// A string (or `null` when `nullable`) whose content is a JSON document matching the
/// component `content`. The component must be registered by the area that uses the field.
pub fn json_text(content: &str, nullable: bool, description: &str) -> Object {
    let ty = if nullable {
        SchemaType::from_iter([Type::String, Type::Null])
    } else {
        SchemaType::Type(Type::String)
    };
    ObjectBuilder::new()
        .schema_type(ty)
        .description(Some(description))
        .content_media_type("application/json")
        .content_schema(Some(RefOr::<Schema>::Ref(Ref::from_schema_name(content))))
        .build()
}
