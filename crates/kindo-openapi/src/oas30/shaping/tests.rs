//! The shaping rules over small documents.

use serde_json::json;

use super::error_type::pascal_case;
use super::*;

/// Both passes, as the generated client sees the document.
fn shaped(mut doc: Value) -> Result<Value> {
    shape(&mut doc)?;
    shape_client(&mut doc)?;
    Ok(doc)
}

fn doc_with(schemas: Value, paths: Value) -> Value {
    json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
           "paths": paths, "components": {"schemas": schemas}})
}

#[test]
fn s1_merges_tagged_newtype_variants() {
    let doc = doc_with(
        json!({
            "Msg": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
            "Item": {"oneOf": [{"allOf": [
                {"$ref": "#/components/schemas/Msg"},
                {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["message"]}}}
            ]}], "discriminator": {"propertyName": "type"}}
        }),
        json!({}),
    );
    let out = shaped(doc).unwrap();
    assert_eq!(
        out["components"]["schemas"]["Item"]["oneOf"][0],
        json!({"type": "object", "required": ["id", "type"], "properties": {
            "id": {"type": "string"}, "type": {"type": "string", "enum": ["message"]}}})
    );
}

#[test]
fn s1_leaves_conflicting_or_composed_parts_alone() {
    let branch = json!({"allOf": [
        {"type": "object", "properties": {"a": {"type": "string"}}},
        {"type": "object", "properties": {"a": {"type": "integer"}}}
    ]});
    let doc = doc_with(json!({"X": {"oneOf": [branch.clone()]}}), json!({}));
    assert_eq!(
        shaped(doc).unwrap()["components"]["schemas"]["X"]["oneOf"][0],
        branch
    );
}

#[test]
fn s2_non_negative_integers_become_unsigned() {
    let doc = doc_with(
        json!({"X": {"type": "object", "properties": {
            "n": {"type": "integer", "format": "int32", "minimum": 0},
            "m": {"type": "integer", "format": "int64", "minimum": 1},
            "s": {"type": "integer", "format": "int32"}
        }}}),
        json!({}),
    );
    let out = shaped(doc).unwrap();
    let props = &out["components"]["schemas"]["X"]["properties"];
    assert_eq!(props["n"]["format"], "uint32");
    assert_eq!(props["m"]["format"], "uint64");
    assert_eq!(props["s"]["format"], "int32");
}

fn error_op(bodies: &[(&str, Value)]) -> Value {
    let mut responses = Map::new();
    responses.insert(
        "200".into(),
        json!({"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}}),
    );
    for (status, schema) in bodies {
        let response = if schema.is_null() {
            json!({"description": "e"})
        } else {
            json!({"description": "e", "content": {"application/json": {"schema": schema}}})
        };
        responses.insert((*status).into(), response);
    }
    json!({"/v1/x": {"post": {"operationId": "createThing", "responses": responses}}})
}

fn flat_and_nested() -> Value {
    json!({
        "Flat": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
        "Nested": {"type": "object", "required": ["error"], "properties": {"error": {"$ref": "#/components/schemas/Inner"}}},
        "Inner": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}}
    })
}

#[test]
fn s3_synthesizes_one_of_for_disjoint_error_bodies() {
    let doc = doc_with(
        flat_and_nested(),
        error_op(&[
            ("400", json!({"$ref": "#/components/schemas/Nested"})),
            ("401", json!({"$ref": "#/components/schemas/Flat"})),
            ("429", json!({"$ref": "#/components/schemas/Nested"})),
        ]),
    );
    let out = shaped(doc).unwrap();
    let error = &out["components"]["schemas"]["CreateThingError"];
    assert_eq!(
        error["oneOf"],
        json!([{"$ref": "#/components/schemas/Nested"}, {"$ref": "#/components/schemas/Flat"}])
    );
    for status in ["400", "401", "429"] {
        assert_eq!(
            out["paths"]["/v1/x"]["post"]["responses"][status]["content"]["application/json"]["schema"],
            json!({"$ref": "#/components/schemas/CreateThingError"}),
            "{status}"
        );
    }
    // The success body is untouched.
    assert_eq!(
        out["paths"]["/v1/x"]["post"]["responses"]["200"]["content"]["application/json"]["schema"],
        json!({"type": "string"})
    );
}

#[test]
fn s3_uses_any_of_when_bodies_may_overlap() {
    let doc = doc_with(
        json!({
            "A": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
            "B": {"type": "object", "required": ["error", "message"], "properties": {"error": {"type": "string"}, "message": {"type": "string"}}}
        }),
        error_op(&[
            ("401", json!({"$ref": "#/components/schemas/A"})),
            ("404", json!({"$ref": "#/components/schemas/B"})),
        ]),
    );
    let out = shaped(doc).unwrap();
    assert!(out["components"]["schemas"]["CreateThingError"]["anyOf"].is_array());
}

#[test]
fn s3_leaves_a_single_error_body_alone() {
    let ops = error_op(&[
        ("401", json!({"$ref": "#/components/schemas/Flat"})),
        ("500", json!({"$ref": "#/components/schemas/Flat"})),
    ]);
    let doc = doc_with(flat_and_nested(), ops);
    let out = shaped(doc.clone()).unwrap();
    assert_eq!(out, doc);
}

