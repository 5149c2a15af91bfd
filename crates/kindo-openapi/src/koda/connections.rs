//! Connections & integrations: the catalogue, system-default connections and health.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::koda::connections::{
    CatalogPage, ConnectionKeyPath, DefaultConnection, DefaultConnectionUpdate, HealthPage,
    IntegrationPath, VerificationResult,
};
use kindo_types::koda::conventions::PageQuery;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(catalog, set_default, verify_default, health))]
pub struct Area;

/// List the connection catalogue
///
/// Every provider and integration the installation supports, with canonical connection keys.
#[utoipa::path(
    get,
    path = "/api/control-plane/connections/catalog",
    operation_id = "listConnectionCatalog",
    tag = "Connections & integrations",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of the catalogue.", body = CatalogPage),
    )
)]
fn catalog() {}

/// Set a system-default connection
///
/// Stores the connection an integration uses by default. This does not grant any agent access:
/// grants live in each agent's spec under `resource_access_policy.integration_grants`.
#[utoipa::path(
    put,
    path = "/api/control-plane/connections/defaults/{connection_key}",
    operation_id = "setDefaultConnection",
    tag = "Connections & integrations",
    params(ConnectionKeyPath),
    request_body(content = DefaultConnectionUpdate, content_type = "application/json"),
    responses(
        (status = 200, description = "The updated default connection.", body = DefaultConnection),
    )
)]
fn set_default() {}

/// Verify a system-default connection
///
/// Makes a round trip with the default connection and records its status, how it was checked,
/// whether authentication expired and the probe details.
#[utoipa::path(
    post,
    path = "/api/control-plane/connections/defaults/{connection_key}/verify",
    operation_id = "verifyDefaultConnection",
    tag = "Connections & integrations",
    params(ConnectionKeyPath),
    responses(
        (status = 200, description = "The verification result and the refreshed default connection.", body = VerificationResult),
    )
)]
fn verify_default() {}

/// Integration health history
///
/// Recent health snapshots of one integration; look here when an integration is degraded or
/// runtime authentication starts failing.
#[utoipa::path(
    get,
    path = "/api/control-plane/integrations/{integration_id}/health",
    operation_id = "getIntegrationHealth",
    tag = "Connections & integrations",
    params(IntegrationPath, PageQuery),
    responses(
        (status = 200, description = "One page of recent health snapshots.", body = HealthPage),
    )
)]
fn health() {}
