//! What api.kindo.ai states once for its operations, applied after the areas are merged:
//!
//! - every operation takes either API-key scheme (the MCP metadata documents opt out);
//! - every `429` says when to retry in `Retry-After`;
//! - each error family (the operations sharing an envelope, named by their tags or operation
//!   ids) answers its statuses (at least `401`, `429` and `500`) the same way, unless a stub
//!   documents the status more precisely.
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
    members: &["Agents", "Runs"],
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
    members: &["Models", "Integrations"],
    body: Some(envelope::<FlatError>),
    body_of: &[],
    statuses: &[
        ("401", "Missing, malformed or revoked API key."),
        ("429", "Organization or user rate limit reached."),
        ("500", "Unexpected Kindo-side failure."),
    ],
};

/// The generating OpenAI-compatible operations, as Kindo's edge answers them: OpenAI's nested
/// envelope, except the API-key middleware's flat `401`; upstream errors are forwarded verbatim.
/// Also applied on llm.kindo.ai, which serves the same chat completions.
pub const OPENAI_EDGE: Family = Family {
    members: &["createChatCompletion", "createResponse"],
    body: Some(envelope::<OpenAiError>),
    body_of: &[("401", envelope::<FlatError>)],
    statuses: &[
        (
            "401",
            "Missing, malformed or revoked API key (plain envelope from the API-key middleware).",
        ),
        (
            "403",
            "`permission_error` / `model_access_denied`: the key is valid but the user's groups do not grant the model.",
        ),
        (
            "429",
            "`rate_limit_error`: organization or user rate limit.",
        ),
        (
            "500",
            "`server_error` / `internal_error`: unexpected Kindo-side failure.",
        ),
        (
            "502",
            "`server_error` / `upstream_empty_body`: the upstream returned an empty body.",
        ),
    ],
};

/// The other Responses operations: the same envelopes, with the generic statuses.
const OPENAI: Family = Family {
    members: &["Responses"],
    body: Some(envelope::<OpenAiError>),
    body_of: &[("401", envelope::<FlatError>)],
    statuses: &[
        ("401", "Missing, malformed or revoked API key."),
        ("429", "Organization or user rate limit."),
        ("500", "Unexpected Kindo-side failure."),
    ],
};

/// The stored conversations: OpenAI's nested envelope, except the auth middleware's flat `401`.
const CONVERSATIONS: Family = Family {
    members: &["Conversations"],
    body: Some(envelope::<OpenAiError>),
    body_of: &[("401", envelope::<FlatError>)],
    statuses: &[
        (
            "401",
            "Missing, malformed or revoked API key (flat envelope from the auth middleware).",
        ),
        (
            "403",
            "`permission_error` / `forbidden`: the caller cannot access this conversation.",
        ),
        ("429", "Organization or user rate limit."),
        ("500", "Unexpected Kindo-side failure."),
    ],
};

/// The Anthropic-compatible Messages API: Anthropic's typed envelope on every status.
const MESSAGES: Family = Family {
    members: &["Messages"],
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
    conventions::apply_families(
        doc,
        &[
            &AGENTS,
            &PLATFORM,
            &OPENAI_EDGE,
            &OPENAI,
            &CONVERSATIONS,
            &MESSAGES,
        ],
    );
    conventions::retry_after(doc, base::RETRY_AFTER);
}
