//! Runtime: readiness, runnable agents and tasks (`/api/runtime/*`, same port).
//!
//! The runtime pages name the operator session, the runtime UI token and the control-plane
//! token as its credentials; error bodies and rate limits are not documented for these routes.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::koda::agents::AgentPath;
use kindo_types::koda::runtime::{
    Readiness, RuntimeAgent, RuntimeAgentList, Task, TaskPath, TaskSubmission, TaskTrace,
};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(
    ready,
    readiness,
    list_agents,
    get_agent,
    submit_task,
    get_task,
    get_trace
))]
pub struct Area;

/// Runtime readiness
///
/// The readiness probe of older releases and of the contract Koda ships (v1.0.17); use it as
/// the liveness check of systemd or Kubernetes. Newer pages name `/api/runtime/readiness`
/// instead. The documented probe sends no credentials.
#[utoipa::path(
    get,
    path = "/api/runtime/ready",
    operation_id = "getRuntimeReady",
    tag = "Runtime",
    security((), ("controlPlaneToken" = []), ("operatorSession" = [])),
    responses(
        (status = 200, description = "The runtime accepts tasks.", body = Readiness),
        (status = 503, description = "The runtime does not accept tasks.", body = Readiness),
    )
)]
fn ready() {}

/// Runtime readiness (newer path)
///
/// The canonical readiness probe of newer releases, used by the dashboard and the control
/// plane. Older releases serve `/api/runtime/ready` instead.
#[utoipa::path(
    get,
    path = "/api/runtime/readiness",
    operation_id = "getRuntimeReadiness",
    tag = "Runtime",
    security((), ("controlPlaneToken" = []), ("operatorSession" = [])),
    responses(
        (status = 200, description = "The runtime accepts tasks.", body = Readiness),
        (status = 503, description = "The runtime does not accept tasks.", body = Readiness),
    )
)]
fn readiness() {}

/// List runnable agents
///
/// Every runnable agent with its current state (active, paused or draft). Not documented as
/// paginated.
#[utoipa::path(
    get,
    path = "/api/runtime/agents",
    operation_id = "listRuntimeAgents",
    tag = "Runtime",
    security(("controlPlaneToken" = []), ("operatorSession" = [])),
    responses(
        (status = 200, description = "The runnable agents.", body = RuntimeAgentList),
    )
)]
fn list_agents() {}

/// Get a runnable agent
///
/// Full detail: model, attached skills, memory scope and publication metadata.
#[utoipa::path(
    get,
    path = "/api/runtime/agents/{agent_id}",
    operation_id = "getRuntimeAgent",
    tag = "Runtime",
    params(AgentPath),
    security(("controlPlaneToken" = []), ("operatorSession" = [])),
    responses(
        (status = 200, description = "The agent.", body = RuntimeAgent),
    )
)]
fn get_agent() {}

/// Submit a task
///
/// Queues a task for an agent. The runtime page does not state the success status; `201`
/// is what Koda's shipped contract answers when it queues a task through the same runtime path
/// (onboarding's first task). The runtime page does not mention `Idempotency-Key` here.
#[utoipa::path(
    post,
    path = "/api/runtime/tasks",
    operation_id = "submitTask",
    tag = "Runtime",
    request_body(content = TaskSubmission, content_type = "application/json"),
    security(("controlPlaneToken" = []), ("operatorSession" = [])),
    responses(
        (status = 201, description = "The queued task.", body = Task),
    )
)]
fn submit_task() {}

/// Get a task
///
/// The task's status and, once it is complete, its final output.
#[utoipa::path(
    get,
    path = "/api/runtime/tasks/{task_id}",
    operation_id = "getTask",
    tag = "Runtime",
    params(TaskPath),
    security(("controlPlaneToken" = []), ("operatorSession" = [])),
    responses(
        (status = 200, description = "The task.", body = Task),
    )
)]
fn get_task() {}

/// Get a task's trace
///
/// Every step of the task: provider calls, tool calls, memory hits, retrieval results and
/// audit entries.
#[utoipa::path(
    get,
    path = "/api/runtime/tasks/{task_id}/trace",
    operation_id = "getTaskTrace",
    tag = "Runtime",
    params(TaskPath),
    security(("controlPlaneToken" = []), ("operatorSession" = [])),
    responses(
        (status = 200, description = "The trace.", body = TaskTrace),
    )
)]
fn get_trace() {}
