//! Every nullable reference of the real documents (`oneOf`/`anyOf` of one `$ref` and
//! `{type: null}` in 3.1) has a 3.0.3 rendition that, by OpenAPI 3.0.3's own rules, admits
//! both `null` and what the reference admits. The rules are restated here, independently of
//! the conversion: `nullable: true` widens only the `type` beside it, every `allOf` part must
//! match, and an `enum` without `null` rejects it.

use kindo_openapi::oas30::to_oas30;
use serde_json::Value;

/// JSON pointers (and the referenced schema) of every nullable reference under `value`.
fn nullable_refs(value: &Value, ptr: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for key in ["oneOf", "anyOf"] {
                let Some(branches) = map.get(key).and_then(Value::as_array) else {
                    continue;
                };
                let is_null = |b: &Value| b.get("type").and_then(Value::as_str) == Some("null");
                let refs: Vec<&str> = branches
                    .iter()
                    .filter_map(|b| b.get("$ref").and_then(Value::as_str))
                    .collect();
                if branches.len() == 2 && branches.iter().any(is_null) && refs.len() == 1 {
                    out.push((ptr.to_owned(), refs[0].to_owned()));
                }
            }
            for (k, v) in map {
                let escaped = k.replace('~', "~0").replace('/', "~1");
                nullable_refs(v, &format!("{ptr}/{escaped}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                nullable_refs(v, &format!("{ptr}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn target<'a>(doc: &'a Value, reference: &str) -> &'a Value {
    let pointer = reference.strip_prefix('#').expect("local reference");
    doc.pointer(pointer)
        .unwrap_or_else(|| panic!("{reference} dangles"))
}

/// Whether `null` validates against `schema` under OpenAPI 3.0.3.
fn admits_null(doc: &Value, schema: &Value, depth: usize) -> bool {
    assert!(depth < 64, "reference loop");
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return admits_null(doc, target(doc, r), depth + 1);
    }
    if schema
        .get("enum")
        .and_then(Value::as_array)
        .is_some_and(|e| !e.contains(&Value::Null))
    {
        return false;
    }
    if schema.get("type").is_some() && schema.get("nullable") != Some(&Value::Bool(true)) {
        return false;
    }
    let parts = |key: &str| {
        schema
            .get(key)
            .and_then(Value::as_array)
            .map(|b| b.iter().filter(|s| admits_null(doc, s, depth + 1)).count())
    };
    if let Some(n) = parts("allOf")
        && n != schema["allOf"].as_array().map_or(0, Vec::len)
    {
        return false;
    }
    if parts("oneOf").is_some_and(|n| n != 1) || parts("anyOf").is_some_and(|n| n == 0) {
        return false;
    }
    if let Some(not) = schema.get("not") {
        return !admits_null(doc, not, depth + 1);
    }
    true
}

/// Whether whatever `reference` admits also validates against `schema`: the reference itself,
/// a branch of an `anyOf`/`oneOf` with nothing beside it that could narrow it.
fn admits_ref(schema: &Value, reference: &str) -> bool {
    let is_ref = |s: &Value| s.get("$ref").and_then(Value::as_str) == Some(reference);
    if is_ref(schema) {
        return true;
    }
    let narrows = ["type", "enum", "allOf", "not", "properties", "required"]
        .iter()
        .any(|k| schema.get(*k).is_some());
    !narrows
        && ["anyOf", "oneOf"].iter().any(|k| {
            schema
                .get(*k)
                .and_then(Value::as_array)
                .is_some_and(|b| b.iter().any(is_ref))
        })
}

#[test]
fn every_nullable_ref_admits_null_and_its_target_in_3_0_3() {
    let mut checked = 0;
    let mut problems = Vec::new();
    for doc in kindo_openapi::documents().unwrap() {
        let rendition = to_oas30(&doc.value).unwrap();
        let mut found = Vec::new();
        nullable_refs(&doc.value, "", &mut found);
        for (ptr, reference) in found {
            checked += 1;
            let Some(schema) = rendition.pointer(&ptr) else {
                problems.push(format!("{}: {ptr}: missing from the rendition", doc.name));
                continue;
            };
            if !admits_null(&rendition, schema, 0) {
                problems.push(format!("{}: {ptr}: rejects null: {schema}", doc.name));
            }
            if !admits_ref(schema, &reference) {
                problems.push(format!(
                    "{}: {ptr}: does not admit {reference}: {schema}",
                    doc.name
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // kindo-api alone has more than 28; a walk that finds none proves nothing.
    assert!(checked > 28, "only {checked} nullable references found");
}

#[test]
fn the_rules_restated_here_reject_what_the_old_form_rejected() {
    // `nullable` beside `allOf: [{$ref}]`: the referenced object rejects null, so does this.
    let doc = serde_json::json!({"components": {"schemas": {"X": {"type": "object"}}}});
    let old = serde_json::json!({"nullable": true, "type": "object",
                                 "allOf": [{"$ref": "#/components/schemas/X"}]});
    assert!(!admits_null(&doc, &old, 0));
    let new = serde_json::json!({"anyOf": [{"$ref": "#/components/schemas/X"},
        {"type": "object", "nullable": true, "enum": [null]}]});
    assert!(admits_null(&doc, &new, 0));
    assert!(admits_ref(&new, "#/components/schemas/X"));
}
