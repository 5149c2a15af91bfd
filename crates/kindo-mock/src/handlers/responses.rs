//! The Responses API and conversation items: responses are kept per key, conversations grow
//! when asked (`store: true` or `conversation`), function tools make the model call them
//! (`incomplete` + `function_call`), and the matching `function_call_output` continues it.

use serde_json::{Value, json};

use crate::errors::Fail;
use crate::handlers::chat::UNKNOWN_MODEL;
use crate::handlers::{Call, text};
use crate::ids::now;
use crate::reply::Reply;
use crate::server::Ctx;
use crate::state::{StoredResponse, World};
use crate::streams;

/// Input as a list of items, with ids (strings become one user message).
fn normalize(ctx: &Ctx<'_>, input: &Value) -> Vec<Value> {
    let items = match input {
        Value::String(s) => vec![json!({"type": "message", "role": "user", "content": s})],
        Value::Array(a) => a.clone(),
        _ => Vec::new(),
    };
    items
        .into_iter()
        .map(|mut item| {
            let kind = item["type"].as_str().unwrap_or("message").to_owned();
            if kind == "message" {
                item["type"] = json!("message");
                let part = if item["role"] == "assistant" {
                    "output_text"
                } else {
                    "input_text"
                };
                if let Some(s) = item["content"].as_str() {
                    item["content"] = json!([{"type": part, "text": s}]);
                }
                item["status"] = json!("completed");
            }
            if item.get("id").is_none_or(Value::is_null) {
                let prefix = match kind.as_str() {
                    "message" => "msg_",
                    "function_call" => "fc_",
                    _ => "item_",
                };
                item["id"] = json!(ctx.mock.ids.prefixed(prefix));
            }
            item
        })
        .collect()
}

fn last_text(items: &[Value]) -> String {
    items
        .iter()
        .rev()
        .find(|i| i["type"] == "message" && i["role"] != "assistant")
        .map(|i| {
            text::all_text(&i["content"])
                .replace("input_text", "")
                .trim()
                .to_owned()
        })
        .unwrap_or_default()
}

pub fn create(ctx: &Ctx<'_>) -> Reply {
    ctx.model_call(UNKNOWN_MODEL, |call| answer(ctx, call))
}

/// A response for a call the prologue accepted.
fn answer(ctx: &Ctx<'_>, call: Call<'_>) -> Reply {
    let (body, stream, model) = (call.body, call.stream, call.model);
    let conversation = body["conversation"]
        .as_str()
        .or_else(|| body["conversation"]["id"].as_str())
        .map(str::to_owned);
    let previous = body["previous_response_id"].as_str().map(str::to_owned);
    let input = normalize(ctx, &body["input"]);
    let tools: Vec<Value> = body["tools"].as_array().cloned().unwrap_or_default();
    let functions: Vec<&Value> = tools.iter().filter(|t| t["type"] == "function").collect();
    let store = body["store"] == true;
    let ids = &ctx.mock.ids;
    let response_id = ids.prefixed("resp_");
    let new_conversation = ids.prefixed("conv_");
    let item_id = ids.prefixed("msg_");
    let call_item = ids.prefixed("fc_");
    let call_id = ids.prefixed("call_");
    ctx.mock.world(ctx.key(), |w: &mut World| {
        if conversation.is_some() && previous.is_some() {
            return ctx.fail(Fail::new(400, "mutually_exclusive_parameters", "`conversation` and `previous_response_id` cannot be used together (at /previous_response_id)."));
        }
        let history: Vec<Value> = match (&conversation, &previous) {
            (Some(c), _) => match w.conversations.get(c) {
                Some(items) => items.clone(),
                None => return ctx.fail(Fail::new(404, "not_found", "Conversation not found.")),
            },
            (_, Some(p)) => match w.responses.get(p) {
                Some(r) => {
                    let mut h = r.input.clone();
                    h.extend(r.response["output"].as_array().cloned().unwrap_or_default());
                    h
                }
                None => return ctx.fail(Fail::new(404, "previous_response_not_found", format!("Previous response with id '{p}' not found."))),
            },
            _ => Vec::new(),
        };
        let mut so_far = history.clone();
        for (n, item) in input.iter().enumerate() {
            if item["type"] == "function_call_output" {
                let call = item["call_id"].as_str().unwrap_or_default();
                if !World::pending_calls(&so_far).iter().any(|c| c == call) {
                    return ctx.fail(Fail::bad_request(format!("No tool call found for function call output with call_id {call} (at /input/{n}/call_id).")));
                }
            }
            so_far.push(item.clone());
        }
        let last = input.last().cloned().unwrap_or(Value::Null);
        let (status, output) = if last["type"] == "function_call_output" {
            let answer = format!("The function returned: {}", last["output"].as_str().unwrap_or_default());
            ("completed", message(&item_id, &answer))
        } else if !functions.is_empty() && body["tool_choice"] != "none" {
            let forced = body["tool_choice"]["name"].as_str();
            let f = functions.iter().find(|f| f["name"].as_str() == forced).unwrap_or(&functions[0]);
            (
                "incomplete",
                json!({"type": "function_call", "id": call_item, "call_id": call_id, "name": f["name"], "arguments": text::arguments(&f["parameters"]), "status": "completed"}),
            )
        } else {
            ("completed", message(&item_id, &text::reply_to(&last_text(&so_far))))
        };
        let output_text = output["content"][0]["text"].as_str().unwrap_or_default().to_owned();
        let input_tokens = text::tokens(&text::all_text(&json!(so_far)));
        let output_tokens = text::tokens(&text::all_text(&output));
        let mut response = json!({
            "id": response_id,
            "object": "response",
            "created_at": now(),
            "status": status,
            "model": model,
            "output": [output],
            "output_text": output_text,
            "tools": tools,
            "tool_choice": body.get("tool_choice").cloned().unwrap_or(json!("auto")),
            "parallel_tool_calls": true,
            "instructions": body.get("instructions").cloned().unwrap_or(Value::Null),
            "metadata": body.get("metadata").cloned().unwrap_or(json!({})),
            "previous_response_id": previous,
            "temperature": null,
            "top_p": null,
            "error": null,
            "usage": {
                "input_tokens": input_tokens, "output_tokens": output_tokens,
                "total_tokens": input_tokens + output_tokens,
                "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                "output_tokens_details": {"reasoning_tokens": 0}
            }
        });
        if status == "incomplete" {
            response["incomplete_details"] = json!({"reason": "tool_use"});
        }
        let conv = conversation.clone().or(store.then(|| new_conversation.clone()));
        if let Some(c) = &conv {
            response["conversation"] = json!({"id": c});
            let items = w.conversations.entry(c.clone()).or_default();
            items.extend(input.iter().cloned());
            items.push(response["output"][0].clone());
        }
        w.responses.insert(response_id.clone(), StoredResponse { response: response.clone(), input: input.clone() });
        if stream {
            return Reply::sse(streams::responses(streams::table(ctx.op), &response));
        }
        Reply::json(200, response)
    })
}

