//! Provider connections: model providers reached with an API key or at a local endpoint.

use serde::{Deserialize, Serialize};

undocumented_object! {
    /// Body of `PUT /providers/{provider_id}/connection/api-key`: the provider API key to store.
    ApiKeyCredential
}

undocumented_object! {
    /// Body of `PUT /providers/{provider_id}/connection/local`: where the local provider listens
    /// (e.g. an Ollama server's URL).
    LocalEndpoint
}

open_record! {
    /// A provider's stored connection. Koda's contract (v1.0.17) names the fields below among
    /// others it does not detail (account labels, verification metadata), which pass through.
    ProviderConnection {
        /// Connection state of the provider. Values are not enumerated by the docs.
        connection_status: String,
    } + probe
    /// Other fields (account labels, verification metadata), passed through.
    ..
}

/// Path of the routes on one provider's connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ProviderPath {
    /// The provider's id, e.g. `ollama`.
    pub provider_id: String,
}
