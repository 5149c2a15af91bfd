//! Legacy text completions: `POST /v1/completions` on llm.kindo.ai.
//!
//! Kindo documents this endpoint by name only (the API overview's domain table). It is served
//! by the same OpenAI-compatible proxy as chat completions, so it is modelled minimally on
//! OpenAI's legacy Completions shape, with every unlisted request field passed through.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::chat::StopSequences;

/// Request body of `POST /v1/completions` (OpenAI legacy shape; undocumented by Kindo).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CreateCompletionRequest {
    /// A model id from `GET /v1/models`.
    pub model: String,
    /// The prompt: a string, or (OpenAI) an array of strings or of token ids.
    pub prompt: CompletionPrompt,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    /// Streaming is not documented by Kindo for this endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop: Option<StopSequences>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Completion {
    pub id: String,
    /// `text_completion` in OpenAI's shape.
    pub object: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub choices: Vec<CompletionChoice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<crate::chat::ChatUsage>,
    /// Other upstream fields, passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One generated completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CompletionChoice {
    pub text: String,
    pub index: u32,
    /// Why generation stopped (`stop`, `length`, ...). Open set.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_helpers::double_option"
    )]
    pub finish_reason: Option<Option<String>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_helpers::double_option"
    )]
    pub logprobs: Option<Option<BTreeMap<String, Value>>>,
}
