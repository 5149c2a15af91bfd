//! The MCP gateway: JSON-RPC 2.0 over Streamable HTTP. `initialize`, `tools/list` (the
//! documented tools), `tools/call`, `ping`; notifications get `202`; an `Accept` header without
//! `text/event-stream` gets `406`.

use serde_json::{Value, json};

use crate::events::Roles;
use crate::reply::{Frame, Reply};
use crate::server::Ctx;
use crate::streams;

fn documented_tools(ctx: &Ctx<'_>) -> Value {
    crate::examples::responses(ctx.op)
        .into_iter()
        .find_map(|e| e.value.pointer("/result/tools").cloned())
        .unwrap_or(json!([]))
}

pub fn handle(ctx: &Ctx<'_>) -> Reply {
    let accept = ctx.header("accept").unwrap_or_default();
    if !accept.contains("text/event-stream") {
        return Reply::empty(406);
    }
    let Some(body) = ctx.body.as_ref() else {
        return Reply::json(200, error(Value::Null, -32700, "Parse error: empty body"));
    };
    let Some(id) = body.get("id").cloned() else {
        return Reply::empty(202);
    };
    let method = body["method"].as_str().unwrap_or_default();
    let answer = match method {
        "initialize" => json!({"jsonrpc": "2.0", "id": id, "result": {
            "protocolVersion": body.pointer("/params/protocolVersion").cloned().unwrap_or(json!("2025-03-26")),
            "capabilities": {"tools": {"listChanged": false}},
            "serverInfo": {"name": "kindo-mock", "version": env!("CARGO_PKG_VERSION")}
        }}),
        "ping" => json!({"jsonrpc": "2.0", "id": id, "result": {}}),
        "tools/list" => {
            json!({"jsonrpc": "2.0", "id": id, "result": {"tools": documented_tools(ctx)}})
        }
        "tools/call" => {
            let name = body
                .pointer("/params/name")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let tools = documented_tools(ctx);
            if tools
                .as_array()
                .into_iter()
                .flatten()
                .any(|t| t["name"] == name)
            {
                let args = body
                    .pointer("/params/arguments")
                    .cloned()
                    .unwrap_or(json!({}));
                json!({"jsonrpc": "2.0", "id": id, "result": {
                    "content": [{"type": "text", "text": format!("kindo-mock ran {name} with {args}")}],
                    "isError": false
                }})
            } else {
                error(id, -32602, &format!("Unknown tool: {name}"))
            }
        }
        _ => error(id, -32601, "Method not found"),
    };
    if accept.trim_start().starts_with("text/event-stream") {
        let name = streams::table(ctx.op).name(streams::MCP_ANSWER);
        return Reply::sse(vec![Frame::json(Some(name), &answer)]);
    }
    Reply::json(200, answer)
}

fn error(id: Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}
