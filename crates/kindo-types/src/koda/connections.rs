//! The connection catalogue, system-default connections, verification results and integration
//! health.

use serde::{Deserialize, Serialize};
use serde_json::Value;

open_record! {
    /// One entry of the connection catalogue: a supported provider or integration.
    CatalogEntry {
        /// Canonical key of the connection, e.g. `core:jira`, `core:aws` or `mcp:<server_key>`;
        /// the `{connection_key}` of the default-connection routes.
        connection_key: String,
    }
    /// Other fields (ownership, auth strategies, support metadata), passed through.
    ..
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

open_record! {
    /// The system-default connection of an integration.
    DefaultConnection {
        /// Canonical key, e.g. `core:browser`, `core:jira`, `core:confluence`, `core:gws`,
        /// `core:aws`, `core:gh`, `core:glab` or `mcp:<server_key>`.
        connection_key: String,
        /// Canonical state. Known values: `not_configured`, `configured`, `verified`, `error`;
        /// the docs call these typical, so treat others as possible.
        status: String,
        /// How the connection authenticates.
        auth_method: String,
    } + probe
    /// Other fields (account metadata, field payloads, capabilities), passed through.
    ..
}

open_record! {
    /// The outcome of a round-trip verification of a provider or default connection.
    VerificationResult {
        /// The verification verdict.
        verification: Verification,
        /// Probe details. Shape not documented: any JSON value.
        details: Value,
    } + probe
    /// Other fields (account labels, the refreshed connection payload), passed through.
    ..
}

open_record! {
    /// The verdict inside a [`VerificationResult`].
    Verification {
        /// `true` when the round trip succeeded.
        verified: bool,
    }
    /// Other fields, passed through.
    ..
}

open_record! {
    /// One recorded health check of an integration.
    HealthSnapshot {
        /// Connection state at the time of the check.
        connection_status: String,
        /// Health status, e.g. `verified` or `degraded`. Open set.
        status: String,
    }
    /// Other fields (check timestamps, probe details), passed through.
    ..
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
