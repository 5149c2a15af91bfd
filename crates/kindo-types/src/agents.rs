//! Agents: discovery (`GET /v1/agents/list`, `GET /v1/agents/{agentId}`) and the run trigger
//! (`POST /v1/agents/runs`).

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;
use utoipa::{IntoParams, ToSchema};

/// The agents visible to the caller, in a single unpaginated page capped at 500 entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AgentList {
    /// One entry per accessible agent.
    pub items: Vec<AgentSummary>,
    /// Always equal to the length of `items`; a convenience, not a total count across pages.
    pub total: u32,
}

/// One entry of the agent list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgentSummary {
    /// Agent id (a UUID), used by the agent detail and run endpoints.
    pub agent_id: String,
    /// Display name from the Kindo Terminal.
    pub name: String,
    /// Free-form description.
    pub description: String,
    /// ISO-8601 creation timestamp.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// Name of the user or group that created the agent.
    pub creator_name: String,
    /// Caller-specific metadata.
    pub metadata: AgentMetadata,
}

/// Caller-specific agent metadata.
///
/// Current pages show `{"userPermissions": [...]}`; the API overview shows an empty object, so
/// `userPermissions` is optional.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgentMetadata {
    /// The actions the caller may perform on this agent.
    pub user_permissions: Option<Vec<AgentPermission>>,
}

/// An action the caller may perform on an agent. Closed set: the docs list exactly these four.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AgentPermission {
    View,
    Edit,
    Delete,
    Share,
}

/// Optional query parameters of `GET /v1/agents/{agentId}` that page through and date-filter
/// `recentRunIds` (2026.09 docs).
///
/// Supplying any of them switches to the paginated shape (default `limit` 20) and adds
/// `nextCursor` to the response; without them the legacy shape and run cap apply.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct AgentRunsPage {
    /// Page size for `recentRunIds`; 20 when omitted on the paginated path.
    #[param(minimum = 1)]
    pub limit: Option<u32>,
    /// Opaque cursor: the `nextCursor` of the previous page.
    pub cursor: Option<String>,
    /// ISO-8601 lower bound on run time. The cursor does not encode date filters: send the
    /// same `startDate` on every page.
    #[param(format = DateTime)]
    pub start_date: Option<String>,
    /// ISO-8601 upper bound on run time; re-send on every page like `startDate`.
    #[param(format = DateTime)]
    pub end_date: Option<String>,
}

/// Full agent configuration, including the input labels a run must use.
///
/// One schema covers both documented shapes: without pagination parameters `nextCursor` is
/// absent (legacy shape); with them it is present, a string while more pages remain and
/// `null` on the last page.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    /// Agent id (a UUID).
    pub agent_id: String,
    /// Display name from the Kindo Terminal.
    pub name: String,
    /// Free-form description.
    pub description: String,
    /// Input labels. Each `inputs[].name` of a run request must match one exactly
    /// (case-sensitive).
    pub inputs: Vec<String>,
    /// `true` when the agent has triggers configured; such agents are run by their trigger
    /// pipeline and `POST /v1/agents/runs` answers `422` for them.
    pub has_triggers: bool,
    /// Model ids the agent uses.
    pub models_in_use: Vec<String>,
    /// Ids of recent runs, newest first; paginated and date-filtered by the query parameters.
    pub recent_run_ids: Vec<String>,
    /// ISO-8601 time of the agent's most recent run, independent of any date filter. Typed as
    /// nullable because an agent that never ran has no last run.
    #[schema(required = true, format = DateTime)]
    #[serialize_always]
    pub last_run_at_utc: Option<String>,
    /// Caller-specific metadata.
    pub metadata: AgentMetadata,
    /// Paginated shape only: cursor of the next page of `recentRunIds`, `null` on the last page.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub next_cursor: Option<Option<String>>,
}

/// Body of `POST /v1/agents/runs`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RunAgentRequest {
    /// The agent to run.
    pub agent_id: String,
    /// Values for the agent's input labels. Optional when the agent declares no inputs; a
    /// missing required label is `422`, and unknown labels are silently dropped.
    pub inputs: Option<Vec<AgentInput>>,
}

/// One input value of a run request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AgentInput {
    /// One of the agent's `inputs` labels, matched exactly (case-sensitive).
    pub name: String,
    /// The value for that input.
    pub value: String,
}

/// `202 Accepted` body of `POST /v1/agents/runs`: the run was queued.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RunAccepted {
    /// Id of the new run; poll `GET /v1/runs/{runId}` with it.
    pub run_id: String,
}
