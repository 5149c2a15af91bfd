//! Server-sent events of a streamed message (`stream: true`). Kindo forwards Anthropic's event
//! sequence verbatim: each frame is `event: <type>` plus `data: <one JSON event>`. A mid-stream
//! `error` event is terminal; the HTTP status stays `200`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

use super::content::ContentBlock;
use super::errors::MessagesError;
use super::response::Message;
use crate::open_tag::{catch_all, tag};
use crate::open_union;

tag!(/// Always `message_start`.
    MessageStartType::MessageStart = "message_start");
tag!(/// Always `content_block_start`.
    ContentBlockStartType::ContentBlockStart = "content_block_start");
tag!(/// Always `content_block_delta`.
    ContentBlockDeltaType::ContentBlockDelta = "content_block_delta");
tag!(/// Always `content_block_stop`.
    ContentBlockStopType::ContentBlockStop = "content_block_stop");
tag!(/// Always `message_delta`.
    MessageDeltaType::MessageDelta = "message_delta");
tag!(/// Always `message_stop`.
    MessageStopType::MessageStop = "message_stop");
tag!(/// Always `ping`.
    PingType::Ping = "ping");
tag!(/// Always `text_delta`.
    TextDeltaType::TextDelta = "text_delta");
tag!(/// Always `input_json_delta`.
    InputJsonDeltaType::InputJsonDelta = "input_json_delta");
tag!(/// Always `thinking_delta`.
    ThinkingDeltaType::ThinkingDelta = "thinking_delta");
tag!(/// Always `signature_delta`.
    SignatureDeltaType::SignatureDelta = "signature_delta");
tag!(/// Always `citations_delta`.
    CitationsDeltaType::CitationsDelta = "citations_delta");

open_union! {
    /// The JSON `data` of one stream event; its `type` equals the SSE `event:` name. Open union:
    /// Anthropic documents that new event types may appear and clients should skip unknown ones,
    /// which [`UnknownStreamEvent`] accepts.
    pub enum MessageStreamEvent: "stream event" {
        MessageStart(MessageStartEvent),
        ContentBlockStart(ContentBlockStartEvent),
        ContentBlockDelta(ContentBlockDeltaEvent),
        ContentBlockStop(ContentBlockStopEvent),
        MessageDelta(MessageDeltaEvent),
        MessageStop(MessageStopEvent),
        Ping(PingEvent),
        /// A mid-stream failure (e.g. `overloaded_error`), in the same envelope as HTTP errors.
        /// Terminal: no further events follow.
        Error(MessagesError),
    }
    other = Unknown(UnknownStreamEvent)
}

crate::stream_events::stream_table! {
    /// The events of a Messages stream; each payload's `type` equals its `event:` name.
    pub const MESSAGE_STREAM for MessageStreamEvent, open: true, done: None, {
        "message_start" => MessageStartEvent;
        "content_block_start" => ContentBlockStartEvent;
        "content_block_delta" => ContentBlockDeltaEvent;
        "content_block_stop" => ContentBlockStopEvent;
        "message_delta" => MessageDeltaEvent;
        "message_stop" => MessageStopEvent, terminal;
        "ping" => PingEvent;
        "error" => MessagesError, terminal, error;
    }
}

/// First event: the message with empty `content` and `stop_reason: null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageStartEvent {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: MessageStartType,
    pub message: Message,
}

/// A content block begins at `index`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContentBlockStartEvent {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ContentBlockStartType,
    pub index: u64,
    /// The block with empty text / input, filled by the deltas that follow.
    pub content_block: ContentBlock,
}

/// An increment of the block at `index`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContentBlockDeltaEvent {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ContentBlockDeltaType,
    pub index: u64,
    pub delta: ContentBlockDelta,
}

/// The block at `index` is complete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContentBlockStopEvent {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ContentBlockStopType,
    pub index: u64,
}

/// Top-level changes: the final `stop_reason` and cumulative usage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageDeltaEvent {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: MessageDeltaType,
    pub delta: MessageDelta,
    pub usage: MessageDeltaUsage,
}

