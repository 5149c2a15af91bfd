//! Serde behaviour of the inference types that the schema alone cannot guarantee: untagged
//! string-or-parts content, optional-and-nullable fields, passthrough round trips and open
//! unions that must accept types this version does not know.

use kindo_types::chat::{
    ChatCompletion, ChatCompletionStreamEvent, ChatContent, ChatContentPart, ChatMessage,
    ChatResponseMessage, ChatToolChoice, CreateChatCompletionRequest, ToolChoiceMode,
};
use kindo_types::conversations::ItemList;
use kindo_types::responses::{
    CreateResponseRequest, InputItem, Item, ResponseInput, ResponseStreamEvent, ResponseTool,
};
use kindo_types::runs::Run;
use serde_json::{Value, json};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(value: &Value) -> Value {
    let typed: T = serde_json::from_value(value.clone()).expect("deserialises");
    serde_json::to_value(&typed).expect("serialises")
}

#[test]
fn content_is_a_string_or_parts_including_unknown_parts() {
    let text: ChatContent = serde_json::from_value(json!("hello")).unwrap();
    assert_eq!(text, ChatContent::Text("hello".into()));

    let parts: ChatContent = serde_json::from_value(json!([
        {"type": "text", "text": "What is in this image?"},
        {"type": "image_url", "image_url": {"url": "https://example.com/a.png", "detail": "low"}},
        {"type": "input_audio", "input_audio": {"data": "AAAA", "format": "wav"}}
    ]))
    .unwrap();
    let ChatContent::Parts(parts) = parts else {
        panic!("expected parts")
    };
    assert!(matches!(parts[0], ChatContentPart::Text(_)));
    assert!(matches!(parts[1], ChatContentPart::ImageUrl(_)));
    match &parts[2] {
        ChatContentPart::Other(raw) => assert_eq!(raw["input_audio"]["format"], "wav"),
        other => panic!("unknown part type must be kept raw, got {other:?}"),
    }
    assert_eq!(parts[2].tag().as_deref(), Some("input_audio"));
}

#[test]
fn a_malformed_known_part_is_rejected_not_swallowed_as_other() {
    let err = serde_json::from_value::<ChatContentPart>(json!({"type": "text"})).unwrap_err();
    assert!(err.to_string().contains("text"), "{err}");
    assert!(serde_json::from_value::<ChatContentPart>(json!({"text": "no type"})).is_err());
    assert!(serde_json::from_value::<ChatContentPart>(json!({"type": 3})).is_err());
}

#[test]
fn assistant_content_distinguishes_absent_from_null() {
    let null: ChatMessage = serde_json::from_value(json!({
        "role": "assistant", "content": null,
        "tool_calls": [{"id": "call_abc", "type": "function",
                        "function": {"name": "get_weather", "arguments": "{}"}}]
    }))
    .unwrap();
    let absent: ChatMessage = serde_json::from_value(json!({"role": "assistant"})).unwrap();
    match (&null, &absent) {
        (ChatMessage::Assistant { content: a, .. }, ChatMessage::Assistant { content: b, .. }) => {
            assert_eq!(*a, Some(None));
            assert_eq!(*b, None);
        }
        _ => panic!("expected assistant messages"),
    }
    assert_eq!(serde_json::to_value(&null).unwrap()["content"], Value::Null);
    assert!(
        serde_json::to_value(&absent)
            .unwrap()
            .get("content")
            .is_none()
    );
}

/// `skip_serializing_none` leaves out every `None` except the fields marked
/// `#[serialize_always]`, which the server always sends and which are written as `null`.
#[test]
fn always_sent_fields_are_written_as_null_and_other_absent_fields_stay_absent() {
    let message = json!({"role": "assistant", "content": null});
    assert_eq!(round_trip::<ChatResponseMessage>(&message), message);
    let run = json!({
        "runId": "run_1", "agentId": null, "createdAtUtc": "2026-01-01T00:00:00Z",
        "endedAtUtc": null, "result": null, "status": "in_progress"
    });
    assert_eq!(round_trip::<Run>(&run), run);
    let with_conversation = json!({
        "runId": "run_1", "agentId": "a", "conversationId": null,
        "createdAtUtc": "2026-01-01T00:00:00Z", "endedAtUtc": null, "result": null,
        "status": "in_progress"
    });
    assert_eq!(round_trip::<Run>(&with_conversation), with_conversation);
}

