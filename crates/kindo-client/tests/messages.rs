//! The Messages API (Anthropic's shape) and count_tokens against a loopback server serving the
//! documented examples in `corpus/examples/messages`.

mod support;

use std::time::Duration;

use kindo_client::api::types::{
    ContentBlock, ContentBlockDelta, CountTokensRequest, CreateMessageRequest, MessageStreamEvent,
};
use kindo_client::sse::StreamError;
use kindo_client::streams::{MessageHeaders, MessageStream};
use kindo_client::{AuthHeader, RetryPolicy};
use serde_json::json;
use support::{
    KEY, Reply, Server, assert_call, assert_truncated, client, drain, error_body, example,
    example_text, serve_json, serve_sse, typed,
};

const VERSION: &str = "2023-06-01";

/// The documented stream with a `ping` keep-alive after `message_start`, as Anthropic sends.
fn stream_with_ping() -> String {
    let text = example_text("messages", "messages-stream-events");
    let first = text.find("\n\n").unwrap() + 2;
    format!(
        "{}event: ping\ndata: {{\"type\": \"ping\"}}\n\n{}",
        &text[..first],
        &text[first..]
    )
}

/// Opens a message stream on `server` with the documented stream request and no headers.
async fn open_stream(server: &Server) -> MessageStream {
    let api = client(server).build_api().unwrap();
    let request: CreateMessageRequest = typed("messages", "messages-stream-request");
    api.create_message_stream(request, &MessageHeaders::default())
        .await
        .unwrap()
}

fn kind(event: &MessageStreamEvent) -> &'static str {
    match event {
        MessageStreamEvent::MessageStartEvent(_) => "message_start",
        MessageStreamEvent::ContentBlockStartEvent(_) => "content_block_start",
        MessageStreamEvent::ContentBlockDeltaEvent(_) => "content_block_delta",
        MessageStreamEvent::ContentBlockStopEvent(_) => "content_block_stop",
        MessageStreamEvent::MessageDeltaEvent(_) => "message_delta",
        MessageStreamEvent::MessageStopEvent(_) => "message_stop",
        MessageStreamEvent::PingEvent(_) => "ping",
        MessageStreamEvent::MessagesError(_) => "error",
        MessageStreamEvent::UnknownStreamEvent(_) => "unknown",
    }
}

#[tokio::test]
async fn create_message_non_streaming_with_anthropic_headers() {
    let server = Server::start(|_, _| {
        Reply::json(200, &example("messages", "messages-quickstart-response"))
    })
    .await;
    let api = client(&server)
        .auth_header(AuthHeader::XApiKey)
        .build_api()
        .unwrap();
    let request: CreateMessageRequest = typed("messages", "messages-quickstart-request");
    let message = api
        .create_message()
        .anthropic_version(VERSION)
        .anthropic_beta("prompt-caching-2024-07-31")
        .body(request)
        .send()
        .await
        .unwrap();
    assert_eq!(message.id, "msg_01Aq9w938a90dw8q");
    assert_eq!(message.stop_reason.as_deref(), Some("end_turn"));
    assert!(matches!(
        &message.content[0],
        ContentBlock::TextBlock(t) if t.text == "Pod Security Policies were Kubernetes rules..."
    ));
    let r = &server.requests()[0];
    assert_call(r, "POST", "/v1/messages");
    assert_eq!(r.json(), example("messages", "messages-quickstart-request"));
    assert_eq!(r.headers["x-api-key"], KEY);
    assert_eq!(r.headers["anthropic-version"], VERSION);
    assert_eq!(r.headers["anthropic-beta"], "prompt-caching-2024-07-31");
}

