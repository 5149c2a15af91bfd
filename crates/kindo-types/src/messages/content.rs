//! Content blocks: the request-side blocks a client sends (`ContentBlockParam`) and the blocks
//! a response carries (`ContentBlock`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::skip_serializing_none;
use utoipa::ToSchema;

use crate::open_tag::{catch_all, tag};
use crate::open_union;

tag!(/// Always `text`.
    TextType::Text = "text");
tag!(/// Always `image`.
    ImageType::Image = "image");
tag!(/// Always `document`.
    DocumentType::Document = "document");
tag!(/// Always `tool_use`.
    ToolUseType::ToolUse = "tool_use");
tag!(/// Always `tool_result`.
    ToolResultType::ToolResult = "tool_result");
tag!(/// Always `thinking`.
    ThinkingType::Thinking = "thinking");
tag!(/// Always `redacted_thinking`.
    RedactedThinkingType::RedactedThinking = "redacted_thinking");
tag!(/// Always `server_tool_use`.
    ServerToolUseType::ServerToolUse = "server_tool_use");
tag!(/// Always `base64`.
    Base64Type::Base64 = "base64");
tag!(/// Always `url`.
    UrlType::Url = "url");
tag!(/// Always `file`.
    FileType::File = "file");

/// Prompt-caching breakpoint on a block, tool or system block. Kindo forwards it verbatim and
/// cache hits show up in the response `usage`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CacheControl {
    /// The cache kind. Closed set: Anthropic defines only `ephemeral`.
    #[serde(rename = "type")]
    pub kind: CacheControlType,
    /// Cache lifetime, `5m` (default) or `1h`; Anthropic-defined, passed through.
    pub ttl: Option<String>,
}

/// Cache kind. Closed set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CacheControlType {
    #[default]
    Ephemeral,
}

open_union! {
    /// One content block of a request message. Open union: Kindo forwards blocks verbatim, so
    /// block types not modelled here (`search_result`, `server_tool_use`, future types) are
    /// accepted by [`UnknownContentBlockParam`]; the modelled ones must match their schema.
    pub enum ContentBlockParam: "request content block" {
        Text(TextBlockParam),
        Image(ImageBlockParam),
        Document(DocumentBlockParam),
        ToolUse(ToolUseBlockParam),
        ToolResult(ToolResultBlockParam),
        Thinking(ThinkingBlockParam),
        RedactedThinking(RedactedThinkingBlockParam),
    }
    other = Unknown(UnknownContentBlockParam)
}

/// A text block.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TextBlockParam {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: TextType,
    pub text: String,
    pub cache_control: Option<CacheControl>,
    /// Anthropic citation objects, passed through.
    pub citations: Option<Vec<BTreeMap<String, Value>>>,
}

/// An image block.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ImageBlockParam {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ImageType,
    pub source: ImageSource,
    pub cache_control: Option<CacheControl>,
}

/// Where an image comes from. Closed set as Anthropic defines it: `base64`, `url`, `file`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ImageSource {
    Base64(Base64ImageSource),
    Url(UrlImageSource),
    File(FileImageSource),
}

/// Inline image data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Base64ImageSource {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: Base64Type,
    /// `image/jpeg`, `image/png`, `image/gif` or `image/webp`.
    pub media_type: String,
    /// Base64-encoded image bytes.
    pub data: String,
}

/// An image fetched from a URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UrlImageSource {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: UrlType,
    pub url: String,
}

/// An image uploaded through Anthropic's Files API (beta).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FileImageSource {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: FileType,
    pub file_id: String,
}

/// A document (PDF, plain text, ...) block.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DocumentBlockParam {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: DocumentType,
    /// Anthropic document source (`base64`, `text`, `content`, `url`, `file`), passed through.
    pub source: BTreeMap<String, Value>,
    pub title: Option<String>,
    pub context: Option<String>,
    /// Citation settings, e.g. `{"enabled": true}`.
    pub citations: Option<BTreeMap<String, Value>>,
    pub cache_control: Option<CacheControl>,
}

/// A tool call made by the assistant, echoed back in a later request.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ToolUseBlockParam {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ToolUseType,
    /// Tool call id (`toolu_…`), matched by the `tool_use_id` of the result.
    pub id: String,
    pub name: String,
    /// The tool arguments, an object matching the tool's `input_schema`.
    pub input: BTreeMap<String, Value>,
    pub cache_control: Option<CacheControl>,
}

