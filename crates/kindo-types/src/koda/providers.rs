//! Provider connections: model providers reached with an API key or at a local endpoint.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

undocumented_object! {
    /// Body of `PUT /providers/{provider_id}/connection/api-key`: the provider API key to store.
    ApiKeyCredential
}

undocumented_object! {
    /// Body of `PUT /providers/{provider_id}/connection/local`: where the local provider listens
    /// (e.g. an Ollama server's URL).
    LocalEndpoint
}

/// A provider's stored connection. Koda's contract (v1.0.17) names the fields below among
/// others it does not detail (account labels, verification metadata), which pass through.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProviderConnection {
    /// Connection state of the provider. Values are not enumerated by the docs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_status: Option<String>,
    /// How the last check reached the provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_via: Option<String>,
    /// `true` when the stored credential was found expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_expired: Option<bool>,
    /// Other fields (account labels, verification metadata), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Path of the routes on one provider's connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ProviderPath {
    /// The provider's id, e.g. `ollama`.
    pub provider_id: String,
}
