//! Providers: the stored credential of each model provider.

use kindo_types::koda::auth::Acknowledgement;
use kindo_types::koda::connections::VerificationResult;
use kindo_types::koda::providers::{
    ApiKeyCredential, LocalEndpoint, ProviderConnection, ProviderPath,
};

use crate::area::area;

area! {
    tag = "Providers";

    /// Save a provider API key
    ///
    /// Stores the API-key credential of a hosted model provider.
    put "/api/control-plane/providers/{provider_id}/connection/api-key" saveProviderApiKey
        params(ProviderPath)
        json(ApiKeyCredential)
        => 200 ProviderConnection "The updated provider connection.";

    /// Save a local provider endpoint
    ///
    /// Configures a provider served locally, such as an Ollama server.
    put "/api/control-plane/providers/{provider_id}/connection/local" saveProviderLocalEndpoint
        params(ProviderPath)
        json(LocalEndpoint)
        => 200 ProviderConnection "The updated provider connection.";

    /// Verify a provider connection
    ///
    /// Makes a round trip to the provider with the stored credential. A rejected credential is
    /// reported with `provider.credential_invalid`.
    post "/api/control-plane/providers/{provider_id}/connection/verify" verifyProviderConnection
        params(ProviderPath)
        => 200 VerificationResult "The verification result and the refreshed connection.";

    /// Remove a provider credential
    ///
    /// Deletes the provider's stored credential; agents can no longer reach it.
    delete "/api/control-plane/providers/{provider_id}/connection" deleteProviderConnection
        params(ProviderPath)
        => 200 Acknowledgement "The stored credential is removed.";
}
