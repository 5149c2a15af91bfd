//! Agents as the control plane manages them: definitions, publication, activation and
//! agent-scoped secrets.

undocumented_object! {
    /// An agent definition: its name, model defaults, prompt contracts and compiled prompt, its
    /// publication state (draft until published, then runnable) and its operational state
    /// (active or paused, toggled without republishing). The pages put per-agent integration
    /// grants in the agent spec (`resource_access_policy.integration_grants`) without saying
    /// whether this payload carries it.
    Agent
}

page! {
    /// The agents of this installation.
    AgentPage of Agent
}

undocumented_object! {
    /// Body of `POST /agents`: the new agent's definition (name, model defaults, prompt
    /// contracts). A created agent starts as a draft.
    AgentDraft
}

undocumented_object! {
    /// Body of `PATCH /agents/{agent_id}`: the definition fields to change.
    AgentUpdate
}

undocumented_object! {
    /// Body of `PUT /agents/{agent_id}/secrets/{secret_key}`: the secret's value. Secrets are
    /// stored encrypted and only read inside the runtime process while the agent executes.
    SecretValue
}

undocumented_object! {
    /// The snapshot that `POST /agents/{agent_id}/publish` made runnable.
    PublishedSnapshot
}

/// Path of the routes on one agent.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct AgentPath {
    /// The agent's id, e.g. `atlas`.
    pub agent_id: String,
}

/// Path of the routes on one agent-scoped secret.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SecretPath {
    /// The agent's id, e.g. `atlas`.
    pub agent_id: String,
    /// Name of the secret, as the agent's runtime reads it.
    pub secret_key: String,
}
