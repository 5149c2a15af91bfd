//! Request conventions shared by many control-plane routes: pagination and idempotency.

use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

/// Query parameters of every paginated list endpoint.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Largest number of entries to return in one page. The default and the maximum are not
    /// documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(minimum = 1, nullable = false)]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page; omit it for the first page.
    #[param(nullable = false)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// The optional idempotency header of creation endpoints.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IdempotencyHeader {
    /// A client-chosen key (e.g. a UUID) that makes the creation safe to retry: a retried
    /// request with the same key returns the original response (status and body) instead of
    /// creating a second resource. How long keys are remembered is not documented.
    #[serde(
        rename = "Idempotency-Key",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[param(nullable = false)]
    pub idempotency_key: Option<String>,
}