/// The changed message fields.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageDelta {
    /// Open set, as on `Message.stop_reason`.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub stop_reason: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub stop_sequence: Option<Option<String>>,
}

/// Cumulative usage reported by `message_delta`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageDeltaUsage {
    pub output_tokens: u64,
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub input_tokens: Option<Option<u64>>,
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub cache_creation_input_tokens: Option<Option<u64>>,
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub cache_read_input_tokens: Option<Option<u64>>,
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub server_tool_use: Option<Option<BTreeMap<String, Value>>>,
}

/// The stream is complete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageStopEvent {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: MessageStopType,
}

/// Keep-alive heartbeat; safe to ignore.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PingEvent {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: PingType,
}

catch_all! {
    /// An event type this crate does not model; skip it.
    UnknownStreamEvent of MessageStreamEvent("MessageStreamEvent::reject_known_tag") {}
}

open_union! {
    /// One increment of a content block. Open union: unknown delta types are accepted by
    /// [`UnknownDelta`].
    pub enum ContentBlockDelta: "content block delta" {
        Text(TextDelta),
        InputJson(InputJsonDelta),
        Thinking(ThinkingDelta),
        Signature(SignatureDelta),
        Citations(CitationsDelta),
    }
    other = Unknown(UnknownDelta)
}

/// More text for a `text` block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TextDelta {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: TextDeltaType,
    pub text: String,
}

/// A fragment of a `tool_use` block's JSON `input`; concatenate the fragments and parse at
/// `content_block_stop`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InputJsonDelta {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: InputJsonDeltaType,
    pub partial_json: String,
}

/// More text for a `thinking` block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ThinkingDelta {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ThinkingDeltaType,
    pub thinking: String,
}

/// The signature of a `thinking` block, sent just before its `content_block_stop`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SignatureDelta {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: SignatureDeltaType,
    pub signature: String,
}

/// A citation added to a `text` block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CitationsDelta {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: CitationsDeltaType,
    pub citation: BTreeMap<String, Value>,
}

catch_all! {
    /// A delta type this crate does not model.
    UnknownDelta of ContentBlockDelta("ContentBlockDelta::reject_known_tag") {}
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The open union's known tags and the published event table are one list: every table
    /// name is a known tag, and serde routes a payload with that `type` to the table's schema.
    #[test]
    fn the_event_table_and_the_known_tags_agree() {
        let names: Vec<&str> = MESSAGE_STREAM.events.iter().map(|e| e.name).collect();
        assert_eq!(names, MessageStreamEvent::known_tags());
        let start = r#"{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":0}}}"#;
        let samples = [
            start,
            r#"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#,
            r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"}}"#,
            r#"{"type":"content_block_stop","index":0}"#,
            r#"{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":1}}"#,
            r#"{"type":"message_stop"}"#,
            r#"{"type":"ping"}"#,
            r#"{"type":"error","error":{"type":"overloaded_error","message":"busy"}}"#,
        ];
        for (event, sample) in MESSAGE_STREAM.events.iter().zip(samples) {
            let parsed: MessageStreamEvent = serde_json::from_str(sample).unwrap();
            let variant = match parsed {
                MessageStreamEvent::MessageStart(_) => "MessageStartEvent",
                MessageStreamEvent::ContentBlockStart(_) => "ContentBlockStartEvent",
                MessageStreamEvent::ContentBlockDelta(_) => "ContentBlockDeltaEvent",
                MessageStreamEvent::ContentBlockStop(_) => "ContentBlockStopEvent",
                MessageStreamEvent::MessageDelta(_) => "MessageDeltaEvent",
                MessageStreamEvent::MessageStop(_) => "MessageStopEvent",
                MessageStreamEvent::Ping(_) => "PingEvent",
                MessageStreamEvent::Error(_) => "MessagesError",
                MessageStreamEvent::Unknown(_) => "UnknownStreamEvent",
            };
            assert_eq!((event.payload)(), variant, "{}", event.name);
        }
    }
}
