//! Responses API streams. Payloads are not self-describing (Kindo's frames carry no `type`):
//! the SSE `event:` name selects the payload schema, per the table in the description of the
//! `ResponseStreamEvent` component. That mapping is written here against the generated types.
//!
//! `response.failed` is a terminal *event*, not an error: a failure after streaming began is
//! sent as `event: error` (yielded as `StreamError::Event` with the `OpenAiError` body) and
//! then `event: response.failed` (yielded as [`ResponseEvent::Failed`], after which the
//! stream ends). A `response.failed` without a preceding `error` is yielded the same way.

use std::fmt::Display;

use progenitor_client::Error;
use serde::Serialize;
use serde_json::Value;

use crate::api::types::{
    CreateResponseError, CreateResponseRequest, OpenAiError, ResponseContentPartEvent,
    ResponseDeltaEvent, ResponseFunctionCallArgumentsDoneEvent, ResponseLifecycleEvent,
    ResponseOutputItemEvent, ResponseOutputTextDoneEvent,
};
use crate::sse::{EventStream, Protocol, SseEvent, SseFrame, SseRequest};

/// Events of a streamed response.
pub type ResponseStream = EventStream<ResponseEvent, OpenAiError>;

/// One named event of a Responses stream, its payload typed by its `event:` name.
#[derive(Debug, Clone)]
pub enum ResponseEvent {
    /// `response.created`.
    Created(ResponseLifecycleEvent),
    /// `response.in_progress`.
    InProgress(ResponseLifecycleEvent),
    /// `response.completed` (last event).
    Completed(ResponseLifecycleEvent),
    /// `response.failed` (last event; follows the `error` event of a mid-stream failure).
    Failed(ResponseLifecycleEvent),
    /// `response.incomplete` (last event). OpenAI's; not in Kindo's event table, so its
    /// payload is read with the lifecycle schema the other `response.*` states use.
    Incomplete(ResponseLifecycleEvent),
    /// `response.output_item.added`.
    OutputItemAdded(ResponseOutputItemEvent),
    /// `response.output_item.done`.
    OutputItemDone(ResponseOutputItemEvent),
    /// `response.content_part.added`.
    ContentPartAdded(ResponseContentPartEvent),
    /// `response.content_part.done`.
    ContentPartDone(ResponseContentPartEvent),
    /// `response.output_text.delta`.
    OutputTextDelta(ResponseDeltaEvent),
    /// `response.output_text.done`.
    OutputTextDone(ResponseOutputTextDoneEvent),
    /// `response.function_call_arguments.delta`.
    FunctionCallArgumentsDelta(ResponseDeltaEvent),
    /// `response.function_call_arguments.done`.
    FunctionCallArgumentsDone(ResponseFunctionCallArgumentsDoneEvent),
    /// Any other event (the set is open: OpenAI sends more `response.*` events that Kindo
    /// passes on), with its JSON data. An unnamed frame has the name `message`.
    Other { event: String, data: Value },
}

impl ResponseEvent {
    /// The SSE `event:` name the event arrived under.
    pub fn event_name(&self) -> &str {
        match self {
            ResponseEvent::Created(_) => "response.created",
            ResponseEvent::InProgress(_) => "response.in_progress",
            ResponseEvent::Completed(_) => "response.completed",
            ResponseEvent::Failed(_) => "response.failed",
            ResponseEvent::Incomplete(_) => "response.incomplete",
            ResponseEvent::OutputItemAdded(_) => "response.output_item.added",
            ResponseEvent::OutputItemDone(_) => "response.output_item.done",
            ResponseEvent::ContentPartAdded(_) => "response.content_part.added",
            ResponseEvent::ContentPartDone(_) => "response.content_part.done",
            ResponseEvent::OutputTextDelta(_) => "response.output_text.delta",
            ResponseEvent::OutputTextDone(_) => "response.output_text.done",
            ResponseEvent::FunctionCallArgumentsDelta(_) => {
                "response.function_call_arguments.delta"
            }
            ResponseEvent::FunctionCallArgumentsDone(_) => "response.function_call_arguments.done",
            ResponseEvent::Other { event, .. } => event,
        }
    }

    /// Decodes `data` by the payload schema that `event` selects.
    pub fn from_sse(event: &str, data: &str) -> Result<Self, serde_json::Error> {
        use ResponseEvent as E;
        let json = serde_json::from_str::<Value>;
        Ok(match event {
            "response.created" => E::Created(serde_json::from_str(data)?),
            "response.in_progress" => E::InProgress(serde_json::from_str(data)?),
            "response.completed" => E::Completed(serde_json::from_str(data)?),
            "response.failed" => E::Failed(serde_json::from_str(data)?),
            "response.incomplete" => E::Incomplete(serde_json::from_str(data)?),
            "response.output_item.added" => E::OutputItemAdded(serde_json::from_str(data)?),
            "response.output_item.done" => E::OutputItemDone(serde_json::from_str(data)?),
            "response.content_part.added" => E::ContentPartAdded(serde_json::from_str(data)?),
            "response.content_part.done" => E::ContentPartDone(serde_json::from_str(data)?),
            "response.output_text.delta" => E::OutputTextDelta(serde_json::from_str(data)?),
            "response.output_text.done" => E::OutputTextDone(serde_json::from_str(data)?),
            "response.function_call_arguments.delta" => {
                E::FunctionCallArgumentsDelta(serde_json::from_str(data)?)
            }
            "response.function_call_arguments.done" => {
                E::FunctionCallArgumentsDone(serde_json::from_str(data)?)
            }
            other => E::Other {
                event: other.to_owned(),
                data: json(data)?,
            },
        })
    }
}

/// Serialises the frame's `data:` payload (the event name is not part of it; see
/// [`ResponseEvent::event_name`]).
impl Serialize for ResponseEvent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use ResponseEvent as E;
        match self {
            E::Created(d)
            | E::InProgress(d)
            | E::Completed(d)
            | E::Failed(d)
            | E::Incomplete(d) => d.serialize(serializer),
            E::OutputItemAdded(d) | E::OutputItemDone(d) => d.serialize(serializer),
            E::ContentPartAdded(d) | E::ContentPartDone(d) => d.serialize(serializer),
            E::OutputTextDelta(d) | E::FunctionCallArgumentsDelta(d) => d.serialize(serializer),
            E::OutputTextDone(d) => d.serialize(serializer),
            E::FunctionCallArgumentsDone(d) => d.serialize(serializer),
            E::Other { data, .. } => data.serialize(serializer),
        }
    }
}

impl SseEvent for ResponseEvent {
    fn from_frame(frame: &SseFrame) -> Result<Self, serde_json::Error> {
        ResponseEvent::from_sse(frame.event.as_deref().unwrap_or("message"), &frame.data)
    }
}

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
    }
}