#[test]
fn tool_messages_need_tool_call_id_and_roles_are_closed() {
    assert!(
        serde_json::from_value::<ChatMessage>(json!({"role": "tool", "content": "68F"})).is_err()
    );
    let ok: ChatMessage = serde_json::from_value(
        json!({"role": "tool", "tool_call_id": "call_abc", "content": "68F"}),
    )
    .unwrap();
    assert!(matches!(ok, ChatMessage::Tool { .. }));
    assert!(
        serde_json::from_value::<ChatMessage>(json!({"role": "robot", "content": "x"})).is_err()
    );
    let dev: ChatMessage =
        serde_json::from_value(json!({"role": "developer", "content": "Be terse."})).unwrap();
    assert!(matches!(dev, ChatMessage::Developer { .. }));
}

#[test]
fn unknown_request_fields_survive_a_round_trip() {
    let body = json!({
        "model": "claude-sonnet-4-5-20250929",
        "messages": [{"role": "user", "content": "hi", "x_message_field": 1}],
        "reasoning_effort": "low",
        "metadata": {"team": "sec"},
        "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
        "stop": ["\n\n", "END"]
    });
    assert_eq!(round_trip::<CreateChatCompletionRequest>(&body), body);
    let req: CreateChatCompletionRequest = serde_json::from_value(body).unwrap();
    assert_eq!(req.extra["reasoning_effort"], "low");
    assert!(
        req.metadata.is_some(),
        "stripped fields are still declared, not passthrough"
    );

    let responses = json!({
        "model": "agent/8e051857-978c-4207-8916-28a3d4c4d605",
        "input": "Triage INC-4821.",
        "kindo": {"system_prompt": "agent_default", "future_flag": true},
        "text": {"format": {"type": "text"}}
    });
    assert_eq!(round_trip::<CreateResponseRequest>(&responses), responses);
}

#[test]
fn tool_choice_accepts_every_documented_form() {
    for mode in ["auto", "none", "required"] {
        let c: ChatToolChoice = serde_json::from_value(json!(mode)).unwrap();
        assert!(matches!(c, ChatToolChoice::Mode(_)));
    }
    let auto: ChatToolChoice = serde_json::from_value(json!("auto")).unwrap();
    assert_eq!(auto, ChatToolChoice::Mode(ToolChoiceMode::Auto));
    assert!(serde_json::from_value::<ChatToolChoice>(json!("sometimes")).is_err());
    let named: ChatToolChoice =
        serde_json::from_value(json!({"type": "function", "function": {"name": "f"}})).unwrap();
    assert!(matches!(named, ChatToolChoice::Named(_)));
}

#[test]
fn finish_reason_and_status_are_open() {
    let completion = json!({
        "id": "chatcmpl-1", "object": "chat.completion",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "x"},
                     "finish_reason": "a_reason_from_2027"}]
    });
    let parsed: ChatCompletion = serde_json::from_value(completion.clone()).unwrap();
    assert_eq!(
        parsed.choices[0].finish_reason,
        Some(Some("a_reason_from_2027".into()))
    );
    assert_eq!(serde_json::to_value(&parsed).unwrap(), completion);
}

