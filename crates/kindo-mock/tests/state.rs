//! Stateful flows: agent runs, the Responses API and conversations, streams, MCP and Koda.

mod common;

use common::*;
use kindo_mock::{Options, Surface};
use serde_json::{Value, json};

const AGENT: &str = "18d20df4-d9b3-4cb0-a009-9f11ec9c5d3d";

fn run_body() -> Value {
    json!({"agentId": AGENT, "inputs": [{"name": "query", "value": "Run the daily security scan"}]})
}

#[tokio::test]
async fn a_run_is_in_progress_for_the_configured_polls_then_succeeds() {
    let h = harness_with(Options {
        run_polls: 2,
        seed: Some(1),
        ..Options::default()
    })
    .await;
    let x = h
        .api("POST", "/v1/agents/runs")
        .json(&run_body())
        .send()
        .await;
    assert_eq!(x.status, 202);
    let run = x.json()["runId"].as_str().unwrap().to_owned();
    let statuses: Vec<String> = {
        let mut out = Vec::new();
        for _ in 0..4 {
            out.push(
                h.api("GET", &format!("/v1/runs/{run}")).value().await["status"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
        out
    };
    assert_eq!(
        statuses,
        ["in_progress", "in_progress", "success", "success"]
    );
    let done = h.api("GET", &format!("/v1/runs/{run}")).value().await;
    let result: Value = serde_json::from_str(done["result"].as_str().unwrap()).unwrap();
    assert_eq!(result["role"], "assistant");
    assert_eq!(result["parts"][0]["type"], "step-start");
    assert!(
        result["parts"][1]["text"]
            .as_str()
            .unwrap()
            .contains("daily security scan")
    );
    assert!(done["endedAtUtc"].is_string());
    assert_eq!(
        h.api("GET", &format!("/v1/runs/{run}/evals")).value().await["result"],
        "pass"
    );
    // recentRunIds grow, newest first, and page with nextCursor.
    let agent = h
        .api("GET", &format!("/v1/agents/{AGENT}?limit=1"))
        .value()
        .await;
    assert_eq!(agent["recentRunIds"], json!([run]));
    let cursor = agent["nextCursor"].as_str().unwrap().to_owned();
    let next = h
        .api(
            "GET",
            &format!("/v1/agents/{AGENT}?limit=5&cursor={cursor}"),
        )
        .value()
        .await;
    assert_eq!(
        next["recentRunIds"][0],
        "7a7ced7d-95a8-416f-95bb-5c0ff3599f53"
    );
    h.assert_all_conform();
}

#[tokio::test]
async fn run_scenarios_inputs_and_keys() {
    let h = harness_with(Options {
        run_polls: 0,
        ..Options::default()
    })
    .await;
    // A run started with `Prefer: scenario=<scenario>`: its id and the next poll's answer.
    let ended = |scenario: &'static str| {
        let h = &h;
        async move {
            let run = h
                .api("POST", "/v1/agents/runs")
                .header("prefer", &format!("scenario={scenario}"))
                .json(&run_body())
                .value()
                .await["runId"]
                .as_str()
                .unwrap()
                .to_owned();
            let polled = h.api("GET", &format!("/v1/runs/{run}")).value().await;
            (run, polled)
        }
    };
    assert_eq!(ended("failure").await.1["status"], "failure");
    let (run, cancelled) = ended("cancelled").await;
    assert_eq!(
        (cancelled["status"].as_str(), &cancelled["result"]),
        (Some("cancelled"), &Value::Null)
    );
    // A missing required input is 422, an unknown agent 404.
    let x = h
        .api("POST", "/v1/agents/runs")
        .json(&json!({"agentId": AGENT, "inputs": []}))
        .send()
        .await;
    assert_eq!(x.status, 422);
    assert!(x.json()["message"].as_str().unwrap().contains("query"));
    assert_eq!(
        h.api("POST", "/v1/agents/runs")
            .json(&json!({"agentId": "nope"}))
            .status()
            .await,
        404
    );
    // State is per API key.
    let other = h
        .call(Surface::Api, "GET", &format!("/v1/runs/{run}"))
        .bearer("another-key")
        .send()
        .await;
    assert_eq!(other.status, 404);
    // Integration defaults flip is_preferred.
    let x = h
        .api("POST", "/v1/integrations/connections/linear/default")
        .json(&json!({"connection_id": "conn_abc123"}))
        .send()
        .await;
    assert_eq!(
        x.json(),
        json!({"integration_config_id": "linear", "connection_id": "conn_abc123"})
    );
    assert_eq!(
        h.api("POST", "/v1/integrations/connections/linear/default")
            .json(&json!({"connection_id": "conn_nope"}))
            .status()
            .await,
        404
    );
    h.assert_all_conform();
}

#[tokio::test]
async fn the_documented_conversation_continues_with_its_function_call_output() {
    let h = harness().await;
    // The documented resp_abc123_1 and its input items.
    let x = h.api("GET", "/v1/responses/resp_abc123_1").send().await;
    assert_eq!(x.json()["output_text"], "The capital of France is Paris.");
    assert_eq!(
        h.api("GET", "/v1/responses/resp_abc123_1/input_items")
            .value()
            .await["data"][0]["id"],
        "msg_xyz789"
    );
    // conv_xyz789 waits for toolu_abc123's output.
    let body = json!({"model": "claude-sonnet-4-5", "conversation": "conv_xyz789", "input": [{"type": "function_call_output", "call_id": "toolu_abc123", "output": "{\"temperature\": 68, \"unit\": \"fahrenheit\"}"}]});
    let x = h.api("POST", "/v1/responses").json(&body).send().await;
    assert_eq!(x.status, 200, "{}", x.text);
    let r = x.json();
    assert_eq!(r["status"], "completed");
    assert!(r["output_text"].as_str().unwrap().contains("68"));
    assert_eq!(r["conversation"]["id"], "conv_xyz789");
    // The same output twice has no call to answer.
    assert_eq!(
        h.api("POST", "/v1/responses").json(&body).status().await,
        400
    );
    h.assert_all_conform();
}

#[tokio::test]
async fn function_tools_round_trip_and_conversations_page() {
    let h = harness().await;
    let tools = json!([{"type": "function", "name": "get_weather", "parameters": {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}}]);
    let first = h.api("POST", "/v1/responses").json(&json!({"model": "claude-sonnet-4-5", "store": true, "input": "What is the weather in SF?", "tools": tools})).value().await;
    assert_eq!(first["status"], "incomplete");
    assert_eq!(first["incomplete_details"]["reason"], "tool_use");
    let call = &first["output"][0];
    assert_eq!(
        (call["type"].as_str(), call["name"].as_str()),
        (Some("function_call"), Some("get_weather"))
    );
    assert_eq!(
        serde_json::from_str::<Value>(call["arguments"].as_str().unwrap()).unwrap()["location"],
        "San Francisco, CA"
    );
    let conv = first["conversation"]["id"].as_str().unwrap().to_owned();
    let second = h.api("POST", "/v1/responses").json(&json!({"model": "claude-sonnet-4-5", "conversation": conv, "tools": tools, "input": [{"type": "function_call_output", "call_id": call["call_id"], "output": "sunny"}]})).value().await;
    assert_eq!(second["status"], "completed");
    // previous_response_id continues too.
    let third = h.api("POST", "/v1/responses").json(&json!({"model": "claude-sonnet-4-5", "previous_response_id": second["id"], "input": "thanks"})).send().await;
    assert_eq!(third.status, 200);
    // Items: user message, call, output, assistant message.
    let all = h
        .api("GET", &format!("/v1/conversations/{conv}/items"))
        .value()
        .await;
    let kinds: Vec<&str> = all["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "message",
            "function_call",
            "function_call_output",
            "message"
        ]
    );
    assert_eq!(all["has_more"], false);
    let page = h
        .api(
            "GET",
            &format!("/v1/conversations/{conv}/items?limit=2&order=desc"),
        )
        .value()
        .await;
    assert_eq!(page["has_more"], true);
    assert_eq!(page["data"][0]["type"], "message");
    assert_eq!(page["data"][1]["type"], "function_call_output");
    let after = page["last_id"].as_str().unwrap();
    let rest = h
        .api(
            "GET",
            &format!("/v1/conversations/{conv}/items?order=desc&after={after}"),
        )
        .value()
        .await;
    assert_eq!(rest["data"].as_array().unwrap().len(), 2);
    assert_eq!(rest["has_more"], false);
    let item = rest["data"][0]["id"].as_str().unwrap();
    assert_eq!(
        h.api("GET", &format!("/v1/conversations/{conv}/items/{item}"))
            .value()
            .await["type"],
        "function_call"
    );
    // Without store, no conversation is made.
    let plain = h
        .api("POST", "/v1/responses")
        .json(&json!({"model": "claude-sonnet-4-5", "input": "hi"}))
        .value()
        .await;
    assert!(plain.get("conversation").is_none());
    assert_eq!(
        h.api(
            "GET",
            &format!("/v1/responses/{}", plain["id"].as_str().unwrap())
        )
        .status()
        .await,
        200
    );
    h.assert_all_conform();
}

#[tokio::test]
async fn streams_switch_on_the_body_whatever_the_accept_header() {
    let h = harness().await;
    // Chat: chunks then [DONE], with Accept: application/json as the OpenAI SDK sends.
    let x = h.api("POST", "/v1/chat/completions").header("accept", "application/json").json(&json!({"model": "gpt-4o-2024-11-20", "stream": true, "messages": [{"role": "user", "content": "a b c d e f g"}]})).send().await;
    assert_eq!(x.header("content-type"), Some("text/event-stream"));
    let frames = x.frames();
    assert_eq!(frames.last().unwrap().1, "[DONE]");
    let text: String = frames
        .iter()
        .filter_map(|(_, d)| serde_json::from_str::<Value>(d).ok())
        .filter_map(|v| {
            v["choices"][0]["delta"]["content"]
                .as_str()
                .map(str::to_owned)
        })
        .collect();
    assert_eq!(text, "This is kindo-mock answering: a b c d e f g");
    // Responses: named events in order.
    let x = h
        .api("POST", "/v1/responses")
        .header("accept", "application/json")
        .json(&json!({"model": "claude-sonnet-4-5", "stream": true, "input": "hi"}))
        .send()
        .await;
    let events: Vec<String> = x.frames().into_iter().map(|(e, _)| e.unwrap()).collect();
    assert_eq!(events.first().map(String::as_str), Some("response.created"));
    assert_eq!(events[1], "response.in_progress");
    let order = [
        "response.output_item.added",
        "response.content_part.added",
        "response.output_text.delta",
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.completed",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|o| events.iter().position(|e| e == o).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{events:?}");
    // Anthropic: message_start … message_stop with ping.
    let x = h.api("POST", "/v1/messages").json(&json!({"model": "claude-sonnet-4-5-20250929", "max_tokens": 50, "stream": true, "messages": [{"role": "user", "content": "hi"}]})).send().await;
    let mut events: Vec<String> = x.frames().into_iter().map(|(e, _)| e.unwrap()).collect();
    events.dedup();
    assert_eq!(
        events,
        [
            "message_start",
            "content_block_start",
            "ping",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop"
        ]
    );
    // Mid-stream errors on demand: chat ends with the error frame then [DONE].
    let x = h.api("POST", "/v1/chat/completions").fault("error-event").json(&json!({"model": "gpt-4o-2024-11-20", "stream": true, "messages": [{"role": "user", "content": "hi"}]})).send().await;
    let frames = x.frames();
    assert_eq!(frames[frames.len() - 2].0.as_deref(), Some("error"));
    assert_eq!(frames.last().unwrap().1, "[DONE]");
    let x = h
        .api("POST", "/v1/responses")
        .fault("error-event")
        .json(&json!({"model": "claude-sonnet-4-5", "stream": true, "input": "hi"}))
        .send()
        .await;
    assert_eq!(
        x.frames().last().unwrap().0.as_deref(),
        Some("response.failed")
    );
    h.assert_all_conform();
    // drop-mid-stream: the body ends early, without [DONE].
    let url = format!("{}/v1/chat/completions", h.running.url(Surface::Api));
    let response = h.client.post(url).bearer_auth("k").header("x-kindo-mock-fault", "drop-mid-stream").body(json!({"model": "gpt-4o-2024-11-20", "stream": true, "messages": [{"role": "user", "content": "a b c d e f g h i"}]}).to_string()).send().await.unwrap();
    assert_eq!(response.status(), 200);
    // Reading fails (the connection was cut) or, if buffered, ends without [DONE].
    if let Ok(text) = response.text().await {
        assert!(!text.contains("[DONE]"), "{text}");
    }
}

#[tokio::test]
async fn mcp_speaks_json_rpc_over_streamable_http() {
    let h = harness().await;
    let mcp = |body: Value| {
        h.api("POST", "/v1/mcp")
            .header("accept", "application/json, text/event-stream")
            .json(&body)
    };
    let init = mcp(json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"protocolVersion": "2024-11-05", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}})).value().await;
    assert_eq!(init["result"]["protocolVersion"], "2024-11-05");
    let tools = mcp(json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}))
        .value()
        .await;
    assert_eq!(tools["result"]["tools"][0]["name"], "linear_list_issues");
    let call = mcp(json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "linear_list_issues", "arguments": {"teamId": "T"}}})).value().await;
    assert_eq!(call["result"]["isError"], false);
    assert_eq!(
        mcp(json!({"jsonrpc": "2.0", "id": 3, "method": "nope"}))
            .value()
            .await["error"]["code"],
        -32601
    );
    let x = h
        .api("POST", "/v1/mcp")
        .header("accept", "application/json")
        .json(&json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}))
        .send()
        .await;
    assert_eq!((x.status, x.text.as_str()), (406, ""));
    h.assert_all_conform();
}

