//! What api.kindo.ai states once for its operations, applied after the areas are merged:
//!
//! - every operation takes either API-key scheme (the MCP metadata documents opt out);
//! - every `429` says when to retry in `Retry-After`;
//! - each error family (the operations sharing an envelope, named by their tags) answers
//!   `401`, `429` and `500` the same way, unless a stub documents the status more precisely.
//!
//! The MCP gateway is in no family: its `401` carries `WWW-Authenticate`, it documents no `429`
//! and its other error bodies are not documented.

use kindo_types::errors::{AgentsError, FlatError, OpenAiError};
use kindo_types::messages::errors::MessagesError;
use utoipa::openapi::OpenApi;

use crate::base;
use crate::conventions::{self, Family, envelope};

/// Agents and runs: the Agents error page's flat `{error, message}` body on every status.
const AGENTS: Family = Family {
    tags: &["Agents", "Runs"],
    body: Some(envelope::<AgentsError>),
    body_of: &[],
    statuses: &[
        (
            "401",
            "Missing, malformed or revoked API key (emitted by the auth middleware).",
        ),
        ("429", "Organization or user rate limit reached."),
        ("500", "Unexpected Kindo-side failure."),
    ],
};

/// Models and integrations: the flat envelope of the platform endpoints.
const PLATFORM: Family = Family {
    tags: &["Models", "Integrations"],
    body: Some(envelope::<FlatError>),
    body_of: &[],
    statuses: &[
        ("401", "Missing, malformed or revoked API key."),
        ("429", "Organization or user rate limit reached."),
        ("500", "Unexpected Kindo-side failure."),
    ],
};

/// The OpenAI-compatible surfaces: OpenAI's nested envelope, except the API-key middleware's
/// flat `401`. Also applied on llm.kindo.ai, which serves the same chat completions.
pub const OPENAI: Family = Family {
    tags: &["Chat Completions", "Responses", "Conversations"],
    body: Some(envelope::<OpenAiError>),
    body_of: &[("401", envelope::<FlatError>)],
    statuses: &[
        ("401", "Missing, malformed or revoked API key."),
        ("429", "Organization or user rate limit."),
        ("500", "Unexpected Kindo-side failure."),
    ],
};

/// The Anthropic-compatible Messages API: Anthropic's typed envelope on every status.
const MESSAGES: Family = Family {
    tags: &["Messages"],
    body: Some(envelope::<MessagesError>),
    body_of: &[],
    statuses: &[
        (
            "401",
            "`authentication_error`: missing, malformed or revoked API key.",
        ),
        (
            "429",
            "`rate_limit_error`: organization or user rate limit.",
        ),
        ("500", "`api_error`: unexpected Kindo-side failure."),
    ],
};

pub fn apply(doc: &mut OpenApi) {
    conventions::default_security(doc, &base::security());
    conventions::apply_families(doc, &[&AGENTS, &PLATFORM, &OPENAI, &MESSAGES]);
    conventions::retry_after(doc, base::RETRY_AFTER);
}
