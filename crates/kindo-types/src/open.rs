//! Open unions: tagged objects whose `type` set upstream providers keep extending.
//!
//! Kindo forwards such objects verbatim (content parts, tools, items, stream events...), so a
//! payload with a `type` we do not know yet must still deserialise and validate. utoipa renders
//! `serde(other)` as a literal tag and serde's `other` cannot keep the payload, so
//! [`open_union!`] writes the enum, its serde impls and its schema together:
//!
//! - each typed variant wraps a struct whose own schema pins `type` (usually with a
//!   [`tag!`](crate::open_tag) enum); the union's known tags are read from those schemas, never
//!   listed by hand;
//! - any other tag lands in the catch-all: the raw JSON object in `Other`, published as the
//!   component `<Union>Other`, or a named struct (`other = Unknown(UnknownBlock)`) whose `type`
//!   field takes the union's `catch_all_tag_schema` and `reject_known_tag` (declared with
//!   `catch_all!` when it has no fields of its own);
//! - the catch-all's `type` is a string that is none of the known tags (`not: {enum}` plus an
//!   equivalent lookahead-free `pattern`), so every branch stays disjoint and a malformed known
//!   item is still rejected.

use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

/// Schema of the `Other` catch-all: an object whose tag `field` is none of `tags`, published as
/// its own component (`<Union>Other`) so generators give it a name.
pub fn other_branch(field: &str, tags: &[String], what: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(format!(
            "Any other {what} type, forwarded verbatim by Kindo. Its `{field}` is none of: {}.",
            tags.iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )))
        .property(field, crate::open_tag::schema(tags))
        .required(field)
        .additional_properties(Some(AdditionalProperties::FreeForm(true)))
        .into()
}

/// The tags a union member pins its tag property `field` to, read from its schema: a `const`, an
/// `enum` (inline or a referenced component), or the non-null branches of an optional tag.
///
/// # Panics
/// When `T` pins no tag: such a type cannot be a typed variant of an open union.
pub fn pinned_tags<T: ToSchema>(field: &str) -> Vec<String> {
    let to_value = |schema: RefOr<Schema>| serde_json::to_value(schema).unwrap_or_default();
    let member = to_value(<T as PartialSchema>::schema());
    let mut tag = member["properties"][field].clone();
    if let Some(name) = tag["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
        .map(str::to_owned)
    {
        let mut dependencies = Vec::new();
        T::schemas(&mut dependencies);
        tag = dependencies
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| to_value(s))
            .unwrap_or_default();
    }
    let mut tags = Vec::new();
    collect_tags(&tag, &mut tags);
    assert!(
        !tags.is_empty(),
        "`{}` is a variant of an open union but pins no `{field}`",
        T::name()
    );
    tags
}