#[tokio::test]
async fn message_stream_skips_ping_and_ends_at_message_stop() {
    let body = stream_with_ping() + "event: never\ndata: {\"type\": \"never\"}\n\n";
    let server = serve_sse(body, 10).await;
    let api = client(&server).build_api().unwrap();
    let request: CreateMessageRequest = typed("messages", "messages-quickstart-request");
    let headers = MessageHeaders {
        claude_code_session_id: Some("sess-1".into()),
        ..MessageHeaders::version(VERSION)
    };
    let mut stream = api.create_message_stream(request, &headers).await.unwrap();
    let (events, errors) = drain(&mut stream).await;
    assert!(errors.is_empty(), "{errors:?}");
    let kinds: Vec<_> = events.iter().map(kind).collect();
    assert_eq!(
        kinds,
        [
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop",
        ]
    );
    let MessageStreamEvent::MessageStartEvent(start) = &events[0] else {
        panic!()
    };
    assert_eq!(start.message.id, "msg_01");
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            MessageStreamEvent::ContentBlockDeltaEvent(d) => match &d.delta {
                ContentBlockDelta::TextDelta(t) => Some(t.text.as_str()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(text, "Logs flow through the gate;");
    let r = &server.requests()[0];
    let mut sent = example("messages", "messages-quickstart-request");
    sent["stream"] = json!(true);
    assert_eq!(r.json(), sent);
    assert_eq!(r.headers["accept"], "text/event-stream");
    assert_eq!(r.headers["anthropic-version"], VERSION);
    assert_eq!(r.headers["x-claude-code-session-id"], "sess-1");
    assert!(!r.headers.contains_key("anthropic-beta"));
}

#[tokio::test]
async fn a_mid_stream_error_event_ends_the_message_stream_typed() {
    // The documented failure: `message_start` (from the documented stream), then the error.
    let events = example_text("messages", "messages-stream-events");
    let start = &events[..events.find("\n\n").unwrap() + 2];
    let body = format!(
        "{start}{}",
        example_text("messages", "messages-stream-error-event")
    );
    let server = serve_sse(body, 6).await;
    let mut stream = open_stream(&server).await;
    let (events, errors) = drain(&mut stream).await;
    assert_eq!(
        events.iter().map(kind).collect::<Vec<_>>(),
        ["message_start"]
    );
    let [StreamError::Event { event, body }] = errors.as_slice() else {
        panic!("{errors:?}")
    };
    assert_eq!(event, "error");
    assert_eq!(body.error.type_, "overloaded_error");
    assert_eq!(body.error.message, "upstream overloaded");
    assert!(
        !server.requests()[0]
            .headers
            .contains_key("anthropic-version")
    );
}

#[tokio::test]
async fn a_message_stream_cut_mid_event_is_an_error() {
    let full = stream_with_ping();
    let body = full[..full.find("the gate").unwrap()].to_owned();
    let server = serve_sse(body, 12).await;
    let mut stream = open_stream(&server).await;
    let (events, errors) = drain(&mut stream).await;
    assert_eq!(events.len(), 3);
    assert_truncated(&errors, true);
}

#[tokio::test]
async fn count_tokens_forwards_anthropic_version() {
    let server = serve_json(200, example("messages", "count-tokens-response")).await;
    let api = client(&server).build_api().unwrap();
    let request: CountTokensRequest = typed("messages", "count-tokens-request");
    let count = api
        .count_message_tokens()
        .anthropic_version(VERSION)
        .body(request)
        .send()
        .await
        .unwrap();
    assert_eq!(count.input_tokens, 21);
    let r = &server.requests()[0];
    assert_call(r, "POST", "/v1/messages/count_tokens");
    assert_eq!(r.headers["anthropic-version"], VERSION);
    assert_eq!(r.json(), example("messages", "count-tokens-request"));
}

#[tokio::test]
async fn messages_errors_are_typed_on_both_calls() {
    let server = Server::start(|n, _| match n {
        0 => Reply::json(401, &example("messages", "messages-error-401")),
        _ => Reply::json(400, &example("messages", "messages-error-400")),
    })
    .await;
    let api = client(&server).build_api().unwrap();
    let request: CreateMessageRequest = typed("messages", "messages-quickstart-request");
    let rv = error_body(
        api.create_message()
            .body(request.clone())
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(rv.status(), 401);
    assert_eq!(rv.error.type_, "authentication_error");
    let rv = error_body(
        api.create_message_stream(request, &MessageHeaders::default())
            .await
            .unwrap_err(),
    );
    assert_eq!(rv.status(), 400);
    assert_eq!(rv.error.message, "max_tokens is required");
}

/// Anthropic's 429 body (no 429 example is documented for Messages; the envelope is the one
/// the other Messages errors use, with Anthropic's `rate_limit_error`).
fn rate_limited() -> Reply {
    let mut body = example("messages", "messages-error-400");
    body["error"]["type"] = "rate_limit_error".into();
    body["error"]["message"] = "Rate limit exceeded".into();
    Reply::retry_after(429, "0", &body)
}

#[tokio::test]
async fn messages_429_with_retry_after_is_retried_when_retries_are_enabled() {
    let server = Server::start(|n, _| match n {
        0 => rate_limited(),
        1 => Reply::sse_text(&example_text("messages", "messages-stream-events"), 32),
        2 => rate_limited(),
        _ => Reply::json(200, &example("messages", "messages-quickstart-response")),
    })
    .await;
    // A backoff of a minute: only honouring `Retry-After: 0` lets these calls finish.
    let policy = RetryPolicy {
        initial_backoff: Duration::from_secs(60),
        ..RetryPolicy::retries(2)
    };
    let api = client(&server).retry(policy).build_api().unwrap();
    let request: CreateMessageRequest = typed("messages", "messages-stream-request");
    let guard = Duration::from_secs(20);
    let mut stream = tokio::time::timeout(
        guard,
        api.create_message_stream(request.clone(), &MessageHeaders::version(VERSION)),
    )
    .await
    .expect("Retry-After honoured")
    .unwrap();
    let (events, errors) = drain(&mut stream).await;
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(events.len(), 7);
    let message = tokio::time::timeout(
        guard,
        api.create_message()
            .anthropic_version(VERSION)
            .body(request.clone())
            .send(),
    )
    .await
    .expect("Retry-After honoured")
    .unwrap();
    assert_eq!(message.id, "msg_01Aq9w938a90dw8q");
    let requests = server.requests();
    assert_eq!(requests.len(), 4);
    // The retried request is the same request.
    assert_eq!(requests[0].body, requests[1].body);
    assert_eq!(requests[1].headers["anthropic-version"], VERSION);
    assert_eq!(requests[3].headers["anthropic-version"], VERSION);

    // Without retries the 429 is the typed error, with its `Retry-After`.
    let only_429 = Server::start(|_, _| rate_limited()).await;
    let plain = client(&only_429).build_api().unwrap();
    let rv = error_body(
        plain
            .create_message()
            .body(request)
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(rv.status(), 429);
    assert_eq!(rv.error.type_, "rate_limit_error");
    assert_eq!(rv.headers()["retry-after"], "0");
    assert_eq!(only_429.requests().len(), 1);
}
