//! JSON-RPC responses of `POST /v1/mcp`, sent with HTTP `200` either as the JSON body or as the
//! `data` of a `text/event-stream` event.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

use super::request::{JsonRpcId, JsonRpcVersion};

/// A JSON-RPC response: a result, or an error (protocol failures also use HTTP `200`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum McpResponse {
    Result(JsonRpcResult),
    Error(JsonRpcErrorResponse),
}

crate::stream_events::stream_table! {
    /// The events of an MCP answer sent as `text/event-stream`: unnamed frames, each one
    /// JSON-RPC message; the stream ends with the end of the body.
    pub const MCP_STREAM for McpResponse, open: true, done: None, {
        "message" => McpResponse;
    }
}

/// A successful response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct JsonRpcResult {
    #[schema(inline)]
    pub jsonrpc: JsonRpcVersion,
    /// The request's `id`.
    pub id: JsonRpcId,
    /// The method's result; its shape depends on the request's `method`: `InitializeResult`,
    /// `ToolsListResult`, `ToolsCallResult`, `PromptsListResult`, `PromptsGetResult`, or `{}`
    /// for `ping` (see those schemas).
    pub result: BTreeMap<String, Value>,
}

/// A failed request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct JsonRpcErrorResponse {
    #[schema(inline)]
    pub jsonrpc: JsonRpcVersion,
    /// The request's `id`; `null` when it could not be read.
    #[schema(required = true)]
    pub id: Option<JsonRpcId>,
    pub error: JsonRpcError,
}

/// The error object.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct JsonRpcError {
    /// Open set of integers. Documented by Kindo: `-32000` custom Kindo error (most often
    /// `data.reason` = `credentials_unavailable`: the upstream connection's credentials are
    /// revoked or expired), `-32601` method not found (`resources/*`, or a disabled
    /// integration's tools), `-32602` invalid params (unknown tool, malformed arguments, or a
    /// tool the account may not call). Standard JSON-RPC codes (`-32700`, `-32600`, `-32603`)
    /// may also appear.
    #[schema(examples(-32000, -32601, -32602))]
    pub code: i64,
    pub message: String,
    /// Extra detail. For `-32000` Kindo sends an object with a `reason`, e.g.
    /// `{"reason": "credentials_unavailable"}`; JSON-RPC allows any value.
    pub data: Option<Value>,
}
