//! Error envelopes. Kindo uses a different error body per API surface; each surface's
//! operations reference the envelope that surface documents.

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

/// Flat error envelope used by the control plane (models, integrations) and by the shared
/// API-key middleware for `401` on most surfaces.
///
/// The pages disagree on the `401` body: the Chat Completions, Responses and MCP pages show
/// `{"error": "Unauthorized"}`, while the Agents and Conversations pages show the same
/// middleware adding a `message`. The model and integration pages do not document their error
/// bodies at all; the API overview only says error bodies carry a message. `message` is
/// therefore optional here so that every body a client can meet validates.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"error": "Unauthorized"}))]
pub struct FlatError {
    /// Short error label, e.g. `Unauthorized`.
    pub error: String,
    /// Human-readable cause, when the server provides one.
    pub message: Option<String>,
}

/// Flat error envelope of the Agents and Runs endpoints: a short label plus the specific cause.
///
/// The Agents error page documents this body for every status of the surface, including `401`
/// from the auth middleware. Permission denials on an agent or run collapse to `404`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"error": "Not found", "message": "Agent 18d20df4-d9b3-4cb0-a009-9f11ec9c5d3d not found."}))]
pub struct AgentsError {
    /// Status label: `Bad Request`, `Unauthorized`, `Not found`, `Unprocessable Entity`,
    /// `Too Many Requests` or `Internal Server Error`. Open set: treat it as text.
    pub error: String,
    /// The specific cause, e.g. which agent was not found or which input is missing.
    pub message: String,
}

/// OpenAI's nested error envelope, used by Kindo's edge on Chat Completions, Responses and
/// Conversations for every status except `401` (which is a `FlatError`).
///
/// The same shape also arrives inside a `200` SSE stream as the payload of an `event: error`
/// frame (`code: stream_error`), after which the stream ends. Errors that originate upstream
/// (LiteLLM or the provider) are forwarded verbatim with the upstream body and content type and
/// need not match this schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"error": {"message": "Model 'unknown-model' not found.", "type": "invalid_request_error", "code": "model_not_found"}}))]
pub struct OpenAiError {
    pub error: OpenAiErrorBody,
}

/// The body of an `OpenAiError`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OpenAiErrorBody {
    /// Human-readable cause.
    pub message: String,
    /// Error class. Open set: Kindo documents `invalid_request_error`, `permission_error`,
    /// `not_found` (Responses), `not_found_error` (Conversations), `rate_limit_error` and
    /// `server_error`; forwarded upstream errors may carry others.
    #[serde(rename = "type")]
    pub r#type: String,
    /// Machine-readable cause. Open set: Kindo documents `invalid_body`, `model_not_found`,
    /// `unsupported_parameter`, `unsupported_tool_type`, `mutually_exclusive_parameters`,
    /// `agent_version_pinning_unsupported`, `agent_not_invocable`, `agent_inputs_unmappable`,
    /// `previous_response_not_found`, `invalid_cursor`, `forbidden`, `not_found`,
    /// `model_access_denied`, `internal_error`, `upstream_empty_body` and (mid-stream)
    /// `stream_error`. Absent on the Responses `404 not_found` and on `429`; OpenAI-style
    /// bodies may send it as `null`.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub code: Option<Option<String>>,
    /// The request field at fault, when the server names one (OpenAI sends `null` otherwise).
    /// Not shown in Kindo's examples.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub param: Option<Option<String>>,
}
