//! `$ref` sanity before converting: every local reference must name something, and no chain
//! of references may return to its start without descending into the payload (`A: {$ref: B}`,
//! `B: {allOf: [{$ref: A}]}`), which means nothing and would make the rules that look through
//! references (rule 3, S2) chase it. The conformance checker applies the same rule to the
//! published files on its side (it cannot depend on this crate).

use serde_json::Value;

use super::error::{ErrorKind, Oas30Error, Result, push};

/// Subschemas that apply to the same instance as their parent.
const IN_PLACE_LIST: [&str; 3] = ["allOf", "anyOf", "oneOf"];
const IN_PLACE_ONE: [&str; 4] = ["not", "if", "then", "else"];
/// Payload values: a `"$ref"` key inside them is data.
const DATA: [&str; 5] = ["example", "examples", "default", "const", "enum"];

/// The first dangling local `$ref` or in-place cycle, at the pointer of the object holding it.
pub fn check(doc: &Value) -> Result<()> {
    let mut refs = Vec::new();
    collect(doc, "", &mut refs);
    for (at, target) in &refs {
        if doc.pointer(target).is_none() {
            return Err(Oas30Error::new(
                at,
                ErrorKind::Reference(format!("`#{target}` does not resolve")),
            ));
        }
    }
    for (at, target) in &refs {
        let mut chain = vec![target.clone()];
        if let Some(cycle) = cycle_from(doc, &mut chain) {
            let shown: Vec<String> = cycle.iter().map(|p| format!("#{p}")).collect();
            return Err(Oas30Error::new(
                at,
                ErrorKind::Reference(format!(
                    "cycle that never enters the payload: {}",
                    shown.join(" -> ")
                )),
            ));
        }
    }
    Ok(())
}

fn collect(value: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            if let Some(target) = local_target(value) {
                out.push((at.to_owned(), target));
            }
            for (key, child) in map {
                if !DATA.contains(&key.as_str()) {
                    collect(child, &push(at, key), out);
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

/// The JSON pointer a local `$ref` (`#/...`, percent-encoding undone) names.
fn local_target(schema: &Value) -> Option<String> {
    let fragment = schema.get("$ref")?.as_str()?.strip_prefix('#')?;
    Some(percent_decode(fragment))
}

fn percent_decode(fragment: &str) -> String {
    let bytes = fragment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = fragment
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn cycle_from(doc: &Value, chain: &mut Vec<String>) -> Option<Vec<String>> {
    if chain.len() > 64 {
        return None;
    }
    let mut next = Vec::new();
    in_place_refs(doc.pointer(chain.last()?)?, &mut next);
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

fn in_place_refs(schema: &Value, out: &mut Vec<String>) {
    let Some(map) = schema.as_object() else {
        return;
    };
    out.extend(local_target(schema));
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
    use super::super::to_oas30;
    use serde_json::json;

    fn doc(schemas: serde_json::Value) -> serde_json::Value {
        json!({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
               "components": {"schemas": schemas}})
    }

    #[test]
    fn a_dangling_ref_is_an_error_at_its_pointer() {
        let err = to_oas30(&doc(json!({"A": {"type": "object", "properties": {
            "b": {"$ref": "#/components/schemas/Gone"}}}})))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "/components/schemas/A/properties/b: $ref `#/components/schemas/Gone` does not resolve"
        );
    }

    #[test]
    fn an_in_place_cycle_is_an_error_and_recursion_through_items_is_not() {
        let err = to_oas30(&doc(json!({
            "A": {"oneOf": [{"$ref": "#/components/schemas/B"}, {"type": "string"}]},
            "B": {"$ref": "#/components/schemas/A"}
        })))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "/components/schemas/A/oneOf/0: $ref cycle that never enters the payload: \
#/components/schemas/B -> #/components/schemas/A -> #/components/schemas/B"
        );
        let tree = doc(json!({"Node": {"type": "object", "properties": {"children":
            {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}}));
        assert!(to_oas30(&tree).is_ok());
    }
}
