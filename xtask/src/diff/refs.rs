//! Local `$ref` resolution (`#/…` pointers). Chains are followed up to a bound, so a reference
//! loop resolves to the last object reached instead of hanging.

use serde_json::Value;

const MAX_CHAIN: usize = 32;

/// Follows `$ref` from `value` within `root`. Returns the target and the last reference
/// followed (`None` when `value` was inline). An unresolvable reference stays as it is, so two
/// equal unresolvable references still compare equal.
pub fn resolve<'a>(root: &'a Value, value: &'a Value) -> (&'a Value, Option<&'a str>) {
    let mut current = value;
    let mut last = None;
    for _ in 0..MAX_CHAIN {
        let Some(reference) = current.get("$ref").and_then(Value::as_str) else {
            break;
        };
        match target(root, reference) {
            Some(next) => {
                last = Some(reference);
                current = next;
            }
            None => break,
        }
    }
    (current, last)
}

fn target<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    let pointer = reference.strip_prefix('#')?;
    let decoded = percent_decode(pointer);
    root.pointer(&decoded)
}

/// `%7B` → `{` and friends, as allowed in a URI fragment.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = hex(bytes[i + 1])
                .zip(hex(bytes[i + 2]))
                .map(|(h, l)| h * 16 + l)
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

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
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
