//! Responses API: `POST /v1/responses`, `GET /v1/responses/{response_id}` and its
//! `input_items`, in OpenAI's Responses shape plus Kindo's Chat Actions extensions. The item
//! types here are shared with the Conversations API.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::chat::{FunctionTag, ToolChoiceMode};
use crate::errors::OpenAiError;
use crate::open_union;

/// Request body of `POST /v1/responses`: OpenAI's Responses request.
///
/// Kindo aims at bit-for-bit compatibility with stock OpenAI clients: listed fields are
/// forwarded verbatim unless noted, and unlisted fields pass through (the schema admits
/// additional properties). By default there is no hidden system prompt, no injected tool and
/// no server-side state; the Chat Actions opt-ins are `kindo.system_prompt`, Kindo-hosted
/// tools and `store`/`conversation`. (The older API overview instead says built-in tools are
/// always on and a conversation is always created; the newer pages win here.)
///
/// With `model: "agent/<agent-id>"` a stored Kindo agent runs: `tools`, a non-`auto`
/// `tool_choice`, `conversation`, `previous_response_id`, `background` and sampling fields
/// such as `temperature` are then rejected with `400 unsupported_parameter`, and the call
/// returns at once with `status: in_progress`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CreateResponseRequest {
    /// A model id from `GET /v1/models`, or a stored agent as `agent/<agent-id>` (newer docs;
    /// `agent/<id>@<version>` is rejected with `agent_version_pinning_unsupported`).
    pub model: String,
    /// A plain string for one turn, or an array of input items.
    pub input: ResponseInput,
    /// System-level instructions, forwarded unmodified (with `kindo.system_prompt:
    /// agent_default` Kindo's prompt goes first; on agent models they append to the agent's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Tools: `function`, `mcp` and Kindo-hosted `kindo_*` tools; unknown types are forwarded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<ResponseTool>>,
    /// `"auto"` (default), `"none"`, `"required"`, a named function or `allowed_tools`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ResponseToolChoice>,
    /// `true` switches the response to `text/event-stream` (consumed by Kindo).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    /// Default `false`. With `true` Kindo persists the response and returns
    /// `conversation.id`. An `mcp` tool requires `store: true` or `conversation` (else `400
    /// unsupported_tool_type`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<bool>,
    /// Id of a Kindo-managed conversation to continue (e.g. `conv_xyz789`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<String>,
    /// Id of a stored response to chain from. **The pages disagree**: older request-shape and
    /// error pages reject it with `400 unsupported_parameter`; newer pages (2026.09) support
    /// it, answer `404 previous_response_not_found` for an unknown or unstored id and `400
    /// mutually_exclusive_parameters` when `conversation` is also set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_response_id: Option<String>,
    /// Arbitrary key-value pairs (API overview).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, Value>>,
    /// Run in the background (OpenAI). Rejected with `400 unsupported_parameter` on
    /// Kindo-managed conversations and agent models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<bool>,
    /// Sampling temperature (rejected on agent models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Nucleus sampling (rejected on agent models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Output token limit (OpenAI; forwarded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<u32>,
    /// Kindo's Chat Actions extension object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kindo: Option<KindoOptions>,
    /// Any other OpenAI request field: forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Kindo's `kindo` request extension.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct KindoOptions {
    /// Curated system prompt; default `off`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_prompt: Option<SystemPromptMode>,
    /// Extension fields this version does not know.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `kindo.system_prompt`. Closed set as documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SystemPromptMode {
    /// Kindo prepends its curated operational prompt to `instructions` (on stateful requests
    /// it also adds service-managed context, date and timezone: 2026.09).
    AgentDefault,
    /// Default: nothing is prepended; `instructions` and `input` flow through unchanged.
    Off,
}

/// `input`: a string or an array of input items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ResponseInput {
    Text(String),
    Items(Vec<InputItem>),
}

open_union! {
    /// One input item. Documented types: `message`, `function_call` (history; re-sending it
    /// does not re-execute it) and `function_call_output` (a tool result, paired by
    /// `call_id`). Open set: other OpenAI item types are forwarded. A message may omit `type`
    /// (OpenAI's short form `{"role", "content"}`).
    pub enum InputItem: "input item" {
        Message(InputMessage) = ["message"],
        FunctionCall(FunctionCallItem) = ["function_call"],
        FunctionCallOutput(FunctionCallOutputItem) = ["function_call_output"],
    }
    untyped = Message
}

/// Tag of message items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum MessageTag {
    #[serde(rename = "message")]
    Message,
}

