//! Open discriminated unions: provider-extended sets (content block types, stream event types,
//! MCP methods...) whose unknown members must still deserialise and validate.
//!
//! `serde(other)` cannot carry the payload and utoipa cannot describe it (stack-notes #4), so
//! every open union is a `#[serde(untagged)]` enum of structs that each pin their own `type`
//! with a one-value enum, followed by a catch-all struct whose tag *rejects* the known values.
//! That keeps the variants disjoint for both serde and the schema (`oneOf` stays exact): the
//! catch-all tag is `{"type": "string", "not": {"enum": [known...]}}`.

use serde::{Deserialize, Deserializer};
use utoipa::openapi::Type;
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::schema::{Object, ObjectBuilder};

/// Deserialises a tag string, failing when it is one of `known` so that a malformed known
/// variant is an error instead of silently landing in the catch-all.
pub(crate) fn reject_known<'de, D: Deserializer<'de>>(
    de: D,
    known: &[&str],
) -> Result<String, D::Error> {
    let tag = String::deserialize(de)?;
    if known.contains(&tag.as_str()) {
        return Err(serde::de::Error::custom(format!(
            "`{tag}` is a known tag but the payload does not match its schema"
        )));
    }
    Ok(tag)
}

/// Schema of a catch-all tag: any string except the known ones.
pub(crate) fn schema(known: &[&str]) -> Object {
    // utoipa 6 has no builder for `not`; its extension map is flattened into the schema
    // object, which writes the keyword exactly where JSON Schema expects it.
    let mut not = Extensions::default();
    not.insert("not".into(), serde_json::json!({ "enum": known }));
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(format!(
            "Any value other than the known ones ({}); those must match their own schema.",
            known.join(", ")
        )))
        .extensions(Some(not))
        .build()
}

/// Declares a one-value enum used as the fixed tag of a union member. `Default` makes the
/// struct literal of the member easy to write.
macro_rules! tag {
    ($(#[$meta:meta])* $name:ident :: $variant:ident = $literal:tt) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, Default, PartialEq, Eq, Hash,
            serde::Serialize, serde::Deserialize, utoipa::ToSchema,
        )]
        pub enum $name {
            #[default]
            #[serde(rename = $literal)]
            $variant,
        }
    };
}

/// Declares the known tags of an open union, plus the catch-all tag's deserialiser and schema.
macro_rules! open_tags {
    ($known:ident, $de:ident, $schema:ident, [$($tag:tt),+ $(,)?]) => {
        /// The tags this crate models with their own schema; any other tag is accepted by the
        /// union's catch-all member.
        pub const $known: &[&str] = &[$($tag),+];
        fn $de<'de, D: serde::Deserializer<'de>>(de: D) -> Result<String, D::Error> {
            crate::open_tag::reject_known(de, $known)
        }
        fn $schema() -> utoipa::openapi::schema::Object {
            crate::open_tag::schema($known)
        }
    };
}

pub(crate) use {open_tags, tag};
