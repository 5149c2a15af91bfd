//! The MCP gateway (`POST /v1/mcp`, JSON-RPC over Streamable HTTP) through the generated `mcp`
//! operation, against a loopback server serving the documented examples in `corpus/examples/mcp`.
//!
//! progenitor can type one answer (client shaping S4 and S5 keep the JSON one); `cargo xtask
//! gen` makes the generated call return every answer the document declares instead, as
//! `McpAnswer` (JSON, an event stream, `202`), read by the same code as `mcp_send`.

mod support;

use std::time::Duration;

use futures_util::StreamExt;
use kindo_client::Error;
use kindo_client::api::types::{McpRequest, McpResponse};
use kindo_client::streams::{McpAnswer, McpEvent};
use serde_json::json;
use support::{KEY, Reply, Server, client, example, example_text, typed};

const ACCEPT: &str = "application/json, text/event-stream";

#[tokio::test]
async fn tools_list_as_json_with_the_integration_allow_list() {
    let server =
        Server::start(|_, _| Reply::json(200, &example("mcp", "mcp-tools-list-response"))).await;
    let api = client(&server).build_api().unwrap();
    let request: McpRequest = typed("mcp", "mcp-tools-list-request");
    let answer = api
        .mcp()
        .accept(ACCEPT)
        .integrations(vec!["linear".to_owned(), "github".to_owned()])
        .x_kindo_integrations("slack")
        .body(request)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let McpAnswer::Json(McpResponse::Result(result)) = answer.into_inner() else {
        panic!("a JSON result, not a JSON-RPC error")
    };
    let expected = example("mcp", "mcp-tools-list-response");
    assert_eq!(json!(result.id), expected["id"]);
    assert_eq!(result.result["tools"], expected["result"]["tools"]);
    let r = &server.requests()[0];
    assert_eq!(r.path(), "/v1/mcp");
    assert_eq!(r.query(), "integrations=linear&integrations=github");
    assert_eq!(r.headers["accept"], ACCEPT, "the declared Accept wins");
    assert_eq!(r.headers["x-kindo-integrations"], "slack");
    assert_eq!(r.headers["authorization"], format!("Bearer {KEY}"));
    assert_eq!(r.json(), example("mcp", "mcp-tools-list-request"));
}

#[tokio::test]
async fn a_json_rpc_error_arrives_with_status_200() {
    let server =
        Server::start(|_, _| Reply::json(200, &example("mcp", "mcp-method-not-found"))).await;
    let api = client(&server).build_api().unwrap();
    let request: McpRequest =
        serde_json::from_value(json!({"jsonrpc": "2.0", "id": 3, "method": "resources/list"}))
            .unwrap();
    let answer = api.mcp().accept(ACCEPT).body(request).send().await.unwrap();
    let McpAnswer::Json(McpResponse::ErrorResponse(e)) = answer.into_inner() else {
        panic!("a JSON-RPC error")
    };
    assert_eq!(e.error.code, -32601);
    assert_eq!(e.error.message, "Method not found");
}

