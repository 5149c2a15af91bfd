//! Messages area: the Anthropic-compatible Messages API (`/v1/messages`,
//! `/v1/messages/count_tokens`).

use kindo_types::messages::count_tokens::{CountTokensRequest, CountTokensResponse};
use kindo_types::messages::errors::MessagesError;
use kindo_types::messages::headers::AnthropicHeaders;
use kindo_types::messages::request::CreateMessageRequest;
use kindo_types::messages::response::Message;
use kindo_types::messages::stream::{
    ContentBlockDeltaEvent, ContentBlockStartEvent, ContentBlockStopEvent, MessageDeltaEvent,
    MessageStartEvent, MessageStopEvent, MessageStreamEvent, PingEvent,
};

use crate::area::area;

area! {
    tag = "Messages",
        components(schemas(MessageStreamEvent, MessageStartEvent, ContentBlockStartEvent, ContentBlockDeltaEvent, ContentBlockStopEvent, MessageDeltaEvent, MessageStopEvent, PingEvent));

    /// Create a message
    ///
    /// Anthropic's Messages API, governed by Kindo (auth, model access, DLP, audit, metering).
    /// Stock Anthropic SDKs and Claude Code work with the base URL `https://api.kindo.ai` (no
    /// `/v1`). Both auth headers work: Kindo's pages call `x-api-key` common for Anthropic clients,
    /// while anthropic-python 2.12.0 sends the key as `Authorization: Bearer` (observed by the SDK
    /// replay test).
    ///
    /// With `"stream": true` the `200` is `text/event-stream`: Anthropic's events verbatim, each
    /// frame an `event: <type>` line and a `data:` line holding one `MessageStreamEvent` (see the
    /// per-event schemas in components). A failure after streaming began arrives as a terminal
    /// `error` event while the status stays `200`. Errors raised by the upstream provider are
    /// forwarded verbatim with the provider's status, body and content type.
    post "/v1/messages" createMessage params(AnthropicHeaders) json(CreateMessageRequest)
        => 200 "The generated message (`application/json`), or with `stream: true` the SSE event stream (`text/event-stream`, frames whose `data` are `MessageStreamEvent`s)." content((Message = "application/json"), (MessageStreamEvent = "text/event-stream")),
           400 MessagesError "`invalid_request_error`: the body fails validation (missing `max_tokens`, malformed `messages`, ...) or names a missing model.",
           401 MessagesError "`authentication_error` with message `Unauthorized`: missing, malformed or revoked API key. Unlike Chat Completions and Responses, this surface uses Anthropic's typed envelope for 401.",
           403 MessagesError "`permission_error`: the key is valid but the user's group does not grant access to the model.",
           502 MessagesError "The upstream provider returned an empty body; `error.type` is `upstream_empty_body`.";

    /// Count tokens
    ///
    /// Counts the input tokens a Messages request would use, without generating. Kindo lists this
    /// endpoint but the part of its reference page describing the bodies and errors was not
    /// reachable: request, response and errors here follow Anthropic's count-tokens API and the
    /// Messages API's error envelope, on the strength of Kindo's statement that the Messages API
    /// uses Anthropic's native shapes.
    post "/v1/messages/count_tokens" countMessageTokens
        params(AnthropicHeaders)
        json(CountTokensRequest)
        => 200 CountTokensResponse "The token count.",
           400 MessagesError "`invalid_request_error`: the body fails validation or names a missing model.",
           403 MessagesError "`permission_error`: the user's group does not grant access to the model.";
}
