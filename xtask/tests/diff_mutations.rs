//! Mutations of the real published documents, each with its asserted verdict: the comparison
//! must see the breaking edits as ERR and the widenings as non-breaking, the gate must ask for
//! the right version bump, and the 3.0.3 renditions must get the same verdict.

use std::fs;

use serde_json::{Value, json};
use xtask::diff::gate::judge;
use xtask::diff::{Change, Level, compare};
use xtask::release::version::Version;
use xtask::workspace_root;

fn published(name: &str) -> Value {
    let path = workspace_root()
        .unwrap()
        .join(format!("spec/{name}.openapi.json"));
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn schema<'a>(doc: &'a mut Value, name: &str) -> &'a mut Value {
    doc.pointer_mut(&format!("/components/schemas/{name}"))
        .unwrap_or_else(|| panic!("{name} is in the document"))
}

/// Adds the property `name` to `schema` and to its `required` list.
fn add_required(schema: &mut Value, name: &str, property: Value) {
    schema["properties"][name] = property;
    schema["required"].as_array_mut().unwrap().push(json!(name));
}

/// The `x-sse-events` of the stream `POST path` answers with.
fn stream_table<'a>(doc: &'a mut Value, path: &str) -> &'a mut Value {
    let pointer = format!(
        "/paths/{}/post/responses/200/content/text~1event-stream/x-sse-events",
        path.replace('/', "~1")
    );
    doc.pointer_mut(&pointer)
        .unwrap_or_else(|| panic!("POST {path} streams"))
}

fn events<'a>(doc: &'a mut Value, path: &str) -> &'a mut serde_json::Map<String, Value> {
    stream_table(doc, path)["events"].as_object_mut().unwrap()
}

fn remove_from(list: &mut Value, item: &str) {
    list.as_array_mut()
        .unwrap()
        .retain(|v| v.as_str() != Some(item));
}

type Mutation = fn(&mut Value);

/// (what, mutation, rule it must produce, must be breaking)
fn mutations() -> Vec<(&'static str, Mutation, &'static str, bool)> {
    vec![
        (
            "remove a required response property",
            |d| {
                let run = schema(d, "Run");
                run["properties"].as_object_mut().unwrap().remove("status");
                remove_from(&mut run["required"], "status");
            },
            "response-required-property-removed",
            true,
        ),
        (
            "add a required response property",
            |d| {
                add_required(schema(d, "Run"), "priority", json!({"type": "integer"}));
            },
            "response-required-property-added",
            false,
        ),
        (
            "add a required request property",
            |d| {
                add_required(
                    schema(d, "RunAgentRequest"),
                    "priority",
                    json!({"type": "integer"}),
                );
            },
            "new-required-request-property",
            true,
        ),
        (
            "make a required request property optional",
            |d| {
                remove_from(&mut schema(d, "RunAgentRequest")["required"], "agentId");
            },
            "request-property-became-optional",
            false,
        ),
        (
            "drop a success status",
            |d| {
                d.pointer_mut("/paths/~1v1~1models/get/responses")
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove("200");
            },
            "response-success-status-removed",
            true,
        ),
        (
            "add an error status",
            |d| {
                d.pointer_mut("/paths/~1v1~1models/get/responses").unwrap()["404"] =
                    json!({"description": "Not found."});
            },
            "response-non-success-status-added",
            false,
        ),
        (
            "narrow a request type (number to integer)",
            |d| {
                schema(d, "CreateMessageRequest")["properties"]["temperature"]["type"] =
                    json!(["integer", "null"]);
            },
            "request-property-type-changed",
            true,
        ),
        (
            "widen a request type (integer to number, format dropped)",
            |d| {
                let max_tokens = &mut schema(d, "CreateMessageRequest")["properties"]["max_tokens"];
                max_tokens["type"] = json!("number");
                max_tokens.as_object_mut().unwrap().remove("format");
            },
            "request-property-type-generalized",
            false,
        ),
        (
            "remove a stream event (Anthropic ping)",
            |d| {
                schema(d, "MessageStreamEvent")["oneOf"]
                    .as_array_mut()
                    .unwrap()
                    .retain(|b| b["$ref"] != json!("#/components/schemas/PingEvent"));
                events(d, "/v1/messages").remove("ping").unwrap();
            },
            "response-stream-event-removed",
            true,
        ),
        (
            "remove a stream event from the Responses event table",
            |d| {
                events(d, "/v1/responses")
                    .remove("response.in_progress")
                    .unwrap();
            },
            "response-stream-event-removed",
            true,
        ),
        (
            "add a stream event to the open Anthropic union",
            |d| {
                d["components"]["schemas"]["NewEvent"] = json!({"type": "object", "required": ["type"],
                "properties": {"type": {"type": "string", "enum": ["message_annotation"]}}});
                schema(d, "MessageStreamEvent")["oneOf"]
                    .as_array_mut()
                    .unwrap()
                    .insert(0, json!({"$ref": "#/components/schemas/NewEvent"}));
                schema(d, "UnknownStreamEvent")["properties"]["type"]["not"]["enum"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!("message_annotation"));
                events(d, "/v1/messages").insert(
                    "message_annotation".into(),
                    json!({"schema": {"$ref": "#/components/schemas/NewEvent"}, "terminal": false}),
                );
            },
            "response-stream-open-event-added",
            false,
        ),
        (
            "add a terminal event to the open Responses table",
            |d| {
                events(d, "/v1/responses").insert(
                    "response.cancelled".into(),
                    json!({"schema": {"$ref": "#/components/schemas/ResponseLifecycleEvent"}, "terminal": true}),
                );
            },
            "response-stream-open-event-added",
            false,
        ),
        (
            "message_stop no longer ends the Messages stream",
            |d| {
                events(d, "/v1/messages")["message_stop"]["terminal"] = json!(false);
            },
            "response-stream-terminal-event-changed",
            true,
        ),
        (
            "the chat stream no longer ends with `[DONE]`",
            |d| {
                stream_table(d, "/v1/chat/completions")
                    .as_object_mut()
                    .unwrap()
                    .remove("done")
                    .unwrap();
            },
            "response-stream-done-changed",
            true,
        ),
    ]
}

