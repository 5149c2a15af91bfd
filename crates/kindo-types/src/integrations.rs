//! `/v1/integrations/connections`: the read view of integration connections and the setter for
//! the preferred (default) connection of an integration.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Every connection the caller can see, including shared group connections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConnectionList {
    /// The connections, unpaginated.
    pub data: Vec<IntegrationConnection>,
}

/// One integration connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct IntegrationConnection {
    /// Connection id; pass it as `connection_id` when setting a default.
    pub id: String,
    /// Display name from the Kindo Terminal.
    pub display_name: String,
    /// The integration's `nangoIntegrationId` (e.g. `linear`, `github`); the same value is the
    /// `{integration_id}` path segment of the default-setter.
    pub integration_config_id: String,
    /// Upstream Nango connection id.
    pub nango_connection_id: String,
    /// `true` when this connection is the preferred default for its integration.
    pub is_preferred: bool,
    /// ISO-8601 creation timestamp.
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// Body of `POST /v1/integrations/connections/{integration_id}/default`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SetDefaultConnectionRequest {
    /// Id of a connection belonging to the integration in the path.
    pub connection_id: String,
}

/// The preferred connection now in effect for the integration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DefaultConnection {
    /// The integration (`nangoIntegrationId`) whose default was set.
    pub integration_config_id: String,
    /// The connection that is now preferred.
    pub connection_id: String,
}
