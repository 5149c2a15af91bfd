//! The client end to end against `kindo-mock` on 127.0.0.1: a server that speaks the published
//! documents with state (runs that finish, Koda sessions and tokens), streams that switch on
//! `"stream": true`, and faults injected per request (`x-kindo-mock-fault`), so these flows
//! run as a user's integration tests would, without a hand-written server per test.

use std::time::Duration;

use futures_util::StreamExt;
use kindo_client::api::types::{
    CreateChatCompletionRequest, CreateMessageRequest, CreateResponseRequest, MessageStreamEvent,
    RunAgentRequest, RunStatus,
};
use kindo_client::koda::types::{AgentDraft, LoginRequest, OwnerRegistration, TokenRequest};
use kindo_client::runs::{RunMessagePart, RunResult, WaitError, WaitOptions};
use kindo_client::sse::{SseRequest, StreamError};
use kindo_client::streams::{MessageHeaders, ResponseEvent};
use kindo_client::{AuthHeader, ClientBuilder, Error, RetryPolicy, Settings, api, session};
use kindo_mock::{Mock, Options, Running, Spec, Surface};
use serde_json::{Map, Value, json};

/// The documented agent of the seeded state, and its required input.
const AGENT: &str = "18d20df4-d9b3-4cb0-a009-9f11ec9c5d3d";

async fn mock(options: Options) -> Running {
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec");
    let mock = Mock::new(
        Spec::from_dir(&spec).expect("published documents load"),
        options,
    );
    kindo_mock::start_local(mock).await.expect("mock listens")
}

fn builder(mock: &Running, key: &str) -> ClientBuilder {
    ClientBuilder::new(key)
        .api_base_url(mock.url(Surface::Api))
        .llm_base_url(mock.url(Surface::Llm))
        .koda_base_url(mock.url(Surface::Koda))
}

fn typed<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).expect("request decodes")
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

/// The settings (key, auth header, retry policy) of a built client.
fn settings_of<C: SseRequest>(client: &C) -> Settings {
    client.inner().clone()
}

/// An api.kindo.ai client like `builder(..).retry(retry).build_api()`, whose every request
/// carries `x-kindo-mock-fault: <fault>` (on a reqwest client with that default header).
fn faulty_api(mock: &Running, key: &str, fault: &str, retry: RetryPolicy) -> api::Client {
    let settings = settings_of(&builder(mock, key).retry(retry).build_api().unwrap());
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        kindo_mock::faults::HEADER,
        reqwest::header::HeaderValue::from_str(fault).unwrap(),
    );
    // A plain reqwest client needs a process-wide TLS provider (`ClientBuilder` configures its
    // own per client); the same one the client uses.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap();
    api::Client::new_with_client(&mock.url(Surface::Api), http, settings)
}

/// Retries without waiting long: the mock's faults say `retry-after=0` or send none.
fn quick_retries(n: u32) -> RetryPolicy {
    RetryPolicy {
        initial_backoff: Duration::from_millis(5),
        max_backoff: Duration::from_millis(20),
        ..RetryPolicy::retries(n)
    }
}

fn fast() -> WaitOptions {
    WaitOptions {
        initial_interval: Duration::from_millis(5),
        max_interval: Duration::from_millis(20),
        max_wait: Duration::from_secs(20),
        max_attempts: 50,
    }
}

fn run_request() -> RunAgentRequest {
    typed(json!({"agentId": AGENT, "inputs": [{"name": "query", "value": "the nightly audit"}]}))
}

