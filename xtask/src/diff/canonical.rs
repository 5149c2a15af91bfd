//! A schema's structural form: what it accepts, with references inlined and everything that
//! only documents it dropped. Two schemas with the same form accept the same values, whatever
//! their `$ref` names, key order, branch order or descriptions; it is how `oneOf`/`anyOf`
//! branches are paired when no tag tells them apart, and how a stream event's data schema is
//! told from a replacement.

use serde_json::{Map, Value};

use super::refs::{ref_name, resolve};

/// Keywords that document a schema without changing what it accepts.
const ANNOTATIONS: &[&str] = &[
    "description",
    "title",
    "summary",
    "example",
    "examples",
    "$comment",
    "externalDocs",
    "discriminator",
    "deprecated",
    "xml",
];

/// Keywords whose arrays are sets: their order means nothing.
const UNORDERED: &[&str] = &["oneOf", "anyOf", "allOf", "required", "type"];

/// Keywords holding values, not schemas (an `enum` member may be an object with a
/// `description` key).
const DATA: &[&str] = &["enum", "const", "default"];

/// Keywords holding a map from names to schemas (the names are data).
const SCHEMA_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
];

/// Bounds the inlining of deeply nested documents (a recursive schema ends on a marker first).
const MAX_DEPTH: usize = 64;

/// The structural form of `schema` within `root`, as a compact string (cheap to compare).
pub fn form(root: &Value, schema: &Value) -> String {
    let mut stack = Vec::new();
    canonical(root, schema, &mut stack).to_string()
}

fn canonical<'a>(root: &'a Value, schema: &'a Value, stack: &mut Vec<&'a str>) -> Value {
    let (target, reference) = resolve(root, schema);
    if let Some(r) = reference {
        if stack.contains(&r) || stack.len() >= MAX_DEPTH {
            // Recursion: the same component by name (the rest of it is being compared above).
            return Value::String(format!("$rec:{}", ref_name(r)));
        }
        stack.push(r);
    }
    let out = match target {
        Value::Object(obj) => {
            // Keys sorted: the documents' maps keep their written order.
            let mut keys: Vec<&String> = obj.keys().collect();
            keys.sort();
            let mut m = Map::new();
            for (k, v) in keys.into_iter().map(|k| (k, &obj[k])) {
                if ANNOTATIONS.contains(&k.as_str()) || k.starts_with("x-") || k == "$ref" {
                    continue;
                }
                let v = match v {
                    // Data, not schemas: kept as written (an `enum` is a set).
                    _ if DATA.contains(&k.as_str()) => match v {
                        Value::Array(items) if k == "enum" => {
                            let mut items = items.clone();
                            items.sort_by_cached_key(Value::to_string);
                            Value::Array(items)
                        }
                        v => v.clone(),
                    },
                    Value::Object(map) if SCHEMA_MAPS.contains(&k.as_str()) => {
                        let mut names: Vec<&String> = map.keys().collect();
                        names.sort();
                        Value::Object(
                            names
                                .into_iter()
                                .map(|name| (name.clone(), canonical(root, &map[name], stack)))
                                .collect(),
                        )
                    }
                    Value::Array(items) if UNORDERED.contains(&k.as_str()) => {
                        let mut items: Vec<Value> =
                            items.iter().map(|i| canonical(root, i, stack)).collect();
                        items.sort_by_cached_key(Value::to_string);
                        Value::Array(items)
                    }
                    _ => canonical(root, v, stack),
                };
                m.insert(k.clone(), v);
            }
            Value::Object(m)
        }
        Value::Array(items) => {
            Value::Array(items.iter().map(|i| canonical(root, i, stack)).collect())
        }
        other => other.clone(),
    };
    if reference.is_some() {
        stack.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn references_order_and_descriptions_do_not_count() {
        let root = json!({"components": {"schemas": {
            "A": {"type": "object", "description": "named", "required": ["b", "a"],
                  "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}},
            "Node": {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Node"}}},
        }}});
        let inline = json!({"properties": {"b": {"type": "integer", "title": "B"}, "a": {"type": "string"}},
                            "required": ["a", "b"], "type": "object"});
        assert_eq!(
            form(&root, &json!({"$ref": "#/components/schemas/A"})),
            form(&root, &inline)
        );
        let other = json!({"type": "object", "required": ["a"],
                           "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}});
        assert_ne!(form(&root, &inline), form(&root, &other));
        // A recursive schema terminates.
        assert!(form(&root, &json!({"$ref": "#/components/schemas/Node"})).contains("$rec:Node"));
    }
}
