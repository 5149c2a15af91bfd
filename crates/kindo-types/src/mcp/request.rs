//! JSON-RPC requests accepted by `POST /v1/mcp`: one envelope per HTTP request.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

use crate::open_tag::tag;
use crate::open_union;

tag!(/// Always `2.0`.
    JsonRpcVersion::V2 = "2.0");
tag!(/// Always `initialize`.
    InitializeMethod::Initialize = "initialize");
tag!(/// Always `ping`.
    PingMethod::Ping = "ping");
tag!(/// Always `tools/list`.
    ToolsListMethod::ToolsList = "tools/list");
tag!(/// Always `tools/call`.
    ToolsCallMethod::ToolsCall = "tools/call");
tag!(/// Always `prompts/list`.
    PromptsListMethod::PromptsList = "prompts/list");
tag!(/// Always `prompts/get`.
    PromptsGetMethod::PromptsGet = "prompts/get");

/// A JSON-RPC request id: a number or a string, echoed in the response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum JsonRpcId {
    Number(i64),
    String(String),
}

open_union! {
    /// One JSON-RPC message sent to the gateway. The documented methods have their own schemas;
    /// any other method (notifications such as `notifications/initialized`, or the unsupported
    /// `resources/list` / `resources/read`, which get a `-32601` error) is a valid envelope and
    /// matches [`OtherMcpRequest`].
    pub enum McpRequest: "JSON-RPC message" by "method" {
        Initialize(InitializeRequest),
        Ping(PingRequest),
        ToolsList(ToolsListRequest),
        ToolsCall(ToolsCallRequest),
        PromptsList(PromptsListRequest),
        PromptsGet(PromptsGetRequest),
    }
    other = Other(OtherMcpRequest)
}

/// `initialize`: the handshake most clients send once per connection; the result carries the
/// server's capabilities and identity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InitializeRequest {
    #[schema(inline)]
    pub jsonrpc: JsonRpcVersion,
    pub id: JsonRpcId,
    #[schema(inline)]
    pub method: InitializeMethod,
    pub params: InitializeParams,
}

/// Parameters of `initialize` (MCP).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InitializeParams {
    /// The MCP revision the client speaks. Kindo's request-shape page says the gateway
    /// implements `2024-11-05`.
    #[schema(example = "2024-11-05")]
    pub protocol_version: String,
    /// Client capabilities (MCP-defined, passed through).
    pub capabilities: BTreeMap<String, Value>,
    pub client_info: Implementation,
}

/// Name and version of an MCP client or server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Implementation {
    pub name: String,
    pub version: String,
}

/// `ping`: no-op heartbeat; the result is `{}`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PingRequest {
    #[schema(inline)]
    pub jsonrpc: JsonRpcVersion,
    pub id: JsonRpcId,
    #[schema(inline)]
    pub method: PingMethod,
    pub params: Option<BTreeMap<String, Value>>,
}

/// `tools/list`: the tools the API key is entitled to, narrowed by the integrations filter.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ToolsListRequest {
    #[schema(inline)]
    pub jsonrpc: JsonRpcVersion,
    pub id: JsonRpcId,
    #[schema(inline)]
    pub method: ToolsListMethod,
    pub params: Option<PaginatedParams>,
}

/// Parameters of the list methods.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PaginatedParams {
    /// `nextCursor` of the previous page (MCP pagination; Kindo documents no paging).
    pub cursor: Option<String>,
}

/// `tools/call`: run a tool on the resolved upstream integration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ToolsCallRequest {
    #[schema(inline)]
    pub jsonrpc: JsonRpcVersion,
    pub id: JsonRpcId,
    #[schema(inline)]
    pub method: ToolsCallMethod,
    pub params: ToolsCallParams,
}

/// Parameters of `tools/call`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ToolsCallParams {
    /// A name from `tools/list`, prefixed with its integration id (`linear_list_issues`) or
    /// `platform_` for first-party tools. Unknown or unauthorised names get `-32602`.
    pub name: String,
    /// Arguments matching the tool's `inputSchema`.
    pub arguments: Option<BTreeMap<String, Value>>,
}

/// `prompts/list`: the prompts the API key is entitled to.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PromptsListRequest {
    #[schema(inline)]
    pub jsonrpc: JsonRpcVersion,
    pub id: JsonRpcId,
    #[schema(inline)]
    pub method: PromptsListMethod,
    pub params: Option<PaginatedParams>,
}

/// `prompts/get`: one prompt, rendered with the given arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PromptsGetRequest {
    #[schema(inline)]
    pub jsonrpc: JsonRpcVersion,
    pub id: JsonRpcId,
    #[schema(inline)]
    pub method: PromptsGetMethod,
    pub params: PromptsGetParams,
}

/// Parameters of `prompts/get`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PromptsGetParams {
    pub name: String,
    /// Prompt arguments; MCP defines the values as strings.
    pub arguments: Option<BTreeMap<String, String>>,
}

/// Any other JSON-RPC message: a notification (no `id`) or a method the gateway does not
/// implement (answered with `-32601`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OtherMcpRequest {
    #[schema(inline)]
    pub jsonrpc: JsonRpcVersion,
    /// Absent on notifications.
    pub id: Option<JsonRpcId>,
    #[serde(deserialize_with = "McpRequest::reject_known_tag")]
    #[schema(schema_with = McpRequest::catch_all_tag_schema)]
    pub method: String,
    pub params: Option<Value>,
}
