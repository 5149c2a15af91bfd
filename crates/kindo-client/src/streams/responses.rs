//! Responses API streams. Payloads are not self-describing (Kindo's frames carry no `type`):
//! the SSE `event:` name selects the payload schema, per the `x-sse-events` table of the
//! stream's media type. [`ResponseEvent`] is generated from that table
//! (`crate::stream_events`), one variant per event.
//!
//! `response.failed` is a terminal *event*, not an error: a failure after streaming began is
//! sent as `event: error` (yielded as `StreamError::Event` with the `OpenAiError` body) and
//! then `event: response.failed` (yielded as [`ResponseEvent::Failed`], after which the
//! stream ends). A `response.failed` without a preceding `error` is yielded the same way.

use std::fmt::Display;

use progenitor_client::Error;

use crate::api::types::{CreateResponseError, CreateResponseRequest, OpenAiError};
use crate::sse::{EventStream, Protocol, SseRequest};
pub use crate::stream_events::ResponseEvent;

/// Events of a streamed response.
pub type ResponseStream = EventStream<ResponseEvent, OpenAiError>;

impl crate::api::Client {
    /// `POST /v1/responses` with `"stream": true` (set here): the response's events as they
    /// are generated. See [`crate::streams`] and [`ResponseEvent`].
    pub async fn create_response_stream<V>(
        &self,
        body: V,
    ) -> Result<ResponseStream, Error<CreateResponseError>>
    where
        V: TryInto<CreateResponseRequest>,
        V::Error: Display,
    {
        let mut body: CreateResponseRequest = super::request(body).map_err(super::invalid)?;
        body.stream = Some(true);
        self.post_sse_with(
            "/v1/responses",
            Default::default(),
            &body,
            Protocol::RESPONSES,
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_event_name_selects_the_payload_type() {
        let delta = ResponseEvent::from_sse(
            "response.output_text.delta",
            r#"{"item_id":"msg_1","delta":"Hi"}"#,
        )
        .unwrap();
        assert!(matches!(&delta, ResponseEvent::OutputTextDelta(d) if d.delta == "Hi"));
        assert_eq!(delta.event_name(), "response.output_text.delta");
        // The same payload under the function-call name is the other variant.
        let args = ResponseEvent::from_sse(
            "response.function_call_arguments.delta",
            r#"{"item_id":"fc_1","delta":"{\"a\""}"#,
        )
        .unwrap();
        assert!(matches!(args, ResponseEvent::FunctionCallArgumentsDelta(_)));
        // A payload that does not fit the named schema is an error, not `Other`.
        assert!(ResponseEvent::from_sse("response.output_text.done", r#"{"x":1}"#).is_err());
        let other = ResponseEvent::from_sse("response.reasoning.delta", r#"{"a":1}"#).unwrap();
        assert_eq!(other.event_name(), "response.reasoning.delta");
        // `response.incomplete` is in the published table: a typed, terminal event.
        let incomplete =
            ResponseEvent::from_sse("response.incomplete", r#"{"status":"incomplete"}"#).unwrap();
        assert!(matches!(incomplete, ResponseEvent::Incomplete(_)));
        assert!(
            Protocol::RESPONSES
                .terminal_events
                .contains(&"response.incomplete")
        );
    }
}
