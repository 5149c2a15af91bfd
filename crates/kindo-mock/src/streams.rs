//! The stream dialects, as the documents describe them: chat chunks ending in the table's
//! `done` line; the Responses API's named events; Anthropic's `message_start` …
//! `message_stop` with `ping`; MCP's single answer. Plus the documented mid-stream error
//! frames. Every `event:` name comes from the operation's published table, by [`Role`].

use serde_json::{Value, json};

use crate::events::{Role, Roles, Table, UNNAMED};
use crate::reply::Frame;
use crate::spec::Operation;

const CHUNK: Role = Role::nth("ChatCompletionChunk", 0);

const CREATED: Role = Role::nth("ResponseLifecycleEvent", 0);
const IN_PROGRESS: Role = Role::nth("ResponseLifecycleEvent", 1);
const ITEM_ADDED: Role = Role::nth("ResponseOutputItemEvent", 0);
const ITEM_DONE: Role = Role::nth("ResponseOutputItemEvent", 1);
const PART_ADDED: Role = Role::nth("ResponseContentPartEvent", 0);
const PART_DONE: Role = Role::nth("ResponseContentPartEvent", 1);
const TEXT_DELTA: Role = Role::nth("ResponseDeltaEvent", 0);
const TEXT_DONE: Role = Role::nth("ResponseOutputTextDoneEvent", 0);
const ARGUMENTS_DELTA: Role = Role::nth("ResponseDeltaEvent", 1);
const ARGUMENTS_DONE: Role = Role::nth("ResponseFunctionCallArgumentsDoneEvent", 0);
const COMPLETED: Role = Role::terminal("ResponseLifecycleEvent", 0);
const FAILED: Role = Role::terminal("ResponseLifecycleEvent", 1);

const MESSAGE_START: Role = Role::nth("MessageStartEvent", 0);
const BLOCK_START: Role = Role::nth("ContentBlockStartEvent", 0);
const BLOCK_DELTA: Role = Role::nth("ContentBlockDeltaEvent", 0);
const BLOCK_STOP: Role = Role::nth("ContentBlockStopEvent", 0);
const MESSAGE_DELTA: Role = Role::nth("MessageDeltaEvent", 0);
const MESSAGE_STOP: Role = Role::terminal("MessageStopEvent", 0);
const PING: Role = Role::nth("PingEvent", 0);

pub const MCP_ANSWER: Role = Role::nth("McpResponse", 0);

/// The roles each streaming operation's builder uses, by operation id.
const ROLES: &[(&str, &[Role])] = &[
    ("createChatCompletion", &[CHUNK, Role::Error]),
    (
        "createResponse",
        &[
            CREATED,
            IN_PROGRESS,
            ITEM_ADDED,
            ITEM_DONE,
            PART_ADDED,
            PART_DONE,
            TEXT_DELTA,
            TEXT_DONE,
            ARGUMENTS_DELTA,
            ARGUMENTS_DONE,
            COMPLETED,
            FAILED,
            Role::Error,
        ],
    ),
    (
        "createMessage",
        &[
            MESSAGE_START,
            BLOCK_START,
            BLOCK_DELTA,
            BLOCK_STOP,
            MESSAGE_DELTA,
            MESSAGE_STOP,
            PING,
            Role::Error,
        ],
    ),
    ("mcp", &[MCP_ANSWER]),
];

/// Refuses a streaming operation whose published table lacks an event its builder sends.
pub fn check(op: &Operation) -> Result<(), String> {
    let Some((_, roles)) = ROLES.iter().find(|(id, _)| *id == op.id) else {
        return Ok(());
    };
    let table = op
        .events
        .as_ref()
        .ok_or_else(|| format!("{}: operation {} streams no event table", op.pointer, op.id))?;
    match roles.iter().find(|r| table.find(**r).is_none()) {
        None => Ok(()),
        Some(role) => Err(format!(
            "{}: the event table of {} has no event for {role:?}, which the mock sends",
            op.pointer, op.id
        )),
    }
}

/// The table of an operation `check` accepted.
pub fn table(op: &Operation) -> &Table {
    op.events
        .as_ref()
        .unwrap_or_else(|| panic!("{} streams (checked at start-up)", op.id))
}

/// The elements of a JSON array with their indices (none when `list` is no array).
fn indexed(list: &Value) -> impl Iterator<Item = (usize, &Value)> {
    list.as_array().into_iter().flatten().enumerate()
}

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

/// A chat completion as `chat.completion.chunk` frames, then the table's `done` line.
pub fn chat(table: &Table, completion: &Value) -> Vec<Frame> {
    let name = Some(table.name(CHUNK)).filter(|n| *n != UNNAMED);
    let chunk = |data: &Value| Frame::json(name, data);
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
    let mut frames = vec![chunk(&base(
        json!({"role": "assistant", "content": ""}),
        Value::Null,
    ))];
    if let Some(text) = message["content"].as_str() {
        for d in deltas(text) {
            frames.push(chunk(&base(json!({"content": d}), Value::Null)));
        }
    }
    for (i, call) in indexed(&message["tool_calls"]) {
        frames.push(chunk(&base(
            json!({"tool_calls": [{
                "index": i, "id": call["id"], "type": "function",
                "function": {"name": call["function"]["name"], "arguments": ""}
            }]}),
            Value::Null,
        )));
        frames.push(chunk(&base(
            json!({"tool_calls": [{"index": i, "function": {"arguments": call["function"]["arguments"]}}]}),
            Value::Null,
        )));
    }
    frames.push(chunk(&base(json!({}), finish)));
    frames.extend(table.done.as_deref().map(Frame::line));
    frames
}

