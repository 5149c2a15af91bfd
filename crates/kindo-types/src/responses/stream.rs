//! The named events of a Responses SSE stream.

use super::items::{Item, ResponseContentPart};
use super::response::{Response, ResponseObject};
use crate::errors::OpenAiError;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// Fields every Responses stream payload may carry besides its own.
macro_rules! stream_event {
    ($(#[doc = $doc:literal])* $name:ident { $($body:tt)* }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
        pub struct $name {
            /// The event name echoed in the payload (OpenAI's stream); Kindo's examples omit
            /// it, so rely on the SSE `event:` line.
            #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
            pub r#type: Option<String>,
            /// Position in the stream (OpenAI), when present.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub sequence_number: Option<u64>,
            $($body)*
        }
    };
}

stream_event! {
    /// Data of `response.created`, `response.in_progress`, `response.completed` and
    /// `response.failed`: a snapshot of the response.
    ///
    /// Kindo's pages show the flat form `{"id", "status", "object"}`; OpenAI's stream nests
    /// the snapshot under `response`. Both forms validate.
    ResponseLifecycleEvent {
        /// The snapshot, in OpenAI's nested form.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub response: Option<Box<Response>>,
        /// Response id (flat form).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        /// `response` (flat form).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub object: Option<ResponseObject>,
        /// Status at this point (flat form); `failed` on `response.failed`. Open set.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<String>,
    }
}

stream_event! {
    /// Data of `response.output_item.added` and `response.output_item.done`.
    ResponseOutputItemEvent {
        /// Position of the item in `output`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
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
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub output_index: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
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
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub output_index: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub content_index: Option<u32>,
        /// The increment.
        pub delta: String,
    }
}

stream_event! {
    /// Data of `response.output_text.done`: the final text of a content part.
    ResponseOutputTextDoneEvent {
        pub item_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub output_index: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub content_index: Option<u32>,
        /// The complete text of the part.
        pub text: String,
    }
}

stream_event! {
    /// Data of `response.function_call_arguments.done`: the complete arguments.
    ResponseFunctionCallArgumentsDoneEvent {
        pub item_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub output_index: Option<u32>,
        /// The complete JSON-encoded arguments.
        pub arguments: String,
    }
}

/// One named event of a Responses SSE stream: the `event:` name selects the payload schema of
/// the `data:` line.
///
/// | `event:` | `data:` schema |
/// |---|---|
/// | `response.created`, `response.in_progress`, `response.completed`, `response.failed` | `ResponseLifecycleEvent` |
/// | `response.output_item.added`, `response.output_item.done` | `ResponseOutputItemEvent` |
/// | `response.content_part.added`, `response.content_part.done` | `ResponseContentPartEvent` |
/// | `response.output_text.delta`, `response.function_call_arguments.delta` | `ResponseDeltaEvent` |
/// | `response.output_text.done` | `ResponseOutputTextDoneEvent` |
/// | `response.function_call_arguments.done` | `ResponseFunctionCallArgumentsDoneEvent` |
/// | `error` | `OpenAiError` (`code: stream_error`), then `response.failed` |
///
/// The event set is open: OpenAI emits further `response.*` events that Kindo passes on;
/// clients should skip names they do not know.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseStreamEvent {
    Lifecycle(String, ResponseLifecycleEvent),
    OutputItem(String, ResponseOutputItemEvent),
    ContentPart(String, ResponseContentPartEvent),
    Delta(String, ResponseDeltaEvent),
    OutputTextDone(ResponseOutputTextDoneEvent),
    FunctionCallArgumentsDone(ResponseFunctionCallArgumentsDoneEvent),
    Error(OpenAiError),
    /// An event name this version does not know, with its raw data.
    Other(String, Value),
}

impl ResponseStreamEvent {
    /// Every event name with a typed payload, as documented on the streaming page.
    pub const KNOWN_EVENTS: &'static [&'static str] = &[
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.output_item.done",
        "response.content_part.added",
        "response.content_part.done",
        "response.output_text.delta",
        "response.output_text.done",
        "response.function_call_arguments.delta",
        "response.function_call_arguments.done",
        "response.completed",
        "response.failed",
        "error",
    ];

    /// Parses one SSE frame from its `event:` name and `data:` text.
    pub fn from_sse(event: &str, data: &str) -> Result<Self, serde_json::Error> {
        let e = event.to_owned();
        Ok(match event {
            "response.created"
            | "response.in_progress"
            | "response.completed"
            | "response.failed" => Self::Lifecycle(e, serde_json::from_str(data)?),
            "response.output_item.added" | "response.output_item.done" => {
                Self::OutputItem(e, serde_json::from_str(data)?)
            }
            "response.content_part.added" | "response.content_part.done" => {
                Self::ContentPart(e, serde_json::from_str(data)?)
            }
            "response.output_text.delta" | "response.function_call_arguments.delta" => {
                Self::Delta(e, serde_json::from_str(data)?)
            }
            "response.output_text.done" => Self::OutputTextDone(serde_json::from_str(data)?),
            "response.function_call_arguments.done" => {
                Self::FunctionCallArgumentsDone(serde_json::from_str(data)?)
            }
            "error" => Self::Error(serde_json::from_str(data)?),
            _ => Self::Other(e, serde_json::from_str(data)?),
        })
    }
}

