//! Streams judged by their `x-sse-events` table, on a small hand-written document: each frame
//! against the schema its `event:` names, open and closed tables, the `event:`/`type`
//! agreement, terminal events and the `done` line. The published corpus shows the same rules
//! on the real documents (`corpus/negative/*/…stream…`).

use kindo_conformance::target::{Judgement, judge};
use kindo_conformance::{Failure, Spec};
use serde_json::{Value, json};

const MEDIA: &str = "/paths/~1s/post/responses/200/content/text~1event-stream";

fn spec(open: bool, done: Option<&str>) -> (tempfile::TempDir, Spec) {
    let mut table = json!({ "open": open, "events": {
        "a.delta": { "schema": { "$ref": "#/components/schemas/Delta" }, "terminal": false },
        "a.done": { "schema": { "$ref": "#/components/schemas/Done" }, "terminal": true },
        "message": { "schema": { "$ref": "#/components/schemas/Delta" }, "terminal": false }
    } });
    if let Some(done) = done {
        table["done"] = json!(done);
    }
    let object = |required: &str| {
        json!({ "type": "object", "required": [required], "properties": {
            "type": { "type": "string" }, required: { "type": "string" } } })
    };
    let doc = json!({
        "openapi": "3.1.0",
        "info": { "title": "t", "version": "1" },
        "paths": { "/s": { "post": { "operationId": "s", "responses": { "200": {
            "description": "ok",
            "content": { "text/event-stream": {
                "schema": { "type": "string" },
                "x-sse-data-schema": { "$ref": "#/components/schemas/Any" },
                "x-sse-events": table
            } }
        } } } } },
        "components": { "schemas": {
            "Delta": object("delta"),
            "Done": object("text"),
            "Any": { "anyOf": [ { "$ref": "#/components/schemas/Delta" }, { "$ref": "#/components/schemas/Done" } ] }
        } }
    });
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.openapi.json"),
        serde_json::to_string(&doc).unwrap(),
    )
    .unwrap();
    let spec = Spec::load(dir.path()).unwrap();
    (dir, spec)
}

fn failures(spec: &Spec, text: &str) -> Vec<Failure> {
    match judge(spec, 0, MEDIA, &Value::String(text.into())).unwrap() {
        Judgement::Conforms => Vec::new(),
        Judgement::Fails(f) => f,
        Judgement::Skipped(why) => panic!("skipped: {why}"),
    }
}

#[test]
fn each_frame_is_judged_by_the_schema_its_event_names() {
    let (_d, spec) = spec(true, None);
    let good =
        "event: a.delta\ndata: {\"delta\":\"x\"}\n\nevent: a.done\ndata: {\"text\":\"x\"}\n\n";
    assert!(failures(&spec, good).is_empty());
    // A `Done` payload under the delta's name: the union accepts it, the named schema does not.
    let f = failures(&spec, "event: a.delta\ndata: {\"text\":\"x\"}\n\n");
    assert_eq!(
        (f[0].pointer.as_str(), f[0].event),
        ("/delta", Some(0)),
        "{f:?}"
    );
    // Unnamed frames are `message`.
    let f = failures(&spec, "data: {\"text\":\"x\"}\n\n");
    assert_eq!(f[0].pointer, "/delta", "{f:?}");
}

#[test]
fn unknown_names_pass_an_open_table_by_the_data_schema_and_fail_a_closed_one() {
    let (_d, open) = spec(true, None);
    let unknown = "event: a.other\ndata: {\"text\":\"x\"}\n\n";
    assert!(failures(&open, unknown).is_empty());
    // Still judged by `x-sse-data-schema`.
    let f = failures(&open, "event: a.other\ndata: {\"neither\":1}\n\n");
    assert!(!f.is_empty());
    let (_d, closed) = spec(false, None);
    let f = failures(&closed, unknown);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].message.contains("`a.other`"), "{}", f[0].message);
}

#[test]
fn a_payload_type_other_than_the_event_name_fails_at_type() {
    let (_d, spec) = spec(true, None);
    let f = failures(
        &spec,
        "event: a.delta\ndata: {\"type\":\"a.done\",\"delta\":\"x\"}\n\n",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].pointer, "/type");
    assert!(
        failures(
            &spec,
            "event: a.delta\ndata: {\"type\":\"a.delta\",\"delta\":\"x\"}\n\n"
        )
        .is_empty()
    );
}

#[test]
fn nothing_but_the_done_line_follows_a_terminal_event() {
    let (_d, spec) = spec(true, Some("[DONE]"));
    let done = "event: a.done\ndata: {\"text\":\"x\"}\n\ndata: [DONE]\n\n";
    assert!(failures(&spec, done).is_empty());
    let f = failures(
        &spec,
        "event: a.done\ndata: {\"text\":\"x\"}\n\nevent: a.delta\ndata: {\"delta\":\"x\"}\n\ndata: [DONE]\n\n",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].event, Some(1));
    assert!(f[0].message.contains("after the terminal event `a.done`"));
    // The table's `done` line is required: without it the stream is truncated.
    let f = failures(&spec, "event: a.delta\ndata: {\"delta\":\"x\"}\n\n");
    assert!(f[0].message.contains("[DONE]"), "{f:?}");
}
