//! What api.kindo.ai states once for its operations, applied after the areas are merged:
//!
//! - every operation takes either API-key scheme (the MCP metadata documents opt out);
//! - every `429` says when to retry in `Retry-After`;
//! - each error family (the operations sharing an envelope, named by their tags or operation
//!   ids) answers `401`, `429` and `500` the same way, unless a stub or a more precise family
//!   listed before it documents the status.
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

/// A family of the OpenAI-compatible surfaces: OpenAI's nested envelope, except the flat `401`
/// of the API-key middleware.
const fn openai(
    members: &'static [&'static str],
    statuses: &'static [(&'static str, &'static str)],
) -> Family {
    Family {
        members,
        body: Some(envelope::<OpenAiError>),
        body_of: &[("401", envelope::<FlatError>)],
        statuses,
    }
}

/// The OpenAI-compatible surfaces.
const OPENAI: Family = openai(
    &["Chat Completions", "Responses", "Conversations"],
    &[
        ("401", "Missing, malformed or revoked API key."),
        ("429", "Organization or user rate limit."),
        ("500", "Unexpected Kindo-side failure."),
    ],
);

/// The generating OpenAI-compatible operations, as Kindo's edge answers them (before
/// `OPENAI`); upstream errors are forwarded verbatim. Also applied on llm.kindo.ai, which
/// serves the same chat completions.
pub const OPENAI_EDGE: Family = openai(
    &["createChatCompletion", "createResponse"],
    &[
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
);

/// The stored conversations' own `401` and `403` (before `OPENAI`).
const CONVERSATIONS: Family = openai(
    &["Conversations"],
    &[
        (
            "401",
            "Missing, malformed or revoked API key (flat envelope from the auth middleware).",
        ),
        (
            "403",
            "`permission_error` / `forbidden`: the caller cannot access this conversation.",
        ),
    ],
);

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
            &CONVERSATIONS,
            &OPENAI,
            &MESSAGES,
        ],
    );
    conventions::retry_after(doc, base::RETRY_AFTER);
}
