//! Fault injection: every way an answer can go wrong, against loopback servers, and the error
//! each one becomes. Each error keeps the HTTP status (typed for 4xx/5xx, in the message for a
//! 2xx) and says what happened in one line.

mod support;

use std::time::Duration;

use kindo_client::sse::Json;
use kindo_client::{Error, RetryBudget, RetryPolicy};
use serde_json::{Value, json};
use support::{Reply, Server, client, example};

fn json_headers() -> Vec<(&'static str, String)> {
    vec![("content-type", "application/json".into())]
}

fn models_body() -> Vec<u8> {
    serde_json::to_vec(&example("models", "models-list-two")).unwrap()
}

/// The one-line message of a failed `list_models` against a server answering `reply`.
async fn list_models_failure(
    reply: impl Fn() -> Reply + Send + Sync + 'static,
    builder: impl FnOnce(kindo_client::ClientBuilder) -> kindo_client::ClientBuilder,
) -> (Error<kindo_client::api::types::FlatError>, String) {
    let server = Server::start_raw(move |_, _| reply()).await;
    let api = builder(client(&server)).build_api().unwrap();
    let err = tokio::time::timeout(Duration::from_secs(20), api.list_models().send())
        .await
        .expect("every fault ends in an error, not a hang")
        .unwrap_err();
    let message = err.to_string();
    assert_eq!(message.lines().count(), 1, "{message}");
    (err, message)
}

#[tokio::test]
async fn a_reset_mid_body_is_told_apart_from_a_stall() {
    let body = models_body();
    let (reset, reset_message) = list_models_failure(
        move || Reply::Partial {
            status: 200,
            headers: json_headers(),
            prefix: body[..10].to_vec(),
            declared: body.len(),
            reset: true,
        },
        |b| b,
    )
    .await;
    assert!(matches!(reset, Error::Custom(_)), "{reset:?}");
    assert!(
        reset_message.starts_with("Error: HTTP 200 OK from GET /v1/models (list_models): "),
        "{reset_message}"
    );
    assert!(reset_message.contains("reset"), "{reset_message}");
    assert!(!reset_message.contains("timed out"), "{reset_message}");

    let body = models_body();
    let length = body.len();
    let (stall, stall_message) = list_models_failure(
        move || {
            let mut headers = json_headers();
            headers.push(("content-length", length.to_string()));
            Reply::Chunks(
                200,
                headers,
                vec![
                    (Duration::ZERO, body[..10].to_vec()),
                    (Duration::from_secs(30), body[10..].to_vec()),
                ],
            )
        },
        |b| b.read_timeout(Duration::from_millis(300)),
    )
    .await;
    assert!(matches!(stall, Error::Custom(_)), "{stall:?}");
    assert!(stall_message.contains("HTTP 200 OK"), "{stall_message}");
    assert!(stall_message.contains("timed out"), "{stall_message}");
    assert!(
        stall_message.contains(&format!("10 of {length} bytes")),
        "{stall_message}"
    );
    assert_ne!(reset_message, stall_message);
    println!("reset: {reset_message}\nstall: {stall_message}");
}

#[tokio::test]
async fn a_body_cut_short_by_a_clean_close_says_how_much_arrived() {
    let body = models_body();
    let length = body.len();
    let (_, message) = list_models_failure(
        move || Reply::Partial {
            status: 200,
            headers: json_headers(),
            prefix: body[..20].to_vec(),
            declared: body.len(),
            reset: false,
        },
        |b| b,
    )
    .await;
    assert!(
        message.contains("before the body was complete"),
        "{message}"
    );
    assert!(
        message.contains(&format!("20 of {length} bytes")),
        "{message}"
    );
}

#[tokio::test]
async fn a_stall_before_the_headers_is_a_timeout() {
    let (err, _) = list_models_failure(
        || Reply::Hang,
        |b| b.request_timeout(Some(Duration::from_millis(300))),
    )
    .await;
    assert!(
        matches!(&err, Error::CommunicationError(e) if e.is_timeout()),
        "{err:?}"
    );
    assert!(format!("{err:#}").contains("timed out"), "{err:#}");
}

