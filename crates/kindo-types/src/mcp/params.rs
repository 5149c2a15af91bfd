//! Header and query parameters of `POST /v1/mcp`.

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;
use utoipa::IntoParams;

/// Headers of an MCP request.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct McpHeaders {
    /// Required by the Streamable HTTP transport: must list both `application/json` and
    /// `text/event-stream` (send `application/json, text/event-stream`); without
    /// `text/event-stream` the gateway answers `406`. MCP SDKs and `mcp-remote` set it. (Some
    /// OpenAPI tools ignore a declared `Accept` parameter and derive the header from the
    /// response media types instead; both media types are declared on `200`.)
    #[serde(rename = "Accept")]
    #[param(example = "application/json, text/event-stream")]
    pub accept: String,
    /// Integration allow-list, comma-separated integration ids (e.g. `linear,github`). Narrows
    /// `tools/list`; never grants access. Ignored when the `integrations` query parameter is
    /// present.
    #[serde(rename = "x-kindo-integrations")]
    #[param(value_type = String, required = false, example = "linear,github")]
    pub x_kindo_integrations: Option<String>,
}

/// Query parameters of an MCP request.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct McpQuery {
    /// Integration allow-list (Kindo extension): `?integrations=linear,github` or the repeated
    /// form `?integrations=linear&integrations=github`; each value may itself be
    /// comma-separated. Narrows `tools/list` to those integrations' tools (ids must match
    /// exactly); integrations the account cannot reach are silently dropped, never an error.
    /// Wins over the `x-kindo-integrations` header.
    #[param(style = Form, explode)]
    pub integrations: Option<Vec<String>>,
}