// ---------------------------------------------------------------------------------------------
// Runs.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn run_agent_and_wait_polls_the_mock_run_to_success() {
    let m = mock(Options {
        run_polls: 3,
        ..Options::default()
    })
    .await;
    let api = builder(&m, "key-runs").build_api().unwrap();
    let run = api
        .run_agent_and_wait(run_request(), &fast())
        .await
        .unwrap();
    assert_eq!(run.status, RunStatus::Success);
    assert!(run.ended_at_utc.is_some());
    let result = RunResult::of(&run).unwrap();
    assert!(result.text().contains("the nightly audit"), "{result:?}");
    // The decoded envelope: the message id, a step marker, then the text part with its state.
    let RunResult::Message(message) = &result else {
        panic!("the mock's result decodes as a message: {result:?}")
    };
    assert_eq!(message.role, "assistant");
    assert!(
        message
            .id
            .as_deref()
            .is_some_and(|id| id.starts_with("msg_")),
        "{message:?}"
    );
    assert!(
        matches!(&message.parts[0], RunMessagePart::StepStartPart(_)),
        "{message:?}"
    );
    assert!(
        matches!(&message.parts[1], RunMessagePart::TextPart(p) if p.state.as_deref() == Some("done")),
        "{message:?}"
    );

    // The run stays in progress for exactly 3 polls: 3 allowed polls time out, 4 succeed.
    let three = WaitOptions {
        max_attempts: 3,
        ..fast()
    };
    let err = api
        .run_agent_and_wait(run_request(), &three)
        .await
        .unwrap_err();
    assert!(
        matches!(err, WaitError::TimedOut { attempts: 3, .. }),
        "{err}"
    );
    let four = WaitOptions {
        max_attempts: 4,
        ..fast()
    };
    let run = api.run_agent_and_wait(run_request(), &four).await.unwrap();
    assert_eq!(run.status, RunStatus::Success);

    // An unknown run is the documented 404, which ends the wait at once.
    let err = api.wait_for_run("no-such-run", &fast()).await.unwrap_err();
    assert!(
        matches!(&err, WaitError::RunNotFound { run_id, .. } if run_id == "no-such-run"),
        "{err}"
    );
    // A missing required input is refused when triggering, typed.
    let err = api
        .run_agent_and_wait(typed(json!({"agentId": AGENT, "inputs": []})), &fast())
        .await
        .unwrap_err();
    match err {
        WaitError::Trigger(Error::ErrorResponse(rv)) => {
            assert_eq!(rv.status(), 422);
            assert!(rv.message.contains("query"), "{}", rv.message);
        }
        other => panic!("expected a typed 422, got {other}"),
    }
    m.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Models.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn list_models_reads_the_seeded_models() {
    let m = mock(Options::default()).await;
    let api = builder(&m, "key-models").build_api().unwrap();
    let models = api.list_models().send().await.unwrap();
    assert_eq!(models.status(), 200);
    let ids: Vec<&str> = models.data.iter().map(|m| m.id.as_str()).collect();
    // Every model id the chat and messages examples use is served.
    for id in ["claude-sonnet-4-5-20250929", "gpt-4o-2024-11-20"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    // Without a key the mock answers the surface's 401.
    let anonymous = ClientBuilder::anonymous()
        .api_base_url(m.url(Surface::Api))
        .build_api()
        .unwrap();
    match anonymous.list_models().send().await {
        Err(Error::ErrorResponse(rv)) => assert_eq!(rv.status(), 401),
        other => panic!("expected 401, got {other:?}"),
    }
    m.stop().await;
}

#[tokio::test]
async fn a_nonconforming_answer_keeps_the_status_and_echoes_no_value() {
    // The mock's test-only fault answers 200 with the JSON string "nonconforming".
    let m = mock(Options::default()).await;
    let api = faulty_api(&m, "key-shape", "nonconforming", RetryPolicy::none());
    let err = api.list_models().send().await.unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, Error::Custom(_)), "{err:?}");
    assert!(
        message.starts_with(
            "Error: HTTP 200 OK from GET /v1/models (list_models): the body does not match the documented ModelList: invalid type: a string, expected struct ModelList"
        ),
        "{message}"
    );
    assert!(
        !message.contains("nonconforming"),
        "the body is not echoed: {message}"
    );
    m.stop().await;
}

// ---------------------------------------------------------------------------------------------
// MCP.
// ---------------------------------------------------------------------------------------------

fn mcp_message(value: Value) -> api::types::McpRequest {
    typed(value)
}