#[tokio::test]
async fn malformed_json_and_wrong_content_types_keep_the_status() {
    let (_, message) = list_models_failure(
        || Reply::Full(200, json_headers(), b"{\"data\": [1,".to_vec()),
        |b| b,
    )
    .await;
    assert!(message.contains("HTTP 200 OK"), "{message}");
    assert!(message.contains("not valid JSON"), "{message}");

    // Valid JSON, but served as HTML: refused, not guessed at.
    let (_, message) = list_models_failure(
        || {
            Reply::Full(
                200,
                vec![("content-type", "text/html".into())],
                models_body(),
            )
        },
        |b| b,
    )
    .await;
    assert!(message.contains("HTTP 200 OK"), "{message}");
    assert!(message.contains("`text/html`, not JSON"), "{message}");

    // A proxy's HTML error page: the status is the typed part of the error.
    for status in [502u16, 503, 401] {
        let (err, message) = list_models_failure(
            move || {
                Reply::Full(
                    status,
                    vec![("content-type", "text/html".into())],
                    b"<html><body>Bad Gateway</body></html>".to_vec(),
                )
            },
            |b| b,
        )
        .await;
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status), "{err:?}");
        assert!(message.contains(&status.to_string()), "{message}");
    }

    // The same for a stream request.
    let server = Server::start_raw(|_, _| {
        Reply::Full(
            502,
            vec![("content-type", "text/html".into())],
            b"<html/>".to_vec(),
        )
    })
    .await;
    let api = client(&server).build_api().unwrap();
    let err = support::chat_stream::<_, Json<Value>>(&api)
        .await
        .unwrap_err();
    support::assert_status(&err, 502);
}

#[tokio::test]
async fn an_oversized_body_is_refused_at_the_limit_declared_or_not() {
    let big = {
        let mut models = example("models", "models-list-two");
        models["padding"] = json!("x".repeat(8192));
        serde_json::to_vec(&models).unwrap()
    };
    let declared = big.clone();
    let (err, message) = list_models_failure(
        move || Reply::Full(200, json_headers(), declared.clone()),
        |b| b.max_body_bytes(1024),
    )
    .await;
    assert!(matches!(err, Error::Custom(_)), "{err:?}");
    assert!(
        message.contains("larger than the limit of 1024 bytes (max_body_bytes)"),
        "{message}"
    );
    // Without a Content-Length: counted while reading.
    let (_, message) = list_models_failure(
        move || {
            Reply::Chunks(
                200,
                json_headers(),
                big.chunks(512)
                    .map(|c| (Duration::ZERO, c.to_vec()))
                    .collect(),
            )
        },
        |b| b.max_body_bytes(1024),
    )
    .await;
    assert!(message.contains("limit of 1024 bytes"), "{message}");
    // Under the limit, the same answer decodes.
    let server = Server::start_raw(|_, _| Reply::Full(200, json_headers(), models_body())).await;
    let api = client(&server).max_body_bytes(1 << 20).build_api().unwrap();
    assert!(!api.list_models().send().await.unwrap().data.is_empty());
}

#[tokio::test]
async fn a_5xx_storm_costs_at_most_the_retry_budget() {
    let server = Server::start_raw(|_, _| {
        Reply::retry_after(503, "0", &json!({"error":"Service Unavailable"}))
    })
    .await;
    // Ten calls, each allowed 10 retries, sharing a budget of 5 plus 0.5 per call.
    let budget = RetryBudget::new(5, 0.5);
    let policy = RetryPolicy {
        initial_backoff: Duration::from_millis(1),
        ..RetryPolicy::retries(10)
    }
    .budget(Some(budget));
    let api = client(&server).retry(policy).build_api().unwrap();
    for _ in 0..10 {
        let err = api.list_models().send().await.unwrap_err();
        assert_eq!(err.status(), Some(reqwest::StatusCode::SERVICE_UNAVAILABLE));
    }
    let sent = server.requests().len();
    // 10 first attempts + 5 initial tokens + 10 × 0.5 refills (minus rounding) at most.
    assert!(sent <= 20, "{sent} requests");
    assert!(sent > 10, "some retries happened: {sent}");
    println!("503 storm: {sent} requests for 10 calls (unbudgeted: 110)");
}

