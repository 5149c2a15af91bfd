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
use crate::conventions::{self, Family, Status, envelope};

/// Agents and runs: the Agents error page's flat `{error, message}` body on every status.
const AGENTS: Family = Family {
    tags: &["Agents", "Runs"],
    statuses: &[
        Status {
            code: "401",
            description: "Missing, malformed or revoked API key (emitted by the auth middleware).",
            body: Some(envelope::<AgentsError>),
        },
        Status {
            code: "429",
            description: "Organization or user rate limit reached.",
            body: Some(envelope::<AgentsError>),
        },
        Status {
            code: "500",
            description: "Unexpected Kindo-side failure.",
            body: Some(envelope::<AgentsError>),
        },
    ],
};

/// Models and integrations: the flat envelope of the platform endpoints.
const PLATFORM: Family = Family {
    tags: &["Models", "Integrations"],
    statuses: &[
        Status {
            code: "401",
            description: "Missing, malformed or revoked API key.",
            body: Some(envelope::<FlatError>),
        },
        Status {
            code: "429",
            description: "Organization or user rate limit reached.",
            body: Some(envelope::<FlatError>),
        },
        Status {
            code: "500",
            description: "Unexpected Kindo-side failure.",
            body: Some(envelope::<FlatError>),
        },
    ],
};

/// The OpenAI-compatible surfaces: OpenAI's nested envelope, except the API-key middleware's
/// flat `401`. Also applied on llm.kindo.ai, which serves the same chat completions.
pub const OPENAI: Family = Family {
    tags: &["Chat Completions", "Responses", "Conversations"],
    statuses: &[
        Status {
            code: "401",
            description: "Missing, malformed or revoked API key.",
            body: Some(envelope::<FlatError>),
        },
        Status {
            code: "429",
            description: "Organization or user rate limit.",
            body: Some(envelope::<OpenAiError>),
        },
        Status {
            code: "500",
            description: "Unexpected Kindo-side failure.",
            body: Some(envelope::<OpenAiError>),
        },
    ],
};

/// The Anthropic-compatible Messages API: Anthropic's typed envelope on every status.
const MESSAGES: Family = Family {
    tags: &["Messages"],
    statuses: &[
        Status {
            code: "401",
            description: "`authentication_error`: missing, malformed or revoked API key.",
            body: Some(envelope::<MessagesError>),
        },
        Status {
            code: "429",
            description: "`rate_limit_error`: organization or user rate limit.",
            body: Some(envelope::<MessagesError>),
        },
        Status {
            code: "500",
            description: "`api_error`: unexpected Kindo-side failure.",
            body: Some(envelope::<MessagesError>),
        },
    ],
};

pub fn apply(doc: &mut OpenApi) {
    conventions::default_security(doc, &base::security());
    conventions::apply_families(doc, &[&AGENTS, &PLATFORM, &OPENAI, &MESSAGES]);
    conventions::retry_after(doc, base::RETRY_AFTER);
}
