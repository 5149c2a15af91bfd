//! Wire types of Koda's operator control plane (`/api/control-plane/*`) and of the runtime
//! routes it documents beside it (`/api/runtime/*`), both served on port 8090.
//!
//! Koda's pages index the routes but state few body fields. Where a page names a field, it is
//! declared here; where it only says what a payload holds, the type is an open object whose
//! description says so (see [`undocumented_object!`]) and every field passes through.

/// Declares a payload whose fields Koda has not documented: an open JSON object that keeps
/// every field it receives. The doc comment passed in says what the pages do state; the
/// published schema carries it, a note that the shape is not yet documented, and
/// [`UNDOCUMENTED`] so that tools (the conformance checker's coverage among them) can tell such
/// payloads apart.
macro_rules! undocumented_object {
    ($(#[doc = $doc:literal])+ $name:ident) => {
        $(#[doc = $doc])+
        ///
        /// Shape not yet documented ([`NOT_YET_DOCUMENTED`](crate::koda::NOT_YET_DOCUMENTED)).
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            /// Every field of the payload, as sent.
            #[serde(flatten)]
            pub fields: std::collections::BTreeMap<String, serde_json::Value>,
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::koda::undocumented_schema(&[$($doc),+])
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

/// The note every undocumented payload's description ends with.
pub const NOT_YET_DOCUMENTED: &str = "Shape not yet documented: Koda's pages say what this \
payload holds but not its field names or types, so any JSON object is accepted and passed \
through unchanged.";

/// Schema extension marking a payload whose shape Koda has not documented (value `true`).
pub const UNDOCUMENTED: &str = "x-shape-undocumented";

/// The schema of an undocumented payload: any object, described by `doc` and the note.
pub fn undocumented_schema(
    doc: &[&str],
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::extensions::Extensions;
    use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Type};
    let mut marker = Extensions::default();
    marker.insert(UNDOCUMENTED.into(), serde_json::Value::Bool(true));
    let description = format!("{}\n\n{NOT_YET_DOCUMENTED}", crate::open::doc_text(doc));
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(description))
        .additional_properties(Some(AdditionalProperties::FreeForm(true)))
        .extensions(Some(marker))
        .into()
}

/// Declares a payload of which Koda names some fields: those are declared, every one optional
/// (no page says any is always present), and every other field passes through in `extra`, so
/// the object stays open. The doc comment after `..` describes those other fields.
///
/// `+ probe` adds `checked_via` and `auth_expired`, which every connection check of Koda's
/// records (provider connections, default connections and their verification results).
macro_rules! open_record {
    (
        $(#[doc = $doc:literal])+
        $name:ident { $($fields:tt)* } + probe
        $(#[doc = $odoc:literal])+ ..
    ) => {
        open_record! {
            $(#[doc = $doc])+
            $name {
                $($fields)*
                /// How the last check reached the provider or integration.
                checked_via: String,
                /// `true` when the last check found the stored authentication expired.
                auth_expired: bool,
            }
            $(#[doc = $odoc])+ ..
        }
    };
    (
        $(#[doc = $doc:literal])+
        $name:ident { $( $(#[doc = $fdoc:literal])+ $field:ident: $ty:ty, )* }
        $(#[doc = $odoc:literal])+ ..
    ) => {
        $(#[doc = $doc])+
        #[derive(
            Debug, Clone, Default, PartialEq,
            serde::Serialize, serde::Deserialize, utoipa::ToSchema,
        )]
        pub struct $name {
            $(
                $(#[doc = $fdoc])+
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
            $(#[doc = $odoc])+
            #[serde(flatten)]
            pub extra: std::collections::BTreeMap<String, serde_json::Value>,
        }
    };
}

/// Declares one page of a paginated list: `items` plus `next_cursor` while more pages exist.
macro_rules! page {
    ($(#[doc = $doc:literal])+ $name:ident of $item:ty) => {
        $(#[doc = $doc])+
        ///
        /// One page of a paginated list. Koda's pagination convention names only
        /// `next_cursor`; the array is modelled as `items`, the key every list body in Koda's
        /// shipped contract (v1.0.17) uses.
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub struct $name {
            /// The entries of this page.
            pub items: Vec<$item>,
            /// Present while more pages exist: pass it as `cursor` to fetch the next page.
            /// Absent (or `null`) on the last page.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub next_cursor: Option<String>,
            /// Any other field the server adds.
            #[serde(flatten)]
            pub extra: std::collections::BTreeMap<String, serde_json::Value>,
        }
    };
}

pub mod agents;
pub mod auth;
pub mod connections;
pub mod conventions;
pub mod errors;
pub mod providers;
pub mod runtime;
pub mod skills;
pub mod system;