#[tokio::test]
async fn koda_sessions_tokens_agents_idempotency_and_pages() {
    let h = harness().await;
    let koda = |method: &str, path: &str| h.call(Surface::Koda, method, path);
    let owner = json!({"email": "owner@example.com", "password": "pw"});
    let x = koda("POST", "/api/control-plane/auth/register-owner")
        .json(&owner)
        .send()
        .await;
    assert_eq!(x.status, 201);
    assert_eq!(
        koda("POST", "/api/control-plane/auth/register-owner")
            .json(&owner)
            .status()
            .await,
        409
    );
    assert_eq!(
        koda("POST", "/api/control-plane/auth/login")
            .json(&json!({"email": "owner@example.com", "password": "wrong"}))
            .status()
            .await,
        401
    );
    let x = koda("POST", "/api/control-plane/auth/login")
        .json(&owner)
        .send()
        .await;
    let cookie = x
        .header("set-cookie")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("koda_operator_session="));
    let session = x.json()["session_id"].as_str().unwrap().to_owned();
    let operator = |method: &str, path: &str| koda(method, path).header("cookie", &cookie);
    // The cookie authenticates; revoking the session ends it.
    let sessions = operator("GET", "/api/control-plane/auth/sessions")
        .value()
        .await;
    assert_eq!(sessions["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        operator("GET", "/api/control-plane/auth/status")
            .value()
            .await["authenticated"],
        true
    );
    // Tokens: issued, usable, revocable; Idempotency-Key replays the first answer.
    let issue = || {
        operator("POST", "/api/control-plane/auth/tokens")
            .header("idempotency-key", "k1")
            .json(&json!({"name": "ci"}))
    };
    let first = issue().send().await;
    let again = issue().send().await;
    assert_eq!(first.json(), again.json());
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    let token = first.json()["token"].as_str().unwrap().to_owned();
    let token_id = first.json()["token_id"].as_str().unwrap().to_owned();
    assert_eq!(
        koda("GET", "/api/control-plane/agents")
            .bearer(&token)
            .status()
            .await,
        200
    );
    operator(
        "DELETE",
        &format!("/api/control-plane/auth/tokens/{token_id}"),
    )
    .send()
    .await;
    assert_eq!(
        koda("GET", "/api/control-plane/agents")
            .bearer(&token)
            .status()
            .await,
        401
    );
    // Agents: create (draft) → activate refused → publish → activate.
    let agent = operator("POST", "/api/control-plane/agents")
        .json(&json!({"agent_id": "scout", "name": "Scout"}))
        .value()
        .await;
    assert_eq!(agent["status"], "draft");
    assert_eq!(
        operator("POST", "/api/control-plane/agents/scout/activate")
            .status()
            .await,
        409
    );
    assert_eq!(
        operator("POST", "/api/control-plane/agents/scout/publish")
            .value()
            .await["status"],
        "published"
    );
    assert_eq!(
        operator("POST", "/api/control-plane/agents/scout/activate")
            .value()
            .await["status"],
        "active"
    );
    assert_eq!(
        operator("GET", "/api/control-plane/agents/nope")
            .value()
            .await["code"],
        "agent.not_found"
    );
    // Pages: atlas (seeded) then scout.
    let page = operator("GET", "/api/control-plane/agents?limit=1")
        .value()
        .await;
    assert_eq!(page["items"][0]["agent_id"], "atlas");
    let cursor = page["next_cursor"].as_str().unwrap();
    let last = operator(
        "GET",
        &format!("/api/control-plane/agents?limit=1&cursor={cursor}"),
    )
    .value()
    .await;
    assert_eq!(last["items"][0]["agent_id"], "scout");
    assert!(last.get("next_cursor").is_none());
    operator(
        "DELETE",
        &format!("/api/control-plane/auth/sessions/{session}"),
    )
    .send()
    .await;
    assert_eq!(
        operator("GET", "/api/control-plane/agents").status().await,
        401
    );
    h.assert_all_conform();
}
