//! The generic SSE layer against a loopback server streaming frames in small timed chunks.

mod support;

use std::time::Duration;

use kindo_client::sse::{EventStream, Json, Protocol, SseFrame, SseRequest, StreamError};
use kindo_client::{AuthHeader, Error};
use serde::Deserialize;
use serde_json::{Value, json};
use support::{KEY, Reply, Server, client, drain};

/// A chat-completion chunk, as far as these tests need it.
#[derive(Debug, Deserialize, PartialEq)]
struct Chunk {
    id: String,
    choices: Vec<Value>,
}

/// An Anthropic-style error body.
#[derive(Debug, Deserialize, PartialEq)]
struct AnthropicError {
    #[serde(rename = "type")]
    kind: String,
    error: Value,
}

/// The events, and the one error the stream ended with (these protocols stop at an error).
async fn collect<T, E>(mut s: EventStream<T, E>) -> (Vec<T>, Option<StreamError<E>>)
where
    T: kindo_client::sse::SseEvent,
    E: serde::de::DeserializeOwned,
{
    let (events, mut errors) = drain(&mut s).await;
    assert!(errors.len() <= 1, "the stream ends after an error");
    (events, errors.pop())
}

/// A chat stream of `pieces` from a server that does not judge requests: its events and the
/// error it ended with.
async fn chat_of(
    pieces: &'static [&'static str],
) -> (Vec<Json<Chunk>>, Option<StreamError<Value>>) {
    let server = Server::start_raw(move |_, _| Reply::sse(pieces)).await;
    let api = client(&server).build_api().unwrap();
    let stream = support::chat_stream::<_, Json<Chunk>>(&api).await.unwrap();
    collect(stream).await
}

const CHAT: &[&str] = &[
    ": keep-alive\n\n",
    "data: {\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\"Logs",
    " flow\"}}]}\n\n",
    "data: {\"id\":\"c1\",\"choices\":[]}\n\ndata: [DONE]\n\n",
];

#[tokio::test]
async fn chat_style_stream_ends_cleanly_at_done() {
    let server = Server::start_raw(|_, _| Reply::sse(CHAT)).await;
    let llm = client(&server).build_llm().unwrap();
    let stream = llm
        .post_sse::<_, Json<Chunk>, Value>(
            "/v1/chat/completions",
            &json!({"stream": true}),
            Protocol::CHAT_COMPLETIONS,
        )
        .await
        .unwrap();
    let (events, error) = collect(stream).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].0.choices[0]["delta"]["content"], "Logs flow");
    let r = &server.requests()[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.target, "/v1/chat/completions");
    assert_eq!(r.headers["accept"], "text/event-stream");
    assert_eq!(r.headers["authorization"], format!("Bearer {KEY}"));
    assert_eq!(r.json(), json!({"stream": true}));
}

#[tokio::test]
async fn named_events_skip_pings_and_end_at_the_terminal_event() {
    let server = Server::start_raw(|_, _| {
        Reply::sse(&[
            "event: message_start\ndata: {\"type\":\"message_start\"}\n\n",
            "event: ping\ndata: {\"type\":\"ping\"}\n\n",
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\n",
            "data: \"index\":0}\n\n",
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
            "event: never\ndata: {}\n\n",
        ])
    })
    .await;
    let api = client(&server)
        .auth_header(AuthHeader::XApiKey)
        .build_api()
        .unwrap();
    let stream = api
        .post_sse::<_, SseFrame, AnthropicError>("/v1/messages", &json!({}), Protocol::MESSAGES)
        .await
        .unwrap();
    let (events, error) = collect(stream).await;
    assert!(error.is_none(), "{error:?}");
    let names: Vec<_> = events.iter().map(|f| f.event.clone().unwrap()).collect();
    assert_eq!(
        names,
        ["message_start", "content_block_delta", "message_stop"]
    );
    assert_eq!(
        events[1].data,
        "{\"type\":\"content_block_delta\",\n\"index\":0}"
    );
    assert_eq!(server.requests()[0].headers["x-api-key"], KEY);
}

