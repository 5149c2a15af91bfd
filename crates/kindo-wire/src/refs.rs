//! `$ref` sanity of a document: every local reference must name something, and no chain of
//! references may come back to where it started without descending into the payload. Such a
//! cycle (`A: {$ref: B}`, `B: {allOf: [{$ref: A}]}`) has no meaning: a validator would loop
//! or accept anything, and rules that look through references would chase it. The documents
//! crate applies this before converting to 3.0.3, the checker to the files it reads.

use serde_json::Value;

use crate::pointer::{push, ref_target};

/// Keywords whose subschemas apply to the same instance as their parent: a `$ref` reached
/// only through these (and other `$ref`s) does not move into the payload.
const IN_PLACE_LIST: [&str; 3] = ["allOf", "anyOf", "oneOf"];
const IN_PLACE_ONE: [&str; 4] = ["not", "if", "then", "else"];
/// Values that are payloads, not schemas: a `"$ref"` key inside them is data.
const DATA: [&str; 5] = ["example", "examples", "default", "const", "enum"];
/// Longer in-place chains than this are not followed (deeper than any document here).
const MAX_CHAIN: usize = 64;

/// The first problem found, at the pointer of the object holding the offending `$ref`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefProblem {
    pub at: String,
    pub kind: RefProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefProblemKind {
    /// Nothing is at the pointer the `$ref` names.
    Dangling { target: String },
    /// The pointers of the chain, the first repeated at the end.
    Cycle(Vec<String>),
}

impl RefProblemKind {
    /// The chain as `#/a -> #/b -> #/a`, for messages.
    pub fn cycle_text(cycle: &[String]) -> String {
        cycle
            .iter()
            .map(|p| format!("#{p}"))
            .collect::<Vec<_>>()
            .join(" -> ")
    }
}

/// The first dangling local `$ref` (all of them are checked before any cycle) or in-place
/// cycle in `doc`.
pub fn check(doc: &Value) -> Result<(), RefProblem> {
    let mut refs = Vec::new();
    collect(doc, "", &mut refs);
    for (at, target) in &refs {
        if doc.pointer(target).is_none() {
            return Err(RefProblem {
                at: at.clone(),
                kind: RefProblemKind::Dangling {
                    target: target.clone(),
                },
            });
        }
    }
    for (at, target) in &refs {
        let mut chain = vec![target.clone()];
        if let Some(cycle) = cycle_from(doc, &mut chain) {
            return Err(RefProblem {
                at: at.clone(),
                kind: RefProblemKind::Cycle(cycle),
            });
        }
    }
    Ok(())
}

/// Every local `$ref` in `value` with the pointer of the object holding it.
fn collect(value: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            if let Some(target) = ref_target(value) {
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

/// Depth-first along in-place references from the last pointer of `chain`; the chain closed
/// into a cycle when one comes back.
fn cycle_from(doc: &Value, chain: &mut Vec<String>) -> Option<Vec<String>> {
    if chain.len() > MAX_CHAIN {
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

/// The local `$ref` targets `schema` applies to its own instance.
fn in_place_refs(schema: &Value, out: &mut Vec<String>) {
    let Some(map) = schema.as_object() else {
        return;
    };
    out.extend(ref_target(schema));
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
    use super::*;
    use serde_json::json;

    fn doc(schemas: Value) -> Value {
        json!({"components": {"schemas": schemas}})
    }

    #[test]
    fn a_dangling_ref_names_where_it_stands_and_what_it_names() {
        let d = doc(json!({"A~": {"properties": {"b": {"$ref": "#/components/schemas/Missing"}}}}));
        assert_eq!(
            check(&d),
            Err(RefProblem {
                at: "/components/schemas/A~0/properties/b".into(),
                kind: RefProblemKind::Dangling {
                    target: "/components/schemas/Missing".into()
                }
            })
        );
    }

    #[test]
    fn an_in_place_cycle_is_reported_but_one_through_the_payload_is_not() {
        let cyclic = doc(json!({
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"allOf": [{"$ref": "#/components/schemas/A"}]}
        }));
        let Err(RefProblem {
            at,
            kind: RefProblemKind::Cycle(cycle),
        }) = check(&cyclic)
        else {
            panic!("cycle not found");
        };
        assert_eq!(at, "/components/schemas/A");
        assert_eq!(
            RefProblemKind::cycle_text(&cycle),
            "#/components/schemas/B -> #/components/schemas/A -> #/components/schemas/B"
        );
        let recursive = doc(json!({
            "Node": {"properties": {"children": {"items": {"$ref": "#/components/schemas/Node"}}}}
        }));
        assert_eq!(check(&recursive), Ok(()));
    }

    #[test]
    fn refs_inside_payload_values_are_data() {
        let d = doc(
            json!({"A": {"type": "object", "example": {"$ref": "#/nowhere"},
                                  "enum": [{"$ref": "#/nowhere"}]}}),
        );
        assert_eq!(check(&d), Ok(()));
    }
}
