//! Anthropic's error envelope, used by every Kindo-edge error on the Messages API and by the
//! mid-stream `error` event.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::open_tag::tag;

tag!(/// Always `error`.
    ErrorEnvelopeType::Error = "error");

/// `{"type": "error", "error": {"type": ..., "message": ...}}`. Unlike the Chat Completions
/// and Responses envelopes there is no `code` field, and `401` uses this typed shape rather
/// than `{"error": "Unauthorized"}`. Errors that originate upstream are forwarded verbatim with
/// the upstream body and content type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"type": "error", "error": {"type": "invalid_request_error", "message": "max_tokens is required"}}))]
pub struct MessagesError {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ErrorEnvelopeType,
    pub error: MessagesErrorDetail,
}

/// The error itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessagesErrorDetail {
    /// Error type. Open set. Kindo's edge sends `invalid_request_error` (400),
    /// `authentication_error` (401), `permission_error` (403), `rate_limit_error` (429),
    /// `api_error` (500) and `upstream_empty_body` (502, where the Chat/Responses APIs put it
    /// in `code`); forwarded upstream errors and stream errors add Anthropic's others
    /// (`not_found_error`, `request_too_large`, `overloaded_error`, ...).
    #[serde(rename = "type")]
    #[schema(examples("invalid_request_error", "overloaded_error"))]
    pub kind: String,
    /// Human-readable cause.
    pub message: String,
}