#[tokio::test]
async fn a_mid_stream_error_event_is_a_typed_error() {
    let server = Server::start_raw(|_, _| {
        Reply::sse(&[
            "event: message_start\ndata: {\"type\":\"message_start\"}\n\n",
            "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n",
        ])
    })
    .await;
    let api = client(&server).build_api().unwrap();
    let stream = api
        .post_sse::<_, Json<Value>, AnthropicError>("/v1/messages", &json!({}), Protocol::MESSAGES)
        .await
        .unwrap();
    let (events, error) = collect(stream).await;
    assert_eq!(events.len(), 1);
    match error {
        Some(StreamError::Event { event, body }) => {
            assert_eq!(event, "error");
            assert_eq!(body.kind, "error");
            assert_eq!(body.error["type"], "overloaded_error");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_stream_cut_off_mid_event_is_an_error() {
    let (events, error) = chat_of(&[
        "data: {\"id\":\"c1\",\"choices\":[]}\n\n",
        "data: {\"id\":\"c2\",\"cho",
    ])
    .await;
    assert_eq!(events.len(), 1);
    assert!(
        matches!(error, Some(StreamError::Truncated { mid_event: true })),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_stream_ending_without_its_terminator_is_an_error() {
    let server =
        Server::start_raw(|_, _| Reply::sse(&["data: {\"id\":\"c1\",\"choices\":[]}\n\n"])).await;
    let api = client(&server).build_api().unwrap();
    let stream = support::chat_stream::<_, Json<Chunk>>(&api).await.unwrap();
    let (events, error) = collect(stream).await;
    assert_eq!(events.len(), 1);
    let error = error.unwrap();
    assert!(matches!(error, StreamError::Truncated { mid_event: false }));
    assert_eq!(
        error.to_string(),
        "event stream ended before its terminating event"
    );
    // The generic protocol has no terminator: the same bytes end cleanly.
    let stream = api
        .post_sse::<_, Json<Chunk>, Value>("/v1/x", &json!({}), Protocol::GENERIC)
        .await
        .unwrap();
    assert!(collect(stream).await.1.is_none());
}

#[tokio::test]
async fn undecodable_event_data_is_a_decode_error() {
    let (events, error) = chat_of(&["data: {\"id\": 5}\n\n", "data: [DONE]\n\n"]).await;
    assert!(events.is_empty());
    assert!(
        matches!(error, Some(StreamError::Decode { ref data, .. }) if data == "{\"id\": 5}"),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_error_status_before_the_stream_keeps_the_error_body_typed() {
    let server =
        Server::start_raw(|_, _| Reply::json(401, &json!({"error": "Unauthorized"}))).await;
    let api = client(&server).build_api().unwrap();
    #[derive(Debug, Deserialize)]
    struct Flat {
        error: String,
    }
    let err = api
        .post_sse::<_, SseFrame, Flat>(
            "/v1/chat/completions",
            &json!({}),
            Protocol::CHAT_COMPLETIONS,
        )
        .await
        .unwrap_err();
    match err {
        Error::ErrorResponse(rv) => {
            assert_eq!(rv.status(), 401);
            assert_eq!(rv.error, "Unauthorized");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_json_answer_where_a_stream_was_asked_for_is_unexpected() {
    let server = Server::start_raw(|_, _| Reply::json(200, &json!({"id": "c1"}))).await;
    let api = client(&server).build_api().unwrap();
    let err = support::chat_stream::<_, SseFrame>(&api).await.unwrap_err();
    assert!(matches!(err, Error::UnexpectedResponse(_)), "{err:?}");
}

#[tokio::test]
async fn a_slow_stream_outlives_the_request_timeout_but_not_the_read_timeout() {
    // Five frames 150 ms apart: 750 ms in total, longer than the 300 ms request timeout, which
    // does not apply to streams; every gap is shorter than the 500 ms read timeout.
    let frames = support::paced(5, Duration::from_millis(150), |i| {
        format!("data: {{\"id\":\"{i}\",\"choices\":[]}}\n\n")
    });
    let server = Server::start_raw(move |_, _| Reply::sse_timed(frames.clone())).await;
    let api = client(&server)
        .request_timeout(Some(Duration::from_millis(300)))
        .read_timeout(Duration::from_millis(500))
        .build_api()
        .unwrap();
    let stream = support::chat_stream::<_, Json<Chunk>>(&api).await.unwrap();
    let (events, error) = collect(stream).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(events.len(), 5);

    // A stream that stalls longer than the read timeout ends in a transport error.
    let server = Server::start_raw(|_, _| {
        Reply::sse_timed(vec![
            (
                Duration::ZERO,
                b"data: {\"id\":\"a\",\"choices\":[]}\n\n".to_vec(),
            ),
            (Duration::from_secs(5), b"data: [DONE]\n\n".to_vec()),
        ])
    })
    .await;
    let api = client(&server)
        .read_timeout(Duration::from_millis(200))
        .build_api()
        .unwrap();
    let stream = support::chat_stream::<_, Json<Chunk>>(&api).await.unwrap();
    let (events, error) = collect(stream).await;
    assert_eq!(events.len(), 1);
    assert!(
        matches!(&error, Some(StreamError::Transport(e)) if e.is_timeout()),
        "{error:?}"
    );
}
