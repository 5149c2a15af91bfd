//! Runs area: run status and step evaluations.

use kindo_types::errors::AgentsError;
use kindo_types::runs::{Run, RunEvals, RunMessage};

use crate::area::area;

area! {
    tag = "Runs",
        // `RunMessage` is what `Run.result` decodes to (its `contentSchema`), so no body names it.
        components(schemas(RunMessage));

    /// Get a run
    ///
    /// Returns the run's status and, once it succeeded, its JSON-encoded final assistant message.
    /// `in_progress` is the only non-terminal status: poll until it changes.
    get "/v1/runs/{runId}" getRun
        params(("runId" = String, Path, description = "Run id returned by `POST /v1/agents/runs`."))
        => 200 Run "The run.",
           404 AgentsError "The run does not exist or the caller cannot read its conversation.";

    /// Get a run's evaluations
    ///
    /// Returns the aggregate and per-step verdicts for agents with step-level objectives configured.
    get "/v1/runs/{runId}/evals" getRunEvals
        params(("runId" = String, Path, description = "Run id returned by `POST /v1/agents/runs`."))
        => 200 RunEvals "The run's evaluation verdicts.",
           404 AgentsError "The run does not exist or the caller cannot read it.";
}
