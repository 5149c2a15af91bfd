//! Behaviour the published corpus cannot show yet (no `oneOf`, no stream schema so far),
//! exercised on a small hand-written 3.1 document in a temporary spec directory: the first
//! real cause inside `oneOf`, and `text/event-stream` examples judged event by event.

use std::path::Path;

use kindo_conformance::{Check, Report, Status};
use serde_json::{Value, json};

fn document() -> Value {
    let stream = |schema: Value| json!({ "description": "ok", "content": { "text/event-stream": { "schema": schema } } });
    json!({
        "openapi": "3.1.0",
        "info": { "title": "demo", "version": "1" },
        "paths": {
            "/v1/chat": { "post": {
                "operationId": "chat",
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ChatRequest" } } } },
                "responses": { "200": { "description": "ok", "content": {
                    "application/json": { "schema": { "$ref": "#/components/schemas/Chat" } },
                    "text/event-stream": { "schema": { "$ref": "#/components/schemas/ChatEvent" } }
                } } }
            } },
            "/v1/content-schema": { "post": {
                "operationId": "contentSchemaStream",
                "responses": { "200": stream(json!({ "type": "string", "contentMediaType": "application/json", "contentSchema": { "$ref": "#/components/schemas/ChatEvent" } })) }
            } },
            "/v1/extension": { "post": {
                "operationId": "extensionStream",
                "responses": { "200": { "description": "ok", "content": { "text/event-stream": {
                    "schema": { "type": "string" },
                    "x-sse-data-schema": { "$ref": "#/components/schemas/ChatEvent" } } } } }
            } },
            "/v1/legacy": { "post": {
                "operationId": "legacyStream",
                "responses": { "200": stream(json!({ "type": "string" })) }
            } }
        },
        "components": { "schemas": {
            "ChatRequest": { "type": "object", "required": ["messages"], "properties": {
                "messages": { "type": "array", "items": { "$ref": "#/components/schemas/Message" } } } },
            "Message": { "oneOf": [
                { "type": "object", "required": ["role", "content"], "properties": {
                    "role": { "enum": ["user"] }, "content": { "type": "string" } } },
                { "type": "object", "required": ["role", "tool_call_id"], "properties": {
                    "role": { "enum": ["tool"] }, "tool_call_id": { "type": "string" } } }
            ] },
            "Chat": { "type": "object", "required": ["id", "choice"], "properties": {
                "id": { "type": "string" },
                "choice": { "oneOf": [ { "type": "null" }, { "$ref": "#/components/schemas/Choice" } ] } } },
            "Choice": { "type": "object", "required": ["index"], "properties": { "index": { "type": "integer" } },
                "example": { "index": "first" } },
            "ChatEvent": { "type": "object", "required": ["id", "delta"], "properties": {
                "id": { "type": "string" },
                "delta": { "type": "object", "properties": { "content": { "type": "string" } } } } }
        } }
    })
}

const GOOD_STREAM: &str = "data: {\"id\":\"a\",\"delta\":{\"content\":\"Hi\"}}\n\n: keep-alive\n\ndata: {\"id\":\"a\",\"delta\":{}}\n\ndata: [DONE]\n\n";

fn write(dir: &Path, rel: &str, value: &Value) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
}

fn example(op: &str, direction: &str, status: Option<u16>, media: &str, value: Value) -> Value {
    let mut v = json!({ "operations": [op], "direction": direction, "media_type": media,
        "summary": "s", "source": { "pages": [] }, "value": value });
    if let Some(s) = status {
        v["status"] = json!(s);
    }
    v
}

fn negative(op: &str, direction: &str, status: Option<u16>, at: &str, value: Value) -> Value {
    let mut v = json!({ "operation": op, "direction": direction, "description": "d",
        "expect_error_at": at, "value": value });
    if let Some(s) = status {
        v["status"] = json!(s);
    }
    v
}

/// One folder that is both the spec and the corpus directory: the demo document and valid
/// examples for everything.
fn spec_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "demo.openapi.json", &document());
    write(
        d,
        "examples/chat/request.json",
        &example(
            "chat",
            "request",
            None,
            "application/json",
            json!({ "messages": [ { "role": "user", "content": "hi" }, { "role": "tool", "tool_call_id": "c1" } ] }),
        ),
    );
    write(
        d,
        "examples/chat/response.json",
        &example(
            "chat",
            "response",
            Some(200),
            "application/json",
            json!({ "id": "x", "choice": null }),
        ),
    );
    write(
        d,
        "examples/chat/stream.json",
        &example(
            "chat",
            "response",
            Some(200),
            "text/event-stream",
            json!(GOOD_STREAM),
        ),
    );
    write(
        d,
        "examples/chat/content-schema-stream.json",
        &example(
            "contentSchemaStream",
            "response",
            Some(200),
            "text/event-stream",
            json!(GOOD_STREAM),
        ),
    );
    write(
        d,
        "examples/chat/extension-stream.json",
        &example(
            "extensionStream",
            "response",
            Some(200),
            "text/event-stream",
            json!(GOOD_STREAM),
        ),
    );
    write(
        d,
        "examples/chat/legacy-stream.json",
        &example(
            "legacyStream",
            "response",
            Some(200),
            "text/event-stream",
            json!(GOOD_STREAM),
        ),
    );
    dir
}

fn outcomes_for<'a>(report: &'a Report, file_suffix: &str) -> Vec<&'a kindo_conformance::Outcome> {
    report
        .outcomes
        .iter()
        .filter(|o| o.file.ends_with(file_suffix))
        .collect()
}

