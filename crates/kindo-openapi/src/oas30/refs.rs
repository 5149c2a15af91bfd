//! `$ref` sanity before converting: every local reference must name something, and no chain
//! of references may return to its start without descending into the payload (`A: {$ref: B}`,
//! `B: {allOf: [{$ref: A}]}`), which means nothing and would make the rules that look through
//! references (rule 3, S2) chase it. The rule is `kindo-wire`'s, which the conformance checker
//! applies to the published files too; this module words its verdict.

use kindo_wire::refs::{RefProblemKind, check as first_problem};
use serde_json::Value;

use super::error::{ErrorKind, Oas30Error, Result};

/// The first dangling local `$ref` or in-place cycle, at the pointer of the object holding it.
pub fn check(doc: &Value) -> Result<()> {
    let Err(problem) = first_problem(doc) else {
        return Ok(());
    };
    let what = match problem.kind {
        RefProblemKind::Dangling { target } => format!("`#{target}` does not resolve"),
        RefProblemKind::Cycle(cycle) => format!(
            "cycle that never enters the payload: {}",
            RefProblemKind::cycle_text(&cycle)
        ),
    };
    Err(Oas30Error::new(&problem.at, ErrorKind::Reference(what)))
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
