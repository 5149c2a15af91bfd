//! How requests are judged: routing (404/405), credentials (401), validation (400 in each
//! surface's envelope, naming the JSON pointer), unknown ids and models, `Prefer`, faults.

mod common;

use common::*;
use kindo_mock::Surface;
use serde_json::json;

fn chat(model: &str) -> serde_json::Value {
    json!({"model": model, "messages": [{"role": "user", "content": "hello"}]})
}

#[tokio::test]
async fn unknown_paths_are_404_and_wrong_methods_405_with_allow() {
    let h = harness().await;
    let x = h.api("GET", "/v1/nope").send().await;
    assert_eq!(x.status, 404);
    assert_eq!(x.json()["error"], "Not found");
    assert!(x.json()["message"].as_str().unwrap().contains("/v1/nope"));
    let x = h.api("DELETE", "/v1/chat/completions").send().await;
    assert_eq!(x.status, 405);
    assert_eq!(x.header("allow"), Some("POST"));
    let x = h
        .call(Surface::Koda, "GET", "/api/control-plane/nope")
        .send()
        .await;
    assert_eq!(x.status, 404);
    assert!(x.json()["code"].is_string() && x.json()["message"].is_string());
    // A literal segment wins over a parameter: /v1/agents/list is listAgents.
    let x = h.api("GET", "/v1/agents/list").send().await;
    assert_eq!(x.status, 200);
    assert!(x.json()["items"].is_array());
    h.assert_all_conform();
}

#[tokio::test]
async fn credentials_follow_each_surface_rules() {
    let h = harness().await;
    // Bearer, x-api-key on api.kindo.ai, api-key on llm.kindo.ai, issued tokens on Koda.
    let body = chat("gpt-4o-2024-11-20");
    for (surface, method, path, (name, value), status) in [
        (Surface::Api, "GET", "/v1/models", ("x-api-key", "k"), 200),
        (
            Surface::Llm,
            "POST",
            "/v1/chat/completions",
            ("api-key", "k"),
            200,
        ),
        (
            Surface::Llm,
            "POST",
            "/v1/chat/completions",
            ("x-api-key", "k"),
            401,
        ),
        (
            Surface::Koda,
            "GET",
            "/api/control-plane/agents",
            ("authorization", "Bearer koda-break-glass"),
            200,
        ),
    ] {
        let mut call = h.call(surface, method, path).header(name, value);
        if method == "POST" {
            call = call.json(&body);
        }
        assert_eq!(call.status().await, status, "{method} {path} with {name}");
    }
    // A malformed Authorization header is rejected even with a valid x-api-key.
    let x = h
        .call(Surface::Api, "GET", "/v1/models")
        .header("authorization", "Basic abc")
        .header("x-api-key", "k")
        .send()
        .await;
    assert_eq!(x.status, 401);
    assert_eq!(x.json(), json!({"error": "Unauthorized"}));
    let x = h
        .call(Surface::Api, "GET", "/v1/models")
        .header("authorization", "Bearer ")
        .send()
        .await;
    assert_eq!(x.status, 401);
    // Each surface's 401 body.
    let x = h
        .call(Surface::Api, "POST", "/v1/messages")
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(x.json()["error"]["type"], "authentication_error");
    let x = h.call(Surface::Api, "GET", "/v1/agents/list").send().await;
    assert_eq!(x.json()["error"], "Unauthorized");
    let x = h
        .call(Surface::Api, "POST", "/v1/mcp")
        .header("accept", "application/json, text/event-stream")
        .send()
        .await;
    assert!(
        x.header("www-authenticate")
            .unwrap()
            .starts_with("Bearer resource_metadata=\"")
    );
    // Anonymous routes stay open.
    assert_eq!(
        h.call(Surface::Api, "GET", "/.well-known/oauth-protected-resource")
            .status()
            .await,
        200
    );
    // Koda: only issued credentials.
    let x = h
        .call(Surface::Koda, "GET", "/api/control-plane/agents")
        .bearer("made-up")
        .send()
        .await;
    assert_eq!(x.status, 401);
    assert_eq!(x.json()["code"], "auth.session_expired");
    h.assert_all_conform();
}

