//! `POST /v1/messages/count_tokens`. Kindo lists the endpoint ("Count tokens for a request")
//! but the part of its reference page describing the bodies was not reachable; these types
//! follow Anthropic's count-tokens API, which Kindo says it speaks natively.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

use super::request::{MessageParam, SystemPrompt, ThinkingConfig, Tool, ToolChoice};

/// The prompt to count: a Messages request without generation settings (`max_tokens`,
/// sampling, `stream`). Other fields are accepted and forwarded, as on `/v1/messages`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CountTokensRequest {
    /// A model id from `GET /v1/models`.
    pub model: String,
    #[schema(min_items = 1)]
    pub messages: Vec<MessageParam>,
    pub system: Option<SystemPrompt>,
    pub tools: Option<Vec<Tool>>,
    pub tool_choice: Option<ToolChoice>,
    pub thinking: Option<ThinkingConfig>,
    pub context_management: Option<BTreeMap<String, Value>>,
    /// Any other field, forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The token count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CountTokensResponse {
    /// Tokens the prompt (messages, system and tools) would consume as input.
    pub input_tokens: u64,
}
