//! Wire types of the Kindo API and of Koda's operator control plane ([`koda`]).
//!
//! Every field published in the OpenAPI documents is declared exactly once, here. The
//! `kindo-openapi` crate only arranges these types into operations; it never restates a field.
//!
//! House rules (each one avoids a case where the schema utoipa writes and what serde accepts
//! would disagree):
//! - a type with optional fields is `#[skip_serializing_none]` (serde_with): each `Option` is
//!   left out when `None`, and serde reads a missing key as `None`; any other
//!   `skip_serializing_if` is paired with `#[serde(default)]`;
//! - an `Option` that the server always sends (possibly as `null`) is `#[schema(required = true)]`
//!   and `#[serialize_always]`;
//! - an optional *and* nullable field is `Option<Option<T>>` with `#[serde(default,
//!   deserialize_with = "crate::serde_helpers::double_option")]` (`default` is needed there:
//!   with `deserialize_with`, serde no longer reads a missing key as `None`);
//! - maps are string-keyed; passthrough objects are spelled `BTreeMap<String, Value>`;
//! - no `alias`, `transparent`, tuples or `serde(other)` on wire types.

pub mod agents;
pub mod chat;
pub mod completions;
pub mod conversations;
pub mod encoded;
pub mod errors;
pub mod integrations;
pub mod koda;
pub mod mcp;
pub mod messages;
pub mod models;
pub mod open;
mod open_tag;
pub mod responses;
pub mod runs;
pub mod stream_events;

/// Serde helpers shared by the wire types.
pub mod serde_helpers {
    use serde::{Deserialize, Deserializer};

    /// Deserialises an optional, nullable field into `Option<Option<T>>`: a missing key is
    /// `None` (via `#[serde(default)]`), an explicit `null` is `Some(None)`.
    pub fn double_option<'de, T, D>(de: D) -> Result<Option<Option<T>>, D::Error>
    where
        T: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Option::<T>::deserialize(de).map(Some)
    }
}
