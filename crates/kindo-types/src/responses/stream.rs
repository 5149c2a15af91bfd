//! The named events of a Responses SSE stream.

use super::items::{Item, ResponseContentPart};
use super::response::{Response, ResponseObject};
use crate::errors::OpenAiError;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

/// Fields every Responses stream payload may carry besides its own.
macro_rules! stream_event {
    ($(#[doc = $doc:literal])* $name:ident { $($body:tt)* }) => {
        $(#[doc = $doc])*
        #[skip_serializing_none]
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
        pub struct $name {
            /// The event name echoed in the payload (OpenAI's stream); Kindo's examples omit
            /// it, so rely on the SSE `event:` line.
            #[serde(rename = "type")]
            pub r#type: Option<String>,
            /// Position in the stream (OpenAI), when present.
            pub sequence_number: Option<u64>,
            $($body)*
        }
    };
}

stream_event! {
    /// Data of `response.created`, `response.in_progress`, `response.completed`,
    /// `response.failed` and `response.incomplete`: a snapshot of the response.
    ///
    /// Kindo's pages show the flat form `{"id", "status", "object"}`; OpenAI's stream nests
    /// the snapshot under `response`. Both forms validate.
    ResponseLifecycleEvent {
        /// The snapshot, in OpenAI's nested form.
        pub response: Option<Box<Response>>,
        /// Response id (flat form).
        pub id: Option<String>,
        /// `response` (flat form).
        pub object: Option<ResponseObject>,
        /// Status at this point (flat form); `failed` on `response.failed`. Open set.
        pub status: Option<String>,
    }
}

stream_event! {
    /// Data of `response.output_item.added` and `response.output_item.done`.
    ResponseOutputItemEvent {
        /// Position of the item in `output`.
        pub output_index: Option<u32>,
        /// The item as it stands (complete on `.done`).
        pub item: Item,
    }
}

stream_event! {
    /// Data of `response.content_part.added` and `response.content_part.done`.
    ResponseContentPartEvent {
        /// The message item the part belongs to.
        pub item_id: String,
        pub output_index: Option<u32>,
        pub content_index: Option<u32>,
        /// The part as it stands (complete on `.done`).
        pub part: ResponseContentPart,
    }
}

stream_event! {
    /// Data of `response.output_text.delta` and `response.function_call_arguments.delta`:
    /// text (or JSON argument text) to append.
    ResponseDeltaEvent {
        /// The item being generated (e.g. `msg_xyz`).
        pub item_id: String,
        pub output_index: Option<u32>,
        pub content_index: Option<u32>,
        /// The increment.
        pub delta: String,
    }
}

stream_event! {
    /// Data of `response.output_text.done`: the final text of a content part.
    ResponseOutputTextDoneEvent {
        pub item_id: String,
        pub output_index: Option<u32>,
        pub content_index: Option<u32>,
        /// The complete text of the part.
        pub text: String,
    }
}

stream_event! {
    /// Data of `response.function_call_arguments.done`: the complete arguments.
    ResponseFunctionCallArgumentsDoneEvent {
        pub item_id: String,
        pub output_index: Option<u32>,
        /// The complete JSON-encoded arguments.
        pub arguments: String,
    }
}

/// Declares the Responses event enum from one list of `Variant = "event name" => Payload`
/// entries (flags as in [`stream_table!`](crate::stream_events)): the enum (one variant per
/// event, plus `Other`), its table [`RESPONSE_STREAM`], [`ResponseStreamEvent::KNOWN_EVENTS`],
/// the `from_sse` dispatch, `event_name`, the payload serialisation and the rustdoc table.
macro_rules! response_events {
    (
        $(#[doc = $doc:literal])*
        events {
            $(
                $(#[doc = $vdoc:literal])*
                $variant:ident = $event:literal => $payload:ident $(, $flag:ident)*;
            )+
        }
    ) => {
        $(#[doc = $doc])*
        ///
        /// | `event:` | `data:` schema | flags |
        /// |---|---|---|
        $(#[doc = concat!(
            "| `", $event, "` | [`", stringify!($payload), "`] | ",
            stringify!($($flag)*), " |"
        )])+
        #[derive(Debug, Clone, PartialEq)]
        pub enum ResponseStreamEvent {
            $($(#[doc = $vdoc])* $variant($payload),)+
            /// An event name this version does not know, with its raw data.
            Other(String, Value),
        }

        crate::stream_events::stream_table! {
            /// The events of a Responses stream (see [`ResponseStreamEvent`]).
            pub const RESPONSE_STREAM for ResponseStreamEvent, open: true, done: None, {
                $($event => $payload $(, $flag)*;)+
            }
        }

        impl ResponseStreamEvent {
            /// Every event name with a typed payload.
            pub const KNOWN_EVENTS: &'static [&'static str] = &[$($event),+];

            /// Parses one SSE frame from its `event:` name and `data:` text.
            pub fn from_sse(event: &str, data: &str) -> Result<Self, serde_json::Error> {
                Ok(match event {
                    $($event => Self::$variant(serde_json::from_str(data)?),)+
                    other => Self::Other(other.to_owned(), serde_json::from_str(data)?),
                })
            }

            /// The SSE `event:` name this frame is sent under.
            pub fn event_name(&self) -> &str {
                match self {
                    $(Self::$variant(_) => $event,)+
                    Self::Other(name, _) => name,
                }
            }
        }

        /// Serialises the `data:` payload of the frame (the event name is not part of it; see
        /// [`ResponseStreamEvent::event_name`]).
        impl Serialize for ResponseStreamEvent {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(Self::$variant(data) => data.serialize(serializer),)+
                    Self::Other(_, data) => data.serialize(serializer),
                }
            }
        }

        impl ToSchema for ResponseStreamEvent {
            fn schemas(
                out: &mut Vec<(
                    String,
                    utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
                )>,
            ) {
                $(
                    let name = <$payload as ToSchema>::name().into_owned();
                    if !out.iter().any(|(n, _)| *n == name) {
                        out.push((name, <$payload as utoipa::PartialSchema>::schema()));
                        <$payload as ToSchema>::schemas(out);
                    }
                )+
            }
        }
    };
}

response_events! {
    /// One named event of a Responses SSE stream: the `event:` name selects the payload schema
    /// of the `data:` line. The set is open: OpenAI emits further `response.*` events that
    /// Kindo passes on ([`ResponseStreamEvent::Other`]); clients should skip names they do not
    /// know. A failure after streaming began is `error` (`code: stream_error`), then
    /// `response.failed`.
    events {
        /// `response.created`.
        Created = "response.created" => ResponseLifecycleEvent;
        /// `response.in_progress`.
        InProgress = "response.in_progress" => ResponseLifecycleEvent;
        /// `response.output_item.added`.
        OutputItemAdded = "response.output_item.added" => ResponseOutputItemEvent;
        /// `response.output_item.done`.
        OutputItemDone = "response.output_item.done" => ResponseOutputItemEvent;
        /// `response.content_part.added`.
        ContentPartAdded = "response.content_part.added" => ResponseContentPartEvent;
        /// `response.content_part.done`.
        ContentPartDone = "response.content_part.done" => ResponseContentPartEvent;
        /// `response.output_text.delta`.
        OutputTextDelta = "response.output_text.delta" => ResponseDeltaEvent;
        /// `response.output_text.done`.
        OutputTextDone = "response.output_text.done" => ResponseOutputTextDoneEvent;
        /// `response.function_call_arguments.delta`.
        FunctionCallArgumentsDelta = "response.function_call_arguments.delta" => ResponseDeltaEvent;
        /// `response.function_call_arguments.done`.
        FunctionCallArgumentsDone =
            "response.function_call_arguments.done" => ResponseFunctionCallArgumentsDoneEvent;
        /// `response.completed`: the last event of a finished response.
        Completed = "response.completed" => ResponseLifecycleEvent, terminal;
        /// `response.failed`: the last event of a failed response (after `error` when it failed
        /// mid-stream).
        Failed = "response.failed" => ResponseLifecycleEvent, terminal;
        /// `response.incomplete`: the last event of a response that stopped short (e.g. `status:
        /// incomplete` with `incomplete_details.reason: tool_use`). Kindo's event table does not
        /// list it, but Kindo emits OpenAI's stream and its responses can end `incomplete`; OpenAI
        /// sends this event then.
        Incomplete = "response.incomplete" => ResponseLifecycleEvent, terminal;
        /// `error`: a failure after streaming began (nested envelope, `code: stream_error`);
        /// `response.failed` follows.
        Error = "error" => OpenAiError, error;
    }
}

impl utoipa::PartialSchema for ResponseStreamEvent {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        use utoipa::openapi::Ref;
        use utoipa::openapi::schema::AnyOfBuilder;
        let description = format!(
            "The `data:` payload of one frame of a Responses SSE stream (this schema describes \
each frame's payload, not the body as a whole). Every frame has a named `event:` line that \
selects the payload schema; payloads are not self-describing (Kindo's examples carry no \
`type`), hence `anyOf`.\n\n{}\n\
A failure after streaming began arrives as `event: error` (nested envelope, `code: \
stream_error`) followed by `event: response.failed`; the HTTP status stays `200`. The event \
set is open: skip names you do not know.",
            RESPONSE_STREAM.markdown()
        );
        RESPONSE_STREAM
            .payloads()
            .iter()
            .fold(
                AnyOfBuilder::new().description(Some(description)),
                |any, name| any.item(Ref::from_schema_name(name.as_ref())),
            )
            .into()
    }
}