#[tokio::test]
async fn unauthorized_is_the_flat_envelope() {
    let server =
        Server::start(|_, _| Reply::json(401, &example("chat", "openai-surface-unauthorized")))
            .await;
    let api = client(&server).build_api().unwrap();
    let request: McpRequest = typed("mcp", "mcp-tools-list-request");
    match api
        .mcp()
        .accept(ACCEPT)
        .body(request)
        .send()
        .await
        .unwrap_err()
    {
        Error::ErrorResponse(rv) => {
            assert_eq!(rv.status(), 401);
            assert_eq!(rv.error, "Unauthorized");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn the_generated_call_reads_a_202_and_an_sse_answer() {
    let server = Server::start(|n, _| match n {
        0 => Reply::Full(202, vec![], Vec::new()),
        _ => Reply::sse_text(&example_text("mcp", "mcp-tools-list-sse"), 7),
    })
    .await;
    let api = client(&server).build_api().unwrap();
    let notification: McpRequest =
        serde_json::from_value(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
            .unwrap();
    let answer = api
        .mcp()
        .accept(ACCEPT)
        .body(notification)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 202);
    assert!(matches!(answer.into_inner(), McpAnswer::Accepted));

    let request: McpRequest = typed("mcp", "mcp-tools-list-request");
    let answer = api.mcp().accept(ACCEPT).body(request).send().await.unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.headers()["content-type"], "text/event-stream");
    let McpAnswer::Events(mut events) = answer.into_inner() else {
        panic!("an event stream")
    };
    let Some(Ok(McpEvent::Response(McpResponse::Result(result)))) = events.next().await else {
        panic!("the response as the stream's event")
    };
    assert_eq!(
        result.result["tools"],
        example("mcp", "mcp-tools-list-response")["result"]["tools"]
    );
    assert!(events.next().await.is_none());
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn an_sse_answer_of_the_generated_call_outlives_the_request_timeout() {
    // Four pieces 150 ms apart: longer in total than the 300 ms per-request timeout, which a
    // request admitting an event stream does not get (the read timeout still applies).
    let text = example_text("mcp", "mcp-tools-list-sse");
    let quarter = text.len().div_ceil(4);
    let pieces: Vec<(Duration, Vec<u8>)> = text
        .as_bytes()
        .chunks(quarter)
        .map(|c| (Duration::from_millis(150), c.to_vec()))
        .collect();
    let server = Server::start(move |_, _| Reply::sse_timed(pieces.clone())).await;
    let api = client(&server)
        .request_timeout(Some(Duration::from_millis(300)))
        .build_api()
        .unwrap();
    let request: McpRequest = typed("mcp", "mcp-tools-list-request");
    let answer = api.mcp().accept(ACCEPT).body(request).send().await.unwrap();
    let McpAnswer::Events(mut events) = answer.into_inner() else {
        panic!("an event stream")
    };
    assert!(matches!(
        events.next().await,
        Some(Ok(McpEvent::Response(McpResponse::Result(_))))
    ));
    assert!(events.next().await.is_none());

    // A JSON-only call is not a stream: the same pace cuts it at the request timeout.
    let request: McpRequest = typed("mcp", "mcp-tools-list-request");
    let err = api
        .mcp()
        .accept("application/json")
        .body(request)
        .send()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("timed out"), "{err}");
}

#[tokio::test]
async fn the_sse_answer_reads_through_the_generic_sse_layer() {
    use kindo_client::api::types::FlatError;
    use kindo_client::sse::{Json, Protocol, SseRequest};
    use reqwest::header::{ACCEPT as ACCEPT_HEADER, HeaderMap, HeaderValue};

    let server =
        Server::start(|_, _| Reply::sse_text(&example_text("mcp", "mcp-tools-list-sse"), 16)).await;
    let api = client(&server).build_api().unwrap();
    let request: McpRequest = typed("mcp", "mcp-tools-list-request");
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT_HEADER, HeaderValue::from_static(ACCEPT));
    let mut stream = api
        .post_sse_with::<_, Json<McpResponse>, FlatError, serde_json::Value>(
            "/v1/mcp",
            headers,
            &request,
            Protocol::GENERIC,
        )
        .await
        .unwrap();
    let Some(Ok(Json(McpResponse::Result(result)))) = stream.next().await else {
        panic!()
    };
    assert_eq!(
        result.result["tools"],
        example("mcp", "mcp-tools-list-response")["result"]["tools"]
    );
    assert!(stream.next().await.is_none());
    assert_eq!(server.requests()[0].headers["accept"], ACCEPT);
}

#[tokio::test]
async fn mcp_send_reads_json_sse_and_202_answers() {
    use kindo_client::streams::{MCP_ACCEPT, McpOptions};

    let server = Server::start(|n, _| match n {
        0 => Reply::json(200, &example("mcp", "mcp-tools-list-response")),
        1 => Reply::sse_text(&example_text("mcp", "mcp-tools-list-sse"), 7),
        _ => Reply::Full(202, vec![], Vec::new()),
    })
    .await;
    let api = client(&server).build_api().unwrap();
    let request: McpRequest = typed("mcp", "mcp-tools-list-request");
    let options = McpOptions {
        integrations: vec!["linear".into()],
        x_kindo_integrations: Some("slack".into()),
    };
    let tools = example("mcp", "mcp-tools-list-response")["result"]["tools"].clone();

    let Ok(McpAnswer::Json(McpResponse::Result(result))) = api.mcp_send(&request, &options).await
    else {
        panic!("a JSON result")
    };
    assert_eq!(result.result["tools"], tools);

    let Ok(McpAnswer::Events(mut events)) = api.mcp_send(&request, &options).await else {
        panic!("an event stream")
    };
    let Some(Ok(McpEvent::Response(McpResponse::Result(result)))) = events.next().await else {
        panic!("the response as the stream's event")
    };
    assert_eq!(result.result["tools"], tools);
    assert!(events.next().await.is_none());

    let notification: McpRequest =
        serde_json::from_value(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
            .unwrap();
    assert!(matches!(
        api.mcp_send(&notification, &McpOptions::default()).await,
        Ok(McpAnswer::Accepted)
    ));

    let seen = server.requests();
    assert_eq!(seen.len(), 3);
    for r in &seen[..2] {
        assert_eq!(r.path(), "/v1/mcp");
        assert_eq!(r.query(), "integrations=linear");
        assert_eq!(r.headers["accept"], MCP_ACCEPT);
        assert_eq!(r.headers["x-kindo-integrations"], "slack");
        assert_eq!(r.headers["authorization"], format!("Bearer {KEY}"));
    }
    assert_eq!(seen[2].query(), "");
}

#[tokio::test]
async fn mcp_send_keeps_the_typed_401() {
    use kindo_client::streams::McpOptions;
    let server =
        Server::start(|_, _| Reply::json(401, &example("chat", "openai-surface-unauthorized")))
            .await;
    let api = client(&server).build_api().unwrap();
    let request: McpRequest = typed("mcp", "mcp-tools-list-request");
    match api.mcp_send(&request, &McpOptions::default()).await {
        Err(Error::ErrorResponse(rv)) => {
            assert_eq!(rv.status(), 401);
            assert_eq!(rv.error, "Unauthorized");
        }
        other => panic!("{other:?}"),
    }
}
