//! Credentials stay with their origin, and retries never repeat work the server may have done:
//! end to end against loopback servers on ephemeral ports.

mod support;

use std::time::Duration;

use futures_util::StreamExt;
use kindo_client::api::types::RunAgentRequest;
use kindo_client::koda::types::AgentDraft;
use kindo_client::redirect::CrossOriginRedirect;
use kindo_client::sse::{Json, Protocol, SseRequest};
use kindo_client::{AuthHeader, ClientInfo, Error, Replay, RetryBudget, RetryPolicy};
use serde_json::{Value, json};
use support::{KEY, Recorded, Reply, Server, client, example, serve_json};

const EVERY_HEADER: [AuthHeader; 4] = [
    AuthHeader::Bearer,
    AuthHeader::XApiKey,
    AuthHeader::ApiKey,
    AuthHeader::SessionCookie,
];

/// Whether any header of `request` carries the test key.
fn carries_key(request: &Recorded) -> bool {
    request.headers.values().any(|v| v.contains(KEY))
}

/// The refused redirect inside a client error, if that is what the error is.
fn refused_redirect<E: std::fmt::Debug>(error: &Error<E>) -> Option<CrossOriginRedirect> {
    let Error::CommunicationError(e) = error else {
        return None;
    };
    assert!(e.is_redirect(), "{e:?}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(found) = s.downcast_ref::<CrossOriginRedirect>() {
            return Some(found.clone());
        }
        source = s.source();
    }
    None
}

/// A server that answers every request with a redirect to `target`.
async fn redirecting_to(status: u16, target: String) -> Server {
    Server::start_raw(move |_, _| Reply::Full(status, vec![("location", target.clone())], vec![]))
        .await
}

#[tokio::test]
async fn no_credential_follows_a_redirect_to_another_port() {
    for header in EVERY_HEADER {
        for status in [301, 302, 303, 307, 308] {
            let other =
                Server::start_raw(|_, _| Reply::json(200, &example("models", "models-list-two")))
                    .await;
            let origin = redirecting_to(status, format!("{}/v1/models", other.url)).await;
            let builder = client(&origin).auth_header(header);

            // A generated operation, on each of the three clients.
            let api = builder.build_api().unwrap();
            let err = api.list_models().send().await.unwrap_err();
            let refused = refused_redirect(&err).unwrap_or_else(|| panic!("{err:?}"));
            assert_eq!(refused.to, other.url);
            assert_eq!(refused.from, origin.url);
            assert_eq!(refused.status, status);
            assert!(err.to_string().contains("redirect"), "{err}");
            let llm = builder.build_llm().unwrap();
            let stream = llm
                .post_sse::<_, Json<Value>, Value>("/v1/completions", &json!({}), Protocol::GENERIC)
                .await;
            assert!(refused_redirect(&stream.unwrap_err()).is_some());
            let koda = builder.build_koda().unwrap();
            assert!(refused_redirect(&koda.list_agents().send().await.unwrap_err()).is_some());

            // A stream.
            let stream = support::chat_stream::<_, Json<Value>>(&api).await;
            assert!(refused_redirect(&stream.unwrap_err()).is_some());
            let mcp = kindo_client::streams::McpOptions::default();
            let message: kindo_client::api::types::McpRequest =
                support::typed("mcp", "mcp-tools-list-request");
            assert!(refused_redirect(&api.mcp_send(&message, &mcp).await.unwrap_err()).is_some());

            // A client made by the generated `Client::new` from the same settings.
            let made = kindo_client::api::Client::new(&origin.url, api.inner().clone());
            assert!(refused_redirect(&made.list_models().send().await.unwrap_err()).is_some());

            assert!(
                other.requests().is_empty(),
                "{header:?} {status}: the other origin was contacted: {:?}",
                other.requests()
            );
            let seen = origin.requests();
            assert_eq!(seen.len(), 6);
            assert!(
                seen.iter().all(carries_key),
                "{header:?}: the origin got the key"
            );
        }
    }
}

#[tokio::test]
async fn a_same_origin_redirect_is_followed_with_the_credential() {
    for header in EVERY_HEADER {
        let server = Server::start_raw(|n, _| match n {
            0 => Reply::Full(302, vec![("location", "/v1/models?moved=1".into())], vec![]),
            _ => Reply::json(200, &example("models", "models-list-two")),
        })
        .await;
        let api = client(&server).auth_header(header).build_api().unwrap();
        let models = api.list_models().send().await.unwrap();
        assert!(!models.data.is_empty());
        let seen = server.requests();
        assert_eq!(seen.len(), 2);
        assert_eq!(seen[1].target, "/v1/models?moved=1");
        assert!(seen.iter().all(carries_key), "{header:?}: {seen:?}");
    }
}

