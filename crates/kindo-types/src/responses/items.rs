//! Input and output items, their tags and content parts (shared with Conversations).

use crate::open_union;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use std::collections::BTreeMap;
use utoipa::ToSchema;

open_union! {
    /// One input item. Documented types: `message`, `function_call` (history; re-sending it
    /// does not re-execute it) and `function_call_output` (a tool result, paired by
    /// `call_id`). Open set: other OpenAI item types are forwarded. A message may omit `type`
    /// (OpenAI's short form `{"role", "content"}`).
    pub enum InputItem: "input item" {
        Message(InputMessage),
        FunctionCall(FunctionCallItem),
        FunctionCallOutput(FunctionCallOutputItem),
    }
    untyped = Message
}

/// Tag of message items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum MessageTag {
    #[serde(rename = "message")]
    Message,
}

/// Tag of function-call items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum FunctionCallTag {
    #[serde(rename = "function_call")]
    FunctionCall,
}

/// Tag of function-call-output items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum FunctionCallOutputTag {
    #[serde(rename = "function_call_output")]
    FunctionCallOutput,
}

/// A message input item.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InputMessage {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: Option<MessageTag>,
    /// `user`, `system`, `assistant` or `developer` (treated as system-level). Closed set.
    pub role: InputRole,
    /// Text or content parts.
    pub content: ItemContent,
    /// Other item fields, forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Role of an input message. Closed set as documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum InputRole {
    User,
    System,
    Assistant,
    Developer,
}

/// Content of an input message: a string or content parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ItemContent {
    Text(String),
    Parts(Vec<ResponseContentPart>),
}

open_union! {
    /// A content part of a Responses or Conversations message. Known types: `input_text`,
    /// `output_text`, `input_image`. Open set: other part types pass through.
    pub enum ResponseContentPart: "content part" {
        InputText(InputTextPart),
        OutputText(OutputTextPart),
        InputImage(InputImagePart),
    }
}

/// Tag `input_text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum InputTextTag {
    #[serde(rename = "input_text")]
    InputText,
}

/// Tag `output_text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum OutputTextTag {
    #[serde(rename = "output_text")]
    OutputText,
}

/// Tag `input_image`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum InputImageTag {
    #[serde(rename = "input_image")]
    InputImage,
}

/// Text sent by the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InputTextPart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: InputTextTag,
    pub text: String,
}

/// Text produced by the model.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OutputTextPart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: OutputTextTag,
    pub text: String,
    /// Citations and similar annotations (OpenAI), when present.
    pub annotations: Option<Vec<Value>>,
}

/// An image sent by the user (OpenAI shape).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InputImagePart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: InputImageTag,
    /// An `https:` or `data:` URL.
    pub image_url: Option<String>,
    /// An uploaded file id.
    pub file_id: Option<String>,
    /// `auto`, `low` or `high` (open set).
    pub detail: Option<String>,
}

/// A function call made by the model (output, conversation history, or replayed input).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionCallItem {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionCallTag,
    /// Item id (present on conversation items; absent in the Responses examples).
    pub id: Option<String>,
    /// Pairs the call with its `function_call_output`. Seen as `call_abc` and `toolu_abc123`:
    /// do not assume a prefix.
    pub call_id: String,
    /// The function to run.
    pub name: String,
    /// JSON-encoded arguments.
    pub arguments: String,
    /// Item status (OpenAI), when present. Open set.
    pub status: Option<String>,
}

/// The result of a function call, sent back by the client.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionCallOutputItem {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionCallOutputTag,
    /// Stored `function_call_output` items carry no id of their own (identified by
    /// `call_id`); OpenAI clients may send one.
    pub id: Option<String>,
    /// The `call_id` of the originating `function_call`.
    pub call_id: String,
    /// The tool's result, typically JSON-encoded text.
    pub output: String,
}

open_union! {
    /// An item of a response's `output`, of a conversation, or of a response's input items.
    /// Known types: `message`, `function_call`, `function_call_output`. Open set: upstream
    /// providers and Kindo add others (2026.09 conversations contain `reasoning` items); they
    /// pass through as objects with a string `type`.
    pub enum Item: "item" {
        Message(MessageItem),
        FunctionCall(FunctionCallItem),
        FunctionCallOutput(FunctionCallOutputItem),
    }
}

/// A stored or generated message item.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageItem {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: MessageTag,
    /// Item id (e.g. `msg_xyz789`); always present on conversation items, absent in the
    /// Responses `output` examples.
    pub id: Option<String>,
    /// `user`, `assistant`, `system` (or `developer`). Open set on output: treat as text.
    pub role: String,
    /// Typed content parts.
    pub content: Vec<ResponseContentPart>,
    /// `completed` in every documented example (Kindo stores only finished items). Open set.
    pub status: Option<String>,
}
