//! `chat.completion.chunk` frames and the other stream events.

use super::completion::{AssistantRole, ChatUsage};
use crate::errors::OpenAiError;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// One `chat.completion.chunk` of a stream: the payload of an unnamed `data:` frame.
///
/// The streaming page's frames omit `created`, `model`, `index` and (until the last frame)
/// `finish_reason`; its single-chunk example carries them. `usage` is never populated by
/// Kindo, even with `stream_options.include_usage`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatCompletionChunk {
    /// Same id on every chunk of one completion.
    pub id: String,
    /// Always `chat.completion.chunk`.
    pub object: ChatCompletionChunkObject,
    pub created: Option<i64>,
    pub model: Option<String>,
    pub choices: Vec<ChatChunkChoice>,
    /// Always absent or `null` on Kindo.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub usage: Option<Option<ChatUsage>>,
    /// Other upstream fields, passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `object` of a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum ChatCompletionChunkObject {
    #[serde(rename = "chat.completion.chunk")]
    ChatCompletionChunk,
}

/// One choice of a chunk.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatChunkChoice {
    /// Position of the choice; absent in the streaming page's frames.
    pub index: Option<u32>,
    /// What this chunk adds to the message.
    pub delta: ChatChunkDelta,
    /// `null` (or absent) until the last chunk of the choice. Open set, see
    /// `ChatChoice.finish_reason`.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub finish_reason: Option<Option<String>>,
}

/// The incremental part of a streamed message.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatChunkDelta {
    /// `assistant` on the first chunk.
    pub role: Option<AssistantRole>,
    /// Text to append; may be `null` on tool-call chunks.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub content: Option<Option<String>>,
    /// Tool-call fragments (OpenAI streaming shape: `index`, then `id`/`type`/`function.name`
    /// on the first fragment and `function.arguments` pieces after).
    pub tool_calls: Option<Vec<ChatToolCallDelta>>,
    /// Other upstream fields, passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// A fragment of a streamed tool call.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatToolCallDelta {
    /// Which tool call this fragment belongs to.
    pub index: u32,
    pub id: Option<String>,
    /// `function` (open set) on the first fragment.
    #[serde(rename = "type")]
    pub r#type: Option<String>,
    pub function: Option<FunctionCallDelta>,
}

/// A fragment of a streamed function call.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionCallDelta {
    pub name: Option<String>,
    /// A piece of the JSON-encoded arguments; concatenate the pieces.
    pub arguments: Option<String>,
}

/// The `data:` payload of one frame of a Chat Completions SSE stream (`text/event-stream`).
///
/// This schema describes each frame's payload, not the body as a whole. Frames are unnamed
/// `data:` lines carrying a `ChatCompletionChunk`; the stream ends with the literal
/// `data: [DONE]` (not JSON). A failure after streaming has begun arrives as a frame named
/// `event: error` whose data is the nested `OpenAiError` envelope (`code: stream_error`),
/// followed by `data: [DONE]`; the HTTP status stays `200`. Treat such an error as terminal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ChatCompletionStreamEvent {
    /// An unnamed `data:` frame.
    Chunk(ChatCompletionChunk),
    /// The data of an `event: error` frame.
    Error(OpenAiError),
    /// The final `data: [DONE]` line.
    Done(StreamDone),
}

/// The literal `[DONE]` that ends a Chat Completions stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum StreamDone {
    #[serde(rename = "[DONE]")]
    Done,
}

crate::stream_events::stream_table! {
    /// The events of a Chat Completions stream: unnamed chunks, a terminal `error`, then
    /// `data: [DONE]`.
    pub const CHAT_COMPLETION_STREAM for ChatCompletionStreamEvent, open: true, done: Some("[DONE]"), {
        "message" => ChatCompletionChunk;
        "error" => OpenAiError, terminal, error;
    }
}

impl ChatCompletionStreamEvent {
    /// Parses the data of one SSE frame (`[DONE]` is not JSON, so it is matched first).
    pub fn from_data(data: &str) -> Result<Self, serde_json::Error> {
        if data.trim() == "[DONE]" {
            return Ok(Self::Done(StreamDone::Done));
        }
        serde_json::from_str(data)
    }
}