/// The result of a client-side tool call, sent in a `user` message.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ToolResultBlockParam {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ToolResultType,
    /// The `id` of the `tool_use` block this answers.
    pub tool_use_id: String,
    pub content: Option<ToolResultContent>,
    /// `true` when the tool failed and `content` describes the error.
    pub is_error: Option<bool>,
    pub cache_control: Option<CacheControl>,
}

/// A tool result: plain text or content blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ToolResultContent {
    Text(String),
    Blocks(Vec<ToolResultBlock>),
}

open_union! {
    /// One block of a tool result. Open union: `text`, `image` and `document` are modelled; other
    /// types (e.g. `search_result`) are accepted by [`UnknownToolResultBlock`].
    pub enum ToolResultBlock: "tool result block" {
        Text(TextBlockParam),
        Image(ImageBlockParam),
        Document(DocumentBlockParam),
    }
    other = Unknown(UnknownToolResultBlock)
}

catch_all! {
    /// A tool-result block type this crate does not model, forwarded verbatim.
    UnknownToolResultBlock of ToolResultBlock("ToolResultBlock::reject_known_tag") {
        /// The block's other fields.
    }
}

/// Extended-thinking output echoed back in a later request (required when continuing a tool
/// loop with thinking enabled).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ThinkingBlockParam {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ThinkingType,
    pub thinking: String,
    /// Opaque signature that must be sent back unchanged.
    pub signature: String,
}

/// Redacted thinking echoed back in a later request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RedactedThinkingBlockParam {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: RedactedThinkingType,
    /// Opaque encrypted thinking.
    pub data: String,
}

catch_all! {
    /// A request block type this crate does not model, forwarded verbatim by Kindo.
    UnknownContentBlockParam of ContentBlockParam("ContentBlockParam::reject_known_tag") {
        /// The block's other fields.
    }
}

open_union! {
    /// One content block of a response message (or of `content_block_start`). Open union:
    /// Anthropic adds block types (`web_search_tool_result`, `container_upload`, ...) that Kindo
    /// forwards verbatim; they are accepted by [`UnknownContentBlock`].
    pub enum ContentBlock: "content block" {
        Text(TextBlock),
        ToolUse(ToolUseBlock),
        Thinking(ThinkingBlock),
        RedactedThinking(RedactedThinkingBlock),
        ServerToolUse(ServerToolUseBlock),
    }
    other = Unknown(UnknownContentBlock)
}

/// Generated text.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TextBlock {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: TextType,
    /// The text; empty in `content_block_start`, filled by `text_delta` events.
    pub text: String,
    /// Citations supporting the text, when citations were enabled (Anthropic sends `null` or
    /// omits it otherwise).
    #[serde(default, deserialize_with = "crate::serde_helpers::double_option")]
    pub citations: Option<Option<Vec<BTreeMap<String, Value>>>>,
}

/// A client-side tool call: run the tool and answer with a `tool_result` block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ToolUseBlock {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ToolUseType,
    /// Tool call id (`toolu_…`).
    pub id: String,
    pub name: String,
    /// The arguments, an object matching the tool's `input_schema` (`{}` in
    /// `content_block_start`; streamed through `input_json_delta`).
    pub input: BTreeMap<String, Value>,
}

/// Extended-thinking output (when `thinking` is enabled).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ThinkingBlock {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ThinkingType,
    pub thinking: String,
    /// Opaque signature to send back unchanged with the block.
    pub signature: String,
}

/// Thinking the provider redacted; send it back unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RedactedThinkingBlock {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: RedactedThinkingType,
    pub data: String,
}

/// A call to a server-side tool (e.g. web search) that the provider runs itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ServerToolUseBlock {
    #[serde(rename = "type")]
    #[schema(inline)]
    pub kind: ServerToolUseType,
    pub id: String,
    pub name: String,
    pub input: BTreeMap<String, Value>,
}

catch_all! {
    /// A response block type this crate does not model, forwarded verbatim.
    UnknownContentBlock of ContentBlock("ContentBlock::reject_known_tag") {
        /// The block's other fields.
    }
}