#[tokio::test]
async fn invalid_requests_get_the_surface_envelope_naming_the_pointer() {
    let h = harness().await;
    // OpenAI nested (chat, responses).
    let x = h
        .api("POST", "/v1/chat/completions")
        .json(&json!({"model": "m", "messages": [{"role": "bogus", "content": "x"}]}))
        .send()
        .await;
    assert_eq!(x.status, 400);
    let e = &x.json()["error"];
    assert_eq!(
        (e["type"].as_str(), e["code"].as_str()),
        (Some("invalid_request_error"), Some("invalid_body"))
    );
    assert!(
        e["message"].as_str().unwrap().contains("/messages/0"),
        "{e}"
    );
    let x = h
        .api("POST", "/v1/responses")
        .json(&json!({"input": "x"}))
        .send()
        .await;
    x.assert_says("/error/message", "/model");
    // Agents flat.
    let x = h
        .api("POST", "/v1/agents/runs")
        .json(&json!({"inputs": []}))
        .send()
        .await;
    assert_eq!(x.status, 400);
    assert_eq!(x.json()["error"], "Bad request");
    x.assert_says("/message", "/agentId");
    // Anthropic typed.
    let x = h
        .api("POST", "/v1/messages")
        .json(&json!({"model": "m", "messages": []}))
        .send()
        .await;
    assert_eq!(x.json()["type"], "error");
    assert_eq!(x.json()["error"]["type"], "invalid_request_error");
    x.assert_says("/error/message", "/max_tokens");
    // Not JSON at all.
    let x = h
        .api("POST", "/v1/chat/completions")
        .raw("{oops")
        .send()
        .await;
    assert!(
        x.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not valid JSON")
    );
    // Koda {code, message}.
    let x = h
        .call(Surface::Koda, "POST", "/api/control-plane/agents")
        .bearer("koda-break-glass")
        .raw("[]")
        .send()
        .await;
    assert_eq!(x.status, 400);
    assert_eq!(x.json()["code"], "request.invalid");
    // Query parameters too.
    let x = h
        .api("GET", "/v1/conversations/conv_abc123/items?limit=500")
        .send()
        .await;
    assert_eq!(x.status, 400);
    x.assert_says("/error/message", "`limit`");
    h.assert_all_conform();
}

#[tokio::test]
async fn unknown_ids_are_404_and_unknown_models_400() {
    let h = harness().await;
    let x = h.api("GET", "/v1/agents/no-such-agent").send().await;
    assert_eq!(
        (x.status, x.json()["message"].as_str()),
        (404, Some("Agent no-such-agent not found."))
    );
    assert_eq!(h.api("GET", "/v1/runs/nope").status().await, 404);
    assert_eq!(h.api("GET", "/v1/responses/resp_nope").status().await, 404);
    let x = h
        .api("GET", "/v1/conversations/conv_nope/items")
        .send()
        .await;
    assert_eq!(
        x.json(),
        json!({"error": {"message": "Conversation not found.", "type": "not_found_error", "code": "not_found"}})
    );
    for path in ["/v1/chat/completions", "/v1/responses"] {
        let body = if path.ends_with("responses") {
            json!({"model": "unknown-model", "input": "x"})
        } else {
            chat("unknown-model")
        };
        let x = h.api("POST", path).json(&body).send().await;
        assert_eq!(x.status, 400);
        assert_eq!(
            x.json(),
            json!({"error": {"message": "Model 'unknown-model' not found.", "type": "invalid_request_error", "code": "model_not_found"}})
        );
    }
    let x = h.api("POST", "/v1/messages").json(&json!({"model": "unknown-model", "max_tokens": 5, "messages": [{"role": "user", "content": "x"}]})).send().await;
    assert_eq!(
        (x.status, x.json()["error"]["type"].as_str()),
        (400, Some("invalid_request_error"))
    );
    h.assert_all_conform();
}

#[tokio::test]
async fn documented_examples_answer_their_scenario_or_by_name() {
    let h = harness().await;
    // The documented request example gets its paired response example.
    let x = h.api("POST", "/v1/chat/completions").json(&json!({"model": "claude-sonnet-4-5-20250929", "messages": [{"role": "user", "content": "What are the top 3 cloud security best practices?"}]})).send().await;
    assert_eq!(
        x.json()["choices"][0]["message"]["content"],
        "Here are the top 3 cloud security best practices..."
    );
    // Prefer picks any example, including errors and streams.
    let x = h
        .api("POST", "/v1/chat/completions")
        .header("prefer", "example=chat-model-not-found")
        .json(&chat("gpt-4o-2024-11-20"))
        .send()
        .await;
    assert_eq!(x.status, 400);
    let x = h
        .api("GET", "/v1/models")
        .header("prefer", "example=models-list-single")
        .send()
        .await;
    assert_eq!(x.json()["data"].as_array().unwrap().len(), 1);
    let x = h
        .api("POST", "/v1/responses")
        .header("prefer", "example=haiku-stream")
        .json(&json!({"model": "claude-sonnet-4-5", "input": "x"}))
        .send()
        .await;
    assert_eq!(x.header("content-type"), Some("text/event-stream"));
    assert_eq!(x.frames()[0].0.as_deref(), Some("response.created"));
    let x = h
        .api("GET", "/v1/models")
        .header("prefer", "example=nope")
        .send()
        .await;
    assert!(x.status >= 400 && x.text.contains("example=nope"));
    h.assert_all_conform_except(&[("kindo-api", "listModels", 400)]);
}