#[test]
fn responses_unions_keep_unknown_tools_and_items() {
    let tools: Vec<ResponseTool> = serde_json::from_value(json!([
        {"type": "function", "name": "get_weather"},
        {"type": "mcp", "server_label": "linear"},
        {"type": "kindo_shell"},
        {"type": "kindo_file_ops"},
        {"type": "web_search"}
    ]))
    .unwrap();
    assert!(matches!(tools[0], ResponseTool::Function(_)));
    assert!(matches!(tools[1], ResponseTool::Mcp(_)));
    assert!(matches!(tools[2], ResponseTool::KindoHosted(_)));
    assert!(matches!(tools[3], ResponseTool::Other(_)));
    assert!(matches!(tools[4], ResponseTool::Other(_)));

    let list = json!({
        "object": "list",
        "data": [
            {"id": "rs_1", "type": "reasoning", "summary": []},
            {"id": "fc_1", "type": "function_call", "call_id": "call_abc", "name": "f", "arguments": "{}"},
            {"type": "function_call_output", "call_id": "call_abc", "output": "{}"}
        ],
        "has_more": false, "first_id": "rs_1", "last_id": null
    });
    let parsed: ItemList = serde_json::from_value(list.clone()).unwrap();
    assert!(matches!(parsed.data[0], Item::Other(_)));
    assert!(matches!(parsed.data[2], Item::FunctionCallOutput(_)));
    assert_eq!(serde_json::to_value(&parsed).unwrap(), list);
}

#[test]
fn input_messages_may_omit_their_type() {
    let input: ResponseInput = serde_json::from_value(json!([
        {"role": "user", "content": "hi"},
        {"type": "message", "role": "developer", "content": [{"type": "input_text", "text": "x"}]}
    ]))
    .unwrap();
    let ResponseInput::Items(items) = input else {
        panic!("expected items")
    };
    assert!(matches!(items[0], InputItem::Message(_)));
    assert!(matches!(items[1], InputItem::Message(_)));
    // The short form serialises back without inventing a `type`.
    assert!(
        serde_json::to_value(&items[0])
            .unwrap()
            .get("type")
            .is_none()
    );
}

#[test]
fn chat_stream_frames_parse_including_done_and_error() {
    let chunk = ChatCompletionStreamEvent::from_data(
        r#"{"id":"chatcmpl-abc123","object":"chat.completion.chunk","choices":[{"delta":{},"finish_reason":"stop"}]}"#,
    )
    .unwrap();
    assert!(matches!(chunk, ChatCompletionStreamEvent::Chunk(_)));
    let error = ChatCompletionStreamEvent::from_data(
        r#"{"error":{"message":"upstream stream interrupted","type":"server_error","code":"stream_error"}}"#,
    )
    .unwrap();
    let ChatCompletionStreamEvent::Error(e) = error else {
        panic!("expected error")
    };
    assert_eq!(e.error.code, Some(Some("stream_error".into())));
    assert!(matches!(
        ChatCompletionStreamEvent::from_data("[DONE]").unwrap(),
        ChatCompletionStreamEvent::Done(_)
    ));
    assert!(ChatCompletionStreamEvent::from_data("[DONE").is_err());
}

#[test]
fn responses_stream_frames_parse_by_event_name() {
    let created = ResponseStreamEvent::from_sse(
        "response.created",
        r#"{"id":"resp_abc123","status":"in_progress","object":"response"}"#,
    )
    .unwrap();
    assert!(matches!(created, ResponseStreamEvent::Created(ref e)
        if e.status.as_deref() == Some("in_progress")));
    assert_eq!(created.event_name(), "response.created");
    // The same payload under another lifecycle name is that event.
    let incomplete = ResponseStreamEvent::from_sse(
        "response.incomplete",
        r#"{"id":"resp_abc123","status":"incomplete","object":"response"}"#,
    )
    .unwrap();
    assert!(matches!(incomplete, ResponseStreamEvent::Incomplete(_)));
    let delta = ResponseStreamEvent::from_sse(
        "response.output_text.delta",
        r#"{"item_id":"msg_xyz","delta":"Logs flow through"}"#,
    )
    .unwrap();
    assert!(
        matches!(delta, ResponseStreamEvent::OutputTextDelta(ref d) if d.delta == "Logs flow through")
    );
    // A delta without `delta` is malformed.
    assert!(
        ResponseStreamEvent::from_sse("response.output_text.delta", r#"{"item_id":"m"}"#).is_err()
    );
    let unknown = ResponseStreamEvent::from_sse("response.reasoning.delta", r#"{"x":1}"#).unwrap();
    assert!(
        matches!(unknown, ResponseStreamEvent::Other(ref n, _) if n == "response.reasoning.delta")
    );
}
