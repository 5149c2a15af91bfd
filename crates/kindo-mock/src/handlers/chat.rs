//! OpenAI-compatible chat completions (both hosts): JSON or, on `"stream": true` whatever the
//! `Accept` header, `chat.completion.chunk` frames and `data: [DONE]`.

use serde_json::{Value, json};

use crate::handlers::{Call, text};
use crate::ids::now;
use crate::reply::Reply;
use crate::server::Ctx;
use crate::streams;

/// What the documented 400 says of a model the caller cannot use.
pub const UNKNOWN_MODEL: &str = "Model '{model}' not found.";

pub fn create(ctx: &Ctx<'_>) -> Reply {
    ctx.model_call(UNKNOWN_MODEL, |call| answer(ctx, call))
}

/// A completion for a call the prologue accepted.
fn answer(ctx: &Ctx<'_>, call: Call<'_>) -> Reply {
    let (body, stream, model) = (call.body, call.stream, call.model);
    let (messages, last) = call.messages();
    let tools: Vec<&Value> = body["tools"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["type"] == "function")
        .collect();
    let wants_tool = !tools.is_empty() && body["tool_choice"] != "none" && last["role"] != "tool";
    let prompt_tokens = text::tokens(&text::all_text(&json!(messages)));
    let (message, finish, completion_tokens) = if wants_tool {
        let forced = body["tool_choice"]["function"]["name"].as_str();
        let tool = tools
            .iter()
            .find(|t| Some(t["function"]["name"].as_str().unwrap_or_default()) == forced)
            .unwrap_or(&tools[0]);
        let args = text::arguments(&tool["function"]["parameters"]);
        let tokens = text::tokens(&args);
        (
            json!({"role": "assistant", "content": null, "refusal": null, "tool_calls": [{
                "id": ctx.mock.ids.prefixed("call_"), "type": "function",
                "function": {"name": tool["function"]["name"], "arguments": args}
            }]}),
            "tool_calls",
            tokens,
        )
    } else {
        let prompt = match &last["content"] {
            Value::String(s) => s.clone(),
            other => text::all_text(other),
        };
        let answer = if last["role"] == "tool" {
            format!("The tool returned: {prompt}")
        } else {
            text::reply_to(&prompt)
        };
        let tokens = text::tokens(&answer);
        (
            json!({"role": "assistant", "content": answer, "refusal": null}),
            "stop",
            tokens,
        )
    };
    let completion = json!({
        "id": ctx.mock.ids.prefixed("chatcmpl-"),
        "object": "chat.completion",
        "created": now(),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": null}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens, "total_tokens": prompt_tokens + completion_tokens}
    });
    if stream {
        return Reply::sse(streams::chat(streams::table(ctx.op), &completion));
    }
    Reply::json(200, completion)
}
