//! Runtime: readiness, runnable agents and tasks (`/api/runtime/*`, same port).
//!
//! The runtime pages name the operator session, the runtime UI token and the control-plane
//! token as its credentials (the conventions pass gives these routes the two modelled schemes);
//! error bodies and rate limits are not documented for these routes.

use kindo_types::koda::agents::AgentPath;
use kindo_types::koda::runtime::{
    Readiness, RuntimeAgent, RuntimeAgentList, Task, TaskPath, TaskSubmission, TaskTrace,
};

use crate::area::area;

area! {
    tag = "Runtime";

    /// Runtime readiness
    ///
    /// The readiness probe of older releases and of the contract Koda ships (v1.0.17); use it as
    /// the liveness check of systemd or Kubernetes. Newer pages name `/api/runtime/readiness`
    /// instead. The documented probe sends no credentials.
    get "/api/runtime/ready" getRuntimeReady
        security((), ("controlPlaneToken" = []), ("operatorSession" = []))
        => 200 Readiness "The runtime accepts tasks.",
           503 Readiness "The runtime does not accept tasks.";

    /// Runtime readiness (newer path)
    ///
    /// The canonical readiness probe of newer releases, used by the dashboard and the control
    /// plane. Older releases serve `/api/runtime/ready` instead.
    get "/api/runtime/readiness" getRuntimeReadiness
        security((), ("controlPlaneToken" = []), ("operatorSession" = []))
        => 200 Readiness "The runtime accepts tasks.",
           503 Readiness "The runtime does not accept tasks.";

    /// List runnable agents
    ///
    /// Every runnable agent with its current state (active, paused or draft). Not documented as
    /// paginated.
    get "/api/runtime/agents" listRuntimeAgents
        => 200 RuntimeAgentList "The runnable agents.";

    /// Get a runnable agent
    ///
    /// Full detail: model, attached skills, memory scope and publication metadata.
    get "/api/runtime/agents/{agent_id}" getRuntimeAgent
        params(AgentPath)
        => 200 RuntimeAgent "The agent.";

    /// Submit a task
    ///
    /// Queues a task for an agent. The runtime page does not state the success status; `201`
    /// is what Koda's shipped contract answers when it queues a task through the same runtime path
    /// (onboarding's first task). The runtime page does not mention `Idempotency-Key` here.
    post "/api/runtime/tasks" submitTask
        json(TaskSubmission)
        => 201 Task "The queued task.";

    /// Get a task
    ///
    /// The task's status and, once it is complete, its final output.
    get "/api/runtime/tasks/{task_id}" getTask
        params(TaskPath)
        => 200 Task "The task.";

    /// Get a task's trace
    ///
    /// Every step of the task: provider calls, tool calls, memory hits, retrieval results and
    /// audit entries.
    get "/api/runtime/tasks/{task_id}/trace" getTaskTrace
        params(TaskPath)
        => 200 TaskTrace "The trace.";
}
