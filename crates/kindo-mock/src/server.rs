//! The request pipeline every surface shares: faults → route (404/405) → credentials (401) →
//! status faults → parameters and body (400) → `Prefer: example=` → the operation's handler
//! (or the documented example) → stream faults → the wire.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body as AxumBody, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use futures_util::StreamExt;
use kindo_wire::pointer::percent_decode;
use serde_json::{Value, json};

use crate::auth::{self, Caller};
use crate::errors::{self, Fail};
use crate::faults::{self, Faults};
use crate::handlers;
use crate::ids::Ids;
use crate::reply::{Body, Frame, Reply};
use crate::router::{self, Route};
use crate::spec::{Document, Operation, Spec, Surface};
use crate::state::{self, Koda, World};

/// How the mock behaves, beyond the documents.
#[derive(Debug, Clone)]
pub struct Options {
    /// Ids are a fixed sequence for a given seed.
    pub seed: Option<u64>,
    /// `getRun` answers `in_progress` this many times before the run ends...
    pub run_polls: u32,
    /// ...or until this much time has passed since `runAgent`, whichever comes first.
    pub run_duration: Duration,
    /// Koda's break-glass `CONTROL_PLANE_API_TOKEN`.
    pub koda_token: String,
    /// Faults applied to every request that sends no `x-kindo-mock-fault` header (same
    /// syntax), e.g. `nonconforming` to prove a checker catches a drifting server.
    pub faults: Option<String>,
    /// When non-empty, the only API keys Kindo's hosts accept (others get the 401); empty
    /// accepts any non-empty key.
    pub api_keys: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            seed: None,
            run_polls: 2,
            run_duration: Duration::from_secs(3600),
            koda_token: "koda-break-glass".into(),
            faults: None,
            api_keys: Vec::new(),
        }
    }
}

/// The documents and the state behind every listener.
pub struct Mock {
    pub spec: Spec,
    pub options: Options,
    pub ids: Ids,
    seed: World,
    worlds: Mutex<HashMap<String, World>>,
    pub koda: Mutex<Koda>,
    /// (caller, fault header) → times a limited fault has fired.
    fault_counts: Mutex<HashMap<(String, String), u32>>,
}

impl Mock {
    pub fn new(spec: Spec, options: Options) -> Mock {
        let seed = state::seed_world(&spec);
        let koda = state::seed_koda(spec.document(Surface::Koda));
        Mock {
            ids: Ids::new(options.seed),
            spec,
            options,
            seed,
            worlds: Mutex::new(HashMap::new()),
            koda: Mutex::new(koda),
            fault_counts: Mutex::new(HashMap::new()),
        }
    }

    /// Runs `f` on the world of API key `key` (created from the seed on first use).
    pub fn world<T>(&self, key: &str, f: impl FnOnce(&mut World) -> T) -> T {
        let mut worlds = self.worlds.lock().unwrap_or_else(|e| e.into_inner());
        let world = worlds
            .entry(key.to_owned())
            .or_insert_with(|| self.seed.clone());
        f(world)
    }

    pub fn with_koda<T>(&self, f: impl FnOnce(&mut Koda) -> T) -> T {
        f(&mut self.koda.lock().unwrap_or_else(|e| e.into_inner()))
    }

    fn credential_valid(&self, surface: Surface, caller: &Caller) -> bool {
        if surface != Surface::Koda {
            return self.options.api_keys.is_empty()
                || self.options.api_keys.iter().any(|k| k == caller.key());
        }
        match caller {
            Caller::Bearer(token) => {
                *token == self.options.koda_token
                    || self.with_koda(|k| k.tokens.iter().any(|(t, _)| t == token))
            }
            Caller::Cookie(cookie) => self.with_koda(|k| k.session_by_cookie(cookie).is_some()),
            _ => true,
        }
    }
}

/// What a handler gets.
pub struct Ctx<'a> {
    pub mock: &'a Mock,
    pub doc: &'a Document,
    pub op: &'a Operation,
    pub params: HashMap<String, String>,
    pub query: Vec<(String, String)>,
    pub headers: &'a HeaderMap,
    pub body: Option<Value>,
    pub caller: Caller,
}

