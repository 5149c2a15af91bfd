//! The response object.

use super::items::Item;
use super::tools::ResponseTool;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A response object.
///
/// Only `status` is required: the documented examples each leave out different fields (the
/// API overview's tool-call response has no `id`, `object` or `model`; the tool-use page's
/// has no `object` or `model`; an agent invocation's first answer and stream snapshots carry
/// only `id`, `object` and `status`), so a client must not rely on the others.
///
/// Published as `ResponseResource`: generators reserve `Response` for their own HTTP response
/// type (openapi-python-client's `types.Response`, for one).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = ResponseResource)]
pub struct Response {
    /// Response id: `resp_...`; agent runs use `resp_run_<run-uuid>`.
    pub id: Option<String>,
    /// Always `response`.
    pub object: Option<ResponseObject>,
    /// Creation time, Unix seconds (OpenAI), when present.
    pub created_at: Option<i64>,
    /// `completed`, `incomplete` (see `incomplete_details`; `reason: tool_use` means run the
    /// `function_call` items and send `function_call_output` back), `in_progress` (agent runs:
    /// stream or poll) or `failed`. Open set: OpenAI also uses `queued` and `cancelled`.
    pub status: String,
    /// The model (or `agent/<id>`) that answered.
    pub model: Option<String>,
    /// Generated items in order.
    pub output: Option<Vec<Item>>,
    /// Concatenated text of the `output_text` parts (OpenAI SDK convenience).
    pub output_text: Option<String>,
    /// Why the response is `incomplete`; `null` otherwise (OpenAI).
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub incomplete_details: Option<Option<IncompleteDetails>>,
    /// The stored conversation. Present when `store: true` or `conversation` was sent (the
    /// older API overview shows it on every response).
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub conversation: Option<Option<ConversationRef>>,
    /// The tools in effect (shown by the older API overview).
    pub tools: Option<Vec<ResponseTool>>,
    /// Other OpenAI response fields (`usage`, `error`, `instructions`, ...), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `object` of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ResponseObject {
    Response,
}

/// Why a response is incomplete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct IncompleteDetails {
    /// `tool_use` when the model is waiting for function results. Open set (OpenAI also uses
    /// `max_output_tokens`, `content_filter`).
    pub reason: String,
}

/// Reference to a stored conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConversationRef {
    /// Conversation id (e.g. `conv_abc123`), usable with `conversation` and the Conversations
    /// API.
    pub id: String,
}
