//! The one open-union mechanism on the Messages types, whose catch-all is a named struct: the
//! known tags come from the typed variants, an unknown `type` lands in the catch-all, and a
//! malformed known one is an error rather than a silent catch-all.

use kindo_types::messages::content::{ContentBlock, ContentBlockParam, ToolResultBlock};
use kindo_types::messages::request::Tool;
use kindo_types::messages::stream::{ContentBlockDelta, MessageStreamEvent};
use kindo_types::responses::ResponseTool;
use serde_json::json;

#[test]
fn known_tags_are_the_tags_the_variants_pin_in_declaration_order() {
    assert_eq!(
        ContentBlockParam::known_tags(),
        [
            "text",
            "image",
            "document",
            "tool_use",
            "tool_result",
            "thinking",
            "redacted_thinking"
        ]
    );
    assert_eq!(ToolResultBlock::known_tags(), ["text", "image", "document"]);
    assert_eq!(
        MessageStreamEvent::known_tags().last().map(String::as_str),
        Some("error")
    );
    // An optional tag (`CustomTool`) and a tag that is a component enum (`KindoHostedTool`).
    assert_eq!(Tool::known_tags(), ["custom"]);
    assert!(ResponseTool::known_tags().contains(&"kindo_shell".to_owned()));
}

#[test]
fn an_unknown_type_lands_in_the_named_catch_all_and_round_trips() {
    let raw = json!({"type": "web_search_tool_result", "tool_use_id": "srvtoolu_1", "content": []});
    let block: ContentBlock = serde_json::from_value(raw.clone()).unwrap();
    let ContentBlock::Unknown(unknown) = &block else {
        panic!("expected the catch-all, got {block:?}")
    };
    assert_eq!(unknown.kind, "web_search_tool_result");
    assert_eq!(serde_json::to_value(&block).unwrap(), raw);

    let event: MessageStreamEvent =
        serde_json::from_value(json!({"type": "future_event", "x": 1})).unwrap();
    assert!(matches!(event, MessageStreamEvent::Unknown(_)));
    let delta: ContentBlockDelta = serde_json::from_value(json!({"type": "future_delta"})).unwrap();
    assert!(matches!(delta, ContentBlockDelta::Unknown(_)));
}

#[test]
fn a_malformed_known_type_is_an_error_not_the_catch_all() {
    // `text` without its `text` field.
    assert!(serde_json::from_value::<ContentBlockParam>(json!({"type": "text"})).is_err());
    assert!(
        serde_json::from_value::<ContentBlock>(json!({"type": "tool_use", "id": "x"})).is_err()
    );
    // The catch-all struct alone refuses a known tag too.
    assert!(
        serde_json::from_value::<kindo_types::messages::content::UnknownContentBlock>(
            json!({"type": "text"})
        )
        .is_err()
    );
    // A `type` that is not a string, and an object without one.
    assert!(serde_json::from_value::<ContentBlock>(json!({"type": 3})).is_err());
    assert!(serde_json::from_value::<ContentBlock>(json!({"text": "hi"})).is_err());
}

#[test]
fn a_tool_without_type_is_a_custom_tool_and_any_other_type_a_server_tool() {
    let custom: Tool =
        serde_json::from_value(json!({"name": "get_weather", "input_schema": {"type": "object"}}))
            .unwrap();
    assert!(matches!(custom, Tool::Custom(_)));
    let server: Tool =
        serde_json::from_value(json!({"type": "web_search_20250305", "name": "web_search"}))
            .unwrap();
    assert!(matches!(server, Tool::Server(_)));
    // A server tool still needs its name.
    assert!(serde_json::from_value::<Tool>(json!({"type": "bash_20250124"})).is_err());
}