/// Tag of function-call items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum FunctionCallTag {
    #[serde(rename = "function_call")]
    FunctionCall,
}

/// Tag of function-call-output items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum FunctionCallOutputTag {
    #[serde(rename = "function_call_output")]
    FunctionCallOutput,
}

/// A message input item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InputMessage {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    #[schema(inline)]
    pub r#type: Option<MessageTag>,
    /// `user`, `system`, `assistant` or `developer` (treated as system-level). Closed set.
    pub role: InputRole,
    /// Text or content parts.
    pub content: ItemContent,
    /// Other item fields, forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Role of an input message. Closed set as documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum InputRole {
    User,
    System,
    Assistant,
    Developer,
}

/// Content of an input message: a string or content parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ItemContent {
    Text(String),
    Parts(Vec<ResponseContentPart>),
}

open_union! {
    /// A content part of a Responses or Conversations message. Known types: `input_text`,
    /// `output_text`, `input_image`. Open set: other part types pass through.
    pub enum ResponseContentPart: "content part" {
        InputText(InputTextPart) = ["input_text"],
        OutputText(OutputTextPart) = ["output_text"],
        InputImage(InputImagePart) = ["input_image"],
    }
}

/// Tag `input_text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum InputTextTag {
    #[serde(rename = "input_text")]
    InputText,
}

/// Tag `output_text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum OutputTextTag {
    #[serde(rename = "output_text")]
    OutputText,
}

/// Tag `input_image`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum InputImageTag {
    #[serde(rename = "input_image")]
    InputImage,
}

/// Text sent by the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InputTextPart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: InputTextTag,
    pub text: String,
}

/// Text produced by the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OutputTextPart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: OutputTextTag,
    pub text: String,
    /// Citations and similar annotations (OpenAI), when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Vec<Value>>,
}

/// An image sent by the user (OpenAI shape).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InputImagePart {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: InputImageTag,
    /// An `https:` or `data:` URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// An uploaded file id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_id: Option<String>,
    /// `auto`, `low` or `high` (open set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A function call made by the model (output, conversation history, or replayed input).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionCallItem {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionCallTag,
    /// Item id (present on conversation items; absent in the Responses examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Pairs the call with its `function_call_output`. Seen as `call_abc` and `toolu_abc123`:
    /// do not assume a prefix.
    pub call_id: String,
    /// The function to run.
    pub name: String,
    /// JSON-encoded arguments.
    pub arguments: String,
    /// Item status (OpenAI), when present. Open set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// The result of a function call, sent back by the client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunctionCallOutputItem {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionCallOutputTag,
    /// Stored `function_call_output` items carry no id of their own (identified by
    /// `call_id`); OpenAI clients may send one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The `call_id` of the originating `function_call`.
    pub call_id: String,
    /// The tool's result, typically JSON-encoded text.
    pub output: String,
}

open_union! {
    /// An item of a response's `output`, of a conversation, or of a response's input items.
    /// Known types: `message`, `function_call`, `function_call_output`. Open set: upstream
    /// providers and Kindo add others (2026.09 conversations contain `reasoning` items); they
    /// pass through as objects with a string `type`.
    pub enum Item: "item" {
        Message(MessageItem) = ["message"],
        FunctionCall(FunctionCallItem) = ["function_call"],
        FunctionCallOutput(FunctionCallOutputItem) = ["function_call_output"],
    }
}

/// A stored or generated message item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageItem {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: MessageTag,
    /// Item id (e.g. `msg_xyz789`); always present on conversation items, absent in the
    /// Responses `output` examples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `user`, `assistant`, `system` (or `developer`). Open set on output: treat as text.
    pub role: String,
    /// Typed content parts.
    pub content: Vec<ResponseContentPart>,
    /// `completed` in every documented example (Kindo stores only finished items). Open set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

open_union! {
    /// A tool available to the model. Known types: `function` (name, description and
    /// parameters at the top level, unlike Chat Completions), `mcp` (a Kindo integration by
    /// `server_label`; needs `store: true` or `conversation`) and the Kindo-hosted tools.
    /// Open set: unknown types are forwarded verbatim (the older API overview shows built-in
    /// tools echoed as `shell`, `web_search`, `computer`).
    pub enum ResponseTool: "tool" {
        Function(ResponseFunctionTool) = ["function"],
        Mcp(McpTool) = ["mcp"],
        KindoHosted(KindoHostedTool) = [
            "kindo_tools",
            "kindo_shell",
            "kindo_web_search",
            "kindo_browser_control",
            "kindo_browser_screenshot",
        ],
    }
}

