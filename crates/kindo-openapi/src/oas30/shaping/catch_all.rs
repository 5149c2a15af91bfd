//! Client-only rules for an open union's catch-all branch:
//!
//! * S7: its tag string keeps `not: {enum}` and loses the `pattern` that restates it, so the
//!   generated client needs no regular-expression engine;
//! * S9: the branch object's `additionalProperties: true` becomes `{}`: typify keeps the fields
//!   of an object only when `additionalProperties` is a schema, and a catch-all that is
//!   forwarded verbatim must keep them (what the published `true` says, as the generated type
//!   can hold it).

use serde_json::{Map, Value};

/// Whether `schema` is a catch-all tag: `not: {enum: [the known tags]}`.
fn is_catch_all_tag(schema: &Value) -> bool {
    schema.get("not").is_some_and(|n| n.get("enum").is_some())
}

/// S7 (see the module docs).
pub(super) fn s7_catch_all_without_pattern(schema: &mut Value) {
    if is_catch_all_tag(schema)
        && let Some(obj) = schema.as_object_mut()
    {
        obj.remove("pattern");
    }
}

/// S9 (see the module docs).
pub(super) fn s9_catch_all_keeps_its_fields(schema: &mut Value) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let catch_all = obj
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|props| props.values().any(is_catch_all_tag));
    if catch_all && obj.get("additionalProperties") == Some(&Value::Bool(true)) {
        obj.insert("additionalProperties".into(), Value::Object(Map::new()));
    }
}