fn message(id: &str, text: &str) -> Value {
    json!({"type": "message", "id": id, "role": "assistant", "status": "completed",
           "content": [{"type": "output_text", "text": text, "annotations": []}]})
}

pub fn get(ctx: &Ctx<'_>) -> Reply {
    let id = ctx.param("response_id");
    ctx.mock.world(ctx.key(), |w| match w.responses.get(id) {
        Some(r) => Reply::json(200, r.response.clone()),
        None => ctx.fail(Fail::new(
            404,
            "not_found",
            format!("Response with id '{id}' not found."),
        )),
    })
}

fn list(items: Vec<Value>, has_more: bool) -> Value {
    json!({
        "object": "list",
        "first_id": items.first().map(|i| i["id"].clone()),
        "last_id": items.last().map(|i| i["id"].clone()),
        "has_more": has_more,
        "data": items,
    })
}

pub fn input_items(ctx: &Ctx<'_>) -> Reply {
    let id = ctx.param("response_id");
    ctx.mock.world(ctx.key(), |w| match w.responses.get(id) {
        Some(r) => Reply::json(200, list(r.input.clone(), false)),
        None => ctx.fail(Fail::new(
            404,
            "not_found",
            format!("Response with id '{id}' not found."),
        )),
    })
}

pub fn conversation_items(ctx: &Ctx<'_>) -> Reply {
    let id = ctx.param("conversation_id");
    let limit = ctx
        .query("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(20);
    let desc = ctx.query("order") == Some("desc");
    let after = ctx.query("after").map(str::to_owned);
    ctx.mock.world(ctx.key(), |w| {
        let Some(items) = w.conversations.get(id) else {
            return ctx.fail(Fail::new(404, "not_found", "Conversation not found."));
        };
        let mut items = items.clone();
        if desc {
            items.reverse();
        }
        let start = match &after {
            None => 0,
            Some(a) => match items.iter().position(|i| i["id"] == a.as_str()) {
                Some(p) => p + 1,
                None => {
                    return ctx.fail(Fail::bad_request(format!(
                        "invalid query parameter `after`: no item {a} in conversation {id}"
                    )));
                }
            },
        };
        let rest = &items[start..];
        let page: Vec<Value> = rest.iter().take(limit).cloned().collect();
        Reply::json(200, list(page, rest.len() > limit))
    })
}

pub fn conversation_item(ctx: &Ctx<'_>) -> Reply {
    let (conv, item) = (ctx.param("conversation_id"), ctx.param("item_id"));
    ctx.mock.world(ctx.key(), |w| {
        match w
            .conversations
            .get(conv)
            .and_then(|items| items.iter().find(|i| i["id"] == item))
        {
            Some(i) => Reply::json(200, i.clone()),
            None => ctx.fail(Fail::new(
                404,
                "not_found",
                format!("Item {item} not found in conversation {conv}."),
            )),
        }
    })
}
