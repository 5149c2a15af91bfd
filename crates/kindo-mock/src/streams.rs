//! The three stream dialects, as the documents describe them: chat chunks ending in
//! `data: [DONE]`; the Responses API's named events; Anthropic's `message_start` …
//! `message_stop` with `ping`. Plus the documented mid-stream error frames.

use serde_json::{Value, json};

use crate::reply::Frame;
use crate::spec::Operation;
use crate::spec::Surface;

/// Splits text into a few stream deltas (word groups keep the frames realistic).
pub fn deltas(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, word) in text.split_inclusive(' ').enumerate() {
        current.push_str(word);
        if i % 3 == 2 {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() || out.is_empty() {
        out.push(current);
    }
    out
}

/// A chat completion as `chat.completion.chunk` frames, then `[DONE]`.
pub fn chat(completion: &Value) -> Vec<Frame> {
    let base = |delta: Value, finish: Value| {
        json!({
            "id": completion["id"],
            "object": "chat.completion.chunk",
            "created": completion["created"],
            "model": completion["model"],
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": null}]
        })
    };
    let message = &completion["choices"][0]["message"];
    let finish = completion["choices"][0]["finish_reason"].clone();
    let mut frames = vec![Frame::json(
        None,
        &base(json!({"role": "assistant", "content": ""}), Value::Null),
    )];
    if let Some(text) = message["content"].as_str() {
        for d in deltas(text) {
            frames.push(Frame::json(None, &base(json!({"content": d}), Value::Null)));
        }
    }
    for (i, call) in message["tool_calls"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        frames.push(Frame::json(
            None,
            &base(
                json!({"tool_calls": [{
                    "index": i, "id": call["id"], "type": "function",
                    "function": {"name": call["function"]["name"], "arguments": ""}
                }]}),
                Value::Null,
            ),
        ));
        frames.push(Frame::json(
            None,
            &base(
                json!({"tool_calls": [{"index": i, "function": {"arguments": call["function"]["arguments"]}}]}),
                Value::Null,
            ),
        ));
    }
    frames.push(Frame::json(None, &base(json!({}), finish)));
    frames.push(Frame::done());
    frames
}

/// A finished response as the Responses API's named events, in order.
pub fn responses(response: &Value) -> Vec<Frame> {
    let mut seq = 0u64;
    let mut frames = Vec::new();
    let mut push = |event: &str, mut data: Value| {
        data["type"] = json!(event);
        data["sequence_number"] = json!(seq);
        seq += 1;
        frames.push(Frame::json(Some(event), &data));
    };
    let mut shell = response.clone();
    shell["status"] = json!("in_progress");
    shell["output"] = json!([]);
    shell["output_text"] = json!("");
    if let Some(o) = shell.as_object_mut() {
        o.remove("incomplete_details");
    }
    push("response.created", json!({"response": shell}));
    push("response.in_progress", json!({"response": shell}));
    for (index, item) in response["output"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let id = item["id"].clone();
        let mut started = item.clone();
        started["status"] = json!("in_progress");
        match item["type"].as_str() {
            Some("message") => {
                started["content"] = json!([]);
                push(
                    "response.output_item.added",
                    json!({"output_index": index, "item": started}),
                );
                let text = item["content"][0]["text"].as_str().unwrap_or_default();
                let part = |t: &str| json!({"type": "output_text", "text": t, "annotations": []});
                push(
                    "response.content_part.added",
                    json!({"item_id": id, "output_index": index, "content_index": 0, "part": part("")}),
                );
                for d in deltas(text) {
                    push(
                        "response.output_text.delta",
                        json!({"item_id": id, "output_index": index, "content_index": 0, "delta": d, "logprobs": []}),
                    );
                }
                push(
                    "response.output_text.done",
                    json!({"item_id": id, "output_index": index, "content_index": 0, "text": text, "logprobs": []}),
                );
                push(
                    "response.content_part.done",
                    json!({"item_id": id, "output_index": index, "content_index": 0, "part": part(text)}),
                );
            }
            Some("function_call") => {
                started["arguments"] = json!("");
                push(
                    "response.output_item.added",
                    json!({"output_index": index, "item": started}),
                );
                let args = item["arguments"].as_str().unwrap_or_default();
                push(
                    "response.function_call_arguments.delta",
                    json!({"item_id": id, "output_index": index, "delta": args}),
                );
                push(
                    "response.function_call_arguments.done",
                    json!({"item_id": id, "output_index": index, "arguments": args, "name": item["name"]}),
                );
            }
            _ => push(
                "response.output_item.added",
                json!({"output_index": index, "item": started}),
            ),
        }
        push(
            "response.output_item.done",
            json!({"output_index": index, "item": item}),
        );
    }
    push("response.completed", json!({"response": response}));
    frames
}

/// A message as Anthropic's stream events.
pub fn messages(message: &Value) -> Vec<Frame> {
    let mut frames = Vec::new();
    let mut push = |event: &str, mut data: Value| {
        data["type"] = json!(event);
        frames.push(Frame::json(Some(event), &data));
    };
    let mut start = message.clone();
    start["content"] = json!([]);
    start["stop_reason"] = Value::Null;
    start["stop_sequence"] = Value::Null;
    start["usage"]["output_tokens"] = json!(1);
    push("message_start", json!({"message": start}));
    for (index, block) in message["content"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        match block["type"].as_str() {
            Some("tool_use") => {
                let mut empty = block.clone();
                empty["input"] = json!({});
                push(
                    "content_block_start",
                    json!({"index": index, "content_block": empty}),
                );
                if index == 0 {
                    push("ping", json!({}));
                }
                push(
                    "content_block_delta",
                    json!({"index": index, "delta": {"type": "input_json_delta", "partial_json": block["input"].to_string()}}),
                );
            }
            _ => {
                push(
                    "content_block_start",
                    json!({"index": index, "content_block": {"type": "text", "text": ""}}),
                );
                if index == 0 {
                    push("ping", json!({}));
                }
                for d in deltas(block["text"].as_str().unwrap_or_default()) {
                    push(
                        "content_block_delta",
                        json!({"index": index, "delta": {"type": "text_delta", "text": d}}),
                    );
                }
            }
        }
        push("content_block_stop", json!({"index": index}));
    }
    push(
        "message_delta",
        json!({
            "delta": {"stop_reason": message["stop_reason"], "stop_sequence": null},
            "usage": {"output_tokens": message["usage"]["output_tokens"]}
        }),
    );
    push("message_stop", json!({}));
    frames
}

/// Cuts `frames` half-way and ends them with the surface's documented mid-stream error.
pub fn inject_error(_surface: Surface, op: &Operation, frames: &mut Vec<Frame>) {
    let keep = frames.len() / 2;
    frames.truncate(keep.max(1));
    match op.id.as_str() {
        "createChatCompletion" => {
            frames.push(Frame::json(
                Some("error"),
                &json!({"error": {"message": "upstream stream interrupted", "type": "server_error", "code": "stream_error"}}),
            ));
            frames.push(Frame::done());
        }
        "createResponse" => {
            let id = frames
                .iter()
                .find_map(|f| {
                    serde_json::from_str::<Value>(&f.data)
                        .ok()
                        .and_then(|v| v.pointer("/response/id").cloned())
                })
                .unwrap_or(json!("resp_mock"));
            frames.push(Frame::json(
                Some("error"),
                &json!({"error": {"message": "upstream stream interrupted", "type": "server_error", "code": "stream_error"}}),
            ));
            frames.push(Frame::json(
                Some("response.failed"),
                &json!({"type": "response.failed", "id": id, "status": "failed", "object": "response"}),
            ));
        }
        "createMessage" => frames.push(Frame::json(
            Some("error"),
            &json!({"type": "error", "error": {"type": "overloaded_error", "message": "upstream overloaded"}}),
        )),
        _ => {}
    }
}
