//! The request body of `POST /v1/chat/completions`.

use super::messages::ChatMessage;
use super::tools::{ChatResponseFormat, ChatTool, ChatToolChoice};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// Request body of `POST /v1/chat/completions`: OpenAI's Chat Completions request.
///
/// Kindo validates `model` and `messages` and forwards every other field to the upstream model
/// verbatim, including fields not listed here (the schema therefore admits additional
/// properties). `stream` is consumed by Kindo to switch the response to SSE. `metadata`,
/// `litellm_metadata` and `proxy_server_request` are stripped before forwarding so that clients
/// cannot spoof governance metadata. The Chat Actions opt-ins of `/v1/responses` (`kindo`,
/// hosted tools, stored conversations) are not accepted here.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CreateChatCompletionRequest {
    /// A model id from `GET /v1/models`, e.g. `claude-sonnet-4-5-20250929`.
    pub model: String,
    /// The conversation so far; at least one message.
    #[schema(min_items = 1)]
    pub messages: Vec<ChatMessage>,
    /// `true` switches the response to `text/event-stream` (consumed by Kindo, not forwarded).
    pub stream: Option<bool>,
    /// OpenAI stream options, forwarded. Kindo does not populate `usage` in streamed chunks
    /// even when `include_usage` is `true`.
    pub stream_options: Option<ChatStreamOptions>,
    /// Sampling temperature.
    pub temperature: Option<f64>,
    /// Nucleus sampling.
    pub top_p: Option<f64>,
    /// Maximum number of tokens to generate.
    pub max_tokens: Option<u32>,
    /// OpenAI's newer name for the generation limit. Not in Kindo's field table; forwarded by
    /// passthrough.
    pub max_completion_tokens: Option<u32>,
    /// Frequency penalty.
    pub frequency_penalty: Option<f64>,
    /// Presence penalty.
    pub presence_penalty: Option<f64>,
    /// Stop sequence(s): one string or an array of strings.
    pub stop: Option<StopSequences>,
    /// Determinism hint, honoured where the upstream model supports it.
    pub seed: Option<i64>,
    /// Log-probability request, forwarded to the upstream model. Kindo's field table types it
    /// "boolean / object": OpenAI sends a boolean, some upstreams take an options object.
    pub logprobs: Option<ChatLogprobs>,
    /// Number of most likely tokens to return per position (OpenAI; forwarded by passthrough).
    pub top_logprobs: Option<u32>,
    /// Number of choices to generate (OpenAI; forwarded by passthrough).
    pub n: Option<u32>,
    /// Token-id → bias map (OpenAI; forwarded by passthrough).
    pub logit_bias: Option<BTreeMap<String, f64>>,
    /// End-user identifier.
    pub user: Option<String>,
    /// Tool definitions in OpenAI's nested `function` shape, forwarded verbatim.
    pub tools: Option<Vec<ChatTool>>,
    /// Which tool the model may call: `"auto"`, `"none"`, `"required"` or a named tool.
    pub tool_choice: Option<ChatToolChoice>,
    /// Whether the model may call several tools in one turn (OpenAI; forwarded by passthrough).
    pub parallel_tool_calls: Option<bool>,
    /// Output format, e.g. `{"type": "json_object"}` or `{"type": "json_schema", ...}`.
    pub response_format: Option<ChatResponseFormat>,
    /// Accepted but **stripped** before forwarding (governance metadata cannot be spoofed).
    pub metadata: Option<BTreeMap<String, Value>>,
    /// Accepted but **stripped** before forwarding.
    pub litellm_metadata: Option<BTreeMap<String, Value>>,
    /// Accepted but **stripped** before forwarding.
    pub proxy_server_request: Option<BTreeMap<String, Value>>,
    /// Any other OpenAI request field: forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// OpenAI `stream_options`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatStreamOptions {
    /// Requests a final usage chunk. Forwarded, but Kindo currently never populates `usage`.
    pub include_usage: Option<bool>,
    /// Any other stream option, forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `stop`: one stop sequence or several.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum StopSequences {
    One(String),
    Many(Vec<String>),
}

/// `logprobs`: a boolean (OpenAI) or an options object (forwarded as is).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ChatLogprobs {
    Enabled(bool),
    Options(BTreeMap<String, Value>),
}
