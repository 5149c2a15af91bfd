//! Agents area: discovery and the run trigger.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::agents::{Agent, AgentList, AgentRunsPage, RunAccepted, RunAgentRequest};
use kindo_types::errors::AgentsError;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(list_agents, get_agent, run_agent))]
pub struct Area;

/// List agents
///
/// Lists the agents the API-key holder can see in one unpaginated page, capped at 500 entries.
/// The endpoint takes no query parameters and returns no cursor.
#[utoipa::path(
    get,
    path = "/v1/agents/list",
    operation_id = "listAgents",
    tag = "Agents",
    responses(
        (status = 200, description = "The visible agents.", body = AgentList),
    )
)]
fn list_agents() {}

/// Get an agent
///
/// Returns the agent's configuration, including the `inputs` labels a run request must match.
/// Without query parameters the legacy shape is returned (no `nextCursor`, legacy run cap).
/// Any of `limit`, `cursor`, `startDate` or `endDate` pages and date-filters `recentRunIds`
/// and adds `nextCursor`.
#[utoipa::path(
    get,
    path = "/v1/agents/{agentId}",
    operation_id = "getAgent",
    tag = "Agents",
    params(
        ("agentId" = String, Path, description = "Agent id (a UUID) from the agent list."),
        AgentRunsPage,
    ),
    responses(
        (status = 200, description = "The agent configuration.", body = Agent),
        (status = 404, description = "The agent does not exist or is not visible to the caller; permission denials also collapse to 404.", body = AgentsError),
    )
)]
fn get_agent() {}

/// Run an agent
///
/// Triggers a run asynchronously and answers `202 Accepted` with the `runId`; poll
/// `GET /v1/runs/{runId}` for the result. Input names must match the agent's `inputs` labels
/// exactly; unknown names are silently dropped. Agents with triggers (`hasTriggers: true`)
/// cannot be run here. This replaces the legacy `POST /v1/agents/{agentId}/run`.
#[utoipa::path(
    post,
    path = "/v1/agents/runs",
    operation_id = "runAgent",
    tag = "Agents",
    request_body(content = RunAgentRequest, content_type = "application/json"),
    responses(
        (status = 202, description = "The run was accepted and queued.", body = RunAccepted),
        (status = 400, description = "Malformed body, e.g. missing `agentId`, or a body that fails schema validation.", body = AgentsError),
        (status = 404, description = "The agent does not exist or is not visible to the caller.", body = AgentsError),
        (status = 422, description = "The body parsed but cannot be executed: a required input label is missing, or the agent has triggers configured.", body = AgentsError),
    )
)]
fn run_agent() {}