#[tokio::test]
async fn a_2xx_body_of_the_wrong_shape_keeps_the_status_and_echoes_no_value() {
    // Valid JSON, served as JSON, that is not a `ModelList`: `data` holds a secret-looking
    // string where the list belongs.
    let (err, message) = list_models_failure(
        || {
            Reply::json(
                200,
                &json!({"object": "list", "data": "sk-live-7f3e-secret"}),
            )
        },
        |b| b,
    )
    .await;
    assert!(matches!(err, Error::Custom(_)), "{err:?}");
    assert!(
        message.starts_with(
            "Error: HTTP 200 OK from GET /v1/models (list_models): the body does not match the documented ModelList: invalid type: a string, expected a sequence"
        ),
        "{message}"
    );
    for text in [message, format!("{err:?}"), format!("{err:#}")] {
        assert!(!text.contains("sk-live"), "{text}");
    }

    // An empty 2xx body where a model list is documented.
    let (_, message) =
        list_models_failure(|| Reply::Full(200, json_headers(), Vec::new()), |b| b).await;
    assert!(
        message.ends_with("the documented ModelList: the body is empty"),
        "{message}"
    );
}

#[tokio::test]
async fn an_error_body_of_the_wrong_shape_keeps_the_status_typed() {
    // A documented 401 whose body is not the documented `FlatError`.
    let (err, message) = list_models_failure(
        || Reply::json(401, &json!({"detail": "token sk-live-7f3e-secret expired"})),
        |b| b,
    )
    .await;
    support::assert_status(&err, 401);
    assert!(matches!(err, Error::CommunicationError(_)), "{err:?}");
    assert!(message.contains("401 Unauthorized"), "{message}");
    assert!(!format!("{err:?}").contains("sk-live"), "{err:?}");
}

#[test]
fn every_generated_operation_decodes_through_the_client() {
    for file in ["kindo-api.rs", "kindo-llm.rs", "koda-control-plane.rs"] {
        let path = format!("{}/src/generated/{file}", env!("CARGO_MANIFEST_DIR"));
        let code = std::fs::read_to_string(&path).unwrap();
        assert!(
            !code.contains("ResponseValue::from_response("),
            "{file}: progenitor's decoding loses the status"
        );
        // Each told its operation's method, for the messages (`from GET /v1/models (...)`).
        assert_eq!(
            code.matches("crate::decode::from_response(response, &info, ::reqwest::Method::")
                .count(),
            code.matches("from_response(").count(),
            "{file}"
        );
        assert!(
            !code.contains("let response = result?;"),
            "{file}: a transport failure would not name the operation"
        );
        assert_eq!(
            code.matches(
                "let response = crate::hooks::received(result, &info, ::reqwest::Method::"
            )
            .count(),
            code.matches("let info = OperationInfo {").count(),
            "{file}"
        );
    }
}

#[tokio::test]
async fn a_connection_lost_before_the_response_headers_is_told_apart_from_a_timeout() {
    let (reset, reset_message) = list_models_failure(|| Reply::Vanish { reset: true }, |b| b).await;
    assert!(matches!(reset, Error::Custom(_)), "{reset:?}");
    assert_eq!(
        reset_message,
        "Error: GET /v1/models (list_models): the connection was reset before the response headers (the request may have been processed)"
    );
    let (_, closed_message) = list_models_failure(|| Reply::Vanish { reset: false }, |b| b).await;
    assert_eq!(
        closed_message,
        "Error: GET /v1/models (list_models): the connection was closed before the response headers (the request may have been processed)"
    );
    // The method is the operation's own.
    let server = Server::start_raw(|_, _| Reply::Vanish { reset: true }).await;
    let api = client(&server).build_api().unwrap();
    let run = kindo_client::api::types::RunAgentRequest {
        agent_id: "a".into(),
        inputs: None,
    };
    let err = api.run_agent().body(run).send().await.unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Error: POST /v1/agents/runs (run_agent): the connection was reset"),
        "{err}"
    );
    let (timeout, timeout_message) = list_models_failure(
        || Reply::Hang,
        |b| b.request_timeout(Some(Duration::from_millis(300))),
    )
    .await;
    assert!(
        matches!(&timeout, Error::CommunicationError(e) if e.is_timeout()),
        "{timeout:?}"
    );
    assert!(!timeout_message.contains("reset"), "{timeout_message}");
    assert!(!timeout_message.contains("closed"), "{timeout_message}");

    // The same words for a stream request.
    let server = Server::start_raw(|_, _| Reply::Vanish { reset: true }).await;
    let api = client(&server).build_api().unwrap();
    let err = support::chat_stream::<_, Json<Value>>(&api)
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Error: POST /v1/chat/completions: the connection was reset before the response headers (the request may have been processed)"
    );
    println!("reset: {reset_message}\nclosed: {closed_message}\ntimeout: {timeout_message}");
}