/// A client-executed function tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ResponseFunctionTool {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionTag,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// JSON Schema of the arguments object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<BTreeMap<String, Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
}

/// Tag `mcp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum McpTag {
    #[serde(rename = "mcp")]
    Mcp,
}

/// An MCP integration tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct McpTool {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: McpTag,
    /// The integration, e.g. `linear`.
    pub server_label: String,
    /// Other MCP tool fields (OpenAI), forwarded verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// A Kindo-hosted tool, opted into by type alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct KindoHostedTool {
    #[serde(rename = "type")]
    pub r#type: KindoHostedToolType,
}

/// Kindo-hosted tool types documented in the (truncated) catalog. `kindo_tools` is sugar that
/// Kindo expands into the current set of `kindo_<name>` tools. The catalog continues past
/// these entries; other `kindo_*` types are accepted as unknown tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum KindoHostedToolType {
    /// The whole hosted-tool bundle.
    KindoTools,
    /// Sandboxed shell on a Kindo-managed agent workstation.
    KindoShell,
    /// Web search.
    KindoWebSearch,
    /// Drive a headless browser session.
    KindoBrowserControl,
    /// Screenshot of the current browser page.
    KindoBrowserScreenshot,
}

/// `tool_choice`: a mode string or an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ResponseToolChoice {
    Mode(ToolChoiceMode),
    Object(ResponseToolChoiceObject),
}

open_union! {
    /// An object `tool_choice`: `{"type": "function", "name"}` forces one function;
    /// `{"type": "allowed_tools", "mode", "tools"}` restricts the model to a subset for this
    /// request. Open set: other OpenAI forms are forwarded.
    pub enum ResponseToolChoiceObject: "tool choice" {
        Function(ResponseFunctionToolChoice) = ["function"],
        AllowedTools(AllowedToolsChoice) = ["allowed_tools"],
    }
}

/// Forces a call of the named function.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ResponseFunctionToolChoice {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: FunctionTag,
    pub name: String,
}

/// Tag `allowed_tools`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum AllowedToolsTag {
    #[serde(rename = "allowed_tools")]
    AllowedTools,
}

/// Restricts the model to a subset of the available tools.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AllowedToolsChoice {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub r#type: AllowedToolsTag,
    /// `auto` or `required` (OpenAI). Optional in the API overview's table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ToolChoiceMode>,
    /// The permitted tools, e.g. `{"type": "function", "name": "get_weather"}`.
    pub tools: Vec<ResponseTool>,
}

