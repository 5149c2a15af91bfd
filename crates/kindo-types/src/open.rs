//! Open unions: tagged objects whose `type` set upstream providers keep extending.
//!
//! Kindo forwards such objects verbatim (content parts, tools, items...), so a payload with a
//! `type` we do not know yet must still deserialise and validate. utoipa cannot express that
//! (`serde(other)` renders as a literal tag, stack-notes #4), so [`open_union!`] writes the
//! enum, its serde impls and its schema together:
//!
//! - each known tag maps to a struct whose own schema pins `type` to that tag;
//! - any other tag lands in `Other` as the raw JSON object;
//! - the schema is a `oneOf` of the known structs plus an "other" component (`<Union>Other`)
//!   whose `type` is a string that is none of the known tags, in the same form as
//!   [`open_tags!`](crate::open_tag) writes (`not: {enum}` plus an equivalent lookahead-free
//!   `pattern`), so every branch stays disjoint and a malformed known item is still rejected.

use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Type};
use utoipa::openapi::{RefOr, Schema};

/// Schema of the catch-all branch: an object whose `type` is none of `tags`, published as
/// its own component (`<Union>Other`) so generators give it a name.
pub fn other_branch(tags: &[&str], what: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(format!(
            "Any other {what} type, forwarded verbatim by Kindo. Its `type` is none of: {}.",
            tags.iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )))
        .property("type", crate::open_tag::schema(tags))
        .required("type")
        .additional_properties(Some(AdditionalProperties::FreeForm(true)))
        .into()
}

/// Joins `///` doc lines into one description.
pub fn doc_text(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// Declares an open tagged union. See the module documentation.
///
/// ```ignore
/// open_union! {
///     /// Description of the union.
///     pub enum ChatContentPart: "content part" {
///         Text(ChatTextPart) = ["text"],
///         ImageUrl(ChatImagePart) = ["image_url"],
///     }
/// }
/// ```
///
/// An optional `untyped = Variant` clause names the variant an object *without* `type`
/// deserialises to (OpenAI's "easy" input messages omit it).
#[macro_export]
macro_rules! open_union {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident : $what:literal {
            $( $(#[doc = $vdoc:literal])* $variant:ident($ty:ty) = [$($tag:literal),+ $(,)?] ),+ $(,)?
        }
        $( untyped = $untyped:ident )?
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub enum $name {
            $( $(#[doc = $vdoc])* $variant($ty), )+
            /// A `type` this version does not know, kept as the raw JSON object.
            Other(::std::collections::BTreeMap<String, ::serde_json::Value>),
        }

        impl $name {
            /// Every tag with a typed variant.
            pub const KNOWN_TAGS: &'static [&'static str] = &[$($($tag),+),+];

            /// The `type` tag of this value, when it carries one.
            pub fn tag(&self) -> Option<String> {
                ::serde_json::to_value(self)
                    .ok()
                    .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_owned))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Self::$variant(v) => v.serialize(s), )+
                    Self::Other(map) => map.serialize(s),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
                use ::serde::de::Error as _;
                let value = ::serde_json::Value::deserialize(de)?;
                let tag = match value.get("type") {
                    Some(::serde_json::Value::String(t)) => Some(t.clone()),
                    Some(_) => return Err(D::Error::custom(concat!("`type` of a ", $what, " must be a string"))),
                    None => None,
                };
                match tag.as_deref() {
                    $( $(Some($tag))|+ => ::serde_json::from_value(value).map(Self::$variant).map_err(D::Error::custom), )+
                    Some(_) => match value {
                        ::serde_json::Value::Object(map) => Ok(Self::Other(map.into_iter().collect())),
                        _ => Err(D::Error::custom(concat!("a ", $what, " must be a JSON object"))),
                    },
                    None => {
                        $( return ::serde_json::from_value(value).map(Self::$untyped).map_err(D::Error::custom); )?
                        #[allow(unreachable_code)]
                        Err(D::Error::custom(concat!("a ", $what, " needs a `type`")))
                    }
                }
            }
        }

        impl ::utoipa::PartialSchema for $name {
            fn schema() -> ::utoipa::openapi::RefOr<::utoipa::openapi::Schema> {
                                ::utoipa::openapi::schema::OneOfBuilder::new()
                    .description(Some($crate::open::doc_text(&[$($doc),*])))
                    $( .item(::utoipa::openapi::Ref::from_schema_name(<$ty as ::utoipa::ToSchema>::name())) )+
                    .item(::utoipa::openapi::Ref::from_schema_name(concat!(stringify!($name), "Other")))
                    .into()
            }
        }

        impl ::utoipa::ToSchema for $name {
            fn schemas(out: &mut Vec<(String, ::utoipa::openapi::RefOr<::utoipa::openapi::Schema>)>) {
                out.push((
                    concat!(stringify!($name), "Other").into(),
                    $crate::open::other_branch(Self::KNOWN_TAGS, $what),
                ));
                $(
                    out.push((
                        <$ty as ::utoipa::ToSchema>::name().into_owned(),
                        <$ty as ::utoipa::PartialSchema>::schema(),
                    ));
                    <$ty as ::utoipa::ToSchema>::schemas(out);
                )+
            }
        }
    };
}
