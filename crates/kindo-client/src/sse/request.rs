//! Opening an event stream through a generated client, with the same auth header, retry
//! policy and typed error body as its generated operations, and no total timeout.

use progenitor_client::{ClientInfo, Error, ResponseValue};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderValue};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{EventStream, Protocol, SseEvent};
use crate::settings::Settings;
use crate::{hooks, retry};

/// Streaming calls on a generated client (`api::Client`, `llm::Client`).
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
            .map_err(Error::CommunicationError)?;
        let status = response.status();
        if !status.is_success() {
            let headers = response.headers().clone();
            let bytes = response.bytes().await.map_err(Error::ResponseBodyError)?;
            return match serde_json::from_slice::<H>(&bytes) {
                Ok(body) => Err(Error::ErrorResponse(ResponseValue::new(
                    body, status, headers,
                ))),
                Err(e) => Err(Error::InvalidResponsePayload(bytes, e)),
            };
        }
        let is_stream = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim_start().starts_with("text/event-stream"));
        if !is_stream {
            return Err(Error::UnexpectedResponse(response));
        }
        Ok(EventStream::new(response.bytes_stream(), protocol))
    }
}

impl SseRequest for crate::api::Client {}
impl SseRequest for crate::llm::Client {}
