//! Runs area: run status and step evaluations.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::errors::AgentsError;
use kindo_types::runs::{Run, RunEvals};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(get_run, get_run_evals))]
pub struct Area;

/// Get a run
///
/// Returns the run's status and, once it succeeded, its JSON-encoded final assistant message.
/// `in_progress` is the only non-terminal status: poll until it changes.
#[utoipa::path(
    get,
    path = "/v1/runs/{runId}",
    operation_id = "getRun",
    tag = "Runs",
    params(("runId" = String, Path, description = "Run id returned by `POST /v1/agents/runs`.")),
    responses(
        (status = 200, description = "The run.", body = Run),
        (status = 404, description = "The run does not exist or the caller cannot read its conversation.", body = AgentsError),
    )
)]
fn get_run() {}

/// Get a run's evaluations
///
/// Returns the aggregate and per-step verdicts for agents with step-level objectives configured.
#[utoipa::path(
    get,
    path = "/v1/runs/{runId}/evals",
    operation_id = "getRunEvals",
    tag = "Runs",
    params(("runId" = String, Path, description = "Run id returned by `POST /v1/agents/runs`.")),
    responses(
        (status = 200, description = "The run's evaluation verdicts.", body = RunEvals),
        (status = 404, description = "The run does not exist or the caller cannot read it.", body = AgentsError),
    )
)]
fn get_run_evals() {}
