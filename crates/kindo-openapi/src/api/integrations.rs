//! Integrations area: connections and the preferred connection per integration.

use kindo_types::errors::FlatError;
use kindo_types::integrations::{ConnectionList, DefaultConnection, SetDefaultConnectionRequest};

use crate::area::area;

area! {
    tag = "Integrations";

    /// List integration connections
    ///
    /// Returns every connection the caller can see, including shared group connections, each marked
    /// with whether it is the preferred default for its integration.
    get "/v1/integrations/connections" listIntegrationConnections
        => 200 ConnectionList "The visible connections.";

    /// Set the default connection of an integration
    ///
    /// Makes `connection_id` the preferred connection for the integration in the path. The error
    /// bodies of this endpoint are not documented; they are modelled with the flat control-plane
    /// envelope.
    post "/v1/integrations/connections/{integration_id}/default" setDefaultIntegrationConnection
        params(("integration_id" = String, Path, description = "The integration's `nangoIntegrationId`, i.e. `integration_config_id` from the connection list (e.g. `linear`)."))
        json(SetDefaultConnectionRequest)
        => 200 DefaultConnection "The preferred connection now in effect.",
           400 FlatError "`connection_id` is missing or does not belong to the integration.",
           403 FlatError "The key authenticated but may not use that connection.",
           404 FlatError "The connection was not found or the caller has no access to it.";
}
