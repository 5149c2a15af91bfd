//! The runtime routes documented beside the control plane: readiness, runnable agents and
//! tasks.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

undocumented_object! {
    /// The runtime's health payload, returned with `200` when it accepts tasks and `503`
    /// otherwise.
    Readiness
}

undocumented_object! {
    /// The runnable agents, each with its current state (`active`, `paused` or `draft`).
    RuntimeAgentList
}

undocumented_object! {
    /// One agent as the runtime sees it: model, attached skills, memory scope and publication
    /// metadata.
    RuntimeAgent
}

/// Body of `POST /api/runtime/tasks`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"agent_id": "atlas", "query": "Audit the auth service for CSP violations.", "metadata": {"source": "operator"}}))]
pub struct TaskSubmission {
    /// The agent that runs the task.
    pub agent_id: String,
    /// What the agent is asked to do.
    pub query: String,
    /// Caller-defined metadata kept with the task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, Value>>,
    /// Context overrides; their field names are not documented and pass through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// A task record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Task {
    /// Stable task id (e.g. `tsk_...`).
    pub id: String,
    /// The agent running the task.
    pub agent_id: String,
    /// Lifecycle state. Known values: `queued`, `running`, `completed`, `failed`, `retrying`,
    /// `paused`. Open set: treat unknown values as still in progress.
    pub status: String,
    /// The metadata the task was submitted with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, Value>>,
    /// The final output, once the task is complete. Its shape is not documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Value>,
    /// Other fields, passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

undocumented_object! {
    /// The full step trace of a task: provider calls, tool calls, memory hits, retrieval
    /// results and audit entries.
    TaskTrace
}

/// Path of the routes on one task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct TaskPath {
    /// The task's id, e.g. `tsk_2f7a...`.
    pub task_id: String,
}
