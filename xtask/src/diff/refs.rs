//! Local `$ref` resolution (`#/…` pointers). Chains are followed up to a bound, so a reference
//! loop resolves to the last object reached instead of hanging.

use serde_json::Value;

const MAX_CHAIN: usize = 32;

/// Follows `$ref` from `value` within `root`. Returns the target and the last reference
/// followed (`None` when `value` was inline). An unresolvable reference stays as it is, so two
/// equal unresolvable references still compare equal.
pub fn resolve<'a>(root: &'a Value, value: &'a Value) -> (&'a Value, Option<&'a str>) {
    kindo_wire::pointer::follow(root, value, MAX_CHAIN)
}

/// The last token of a reference: the component's name.
pub fn ref_name(reference: &str) -> &str {
    reference.rsplit('/').next().unwrap_or(reference)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn follows_chains_and_stops_on_loops() {
        let root = json!({"components": {"schemas": {
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"type": "string"},
            "L": {"$ref": "#/components/schemas/M"},
            "M": {"$ref": "#/components/schemas/L"},
        }}});
        let a = json!({"$ref": "#/components/schemas/A"});
        let (t, r) = resolve(&root, &a);
        assert_eq!(t, &json!({"type": "string"}));
        assert_eq!(r, Some("#/components/schemas/B"));
        let l = json!({"$ref": "#/components/schemas/L"});
        let (t, _) = resolve(&root, &l);
        assert!(
            t.get("$ref").is_some(),
            "a loop ends on a reference, not a hang"
        );
        let missing = json!({"$ref": "#/components/schemas/Nope"});
        assert_eq!(resolve(&root, &missing).0, &missing);
    }
}
