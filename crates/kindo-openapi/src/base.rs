//! What the Kindo documents share: `info`, `servers` (SaaS and self-hosted), security schemes and
//! the tag list. Operations are merged in by each document's area modules.

use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::server::{Server, ServerBuilder, ServerVariableBuilder};
use utoipa::openapi::tag::TagBuilder;
use utoipa::openapi::{
    Components, ComponentsBuilder, Info, InfoBuilder, LicenseBuilder, OpenApi, OpenApiBuilder,
    Paths,
};

/// Security scheme name for `Authorization: Bearer <key>` (both hosts).
pub const BEARER: &str = "bearerAuth";
/// Security scheme name for the API-key header: `x-api-key` on api.kindo.ai, `api-key` on
/// llm.kindo.ai.
pub const API_KEY: &str = "apiKeyAuth";

/// Every Kindo operation accepts either scheme unless its stub says otherwise.
pub fn security() -> Vec<SecurityRequirement> {
    crate::conventions::any_of(&[BEARER, API_KEY])
}

/// What `Retry-After` means on a Kindo `429`, on both hosts.
pub const RETRY_AFTER: &str = "Seconds (or an HTTP date) to wait before retrying, when present.";

/// The facts that differ between the two hosts.
pub struct Host {
    pub title: &'static str,
    pub description: &'static str,
    pub saas_url: &'static str,
    pub key_header: &'static str,
    pub key_header_description: &'static str,
    pub tags: &'static [(&'static str, &'static str)],
}

pub const API: Host = Host {
    title: "Kindo API (api.kindo.ai)",
    description: "Everything Kindo serves on api.kindo.ai: models, agents and runs, \
integrations, the Responses API and conversations, the Anthropic-compatible Messages API, \
OpenAI-compatible chat completions and the MCP gateway.\n\n\
One Kindo API key authenticates every operation. Send it either as `Authorization: Bearer \
<key>` or as `x-api-key: <key>`; the 2026.09 authentication page states both work on every \
api.kindo.ai API. Older overview pages list `x-api-key` for models and agents and Bearer only \
for Responses and conversations, so both schemes are offered as alternatives on every \
operation. When both headers are sent, Bearer wins; a malformed `Authorization` header (empty \
token, non-Bearer scheme) is rejected without falling back to `x-api-key`.\n\n\
Error bodies differ per surface and each operation documents its own.",
    saas_url: "https://api.kindo.ai",
    key_header: "x-api-key",
    key_header_description: "The Kindo API key in the `x-api-key` header, the Anthropic-style \
form (Kindo's docs name the Anthropic SDKs and Claude Code; anthropic-python 2.x sends Bearer \
instead). Equivalent to Bearer; Bearer takes precedence when both are sent.",
    tags: &[
        ("Models", "The model catalog shared by every inference API."),
        ("Agents", "Discover agents and trigger runs."),
        ("Runs", "Poll agent runs and read their step evaluations."),
        (
            "Integrations",
            "Integration connections and the preferred connection per integration.",
        ),
        (
            "Chat Completions",
            "OpenAI-compatible chat completions (stateless; streaming via SSE).",
        ),
        (
            "Responses",
            "OpenAI-compatible Responses API with Kindo's opt-in Chat Actions and agent models.",
        ),
        (
            "Conversations",
            "Read the items of conversations stored by the Responses API.",
        ),
        (
            "Messages",
            "The Anthropic-compatible Messages API: Anthropic request, response, stream and \
error shapes, governed by Kindo.",
        ),
        (
            "MCP",
            "The MCP gateway: JSON-RPC 2.0 over MCP Streamable HTTP, federating every \
connected integration's tools.",
        ),
    ],
};

pub const LLM: Host = Host {
    title: "Kindo LLM API (llm.kindo.ai)",
    description: "The legacy OpenAI-compatible inference host: chat completions and text \
completions. Stock OpenAI SDKs work by pointing their base URL at `https://llm.kindo.ai/v1`.\n\n\
Authenticate with `Authorization: Bearer <key>` (what the OpenAI SDKs send) or with the \
`api-key: <key>` header used by most existing llm.kindo.ai integrations; the API overview \
documents both.",
    saas_url: "https://llm.kindo.ai",
    key_header: "api-key",
    key_header_description: "The Kindo API key in the `api-key` header, the form older \
llm.kindo.ai documentation required. Equivalent to Bearer.",
    tags: &[
        (
            "Chat Completions",
            "OpenAI-compatible chat completions (same contract as on api.kindo.ai).",
        ),
        (
            "Completions",
            "OpenAI legacy text completions; undocumented by Kindo beyond the endpoint name.",
        ),
    ],
};

/// The document skeleton for one Kindo host, without operations.
pub fn document(host: &Host) -> OpenApi {
    let info = info(
        host.title,
        host.description,
        "Kindo documentation",
        "https://docs.kindo.ai",
    );
    let servers = vec![
        ServerBuilder::new()
            .url(host.saas_url)
            .description(Some("Kindo SaaS"))
            .build(),
        ServerBuilder::new()
            .url("{baseUrl}")
            .description(Some("Self-hosted Kindo"))
            .parameter(
                "baseUrl",
                ServerVariableBuilder::new()
                    .default_value(host.saas_url)
                    .description(Some(
                        "API endpoint of your Kindo installation, without a trailing /v1",
                    )),
            )
            .build(),
    ];
    let components = ComponentsBuilder::new()
        .security_scheme(
            BEARER,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The Kindo API key as a bearer token (what the OpenAI SDKs send). \
Created under Settings > API in the Kindo Terminal.",
                    ))
                    .build(),
            ),
        )
        .security_scheme(
            API_KEY,
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                host.key_header,
                host.key_header_description,
            ))),
        )
        .build();
    skeleton(info, servers, components, host.tags)
}

/// `info` of a published document: license and the documented system's docs as contact. The
/// version is a placeholder: each document's own contract version comes from the registry.
pub fn info(title: &str, description: &str, docs_name: &str, docs_url: &str) -> Info {
    InfoBuilder::new()
        .title(title)
        .version("0.0.0")
        .description(Some(description))
        .contact(Some(
            utoipa::openapi::ContactBuilder::new()
                .name(Some(docs_name))
                .url(Some(docs_url))
                .build(),
        ))
        .license(Some(
            LicenseBuilder::new()
                .name("Apache-2.0")
                .identifier(Some("Apache-2.0"))
                .build(),
        ))
        .build()
}

/// A document without operations: every document's area modules merge theirs into it.
pub fn skeleton(
    info: Info,
    servers: Vec<Server>,
    components: Components,
    tags: &[(&str, &str)],
) -> OpenApi {
    let tags: Vec<_> = tags
        .iter()
        .map(|(name, description)| {
            TagBuilder::new()
                .name(*name)
                .description(Some(*description))
                .build()
        })
        .collect();
    OpenApiBuilder::new()
        .info(info)
        .servers(Some(servers))
        .paths(Paths::new())
        .components(Some(components))
        .tags(if tags.is_empty() { None } else { Some(tags) })
        .build()
}
