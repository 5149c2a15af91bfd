//! The MCP gateway (`POST /v1/mcp`, JSON-RPC over Streamable HTTP) through the generated `mcp`
//! operation, against a loopback server serving the documented examples in `corpus/examples/mcp`.
//!
//! The generated operation reads the JSON answer only: the SSE form of the answer and the `202`
//! to a notification are outside what progenitor can type (client shaping S4 and S5). The
//! hand-written `mcp_send` reads all three; both are pinned down here.

mod support;

use kindo_client::Error;
use kindo_client::api::types::{McpRequest, McpResponse};
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
    let McpResponse::Result(result) = answer.into_inner() else {
        panic!("a result, not a JSON-RPC error")
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
    let McpResponse::ErrorResponse(e) = answer.into_inner() else {
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
async fn the_generated_call_leaves_a_202_and_an_sse_answer_to_mcp_send() {
    let server = Server::start(|n, _| match n {
        0 => Reply::Full(202, vec![], Vec::new()),
        _ => Reply::sse_text(&example_text("mcp", "mcp-tools-list-sse"), 1024),
    })
    .await;
    let api = client(&server).build_api().unwrap();
    let notification: McpRequest =
        serde_json::from_value(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
            .unwrap();
    match api.mcp().accept(ACCEPT).body(notification).send().await {
        Err(Error::UnexpectedResponse(r)) => assert_eq!(r.status(), 202),
        other => panic!("{other:?}"),
    }
    let request: McpRequest = typed("mcp", "mcp-tools-list-request");
    let err = api
        .mcp()
        .accept(ACCEPT)
        .body(request)
        .send()
        .await
        .unwrap_err();
    // An event stream is not the documented JSON: one line with the status, not the body.
    assert_eq!(
        err.to_string(),
        "Error: HTTP 200 OK from /v1/mcp (mcp): the body is `text/event-stream`, not the documented McpResponse"
    );
}

#[tokio::test]
async fn the_sse_answer_reads_through_the_generic_sse_layer() {
    use futures_util::StreamExt;
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
    use futures_util::StreamExt;
    use kindo_client::streams::{MCP_ACCEPT, McpAnswer, McpEvent, McpOptions};

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
