//! `run_agent_and_wait`: trigger a run, then poll `GET /v1/runs/{runId}` with backoff until it
//! reaches a terminal status, bounded by attempts and wall time. A 404 ends the wait at once.

use std::fmt;
use std::time::{Duration, Instant};

use progenitor_client::Error;

use crate::api::Client;
use crate::api::types::{AgentsError, Run, RunAgentRequest, RunStatus};

/// Bounds of the polling loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitOptions {
    /// Delay before the first poll.
    pub initial_interval: Duration,
    /// The delay grows by half each poll up to this.
    pub max_interval: Duration,
    /// Give up after this long (measured from the first poll).
    pub max_wait: Duration,
    /// Give up after this many polls.
    pub max_attempts: u32,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            initial_interval: Duration::from_secs(1),
            max_interval: Duration::from_secs(10),
            max_wait: Duration::from_secs(15 * 60),
            max_attempts: 500,
        }
    }
}

/// Why no terminal run came back.
#[derive(Debug)]
pub enum WaitError {
    /// Triggering the run failed (the Agents error body is typed in `Error::ErrorResponse`).
    Trigger(Error<AgentsError>),
    /// `GET /v1/runs/{runId}` answered 404: the run is gone or not visible.
    RunNotFound { run_id: String, body: AgentsError },
    /// Polling failed for another reason.
    Poll {
        run_id: String,
        error: Error<AgentsError>,
    },
    /// The bounds ran out while the run was still `in_progress`.
    TimedOut {
        run_id: String,
        attempts: u32,
        elapsed: Duration,
    },
}

impl fmt::Display for WaitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::Trigger(e) => write!(f, "cannot start the run: {e}"),
            WaitError::RunNotFound { run_id, body } => {
                write!(
                    f,
                    "run {run_id} not found: {}: {}",
                    body.error, body.message
                )
            }
            WaitError::Poll { run_id, error } => write!(f, "cannot poll run {run_id}: {error}"),
            WaitError::TimedOut {
                run_id,
                attempts,
                elapsed,
            } => write!(
                f,
                "run {run_id} still in progress after {attempts} polls ({:.1} s)",
                elapsed.as_secs_f64()
            ),
        }
    }
}

impl std::error::Error for WaitError {}

impl Client {
    /// Triggers a run (`POST /v1/agents/runs`) and waits for it to end. Every terminal status
    /// (`success`, `failure`, `cancelled`) is `Ok`: check `run.status`, and decode a success's
    /// `result` with [`crate::runs::RunResult::of`].
    pub async fn run_agent_and_wait(
        &self,
        request: RunAgentRequest,
        options: &WaitOptions,
    ) -> Result<Run, WaitError> {
        let accepted = self
            .run_agent()
            .body(request)
            .send()
            .await
            .map_err(WaitError::Trigger)?;
        self.wait_for_run(&accepted.into_inner().run_id, options)
            .await
    }

    /// Polls `GET /v1/runs/{runId}` until the run leaves `in_progress`, within `options`.
    pub async fn wait_for_run(
        &self,
        run_id: &str,
        options: &WaitOptions,
    ) -> Result<Run, WaitError> {
        let started = Instant::now();
        let mut interval = options.initial_interval;
        let mut attempts = 0;
        loop {
            let remaining = options.max_wait.saturating_sub(started.elapsed());
            if attempts >= options.max_attempts || remaining.is_zero() {
                return Err(WaitError::TimedOut {
                    run_id: run_id.to_owned(),
                    attempts,
                    elapsed: started.elapsed(),
                });
            }
            tokio::time::sleep(interval.min(remaining)).await;
            attempts += 1;
            match self.get_run().run_id(run_id).send().await {
                Ok(run) if run.status != RunStatus::InProgress => return Ok(run.into_inner()),
                Ok(_) => {}
                Err(Error::ErrorResponse(rv)) if rv.status() == reqwest::StatusCode::NOT_FOUND => {
                    return Err(WaitError::RunNotFound {
                        run_id: run_id.to_owned(),
                        body: rv.into_inner(),
                    });
                }
                Err(error) => {
                    return Err(WaitError::Poll {
                        run_id: run_id.to_owned(),
                        error,
                    });
                }
            }
            interval = (interval + interval / 2).min(options.max_interval);
        }
    }
}
