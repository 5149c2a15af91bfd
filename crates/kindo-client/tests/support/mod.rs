//! A tiny HTTP/1.1 server on 127.0.0.1 for the end-to-end tests: it records every request and
//! answers from a handler, one response per connection (`Connection: close`). Responses can be
//! sent whole, in timed chunks (for event streams), cut off, or never.
//!
//! Flows that only need a server speaking the contract (runs that finish, Koda sessions,
//! streams, retries against injected `429`/`503`) run against `kindo-mock`
//! (`against_mock.rs`). This server stays for what the mock cannot do: misbehave at the byte
//! level (resets before or inside a body, stalls, bodies cut short, wrong content types,
//! oversized or unterminated bodies, keep-alive-only streams, redirects to another port,
//! event streams split into pieces of a few bytes), answer with one chosen documented example
//! or a scripted sequence of statuses, and show what the client put on the wire (request
//! line, query, headers, body) and how many attempts it made: the mock keeps no request log.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A request as the server saw it. Header names are lower-case.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Path and query, e.g. `/v1/agents/a?limit=5`.
    pub target: String,
    pub headers: BTreeMap<String, String>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap()
    }
    pub fn query(&self) -> &str {
        self.target.split_once('?').map(|(_, q)| q).unwrap_or("")
    }
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// What to answer.
pub enum Reply {
    /// Status, extra headers, body.
    Full(u16, Vec<(&'static str, String)>, Vec<u8>),
    /// Status line and headers, then each chunk after its delay; the connection then closes.
    /// Without `Content-Length` the body ends with the connection.
    Chunks(u16, Vec<(&'static str, String)>, Vec<(Duration, Vec<u8>)>),
    /// Status line and headers, then `chunk` written `times` times (a large body that is never
    /// held in memory), then the connection closes.
    Repeat(u16, Vec<(&'static str, String)>, Vec<u8>, usize),
    /// Status line, headers and `content-length: declared`, then only `prefix`; the connection
    /// is then closed (`reset`: with a TCP RST instead of a FIN).
    Partial {
        status: u16,
        headers: Vec<(&'static str, String)>,
        prefix: Vec<u8>,
        declared: usize,
        reset: bool,
    },
    /// Read the request and close the connection without a byte of answer (`reset`: with a
    /// TCP RST instead of a FIN).
    Vanish { reset: bool },
    /// Accept the request and never answer.
    Hang,
}

impl Reply {
    pub fn json(status: u16, body: &Value) -> Reply {
        Reply::Full(
            status,
            vec![("content-type", "application/json".into())],
            serde_json::to_vec(body).unwrap(),
        )
    }

    /// A JSON answer with `Retry-After: retry_after` (a `429` or `503` saying "not processed").
    pub fn retry_after(status: u16, retry_after: &str, body: &Value) -> Reply {
        Reply::Full(
            status,
            vec![
                ("content-type", "application/json".into()),
                ("retry-after", retry_after.into()),
            ],
            serde_json::to_vec(body).unwrap(),
        )
    }

    /// An event stream: a `200` with `text/event-stream`, each piece after its delay.
    pub fn sse_timed(pieces: Vec<(Duration, Vec<u8>)>) -> Reply {
        Reply::Chunks(
            200,
            vec![("content-type", "text/event-stream".into())],
            pieces,
        )
    }

    /// An event stream body sent in pieces of `size` bytes, so frames and even lines are split
    /// across reads.
    pub fn sse_text(text: &str, size: usize) -> Reply {
        Reply::sse_timed(
            text.as_bytes()
                .chunks(size)
                .map(|c| (Duration::from_millis(1), c.to_vec()))
                .collect(),
        )
    }

    pub fn sse(chunks: &[&str]) -> Reply {
        Reply::sse_timed(
            chunks
                .iter()
                .map(|c| (Duration::from_millis(5), c.as_bytes().to_vec()))
                .collect(),
        )
    }
}

type Handler = dyn Fn(usize, &Recorded) -> Reply + Send + Sync;

pub struct Server {
    pub url: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
    /// Whether request bodies are checked against the spec on drop (see `start_raw`).
    check: bool,
}

/// Every JSON request body the client sent must conform to the request schema of its
/// operation in the published documents: checked when the test's server goes away, so each
/// end-to-end test asserts it without saying so.
impl Drop for Server {
    fn drop(&mut self) {
        if !self.check || std::thread::panicking() {
            return;
        }
        let problems: Vec<String> = self
            .requests()
            .iter()
            .flat_map(conformance::problems)
            .collect();
        assert!(
            problems.is_empty(),
            "the client sent requests the published spec rejects:\n{}",
            problems.join("\n")
        );
    }
}

/// Judges recorded requests against `spec/*.openapi.json` with the conformance checker.
pub mod conformance {
    use std::path::Path;

    use kindo_conformance::Spec;
    use kindo_conformance::spec::escape;
    use serde_json::Value;

    use super::Recorded;

    thread_local! {
        static SPEC: Spec = Spec::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec"),
        )
        .expect("published spec loads");
    }

    /// Whether a concrete path matches a path template such as `/v1/runs/{runId}`.
    fn matches(template: &str, path: &str) -> bool {
        let (t, p): (Vec<_>, Vec<_>) = (template.split('/').collect(), path.split('/').collect());
        t.len() == p.len()
            && t.iter()
                .zip(&p)
                .all(|(t, p)| (t.starts_with('{') && t.ends_with('}') && !p.is_empty()) || t == p)
    }

    /// Why `request` does not conform, one line per document that has its operation; empty
    /// when it conforms or carries no JSON body.
    pub fn problems(request: &Recorded) -> Vec<String> {
        let json = request
            .headers
            .get("content-type")
            .is_some_and(|c| c.starts_with("application/json"));
        if !json || request.body.is_empty() {
            return Vec::new();
        }
        let Ok(body) = serde_json::from_slice::<Value>(&request.body) else {
            return vec![format!(
                "{} {}: body is not JSON",
                request.method, request.target
            )];
        };
        let method = request.method.to_lowercase();
        SPEC.with(|spec| {
            let mut out = Vec::new();
            let mut found = false;
            for (doc, document) in spec.documents.iter().enumerate() {
                let paths = document.value["paths"].as_object().into_iter().flatten();
                for (template, item) in paths {
                    if !matches(template, request.path()) || item.get(&method).is_none() {
                        continue;
                    }
                    found = true;
                    let pointer = format!(
                        "/paths/{}/{method}/requestBody/content/application~1json/schema",
                        escape(template)
                    );
                    if document.value.pointer(&pointer).is_none() {
                        out.push(format!(
                            "{} {}: no JSON request body in {}",
                            request.method, template, document.name
                        ));
                        continue;
                    }
                    let failures =
                        kindo_conformance::validate::validate(spec, doc, &pointer, &body)
                            .expect("validator builds");
                    if let Some(first) = failures.first() {
                        out.push(format!(
                            "{} {} ({}): {}",
                            request.method,
                            template,
                            document.name,
                            first.describe()
                        ));
                    }
                }
            }
            if !found {
                out.push(format!(
                    "{} {}: no such operation",
                    request.method,
                    request.path()
                ));
            }
            out
        })
    }

    /// Exposed for the test that proves the check can fail.
    pub fn template_matches(template: &str, path: &str) -> bool {
        matches(template, path)
    }
}

impl Server {
    /// Starts a server; `handler` gets the 0-based request number and the request.
    pub async fn start(
        handler: impl Fn(usize, &Recorded) -> Reply + Send + Sync + 'static,
    ) -> Server {
        Server::start_at("127.0.0.1:0", handler).await
    }

    /// [`Server::start`] on a given address (e.g. a port a test closed earlier).
    pub async fn start_at(
        address: &str,
        handler: impl Fn(usize, &Recorded) -> Reply + Send + Sync + 'static,
    ) -> Server {
        let listener = TcpListener::bind(address).await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests: Arc<Mutex<Vec<Recorded>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let log = requests.clone();
        tokio::spawn(async move {
            loop {
                let Ok((mut socket, _)) = listener.accept().await else {
                    return;
                };
                let handler = handler.clone();
                let log = log.clone();
                tokio::spawn(async move {
                    let Some(request) = read_request(&mut socket).await else {
                        return;
                    };
                    let n = {
                        let mut log = log.lock().unwrap();
                        log.push(request.clone());
                        log.len() - 1
                    };
                    let reply = handler(n, &request);
                    let _ = write_reply(&mut socket, reply).await;
                });
            }
        });
        Server {
            url,
            requests,
            check: true,
        }
    }

    /// A server whose requests are not checked against the spec: for tests of the generic SSE
    /// layer, which post arbitrary bodies to arbitrary paths.
    pub async fn start_raw(
        handler: impl Fn(usize, &Recorded) -> Reply + Send + Sync + 'static,
    ) -> Server {
        let mut server = Server::start(handler).await;
        server.check = false;
        server
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }
}

async fn read_request(socket: &mut tokio::net::TcpStream) -> Option<Recorded> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8(buf[..head_end].to_vec()).ok()?;
    let mut lines = head.split("\r\n");
    let mut start = lines.next()?.split(' ');
    let method = start.next()?.to_owned();
    let target = start.next()?.to_owned();
    let headers: BTreeMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Recorded {
        method,
        target,
        headers,
        body,
    })
}

async fn write_reply(socket: &mut tokio::net::TcpStream, reply: Reply) -> std::io::Result<()> {
    let head = |status: u16, headers: &[(&'static str, String)], length: Option<usize>| {
        let mut h = format!("HTTP/1.1 {status} X\r\nconnection: close\r\n");
        for (k, v) in headers {
            h.push_str(&format!("{k}: {v}\r\n"));
        }
        if let Some(len) = length {
            h.push_str(&format!("content-length: {len}\r\n"));
        }
        h.push_str("\r\n");
        h
    };
    match reply {
        Reply::Full(status, headers, body) => {
            socket
                .write_all(head(status, &headers, Some(body.len())).as_bytes())
                .await?;
            socket.write_all(&body).await?;
        }
        Reply::Chunks(status, headers, chunks) => {
            socket
                .write_all(head(status, &headers, None).as_bytes())
                .await?;
            for (delay, bytes) in chunks {
                tokio::time::sleep(delay).await;
                socket.write_all(&bytes).await?;
                socket.flush().await?;
            }
        }
        Reply::Repeat(status, headers, chunk, times) => {
            socket
                .write_all(head(status, &headers, None).as_bytes())
                .await?;
            for _ in 0..times {
                socket.write_all(&chunk).await?;
            }
        }
        Reply::Partial {
            status,
            headers,
            prefix,
            declared,
            reset,
        } => {
            socket
                .write_all(head(status, &headers, Some(declared)).as_bytes())
                .await?;
            socket.write_all(&prefix).await?;
            socket.flush().await?;
            // Let the client read what was sent before the connection goes.
            tokio::time::sleep(Duration::from_millis(50)).await;
            if reset {
                // Linger 0 never blocks the drop: it only turns the close into a reset.
                #[allow(deprecated)]
                socket.set_linger(Some(Duration::ZERO))?;
                return Ok(()); // dropped with linger 0: RST
            }
        }
        Reply::Vanish { reset } => {
            if reset {
                #[allow(deprecated)]
                socket.set_linger(Some(Duration::ZERO))?;
                return Ok(()); // dropped with linger 0: RST
            }
        }
        Reply::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
    }
    socket.shutdown().await
}

/// The `value` of a documented example in `corpus/examples/<area>/<name>.json`.
pub fn example(area: &str, name: &str) -> Value {
    let path = format!(
        "{}/../../corpus/examples/{area}/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file: Value = serde_json::from_str(&text).unwrap();
    file["value"].clone()
}

/// The text of a documented `text/event-stream` example (its `value` is the raw body).
pub fn example_text(area: &str, name: &str) -> String {
    match example(area, name) {
        Value::String(text) => text,
        other => panic!("{area}/{name} is not a text example: {other}"),
    }
}

/// A typed value from a documented example.
pub fn typed<T: serde::de::DeserializeOwned>(area: &str, name: &str) -> T {
    serde_json::from_value(example(area, name))
        .unwrap_or_else(|e| panic!("{area}/{name} does not decode: {e}"))
}

/// Collects a stream: the events, then the error it ended with (checking that nothing follows
/// an error unless the protocol continues after errors).
pub async fn drain<T, E>(
    stream: &mut kindo_client::sse::EventStream<T, E>,
) -> (Vec<T>, Vec<kindo_client::sse::StreamError<E>>)
where
    T: kindo_client::sse::SseEvent,
    E: serde::de::DeserializeOwned,
{
    use futures_util::StreamExt;
    let mut events = Vec::new();
    let mut errors = Vec::new();
    while let Some(item) = stream.next().await {
        match item {
            Ok(e) => events.push(e),
            Err(e) => errors.push(e),
        }
    }
    (events, errors)
}

/// Opens an event stream on `/v1/chat/completions` with an empty JSON body (for the tests of
/// the generic SSE layer, whose servers do not judge the body).
pub async fn chat_stream<C, T>(
    client: &C,
) -> Result<kindo_client::sse::EventStream<T, Value>, kindo_client::Error<Value>>
where
    C: kindo_client::sse::SseRequest,
    T: kindo_client::sse::SseEvent,
{
    client
        .post_sse(
            "/v1/chat/completions",
            &serde_json::json!({}),
            kindo_client::sse::Protocol::CHAT_COMPLETIONS,
        )
        .await
}

/// Asserts that `error` keeps the HTTP `status`.
pub fn assert_status<E: std::fmt::Debug>(error: &kindo_client::Error<E>, status: u16) {
    assert_eq!(
        error.status().map(|s| s.as_u16()),
        Some(status),
        "{error:?}"
    );
}

/// A client for `server` with a test key.
pub fn client(server: &Server) -> kindo_client::ClientBuilder {
    kindo_client::ClientBuilder::new(KEY)
        .api_base_url(&server.url)
        .llm_base_url(&server.url)
        .koda_base_url(&server.url)
}

pub const KEY: &str = "kindo-test-key-5f2a";

/// A server answering every request with `status` and the JSON `body`.
pub async fn serve_json(status: u16, body: Value) -> Server {
    Server::start(move |_, _| Reply::json(status, &body)).await
}

/// A server answering every request with the event stream `text` in pieces of `size` bytes.
pub async fn serve_sse(text: String, size: usize) -> Server {
    Server::start(move |_, _| Reply::sse_text(&text, size)).await
}

/// `count` event-stream frames (`frame(i)`), each `gap` after the one before, then
/// `data: [DONE]`: a stream whose pace the timeout tests choose.
pub fn paced(
    count: usize,
    gap: Duration,
    frame: impl Fn(usize) -> String,
) -> Vec<(Duration, Vec<u8>)> {
    (0..count)
        .map(|i| (gap, frame(i).into_bytes()))
        .chain([(Duration::from_millis(10), b"data: [DONE]\n\n".to_vec())])
        .collect()
}

/// Asserts the request line: `method` and `target` (path and query).
#[track_caller]
pub fn assert_call(request: &Recorded, method: &str, target: &str) {
    assert_eq!(
        (request.method.as_str(), request.target.as_str()),
        (method, target)
    );
}

/// Asserts that a stream ended with exactly one error: cut off, inside an event or not.
#[track_caller]
pub fn assert_truncated<E: std::fmt::Debug>(
    errors: &[kindo_client::sse::StreamError<E>],
    mid_event: bool,
) {
    assert!(
        matches!(
            errors,
            [kindo_client::sse::StreamError::Truncated { mid_event: m }] if *m == mid_event
        ),
        "{errors:?}"
    );
}

/// The text of a Responses stream: its `response.output_text.delta` pieces, in order.
pub fn output_text(events: &[kindo_client::streams::ResponseEvent]) -> String {
    use kindo_client::streams::ResponseEvent;
    events
        .iter()
        .filter_map(|e| match e {
            ResponseEvent::OutputTextDelta(d) => Some(d.delta.as_str()),
            _ => None,
        })
        .collect()
}

/// The documented error response `err` carries; any other error fails the test (at the caller).
#[track_caller]
pub fn error_body<E: std::fmt::Debug>(
    err: kindo_client::Error<E>,
) -> kindo_client::ResponseValue<E> {
    match err {
        kindo_client::Error::ErrorResponse(rv) => rv,
        other => panic!("expected a documented error response, got {other:?}"),
    }
}