fn rules(changes: &[Change]) -> Vec<&str> {
    changes.iter().map(|c| c.rule.as_str()).collect()
}

fn with_version(doc: &Value, v: &str) -> Value {
    let mut d = doc.clone();
    d["info"]["version"] = json!(v);
    d
}

#[test]
fn unchanged_documents_compare_equal() {
    for name in ["kindo-api", "kindo-llm", "koda-control-plane"] {
        let doc = published(name);
        assert_eq!(compare(&doc, &doc), vec![], "{name}");
    }
}

#[test]
fn each_mutation_gets_its_verdict() {
    let released = Version::parse("0.1.0").unwrap();
    let old = with_version(&published("kindo-api"), "0.1.0");
    for (what, mutate, rule, breaking) in mutations() {
        let mut new = old.clone();
        mutate(&mut new);
        let changes = compare(&old, &new);
        assert!(
            rules(&changes).contains(&rule),
            "{what}: expected `{rule}`, got {:?}",
            rules(&changes)
        );
        let errs: Vec<&Change> = changes.iter().filter(|c| c.level == Level::Err).collect();
        assert_eq!(!errs.is_empty(), breaking, "{what}: {changes:#?}");
        // The gate: same version passes only when additive; a patch bump likewise; a minor bump
        // (below 1.0) always passes when there is a change.
        let same = judge(released, &old, &new);
        assert_eq!(
            same.problem.is_some(),
            breaking,
            "{what} at 0.1.0: {:?}",
            same.problem
        );
        let patch = judge(released, &old, &with_version(&new, "0.1.1"));
        assert_eq!(
            patch.problem.is_some(),
            breaking,
            "{what} at 0.1.1: {:?}",
            patch.problem
        );
        let minor = judge(released, &old, &with_version(&new, "0.2.0"));
        assert_eq!(minor.problem, None, "{what} at 0.2.0");
    }
}

#[test]
fn the_oas30_renditions_get_the_same_verdict() {
    let released = Version::parse("0.1.0").unwrap();
    let old = with_version(&published("kindo-api"), "0.1.0");
    let old30 = kindo_openapi::oas30::to_oas30(&old).unwrap();
    for (what, mutate, rule, breaking) in mutations() {
        let mut new = old.clone();
        mutate(&mut new);
        let new30 = kindo_openapi::oas30::to_oas30(&new).unwrap();
        let changes30 = compare(&old30, &new30);
        assert!(
            rules(&changes30).contains(&rule),
            "{what} (3.0.3): {:?}",
            rules(&changes30)
        );
        assert_eq!(
            changes30.iter().any(|c| c.level == Level::Err),
            breaking,
            "{what} (3.0.3): {changes30:#?}"
        );
        let v31 = judge(released, &old, &new);
        let v30 = judge(released, &old30, &new30);
        assert_eq!(v31.problem.is_some(), v30.problem.is_some(), "{what}");
    }
    assert_eq!(compare(&old30, &old30), vec![]);
}

#[test]
fn a_bump_without_change_is_refused() {
    let released = Version::parse("0.1.0").unwrap();
    let old = with_version(&published("kindo-llm"), "0.1.0");
    let j = judge(released, &old, &with_version(&old, "0.1.1"));
    assert!(j.problem.unwrap().contains("no change"));
    let j = judge(released, &old, &with_version(&old, "0.0.9"));
    assert!(j.problem.unwrap().contains("older than"));
    assert_eq!(judge(released, &old, &old).problem, None);
}
