//! The `chat.completion` response.

use super::tools::ChatToolCall;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A chat completion (`stream` absent or `false`).
///
/// `created`, `model` and `finish_reason` are optional here: the quickstart's response
/// carries them, but the first-API-call page shows a response without them, so a client must
/// not rely on them.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatCompletion {
    /// Completion id, e.g. `chatcmpl-abc123`.
    pub id: String,
    /// Always `chat.completion`.
    pub object: ChatCompletionObject,
    /// Unix timestamp (seconds). Missing from one documented example.
    pub created: Option<i64>,
    /// The model that answered. Missing from one documented example.
    pub model: Option<String>,
    /// One choice per requested completion (`n`, default 1).
    pub choices: Vec<ChatChoice>,
    /// Token counts. The tool-use page's example omits it.
    pub usage: Option<ChatUsage>,
    /// Other upstream fields (e.g. `system_fingerprint`), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `object` of a chat completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum ChatCompletionObject {
    #[serde(rename = "chat.completion")]
    ChatCompletion,
}

/// One completion choice.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatChoice {
    /// Position of the choice.
    pub index: u32,
    /// The generated assistant message.
    pub message: ChatResponseMessage,
    /// Why generation stopped. Open set: `stop`, `length`, `tool_calls` (run the tools and
    /// send the results back), `content_filter`, `function_call`; upstream providers may add
    /// others. Missing from one documented example.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub finish_reason: Option<Option<String>>,
    /// Log probabilities, when requested.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub logprobs: Option<Option<BTreeMap<String, Value>>>,
}

/// The assistant message of a choice.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatResponseMessage {
    /// Always `assistant`.
    pub role: AssistantRole,
    /// The text; `null` when the model only calls tools.
    #[schema(required = true)]
    #[serialize_always]
    pub content: Option<String>,
    /// Tool calls to execute client-side (`finish_reason: tool_calls`).
    pub tool_calls: Option<Vec<ChatToolCall>>,
    /// Other upstream fields (e.g. `refusal`), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The `assistant` role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AssistantRole {
    Assistant,
}

/// Token counts of a completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatUsage {
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub total_tokens: u64,
    /// Other upstream counters (e.g. `prompt_tokens_details`), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
