//! Chat Completions area: `POST /v1/chat/completions`. The one stub is registered in both
//! documents (api.kindo.ai and the legacy llm.kindo.ai) so that both carry the same
//! operationId and the same examples.

use kindo_types::chat::{ChatCompletion, ChatCompletionStreamEvent, CreateChatCompletionRequest};
use kindo_types::errors::OpenAiError;

use crate::area::area;

area! {
    tag = "Chat Completions";

    /// Create a chat completion
    ///
    /// OpenAI's Chat Completions API: stock OpenAI SDKs work with their base URL set to
    /// `https://api.kindo.ai/v1` (or the legacy `https://llm.kindo.ai/v1`). Kindo adds API-key
    /// auth, model access control, DLP, audit logging and credit metering; the request and
    /// response are OpenAI's own. The call is stateless: no system prompt is prepended and no tool
    /// is injected.
    ///
    /// With `"stream": true` the `200` body is `text/event-stream`: unnamed `data:` frames with
    /// `chat.completion.chunk` payloads, ended by `data: [DONE]`. A failure after streaming began
    /// arrives as an `event: error` frame (nested error envelope, `code: stream_error`) followed by
    /// `data: [DONE]`, with the HTTP status still `200`. The media type's `x-sse-data-schema`
    /// describes one frame's `data:` payload.
    ///
    /// Errors raised at Kindo's edge use OpenAI's nested envelope, except `401`, which is the plain
    /// `{"error": "Unauthorized"}` of the API-key middleware. Errors raised upstream (LiteLLM or the
    /// provider, any 4xx/5xx, including every `404`) are forwarded verbatim with the upstream body
    /// and `Content-Type`, so their body may follow a different schema. The error tables are
    /// documented for api.kindo.ai; the llm.kindo.ai pages list only the generic statuses
    /// (200/400/401/403/404/429/500).
    post "/v1/chat/completions" createChatCompletion
        json(CreateChatCompletionRequest, "OpenAI Chat Completions request; unlisted fields are forwarded verbatim.")
        => 200 "The completion (`application/json`), or with `stream: true` an SSE stream whose `data:` frames follow `ChatCompletionStreamEvent`." content((ChatCompletion = "application/json"), (ChatCompletionStreamEvent = "text/event-stream")),
           400 OpenAiError "`invalid_request_error`: the body fails validation (`invalid_body`) or names an unknown model (`model_not_found`).",
           404 "Never emitted by Kindo's edge: any `404` is an upstream provider response forwarded verbatim (body and `Content-Type` are the upstream's).";
}