impl Ctx<'_> {
    pub fn key(&self) -> &str {
        self.caller.key()
    }

    pub fn param(&self, name: &str) -> &str {
        self.params
            .get(name)
            .map(String::as_str)
            .unwrap_or_default()
    }

    pub fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A `Prefer` header preference such as `example` or `scenario`.
    pub fn prefer(&self, name: &str) -> Option<String> {
        prefer(self.headers, name)
    }

    pub fn body_field(&self, pointer: &str) -> Option<&Value> {
        self.body.as_ref().and_then(|b| b.pointer(pointer))
    }

    pub fn fail(&self, fail: Fail) -> Reply {
        errors::reply(self.doc, Some(self.op), &fail)
    }
}

fn prefer(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all("prefer")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split([',', ';']))
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim() == name)
        .map(|(_, v)| v.trim().trim_matches('"').to_owned())
}

/// The axum handler of one surface's listener.
pub async fn handle(
    State((mock, surface)): State<(Arc<Mock>, Surface)>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, 16 * 1024 * 1024)
        .await
        .unwrap_or_default();
    let requested = parts
        .headers
        .get(faults::HEADER)
        .map(|v| v.to_str().map(str::to_owned))
        .or_else(|| mock.options.faults.clone().map(Ok));
    let faults = match requested {
        None => Faults::default(),
        Some(Ok(v)) => match faults::parse(&v) {
            Ok(f) => f,
            Err(message) => {
                let doc = mock.spec.document(surface);
                return wire(
                    errors::reply(
                        doc,
                        None,
                        &Fail::bad_request(format!("{}: {message}", faults::HEADER)),
                    ),
                    &Faults::default(),
                );
            }
        },
        Some(Err(_)) => Faults::default(),
    };
    if let Some(delay) = faults.delay {
        tokio::time::sleep(delay).await;
    }
    let fault_header = parts
        .headers
        .get(faults::HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| mock.options.faults.clone())
        .unwrap_or_default();
    let reply = answer(
        &mock,
        surface,
        parts.method.as_str(),
        parts.uri.path(),
        parts.uri.query().unwrap_or(""),
        &parts.headers,
        &bytes,
        &faults,
        &fault_header,
    );
    wire(reply, &faults)
}

