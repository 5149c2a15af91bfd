//! OAuth 2.0 Protected Resource Metadata (RFC 9728), served at
//! `/.well-known/oauth-protected-resource[/v1/mcp]` and named by the MCP `401`'s
//! `WWW-Authenticate: Bearer resource_metadata="..."`.
//!
//! Kindo's page describing the payload was not reachable; this is RFC 9728's field set, with
//! only `resource` required as the RFC says.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

/// RFC 9728 §2 metadata. Every field but `resource` is optional; unknown fields (other
/// registered or extension metadata) are kept.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProtectedResourceMetadata {
    /// The protected resource's identifier (an https URL).
    pub resource: String,
    /// Issuer identifiers of authorization servers that can issue tokens for the resource.
    pub authorization_servers: Option<Vec<String>>,
    pub jwks_uri: Option<String>,
    pub scopes_supported: Option<Vec<String>>,
    /// How bearer tokens may be sent: `header`, `body`, `query`. Kindo documents the
    /// `Authorization` header.
    pub bearer_methods_supported: Option<Vec<String>>,
    pub resource_signing_alg_values_supported: Option<Vec<String>>,
    pub resource_name: Option<String>,
    pub resource_documentation: Option<String>,
    pub resource_policy_uri: Option<String>,
    pub resource_tos_uri: Option<String>,
    pub tls_client_certificate_bound_access_tokens: Option<bool>,
    pub authorization_details_types_supported: Option<Vec<String>>,
    pub dpop_signing_alg_values_supported: Option<Vec<String>>,
    pub dpop_bound_access_tokens_required: Option<bool>,
    /// A JWT carrying signed metadata values.
    pub signed_metadata: Option<String>,
    /// Other metadata, kept verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}
