//! S1: a `oneOf` branch `{allOf: [plain objects…]}` becomes one object, so typify sees an
//! internally tagged enum instead of `Variant0/1` (published: the merged object accepts the same).

use serde_json::{Map, Value};

use super::resolve;
use crate::oas30::error::Result;

/// A schema typify reads as a plain struct: an object with properties and no composition.
fn is_plain_object(v: &Value) -> bool {
    let Some(o) = v.as_object() else { return false };
    o.get("type") == Some(&Value::from("object"))
        && !["allOf", "oneOf", "anyOf", "not", "nullable"]
            .iter()
            .any(|k| o.contains_key(*k))
}

/// S1: merge `allOf` branches of a `oneOf` whose parts are all plain objects.
pub(super) fn s1_inline_tagged_variants(
    schema: &mut Value,
    _ptr: &str,
    schemas: &Value,
) -> Result<()> {
    let Some(branches) = schema.get_mut("oneOf").and_then(Value::as_array_mut) else {
        return Ok(());
    };
    for branch in branches.iter_mut() {
        let Some(parts) = branch.get("allOf").and_then(Value::as_array) else {
            continue;
        };
        if branch.as_object().is_some_and(|o| o.len() != 1) {
            continue;
        }
        let resolved: Option<Vec<&Value>> = parts.iter().map(|p| resolve(p, schemas)).collect();
        let Some(resolved) = resolved else { continue };
        if resolved.len() < 2 || !resolved.iter().all(|p| is_plain_object(p)) {
            continue;
        }
        if let Some(merged) = merge_objects(&resolved) {
            *branch = merged;
        }
    }
    Ok(())
}

/// Merges plain objects; `None` when two parts declare the same property differently.
fn merge_objects(parts: &[&Value]) -> Option<Value> {
    let mut properties = Map::new();
    let mut required: Vec<Value> = Vec::new();
    let mut merged = Map::new();
    merged.insert("type".into(), Value::from("object"));
    for part in parts {
        let o = part.as_object()?;
        if let Some(props) = o.get("properties").and_then(Value::as_object) {
            for (k, v) in props {
                match properties.get(k) {
                    Some(existing) if existing != v => return None,
                    _ => {
                        properties.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        for r in o
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !required.contains(r) {
                required.push(r.clone());
            }
        }
        for k in ["description", "title"] {
            if let Some(v) = o.get(k) {
                merged.entry(k).or_insert_with(|| v.clone());
            }
        }
        match (
            merged.get("additionalProperties"),
            o.get("additionalProperties"),
        ) {
            (_, None) => {}
            (None, Some(a)) => {
                merged.insert("additionalProperties".into(), a.clone());
            }
            (Some(x), Some(a)) if x == a => {}
            _ => return None,
        }
    }
    if !required.is_empty() {
        merged.insert("required".into(), Value::Array(required));
    }
    merged.insert("properties".into(), Value::Object(properties));
    Some(Value::Object(merged))
}
