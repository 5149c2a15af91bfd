//! The MCP gateway (`POST /v1/mcp`) as a Streamable HTTP client sees it. progenitor can type
//! one answer of an operation; the generated `mcp()` returns every one the document declares
//! instead ([`McpAnswer`]: the JSON-RPC response as JSON, the same as an event stream, or `202`
//! with no body for a notification), read by [`read_mcp_answer`]. [`api::Client::mcp_send`]
//! calls it with the `Accept` the transport requires.
//!
//! A request admitting an event stream gets no total timeout (the answer may be a stream): the
//! read timeout, the event idle timeout and the size limits apply.

use progenitor_client::{ClientInfo, Error, OperationInfo, ResponseValue};
use reqwest::header::{CONTENT_TYPE, HeaderMap};
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::api::types::{FlatError, McpRequest, McpResponse};
use crate::sse::{EventStream, Protocol, SseEvent, SseFrame};
use crate::{api, guard};

/// What the Streamable HTTP transport requires in `Accept`.
pub const MCP_ACCEPT: &str = "application/json, text/event-stream";

/// Optional parts of an MCP request besides the JSON-RPC envelope.
#[derive(Debug, Clone, Default)]
pub struct McpOptions {
    /// `?integrations=`: the integration allow-list (wins over the header).
    pub integrations: Vec<String>,
    /// `x-kindo-integrations`: comma-separated integration ids.
    pub x_kindo_integrations: Option<String>,
}

/// One message of an SSE answer: the JSON-RPC response, or any other JSON-RPC message the
/// server sends first (a notification or a request of its own), kept as JSON.
#[derive(Debug, Clone)]
pub enum McpEvent {
    Response(McpResponse),
    Other(Value),
}

impl SseEvent for McpEvent {
    fn from_frame(frame: &SseFrame) -> Result<Self, serde_json::Error> {
        match serde_json::from_str::<McpResponse>(&frame.data) {
            Ok(response) => Ok(McpEvent::Response(response)),
            Err(_) => serde_json::from_str(&frame.data).map(McpEvent::Other),
        }
    }
}

/// The messages of an SSE answer.
pub type McpEventStream = EventStream<McpEvent, Value>;

/// Every answer `POST /v1/mcp` documents for a success.
#[derive(Debug)]
pub enum McpAnswer {
    /// `200` with `application/json`.
    Json(McpResponse),
    /// `200` with `text/event-stream` (boxed: the stream is much larger than the others).
    Events(Box<McpEventStream>),
    /// `202`: the message was a notification; there is no body.
    Accepted,
}

impl api::Client {
    /// Sends one JSON-RPC message to the MCP gateway with the `Accept` the transport requires:
    /// the generated `mcp()` with `options`, its answer without the status and headers.
    pub async fn mcp_send(
        &self,
        message: &McpRequest,
        options: &McpOptions,
    ) -> Result<McpAnswer, Error<FlatError>> {
        let mut call = self.mcp().accept(MCP_ACCEPT).body(message.clone());
        if !options.integrations.is_empty() {
            call = call.integrations(options.integrations.clone());
        }
        if let Some(ids) = &options.x_kindo_integrations {
            call = call.x_kindo_integrations(ids.clone());
        }
        call.send().await.map(ResponseValue::into_inner)
    }
}

/// What the generated `mcp().send()` returns (`cargo xtask gen` makes it call this with the
/// response): every answer the operation documents. `401` is the typed `FlatError`; another
/// status is `Error::UnexpectedResponse`, as progenitor makes it.
pub(crate) async fn read_mcp_answer(
    client: &api::Client,
    response: reqwest::Response,
    info: &OperationInfo,
) -> Result<ResponseValue<McpAnswer>, Error<FlatError>> {
    let settings = client.inner();
    let status = response.status();
    let headers = response.headers().clone();
    match status {
        StatusCode::ACCEPTED => Ok(ResponseValue::new(McpAnswer::Accepted, status, headers)),
        StatusCode::OK if is_event_stream(&headers) => {
            let stream = EventStream::new(response.bytes_stream(), Protocol::GENERIC)
                .max_event_bytes(settings.max_event_bytes)
                .idle_timeout(settings.event_idle_timeout);
            let answer = McpAnswer::Events(Box::new(stream));
            Ok(ResponseValue::new(answer, status, headers))
        }
        StatusCode::OK | StatusCode::UNAUTHORIZED => {
            // Bounded and checked as every JSON answer (a request admitting a stream passes
            // the hooks unread).
            let checked = guard::check(response, OPERATION.into(), settings.max_body_bytes)
                .await
                .map_err(Error::CommunicationError)?;
            if let Some(fault) = guard::fault(&checked) {
                return Err(Error::Custom(fault.message()));
            }
            if status == StatusCode::UNAUTHORIZED {
                let error = crate::decode::from_response(checked, info, Method::POST).await?;
                return Err(Error::ErrorResponse(error));
            }
            let json: ResponseValue<McpResponse> =
                crate::decode::from_response(checked, info, Method::POST).await?;
            let answer = McpAnswer::Json(json.into_inner());
            Ok(ResponseValue::new(answer, status, headers))
        }
        _ => Err(Error::UnexpectedResponse(response)),
    }
}

/// How the client's messages name the operation.
const OPERATION: &str = "POST /v1/mcp (mcp)";

fn is_event_stream(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|ct| ct.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("text/event-stream"))
}