#[tokio::test]
async fn a_redirect_back_to_http_on_another_port_after_a_same_origin_hop_is_refused() {
    let other = Server::start_raw(|_, _| Reply::json(200, &json!({}))).await;
    let target = format!("{}/v1/models", other.url);
    let origin = Server::start_raw(move |n, _| match n {
        0 => Reply::Full(307, vec![("location", "/hop".into())], vec![]),
        _ => Reply::Full(307, vec![("location", target.clone())], vec![]),
    })
    .await;
    let api = client(&origin)
        .auth_header(AuthHeader::XApiKey)
        .build_api()
        .unwrap();
    let err = api.list_models().send().await.unwrap_err();
    assert!(refused_redirect(&err).is_some(), "{err:?}");
    assert!(other.requests().is_empty());
    assert_eq!(origin.requests().len(), 2);
}

/// A policy that retries at once (so the tests take no time) with no budget.
fn eager(retries: u32) -> RetryPolicy {
    RetryPolicy {
        initial_backoff: Duration::from_millis(1),
        ..RetryPolicy::retries(retries)
    }
    .budget(None)
}

fn bad_gateway() -> Reply {
    Reply::json(
        502,
        &json!({"error": "Bad Gateway", "message": "upstream failed"}),
    )
}

/// A run triggered through `api` that fails (every server here answers it with an error).
async fn trigger(api: &kindo_client::api::Client) -> Error<kindo_client::api::types::AgentsError> {
    api.run_agent()
        .body(run_request())
        .send()
        .await
        .unwrap_err()
}

fn run_request() -> RunAgentRequest {
    RunAgentRequest {
        agent_id: "agent-1".into(),
        inputs: None,
    }
}

#[tokio::test]
async fn a_post_answered_502_is_not_sent_again() {
    let server = Server::start(|_, _| bad_gateway()).await;
    let api = client(&server).retry(eager(3)).build_api().unwrap();
    let err = trigger(&api).await;
    support::assert_status(&err, 502);
    assert_eq!(
        server.requests().len(),
        1,
        "the run may have started: no retry"
    );

    // Nor a stream request (a chat completion the server may have billed).
    let request = support::example("chat", "chat-request-first-call");
    let err = api
        .post_sse::<_, Json<Value>, Value>(
            "/v1/chat/completions",
            &request,
            Protocol::CHAT_COMPLETIONS,
        )
        .await
        .unwrap_err();
    support::assert_status(&err, 502);
    assert_eq!(server.requests().len(), 2);

    // Other 5xx are no different, 503 without Retry-After included.
    for status in [500, 503, 504] {
        let server = Server::start(move |_, _| Reply::json(status, &json!({"error": "x"}))).await;
        let api = client(&server).retry(eager(3)).build_api().unwrap();
        let _ = trigger(&api).await;
        assert_eq!(server.requests().len(), 1, "{status}");
    }
}

#[tokio::test]
async fn a_post_is_retried_when_the_caller_opts_in_or_it_carries_an_idempotency_key() {
    let server = Server::start(|_, _| bad_gateway()).await;
    let api = client(&server).retry(eager(3)).build_api().unwrap();
    // Per call: this one client copy may replay.
    let _ = api
        .with_retry(eager(3).replay(Replay::Always))
        .run_agent()
        .body(run_request())
        .send()
        .await
        .unwrap_err();
    assert_eq!(server.requests().len(), 4, "first attempt + 3 retries");
    // The client itself still does not.
    let _ = trigger(&api).await;
    assert_eq!(server.requests().len(), 5);

    // Koda creations carry an Idempotency-Key: the server replays, so retrying is safe.
    let server = Server::start(|n, _| match n {
        0 | 1 => Reply::json(502, &json!({"code": "upstream", "message": "x"})),
        _ => Reply::json(201, &json!({"id": "a1", "name": "n", "model": "llama3.1"})),
    })
    .await;
    let koda = client(&server).retry(eager(3)).build_koda().unwrap();
    let draft = AgentDraft::from(
        json!({"name": "n", "model": "llama3.1"})
            .as_object()
            .unwrap()
            .clone(),
    );
    let _ = koda
        .create_agent()
        .idempotency_key("k-1")
        .body(draft.clone())
        .send()
        .await;
    let seen = server.requests();
    assert_eq!(seen.len(), 3, "retried until the 201");
    assert!(seen.iter().all(|r| r.headers["idempotency-key"] == "k-1"));
    // Without the key: one attempt.
    let server = serve_json(502, json!({"code": "upstream", "message": "x"})).await;
    let koda = client(&server).retry(eager(3)).build_koda().unwrap();
    let _ = koda.create_agent().body(draft).send().await;
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn idempotent_methods_are_retried_after_a_502() {
    let server = Server::start(|_, _| bad_gateway()).await;
    let api = client(&server).retry(eager(2)).build_api().unwrap();
    let err = api.list_models().send().await.unwrap_err();
    assert_eq!(err.status(), Some(reqwest::StatusCode::BAD_GATEWAY));
    assert_eq!(server.requests().len(), 3);
    // Unless the call says never.
    let _ = api
        .with_retry(eager(2).replay(Replay::Never))
        .list_models()
        .send()
        .await;
    assert_eq!(server.requests().len(), 4);
}

// `429`, and `503` with `Retry-After`, on a POST ("not processed"): retried, against the mock
// (`against_mock.rs`: `a_429_is_retried_until_the_fault_clears`,
// `a_503_is_retried_exactly_max_retries_times`).

#[tokio::test]
async fn a_post_whose_connection_never_reached_the_server_is_retried() {
    // The port is closed for the first attempt and served from 200 ms on.
    let address = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .to_string();
    let api = kindo_client::ClientBuilder::new(KEY)
        .api_base_url(format!("http://{address}"))
        .retry(RetryPolicy {
            initial_backoff: Duration::from_millis(400),
            ..RetryPolicy::retries(3)
        })
        .build_api()
        .unwrap();
    let opening = {
        let address = address.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            Server::start_at(&address, |_, _| {
                Reply::json(202, &example("agents", "run-accepted"))
            })
            .await
        })
    };
    let accepted = api.run_agent().body(run_request()).send().await.unwrap();
    assert_eq!(accepted.status(), 202);
    let server = opening.await.unwrap();
    assert_eq!(server.requests().len(), 1, "the server saw the POST once");
}

