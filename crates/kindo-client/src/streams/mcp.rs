//! The MCP gateway (`POST /v1/mcp`) as a Streamable HTTP client sees it. The generated `mcp()`
//! reads only the JSON form of a `200`; [`api::Client::mcp_send`] reads every answer the
//! document declares: the JSON-RPC response as JSON, the same as an event stream, or `202`
//! (no body) for a notification.

use progenitor_client::{ClientInfo, Error};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderValue};
use serde_json::Value;

use crate::api::types::{FlatError, McpRequest, McpResponse};
use crate::sse::{EventStream, Protocol, SseEvent, SseFrame};
use crate::{api, guard, hooks, retry};

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
    /// Sends one JSON-RPC message to the MCP gateway and reads any documented answer (see
    /// [`McpAnswer`]). Errors are those of the generated `mcp()` (`FlatError` for `401`).
    /// No total timeout applies (the answer may be a stream): the read timeout, the event idle
    /// timeout and the size limits do.
    pub async fn mcp_send(
        &self,
        message: &McpRequest,
        options: &McpOptions,
    ) -> Result<McpAnswer, Error<FlatError>> {
        let url = format!("{}/v1/mcp", self.baseurl());
        let query: Vec<(&str, &str)> = options
            .integrations
            .iter()
            .map(|i| ("integrations", i.as_str()))
            .collect();
        let mut builder = self
            .client()
            .post(url)
            .query(&query)
            .header(ACCEPT, HeaderValue::from_static(MCP_ACCEPT))
            .json(message);
        if let Some(ids) = &options.x_kindo_integrations {
            builder = builder.header("x-kindo-integrations", ids);
        }
        let mut request = builder
            .build()
            .map_err(|e| Error::InvalidRequest(e.to_string()))?;
        let settings = self.inner();
        hooks::prepare(settings, &mut request, false).map_err(Error::InvalidRequest)?;
        let response = retry::execute(self.client(), request, &settings.retry)
            .await
            .map_err(|e| guard::transport_failure(e, "POST /v1/mcp (mcp)"))?;
        let status = response.status();
        if !status.is_success() {
            return Err(
                crate::sse::error_answer(response, "/v1/mcp", settings.max_body_bytes).await,
            );
        }
        if status == StatusCode::ACCEPTED {
            return Ok(McpAnswer::Accepted);
        }
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        if content_type.trim_start().starts_with("text/event-stream") {
            let stream = EventStream::new(response.bytes_stream(), Protocol::GENERIC)
                .max_event_bytes(settings.max_event_bytes)
                .idle_timeout(settings.event_idle_timeout);
            return Ok(McpAnswer::Events(Box::new(stream)));
        }
        let checked = guard::check(
            response,
            "POST /v1/mcp (mcp)".into(),
            settings.max_body_bytes,
        )
        .await
        .map_err(Error::CommunicationError)?;
        if let Some(fault) = guard::fault(&checked) {
            return Err(Error::Custom(fault.message()));
        }
        let headers = checked.headers().clone();
        let bytes = checked.bytes().await.map_err(Error::ResponseBodyError)?;
        crate::decode::typed(status, headers, &bytes, "POST /v1/mcp (mcp)")
            .map(|v: progenitor_client::ResponseValue<McpResponse>| McpAnswer::Json(v.into_inner()))
    }
}
