//! Properties of the 3.1 → 3.0.3 conversion, over generated schema fragments and over the
//! real documents:
//!
//! - deterministic: the same input converts to the same bytes (or the same error) every time;
//! - idempotent: the rendition, labelled 3.1 again, converts to itself. A second pass is
//!   defined because every keyword the conversion emits is one it accepts and leaves alone
//!   (`nullable`, `allOf: [{$ref}]`, a single `type`); only the `openapi` field, which the pass
//!   requires to be 3.1.x, has to be put back.

use proptest::prelude::*;
use serde_json::{Value, json};

use kindo_openapi::oas30::to_oas30;

fn document(schema: Value) -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/v1/x": {"post": {
            "operationId": "x",
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Gen"}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema.clone()}}}}
        }}},
        "components": {"schemas": {
            "Gen": schema,
            "Leaf": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
        }}
    })
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!({"type": "string"})),
        Just(json!({"type": "string", "format": "date-time"})),
        Just(json!({"type": "integer", "format": "int64", "minimum": 0})),
        Just(json!({"type": "number"})),
        Just(json!({"type": "boolean", "description": "a flag"})),
        Just(json!({"type": "string", "enum": ["a", "b"]})),
        Just(json!({"type": "string", "const": "only"})),
        Just(json!({"type": ["string", "null"]})),
        Just(json!({"$ref": "#/components/schemas/Leaf"})),
        Just(json!({"$ref": "#/components/schemas/Leaf", "description": "sibling of a ref"})),
        Just(json!({"type": "object", "additionalProperties": true})),
    ]
}

/// Schema fragments built from the constructs the documents use: objects, arrays, maps,
/// nullable unions, `oneOf`/`anyOf`/`allOf`.
fn schema() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|props| {
                let properties: serde_json::Map<String, Value> = props
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| (format!("p{i}"), s))
                    .collect();
                json!({"type": "object", "required": ["p0"], "properties": properties})
            }),
            inner
                .clone()
                .prop_map(|s| json!({"type": "array", "items": s})),
            inner
                .clone()
                .prop_map(|s| json!({"type": "object", "additionalProperties": s})),
            inner
                .clone()
                .prop_map(|s| json!({"oneOf": [s, {"type": "null"}]})),
            inner
                .clone()
                .prop_map(|s| json!({"oneOf": [{"type": "null"}, s]})),
            prop::collection::vec(inner.clone(), 2..4).prop_map(|v| json!({"oneOf": v})),
            prop::collection::vec(inner, 1..3).prop_map(|v| json!({"allOf": v})),
        ]
    })
}

fn relabel(mut oas30: Value) -> Value {
    oas30["openapi"] = json!("3.1.0");
    oas30
}

fn bytes(result: &Result<Value, kindo_openapi::oas30::Oas30Error>) -> String {
    match result {
        Ok(v) => serde_json::to_string(v).unwrap(),
        Err(e) => format!("error: {e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Also over fragments the conversion refuses (a `type: null` it cannot fold into
    /// `nullable`): the same error, at the same pointer, every time.
    #[test]
    fn conversion_is_deterministic(schema in prop_oneof![
        schema(),
        schema().prop_map(|s| json!({"anyOf": [{"type": "null"}, s]})),
    ]) {
        let doc = document(schema);
        prop_assert_eq!(bytes(&to_oas30(&doc)), bytes(&to_oas30(&doc)));
    }

    #[test]
    fn conversion_is_idempotent(schema in schema()) {
        // Every generated construct has a 3.0.3 form, so the first pass must succeed too.
        let once = to_oas30(&document(schema)).expect("the fragment converts");
        let twice = to_oas30(&relabel(once.clone())).expect("the rendition converts again");
        prop_assert_eq!(relabel(twice), relabel(once));
    }
}

#[test]
fn the_real_documents_convert_deterministically_and_idempotently() {
    for doc in kindo_openapi::documents().unwrap() {
        let once = to_oas30(&doc.value).unwrap();
        assert_eq!(
            serde_json::to_string(&once).unwrap(),
            serde_json::to_string(&to_oas30(&doc.value).unwrap()).unwrap(),
            "{}",
            doc.name
        );
        let twice = to_oas30(&relabel(once.clone()))
            .unwrap_or_else(|e| panic!("{}: second pass: {e}", doc.name));
        assert!(
            relabel(twice) == relabel(once),
            "{}: a second pass changed the rendition",
            doc.name
        );
    }
}
