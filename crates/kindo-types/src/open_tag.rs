//! The catch-all tag of an open union ([`open_union!`](crate::open_union)) and the one-value
//! tag enums its typed members pin their `type` with.
//!
//! The catch-all's tag *rejects* the known values, which keeps the branches disjoint for both
//! serde and the schema (`oneOf` stays exact): it is
//! `{"type": "string", "not": {"enum": [known...]}, "pattern": ...}`.
//!
//! `not: {enum}` is the statement JSON Schema validators read. Code generators ignore `not`, so
//! their one-branch-must-match `oneOf` decoding (openapi-generator's Python and Go clients) would
//! see a known tag match both its own branch and the catch-all; the `pattern` says the same thing
//! in a form they do enforce. It is built without lookahead ([`complement_pattern`]) because
//! Go's RE2 and Rust's `regex` have none.

use serde::{Deserialize, Deserializer};
use utoipa::openapi::Type;
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::schema::{Object, ObjectBuilder};

/// Deserialises a tag string, failing when it is one of `known` so that a malformed known
/// variant is an error instead of silently landing in the catch-all.
pub(crate) fn reject_known<'de, D: Deserializer<'de>>(
    de: D,
    known: &[String],
) -> Result<String, D::Error> {
    let tag = String::deserialize(de)?;
    if known.contains(&tag) {
        return Err(serde::de::Error::custom(format!(
            "`{tag}` is a known tag but the payload does not match its schema"
        )));
    }
    Ok(tag)
}

/// Schema of a catch-all tag: any string except the known ones.
pub(crate) fn schema(known: &[String]) -> Object {
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
        .pattern(Some(complement_pattern(known)))
        .extensions(Some(not))
        .build()
}

/// A regular expression, without lookahead or backreferences, that matches every string except
/// the `known` ones (the complement of a finite set is regular). It walks the trie of the known
/// strings: at each node a string may end (when no known string ends there), continue with a
/// character no known string continues with, or follow one of the known continuations.
pub fn complement_pattern<S: AsRef<str>>(known: &[S]) -> String {
    #[derive(Default)]
    struct Node {
        end: bool,
        next: std::collections::BTreeMap<char, Node>,
    }
    fn alternatives(node: &Node) -> String {
        let mut alts = Vec::new();
        if !node.end {
            alts.push(String::new());
        }
        if node.next.is_empty() {
            alts.push("[\\s\\S]+".to_owned());
        } else {
            let class: String = node.next.keys().map(|c| escape(*c, "\\]-^[")).collect();
            alts.push(format!("[^{class}][\\s\\S]*"));
            for (c, child) in &node.next {
                alts.push(format!(
                    "{}{}",
                    escape(*c, "^$\\.*+?()[]{}|/"),
                    alternatives(child)
                ));
            }
        }
        format!("(?:{})", alts.join("|"))
    }
    fn escape(c: char, special: &str) -> String {
        if special.contains(c) {
            format!("\\{c}")
        } else {
            c.to_string()
        }
    }
    let mut root = Node::default();
    for tag in known {
        let mut node = &mut root;
        for c in tag.as_ref().chars() {
            node = node.next.entry(c).or_default();
        }
        node.end = true;
    }
    format!("^{}$", alternatives(&root))
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

pub(crate) use tag;

/// Declares the named catch-all struct of an open union (its `other = Variant(Struct)`): a
/// `type` that is none of the union's known tags, and every other field kept as it came, with
/// the doc comment given in braces. `$reject` names the union's `reject_known_tag` as a string,
/// the only form serde takes.
macro_rules! catch_all {
    (
        $(#[doc = $doc:literal])*
        $name:ident of $union:ident($reject:literal) { $(#[doc = $fields_doc:literal])* }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub struct $name {
            #[serde(rename = "type", deserialize_with = $reject)]
            #[schema(schema_with = $union::catch_all_tag_schema)]
            pub kind: String,
            $(#[doc = $fields_doc])*
            #[serde(flatten)]
            pub fields: std::collections::BTreeMap<String, serde_json::Value>,
        }
    };
}

pub(crate) use catch_all;

#[cfg(test)]
mod tests {
    use super::complement_pattern;

    /// Checked with `regex` (RE2 syntax, as Go's generated clients use): the pattern must
    /// compile there and reject exactly the known strings.
    #[test]
    fn the_complement_pattern_rejects_exactly_the_known_strings() {
        let known = ["text", "text.delta", "image_url", "tool_use", "a-b", "x[y]"];
        let re = regex::Regex::new(&complement_pattern(&known)).expect("RE2-compatible");
        for tag in known {
            assert!(!re.is_match(tag), "{tag} must be rejected");
        }
        for other in [
            "",
            "t",
            "tex",
            "texts",
            "text.",
            "text.deltas",
            "Text",
            "image",
            "image_urls",
            "tool_usE",
            "a",
            "a-",
            "a-bc",
            "ab",
            "x[y",
            "x[y]]",
            "text\n",
            "zz",
            "ä",
        ] {
            assert!(re.is_match(other), "{other:?} must be accepted");
        }
    }
}
