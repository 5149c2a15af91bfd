//! The structured error body every non-2xx control-plane response carries.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// Error body of the control plane: a stable machine `code`, a human `message` and optional
/// `details`.
///
/// Codes are dotted strings that do not change between releases; the pages name
/// `auth.session_expired`, `provider.credential_invalid` and `agent.not_found` as examples of
/// an open set. Branch on `code`, never on `message`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"code": "agent.not_found", "message": "Agent atlas was not found."}))]
pub struct ControlPlaneError {
    /// Stable machine-readable error code, e.g. `auth.session_expired`. Open set.
    pub code: String,
    /// Human-readable explanation; wording may change.
    pub message: String,
    /// Extra context about the failure. Its shape is not documented: any JSON value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Value>,
}