#[tokio::test]
async fn faults_are_injected_on_demand() {
    let h = harness().await;
    let x = h
        .api("GET", "/v1/models")
        .fault("429;retry-after=2")
        .send()
        .await;
    assert_eq!((x.status, x.header("retry-after")), (429, Some("2")));
    assert_eq!(x.json()["error"], "Too many requests");
    // times=1: the retry succeeds.
    let fault = "429;retry-after=0;times=1";
    assert_eq!(
        h.api("GET", "/v1/agents/list").fault(fault).status().await,
        429
    );
    assert_eq!(
        h.api("GET", "/v1/agents/list").fault(fault).status().await,
        200
    );
    let x = h
        .api("POST", "/v1/chat/completions")
        .fault("500")
        .json(&chat("gpt-4o-2024-11-20"))
        .send()
        .await;
    assert_eq!(
        (x.status, x.json()["error"]["type"].as_str()),
        (500, Some("server_error"))
    );
    let started = std::time::Instant::now();
    assert_eq!(
        h.api("GET", "/v1/models")
            .fault("delay=300ms")
            .status()
            .await,
        200
    );
    assert!(started.elapsed() >= std::time::Duration::from_millis(300));
    let x = h.api("GET", "/v1/models").fault("explode").send().await;
    assert_eq!(x.status, 400);
    assert!(x.text.contains("explode"));
    h.assert_all_conform_except(&[("kindo-api", "listModels", 400)]);
    // 503 is on demand even where no operation documents it.
    let x = h.api("GET", "/v1/models").fault("503").send().await;
    assert_eq!(x.status, 503);
}

#[tokio::test]
async fn the_nonconforming_fault_is_caught_by_the_judge() {
    let h = harness().await;
    let x = h
        .api("GET", "/v1/models")
        .fault("nonconforming")
        .send()
        .await;
    assert!(!h.judge(&x).is_empty(), "the judge accepted {}", x.text);
    let body = json!({"model": "gpt-4o-2024-11-20", "stream": true, "messages": [{"role": "user", "content": "hi"}]});
    let x = h
        .api("POST", "/v1/chat/completions")
        .fault("nonconforming")
        .json(&body)
        .send()
        .await;
    assert!(!h.judge(&x).is_empty(), "the judge accepted {}", x.text);
    // The same requests without the fault conform.
    let clean = h
        .api("POST", "/v1/chat/completions")
        .json(&body)
        .send()
        .await;
    assert!(h.judge(&clean).is_empty());
}

#[tokio::test]
async fn seeded_ids_repeat_across_processes() {
    let a = harness().await;
    let b = harness().await;
    let body = json!({"model": "claude-sonnet-4-5", "input": "x"});
    let ia = a.api("POST", "/v1/responses").json(&body).value().await["id"].clone();
    let ib = b.api("POST", "/v1/responses").json(&body).value().await["id"].clone();
    assert_eq!(ia, ib);
    assert!(ia.as_str().unwrap().starts_with("resp_"));
}

#[tokio::test]
async fn an_api_key_allow_list_refuses_other_keys() {
    let h = harness_with(kindo_mock::Options {
        api_keys: vec!["good".into()],
        ..Default::default()
    })
    .await;
    for (key, status) in [("good", 200), ("bad", 401)] {
        let call = h.call(Surface::Api, "GET", "/v1/models").bearer(key);
        assert_eq!(call.status().await, status, "{key}");
    }
    assert_eq!(
        h.call(Surface::Llm, "POST", "/v1/chat/completions")
            .header("api-key", "bad")
            .json(&chat("gpt-4o-2024-11-20"))
            .status()
            .await,
        401
    );
    h.assert_all_conform();
}

#[tokio::test]
async fn integer_formats_and_huge_numbers_are_enforced() {
    let h = harness().await;
    let mut body = chat("gpt-4o-2024-11-20");
    body["n"] = json!(2_147_483_648_i64);
    let x = h
        .api("POST", "/v1/chat/completions")
        .json(&body)
        .send()
        .await;
    assert_eq!(x.status, 400);
    x.assert_says("/error/message", "/n");
    let x = h.api("POST", "/v1/chat/completions").raw(r#"{"model":"gpt-4o-2024-11-20","seed":-9223372036854775809,"messages":[{"role":"user","content":"x"}]}"#).send().await;
    assert_eq!(x.status, 400);
    x.assert_says("/error/message", "/seed");
    h.assert_all_conform();
}
