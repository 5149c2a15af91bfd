//! Chat Completions: `POST /v1/chat/completions` on api.kindo.ai and llm.kindo.ai, in OpenAI's
//! shape. Kindo validates `model` and `messages` and forwards every other field verbatim
//! (Zod `passthrough()`), so request types keep unknown fields in `extra`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::errors::OpenAiError;
use crate::open_union;

/// Request body of `POST /v1/chat/completions`: OpenAI's Chat Completions request.
///
/// Kindo validates `model` and `messages` and forwards every other field to the upstream model
/// verbatim, including fields not listed here (the schema therefore admits additional
/// properties). `stream` is consumed by Kindo to switch the response to SSE. `metadata`,
/// `litellm_metadata` and `proxy_server_request` are stripped before forwarding so that clients
/// cannot spoof governance metadata. The Chat Actions opt-ins of `/v1/responses` (`kindo`,
/// hosted tools, stored conversations) are not accepted here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CreateChatCompletionRequest {
    /// A model id from `GET /v1/models`, e.g. `claude-sonnet-4-5-20250929`.
    pub model: String,
    /// The conversation so far; at least one message.
    #[schema(min_items = 1)]
    pub messages: Vec<ChatMessage>,
    /// `true` switches the response to `text/event-stream` (consumed by Kindo, not forwarded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// OpenAI stream options, forwarded. Kindo does not populate `usage` in streamed chunks
    /// even when `include_usage` is `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream_options: Option<ChatStreamOptions>,
    /// Sampling temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Nucleus sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Maximum number of tokens to generate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    /// OpenAI's newer name for the generation limit. Not in Kindo's field table; forwarded by
    /// passthrough.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_completion_tokens: Option<u32>,
    /// Frequency penalty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    /// Presence penalty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    /// Stop sequence(s): one string or an array of strings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop: Option<StopSequences>,
    /// Determinism hint, honoured where the upstream model supports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
    /// Log-probability request, forwarded to the upstream model. Kindo's field table types it
    /// "boolean / object": OpenAI sends a boolean, some upstreams take an options object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<ChatLogprobs>,
    /// Number of most likely tokens to return per position (OpenAI; forwarded by passthrough).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_logprobs: Option<u32>,
    /// Number of choices to generate (OpenAI; forwarded by passthrough).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    /// Token-id → bias map (OpenAI; forwarded by passthrough).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logit_bias: Option<BTreeMap<String, f64>>,
    /// End-user identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Tool definitions in OpenAI's nested `function` shape, forwarded verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<ChatTool>>,
    /// Which tool the model may call: `"auto"`, `"none"`, `"required"` or a named tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ChatToolChoice>,
    /// Whether the model may call several tools in one turn (OpenAI; forwarded by passthrough).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<bool>,
    /// Output format, e.g. `{"type": "json_object"}` or `{"type": "json_schema", ...}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_format: Option<ChatResponseFormat>,
    /// Accepted but **stripped** before forwarding (governance metadata cannot be spoofed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, Value>>,
    /// Accepted but **stripped** before forwarding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub litellm_metadata: Option<BTreeMap<String, Value>>,
    /// Accepted but **stripped** before forwarding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_server_request: Option<BTreeMap<String, Value>>,
    /// Any other OpenAI request field: forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// OpenAI `stream_options`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatStreamOptions {
    /// Requests a final usage chunk. Forwarded, but Kindo currently never populates `usage`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_usage: Option<bool>,
    /// Any other stream option, forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `stop`: one stop sequence or several.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum StopSequences {
    One(String),
    Many(Vec<String>),
}

/// `logprobs`: a boolean (OpenAI) or an options object (forwarded as is).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ChatLogprobs {
    Enabled(bool),
    Options(BTreeMap<String, Value>),
}

/// One message of the conversation, discriminated by `role`. Closed set as documented:
/// `system`, `developer` (treated exactly like `system`), `user`, `assistant`, `tool`.
///
/// Kindo's message table marks only `role` as required; `content` may be omitted or (on
/// assistant messages that only carry `tool_calls`) `null`. Unknown message fields are
/// forwarded verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "role", rename_all = "lowercase")]
pub enum ChatMessage {
    /// System instructions.
    System {
        /// Text or content parts.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        content: Option<ChatContent>,
        /// Author name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// Other message fields, forwarded verbatim.
        #[serde(flatten)]
        extra: BTreeMap<String, Value>,
    },
    /// Developer instructions; Kindo treats them exactly like `system` (OpenAI semantics).
    Developer {
        /// Text or content parts.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        content: Option<ChatContent>,
        /// Author name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// Other message fields, forwarded verbatim.
        #[serde(flatten)]
        extra: BTreeMap<String, Value>,
    },
    /// A user turn; content parts may be multimodal (`image_url`).
    User {
        /// Text or content parts.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        content: Option<ChatContent>,
        /// Author name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// Other message fields, forwarded verbatim.
        #[serde(flatten)]
        extra: BTreeMap<String, Value>,
    },
    /// A previous model turn, replayed as history.
    Assistant {
        /// Text or content parts; `null` when the turn only carries `tool_calls`.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "crate::serde_helpers::double_option"
        )]
        content: Option<Option<ChatContent>>,
        /// Author name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// The tool calls the model made in this turn.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tool_calls: Option<Vec<ChatToolCall>>,
        /// Other message fields (e.g. `refusal`), forwarded verbatim.
        #[serde(flatten)]
        extra: BTreeMap<String, Value>,
    },
    /// The result of a tool call.
    Tool {
        /// The tool's output.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        content: Option<ChatContent>,
        /// The `id` of the tool call this message answers (required on `tool` messages).
        tool_call_id: String,
        /// Other message fields, forwarded verbatim.
        #[serde(flatten)]
        extra: BTreeMap<String, Value>,
    },
}

