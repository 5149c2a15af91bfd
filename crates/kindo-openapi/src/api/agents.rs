//! Agents area: discovery and the run trigger.

use kindo_types::agents::{Agent, AgentList, AgentRunsPage, RunAccepted, RunAgentRequest};
use kindo_types::errors::AgentsError;

use crate::area::area;

area! {
    tag = "Agents";

    /// List agents
    ///
    /// Lists the agents the API-key holder can see in one unpaginated page, capped at 500 entries.
    /// The endpoint takes no query parameters and returns no cursor.
    get "/v1/agents/list" listAgents
        => 200 AgentList "The visible agents.";

    /// Get an agent
    ///
    /// Returns the agent's configuration, including the `inputs` labels a run request must match.
    /// Without query parameters the legacy shape is returned (no `nextCursor`, legacy run cap).
    /// Any of `limit`, `cursor`, `startDate` or `endDate` pages and date-filters `recentRunIds`
    /// and adds `nextCursor`.
    get "/v1/agents/{agentId}" getAgent
        params(("agentId" = String, Path, description = "Agent id (a UUID) from the agent list."), AgentRunsPage)
        => 200 Agent "The agent configuration.",
           404 AgentsError "The agent does not exist or is not visible to the caller; permission denials also collapse to 404.";

    /// Run an agent
    ///
    /// Triggers a run asynchronously and answers `202 Accepted` with the `runId`; poll
    /// `GET /v1/runs/{runId}` for the result. Input names must match the agent's `inputs` labels
    /// exactly; unknown names are silently dropped. Agents with triggers (`hasTriggers: true`)
    /// cannot be run here. This replaces the legacy `POST /v1/agents/{agentId}/run`.
    post "/v1/agents/runs" runAgent json(RunAgentRequest)
        => 202 RunAccepted "The run was accepted and queued.",
           400 AgentsError "Malformed body, e.g. missing `agentId`, or a body that fails schema validation.",
           404 AgentsError "The agent does not exist or is not visible to the caller.",
           422 AgentsError "The body parsed but cannot be executed: a required input label is missing, or the agent has triggers configured.";
}
