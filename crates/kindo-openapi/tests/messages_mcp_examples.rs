//! Every stored Messages and MCP example deserialises into the kindo-types type of its slot
//! and serialises back unchanged, and the open unions accept unknown members while still
//! rejecting malformed known ones.

use std::fs;
use std::path::Path;

use kindo_openapi::corpus::{self, Direction, Example};
use kindo_types::errors::FlatError;
use kindo_types::mcp::oauth::ProtectedResourceMetadata;
use kindo_types::mcp::request::McpRequest;
use kindo_types::mcp::response::McpResponse;
use kindo_types::messages::content::ContentBlock;
use kindo_types::messages::count_tokens::{CountTokensRequest, CountTokensResponse};
use kindo_types::messages::errors::MessagesError;
use kindo_types::messages::request::{CreateMessageRequest, Tool};
use kindo_types::messages::response::Message;
use kindo_types::messages::stream::MessageStreamEvent;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn round_trip<T: DeserializeOwned + Serialize>(what: &str, value: &Value) {
    let typed: T = serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("{what}: does not deserialise: {e}"));
    let back = serde_json::to_value(&typed).unwrap();
    assert_eq!(&back, value, "{what}: changed in a round trip");
}

/// Splits an SSE body into `(event name, data)` frames.
fn frames(body: &str) -> Vec<(String, Value)> {
    kindo_wire::sse::parse_text(body)
        .into_iter()
        .map(|e| {
            let data = serde_json::from_str(&e.data).expect("data is JSON");
            (e.event.unwrap_or_default(), data)
        })
        .collect()
}

fn check(example: &Example) {
    let f = &example.file;
    let what = example.path.display().to_string();
    let op = f.operations[0].as_str();
    match (op, f.direction, f.status, f.media_type.as_str()) {
        ("createMessage", Direction::Request, _, _) => {
            round_trip::<CreateMessageRequest>(&what, &f.value)
        }
        ("createMessage", _, Some(200), "application/json") => {
            round_trip::<Message>(&what, &f.value)
        }
        (_, _, Some(200), "text/event-stream") if op == "createMessage" => {
            let frames = frames(f.value.as_str().expect("SSE example is a string"));
            assert!(!frames.is_empty(), "{what}: no frames");
            for (event, data) in frames {
                assert_eq!(
                    data["type"],
                    json!(event),
                    "{what}: event name != data.type"
                );
                round_trip::<MessageStreamEvent>(&what, &data);
            }
        }
        ("createMessage", _, Some(_), _) => round_trip::<MessagesError>(&what, &f.value),
        ("countMessageTokens", Direction::Request, _, _) => {
            round_trip::<CountTokensRequest>(&what, &f.value)
        }
        ("countMessageTokens", _, _, _) => round_trip::<CountTokensResponse>(&what, &f.value),
        ("mcp", Direction::Request, _, _) => round_trip::<McpRequest>(&what, &f.value),
        ("mcp", _, Some(200), "application/json") => round_trip::<McpResponse>(&what, &f.value),
        ("mcp", _, Some(200), "text/event-stream") => {
            for (_, data) in frames(f.value.as_str().expect("SSE example is a string")) {
                round_trip::<McpResponse>(&what, &data);
            }
        }
        ("mcp", _, Some(401), _) => round_trip::<FlatError>(&what, &f.value),
        (_, _, Some(200), _) if op.ends_with("ProtectedResourceMetadata") => {
            round_trip::<ProtectedResourceMetadata>(&what, &f.value)
        }
        other => panic!("{what}: no type mapped for {other:?}"),
    }
}

#[test]
fn every_messages_and_mcp_example_round_trips_through_its_type() {
    let dir = kindo_openapi::corpus_dir().join("examples");
    let mut checked = 0;
    for area in ["messages", "mcp"] {
        for example in corpus::load(&dir.join(area)).unwrap() {
            check(&example);
            checked += 1;
        }
    }
    let stored = ["messages", "mcp"]
        .iter()
        .map(|a| fs::read_dir(Path::new(&dir).join(a)).unwrap().count())
        .sum::<usize>();
    assert_eq!(checked, stored);
}

#[test]
fn unknown_members_of_open_unions_are_accepted() {
    let block: ContentBlock = serde_json::from_value(
        json!({"type": "web_search_tool_result", "tool_use_id": "srvtoolu_1", "content": []}),
    )
    .unwrap();
    assert!(matches!(block, ContentBlock::Unknown(_)));
    let event: MessageStreamEvent =
        serde_json::from_value(json!({"type": "future_event", "x": 1})).unwrap();
    assert!(matches!(event, MessageStreamEvent::Unknown(_)));
    let message: Message = serde_json::from_value(json!({
        "id": "msg_1", "type": "message", "role": "assistant", "model": "m",
        "content": [], "stop_reason": "some_future_reason"
    }))
    .unwrap();
    assert_eq!(message.stop_reason.as_deref(), Some("some_future_reason"));
    let tool: Tool =
        serde_json::from_value(json!({"type": "web_search_20250305", "name": "web_search"}))
            .unwrap();
    assert!(matches!(tool, Tool::Server(_)));
    let notification: McpRequest =
        serde_json::from_value(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
            .unwrap();
    assert!(matches!(notification, McpRequest::Other(_)));
}

#[test]
fn malformed_known_members_do_not_fall_into_the_catch_all() {
    // A `text` block without `text` must fail, not become an unknown block.
    assert!(serde_json::from_value::<ContentBlock>(json!({"type": "text"})).is_err());
    assert!(
        serde_json::from_value::<MessageStreamEvent>(json!({"type": "content_block_stop"}))
            .is_err()
    );
    assert!(serde_json::from_value::<Tool>(json!({"type": "custom", "name": "t"})).is_err());
    assert!(
        serde_json::from_value::<McpRequest>(
            json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {}})
        )
        .is_err()
    );
}