/// Message content: a plain string or an array of content parts (forwarded verbatim).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ChatContent {
    Text(String),
    Parts(Vec<ChatContentPart>),
}

open_union! {
    /// One content part of a message. Open set: Kindo forwards content arrays verbatim, so
    /// parts other than `text` and `image_url` (e.g. OpenAI's `input_audio`, `file`) pass
    /// through as long as they carry a string `type`.
    pub enum ChatContentPart: "content part" {
        Text(ChatTextPart) = ["text"],
        ImageUrl(ChatImagePart) = ["image_url"],
    }
}

/// A text content part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatTextPart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: TextTag,
    pub text: String,
}

/// An image content part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatImagePart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: ImageUrlTag,
    pub image_url: ChatImageUrl,
}

/// The image of an `image_url` part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatImageUrl {
    /// An `https:` URL or a `data:` URL with base64 image data.
    pub url: String,
    /// Detail level: `auto`, `low` or `high` (OpenAI; open set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Tag of a text part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum TextTag {
    #[serde(rename = "text")]
    Text,
}

/// Tag of an image part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum ImageUrlTag {
    #[serde(rename = "image_url")]
    ImageUrl,
}

/// Tag of function tools and function tool calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum FunctionTag {
    #[serde(rename = "function")]
    Function,
}

open_union! {
    /// A tool definition, forwarded verbatim. Open set: Kindo documents the `function` tool
    /// (with the nested `function` object, unlike the Responses API); other types OpenAI adds
    /// pass through.
    pub enum ChatTool: "tool" {
        Function(ChatFunctionTool) = ["function"],
    }
}

/// A function tool: the model may call it, your code executes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatFunctionTool {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionTag,
    pub function: FunctionDefinition,
}

/// The callable function of a tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionDefinition {
    /// Function name the model calls.
    pub name: String,
    /// What the function does, for the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// JSON Schema of the arguments object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<BTreeMap<String, Value>>,
    /// OpenAI strict schema adherence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
}

/// `tool_choice`: a mode string or a named tool. All documented forms: `"auto"`, `"none"`,
/// `"required"`, `{"type": "function", "function": {"name": "..."}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ChatToolChoice {
    Mode(ToolChoiceMode),
    Named(ChatNamedToolChoice),
}

/// Tool-choice mode. Closed set (OpenAI's three modes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ToolChoiceMode {
    /// The model decides.
    Auto,
    /// No tool calls.
    None,
    /// At least one tool call.
    Required,
}

open_union! {
    /// An object `tool_choice`. Open set: the documented form forces one function; other
    /// OpenAI forms (e.g. `allowed_tools`) are forwarded verbatim.
    pub enum ChatNamedToolChoice: "tool choice" {
        Function(ChatFunctionToolChoice) = ["function"],
    }
}

/// Forces a call of the named function.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatFunctionToolChoice {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionTag,
    pub function: FunctionName,
}

/// Names a function.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionName {
    pub name: String,
}

/// `response_format`, forwarded verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatResponseFormat {
    /// `text`, `json_object` or `json_schema` (OpenAI). Open set: forwarded verbatim.
    #[serde(rename = "type")]
    pub r#type: String,
    /// The schema, with `type: json_schema` (`name`, `schema`, `strict`, `description`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<BTreeMap<String, Value>>,
    /// Other fields, forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

open_union! {
    /// A tool call made by the model. Open set: `function` is the documented type; other
    /// types OpenAI adds are passed through from upstream.
    pub enum ChatToolCall: "tool call" {
        Function(ChatFunctionToolCall) = ["function"],
    }
}

/// A function call made by the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatFunctionToolCall {
    /// Call id, echoed as `tool_call_id` on the `tool` message answering it (e.g. `call_abc`;
    /// do not assume a prefix).
    pub id: String,
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionTag,
    pub function: FunctionCall,
}

/// The function name and its arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionCall {
    pub name: String,
    /// The arguments as a JSON-encoded string, e.g. `{"location":"San Francisco, CA"}`.
    pub arguments: String,
}