fn collect_tags(schema: &serde_json::Value, out: &mut Vec<String>) {
    if let Some(value) = schema["const"].as_str() {
        out.push(value.to_owned());
    }
    for key in ["enum", "oneOf", "anyOf"] {
        for item in schema[key].as_array().into_iter().flatten() {
            match item.as_str() {
                Some(value) => out.push(value.to_owned()),
                None => collect_tags(item, out),
            }
        }
    }
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
///         Text(ChatTextPart),
///         ImageUrl(ChatImagePart),
///     }
/// }
/// ```
///
/// The tag is the `type` property unless `by "<property>"` follows the description string
/// (`pub enum McpRequest: "JSON-RPC message" by "method"`). An optional `untyped = Variant` clause names the variant an object *without* `type`
/// deserialises to (OpenAI's "easy" input messages omit it). An optional
/// `other = Variant(Struct)` clause replaces the `Other` map with a named catch-all struct,
/// whose `type` field uses the union's `catch_all_tag_schema` and `reject_known_tag`.
#[macro_export]
macro_rules! open_union {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident : $what:literal $(by $field:literal)? {
            $( $(#[doc = $vdoc:literal])* $variant:ident($ty:ty) ),+ $(,)?
        }
        $( untyped = $untyped:ident )?
    ) => {
        $crate::open_union! { @union
            $(#[doc = $doc])*
            $name $what [$($field)?] [$( [$($vdoc)*] $variant($ty) )+] [$($untyped)?]
            map {
                /// A `type` this version does not know, kept as the raw JSON object.
                Other(::std::collections::BTreeMap<String, ::serde_json::Value>)
            }
        }
    };
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident : $what:literal $(by $field:literal)? {
            $( $(#[doc = $vdoc:literal])* $variant:ident($ty:ty) ),+ $(,)?
        }
        $( untyped = $untyped:ident )?
        other = $other:ident($other_ty:ty)
    ) => {
        $crate::open_union! { @union
            $(#[doc = $doc])*
            $name $what [$($field)?] [$( [$($vdoc)*] $variant($ty) )+] [$($untyped)?]
            named { $other($other_ty) }
        }
    };
    (@field []) => {
        "type"
    };
    (@field [$field:literal]) => {
        $field
    };
    (@other_name map $name:ident $other_ty:ty) => {
        concat!(stringify!($name), "Other")
    };
    (@other_name named $name:ident $other_ty:ty) => {
        <$other_ty as ::utoipa::ToSchema>::name()
    };
    (@other_schemas map $name:ident $other_ty:ty, $what:literal, $field:expr, $out:ident) => {
        $out.push((
            concat!(stringify!($name), "Other").into(),
            $crate::open::other_branch($field, Self::known_tags(), $what),
        ))
    };
    (@other_schemas named $name:ident $other_ty:ty, $what:literal, $field:expr, $out:ident) => {{
        $out.push((
            <$other_ty as ::utoipa::ToSchema>::name().into_owned(),
            <$other_ty as ::utoipa::PartialSchema>::schema(),
        ));
        <$other_ty as ::utoipa::ToSchema>::schemas($out);
    }};
    (@union
        $(#[doc = $doc:literal])*
        $name:ident $what:literal [$($field:literal)?]
        [$( [$($vdoc:literal)*] $variant:ident($ty:ty) )+]
        [$($untyped:ident)?]
        $mode:ident { $(#[doc = $odoc:literal])* $other:ident($other_ty:ty) }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub enum $name {
            $( $(#[doc = $vdoc])* $variant($ty), )+
            $(#[doc = $odoc])*
            $other($other_ty),
        }

        impl $name {
            /// The property that carries the tag.
            pub const TAG_FIELD: &'static str = $crate::open_union!(@field [$($field)?]);

            /// The tags each typed variant pins, in declaration order, read from their schemas.
            fn variant_tags() -> &'static [::std::vec::Vec<String>] {
                static TAGS: ::std::sync::OnceLock<::std::vec::Vec<::std::vec::Vec<String>>> =
                    ::std::sync::OnceLock::new();
                TAGS.get_or_init(|| vec![$( $crate::open::pinned_tags::<$ty>(Self::TAG_FIELD) ),+])
            }

            /// Every tag with a typed variant.
            pub fn known_tags() -> &'static [String] {
                static TAGS: ::std::sync::OnceLock<::std::vec::Vec<String>> =
                    ::std::sync::OnceLock::new();
                TAGS.get_or_init(|| Self::variant_tags().concat())
            }

            /// Schema of the catch-all's tag: any string but the known tags.
            pub fn catch_all_tag_schema() -> ::utoipa::openapi::schema::Object {
                $crate::open_tag::schema(Self::known_tags())
            }

            /// Deserialises the catch-all's tag, refusing a known tag so that a malformed
            /// known variant is an error instead of landing in the catch-all.
            pub fn reject_known_tag<'de, D: ::serde::Deserializer<'de>>(de: D) -> Result<String, D::Error> {
                $crate::open_tag::reject_known(de, Self::known_tags())
            }

            /// The tag of this value, when it carries one.
            pub fn tag(&self) -> Option<String> {
                ::serde_json::to_value(self)
                    .ok()
                    .and_then(|v| v.get(Self::TAG_FIELD).and_then(|t| t.as_str()).map(str::to_owned))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Self::$variant(v) => v.serialize(s), )+
                    Self::$other(v) => v.serialize(s),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
                use ::serde::de::Error as _;
                let value = ::serde_json::Value::deserialize(de)?;
                let tag = match value.get(Self::TAG_FIELD) {
                    Some(::serde_json::Value::String(t)) => t.clone(),
                    Some(_) => return Err(D::Error::custom(format!("`{}` of a {} must be a string", Self::TAG_FIELD, $what))),
                    None => {
                        $( return ::serde_json::from_value(value).map(Self::$untyped).map_err(D::Error::custom); )?
                        #[allow(unreachable_code)]
                        return Err(D::Error::custom(format!("a {} needs a `{}`", $what, Self::TAG_FIELD)));
                    }
                };
                let mut tags = Self::variant_tags().iter();
                $(
                    if tags.next().is_some_and(|known| known.contains(&tag)) {
                        return ::serde_json::from_value(value).map(Self::$variant).map_err(D::Error::custom);
                    }
                )+
                ::serde_json::from_value(value).map(Self::$other).map_err(D::Error::custom)
            }
        }

        impl ::utoipa::PartialSchema for $name {
            fn schema() -> ::utoipa::openapi::RefOr<::utoipa::openapi::Schema> {
                ::utoipa::openapi::schema::OneOfBuilder::new()
                    .description(Some($crate::open::doc_text(&[$($doc),*])))
                    $( .item({
                        let mut branch = ::utoipa::openapi::Ref::from_schema_name(<$ty as ::utoipa::ToSchema>::name());
                        branch.description = $crate::open::doc_text(&[$($vdoc),*]);
                        branch
                    }) )+
                    .item(::utoipa::openapi::Ref::from_schema_name($crate::open_union!(@other_name $mode $name $other_ty)))
                    .into()
            }
        }

        impl ::utoipa::ToSchema for $name {
            fn schemas(out: &mut Vec<(String, ::utoipa::openapi::RefOr<::utoipa::openapi::Schema>)>) {
                $crate::open_union!(@other_schemas $mode $name $other_ty, $what, Self::TAG_FIELD, out);
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
