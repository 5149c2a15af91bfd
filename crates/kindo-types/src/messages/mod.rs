//! The Anthropic-compatible Messages API on api.kindo.ai: `POST /v1/messages` and
//! `POST /v1/messages/count_tokens`.
//!
//! Kindo validates the core fields and forwards the rest of the body verbatim (its validator
//! uses `passthrough()`), so request types list every documented field and still accept
//! unknown ones. Responses, stream events and upstream errors are Anthropic's own, forwarded
//! verbatim; provider-extended sets (content block types, delta types, event types, stop
//! reasons, error types) are modelled open.

pub mod content;
pub mod count_tokens;
pub mod errors;
pub mod headers;
pub mod request;
pub mod response;
pub mod stream;