#[tokio::test]
async fn the_generated_mcp_call_reads_json_sse_and_202_from_the_mock() {
    use api::types::McpResponse;
    use kindo_client::streams::{McpAnswer, McpEvent};

    let m = mock(Options::default()).await;
    let api = builder(&m, "key-mcp").build_api().unwrap();
    let ping = json!({"jsonrpc": "2.0", "id": 7, "method": "ping"});

    // JSON first in `Accept`: the mock answers JSON.
    let answer = api
        .mcp()
        .accept("application/json, text/event-stream")
        .body(mcp_message(ping.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let McpAnswer::Json(McpResponse::Result(result)) = answer.into_inner() else {
        panic!("a JSON result")
    };
    assert_eq!(json!(result.id), json!(7));

    // The event stream first: the mock answers with one `message` event.
    let answer = api
        .mcp()
        .accept("text/event-stream, application/json")
        .body(mcp_message(
            json!({"jsonrpc": "2.0", "id": 8, "method": "tools/list"}),
        ))
        .send()
        .await
        .unwrap();
    let McpAnswer::Events(mut events) = answer.into_inner() else {
        panic!("an event stream")
    };
    let Some(Ok(McpEvent::Response(McpResponse::Result(result)))) = events.next().await else {
        panic!("the response as the stream's event")
    };
    assert_eq!(json!(result.id), json!(8));
    assert!(
        result.result["tools"]
            .as_array()
            .is_some_and(|t| !t.is_empty())
    );
    assert!(events.next().await.is_none());

    // A notification: `202`, no body, a success.
    let answer = api
        .mcp()
        .accept("application/json, text/event-stream")
        .body(mcp_message(
            json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 202);
    assert!(matches!(answer.into_inner(), McpAnswer::Accepted));

    // Without `text/event-stream` in `Accept` the gateway answers 406, an undocumented body.
    match api
        .mcp()
        .accept("application/json")
        .body(mcp_message(ping.clone()))
        .send()
        .await
    {
        Err(Error::UnexpectedResponse(r)) => assert_eq!(r.status(), 406),
        other => panic!("{other:?}"),
    }

    // An answer that is not a JSON-RPC message names the method and the operation.
    let faulty = faulty_api(&m, "key-mcp", "nonconforming", RetryPolicy::none());
    let err = faulty
        .mcp()
        .accept("application/json, text/event-stream")
        .body(mcp_message(ping))
        .send()
        .await
        .unwrap_err();
    assert!(
        err.to_string().starts_with(
            "Error: HTTP 200 OK from POST /v1/mcp (mcp): the body does not match the documented McpResponse"
        ),
        "{err}"
    );
    m.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Typed streams.
// ---------------------------------------------------------------------------------------------

/// The text a chat stream carries, every chunk decoding.
async fn streamed_text(stream: &mut kindo_client::streams::ChatCompletionStream) -> String {
    let mut text = String::new();
    while let Some(item) = stream.next().await {
        text.extend(
            item.unwrap()
                .choices
                .iter()
                .filter_map(|c| c.delta.content.clone()),
        );
    }
    text
}

fn chat_request(content: &str) -> CreateChatCompletionRequest {
    typed(json!({
        "model": "claude-sonnet-4-5-20250929",
        "messages": [{"role": "user", "content": content}]
    }))
}

#[tokio::test]
async fn chat_streams_on_both_hosts_end_at_done() {
    let m = mock(Options::default()).await;
    let b = builder(&m, "key-chat");
    let api = b.build_api().unwrap();
    let mut stream = api
        .create_chat_completion_stream(chat_request("logs metrics traces"))
        .await
        .unwrap();
    let mut text = String::new();
    let mut chunks = Vec::new();
    while let Some(item) = stream.next().await {
        let chunk = item.unwrap();
        text.extend(chunk.choices.iter().filter_map(|c| c.delta.content.clone()));
        chunks.push(chunk);
    }
    assert!(chunks.len() > 2, "{chunks:?}");
    assert!(text.contains("logs metrics traces"), "{text}");
    assert!(
        chunks
            .last()
            .unwrap()
            .choices
            .iter()
            .any(|c| c.finish_reason.as_deref() == Some("stop")),
        "{chunks:?}"
    );
    let id = &chunks[0].id;
    assert!(chunks.iter().all(|c| &c.id == id));

    let llm = b.build_llm().unwrap();
    let request: kindo_client::llm::types::CreateChatCompletionRequest = typed(json!({
        "model": "claude-sonnet-4-5-20250929",
        "messages": [{"role": "user", "content": "legacy host"}]
    }));
    let mut stream = llm.create_chat_completion_stream(request).await.unwrap();
    let mut text = String::new();
    while let Some(item) = stream.next().await {
        text.extend(
            item.unwrap()
                .choices
                .iter()
                .filter_map(|c| c.delta.content.clone()),
        );
    }
    assert!(text.contains("legacy host"), "{text}");
    m.stop().await;
}

#[tokio::test]
async fn a_mid_stream_error_and_a_dropped_stream_are_errors() {
    let m = mock(Options::default()).await;
    let api = faulty_api(&m, "key-err", "error-event", RetryPolicy::none());
    let mut stream = api
        .create_chat_completion_stream(chat_request("a b c"))
        .await
        .unwrap();
    let mut errors = Vec::new();
    while let Some(item) = stream.next().await {
        if let Err(e) = item {
            errors.push(e);
        }
    }
    assert!(
        matches!(errors.as_slice(), [StreamError::Event { .. }]),
        "{errors:?}"
    );

    let api = faulty_api(&m, "key-drop", "drop-mid-stream", RetryPolicy::none());
    let mut stream = api
        .create_chat_completion_stream(chat_request("a b c d e f g h i"))
        .await
        .unwrap();
    let mut last = None;
    while let Some(item) = stream.next().await {
        last = Some(item);
    }
    assert!(
        matches!(last, Some(Err(ref e)) if !matches!(e, StreamError::Event { .. })),
        "the stream must end in a transport or truncation error: {last:?}"
    );
    m.stop().await;
}

#[tokio::test]
async fn response_stream_yields_the_named_events_in_order() {
    let m = mock(Options::default()).await;
    let api = builder(&m, "key-responses").build_api().unwrap();
    let request: CreateResponseRequest = typed(json!({
        "model": "claude-sonnet-4-5-20250929",
        "input": "Name three signals."
    }));
    let mut stream = api.create_response_stream(request).await.unwrap();
    let mut events = Vec::new();
    while let Some(item) = stream.next().await {
        match item {
            Ok(e) => events.push(e),
            Err(e) => panic!(
                "{e} after {:?}",
                events
                    .iter()
                    .map(ResponseEvent::event_name)
                    .collect::<Vec<_>>()
            ),
        }
    }
    let names: Vec<&str> = events.iter().map(ResponseEvent::event_name).collect();
    assert_eq!(names.first(), Some(&"response.created"), "{names:?}");
    assert_eq!(names.last(), Some(&"response.completed"), "{names:?}");
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
        .map(|o| names.iter().position(|n| n == o).unwrap_or(usize::MAX))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]) && positions[6] != usize::MAX,
        "{names:?}"
    );
    assert!(
        events
            .iter()
            .all(|e| !matches!(e, ResponseEvent::Other { .. })),
        "every event decodes into its typed payload: {names:?}"
    );
    let deltas: String = events
        .iter()
        .filter_map(|e| match e {
            ResponseEvent::OutputTextDelta(d) => Some(d.delta.as_str()),
            _ => None,
        })
        .collect();
    let done = events
        .iter()
        .find_map(|e| match e {
            ResponseEvent::OutputTextDone(d) => Some(d.text.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(done, deltas);
    m.stop().await;
}

#[tokio::test]
async fn message_stream_skips_ping_and_ends_at_message_stop() {
    let m = mock(Options::default()).await;
    let api = builder(&m, "key-messages")
        .auth_header(AuthHeader::XApiKey)
        .build_api()
        .unwrap();
    let request: CreateMessageRequest = typed(json!({
        "model": "claude-sonnet-4-5-20250929",
        "max_tokens": 64,
        "messages": [{"role": "user", "content": "ping pong"}]
    }));
    let mut stream = api
        .create_message_stream(request, &MessageHeaders::version("2023-06-01"))
        .await
        .unwrap();
    let mut events = Vec::new();
    while let Some(item) = stream.next().await {
        events.push(item.unwrap());
    }
    assert!(matches!(
        events.first(),
        Some(MessageStreamEvent::MessageStartEvent(_))
    ));
    assert!(matches!(
        events.last(),
        Some(MessageStreamEvent::MessageStopEvent(_))
    ));
    let json: Vec<Value> = events
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .collect();
    // The mock sends a ping; the typed stream skips it.
    assert!(json.iter().all(|e| e["type"] != "ping"), "{json:?}");
    let text: String = json
        .iter()
        .filter(|e| e["type"] == "content_block_delta")
        .filter_map(|e| e["delta"]["text"].as_str())
        .collect();
    assert!(text.contains("ping pong"), "{text}");
    m.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Retries against injected faults.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_429_is_retried_until_the_fault_clears() {
    let m = mock(Options::default()).await;
    // The first two attempts are rate limited; the third is answered.
    let api = faulty_api(&m, "key-429", "429;retry-after=0;times=2", quick_retries(2));
    let done = api
        .create_chat_completion()
        .body(chat_request("after the rate limit"))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 200);

    // One retry is not enough for a fault that fires twice: the typed 429 comes back.
    let api = faulty_api(
        &m,
        "key-429-b",
        "429;retry-after=0;times=2",
        quick_retries(1),
    );
    match api
        .create_chat_completion()
        .body(chat_request("x"))
        .send()
        .await
    {
        Err(Error::ErrorResponse(rv)) => {
            assert_eq!(rv.status(), 429);
            assert_eq!(rv.headers()["retry-after"], "0");
        }
        other => panic!("expected the 429, got {other:?}"),
    }
    // Those two attempts used the fault up: the next call, without retries, is answered.
    let again = api.with_retry(RetryPolicy::none());
    assert_eq!(
        again
            .create_chat_completion()
            .body(chat_request("x"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    m.stop().await;
}

#[tokio::test]
async fn a_503_is_retried_exactly_max_retries_times() {
    let m = mock(Options::default()).await;
    let api = faulty_api(&m, "key-503", "503;times=3", quick_retries(2));
    // Three attempts (one call, two retries), all unavailable.
    // listModels documents no 503, so the answer is unexpected rather than typed.
    match api.list_models().send().await {
        Err(Error::UnexpectedResponse(r)) => assert_eq!(r.status(), 503),
        Err(Error::ErrorResponse(rv)) => assert_eq!(rv.status(), 503),
        other => panic!("expected the 503, got {other:?}"),
    }
    // Had the client made fewer than three attempts, the fault would still fire now; had it
    // made more, the first call would have succeeded.
    let once = api.with_retry(RetryPolicy::none());
    assert_eq!(once.list_models().send().await.unwrap().status(), 200);

    // A 503 with Retry-After on a POST (the server says it did nothing) is retried too.
    let api = faulty_api(
        &m,
        "key-503-post",
        "503;retry-after=0;times=1",
        quick_retries(1),
    );
    let request: CreateMessageRequest = typed(json!({
        "model": "claude-sonnet-4-5-20250929",
        "max_tokens": 16,
        "messages": [{"role": "user", "content": "hi"}]
    }));
    let message = api.create_message().body(request).send().await.unwrap();
    assert_eq!(message.status(), 200);
    m.stop().await;
}

#[tokio::test]
async fn a_stream_opened_after_a_429_is_whole() {
    let m = mock(Options::default()).await;
    let api = faulty_api(
        &m,
        "key-stream-429",
        "429;retry-after=0;times=1",
        quick_retries(1),
    );
    let mut stream = api
        .create_chat_completion_stream(chat_request("retried stream"))
        .await
        .unwrap();
    let text = streamed_text(&mut stream).await;
    assert!(text.contains("retried stream"), "{text}");
    // Without retries the 429 reaches the caller typed, before any event.
    let api = faulty_api(
        &m,
        "key-stream-429-b",
        "429;retry-after=0",
        RetryPolicy::none(),
    );
    match api.create_chat_completion_stream(chat_request("x")).await {
        Err(Error::ErrorResponse(rv)) => assert_eq!(rv.status(), 429),
        other => panic!("expected the 429, got {:?}", other.map(|_| "a stream")),
    }
    m.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Koda.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn koda_owner_login_session_token_and_agent_lifecycle() {
    let m = mock(Options::default()).await;
    let anonymous = ClientBuilder::anonymous()
        .koda_base_url(m.url(Surface::Koda))
        .build_koda()
        .unwrap();
    let owner = json!({"email": "owner@example.com", "password": "c0rrect-Horse-42"});
    let registered = anonymous
        .register_owner()
        .body(OwnerRegistration::from(object(owner.clone())))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), 201);
    let login = anonymous
        .login()
        .body(LoginRequest::from(object(owner)))
        .send()
        .await
        .unwrap();
    let cookie = session::from_headers(login.headers()).expect("login sets the session cookie");
    let operator = ClientBuilder::new(cookie)
        .koda_base_url(m.url(Surface::Koda))
        .auth_header(AuthHeader::SessionCookie)
        .build_koda()
        .unwrap();
    let status = operator.get_auth_status().send().await.unwrap();
    assert_eq!(status["authenticated"], true);

    // An operator token, issued once per Idempotency-Key, then used as Bearer.
    let issue = || {
        operator
            .create_api_token()
            .idempotency_key("tok-1")
            .body(TokenRequest::from(object(json!({"name": "ci"}))))
            .send()
    };
    let first = issue().await.unwrap();
    let replay = issue().await.unwrap();
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(first.into_inner().0, replay.into_inner().0.clone());
    let token = issue().await.unwrap()["token"].as_str().unwrap().to_owned();
    let ci = ClientBuilder::new(token)
        .koda_base_url(m.url(Surface::Koda))
        .build_koda()
        .unwrap();

    // Agents: create (draft) → publish → activate; a draft cannot be activated.
    let agent = ci
        .create_agent()
        .body(AgentDraft::from(object(
            json!({"agent_id": "scout", "name": "Scout"}),
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(agent["status"], "draft");
    match ci.activate_agent().agent_id("scout").send().await {
        Err(Error::ErrorResponse(rv)) => assert_eq!(rv.status(), 409),
        other => panic!("expected 409, got {other:?}"),
    }
    let published = ci.publish_agent().agent_id("scout").send().await.unwrap();
    assert_eq!(
        serde_json::to_value(published.into_inner()).unwrap()["status"],
        "published"
    );
    let active = ci.activate_agent().agent_id("scout").send().await.unwrap();
    assert_eq!(
        serde_json::to_value(active.into_inner()).unwrap()["status"],
        "active"
    );

    // The list pages with limit and next_cursor to its end.
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..10 {
        let mut call = ci
            .list_agents()
            .limit(std::num::NonZeroU32::new(1).unwrap());
        if let Some(c) = &cursor {
            call = call.cursor(c.clone());
        }
        let page = serde_json::to_value(call.send().await.unwrap().into_inner()).unwrap();
        ids.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["agent_id"].as_str().unwrap().to_owned()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert!(ids.ends_with(&["scout".to_owned()]), "{ids:?}");
    assert!(ids.len() >= 2, "the seeded agents come first: {ids:?}");

    // A made-up token is refused with Koda's error body.
    let stranger = ClientBuilder::new("not-a-token")
        .koda_base_url(m.url(Surface::Koda))
        .build_koda()
        .unwrap();
    match stranger.list_agents().send().await {
        Err(Error::ErrorResponse(rv)) => assert_eq!(rv.status(), 401),
        other => panic!("expected 401, got {other:?}"),
    }
    m.stop().await;
}
