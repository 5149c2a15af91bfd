//! Agents: definitions, publication, activation and agent-scoped secrets.

use kindo_types::koda::agents::{
    Agent, AgentDraft, AgentPage, AgentPath, AgentUpdate, PublishedSnapshot, SecretPath,
    SecretValue,
};
use kindo_types::koda::auth::Acknowledgement;
use kindo_types::koda::conventions::{IdempotencyHeader, PageQuery};
use kindo_types::koda::errors::ControlPlaneError;

use crate::area::area;

area! {
    tag = "Agents";

    /// List agents
    ///
    /// Every agent of the installation, drafts included, one page at a time.
    get "/api/control-plane/agents" listAgents params(PageQuery)
        => 200 AgentPage "One page of agents.";

    /// Create an agent
    ///
    /// Creates an agent definition as a draft; publish it to make it runnable.
    post "/api/control-plane/agents" createAgent params(IdempotencyHeader) json(AgentDraft)
        => 201 Agent "The created agent.";

    /// Get an agent
    ///
    /// The agent's current definition and state.
    get "/api/control-plane/agents/{agent_id}" getAgent params(AgentPath)
        => 200 Agent "The agent's definition.",
           404 ControlPlaneError "No such agent (`agent.not_found`).";

    /// Update an agent
    ///
    /// Changes fields of the agent's definition. Published snapshots are unaffected until the
    /// agent is published again.
    patch "/api/control-plane/agents/{agent_id}" updateAgent params(AgentPath) json(AgentUpdate)
        => 200 Agent "The updated agent.",
           404 ControlPlaneError "No such agent (`agent.not_found`).";

    /// Publish an agent
    ///
    /// Moves the agent from draft to published, which makes it runnable.
    post "/api/control-plane/agents/{agent_id}/publish" publishAgent params(AgentPath)
        => 200 PublishedSnapshot "The published snapshot.",
           404 ControlPlaneError "No such agent (`agent.not_found`).";

    /// Activate an agent
    ///
    /// Toggles the agent's operational state without republishing it.
    post "/api/control-plane/agents/{agent_id}/activate" activateAgent params(AgentPath)
        => 200 Acknowledgement "The agent's operational state changed.",
           404 ControlPlaneError "No such agent (`agent.not_found`).";

    /// Write an agent secret
    ///
    /// Stores (or replaces) an agent-scoped secret. Secrets are encrypted at rest and read only
    /// inside the runtime process while the agent executes.
    put "/api/control-plane/agents/{agent_id}/secrets/{secret_key}" putAgentSecret
        params(SecretPath)
        json(SecretValue)
        => 200 Acknowledgement "The secret is stored.",
           404 ControlPlaneError "No such agent (`agent.not_found`).";

    /// Delete an agent secret
    ///
    /// Removes one agent-scoped secret.
    delete "/api/control-plane/agents/{agent_id}/secrets/{secret_key}" deleteAgentSecret
        params(SecretPath)
        => 200 Acknowledgement "The secret is removed.",
           404 ControlPlaneError "No such agent or secret.";
}