/// A finished response as the Responses API's named events, in order.
pub fn responses(table: &Table, response: &Value) -> Vec<Frame> {
    let mut seq = 0u64;
    let mut frames = Vec::new();
    let mut push = |role: Role, mut data: Value| {
        let event = table.name(role);
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
    push(CREATED, json!({"response": shell}));
    push(IN_PROGRESS, json!({"response": shell}));
    for (index, item) in indexed(&response["output"]) {
        let id = item["id"].clone();
        let mut started = item.clone();
        started["status"] = json!("in_progress");
        match item["type"].as_str() {
            Some("message") => {
                started["content"] = json!([]);
                push(ITEM_ADDED, json!({"output_index": index, "item": started}));
                let text = item["content"][0]["text"].as_str().unwrap_or_default();
                let part = |t: &str| json!({"type": "output_text", "text": t, "annotations": []});
                push(
                    PART_ADDED,
                    json!({"item_id": id, "output_index": index, "content_index": 0, "part": part("")}),
                );
                for d in deltas(text) {
                    push(
                        TEXT_DELTA,
                        json!({"item_id": id, "output_index": index, "content_index": 0, "delta": d, "logprobs": []}),
                    );
                }
                push(
                    TEXT_DONE,
                    json!({"item_id": id, "output_index": index, "content_index": 0, "text": text, "logprobs": []}),
                );
                push(
                    PART_DONE,
                    json!({"item_id": id, "output_index": index, "content_index": 0, "part": part(text)}),
                );
            }
            Some("function_call") => {
                started["arguments"] = json!("");
                push(ITEM_ADDED, json!({"output_index": index, "item": started}));
                let args = item["arguments"].as_str().unwrap_or_default();
                push(
                    ARGUMENTS_DELTA,
                    json!({"item_id": id, "output_index": index, "delta": args}),
                );
                push(
                    ARGUMENTS_DONE,
                    json!({"item_id": id, "output_index": index, "arguments": args, "name": item["name"]}),
                );
            }
            _ => push(ITEM_ADDED, json!({"output_index": index, "item": started})),
        }
        push(ITEM_DONE, json!({"output_index": index, "item": item}));
    }
    push(COMPLETED, json!({"response": response}));
    frames
}

/// A message as Anthropic's stream events.
pub fn messages(table: &Table, message: &Value) -> Vec<Frame> {
    let mut frames = Vec::new();
    let mut push = |role: Role, mut data: Value| {
        let event = table.name(role);
        data["type"] = json!(event);
        frames.push(Frame::json(Some(event), &data));
    };
    let mut start = message.clone();
    start["content"] = json!([]);
    start["stop_reason"] = Value::Null;
    start["stop_sequence"] = Value::Null;
    start["usage"]["output_tokens"] = json!(1);
    push(MESSAGE_START, json!({"message": start}));
    for (index, block) in indexed(&message["content"]) {
        match block["type"].as_str() {
            Some("tool_use") => {
                let mut empty = block.clone();
                empty["input"] = json!({});
                push(BLOCK_START, json!({"index": index, "content_block": empty}));
                if index == 0 {
                    push(PING, json!({}));
                }
                push(
                    BLOCK_DELTA,
                    json!({"index": index, "delta": {"type": "input_json_delta", "partial_json": block["input"].to_string()}}),
                );
            }
            _ => {
                push(
                    BLOCK_START,
                    json!({"index": index, "content_block": {"type": "text", "text": ""}}),
                );
                if index == 0 {
                    push(PING, json!({}));
                }
                for d in deltas(block["text"].as_str().unwrap_or_default()) {
                    push(
                        BLOCK_DELTA,
                        json!({"index": index, "delta": {"type": "text_delta", "text": d}}),
                    );
                }
            }
        }
        push(BLOCK_STOP, json!({"index": index}));
    }
    push(
        MESSAGE_DELTA,
        json!({
            "delta": {"stop_reason": message["stop_reason"], "stop_sequence": null},
            "usage": {"output_tokens": message["usage"]["output_tokens"]}
        }),
    );
    push(MESSAGE_STOP, json!({}));
    frames
}

/// Cuts `frames` half-way and ends them with the operation's documented mid-stream error.
pub fn inject_error(op: &Operation, frames: &mut Vec<Frame>) {
    let keep = frames.len() / 2;
    frames.truncate(keep.max(1));
    let Some(table) = op.events.as_ref() else {
        return;
    };
    let openai = json!({"error": {"message": "upstream stream interrupted", "type": "server_error", "code": "stream_error"}});
    match op.id.as_str() {
        "createChatCompletion" => {
            frames.push(Frame::json(Some(table.name(Role::Error)), &openai));
            frames.extend(table.done.as_deref().map(Frame::line));
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
            frames.push(Frame::json(Some(table.name(Role::Error)), &openai));
            let failed = table.name(FAILED);
            frames.push(Frame::json(
                Some(failed),
                &json!({"type": failed, "id": id, "status": "failed", "object": "response"}),
            ));
        }
        "createMessage" => {
            let error = table.name(Role::Error);
            frames.push(Frame::json(
                Some(error),
                &json!({"type": error, "error": {"type": "overloaded_error", "message": "upstream overloaded"}}),
            ));
        }
        _ => {}
    }
}
