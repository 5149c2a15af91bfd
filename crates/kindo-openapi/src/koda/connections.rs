//! Connections & integrations: the catalogue, system-default connections and health.

use kindo_types::koda::connections::{
    CatalogPage, ConnectionKeyPath, DefaultConnection, DefaultConnectionUpdate, HealthPage,
    IntegrationPath, VerificationResult,
};
use kindo_types::koda::conventions::PageQuery;

use crate::area::area;

area! {
    tag = "Connections & integrations";

    /// List the connection catalogue
    ///
    /// Every provider and integration the installation supports, with canonical connection keys.
    get "/api/control-plane/connections/catalog" listConnectionCatalog params(PageQuery)
        => 200 CatalogPage "One page of the catalogue.";

    /// Set a system-default connection
    ///
    /// Stores the connection an integration uses by default. This does not grant any agent access:
    /// grants live in each agent's spec under `resource_access_policy.integration_grants`.
    put "/api/control-plane/connections/defaults/{connection_key}" setDefaultConnection
        params(ConnectionKeyPath)
        json(DefaultConnectionUpdate)
        => 200 DefaultConnection "The updated default connection.";

    /// Verify a system-default connection
    ///
    /// Makes a round trip with the default connection and records its status, how it was checked,
    /// whether authentication expired and the probe details.
    post "/api/control-plane/connections/defaults/{connection_key}/verify" verifyDefaultConnection
        params(ConnectionKeyPath)
        => 200 VerificationResult "The verification result and the refreshed default connection.";

    /// Integration health history
    ///
    /// Recent health snapshots of one integration; look here when an integration is degraded or
    /// runtime authentication starts failing.
    get "/api/control-plane/integrations/{integration_id}/health" getIntegrationHealth
        params(IntegrationPath, PageQuery)
        => 200 HealthPage "One page of recent health snapshots.";
}
