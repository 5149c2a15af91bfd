//! Opening an event stream through a generated client, with the same auth header, retry
//! policy and typed error body as its generated operations, and no total timeout: the stream
//! is bounded by the read timeout (bytes), the event idle timeout (events) and the event size
//! limit instead.

use progenitor_client::{ClientInfo, Error, ResponseValue};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderValue};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{EventStream, Protocol, SseEvent};
use crate::settings::Settings;
use crate::{hooks, retry};

/// Streaming calls on the generated clients whose document has event-stream responses
/// (`api::Client`, `llm::Client`).
#[allow(async_fn_in_trait)] // callers use concrete clients; no `Send` bound needs naming
pub trait SseRequest: ClientInfo<Settings> {
    /// POSTs `body` as JSON to `path` (e.g. `/v1/chat/completions`) asking for
    /// `text/event-stream`, and returns the typed events. A non-2xx answer is
    /// `Error::ErrorResponse` with the body decoded as `E` (the surface's error envelope); a 2xx
    /// answer that is not an event stream is `Error::UnexpectedResponse`.
    async fn post_sse<B, T, E>(
        &self,
        path: &str,
        body: &B,
        protocol: Protocol,
    ) -> Result<EventStream<T, E>, Error<E>>
    where
        B: Serialize,
        T: SseEvent,
        E: DeserializeOwned,
    {
        self.post_sse_with(path, HeaderMap::new(), body, protocol)
            .await
    }

    /// [`SseRequest::post_sse`] with extra request headers (e.g. `anthropic-version`), and with
    /// separate types for the error body of a non-2xx answer (`H`, e.g. the operation's
    /// synthesized `<Op>Error` union) and for the body of a mid-stream error event (`E`).
    async fn post_sse_with<B, T, H, E>(
        &self,
        path: &str,
        headers: HeaderMap,
        body: &B,
        protocol: Protocol,
    ) -> Result<EventStream<T, E>, Error<H>>
    where
        B: Serialize,
        T: SseEvent,
        H: DeserializeOwned,
        E: DeserializeOwned,
    {
        let url = format!("{}{}", self.baseurl(), path);
        let mut request = self
            .client()
            .post(url)
            .header(ACCEPT, HeaderValue::from_static("text/event-stream"))
            .headers(headers)
            .json(body)
            .build()
            .map_err(|e| Error::InvalidRequest(e.to_string()))?;
        hooks::prepare(self.inner(), &mut request, false).map_err(Error::InvalidRequest)?;
        let response = retry::execute(self.client(), request, &self.inner().retry)
            .await
            .map_err(|e| crate::guard::transport_failure(e, &format!("POST {path}")))?;
        let status = response.status();
        let settings = self.inner();
        if !status.is_success() {
            return Err(error_answer(response, path, settings.max_body_bytes).await);
        }
        let is_stream = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim_start().starts_with("text/event-stream"));
        if !is_stream {
            return Err(Error::UnexpectedResponse(response));
        }
        Ok(EventStream::new(response.bytes_stream(), protocol)
            .max_event_bytes(settings.max_event_bytes)
            .idle_timeout(settings.event_idle_timeout))
    }
}

/// A non-2xx answer to a stream request: the typed error body when it decodes as `H`,
/// otherwise an error that keeps the status (and says why the body was not usable).
pub(crate) async fn error_answer<H: DeserializeOwned>(
    response: reqwest::Response,
    path: &str,
    max_body_bytes: usize,
) -> Error<H> {
    let status = response.status();
    let headers = response.headers().clone();
    let operation = format!("POST {path}");
    let checked = match crate::guard::check(response, operation.clone(), max_body_bytes).await {
        Ok(checked) => checked,
        // A 4xx/5xx whose body is not JSON: reqwest's error with the status.
        Err(e) => return Error::CommunicationError(e),
    };
    let bytes = match checked.bytes().await {
        Ok(bytes) => bytes,
        Err(e) => return Error::ResponseBodyError(e),
    };
    // An operation that documents no error body (`H` = `()`) gets it as the generated call does.
    let decoded = serde_json::from_slice::<H>(&bytes)
        .or_else(|e| serde_json::from_value::<H>(serde_json::Value::Null).map_err(|_| e));
    match decoded {
        Ok(body) => Error::ErrorResponse(ResponseValue::new(body, status, headers)),
        Err(e) => Error::Custom(format!(
            "HTTP {status} from {operation}: the error body does not match the documented error type ({})",
            crate::decode::redact(&e.to_string())
        )),
    }
}

// Unused in a build whose clients have no event-stream operation (`koda` alone).
#[allow(unused_macros)]
macro_rules! sse_request {
    ($module:ident) => {
        impl SseRequest for crate::$module::Client {}
    };
}

for_each_streaming_client!(sse_request);
