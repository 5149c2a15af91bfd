//! Legacy text completions: `POST /v1/completions` on llm.kindo.ai.
//!
//! Kindo documents this endpoint by name only (the API overview's domain table). It is served
//! by the same OpenAI-compatible proxy as chat completions, so it is modelled minimally on
//! OpenAI's legacy Completions shape, with every unlisted request field passed through.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

use crate::chat::StopSequences;

/// Request body of `POST /v1/completions` (OpenAI legacy shape; undocumented by Kindo).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CreateCompletionRequest {
    /// A model id from `GET /v1/models`.
    pub model: String,
    /// The prompt: a string, or (OpenAI) an array of strings or of token ids.
    pub prompt: CompletionPrompt,
    pub max_tokens: Option<u32>,
    pub temperature: Option<f64>,
    pub top_p: Option<f64>,
    pub n: Option<u32>,
    /// Streaming is not documented by Kindo for this endpoint.
    pub stream: Option<bool>,
    pub stop: Option<StopSequences>,
    pub user: Option<String>,
    /// Any other OpenAI completions field (`echo`, `suffix`, `logprobs`, `best_of`, ...).
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The prompt of a legacy completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum CompletionPrompt {
    Text(String),
    /// Strings, token ids or arrays of token ids (OpenAI legacy shapes).
    Batch(Vec<Value>),
}

/// A legacy text completion (OpenAI shape; undocumented by Kindo).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Completion {
    pub id: String,
    /// `text_completion` in OpenAI's shape.
    pub object: String,
    pub created: Option<i64>,
    pub model: Option<String>,
    pub choices: Vec<CompletionChoice>,
    pub usage: Option<crate::chat::ChatUsage>,
    /// Other upstream fields, passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One generated completion.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CompletionChoice {
    pub text: String,
    pub index: u32,
    /// Why generation stopped (`stop`, `length`, ...). Open set.
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub finish_reason: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub logprobs: Option<Option<BTreeMap<String, Value>>>,
}
