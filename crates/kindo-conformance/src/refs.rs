//! `$ref` sanity of a document before anything is compiled: every local reference must name
//! something, and no chain of references may come back to where it started without
//! descending into the payload. Such a cycle (`A: {$ref: B}`, `B: {allOf: [{$ref: A}]}`) has
//! no meaning, and a validator would either loop or accept anything; it is reported with the
//! pointer of the `$ref` that closes it. The rule is `kindo-wire`'s, shared with the documents
//! crate; this module words its verdict.

use kindo_wire::refs::{RefProblemKind, check as first_problem};
use serde_json::Value;

/// `Err("at <pointer>: ...")` for the first dangling local `$ref` or in-place cycle in `doc`.
pub fn check(doc: &Value) -> Result<(), String> {
    let Err(problem) = first_problem(doc) else {
        return Ok(());
    };
    let at = problem.at;
    Err(match problem.kind {
        RefProblemKind::Dangling { target } => {
            format!("at {at}: $ref `#{target}` does not resolve (nothing at {target})")
        }
        RefProblemKind::Cycle(cycle) => format!(
            "at {at}: $ref cycle that never enters the payload: {}",
            RefProblemKind::cycle_text(&cycle)
        ),
    })
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
