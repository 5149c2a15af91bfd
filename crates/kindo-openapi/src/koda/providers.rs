//! Providers: the stored credential of each model provider.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::koda::auth::Acknowledgement;
use kindo_types::koda::connections::VerificationResult;
use kindo_types::koda::providers::{
    ApiKeyCredential, LocalEndpoint, ProviderConnection, ProviderPath,
};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(save_api_key, save_local, verify, disconnect))]
pub struct Area;

/// Save a provider API key
///
/// Stores the API-key credential of a hosted model provider.
#[utoipa::path(
    put,
    path = "/api/control-plane/providers/{provider_id}/connection/api-key",
    operation_id = "saveProviderApiKey",
    tag = "Providers",
    params(ProviderPath),
    request_body(content = ApiKeyCredential, content_type = "application/json"),
    responses(
        (status = 200, description = "The updated provider connection.", body = ProviderConnection),
    )
)]
fn save_api_key() {}

/// Save a local provider endpoint
///
/// Configures a provider served locally, such as an Ollama server.
#[utoipa::path(
    put,
    path = "/api/control-plane/providers/{provider_id}/connection/local",
    operation_id = "saveProviderLocalEndpoint",
    tag = "Providers",
    params(ProviderPath),
    request_body(content = LocalEndpoint, content_type = "application/json"),
    responses(
        (status = 200, description = "The updated provider connection.", body = ProviderConnection),
    )
)]
fn save_local() {}

/// Verify a provider connection
///
/// Makes a round trip to the provider with the stored credential. A rejected credential is
/// reported with `provider.credential_invalid`.
#[utoipa::path(
    post,
    path = "/api/control-plane/providers/{provider_id}/connection/verify",
    operation_id = "verifyProviderConnection",
    tag = "Providers",
    params(ProviderPath),
    responses(
        (status = 200, description = "The verification result and the refreshed connection.", body = VerificationResult),
    )
)]
fn verify() {}

/// Remove a provider credential
///
/// Deletes the provider's stored credential; agents can no longer reach it.
#[utoipa::path(
    delete,
    path = "/api/control-plane/providers/{provider_id}/connection",
    operation_id = "deleteProviderConnection",
    tag = "Providers",
    params(ProviderPath),
    responses(
        (status = 200, description = "The stored credential is removed.", body = Acknowledgement),
    )
)]
fn disconnect() {}
