//! Chat messages and their content parts.

use super::tools::ChatToolCall;
use crate::open_union;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// One message of the conversation, discriminated by `role`. Closed set as documented:
/// `system`, `developer` (treated exactly like `system`), `user`, `assistant`, `tool`.
///
/// Kindo's message table marks only `role` as required; `content` may be omitted or (on
/// assistant messages that only carry `tool_calls`) `null`. Unknown message fields are
/// forwarded verbatim.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "role", rename_all = "lowercase")]
pub enum ChatMessage {
    /// System instructions.
    System {
        /// Text or content parts.
        content: Option<ChatContent>,
        /// Author name.
        name: Option<String>,
        /// Other message fields, forwarded verbatim.
        #[serde(flatten)]
        extra: BTreeMap<String, Value>,
    },
    /// Developer instructions; Kindo treats them exactly like `system` (OpenAI semantics).
    Developer {
        /// Text or content parts.
        content: Option<ChatContent>,
        /// Author name.
        name: Option<String>,
        /// Other message fields, forwarded verbatim.
        #[serde(flatten)]
        extra: BTreeMap<String, Value>,
    },
    /// A user turn; content parts may be multimodal (`image_url`).
    User {
        /// Text or content parts.
        content: Option<ChatContent>,
        /// Author name.
        name: Option<String>,
        /// Other message fields, forwarded verbatim.
        #[serde(flatten)]
        extra: BTreeMap<String, Value>,
    },
    /// A previous model turn, replayed as history.
    Assistant {
        /// Text or content parts; `null` when the turn only carries `tool_calls`.
        #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
        content: Option<Option<ChatContent>>,
        /// Author name.
        name: Option<String>,
        /// The tool calls the model made in this turn.
        tool_calls: Option<Vec<ChatToolCall>>,
        /// Other message fields (e.g. `refusal`), forwarded verbatim.
        #[serde(flatten)]
        extra: BTreeMap<String, Value>,
    },
    /// The result of a tool call.
    Tool {
        /// The tool's output.
        content: Option<ChatContent>,
        /// The `id` of the tool call this message answers (required on `tool` messages).
        tool_call_id: String,
        /// Other message fields, forwarded verbatim.
        #[serde(flatten)]
        extra: BTreeMap<String, Value>,
    },
}

/// Message content: a plain string or an array of content parts (forwarded verbatim).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ChatContent {
    Text(String),
    Parts(Vec<ChatContentPart>),
}

open_union! {
    /// One content part of a message. Open set: Kindo forwards content arrays verbatim, so
    /// parts other than `text` and `image_url` (e.g. OpenAI's `input_audio`, `file`) pass
    /// through as long as they carry a string `type`.
    pub enum ChatContentPart: "content part" {
        Text(ChatTextPart),
        ImageUrl(ChatImagePart),
    }
}

/// A text content part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatTextPart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: TextTag,
    pub text: String,
}

/// An image content part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatImagePart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: ImageUrlTag,
    pub image_url: ChatImageUrl,
}

/// The image of an `image_url` part.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatImageUrl {
    /// An `https:` URL or a `data:` URL with base64 image data.
    pub url: String,
    /// Detail level: `auto`, `low` or `high` (OpenAI; open set).
    pub detail: Option<String>,
}

/// Tag of a text part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum TextTag {
    #[serde(rename = "text")]
    Text,
}

/// Tag of an image part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum ImageUrlTag {
    #[serde(rename = "image_url")]
    ImageUrl,
}

/// Tag of function tools and function tool calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum FunctionTag {
    #[serde(rename = "function")]
    Function,
}