/// A response object.
///
/// Only `status` is required: the documented examples each leave out different fields (the
/// API overview's tool-call response has no `id`, `object` or `model`; the tool-use page's
/// has no `object` or `model`; an agent invocation's first answer and stream snapshots carry
/// only `id`, `object` and `status`), so a client must not rely on the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Response {
    /// Response id: `resp_...`; agent runs use `resp_run_<run-uuid>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `response`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<ResponseObject>,
    /// Creation time, Unix seconds (OpenAI), when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
    /// `completed`, `incomplete` (see `incomplete_details`; `reason: tool_use` means run the
    /// `function_call` items and send `function_call_output` back), `in_progress` (agent runs:
    /// stream or poll) or `failed`. Open set: OpenAI also uses `queued` and `cancelled`.
    pub status: String,
    /// The model (or `agent/<id>`) that answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Generated items in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Vec<Item>>,
    /// Concatenated text of the `output_text` parts (OpenAI SDK convenience).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_text: Option<String>,
    /// Why the response is `incomplete`; `null` otherwise (OpenAI).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_helpers::double_option"
    )]
    pub incomplete_details: Option<Option<IncompleteDetails>>,
    /// The stored conversation. Present when `store: true` or `conversation` was sent (the
    /// older API overview shows it on every response).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_helpers::double_option"
    )]
    pub conversation: Option<Option<ConversationRef>>,
    /// The tools in effect (shown by the older API overview).
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// Fields every Responses stream payload may carry besides its own.
macro_rules! stream_event {
    ($(#[doc = $doc:literal])* $name:ident { $($body:tt)* }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
        pub struct $name {
            /// The event name echoed in the payload (OpenAI's stream); Kindo's examples omit
            /// it, so rely on the SSE `event:` line.
            #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
            pub r#type: Option<String>,
            /// Position in the stream (OpenAI), when present.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub sequence_number: Option<u64>,
            $($body)*
        }
    };
}

stream_event! {
    /// Data of `response.created`, `response.in_progress`, `response.completed` and
    /// `response.failed`: a snapshot of the response.
    ///
    /// Kindo's pages show the flat form `{"id", "status", "object"}`; OpenAI's stream nests
    /// the snapshot under `response`. Both forms validate.
    ResponseLifecycleEvent {
        /// The snapshot, in OpenAI's nested form.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub response: Option<Box<Response>>,
        /// Response id (flat form).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        /// `response` (flat form).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub object: Option<ResponseObject>,
        /// Status at this point (flat form); `failed` on `response.failed`. Open set.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<String>,
    }
}

stream_event! {
    /// Data of `response.output_item.added` and `response.output_item.done`.
    ResponseOutputItemEvent {
        /// Position of the item in `output`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub output_index: Option<u32>,
        /// The item as it stands (complete on `.done`).
        pub item: Item,
    }
}

stream_event! {
    /// Data of `response.content_part.added` and `response.content_part.done`.
    ResponseContentPartEvent {
        /// The message item the part belongs to.
        pub item_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub output_index: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub content_index: Option<u32>,
        /// The part as it stands (complete on `.done`).
        pub part: ResponseContentPart,
    }
}

stream_event! {
    /// Data of `response.output_text.delta` and `response.function_call_arguments.delta`:
    /// text (or JSON argument text) to append.
    ResponseDeltaEvent {
        /// The item being generated (e.g. `msg_xyz`).
        pub item_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub output_index: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub content_index: Option<u32>,
        /// The increment.
        pub delta: String,
    }
}

stream_event! {
    /// Data of `response.output_text.done`: the final text of a content part.
    ResponseOutputTextDoneEvent {
        pub item_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub output_index: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub content_index: Option<u32>,
        /// The complete text of the part.
        pub text: String,
    }
}

stream_event! {
    /// Data of `response.function_call_arguments.done`: the complete arguments.
    ResponseFunctionCallArgumentsDoneEvent {
        pub item_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub output_index: Option<u32>,
        /// The complete JSON-encoded arguments.
        pub arguments: String,
    }
}

/// One named event of a Responses SSE stream: the `event:` name selects the payload schema of
/// the `data:` line.
///
/// | `event:` | `data:` schema |
/// |---|---|
/// | `response.created`, `response.in_progress`, `response.completed`, `response.failed` | `ResponseLifecycleEvent` |
/// | `response.output_item.added`, `response.output_item.done` | `ResponseOutputItemEvent` |
/// | `response.content_part.added`, `response.content_part.done` | `ResponseContentPartEvent` |
/// | `response.output_text.delta`, `response.function_call_arguments.delta` | `ResponseDeltaEvent` |
/// | `response.output_text.done` | `ResponseOutputTextDoneEvent` |
/// | `response.function_call_arguments.done` | `ResponseFunctionCallArgumentsDoneEvent` |
/// | `error` | `OpenAiError` (`code: stream_error`), then `response.failed` |
///
/// The event set is open: OpenAI emits further `response.*` events that Kindo passes on;
/// clients should skip names they do not know.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseStreamEvent {
    Lifecycle(String, ResponseLifecycleEvent),
    OutputItem(String, ResponseOutputItemEvent),
    ContentPart(String, ResponseContentPartEvent),
    Delta(String, ResponseDeltaEvent),
    OutputTextDone(ResponseOutputTextDoneEvent),
    FunctionCallArgumentsDone(ResponseFunctionCallArgumentsDoneEvent),
    Error(OpenAiError),
    /// An event name this version does not know, with its raw data.
    Other(String, Value),
}

impl ResponseStreamEvent {
    /// Every event name with a typed payload, as documented on the streaming page.
    pub const KNOWN_EVENTS: &'static [&'static str] = &[
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.output_item.done",
        "response.content_part.added",
        "response.content_part.done",
        "response.output_text.delta",
        "response.output_text.done",
        "response.function_call_arguments.delta",
        "response.function_call_arguments.done",
        "response.completed",
        "response.failed",
        "error",
    ];

    /// Parses one SSE frame from its `event:` name and `data:` text.
    pub fn from_sse(event: &str, data: &str) -> Result<Self, serde_json::Error> {
        let e = event.to_owned();
        Ok(match event {
            "response.created"
            | "response.in_progress"
            | "response.completed"
            | "response.failed" => Self::Lifecycle(e, serde_json::from_str(data)?),
            "response.output_item.added" | "response.output_item.done" => {
                Self::OutputItem(e, serde_json::from_str(data)?)
            }
            "response.content_part.added" | "response.content_part.done" => {
                Self::ContentPart(e, serde_json::from_str(data)?)
            }
            "response.output_text.delta" | "response.function_call_arguments.delta" => {
                Self::Delta(e, serde_json::from_str(data)?)
            }
            "response.output_text.done" => Self::OutputTextDone(serde_json::from_str(data)?),
            "response.function_call_arguments.done" => {
                Self::FunctionCallArgumentsDone(serde_json::from_str(data)?)
            }
            "error" => Self::Error(serde_json::from_str(data)?),
            _ => Self::Other(e, serde_json::from_str(data)?),
        })
    }
}

