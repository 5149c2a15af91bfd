//! Error envelopes. Kindo uses a different error body per API surface; each surface's
//! operations reference the envelope that surface documents.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Flat error envelope used by the control plane (models, integrations) and by the shared
/// API-key middleware for `401` on most surfaces.
///
/// The pages disagree on the `401` body: the Chat Completions, Responses and MCP pages show
/// `{"error": "Unauthorized"}`, while the Agents and Conversations pages show the same
/// middleware adding a `message`. The model and integration pages do not document their error
/// bodies at all; the API overview only says error bodies carry a message. `message` is
/// therefore optional here so that every body a client can meet validates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"error": "Unauthorized"}))]
pub struct FlatError {
    /// Short error label, e.g. `Unauthorized`.
    pub error: String,
    /// Human-readable cause, when the server provides one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