/// Serialises the `data:` payload of the frame (the event name is not part of it; see
/// [`ResponseStreamEvent::event_name`]).
impl Serialize for ResponseStreamEvent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Lifecycle(_, data) => data.serialize(serializer),
            Self::OutputItem(_, data) => data.serialize(serializer),
            Self::ContentPart(_, data) => data.serialize(serializer),
            Self::Delta(_, data) => data.serialize(serializer),
            Self::OutputTextDone(data) => data.serialize(serializer),
            Self::FunctionCallArgumentsDone(data) => data.serialize(serializer),
            Self::Error(data) => data.serialize(serializer),
            Self::Other(_, data) => data.serialize(serializer),
        }
    }
}

impl ResponseStreamEvent {
    /// The SSE `event:` name this frame is sent under.
    pub fn event_name(&self) -> &str {
        match self {
            Self::Lifecycle(name, _)
            | Self::OutputItem(name, _)
            | Self::ContentPart(name, _)
            | Self::Delta(name, _)
            | Self::Other(name, _) => name,
            Self::OutputTextDone(_) => "response.output_text.done",
            Self::FunctionCallArgumentsDone(_) => "response.function_call_arguments.done",
            Self::Error(_) => "error",
        }
    }
}

impl utoipa::PartialSchema for ResponseStreamEvent {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        use utoipa::openapi::Ref;
        use utoipa::openapi::schema::AnyOfBuilder;
        let description = "The `data:` payload of one frame of a Responses SSE stream (this \
schema describes each frame's payload, not the body as a whole). Every frame has a named \
`event:` line that selects the payload schema; payloads are not self-describing (Kindo's \
examples carry no `type`), hence `anyOf`.\n\n\
| `event:` | `data:` schema |\n|---|---|\n\
| `response.created`, `response.in_progress`, `response.completed`, `response.failed` | `ResponseLifecycleEvent` |\n\
| `response.output_item.added`, `response.output_item.done` | `ResponseOutputItemEvent` |\n\
| `response.content_part.added`, `response.content_part.done` | `ResponseContentPartEvent` |\n\
| `response.output_text.delta`, `response.function_call_arguments.delta` | `ResponseDeltaEvent` |\n\
| `response.output_text.done` | `ResponseOutputTextDoneEvent` |\n\
| `response.function_call_arguments.done` | `ResponseFunctionCallArgumentsDoneEvent` |\n\
| `error` | `OpenAiError` |\n\n\
A failure after streaming began arrives as `event: error` (nested envelope, `code: \
stream_error`) followed by `event: response.failed`; the HTTP status stays `200`. The event \
set is open: skip names you do not know.";
        AnyOfBuilder::new()
            .description(Some(description))
            .item(Ref::from_schema_name("ResponseLifecycleEvent"))
            .item(Ref::from_schema_name("ResponseOutputItemEvent"))
            .item(Ref::from_schema_name("ResponseContentPartEvent"))
            .item(Ref::from_schema_name("ResponseDeltaEvent"))
            .item(Ref::from_schema_name("ResponseOutputTextDoneEvent"))
            .item(Ref::from_schema_name(
                "ResponseFunctionCallArgumentsDoneEvent",
            ))
            .item(Ref::from_schema_name("OpenAiError"))
            .into()
    }
}

impl ToSchema for ResponseStreamEvent {
    fn schemas(
        out: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        fn add<T: ToSchema>(
            out: &mut Vec<(
                String,
                utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
            )>,
        ) {
            out.push((T::name().into_owned(), T::schema()));
            T::schemas(out);
        }
        add::<ResponseLifecycleEvent>(out);
        add::<ResponseOutputItemEvent>(out);
        add::<ResponseContentPartEvent>(out);
        add::<ResponseDeltaEvent>(out);
        add::<ResponseOutputTextDoneEvent>(out);
        add::<ResponseFunctionCallArgumentsDoneEvent>(out);
        add::<OpenAiError>(out);
    }
}
