//! Runs: status polling (`GET /v1/runs/{runId}`) and step evaluations
//! (`GET /v1/runs/{runId}/evals`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;
use utoipa::openapi::schema::Object;

use crate::open_union;

/// What `Run.result` holds, as published.
pub const RESULT_DOC: &str = "The final assistant message as a JSON-encoded string: decode it \
to get a `RunMessage` (`{\"id\", \"role\", \"parts\": [...], \"metadata\"}`). `null` while \
`in_progress`, always `null` on `failure` and `cancelled`, and `null` on `success` when the run \
produced no assistant payload. One older overview page shows a plain-text result instead, so \
clients should fall back to treating an undecodable value as text.";

fn result_schema() -> Object {
    crate::encoded::json_text("RunMessage", true, RESULT_DOC)
}

/// The state of one agent run.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    /// Matches the `runId` returned by the trigger.
    pub run_id: String,
    /// The agent that produced the run; `null` when that agent has since been soft-deleted.
    #[schema(required = true)]
    #[serialize_always]
    pub agent_id: Option<String>,
    /// The conversation backing the run, readable with
    /// `GET /v1/conversations/{conversation_id}/items`. Newer docs (2026.09) always send it and
    /// type it nullable; older deployments omit the field, so it is optional here.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub conversation_id: Option<Option<String>>,
    /// ISO-8601 time the trigger was accepted.
    #[schema(format = DateTime)]
    pub created_at_utc: String,
    /// ISO-8601 time the run reached a terminal status; `null` while `in_progress`.
    #[schema(required = true, format = DateTime)]
    #[serialize_always]
    pub ended_at_utc: Option<String>,
    /// The final assistant message as a JSON-encoded string; see [`RESULT_DOC`].
    #[schema(required = true, schema_with = result_schema)]
    #[serialize_always]
    pub result: Option<String>,
    /// Lifecycle status.
    pub status: RunStatus,
}

/// The final assistant message of a run, the content of `Run.result`. Open: real runs add
/// fields beyond these, and parts of types other than the known ones.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RunMessage {
    /// The message id, when the deployment sends one.
    pub id: Option<String>,
    /// `assistant` for a run's final message.
    pub role: String,
    /// The message content, in order: step markers and text parts, among others.
    pub parts: Vec<RunMessagePart>,
    /// Message metadata, when the deployment sends it; its shape is not documented.
    pub metadata: Option<Value>,
    /// Other message fields, kept as sent.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

open_union! {
    /// One part of a run's final message. Known types: `text` and `step-start` (the start of
    /// one agent step). Open set: other part types pass through.
    pub enum RunMessagePart: "run message part" {
        Text(RunTextPart),
        StepStart(RunStepStartPart),
    }
}

/// Tag `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum RunTextTag {
    #[serde(rename = "text")]
    Text,
}

/// Tag `step-start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum RunStepStartTag {
    #[serde(rename = "step-start")]
    StepStart,
}

/// Text the agent produced.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RunTextPart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: RunTextTag,
    pub text: String,
    /// The part's streaming state when the message was stored (e.g. `done`).
    pub state: Option<String>,
    /// Other part fields, kept as sent.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The start of one agent step; text and tool parts of the step follow it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RunStepStartPart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: RunStepStartTag,
    /// Other part fields, kept as sent.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Run lifecycle. Closed set: `in_progress` is the only non-terminal status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// Still running; keep polling.
    InProgress,
    /// Completed; `result` holds the final payload or `null`.
    Success,
    /// Errored; `result` is `null`.
    Failure,
    /// Cancelled manually or by a timeout; `result` is `null`.
    Cancelled,
}

/// Step-level evaluation verdicts of a run, for agents with step objectives configured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RunEvals {
    /// The evaluated run.
    pub run_id: String,
    /// Aggregate verdict over all steps.
    pub result: EvalVerdict,
    /// One verdict per evaluated step.
    pub steps: Vec<EvalStep>,
}

/// The verdict of one evaluated step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EvalStep {
    /// 1-based position of the step in the agent.
    pub step_number: u32,
    /// Step name.
    pub name: String,
    /// Verdict for this step.
    pub result: EvalVerdict,
    /// Why the evaluator reached the verdict.
    pub explanation: String,
}

/// An evaluation verdict. Closed set as documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum EvalVerdict {
    Pass,
    Fail,
    Pending,
    Skipped,
    Unknown,
}