#[tokio::test]
async fn a_storm_of_429s_is_capped_by_the_shared_retry_budget() {
    let server =
        Server::start(|_, _| Reply::retry_after(429, "0", &json!({"error":"Too Many Requests"})))
            .await;
    let budget = RetryBudget::new(4, 0.0);
    let policy = eager(100).budget(Some(budget.clone()));
    let api = client(&server).retry(policy).build_api().unwrap();
    let copy = api.with_request_timeout(Some(Duration::from_secs(5)));
    let err = api.list_models().send().await.unwrap_err();
    assert_eq!(err.status(), Some(reqwest::StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(
        server.requests().len(),
        5,
        "1 attempt + the 4 retries of the budget"
    );
    assert_eq!(budget.available(), 0);
    // The copy shares the budget: no retry left.
    let _ = copy.list_models().send().await.unwrap_err();
    assert_eq!(server.requests().len(), 6);
    println!(
        "429 storm: {} requests for 2 calls with max_retries 100 and a budget of 4",
        server.requests().len()
    );
}

#[tokio::test]
async fn a_stream_through_the_generated_client_new_has_no_total_timeout() {
    // Five frames 150 ms apart (750 ms), with a 300 ms request timeout and a 500 ms read
    // timeout in the settings handed to `Client::new`.
    let frames = support::paced(5, Duration::from_millis(150), |i| {
        format!("data: {{\"n\":{i}}}\n\n")
    });
    let server = Server::start_raw(move |n, _| match n {
        0 => Reply::sse_timed(frames.clone()),
        1 => Reply::Hang,
        _ => Reply::sse_timed(vec![
            (Duration::ZERO, b"data: {\"n\":0}\n\n".to_vec()),
            (Duration::from_secs(30), b"data: [DONE]\n\n".to_vec()),
        ]),
    })
    .await;
    let settings = client(&server)
        .request_timeout(Some(Duration::from_millis(300)))
        .read_timeout(Duration::from_millis(500))
        .event_idle_timeout(None)
        .build_api()
        .unwrap()
        .inner()
        .clone();
    let api = kindo_client::api::Client::new(&server.url, settings);
    let guard = Duration::from_secs(10);
    let mut stream = support::chat_stream::<_, Json<Value>>(&api).await.unwrap();
    let mut events = 0;
    while let Some(item) = tokio::time::timeout(guard, stream.next()).await.unwrap() {
        item.unwrap();
        events += 1;
    }
    assert_eq!(events, 5, "the stream outlived the 300 ms request timeout");
    // A non-streaming call through the same client is cut at the request timeout.
    let err = tokio::time::timeout(guard, api.list_models().send())
        .await
        .expect("the request timeout applies")
        .unwrap_err();
    assert!(
        matches!(&err, Error::CommunicationError(e) if e.is_timeout()),
        "{err:?}"
    );
    // And a stalled stream at the read timeout (not 600 s later).
    let mut stream = support::chat_stream::<_, Json<Value>>(&api).await.unwrap();
    assert!(stream.next().await.unwrap().is_ok());
    let stalled = tokio::time::timeout(guard, stream.next())
        .await
        .expect("the read timeout applies")
        .unwrap();
    assert!(stalled.unwrap_err().to_string().contains("read timeout"));
}

#[test]
fn the_generated_clients_set_no_total_timeout() {
    for file in ["kindo-api.rs", "kindo-llm.rs", "koda-control-plane.rs"] {
        let path = format!("{}/src/generated/{file}", env!("CARGO_MANIFEST_DIR"));
        let code = std::fs::read_to_string(&path).unwrap();
        assert!(!code.contains(".timeout(dur)"), "{file}: a total timeout");
        assert!(code.contains("inner.http_client()"), "{file}");
    }
}
