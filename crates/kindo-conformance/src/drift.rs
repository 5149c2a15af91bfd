//! Informational drift: fields a payload carries that its schema does not declare. JSON Schema
//! lets them through (objects are open unless `additionalProperties: false`), so validation
//! alone cannot see that a deployment sends more than the documents say.

use serde_json::Value;

use crate::spec::{Spec, escape};
use crate::validate::Failure;

/// Every undeclared property of `instance` against the schema at `pointer` in document `doc`.
pub fn undeclared(spec: &Spec, doc: usize, pointer: &str, instance: &Value) -> Vec<Failure> {
    let mut out = Vec::new();
    if let Some(schema) = spec.documents[doc].value.pointer(pointer) {
        walk(spec, doc, schema, instance, "", &mut out, 0);
    }
    out
}

/// The schema and every branch it composes (`allOf`/`anyOf`/`oneOf`), `$ref`s followed.
fn branches<'a>(
    spec: &'a Spec,
    doc: usize,
    schema: &'a Value,
    out: &mut Vec<&'a Value>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    let schema = spec.resolve(doc, schema);
    out.push(schema);
    for key in ["allOf", "anyOf", "oneOf"] {
        for sub in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            branches(spec, doc, sub, out, depth + 1);
        }
    }
}

fn walk(
    spec: &Spec,
    doc: usize,
    schema: &Value,
    instance: &Value,
    at: &str,
    out: &mut Vec<Failure>,
    depth: usize,
) {
    if depth > 64 {
        return;
    }
    let mut all = Vec::new();
    branches(spec, doc, schema, &mut all, 0);
    match instance {
        Value::Object(object) => {
            let declares = all.iter().any(|s| s.get("properties").is_some());
            let open = all.iter().find_map(|s| {
                s.get("additionalProperties")
                    .filter(|a| a.as_bool() != Some(false))
            });
            let patterned = all.iter().any(|s| s.get("patternProperties").is_some());
            for (key, value) in object {
                let here = format!("{at}/{}", escape(key));
                let declared = all
                    .iter()
                    .find_map(|s| s.get("properties").and_then(|p| p.get(key)));
                match (declared, open) {
                    (Some(sub), _) => walk(spec, doc, sub, value, &here, out, depth + 1),
                    (None, Some(sub)) => walk(spec, doc, sub, value, &here, out, depth + 1),
                    (None, None) if declares && !patterned => out.push(Failure::new(
                        here,
                        "undeclared",
                        format!(
                            "field \"{key}\" is in the response but not declared in the schema"
                        ),
                    )),
                    _ => {}
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = all.iter().find_map(|s| s.get("items")) {
                for (i, item) in items.iter().enumerate() {
                    walk(spec, doc, sub, item, &format!("{at}/{i}"), out, depth + 1);
                }
            }
        }
        _ => {}
    }
}
