//! The Anthropic-compatible Messages API and `count_tokens`.

use serde_json::{Value, json};

use crate::handlers::{Call, text};
use crate::reply::Reply;
use crate::server::Ctx;
use crate::streams;

/// What the documented 400 says of a model the caller cannot use.
const UNKNOWN_MODEL: &str = "model: {model} is not a model this key can use";

pub fn create(ctx: &Ctx<'_>) -> Reply {
    ctx.model_call(UNKNOWN_MODEL, |call| answer(ctx, call))
}

/// A message for a call the prologue accepted.
fn answer(ctx: &Ctx<'_>, call: Call<'_>) -> Reply {
    let (body, stream, model) = (call.body, call.stream, call.model);
    let (messages, last) = call.messages();
    let tool_result = last["content"]
        .as_array()
        .is_some_and(|blocks| blocks.iter().any(|b| b["type"] == "tool_result"));
    let tools: Vec<&Value> = body["tools"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t.get("input_schema").is_some())
        .collect();
    let wants_tool = !tools.is_empty() && body["tool_choice"]["type"] != "none" && !tool_result;
    let (content, stop) = if wants_tool {
        let forced = body["tool_choice"]["name"].as_str();
        let tool = tools
            .iter()
            .find(|t| t["name"].as_str() == forced)
            .unwrap_or(&tools[0]);
        let input: Value =
            serde_json::from_str(&text::arguments(&tool["input_schema"])).unwrap_or(json!({}));
        (
            json!([{"type": "tool_use", "id": ctx.mock.ids.prefixed("toolu_"), "name": tool["name"], "input": input}]),
            "tool_use",
        )
    } else {
        let prompt = match &last["content"] {
            Value::String(s) => s.clone(),
            other => text::all_text(other),
        };
        let answer = if tool_result {
            format!("The tool returned: {}", prompt.trim())
        } else {
            text::reply_to(&prompt)
        };
        (json!([{"type": "text", "text": answer}]), "end_turn")
    };
    let input_tokens = text::tokens(&text::all_text(&json!([body["system"], messages])));
    let output_tokens = text::tokens(&text::all_text(&content));
    let message = json!({
        "id": ctx.mock.ids.prefixed("msg_"),
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop,
        "stop_sequence": null,
        "usage": {"input_tokens": input_tokens, "output_tokens": output_tokens}
    });
    if stream {
        return Reply::sse(streams::messages(streams::table(ctx.op), &message));
    }
    Reply::json(200, message)
}

pub fn count_tokens(ctx: &Ctx<'_>) -> Reply {
    ctx.model_call(UNKNOWN_MODEL, |call| count(call.body))
}

fn count(body: &Value) -> Reply {
    let tokens = text::tokens(&text::all_text(&json!([
        body["system"],
        body["messages"],
        body["tools"]
    ])));
    Reply::json(200, json!({"input_tokens": tokens}))
}
