//! The `POST /v1/messages` response: an Anthropic message, forwarded verbatim.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

use super::content::ContentBlock;
use crate::open_tag::tag;

tag!(/// Always `message`.
    MessageType::Message = "message");
tag!(/// Always `assistant`.
    AssistantRole::Assistant = "assistant");

/// A generated assistant message.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Message {
    /// Message id (`msg_…`).
    pub id: String,
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: MessageType,
    #[schema(inline)]
    pub role: AssistantRole,
    /// The model that answered; Kindo does not rename models.
    pub model: String,
    /// Generated blocks; empty in `message_start`.
    pub content: Vec<ContentBlock>,
    /// Why generation stopped; `null` in `message_start` (the final value arrives in
    /// `message_delta`). Open set: `end_turn`, `max_tokens`, `stop_sequence`, `tool_use`,
    /// `pause_turn`, `refusal` and `model_context_window_exceeded` are known today; treat any
    /// other value as a stop.
    #[schema(required = true, examples("end_turn", "tool_use"))]
    #[serialize_always]
    pub stop_reason: Option<String>,
    /// The custom stop sequence that was hit, else `null`. Anthropic always sends the key;
    /// Kindo's streaming page shows a `message_start` without it, so it is not required here.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub stop_sequence: Option<Option<String>>,
    /// Token usage. Anthropic always sends it and Kindo says to read cache hits from it, but
    /// the documented response examples are abridged before or without `usage`, so it is not
    /// required here.
    pub usage: Option<Usage>,
}

/// Token usage of a message, including prompt-caching counters.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Usage {
    /// Uncached input tokens.
    pub input_tokens: u64,
    pub output_tokens: u64,
    /// Input tokens written to the prompt cache.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub cache_creation_input_tokens: Option<Option<u64>>,
    /// Input tokens read from the prompt cache (a cache hit).
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub cache_read_input_tokens: Option<Option<u64>>,
    /// Cache writes broken down by lifetime.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub cache_creation: Option<Option<CacheCreation>>,
    /// Server-tool request counts, e.g. `{"web_search_requests": 1}`.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub server_tool_use: Option<Option<BTreeMap<String, Value>>>,
    /// The service tier that served the request (`standard`, `priority`, `batch`; open set).
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub service_tier: Option<Option<String>>,
}

/// Cache writes by lifetime.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CacheCreation {
    pub ephemeral_5m_input_tokens: Option<u64>,
    pub ephemeral_1h_input_tokens: Option<u64>,
}