#[test]
fn s6_default_becomes_error_ranges_that_replace_explicit_error_codes() {
    let flat = json!({"$ref": "#/components/schemas/Flat"});
    let doc = doc_with(
        flat_and_nested(),
        error_op(&[("404", flat.clone()), ("default", flat.clone())]),
    );
    let mut out = doc.clone();
    shape(&mut out).unwrap();
    assert!(
        out.pointer("/paths/~1v1~1x/post/responses/default")
            .is_some()
    );
    shape_client(&mut out).unwrap();
    let responses = out["paths"]["/v1/x"]["post"]["responses"]
        .as_object()
        .unwrap();
    let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(statuses, ["200", "4XX", "5XX"]);
    assert_eq!(
        responses["4XX"],
        doc["paths"]["/v1/x"]["post"]["responses"]["default"]
    );
}

#[test]
fn s6_leaves_a_lone_default_alone() {
    let doc = doc_with(
        flat_and_nested(),
        json!({"/v1/x": {"get": {"operationId": "x", "responses": {"default": {"description": "any"}}}}}),
    );
    let out = shaped(doc.clone()).unwrap();
    assert_eq!(out, doc);
}

#[test]
fn s5_drops_an_untyped_error_beside_typed_ones() {
    let mut doc = doc_with(
        flat_and_nested(),
        error_op(&[
            ("401", json!({"$ref": "#/components/schemas/Flat"})),
            ("404", Value::Null),
        ]),
    );
    let published = doc.clone();
    shape(&mut doc).unwrap();
    assert!(
        doc.pointer("/paths/~1v1~1x/post/responses/404").is_some(),
        "the published rendition keeps every status"
    );
    shape_client(&mut doc).unwrap();
    assert!(doc.pointer("/paths/~1v1~1x/post/responses/404").is_none());
    assert!(doc.pointer("/paths/~1v1~1x/post/responses/401").is_some());
    assert_ne!(doc, published);
}

#[test]
fn s5_keeps_untyped_responses_when_nothing_beside_them_is_typed() {
    let doc = doc_with(
        json!({}),
        json!({"/v1/x": {"get": {"operationId": "x", "responses": {
            "204": {"description": "none"},
            "404": {"description": "none"}
        }}}}),
    );
    assert_eq!(shaped(doc.clone()).unwrap(), doc);
}

#[test]
fn s3_mixed_success_bodies_fail_instead_of_panicking_progenitor() {
    let doc = doc_with(
        json!({}),
        json!({"/v1/x": {"get": {"operationId": "x", "responses": {
            "200": {"description": "a", "content": {"application/json": {"schema": {"type": "string"}}}},
            "202": {"description": "b", "content": {"application/json": {"schema": {"type": "integer"}}}}
        }}}}),
    );
    let e = shaped(doc).unwrap_err();
    assert!(e.to_string().contains("success responses 200, 202"), "{e}");
}

#[test]
fn s3_name_clash_is_an_error() {
    let mut schemas = flat_and_nested();
    schemas["CreateThingError"] = json!({"type": "string"});
    let doc = doc_with(
        schemas,
        error_op(&[
            ("400", json!({"$ref": "#/components/schemas/Nested"})),
            ("401", json!({"$ref": "#/components/schemas/Flat"})),
        ]),
    );
    assert!(
        shaped(doc)
            .unwrap_err()
            .to_string()
            .contains("CreateThingError")
    );
}

#[test]
fn s4_json_goes_first_beside_event_stream() {
    let doc = doc_with(
        json!({}),
        json!({"/v1/c": {"post": {"operationId": "c", "responses": {"200": {"description": "ok", "content": {
            "text/event-stream": {"schema": {"type": "string"}},
            "application/json": {"schema": {"type": "object"}}
        }}}}}}),
    );
    let out = shaped(doc).unwrap();
    let content = out["paths"]["/v1/c"]["post"]["responses"]["200"]["content"]
        .as_object()
        .unwrap();
    let keys: Vec<&String> = content.keys().collect();
    assert_eq!(keys, ["application/json", "text/event-stream"]);
}

#[test]
fn s4_several_request_media_types_are_an_error() {
    let doc = doc_with(
        json!({}),
        json!({"/v1/c": {"post": {"operationId": "c", "requestBody": {"content": {
            "application/json": {"schema": {}}, "text/plain": {"schema": {}}
        }}, "responses": {}}}}),
    );
    let e = shaped(doc).unwrap_err();
    assert_eq!(e.pointer, "/paths/~1v1~1c/post/requestBody/content");
}

#[test]
fn pascal_case_of_operation_ids() {
    assert_eq!(pascal_case("createChatCompletion"), "CreateChatCompletion");
    assert_eq!(pascal_case("list-models"), "ListModels");
}

#[test]
fn s7_and_s9_shape_a_catch_all_for_the_client_only() {
    let tag = json!({"type": "string", "pattern": "^(?:[^t].*)$", "not": {"enum": ["text"]}});
    let doc = doc_with(
        json!({
            "Other": {"type": "object", "required": ["type"],
                      "properties": {"type": tag}, "additionalProperties": true},
            "Open": {"type": "object", "properties": {"type": {"type": "string"}},
                     "additionalProperties": true},
            "Closed": {"type": "object", "properties": {"type": tag},
                       "additionalProperties": false}
        }),
        json!({}),
    );
    let mut published = doc.clone();
    shape(&mut published).unwrap();
    assert_eq!(published, doc, "neither rule is published");
    let out = shaped(doc).unwrap();
    let schemas = &out["components"]["schemas"];
    assert_eq!(
        schemas["Other"],
        json!({"type": "object", "required": ["type"], "additionalProperties": {},
               "properties": {"type": {"type": "string", "not": {"enum": ["text"]}}}})
    );
    // Not a catch-all, or closed: the object is left as it is.
    assert_eq!(schemas["Open"]["additionalProperties"], true);
    assert_eq!(schemas["Closed"]["additionalProperties"], false);
}
