//! Nullable references (`oneOf: [{$ref}, {type: null}]` in 3.1) in 3.0.3.
//!
//! 3.0.3 has no `null` type, and `nullable: true` only widens the `type` beside it, so the
//! common `{nullable: true, allOf: [{$ref}]}` admits `null` only if the referenced schema does
//! (every `allOf` part must match). The published form is therefore
//! `anyOf: [{$ref}, {type: object, nullable: true, enum: [null]}]`: the second branch admits
//! `null` and nothing else. openapi-spec-validator accepts it, and openapi-generator reads it
//! as an optional value of the referenced type (`Optional[Ref]` in Python). The `null` branch
//! is typed `object` for every target: with `type: string` beside a string enum,
//! openapi-generator flattens the enum into a plain string and warns.
//!
//! progenitor reads the `anyOf` as a struct of two optional halves, so the client's input puts
//! back the older form it types as `Option<T>` ([`for_client`]).

use serde_json::{Map, Value, json};

use super::document_rules::{NullableRefs, rule12_nullable_needs_type};
use super::error::Result;
use super::walk;

/// The branch that admits `null` and nothing else.
pub(super) fn null_branch() -> Value {
    json!({"type": "object", "nullable": true, "enum": [null]})
}

/// `carrier` (`{nullable: true, allOf: [{$ref}], ...}`, no `type`) in the published form,
/// keeping its other keywords (`description`, ...) beside the `anyOf`; `None` when `carrier` is
/// not a nullable reference.
pub(super) fn admitting_null(carrier: &Map<String, Value>) -> Option<Map<String, Value>> {
    let reference = single_ref(carrier.get("allOf")?)?;
    let mut out = Map::new();
    for (k, v) in carrier {
        if k != "nullable" && k != "allOf" {
            out.insert(k.clone(), v.clone());
        }
    }
    out.insert(
        "anyOf".into(),
        Value::Array(vec![reference.clone(), null_branch()]),
    );
    Some(out)
}

/// `[{$ref}]`: the one part, a bare reference.
fn single_ref(parts: &Value) -> Option<&Value> {
    match parts.as_array()?.as_slice() {
        [only]
            if only
                .as_object()
                .is_some_and(|o| o.len() == 1 && o.contains_key("$ref")) =>
        {
            Some(only)
        }
        _ => None,
    }
}

/// The `$ref` of a schema in the published form (`anyOf: [{$ref}, null branch]`), if it is one.
pub(super) fn nullable_ref(schema: &Value) -> Option<&str> {
    let branches = schema.get("anyOf")?.as_array()?;
    match branches.as_slice() {
        [reference, null] if *null == null_branch() && reference.as_object()?.len() == 1 => {
            reference.get("$ref")?.as_str()
        }
        _ => None,
    }
}

/// Client-only: every published nullable reference back to `{nullable: true, allOf: [{$ref}]}`,
/// then rule 12's typing of it (the referenced `type` beside `nullable`).
pub(super) fn for_client(doc: &mut Value) -> Result<()> {
    walk::every_schema(doc, &mut |schema, _| {
        if nullable_ref(schema).is_none() {
            return Ok(());
        }
        let Some(obj) = schema.as_object_mut() else {
            return Ok(());
        };
        let mut branches = match obj.remove("anyOf") {
            Some(Value::Array(branches)) => branches,
            _ => return Ok(()),
        };
        branches.truncate(1);
        obj.insert("nullable".into(), Value::Bool(true));
        obj.insert("allOf".into(), Value::Array(branches));
        Ok(())
    })?;
    rule12_nullable_needs_type(doc, NullableRefs::TypeBeside)
}
