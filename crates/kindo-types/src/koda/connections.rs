//! The connection catalogue, system-default connections, verification results and integration
//! health.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// One entry of the connection catalogue: a supported provider or integration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CatalogEntry {
    /// Canonical key of the connection, e.g. `core:jira`, `core:aws` or `mcp:<server_key>`;
    /// the `{connection_key}` of the default-connection routes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_key: Option<String>,
    /// Other fields (ownership, auth strategies, support metadata), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

page! {
    /// Every provider and integration this installation supports.
    CatalogPage of CatalogEntry
}

undocumented_object! {
    /// Body of `PUT /connections/defaults/{connection_key}`: the connection material to store
    /// as the system default. Storing it does not grant any agent access; grants live in each
    /// agent's `resource_access_policy.integration_grants`.
    DefaultConnectionUpdate
}

/// The system-default connection of an integration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DefaultConnection {
    /// Canonical key, e.g. `core:browser`, `core:jira`, `core:confluence`, `core:gws`,
    /// `core:aws`, `core:gh`, `core:glab` or `mcp:<server_key>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_key: Option<String>,
    /// Canonical state. Known values: `not_configured`, `configured`, `verified`, `error`;
    /// the docs call these typical, so treat others as possible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// How the connection authenticates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_method: Option<String>,
    /// How the last verification reached the integration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_via: Option<String>,
    /// `true` when verification found the stored authentication expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_expired: Option<bool>,
    /// Other fields (account metadata, field payloads, capabilities), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The outcome of a round-trip verification of a provider or default connection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct VerificationResult {
    /// The verification verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// How the check reached the provider or integration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_via: Option<String>,
    /// `true` when the stored authentication was found expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_expired: Option<bool>,
    /// Probe details. Shape not documented: any JSON value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Value>,
    /// Other fields (account labels, the refreshed connection payload), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The verdict inside a [`VerificationResult`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Verification {
    /// `true` when the round trip succeeded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// Other fields, passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One recorded health check of an integration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HealthSnapshot {
    /// Connection state at the time of the check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_status: Option<String>,
    /// Health status, e.g. `verified` or `degraded`. Open set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Other fields (check timestamps, probe details), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

page! {
    /// Recent health snapshots of one integration.
    HealthPage of HealthSnapshot
}

/// Path of the routes on one system-default connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ConnectionKeyPath {
    /// Canonical connection key from the catalogue, e.g. `core:jira`.
    pub connection_key: String,
}

/// Path of `GET /integrations/{integration_id}/health`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct IntegrationPath {
    /// The integration's id, e.g. `jira`.
    pub integration_id: String,
}
