//! MCP area: the MCP gateway (`POST /v1/mcp`) and its RFC 9728 metadata documents.

use kindo_types::errors::FlatError;
use kindo_types::mcp::oauth::ProtectedResourceMetadata;
use kindo_types::mcp::params::{McpHeaders, McpQuery};
use kindo_types::mcp::request::McpRequest;
use kindo_types::mcp::response::McpResponse;
use kindo_types::mcp::results::{
    InitializeResult, PromptsGetResult, PromptsListResult, ToolsCallResult, ToolsListResult,
};

use crate::area::area;

area! {
    tag = "MCP",
        components(schemas(InitializeResult, ToolsListResult, ToolsCallResult, PromptsListResult, PromptsGetResult));

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
    post "/v1/mcp" mcp params(McpHeaders, McpQuery) json(McpRequest)
        => 200 "The JSON-RPC response, either as the JSON body or as a `text/event-stream` whose `data` lines carry JSON-RPC messages (the Streamable HTTP transport lets the server choose). Protocol-level errors (`-32000`, `-32601`, `-32602`) are also `200`." content((McpResponse = "application/json"), (McpResponse = "text/event-stream")),
           202 "Accepted, no body: the message was a notification (no `id`, e.g. `notifications/initialized`). From the MCP Streamable HTTP transport specification; Kindo's pages do not mention it.",
           401 FlatError "Missing, malformed or revoked Bearer token. The `WWW-Authenticate` header points MCP clients at the RFC 9728 metadata." headers(("WWW-Authenticate" = String, description = "`Bearer resource_metadata=\"https://api.kindo.ai/.well-known/oauth-protected-resource\"`")),
           403 "The key is valid but its holder lacks the Personal API Key Access entitlement (an admin enables it in the user's group settings). No `WWW-Authenticate` header. The body is not documented.",
           404 "Path not handled by the MCP gateway (it serves only `POST /v1/mcp` and the `/.well-known/oauth-protected-resource` documents). The body is not documented.",
           406 "The `Accept` header lacks `text/event-stream`; send `Accept: application/json, text/event-stream`. The body is not documented.",
           500 "Unexpected gateway failure (any `5xx`); retrying is safe for `tools/list` and `ping`. The body is not documented.";

    /// Get protected-resource metadata
    ///
    /// The RFC 9728 OAuth 2.0 Protected Resource Metadata document that the MCP `401` names in
    /// `WWW-Authenticate`, letting MCP clients discover that Bearer tokens in the `Authorization`
    /// header are accepted. Unauthenticated. Kindo's page describing the payload was not
    /// reachable, so the schema is RFC 9728's field set.
    // Public metadata: the empty requirement says "no credentials needed".
    get "/.well-known/oauth-protected-resource" getProtectedResourceMetadata security(())
        => 200 ProtectedResourceMetadata "RFC 9728 metadata.";

    /// Get the MCP endpoint's protected-resource metadata
    ///
    /// RFC 9728 metadata for the resource `/v1/mcp` (the path-suffixed well-known location of RFC
    /// 9728 §3.1). Unauthenticated. The payload is not documented by Kindo; the schema is RFC
    /// 9728's field set.
    // Public metadata: the empty requirement says "no credentials needed".
    get "/.well-known/oauth-protected-resource/v1/mcp" getMcpProtectedResourceMetadata security(())
        => 200 ProtectedResourceMetadata "RFC 9728 metadata.";
}
