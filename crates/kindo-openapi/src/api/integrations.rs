//! Integrations area: connections and the preferred connection per integration.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::errors::FlatError;
use kindo_types::integrations::{ConnectionList, DefaultConnection, SetDefaultConnectionRequest};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(list_connections, set_default_connection))]
pub struct Area;

/// List integration connections
///
/// Returns every connection the caller can see, including shared group connections, each marked
/// with whether it is the preferred default for its integration.
#[utoipa::path(
    get,
    path = "/v1/integrations/connections",
    operation_id = "listIntegrationConnections",
    tag = "Integrations",
    responses(
        (status = 200, description = "The visible connections.", body = ConnectionList),
    )
)]
fn list_connections() {}

/// Set the default connection of an integration
///
/// Makes `connection_id` the preferred connection for the integration in the path. The error
/// bodies of this endpoint are not documented; they are modelled with the flat control-plane
/// envelope.
#[utoipa::path(
    post,
    path = "/v1/integrations/connections/{integration_id}/default",
    operation_id = "setDefaultIntegrationConnection",
    tag = "Integrations",
    params(("integration_id" = String, Path, description = "The integration's `nangoIntegrationId`, i.e. `integration_config_id` from the connection list (e.g. `linear`).")),
    request_body(content = SetDefaultConnectionRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The preferred connection now in effect.", body = DefaultConnection),
        (status = 400, description = "`connection_id` is missing or does not belong to the integration.", body = FlatError),
        (status = 403, description = "The key authenticated but may not use that connection.", body = FlatError),
        (status = 404, description = "The connection was not found or the caller has no access to it.", body = FlatError),
    )
)]
fn set_default_connection() {}