#[test]
fn valid_streams_pass_and_a_stream_without_event_schema_is_skipped_with_a_reason() {
    let dir = spec_dir();
    let report = kindo_conformance::check(dir.path(), dir.path()).unwrap();
    for file in [
        "stream.json",
        "content-schema-stream.json",
        "extension-stream.json",
        "request.json",
        "response.json",
    ] {
        let o = outcomes_for(&report, &format!("/{file}"));
        assert!(
            !o.is_empty() && o.iter().all(|o| o.status == Status::Pass),
            "{file}: {o:?}"
        );
    }
    let legacy = outcomes_for(&report, "legacy-stream.json");
    assert_eq!(legacy.len(), 1);
    assert_eq!(legacy[0].status, Status::Skip);
    assert!(
        legacy[0]
            .note
            .as_deref()
            .unwrap()
            .contains("declares no per-event schema")
    );
    // The document's own bad `example` on Choice is the one failure.
    let failed: Vec<_> = report
        .outcomes
        .iter()
        .filter(|o| o.status == Status::Fail)
        .collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0].check, Check::DocumentExample);
    assert_eq!(failed[0].target, "/components/schemas/Choice/example");
    assert_eq!(failed[0].failures[0].pointer, "/index");
}

#[test]
fn a_bad_event_is_reported_with_its_index_and_pointer() {
    let dir = spec_dir();
    let bad = "data: {\"id\":\"a\",\"delta\":{\"content\":\"Hi\"}}\n\ndata: {\"id\":\"a\",\"delta\":{\"content\":5}}\n\ndata: not json\n\ndata: [DONE]\n\ndata: {\"id\":\"late\",\"delta\":{}}\n\n";
    for file in [
        "examples/chat/stream.json",
        "examples/chat/content-schema-stream.json",
        "examples/chat/extension-stream.json",
    ] {
        let path = dir.path().join(file);
        let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        v["value"] = json!(bad);
        write(dir.path(), file, &v);
    }
    let report = kindo_conformance::check(dir.path(), dir.path()).unwrap();
    for file in [
        "/stream.json",
        "/content-schema-stream.json",
        "/extension-stream.json",
    ] {
        let o = outcomes_for(&report, file);
        assert_eq!(o[0].status, Status::Fail, "{file}");
        let f = &o[0].failures;
        assert_eq!(
            (f[0].event, f[0].pointer.as_str()),
            (Some(1), "/delta/content"),
            "{f:?}"
        );
        assert_eq!(f[1].event, Some(2));
        assert!(f[1].message.contains("not JSON"), "{}", f[1].message);
        assert_eq!(f[2].event, Some(4));
        assert!(
            f[2].message.contains("after the [DONE]"),
            "{}",
            f[2].message
        );
        assert_eq!(f.len(), 3);
    }
    let text = report.to_text(false);
    assert!(
        text.contains("event 1 at /delta/content: 5 is not of type \"string\""),
        "{text}"
    );
}

#[test]
fn the_first_real_cause_inside_one_of_is_reported() {
    let dir = spec_dir();
    let d = dir.path();
    // Closest branch is "user": only `content` is wrong there.
    write(
        d,
        "negative/chat/user-content-number.json",
        &negative(
            "chat",
            "request",
            None,
            "/messages/0/content",
            json!({ "messages": [ { "role": "user", "content": 5 } ] }),
        ),
    );
    // A nullable `$ref` (oneOf with null): the cause is inside the object, not "not null".
    write(
        d,
        "negative/chat/choice-index-string.json",
        &negative(
            "chat",
            "response",
            Some(200),
            "/choice/index",
            json!({ "id": "x", "choice": { "index": "0" } }),
        ),
    );
    // ... and a missing required property inside it is pointed at the property.
    write(
        d,
        "negative/chat/choice-missing-index.json",
        &negative(
            "chat",
            "response",
            Some(200),
            "/choice/index",
            json!({ "id": "x", "choice": {} }),
        ),
    );
    // A wrong expectation is itself reported.
    write(
        d,
        "negative/chat/wrong-expectation.json",
        &negative(
            "chat",
            "response",
            Some(200),
            "/id",
            json!({ "id": "x", "choice": { "index": "0" } }),
        ),
    );
    let report = kindo_conformance::check(d, d).unwrap();
    for file in [
        "user-content-number.json",
        "choice-index-string.json",
        "choice-missing-index.json",
    ] {
        let o = outcomes_for(&report, file);
        assert_eq!(o[0].status, Status::Pass, "{file}: {:?}", o[0]);
    }
    let wrong = outcomes_for(&report, "wrong-expectation.json");
    assert_eq!(wrong[0].status, Status::Fail);
    assert!(
        wrong[0].failures[0]
            .message
            .contains("rejected at /choice/index instead of /id")
    );
}

#[test]
fn coverage_counts_each_success_media_type() {
    let dir = spec_dir();
    std::fs::remove_file(dir.path().join("examples/chat/stream.json")).unwrap();
    let report = kindo_conformance::run(
        &kindo_conformance::load(dir.path(), dir.path()).unwrap(),
        kindo_conformance::Selection::COVERAGE,
    )
    .unwrap();
    let gaps: Vec<_> = report
        .outcomes
        .iter()
        .filter(|o| o.status == Status::Fail)
        .collect();
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert_eq!(gaps[0].operation.as_deref(), Some("chat"));
    assert_eq!(gaps[0].target, "response 200 text/event-stream");
}
