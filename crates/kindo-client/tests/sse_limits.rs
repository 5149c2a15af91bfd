//! Bounded input on event streams: a line that never ends and a stream of keep-alives both end
//! in an error that names the limit. In its own test binary, so the process's peak memory
//! (`VmHWM`) reflects these tests alone.

mod support;

use std::time::Duration;

use futures_util::StreamExt;
use kindo_client::api::types::CreateChatCompletionRequest;
use kindo_client::sse::{Json, ParseError, StreamError};
use serde_json::Value;
use support::{Reply, Server, client, typed};

const MIB: usize = 1024 * 1024;

/// The process's peak resident set size, in bytes.
fn peak_rss() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: usize = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

/// 64 MiB of `x` after `data: `, without a single newline.
fn endless_line() -> Reply {
    Reply::Repeat(
        200,
        vec![("content-type", "text/event-stream".into())],
        vec![b'x'; 64 * 1024],
        1024,
    )
}

#[tokio::test]
async fn a_64_mib_line_without_a_newline_is_refused_with_bounded_memory() {
    let server = Server::start_raw(|_, _| endless_line()).await;
    let api = client(&server).build_api().unwrap();
    let before = peak_rss();
    let mut stream = support::chat_stream::<_, Json<Value>>(&api).await.unwrap();
    let guard = Duration::from_secs(60);
    let error = tokio::time::timeout(guard, stream.next())
        .await
        .expect("refused before the end of the payload")
        .unwrap()
        .unwrap_err();
    let grown = peak_rss().saturating_sub(before);
    assert!(
        matches!(
            error,
            StreamError::Invalid(ParseError::TooLarge { limit }) if limit == 16 * MIB
        ),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("limit of 16777216 bytes"), "{message}");
    assert!(message.contains("max_event_bytes"), "{message}");
    assert!(stream.next().await.is_none(), "the stream ends there");
    println!(
        "64 MiB unterminated line: refused at the 16 MiB limit; peak RSS grew by {:.1} MiB",
        grown as f64 / MIB as f64
    );
    assert!(
        grown < 32 * MIB,
        "peak RSS grew by {grown} bytes for a 64 MiB payload"
    );
}

#[tokio::test]
async fn the_event_size_limit_is_configurable_and_applies_to_typed_streams() {
    let server = Server::start_raw(|_, _| endless_line()).await;
    let api = client(&server).max_event_bytes(MIB).build_api().unwrap();
    let request: CreateChatCompletionRequest = typed("chat", "chat-request-stream");
    let mut stream = api.create_chat_completion_stream(request).await.unwrap();
    let error = stream.next().await.unwrap().unwrap_err();
    assert!(
        error.to_string().contains(&format!("limit of {MIB} bytes")),
        "{error}"
    );
}

#[tokio::test]
async fn a_stream_of_keep_alive_comments_ends_at_the_idle_timeout() {
    // A comment every 50 ms for 10 s: the read timeout never fires, no event ever comes.
    let pieces: Vec<(Duration, Vec<u8>)> = (0..200)
        .map(|_| (Duration::from_millis(50), b": keep-alive\n\n".to_vec()))
        .collect();
    let server = Server::start_raw(move |_, _| Reply::sse_timed(pieces.clone())).await;
    let api = client(&server)
        .read_timeout(Duration::from_secs(1))
        .event_idle_timeout(Some(Duration::from_millis(300)))
        .build_api()
        .unwrap();
    let mut stream = support::chat_stream::<_, Json<Value>>(&api).await.unwrap();
    let started = std::time::Instant::now();
    let error = tokio::time::timeout(Duration::from_secs(5), stream.next())
        .await
        .expect("the idle timeout ends the stream")
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(error, StreamError::IdleTimeout { idle } if idle == Duration::from_millis(300)),
        "{error:?}"
    );
    assert!(error.to_string().contains("event_idle_timeout"), "{error}");
    assert!(stream.next().await.is_none());
    println!("keep-alive-only stream cut after {:?}", started.elapsed());
}

#[tokio::test]
async fn events_keep_the_idle_timer_from_firing() {
    // An event every 100 ms for 1 s with an idle timeout of 300 ms: never idle.
    let pieces = support::paced(10, Duration::from_millis(100), |i| {
        format!(": ka\n\ndata: {{\"n\":{i}}}\n\n")
    });
    let server = Server::start_raw(move |_, _| Reply::sse_timed(pieces.clone())).await;
    let api = client(&server)
        .event_idle_timeout(Some(Duration::from_millis(300)))
        .build_api()
        .unwrap();
    let stream = support::chat_stream::<_, Json<Value>>(&api).await.unwrap();
    let items: Vec<_> = stream.collect().await;
    assert_eq!(items.len(), 10);
    assert!(items.iter().all(Result::is_ok), "{items:?}");
}
