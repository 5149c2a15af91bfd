//! The Koda control-plane document: the operator API under `/api/control-plane/*` and the
//! runtime routes documented beside it, both on port 8090 of a self-hosted installation. One
//! module per route group; `conventions` then applies the error and rate-limit conventions
//! that Koda states once for every route.

mod agents;
mod auth;
mod connections;
mod conventions;
mod providers;
mod runtime;
mod skills;
mod system;

use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::server::{ServerBuilder, ServerVariableBuilder};
use utoipa::openapi::{Components, ComponentsBuilder};

use crate::base;

/// `koda_operator_session` cookie.
pub const SESSION: &str = "operatorSession";
/// Long-lived operator API token from `POST /auth/tokens`.
pub const TOKEN: &str = "operatorToken";
/// The break-glass `CONTROL_PLANE_API_TOKEN`.
pub const BREAK_GLASS: &str = "controlPlaneToken";

const DESCRIPTION: &str = "Koda's operator control plane: first-owner setup, operator \
sessions and API tokens, agents and their secrets, provider credentials, the connection \
catalogue and system-default connections, system settings, onboarding and skills, served under \
`/api/control-plane/*`. The runtime's readiness, agent and task routes, documented beside it \
and served on the same port under `/api/runtime/*`, are included.\n\n\
**Authentication.** Every route accepts any one of three credentials: the \
`koda_operator_session` cookie set by login, a long-lived API token from `POST /auth/tokens` \
as a bearer token, or the break-glass `CONTROL_PLANE_API_TOKEN` when the installation \
configures one. First-run routes (owner registration, login, setup-code exchange, password \
recovery) need none.\n\n\
**Conventions.** Writes take `application/json`; reads return JSON. Creation endpoints accept \
an optional `Idempotency-Key` header: a retry with the same key returns the original response. \
List endpoints take `limit` and `cursor` and return `next_cursor` while more pages exist. \
Every non-2xx control-plane response carries `{code, message, details?}` with a stable \
dotted `code`. Auth routes have stricter per-IP or per-user rate limits than the general \
operator bucket; a `429` says when to retry in `Retry-After`.\n\n\
**Sources and gaps.** The route index, conventions and budgets come from Koda's control-plane \
API, control-plane concept, runtime API and security pages; status codes and field names the \
pages leave out were taken from the contract Koda ships (v1.0.17) where it states them. Most \
request and response bodies are not documented field by field: their schemas say so and \
accept any JSON object.";

const TAGS: &[(&str, &str)] = &[
    (
        "Authentication & sessions",
        "First-owner registration, operator sessions, API tokens, setup codes and passwords.",
    ),
    (
        "Agents",
        "Agent definitions, publication, activation and agent-scoped secrets.",
    ),
    (
        "Providers",
        "Model provider credentials: API keys, local endpoints, verification.",
    ),
    (
        "Connections & integrations",
        "The connection catalogue, system-default connections and integration health.",
    ),
    (
        "System & onboarding",
        "Global settings and the first-run bootstrap flow.",
    ),
    ("Skills", "The registered skill catalogue."),
    (
        "Runtime",
        "Runtime readiness, runnable agents and tasks (`/api/runtime/*`). The runtime also \
accepts a `RUNTIME_LOCAL_UI_TOKEN` on the dashboard-to-runtime path; how it is sent is not \
documented, so it is not modelled as a security scheme.",
    ),
];

pub fn document() -> utoipa::openapi::OpenApi {
    let info = base::info(
        "Koda control-plane API",
        DESCRIPTION,
        "Koda documentation",
        "https://koda.ryaneloy.dev/docs/api-reference/control-plane",
    );
    let server = ServerBuilder::new()
        .url("http://{host}:8090")
        .description(Some(
            "A Koda installation; the control plane and the runtime listen on port 8090.",
        ))
        .parameter(
            "host",
            ServerVariableBuilder::new()
                .default_value("localhost")
                .description(Some("Host name or address of the Koda installation")),
        )
        .build();
    let mut doc = base::skeleton(info, vec![server], components(), TAGS);
    doc.merge(auth::Area::openapi());
    doc.merge(agents::Area::openapi());
    doc.merge(providers::Area::openapi());
    doc.merge(connections::Area::openapi());
    doc.merge(system::Area::openapi());
    doc.merge(skills::Area::openapi());
    doc.merge(runtime::Area::openapi());
    conventions::apply(&mut doc);
    doc
}

fn components() -> Components {
    let bearer = |description: &str| {
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .description(Some(description))
                .build(),
        )
    };
    ComponentsBuilder::new()
        .security_scheme(
            TOKEN,
            bearer(
                "A long-lived operator API token issued by `POST /auth/tokens`, sent as \
`Authorization: Bearer <token>`. For CLI tools and automation.",
            ),
        )
        .security_scheme(
            BREAK_GLASS,
            bearer(
                "The break-glass `CONTROL_PLANE_API_TOKEN` from the installation's \
environment, when configured. The pages do not say how it is sent; Koda's shipped contract \
declares only bearer authentication, so it is modelled as a bearer token.",
            ),
        )
        .security_scheme(
            SESSION,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "koda_operator_session",
                "The operator session cookie set by login and owner registration (HttpOnly, \
Secure, SameSite=Strict; 7 days by default). What the dashboard uses.",
            ))),
        )
        .build()
}
