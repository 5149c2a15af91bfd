//! The `POST /v1/messages` request body.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

use super::content::{CacheControl, ContentBlockParam, TextBlockParam};
use crate::open_tag::tag;
use crate::open_union;

/// An Anthropic Messages request. Kindo validates `model`, `messages` and `max_tokens`,
/// consumes `stream`, strips `metadata`, `litellm_metadata` and `proxy_server_request`, and
/// forwards everything else verbatim, so fields not listed here are accepted and passed
/// through to the upstream provider.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CreateMessageRequest {
    /// A model id from `GET /v1/models`, e.g. `claude-sonnet-4-5-20250929`.
    pub model: String,
    /// The conversation. Roles must alternate and the first message must be `user`; system
    /// prompts go in `system`, not here.
    #[schema(min_items = 1)]
    pub messages: Vec<MessageParam>,
    /// Maximum number of tokens to generate. A positive integer; omitting it is a `400`.
    #[schema(minimum = 1)]
    pub max_tokens: u64,
    /// System prompt: a string, or text blocks (which may carry `cache_control`).
    pub system: Option<SystemPrompt>,
    /// `true` switches the response to an Anthropic SSE stream. Consumed by Kindo's route
    /// handler.
    pub stream: Option<bool>,
    /// Tools the model may call.
    pub tools: Option<Vec<Tool>>,
    /// How the model should use `tools`.
    pub tool_choice: Option<ToolChoice>,
    /// Sampling temperature (Anthropic accepts 0 to 1).
    pub temperature: Option<f64>,
    /// Nucleus sampling.
    pub top_p: Option<f64>,
    /// Top-K sampling.
    pub top_k: Option<u64>,
    /// Custom sequences that stop generation (`stop_reason: stop_sequence`).
    pub stop_sequences: Option<Vec<String>>,
    /// Extended-thinking configuration.
    pub thinking: Option<ThinkingConfig>,
    /// Anthropic's context-editing configuration, forwarded verbatim (documented from the
    /// 2026.09 docs on).
    pub context_management: Option<BTreeMap<String, Value>>,
    /// Anthropic request metadata (e.g. `user_id`). Accepted but **stripped** by Kindo before
    /// the request goes upstream.
    pub metadata: Option<BTreeMap<String, Value>>,
    /// LiteLLM metadata. Accepted but stripped by Kindo.
    pub litellm_metadata: Option<Value>,
    /// Proxy bookkeeping. Accepted but stripped by Kindo.
    pub proxy_server_request: Option<Value>,
    /// Any other Anthropic field (`service_tier`, `mcp_servers`, future fields), forwarded
    /// verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One conversation turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageParam {
    pub role: Role,
    /// A string, or content blocks (`text`, `image`, `tool_use`, `tool_result`, ...),
    /// forwarded verbatim.
    pub content: MessageContent,
}

/// Message author. Closed set: Kindo rejects any role but `user` and `assistant`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    User,
    Assistant,
}

/// Message content: shorthand text or content blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum MessageContent {
    Text(String),
    Blocks(Vec<ContentBlockParam>),
}

/// The system prompt: a string, or text blocks so that `cache_control` can be attached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum SystemPrompt {
    Text(String),
    Blocks(Vec<TextBlockParam>),
}

open_union! {
    /// A tool definition. Client tools use Anthropic's `name` / `description` / `input_schema`
    /// (not Chat Completions' nested `function` object); provider-run tools (web search, bash,
    /// text editor, ...) carry a versioned `type` and are accepted by [`ServerTool`].
    pub enum Tool: "tool" {
        Custom(CustomTool),
    }
    untyped = Custom
    other = Server(ServerTool)
}

tag!(/// Always `custom` when present.
    CustomToolType::Custom = "custom");

/// A client-side tool: the model emits `tool_use` blocks and the client runs the tool.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CustomTool {
    /// Optional; `custom` when sent.
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: Option<CustomToolType>,
    pub name: String,
    pub description: Option<String>,
    /// JSON Schema of the tool input (an object schema).
    pub input_schema: BTreeMap<String, Value>,
    pub cache_control: Option<CacheControl>,
}

/// A provider-defined tool, e.g. `{"type": "web_search_20250305", "name": "web_search"}`.
/// Open: any versioned type is forwarded verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ServerTool {
    #[serde(rename = "type", deserialize_with = "Tool::reject_known_tag")]
    #[schema(schema_with = Tool::catch_all_tag_schema)]
    pub kind: String,
    pub name: String,
    /// The tool's other settings.
    #[serde(flatten)]
    pub fields: BTreeMap<String, Value>,
}

/// How the model may use tools. Closed set as Anthropic defines it (`auto`, `any`, `tool`,
/// `none`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToolChoice {
    /// The model decides.
    Auto {
        disable_parallel_tool_use: Option<bool>,
    },
    /// The model must use some tool.
    Any {
        disable_parallel_tool_use: Option<bool>,
    },
    /// The model must use the named tool.
    Tool {
        name: String,
        disable_parallel_tool_use: Option<bool>,
    },
    /// The model must not use tools.
    None,
}

/// Extended-thinking configuration, e.g. `{"type": "enabled", "budget_tokens": 2048}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ThinkingConfig {
    /// Open set: `enabled` and `disabled` are documented by Anthropic; newer modes are
    /// forwarded verbatim.
    #[serde(rename = "type")]
    #[schema(examples("enabled", "disabled"))]
    pub kind: String,
    /// Tokens the model may spend thinking; required by Anthropic when `type` is `enabled`
    /// (at least 1024 and below `max_tokens`).
    pub budget_tokens: Option<u64>,
    /// Other settings, forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
