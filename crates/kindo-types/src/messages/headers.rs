//! Optional request headers that Kindo forwards to the upstream provider.
//!
//! utoipa renders an `Option` header parameter as nullable, which no HTTP header can be (and
//! for which progenitor generates `Option<Option<T>>` code that does not compile), so each one
//! is declared as a plain optional string.

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;
use utoipa::IntoParams;

/// Anthropic protocol headers, forwarded upstream when present.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct AnthropicHeaders {
    /// Anthropic API version. The Anthropic SDKs and Claude Code set their own (anthropic-python
    /// 2.12.0 sends `2026-10-21`); raw HTTP clients should send `2023-06-01`.
    #[serde(rename = "anthropic-version")]
    #[param(value_type = String, required = false, example = "2023-06-01")]
    pub anthropic_version: Option<String>,
    /// Comma-separated Anthropic beta feature flags.
    #[serde(rename = "anthropic-beta")]
    #[param(value_type = String, required = false)]
    pub anthropic_beta: Option<String>,
    /// Claude Code session id, forwarded for upstream session continuity.
    #[serde(rename = "x-claude-code-session-id")]
    #[param(value_type = String, required = false)]
    pub x_claude_code_session_id: Option<String>,
}
