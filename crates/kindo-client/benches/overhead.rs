//! The client leg of `cargo xtask bench`: N sequential calls through the generated client
//! against the same requests made with plain `reqwest` + `serde_json`, both against one
//! keep-alive HTTP/1.1 server on 127.0.0.1 serving canned documented examples. Prints
//! `bench-sample<TAB>leg<TAB>seconds` per round, the median call of the round (see `xtask/src/bench/samples.rs`);
//! asserts nothing about speed, only that every leg got the whole answer.
//!
//! - JSON: `GET /v1/models` (`list_models().send()` vs `get().json::<Value>()`);
//! - stream: `POST /v1/chat/completions` with `stream: true`, every frame read and decoded
//!   (`create_chat_completion_stream` vs `bytes_stream()` split into frames by hand).
//!
//! Usage: `cargo bench -p kindo-client --bench overhead -- [--rounds N] [--calls N]`

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use kindo_client::{ClientBuilder, api};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const KEY: &str = "kindo-bench-key";

fn main() {
    let mut rounds = 5;
    let mut calls = 300;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--rounds N")
            }
            "--calls" => calls = args.next().and_then(|n| n.parse().ok()).expect("--calls N"),
            _ => {} // `cargo bench` passes `--bench`
        }
    }
    let models = example("models", "models-list-display-name");
    let stream = match example("chat", "chat-stream") {
        Value::String(text) => text,
        other => panic!("chat-stream is not a text example: {other}"),
    };
    let url = serve(
        serde_json::to_vec(&models).unwrap(),
        stream.clone().into_bytes(),
    );
    let frames = stream.matches("data: ").count() - 1; // all but [DONE]
    let models_count = models["data"].as_array().unwrap().len();
    println!("bench-info\tcalls\t{calls}");
    println!(
        "bench-info\tjson_body_bytes\t{}",
        serde_json::to_vec(&models).unwrap().len()
    );
    println!("bench-info\tstream_frames\t{frames}");
    println!("bench-info\tstream_body_bytes\t{}", stream.len());

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = ClientBuilder::new(KEY)
            .api_base_url(&url)
            .build_api()
            .unwrap();
        // The plain leg as a user would write it; the ring provider is what the client uses.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::new();
        // The same requests on a reqwest client with the timeouts `ClientBuilder` sets (10 s
        // connect, 5 min per read, 10 min per non-streaming request): what the generated layer
        // costs beyond them.
        let timed_http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .read_timeout(Duration::from_secs(300))
            .build()
            .unwrap();
        let request: api::types::CreateChatCompletionRequest =
            serde_json::from_value(example("chat", "chat-request-stream")).unwrap();
        let mut plain_body = example("chat", "chat-request-stream");
        plain_body["stream"] = Value::Bool(true);

        for round in 0..=rounds {
            let t = time(calls, || async {
                let list = client.list_models().send().await.unwrap().into_inner();
                assert_eq!(list.data.len(), models_count);
            })
            .await;
            sample(round, "generated_json", t);
            let t = time(calls, || plain_json(&http, &url, None, models_count)).await;
            sample(round, "plain_json", t);
            let total = Some(Duration::from_secs(600));
            let t = time(calls, || plain_json(&timed_http, &url, total, models_count)).await;
            sample(round, "plain_json_timeouts", t);
            let t = time(calls, || async {
                let mut events = client
                    .create_chat_completion_stream(request.clone())
                    .await
                    .unwrap();
                let mut n = 0;
                while let Some(chunk) = events.next().await {
                    std::hint::black_box(chunk.unwrap());
                    n += 1;
                }
                assert_eq!(n, frames);
            })
            .await;
            sample(round, "generated_stream", t);
            let t = time(calls, || plain_stream(&http, &url, &plain_body, frames)).await;
            sample(round, "plain_stream", t);
            let t = time(calls, || {
                plain_stream(&timed_http, &url, &plain_body, frames)
            })
            .await;
            sample(round, "plain_stream_timeouts", t);
        }
    });
}

