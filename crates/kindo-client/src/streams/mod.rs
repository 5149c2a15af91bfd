//! Typed streams of the inference operations: each method takes the generated request type,
//! sets `stream: true` itself and returns an [`EventStream`](crate::sse::EventStream) of
//! generated event types.
//!
//! | method | events | mid-stream `error` event | clean end |
//! |---|---|---|---|
//! | `api::Client::create_chat_completion_stream`, `llm::Client::create_chat_completion_stream` | `ChatCompletionChunk` | `StreamError::Event` with `OpenAiError`; the stream ends | `data: [DONE]` |
//! | `api::Client::create_response_stream` | [`ResponseEvent`] (the `event:` name picks the payload type) | `StreamError::Event` with `OpenAiError`; the stream goes on to `response.failed` | `response.completed`, `response.failed` or `response.incomplete`, yielded as the last event |
//! | `api::Client::create_message_stream` | `MessageStreamEvent` (`ping` skipped) | `StreamError::Event` with `MessagesError`; the stream ends | `message_stop`, yielded as the last event |
//! | `llm::Client::create_completion_stream` (legacy completions) | `llm::types::Completion` | `StreamError::Event` with `OpenAiError`; the stream ends | `data: [DONE]` |
//! | `api::Client::mcp()` and `mcp_send` (MCP gateway) | [`McpAnswer`]: JSON, an [`McpEventStream`] of [`McpEvent`]s, or `Accepted` (`202`) | `StreamError::Event` | end of input |
//!
//! An answer other than 2xx is `Error::ErrorResponse` carrying the operation's own error type
//! (the one its generated non-streaming method returns); a stream that ends before its
//! terminator is `StreamError::Truncated`.

//!
//! Each host's streams compile with its cargo feature (`api`, `llm`).

mod chat;
#[cfg(feature = "llm")]
mod completions;
#[cfg(feature = "api")]
mod mcp;
#[cfg(feature = "api")]
mod messages;
#[cfg(feature = "api")]
mod responses;

#[cfg(feature = "api")]
pub use chat::ChatCompletionStream;
#[cfg(feature = "llm")]
pub use chat::LlmChatCompletionStream;
#[cfg(feature = "llm")]
pub use completions::CompletionStream;
#[cfg(feature = "api")]
pub use mcp::{MCP_ACCEPT, McpAnswer, McpEvent, McpEventStream, McpOptions};
// Called by the generated `mcp()` (see `xtask`'s client rewrites).
#[cfg(feature = "api")]
pub(crate) use mcp::read_mcp_answer;
#[cfg(feature = "api")]
pub use messages::{MessageHeaders, MessageStream};
#[cfg(feature = "api")]
pub use responses::{ResponseEvent, ResponseStream};

use std::fmt::Display;

use progenitor_client::Error;

/// Converts a request (the generated struct or its builder) as the generated `.body()` does.
fn request<R, V>(value: V) -> Result<R, String>
where
    V: TryInto<R>,
    V::Error: Display,
{
    value
        .try_into()
        .map_err(|e| format!("invalid request body: {e}"))
}

/// A request that cannot be built is reported like a generated call reports it.
fn invalid<E>(message: String) -> Error<E> {
    Error::InvalidRequest(message)
}
