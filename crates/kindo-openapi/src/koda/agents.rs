//! Agents: definitions, publication, activation and agent-scoped secrets.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::koda::agents::{
    Agent, AgentDraft, AgentPage, AgentPath, AgentUpdate, PublishedSnapshot, SecretPath,
    SecretValue,
};
use kindo_types::koda::auth::Acknowledgement;
use kindo_types::koda::conventions::{IdempotencyHeader, PageQuery};
use kindo_types::koda::errors::ControlPlaneError;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(
    list_agents,
    create_agent,
    get_agent,
    update_agent,
    publish_agent,
    activate_agent,
    put_secret,
    delete_secret
))]
pub struct Area;

/// List agents
///
/// Every agent of the installation, drafts included, one page at a time.
#[utoipa::path(
    get,
    path = "/api/control-plane/agents",
    operation_id = "listAgents",
    tag = "Agents",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of agents.", body = AgentPage),
    )
)]
fn list_agents() {}

/// Create an agent
///
/// Creates an agent definition as a draft; publish it to make it runnable.
#[utoipa::path(
    post,
    path = "/api/control-plane/agents",
    operation_id = "createAgent",
    tag = "Agents",
    params(IdempotencyHeader),
    request_body(content = AgentDraft, content_type = "application/json"),
    responses(
        (status = 201, description = "The created agent.", body = Agent),
    )
)]
fn create_agent() {}

/// Get an agent
///
/// The agent's current definition and state.
#[utoipa::path(
    get,
    path = "/api/control-plane/agents/{agent_id}",
    operation_id = "getAgent",
    tag = "Agents",
    params(AgentPath),
    responses(
        (status = 200, description = "The agent's definition.", body = Agent),
        (status = 404, description = "No such agent (`agent.not_found`).", body = ControlPlaneError),
    )
)]
fn get_agent() {}

/// Update an agent
///
/// Changes fields of the agent's definition. Published snapshots are unaffected until the
/// agent is published again.
#[utoipa::path(
    patch,
    path = "/api/control-plane/agents/{agent_id}",
    operation_id = "updateAgent",
    tag = "Agents",
    params(AgentPath),
    request_body(content = AgentUpdate, content_type = "application/json"),
    responses(
        (status = 200, description = "The updated agent.", body = Agent),
        (status = 404, description = "No such agent (`agent.not_found`).", body = ControlPlaneError),
    )
)]
fn update_agent() {}

/// Publish an agent
///
/// Moves the agent from draft to published, which makes it runnable.
#[utoipa::path(
    post,
    path = "/api/control-plane/agents/{agent_id}/publish",
    operation_id = "publishAgent",
    tag = "Agents",
    params(AgentPath),
    responses(
        (status = 200, description = "The published snapshot.", body = PublishedSnapshot),
        (status = 404, description = "No such agent (`agent.not_found`).", body = ControlPlaneError),
    )
)]
fn publish_agent() {}

/// Activate an agent
///
/// Toggles the agent's operational state without republishing it.
#[utoipa::path(
    post,
    path = "/api/control-plane/agents/{agent_id}/activate",
    operation_id = "activateAgent",
    tag = "Agents",
    params(AgentPath),
    responses(
        (status = 200, description = "The agent's operational state changed.", body = Acknowledgement),
        (status = 404, description = "No such agent (`agent.not_found`).", body = ControlPlaneError),
    )
)]
fn activate_agent() {}

/// Write an agent secret
///
/// Stores (or replaces) an agent-scoped secret. Secrets are encrypted at rest and read only
/// inside the runtime process while the agent executes.
#[utoipa::path(
    put,
    path = "/api/control-plane/agents/{agent_id}/secrets/{secret_key}",
    operation_id = "putAgentSecret",
    tag = "Agents",
    params(SecretPath),
    request_body(content = SecretValue, content_type = "application/json"),
    responses(
        (status = 200, description = "The secret is stored.", body = Acknowledgement),
        (status = 404, description = "No such agent (`agent.not_found`).", body = ControlPlaneError),
    )
)]
fn put_secret() {}

/// Delete an agent secret
///
/// Removes one agent-scoped secret.
#[utoipa::path(
    delete,
    path = "/api/control-plane/agents/{agent_id}/secrets/{secret_key}",
    operation_id = "deleteAgentSecret",
    tag = "Agents",
    params(SecretPath),
    responses(
        (status = 200, description = "The secret is removed.", body = Acknowledgement),
        (status = 404, description = "No such agent or secret.", body = ControlPlaneError),
    )
)]
fn delete_secret() {}
