//! Tools and `tool_choice` of the Responses API.

use crate::chat::{FunctionTag, ToolChoiceMode};
use crate::open_union;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use std::collections::BTreeMap;
use utoipa::ToSchema;

open_union! {
    /// A tool available to the model. Known types: `function` (name, description and
    /// parameters at the top level, unlike Chat Completions), `mcp` (a Kindo integration by
    /// `server_label`; needs `store: true` or `conversation`) and the Kindo-hosted tools.
    /// Open set: unknown types are forwarded verbatim (the older API overview shows built-in
    /// tools echoed as `shell`, `web_search`, `computer`).
    pub enum ResponseTool: "tool" {
        Function(ResponseFunctionTool),
        Mcp(McpTool),
        KindoHosted(KindoHostedTool),
    }
}

/// A client-executed function tool.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ResponseFunctionTool {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionTag,
    pub name: String,
    pub description: Option<String>,
    /// JSON Schema of the arguments object.
    pub parameters: Option<BTreeMap<String, Value>>,
    pub strict: Option<bool>,
}

/// Tag `mcp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum McpTag {
    #[serde(rename = "mcp")]
    Mcp,
}

/// An MCP integration tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct McpTool {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: McpTag,
    /// The integration, e.g. `linear`.
    pub server_label: String,
    /// Other MCP tool fields (OpenAI), forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// A Kindo-hosted tool, opted into by type alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct KindoHostedTool {
    #[serde(rename = "type")]
    pub r#type: KindoHostedToolType,
}

/// Kindo-hosted tool types documented in the (truncated) catalog. `kindo_tools` is sugar that
/// Kindo expands into the current set of `kindo_<name>` tools. The catalog continues past
/// these entries; other `kindo_*` types are accepted as unknown tools. Closed here (these five
/// select this schema); the tool union as a whole is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum KindoHostedToolType {
    /// The whole hosted-tool bundle.
    KindoTools,
    /// Sandboxed shell on a Kindo-managed agent workstation.
    KindoShell,
    /// Web search.
    KindoWebSearch,
    /// Drive a headless browser session.
    KindoBrowserControl,
    /// Screenshot of the current browser page.
    KindoBrowserScreenshot,
}

/// `tool_choice`: a mode string or an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ResponseToolChoice {
    Mode(ToolChoiceMode),
    Object(ResponseToolChoiceObject),
}

open_union! {
    /// An object `tool_choice`: `{"type": "function", "name"}` forces one function;
    /// `{"type": "allowed_tools", "mode", "tools"}` restricts the model to a subset for this
    /// request. Open set: other OpenAI forms are forwarded.
    pub enum ResponseToolChoiceObject: "tool choice" {
        Function(ResponseFunctionToolChoice),
        AllowedTools(AllowedToolsChoice),
    }
}

/// Forces a call of the named function.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ResponseFunctionToolChoice {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionTag,
    pub name: String,
}

/// Tag `allowed_tools`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum AllowedToolsTag {
    #[serde(rename = "allowed_tools")]
    AllowedTools,
}

/// Restricts the model to a subset of the available tools.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AllowedToolsChoice {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: AllowedToolsTag,
    /// `auto` or `required` (OpenAI). Optional in the API overview's table.
    pub mode: Option<ToolChoiceMode>,
    /// The permitted tools, e.g. `{"type": "function", "name": "get_weather"}`.
    pub tools: Vec<ResponseTool>,
}
