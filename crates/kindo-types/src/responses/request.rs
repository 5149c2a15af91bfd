//! The request body of `POST /v1/responses` and its Kindo extension.

use super::items::InputItem;
use super::tools::{ResponseTool, ResponseToolChoice};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// Request body of `POST /v1/responses`: OpenAI's Responses request.
///
/// Kindo aims at bit-for-bit compatibility with stock OpenAI clients: listed fields are
/// forwarded verbatim unless noted, and unlisted fields pass through (the schema admits
/// additional properties). By default there is no hidden system prompt, no injected tool and
/// no server-side state; the Chat Actions opt-ins are `kindo.system_prompt`, Kindo-hosted
/// tools and `store`/`conversation`. (The older API overview instead says built-in tools are
/// always on and a conversation is always created; the newer pages win here.)
///
/// With `model: "agent/<agent-id>"` a stored Kindo agent runs: `tools`, a non-`auto`
/// `tool_choice`, `conversation`, `previous_response_id`, `background` and sampling fields
/// such as `temperature` are then rejected with `400 unsupported_parameter`, and the call
/// returns at once with `status: in_progress`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CreateResponseRequest {
    /// A model id from `GET /v1/models`, or a stored agent as `agent/<agent-id>` (newer docs;
    /// `agent/<id>@<version>` is rejected with `agent_version_pinning_unsupported`).
    pub model: String,
    /// A plain string for one turn, or an array of input items.
    pub input: ResponseInput,
    /// System-level instructions, forwarded unmodified (with `kindo.system_prompt:
    /// agent_default` Kindo's prompt goes first; on agent models they append to the agent's).
    pub instructions: Option<String>,
    /// Tools: `function`, `mcp` and Kindo-hosted `kindo_*` tools; unknown types are forwarded.
    pub tools: Option<Vec<ResponseTool>>,
    /// `"auto"` (default), `"none"`, `"required"`, a named function or `allowed_tools`.
    pub tool_choice: Option<ResponseToolChoice>,
    /// `true` switches the response to `text/event-stream` (consumed by Kindo).
    pub stream: Option<bool>,
    /// Default `false`. With `true` Kindo persists the response and returns
    /// `conversation.id`. An `mcp` tool requires `store: true` or `conversation` (else `400
    /// unsupported_tool_type`).
    pub store: Option<bool>,
    /// Id of a Kindo-managed conversation to continue (e.g. `conv_xyz789`).
    pub conversation: Option<String>,
    /// Id of a stored response to chain from. **The pages disagree**: older request-shape and
    /// error pages reject it with `400 unsupported_parameter`; newer pages (2026.09) support
    /// it, answer `404 previous_response_not_found` for an unknown or unstored id and `400
    /// mutually_exclusive_parameters` when `conversation` is also set.
    pub previous_response_id: Option<String>,
    /// Arbitrary key-value pairs (API overview).
    pub metadata: Option<BTreeMap<String, Value>>,
    /// Run in the background (OpenAI). Rejected with `400 unsupported_parameter` on
    /// Kindo-managed conversations and agent models.
    pub background: Option<bool>,
    /// Sampling temperature (rejected on agent models).
    pub temperature: Option<f64>,
    /// Nucleus sampling (rejected on agent models).
    pub top_p: Option<f64>,
    /// Output token limit (OpenAI; forwarded).
    pub max_output_tokens: Option<u32>,
    /// Kindo's Chat Actions extension object.
    pub kindo: Option<KindoOptions>,
    /// Any other OpenAI request field: forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Kindo's `kindo` request extension.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct KindoOptions {
    /// Curated system prompt; default `off`.
    pub system_prompt: Option<SystemPromptMode>,
    /// Extension fields this version does not know.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `kindo.system_prompt`. Closed set as documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SystemPromptMode {
    /// Kindo prepends its curated operational prompt to `instructions` (on stateful requests
    /// it also adds service-managed context, date and timezone: 2026.09).
    AgentDefault,
    /// Default: nothing is prepended; `instructions` and `input` flow through unchanged.
    Off,
}

/// `input`: a string or an array of input items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ResponseInput {
    Text(String),
    Items(Vec<InputItem>),
}
