//! The `result` shapes of the documented methods (MCP-defined; Kindo documents only the
//! `tools/list` example). Referenced by `JsonRpcResult.result`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

use super::request::Implementation;

/// Result of `initialize`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InitializeResult {
    /// The MCP revision the server agreed to.
    pub protocol_version: String,
    /// Server capabilities, e.g. `{"tools": {}, "prompts": {}}` (no `resources`).
    pub capabilities: BTreeMap<String, Value>,
    pub server_info: Implementation,
    pub instructions: Option<String>,
}

/// Result of `tools/list`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ToolsListResult {
    pub tools: Vec<McpTool>,
    pub next_cursor: Option<String>,
}

/// One tool of the federated catalog.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct McpTool {
    /// Prefixed with the integration id (`linear_list_issues`); first-party Platform tools use
    /// `platform_` (2026.09 docs).
    pub name: String,
    pub description: Option<String>,
    /// JSON Schema of the arguments.
    pub input_schema: BTreeMap<String, Value>,
    /// MCP tool annotations, passed through.
    pub annotations: Option<BTreeMap<String, Value>>,
}

/// Result of `tools/call`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ToolsCallResult {
    /// MCP content items (`{"type": "text", "text": ...}`, images, embedded resources).
    pub content: Vec<BTreeMap<String, Value>>,
    /// `true` when the tool itself failed (as opposed to a JSON-RPC error).
    pub is_error: Option<bool>,
    pub structured_content: Option<BTreeMap<String, Value>>,
}

/// Result of `prompts/list`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PromptsListResult {
    pub prompts: Vec<McpPrompt>,
    pub next_cursor: Option<String>,
}

/// A prompt template.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct McpPrompt {
    pub name: String,
    pub description: Option<String>,
    pub arguments: Option<Vec<McpPromptArgument>>,
}

/// One argument of a prompt.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct McpPromptArgument {
    pub name: String,
    pub description: Option<String>,
    pub required: Option<bool>,
}

/// Result of `prompts/get`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PromptsGetResult {
    pub description: Option<String>,
    pub messages: Vec<McpPromptMessage>,
}

/// One message of a rendered prompt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct McpPromptMessage {
    /// `user` or `assistant` (MCP).
    pub role: String,
    /// One MCP content item.
    pub content: BTreeMap<String, Value>,
}
