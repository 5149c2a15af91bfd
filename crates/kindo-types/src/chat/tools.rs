//! Function tools, `tool_choice`, `response_format` and tool calls.

use super::messages::FunctionTag;
use crate::open_union;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use std::collections::BTreeMap;
use utoipa::ToSchema;

open_union! {
    /// A tool definition, forwarded verbatim. Open set: Kindo documents the `function` tool
    /// (with the nested `function` object, unlike the Responses API); other types OpenAI adds
    /// pass through.
    pub enum ChatTool: "tool" {
        Function(ChatFunctionTool),
    }
}

/// A function tool: the model may call it, your code executes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatFunctionTool {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionTag,
    pub function: FunctionDefinition,
}

/// The callable function of a tool.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionDefinition {
    /// Function name the model calls.
    pub name: String,
    /// What the function does, for the model.
    pub description: Option<String>,
    /// JSON Schema of the arguments object.
    pub parameters: Option<BTreeMap<String, Value>>,
    /// OpenAI strict schema adherence.
    pub strict: Option<bool>,
}

/// `tool_choice`: a mode string or a named tool. All documented forms: `"auto"`, `"none"`,
/// `"required"`, `{"type": "function", "function": {"name": "..."}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ChatToolChoice {
    Mode(ToolChoiceMode),
    Named(ChatNamedToolChoice),
}

/// Tool-choice mode. Closed set (OpenAI's three modes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ToolChoiceMode {
    /// The model decides.
    Auto,
    /// No tool calls.
    None,
    /// At least one tool call.
    Required,
}

open_union! {
    /// An object `tool_choice`. Open set: the documented form forces one function; other
    /// OpenAI forms (e.g. `allowed_tools`) are forwarded verbatim.
    pub enum ChatNamedToolChoice: "tool choice" {
        Function(ChatFunctionToolChoice),
    }
}

/// Forces a call of the named function.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatFunctionToolChoice {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionTag,
    pub function: FunctionName,
}

/// Names a function.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionName {
    pub name: String,
}

/// `response_format`, forwarded verbatim.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatResponseFormat {
    /// `text`, `json_object` or `json_schema` (OpenAI). Open set: forwarded verbatim.
    #[serde(rename = "type")]
    pub r#type: String,
    /// The schema, with `type: json_schema` (`name`, `schema`, `strict`, `description`).
    pub json_schema: Option<BTreeMap<String, Value>>,
    /// Other fields, forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

open_union! {
    /// A tool call made by the model. Open set: `function` is the documented type; other
    /// types OpenAI adds are passed through from upstream.
    pub enum ChatToolCall: "tool call" {
        Function(ChatFunctionToolCall),
    }
}

/// A function call made by the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatFunctionToolCall {
    /// Call id, echoed as `tool_call_id` on the `tool` message answering it (e.g. `call_abc`;
    /// do not assume a prefix).
    pub id: String,
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionTag,
    pub function: FunctionCall,
}

/// The function name and its arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionCall {
    pub name: String,
    /// The arguments as a JSON-encoded string, e.g. `{"location":"San Francisco, CA"}`.
    pub arguments: String,
}