/// A chat completion (`stream` absent or `false`).
///
/// `created`, `model` and `finish_reason` are optional here: the quickstart's response
/// carries them, but the first-API-call page shows a response without them, so a client must
/// not rely on them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatCompletion {
    /// Completion id, e.g. `chatcmpl-abc123`.
    pub id: String,
    /// Always `chat.completion`.
    pub object: ChatCompletionObject,
    /// Unix timestamp (seconds). Missing from one documented example.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    /// The model that answered. Missing from one documented example.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// One choice per requested completion (`n`, default 1).
    pub choices: Vec<ChatChoice>,
    /// Token counts. The tool-use page's example omits it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<ChatUsage>,
    /// Other upstream fields (e.g. `system_fingerprint`), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `object` of a chat completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum ChatCompletionObject {
    #[serde(rename = "chat.completion")]
    ChatCompletion,
}

/// One completion choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatChoice {
    /// Position of the choice.
    pub index: u32,
    /// The generated assistant message.
    pub message: ChatResponseMessage,
    /// Why generation stopped. Open set: `stop`, `length`, `tool_calls` (run the tools and
    /// send the results back), `content_filter`, `function_call`; upstream providers may add
    /// others. Missing from one documented example.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_helpers::double_option"
    )]
    pub finish_reason: Option<Option<String>>,
    /// Log probabilities, when requested.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_helpers::double_option"
    )]
    pub logprobs: Option<Option<BTreeMap<String, Value>>>,
}

/// The assistant message of a choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatResponseMessage {
    /// Always `assistant`.
    pub role: AssistantRole,
    /// The text; `null` when the model only calls tools.
    #[schema(required = true)]
    pub content: Option<String>,
    /// Tool calls to execute client-side (`finish_reason: tool_calls`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<ChatToolCall>>,
    /// Other upstream fields (e.g. `refusal`), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The `assistant` role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AssistantRole {
    Assistant,
}

/// Token counts of a completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatUsage {
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub total_tokens: u64,
    /// Other upstream counters (e.g. `prompt_tokens_details`), passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One `chat.completion.chunk` of a stream: the payload of an unnamed `data:` frame.
///
/// The streaming page's frames omit `created`, `model`, `index` and (until the last frame)
/// `finish_reason`; its single-chunk example carries them. `usage` is never populated by
/// Kindo, even with `stream_options.include_usage`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatCompletionChunk {
    /// Same id on every chunk of one completion.
    pub id: String,
    /// Always `chat.completion.chunk`.
    pub object: ChatCompletionChunkObject,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub choices: Vec<ChatChunkChoice>,
    /// Always absent or `null` on Kindo.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_helpers::double_option"
    )]
    pub usage: Option<Option<ChatUsage>>,
    /// Other upstream fields, passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `object` of a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum ChatCompletionChunkObject {
    #[serde(rename = "chat.completion.chunk")]
    ChatCompletionChunk,
}

/// One choice of a chunk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatChunkChoice {
    /// Position of the choice; absent in the streaming page's frames.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
    /// What this chunk adds to the message.
    pub delta: ChatChunkDelta,
    /// `null` (or absent) until the last chunk of the choice. Open set, see
    /// `ChatChoice.finish_reason`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_helpers::double_option"
    )]
    pub finish_reason: Option<Option<String>>,
}

/// The incremental part of a streamed message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatChunkDelta {
    /// `assistant` on the first chunk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<AssistantRole>,
    /// Text to append; may be `null` on tool-call chunks.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_helpers::double_option"
    )]
    pub content: Option<Option<String>>,
    /// Tool-call fragments (OpenAI streaming shape: `index`, then `id`/`type`/`function.name`
    /// on the first fragment and `function.arguments` pieces after).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<ChatToolCallDelta>>,
    /// Other upstream fields, passed through.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// A fragment of a streamed tool call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ChatToolCallDelta {
    /// Which tool call this fragment belongs to.
    pub index: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `function` (open set) on the first fragment.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<FunctionCallDelta>,
}

/// A fragment of a streamed function call.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionCallDelta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A piece of the JSON-encoded arguments; concatenate the pieces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<String>,
}

/// The `data:` payload of one frame of a Chat Completions SSE stream (`text/event-stream`).
///
/// This schema describes each frame's payload, not the body as a whole. Frames are unnamed
/// `data:` lines carrying a `ChatCompletionChunk`; the stream ends with the literal
/// `data: [DONE]` (not JSON). A failure after streaming has begun arrives as a frame named
/// `event: error` whose data is the nested `OpenAiError` envelope (`code: stream_error`),
/// followed by `data: [DONE]`; the HTTP status stays `200`. Treat such an error as terminal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ChatCompletionStreamEvent {
    /// An unnamed `data:` frame.
    Chunk(ChatCompletionChunk),
    /// The data of an `event: error` frame.
    Error(OpenAiError),
    /// The final `data: [DONE]` line.
    Done(StreamDone),
}

/// The literal `[DONE]` that ends a Chat Completions stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum StreamDone {
    #[serde(rename = "[DONE]")]
    Done,
}

impl ChatCompletionStreamEvent {
    /// Parses the data of one SSE frame (`[DONE]` is not JSON, so it is matched first).
    pub fn from_data(data: &str) -> Result<Self, serde_json::Error> {
        if data.trim() == "[DONE]" {
            return Ok(Self::Done(StreamDone::Done));
        }
        serde_json::from_str(data)
    }
}