/// `GET /v1/models` decoded into a `Value`, optionally with a total timeout.
async fn plain_json(http: &reqwest::Client, url: &str, total: Option<Duration>, models: usize) {
    let mut request = http.get(format!("{url}/v1/models")).bearer_auth(KEY);
    if let Some(limit) = total {
        request = request.timeout(limit);
    }
    let list: Value = request
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["data"].as_array().unwrap().len(), models);
}

/// The streamed chat completion, every frame decoded into a `Value`.
async fn plain_stream(http: &reqwest::Client, url: &str, body: &Value, frames: usize) {
    let response = http
        .post(format!("{url}/v1/chat/completions"))
        .bearer_auth(KEY)
        .json(body)
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap();
    assert_eq!(plain_frames(response).await, frames);
}

/// What a hand-written SSE reader does: buffer bytes, cut at blank lines, decode each `data:`
/// payload until `[DONE]`. Returns the number of decoded frames.
async fn plain_frames(response: reqwest::Response) -> usize {
    let mut body = response.bytes_stream();
    let mut buffer = String::new();
    let mut frames = 0;
    while let Some(bytes) = body.next().await {
        buffer.push_str(std::str::from_utf8(&bytes.unwrap()).unwrap());
        while let Some(end) = buffer.find("\n\n") {
            let frame: String = buffer.drain(..end + 2).collect();
            for line in frame.lines() {
                let Some(data) = line.strip_prefix("data: ") else {
                    continue;
                };
                if data == "[DONE]" {
                    return frames;
                }
                let value: Value = serde_json::from_str(data).unwrap();
                std::hint::black_box(value);
                frames += 1;
            }
        }
    }
    frames
}

/// The median time of one call among `calls` sequential calls: robust to the odd call that
/// waits for the scheduler (two cores shared by the server, the client and the OS).
async fn time<F, Fut>(calls: usize, mut call: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    let mut times = Vec::with_capacity(calls);
    for _ in 0..calls {
        let start = Instant::now();
        call().await;
        times.push(start.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

/// Round 0 is the warm-up and is not printed.
fn sample(round: usize, name: &str, per_call: Duration) {
    if round > 0 {
        println!("bench-sample\t{name}\t{:e}", per_call.as_secs_f64());
    }
}

fn example(area: &str, name: &str) -> Value {
    let path = format!(
        "{}/../../corpus/examples/{area}/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str::<Value>(&text).unwrap()["value"].clone()
}

/// Starts the server on its own thread and runtime, so it does not share the client's; returns
/// its base URL. Every connection is kept alive and answers any number of requests.
fn serve(json: Vec<u8>, sse: Vec<u8>) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let bodies = Arc::new((json, sse));
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = TcpListener::from_std(listener).unwrap();
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(connection(socket, bodies.clone()));
            }
        });
    });
    url
}

async fn connection(mut socket: TcpStream, bodies: Arc<(Vec<u8>, Vec<u8>)>) {
    let _ = socket.set_nodelay(true);
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if let Some((length, path)) = complete_request(&buffer) {
            buffer.drain(..length);
            let (content_type, body) = if path.starts_with("/v1/models") {
                ("application/json", &bodies.0)
            } else {
                ("text/event-stream", &bodies.1)
            };
            let mut reply = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\n\r\n",
                body.len()
            )
            .into_bytes();
            reply.extend_from_slice(body);
            if socket.write_all(&reply).await.is_err() {
                return;
            }
            continue;
        }
        match socket.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    }
}

/// The length and path of the first whole request in `buffer` (head and body), if there is one.
fn complete_request(buffer: &[u8]) -> Option<(usize, String)> {
    let head_end = buffer.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&buffer[..head_end]).ok()?;
    let path = head.split(' ').nth(1)?.to_owned();
    let body: usize = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(0);
    let total = head_end + 4 + body;
    (buffer.len() >= total).then_some((total, path))
}