#[allow(clippy::too_many_arguments)]
fn answer(
    mock: &Mock,
    surface: Surface,
    method: &str,
    path: &str,
    query: &str,
    headers: &HeaderMap,
    bytes: &Bytes,
    faults: &Faults,
    fault_header: &str,
) -> Reply {
    let doc = mock.spec.document(surface);
    let (op, params) = match router::route(doc, method, path) {
        Route::Found { op, params } => (op, params),
        Route::MethodNotAllowed(allowed) => {
            let fail = Fail::new(
                405,
                "method_not_allowed",
                format!(
                    "{method} is not allowed on {path}; allowed: {}",
                    allowed.join(", ")
                ),
            )
            .header("allow", allowed.join(", "));
            return errors::reply(doc, None, &fail);
        }
        Route::NotFound => {
            return errors::reply(
                doc,
                None,
                &Fail::not_found(format!("no operation at {method} {path}")),
            );
        }
    };
    let caller = match auth::check(doc, op, headers, |c| mock.credential_valid(surface, c)) {
        Ok(c) => c,
        Err(fail) => return errors::reply(doc, Some(op), &fail),
    };
    if let Some(fault) = &faults.status {
        let fire = match fault.times {
            None => true,
            Some(limit) => {
                let mut counts = mock.fault_counts.lock().unwrap_or_else(|e| e.into_inner());
                let n = counts
                    .entry((caller.key().to_owned(), fault_header.to_owned()))
                    .or_default();
                *n += 1;
                *n <= limit
            }
        };
        if fire {
            let mut fail = Fail::new(
                fault.status,
                match fault.status {
                    429 => "rate_limited",
                    503 => "unavailable",
                    _ => "internal_error",
                },
                format!("fault injected by {}", faults::HEADER),
            );
            // Every documented 429 carries Retry-After; one second unless the fault says.
            match &fault.retry_after {
                Some(v) => fail = fail.header("retry-after", v.clone()),
                None if fault.status == 429 => fail = fail.header("retry-after", "1"),
                None => {}
            }
            if let Some(v) = &fault.retry_after_ms {
                fail = fail.header("retry-after-ms", v.clone());
            }
            return errors::reply(doc, Some(op), &fail);
        }
    }
    // MCP's transport rules come before the payload's: 406 without `text/event-stream` in
    // `Accept`, and a body that is not a JSON-RPC message is a JSON-RPC error, not an HTTP 400.
    let mcp = op.id == "mcp" && surface == Surface::Api;
    if mcp {
        let accept = headers
            .get("accept")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !accept.contains("text/event-stream") {
            return Reply::empty(406);
        }
    }
    let query: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (form_decode(k), form_decode(v))
        })
        .collect();
    if let Err(fail) = crate::validate::params(op, &params, &query, headers) {
        return errors::reply(doc, Some(op), &fail);
    }
    let body = match crate::validate::body(op, bytes) {
        Ok(b) => b,
        Err(fail) if mcp => {
            return Reply::json(
                200,
                json!({"jsonrpc": "2.0", "id": null, "error": {"code": -32600, "message": format!("Invalid Request: {}", fail.message)}}),
            );
        }
        Err(fail) => return errors::reply(doc, Some(op), &fail),
    };
    let ctx = Ctx {
        mock,
        doc,
        op,
        params,
        query,
        headers,
        body,
        caller,
    };
    let mut reply = match ctx.prefer("example") {
        Some(name) => match crate::examples::responses(op)
            .into_iter()
            .find(|e| e.name == name)
        {
            Some(e) => crate::examples::serve(op, &e),
            None => ctx.fail(Fail::bad_request(format!(
                "Prefer: example={name}: operation {} documents no response example of that name",
                op.id
            ))),
        },
        None => handlers::dispatch(&ctx),
    };
    if faults.error_event
        && let Body::Sse(frames) = &mut reply.body
    {
        crate::streams::inject_error(op, frames);
    }
    if faults.nonconforming {
        reply.body = match reply.body {
            Body::Json(_) => Body::Json(json!("nonconforming")),
            Body::Sse(frames) => Body::Sse(
                frames
                    .into_iter()
                    .map(|f| Frame {
                        event: f.event,
                        data: "42".into(),
                    })
                    .collect(),
            ),
            Body::Empty => Body::Json(json!("nonconforming")),
        };
    }
    reply
}

/// Turns a reply into the HTTP response (streams are written frame by frame).
fn wire(reply: Reply, faults: &Faults) -> Response {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let (content_type, body) = match reply.body {
        Body::Json(v) => (Some("application/json"), AxumBody::from(v.to_string())),
        Body::Empty => (None, AxumBody::empty()),
        Body::Sse(frames) => {
            let mut chunks: Vec<Result<Bytes, std::io::Error>> =
                frames.iter().map(|f| Ok(Bytes::from(f.encode()))).collect();
            let drop = faults.drop_mid_stream;
            if drop {
                chunks.truncate(frames.len().div_ceil(2));
            }
            // With drop-mid-stream, half the frames go out (flushed, after a pause), then the
            // body aborts: the client sees the connection end without the stream's terminator.
            let body = if drop {
                let abort = futures_util::stream::once(async {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    Err(std::io::Error::other("fault: drop-mid-stream"))
                });
                AxumBody::from_stream(futures_util::stream::iter(chunks).chain(abort))
            } else {
                AxumBody::from_stream(futures_util::stream::iter(chunks))
            };
            (Some("text/event-stream"), body)
        }
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    if let Some(ct) = content_type {
        headers.insert("content-type", HeaderValue::from_static(ct));
        if ct == "text/event-stream" {
            headers.insert("cache-control", HeaderValue::from_static("no-cache"));
        }
    }
    for (name, value) in reply.headers {
        if let (Ok(n), Ok(v)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            headers.append(n, v);
        }
    }
    response
}

fn form_decode(text: &str) -> String {
    percent_decode(&text.replace('+', " "))
}
