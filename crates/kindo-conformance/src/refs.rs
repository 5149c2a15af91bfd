//! `$ref` sanity of a document before anything is compiled: every local reference must name
//! something, and no chain of references may come back to where it started without
//! descending into the payload. Such a cycle (`A: {$ref: B}`, `B: {allOf: [{$ref: A}]}`) has
//! no meaning, and a validator would either loop or accept anything; it is reported with the
//! pointer of the `$ref` that closes it.

use serde_json::Value;

use crate::spec::{escape, percent_decode};

/// Keywords whose subschemas apply to the same instance as their parent: a `$ref` reached
/// only through these (and other `$ref`s) does not move into the payload.
const IN_PLACE_LIST: [&str; 3] = ["allOf", "anyOf", "oneOf"];
const IN_PLACE_ONE: [&str; 4] = ["not", "if", "then", "else"];
/// Values that are payloads, not schemas: a `"$ref"` key inside them is data.
const DATA: [&str; 5] = ["example", "examples", "default", "const", "enum"];

/// `Err("at <pointer>: ...")` for the first dangling local `$ref` or in-place cycle in `doc`.
pub fn check(doc: &Value) -> Result<(), String> {
    let mut refs = Vec::new();
    collect(doc, "", &mut refs);
    for (at, target) in &refs {
        if doc.pointer(target).is_none() {
            return Err(format!(
                "at {at}: $ref `#{target}` does not resolve (nothing at {target})"
            ));
        }
    }
    for (at, target) in &refs {
        let mut chain = vec![target.clone()];
        if let Some(cycle) = cycle_from(doc, &mut chain) {
            return Err(format!(
                "at {at}: $ref cycle that never enters the payload: {}",
                cycle
                    .iter()
                    .map(|p| format!("#{p}"))
                    .collect::<Vec<_>>()
                    .join(" -> ")
            ));
        }
    }
    Ok(())
}

/// Every local `$ref` string in `value` with the pointer of the object holding it.
fn collect(value: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref")
                && let Some(fragment) = r.strip_prefix('#')
            {
                out.push((at.to_owned(), percent_decode(fragment)));
            }
            for (key, child) in map {
                if !DATA.contains(&key.as_str()) {
                    collect(child, &format!("{at}/{}", escape(key)), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                collect(child, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Depth-first along in-place references from the last pointer of `chain`; the chain closed
/// into a cycle when one comes back.
fn cycle_from(doc: &Value, chain: &mut Vec<String>) -> Option<Vec<String>> {
    if chain.len() > 64 {
        return None; // deeper than any document here; not a cycle found so far
    }
    let schema = doc.pointer(chain.last()?)?;
    let mut next = Vec::new();
    in_place_refs(schema, &mut next);
    for target in next {
        if let Some(start) = chain.iter().position(|p| *p == target) {
            let mut cycle = chain[start..].to_vec();
            cycle.push(target);
            return Some(cycle);
        }
        chain.push(target);
        if let Some(cycle) = cycle_from(doc, chain) {
            return Some(cycle);
        }
        chain.pop();
    }
    None
}

/// The local `$ref` targets `schema` applies to its own instance.
fn in_place_refs(schema: &Value, out: &mut Vec<String>) {
    let Some(map) = schema.as_object() else {
        return;
    };
    if let Some(fragment) = map
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
    {
        out.push(percent_decode(fragment));
    }
    for key in IN_PLACE_LIST {
        for sub in map.get(key).and_then(Value::as_array).into_iter().flatten() {
            in_place_refs(sub, out);
        }
    }
    for key in IN_PLACE_ONE {
        if let Some(sub) = map.get(key) {
            in_place_refs(sub, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check;
    use serde_json::json;

    fn doc(schemas: serde_json::Value) -> serde_json::Value {
        json!({"openapi": "3.1.0", "components": {"schemas": schemas}})
    }

    #[test]
    fn a_dangling_ref_names_its_pointer() {
        let d = doc(json!({"A": {"properties": {"b": {"$ref": "#/components/schemas/Missing"}}}}));
        assert_eq!(
            check(&d).unwrap_err(),
            "at /components/schemas/A/properties/b: $ref `#/components/schemas/Missing` does \
not resolve (nothing at /components/schemas/Missing)"
        );
    }

    #[test]
    fn an_in_place_cycle_is_reported_and_recursion_through_the_payload_is_not() {
        let d = doc(json!({
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"allOf": [{"$ref": "#/components/schemas/A"}]}
        }));
        assert_eq!(
            check(&d).unwrap_err(),
            "at /components/schemas/A: $ref cycle that never enters the payload: \
#/components/schemas/B -> #/components/schemas/A -> #/components/schemas/B"
        );
        let tree = doc(json!({
            "Node": {"type": "object", "properties": {
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}},
            "Json": {"oneOf": [{"type": "string"}, {"additionalProperties": {"$ref": "#/components/schemas/Json"}}]}
        }));
        assert_eq!(check(&tree), Ok(()));
    }

    #[test]
    fn refs_inside_example_values_are_data() {
        let d = doc(json!({"A": {"type": "object", "example": {"$ref": "#/nowhere"}}}));
        assert_eq!(check(&d), Ok(()));
    }
}