/// Serialises the `data:` payload of the frame (the event name is not part of it; see
/// [`ResponseStreamEvent::event_name`]).
impl Serialize for ResponseStreamEvent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Lifecycle(_, data) => data.serialize(serializer),
            Self::OutputItem(_, data) => data.serialize(serializer),
            Self::ContentPart(_, data) => data.serialize(serializer),
            Self::Delta(_, data) => data.serialize(serializer),
            Self::OutputTextDone(data) => data.serialize(serializer),
            Self::FunctionCallArgumentsDone(data) => data.serialize(serializer),
            Self::Error(data) => data.serialize(serializer),
            Self::Other(_, data) => data.serialize(serializer),
        }
    }
}

impl ResponseStreamEvent {
    /// The SSE `event:` name this frame is sent under.
    pub fn event_name(&self) -> &str {
        match self {
            Self::Lifecycle(name, _)
            | Self::OutputItem(name, _)
            | Self::ContentPart(name, _)
            | Self::Delta(name, _)
            | Self::Other(name, _) => name,
            Self::OutputTextDone(_) => "response.output_text.done",
            Self::FunctionCallArgumentsDone(_) => "response.function_call_arguments.done",
            Self::Error(_) => "error",
        }
    }
}

impl utoipa::PartialSchema for ResponseStreamEvent {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        use utoipa::openapi::Ref;
        use utoipa::openapi::schema::AnyOfBuilder;
        let description = "The `data:` payload of one frame of a Responses SSE stream (this \
schema describes each frame's payload, not the body as a whole). Every frame has a named \
`event:` line that selects the payload schema; payloads are not self-describing (Kindo's \
examples carry no `type`), hence `anyOf`.\n\n\
| `event:` | `data:` schema |\n|---|---|\n\
| `response.created`, `response.in_progress`, `response.completed`, `response.failed` | `ResponseLifecycleEvent` |\n\
| `response.output_item.added`, `response.output_item.done` | `ResponseOutputItemEvent` |\n\
| `response.content_part.added`, `response.content_part.done` | `ResponseContentPartEvent` |\n\
| `response.output_text.delta`, `response.function_call_arguments.delta` | `ResponseDeltaEvent` |\n\
| `response.output_text.done` | `ResponseOutputTextDoneEvent` |\n\
| `response.function_call_arguments.done` | `ResponseFunctionCallArgumentsDoneEvent` |\n\
| `error` | `OpenAiError` |\n\n\
A failure after streaming began arrives as `event: error` (nested envelope, `code: \
stream_error`) followed by `event: response.failed`; the HTTP status stays `200`. The event \
set is open: skip names you do not know.";
        AnyOfBuilder::new()
            .description(Some(description))
            .item(Ref::from_schema_name("ResponseLifecycleEvent"))
            .item(Ref::from_schema_name("ResponseOutputItemEvent"))
            .item(Ref::from_schema_name("ResponseContentPartEvent"))
            .item(Ref::from_schema_name("ResponseDeltaEvent"))
            .item(Ref::from_schema_name("ResponseOutputTextDoneEvent"))
            .item(Ref::from_schema_name(
                "ResponseFunctionCallArgumentsDoneEvent",
            ))
            .item(Ref::from_schema_name("OpenAiError"))
            .into()
    }
}

impl ToSchema for ResponseStreamEvent {
    fn schemas(
        out: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        fn add<T: ToSchema>(
            out: &mut Vec<(
                String,
                utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
            )>,
        ) {
            out.push((T::name().into_owned(), T::schema()));
            T::schemas(out);
        }
        add::<ResponseLifecycleEvent>(out);
        add::<ResponseOutputItemEvent>(out);
        add::<ResponseContentPartEvent>(out);
        add::<ResponseDeltaEvent>(out);
        add::<ResponseOutputTextDoneEvent>(out);
        add::<ResponseFunctionCallArgumentsDoneEvent>(out);
        add::<OpenAiError>(out);
    }
}
