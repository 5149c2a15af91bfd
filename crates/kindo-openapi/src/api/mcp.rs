//! MCP area: the MCP gateway (`POST /v1/mcp`) and its RFC 9728 metadata documents.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::errors::FlatError;
use kindo_types::mcp::oauth::ProtectedResourceMetadata;
use kindo_types::mcp::params::{McpHeaders, McpQuery};
use kindo_types::mcp::request::McpRequest;
use kindo_types::mcp::response::McpResponse;
use kindo_types::mcp::results::{
    InitializeResult, PromptsGetResult, PromptsListResult, ToolsCallResult, ToolsListResult,
};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    paths(mcp, protected_resource_metadata, mcp_protected_resource_metadata),
    components(schemas(
        InitializeResult,
        ToolsListResult,
        ToolsCallResult,
        PromptsListResult,
        PromptsGetResult,
    ))
)]
pub struct Area;

/// Send an MCP message
///
/// A remote Model Context Protocol server over the Streamable HTTP transport: one JSON-RPC 2.0
/// envelope per request, answered on the same connection. Methods: `initialize`, `ping`,
/// `tools/list`, `tools/call`, `prompts/list`, `prompts/get`; `resources/*` are not supported
/// (`-32601`). `tools/list` returns the federated catalog of every integration the key can
/// reach, one tool per capability, prefixed with the integration id.
///
/// Kindo's request-shape page says the gateway implements MCP `2024-11-05`, although the
/// Streamable HTTP transport it describes was introduced in a later MCP revision; the
/// transport behaviour modelled here (JSON or SSE answer, required `Accept`) is what the pages
/// describe. Protocol failures are JSON-RPC errors with HTTP `200`. Retries after `5xx` are
/// safe for `tools/list` and `ping`.
#[utoipa::path(
    post,
    path = "/v1/mcp",
    operation_id = "mcp",
    tag = "MCP",
    params(McpHeaders, McpQuery),
    request_body(content = McpRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The JSON-RPC response, either as the JSON body or as a `text/event-stream` whose `data` lines carry JSON-RPC messages (the Streamable HTTP transport lets the server choose). Protocol-level errors (`-32000`, `-32601`, `-32602`) are also `200`.",
            content(
                (McpResponse = "application/json"),
                (McpResponse = "text/event-stream"),
            )),
        (status = 202, description = "Accepted, no body: the message was a notification (no `id`, e.g. `notifications/initialized`). From the MCP Streamable HTTP transport specification; Kindo's pages do not mention it."),
        (status = 401, description = "Missing, malformed or revoked Bearer token. The `WWW-Authenticate` header points MCP clients at the RFC 9728 metadata.", body = FlatError,
            headers(("WWW-Authenticate" = String, description = "`Bearer resource_metadata=\"https://api.kindo.ai/.well-known/oauth-protected-resource\"`"))),
        (status = 403, description = "The key is valid but its holder lacks the Personal API Key Access entitlement (an admin enables it in the user's group settings). No `WWW-Authenticate` header. The body is not documented."),
        (status = 404, description = "Path not handled by the MCP gateway (it serves only `POST /v1/mcp` and the `/.well-known/oauth-protected-resource` documents). The body is not documented."),
        (status = 406, description = "The `Accept` header lacks `text/event-stream`; send `Accept: application/json, text/event-stream`. The body is not documented."),
        (status = 500, description = "Unexpected gateway failure (any `5xx`); retrying is safe for `tools/list` and `ping`. The body is not documented."),
    )
)]
fn mcp() {}

/// Get protected-resource metadata
///
/// The RFC 9728 OAuth 2.0 Protected Resource Metadata document that the MCP `401` names in
/// `WWW-Authenticate`, letting MCP clients discover that Bearer tokens in the `Authorization`
/// header are accepted. Unauthenticated. Kindo's page describing the payload was not
/// reachable, so the schema is RFC 9728's field set.
#[utoipa::path(
    get,
    path = "/.well-known/oauth-protected-resource",
    operation_id = "getProtectedResourceMetadata",
    tag = "MCP",
    // Public metadata: the empty requirement says "no credentials needed".
    security(()),
    responses(
        (status = 200, description = "RFC 9728 metadata.", body = ProtectedResourceMetadata),
    )
)]
fn protected_resource_metadata() {}

/// Get the MCP endpoint's protected-resource metadata
///
/// RFC 9728 metadata for the resource `/v1/mcp` (the path-suffixed well-known location of RFC
/// 9728 §3.1). Unauthenticated. The payload is not documented by Kindo; the schema is RFC
/// 9728's field set.
#[utoipa::path(
    get,
    path = "/.well-known/oauth-protected-resource/v1/mcp",
    operation_id = "getMcpProtectedResourceMetadata",
    tag = "MCP",
    // Public metadata: the empty requirement says "no credentials needed".
    security(()),
    responses(
        (status = 200, description = "RFC 9728 metadata.", body = ProtectedResourceMetadata),
    )
)]
fn mcp_protected_resource_metadata() {}
