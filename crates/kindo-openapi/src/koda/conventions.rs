//! The conventions Koda states once for every route. Every operation that declares no security
//! of its own takes any one of the three credentials, except under `/api/runtime/`, where the
//! runtime pages name the control-plane token and the operator session (first-run routes and the
//! readiness probes declare theirs). Each operation under `/api/control-plane/` then gets, unless it documents the status
//! more precisely:
//!
//! - `401` when the route needs credentials (any of the three schemes);
//! - `429` with `Retry-After` for the general operator bucket (auth routes declare their own,
//!   stricter budgets);
//! - `default`: every other non-2xx status carries the structured error body.
//!
//! Runtime routes are left alone: the runtime pages document neither error bodies nor limits.

use utoipa::openapi::OpenApi;
use utoipa::openapi::path::Operation;

use kindo_types::koda::errors::ControlPlaneError;

use super::{BREAK_GLASS, SESSION, TOKEN};
use crate::conventions::{self, add, envelope, response};

const PREFIX: &str = "/api/control-plane/";
const RUNTIME_PREFIX: &str = "/api/runtime/";

pub fn apply(doc: &mut OpenApi) {
    let runtime = conventions::any_of(&[BREAK_GLASS, SESSION]);
    for (path, op) in conventions::operations_by_path(doc) {
        if path.starts_with(RUNTIME_PREFIX) {
            op.security.get_or_insert_with(|| runtime.clone());
        }
    }
    conventions::default_security(doc, &conventions::any_of(&[TOKEN, BREAK_GLASS, SESSION]));
    let error_schema =
        envelope::<ControlPlaneError>(doc.components.get_or_insert_with(Default::default));
    let error_response = |description: &str| response(description, Some(&error_schema));
    for (path, op) in conventions::operations_by_path(doc) {
        let Some(route) = path.strip_prefix(PREFIX) else {
            continue;
        };
        if needs_credentials(op) {
            add(op, "401", error_response(UNAUTHORIZED));
        }
        let budget = STRICT_BUCKETS
            .iter()
            .find(|(strict, _)| *strict == route)
            .map_or(GENERAL_BUCKET, |(_, budget)| *budget);
        add(op, "429", error_response(budget));
        add(op, "default", error_response(OTHER));
    }
    conventions::retry_after(doc, "Seconds (or an HTTP date) to wait before retrying.");
}

const UNAUTHORIZED: &str = "No valid credential: the session cookie, API token or break-glass \
token is missing, revoked or expired (e.g. `auth.session_expired`).";

const OTHER: &str = "Any other error. Every non-2xx control-plane response carries this body; \
branch on its stable `code`.";

/// The general operator budget, for routes without a stricter one.
const GENERAL_BUCKET: &str = "The general operator rate limit (120 requests per minute by \
default, set by `CONTROL_PLANE_RATE_LIMIT`) is exhausted.";

/// The stricter per-IP or per-user budgets of auth routes (Koda's security page). Failure
/// paths are also slowed to about 300 ms to blunt timing-based enumeration.
const STRICT_BUCKETS: &[(&str, &str)] = &[
    (
        "auth/login",
        "More than 5 login attempts from this IP in 5 minutes.",
    ),
    (
        "auth/register-owner",
        "More than 3 owner registrations from this IP in an hour.",
    ),
    (
        "auth/password/recover",
        "More than 5 password recoveries from this IP in an hour.",
    ),
    (
        "auth/password/change",
        "More than 10 password changes by this operator in an hour.",
    ),
];

/// `false` when the operation allows the empty security requirement (no credentials).
fn needs_credentials(op: &Operation) -> bool {
    let Some(requirements) = &op.security else {
        return false;
    };
    !requirements.is_empty()
        && requirements.iter().all(|r| {
            serde_json::to_value(r)
                .ok()
                .and_then(|v| v.as_object().map(|o| !o.is_empty()))
                .unwrap_or(false)
        })
}
