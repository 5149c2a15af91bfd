//! The conventions Koda states once for every control-plane route, applied to each operation
//! under `/api/control-plane/` that does not already document the status more precisely:
//!
//! - `401` when the route needs credentials (any of the three schemes);
//! - `429` with `Retry-After` for the general operator bucket (auth routes declare their own,
//!   stricter budgets);
//! - `default`: every other non-2xx status carries the structured error body.
//!
//! Runtime routes are left alone: the runtime pages document neither error bodies nor limits.

use utoipa::PartialSchema;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{
    ContentBuilder, HeaderBuilder, OpenApi, Ref, RefOr, Response, ResponseBuilder,
};

use kindo_types::koda::errors::ControlPlaneError;

const PREFIX: &str = "/api/control-plane/";
const ERROR_SCHEMA: &str = "ControlPlaneError";

pub fn apply(doc: &mut OpenApi) {
    doc.components
        .get_or_insert_with(Default::default)
        .schemas
        .insert(ERROR_SCHEMA.into(), ControlPlaneError::schema());
    for (path, item) in doc.paths.paths.iter_mut() {
        if !path.starts_with(PREFIX) {
            continue;
        }
        for op in operations(item) {
            if needs_credentials(op) {
                add(op, "401", unauthorized());
            }
            let budget = STRICT_BUCKETS
                .iter()
                .find(|(route, _)| path.strip_prefix(PREFIX) == Some(*route))
                .map_or(GENERAL_BUCKET, |(_, budget)| *budget);
            add(op, "429", rate_limited(budget));
            add(
                op,
                "default",
                error_response(
                    "Any other error. Every non-2xx control-plane response carries this body; \
branch on its stable `code`.",
                ),
            );
        }
    }
}

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

/// A `429` response with `Retry-After`, described by the budget it enforces.
fn rate_limited(budget: &str) -> Response {
    let mut response = error_response(budget);
    let header = HeaderBuilder::new()
        .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
        .description(Some("Seconds (or an HTTP date) to wait before retrying."))
        .build();
    response
        .headers
        .insert("Retry-After".into(), RefOr::T(header));
    response
}

fn unauthorized() -> Response {
    error_response(
        "No valid credential: the session cookie, API token or break-glass token is missing, \
revoked or expired (e.g. `auth.session_expired`).",
    )
}

fn error_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name(ERROR_SCHEMA)))
                .build(),
        )
        .build()
}

fn add(op: &mut Operation, status: &str, response: Response) {
    op.responses
        .responses
        .entry(status.into())
        .or_insert(RefOr::T(response));
}

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

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.options,
        &mut item.head,
        &mut item.patch,
        &mut item.trace,
    ]
    .into_iter()
    .flatten()
}
