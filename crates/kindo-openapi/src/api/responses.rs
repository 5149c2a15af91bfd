//! Responses area: `POST /v1/responses`, `GET /v1/responses/{response_id}` and
//! `GET /v1/responses/{response_id}/input_items`.

use kindo_types::conversations::ItemList;
use kindo_types::errors::OpenAiError;
use kindo_types::responses::{CreateResponseRequest, Response, ResponseStreamEvent};

use crate::area::area;

area! {
    tag = "Responses";

    /// Create a response
    ///
    /// OpenAI's Responses API (what codex and `client.responses` use) with Kindo's opt-in Chat
    /// Actions: `kindo.system_prompt`, Kindo-hosted `kindo_*` tools and stored conversations
    /// (`store`, `conversation`). A stored agent runs with `model: "agent/<agent-id>"`: it answers
    /// at once with `status: in_progress` (id `resp_run_<uuid>`), to be streamed or polled. When
    /// the model calls a client function the response is `incomplete` with
    /// `incomplete_details.reason: tool_use`; send `function_call_output` items back to continue.
    ///
    /// With `"stream": true` the `200` body is `text/event-stream` with named events
    /// (`response.created` ... `response.completed`); the media type's `x-sse-data-schema` describes
    /// one frame's `data:` payload and maps event names to payload schemas. A failure after streaming
    /// began arrives as `event: error` followed by `event: response.failed`, with status `200`.
    ///
    /// Edge errors use OpenAI's nested envelope except `401` (plain `{"error": "Unauthorized"}`);
    /// upstream errors are forwarded verbatim with the upstream body and `Content-Type`. "Ask Mode
    /// Only" is enforced on this endpoint. The older API overview lists Bearer only for this
    /// endpoint; the authentication page says `x-api-key` works too.
    post "/v1/responses" createResponse
        json(CreateResponseRequest, "OpenAI Responses request plus the `kindo` extension; unlisted fields are forwarded verbatim.")
        => 200 "The response (`application/json`), or with `stream: true` an SSE stream of named events whose `data:` payloads follow `ResponseStreamEvent`." content((Response = "application/json"), (ResponseStreamEvent = "text/event-stream")),
           400 OpenAiError "`invalid_request_error` with `code`: `invalid_body`, `model_not_found` (also unknown or inaccessible agents), `unsupported_parameter` (e.g. `background` on a Kindo-managed conversation, overrides on agent models; on older deployments `previous_response_id`), `unsupported_tool_type` (an `mcp` tool without `store: true` or `conversation`), `mutually_exclusive_parameters` (`previous_response_id` with `conversation`), `agent_version_pinning_unsupported`, `agent_not_invocable` (trigger-driven agent) or `agent_inputs_unmappable` (agent with two or more named inputs: use `POST /v1/agents/runs`).",
           404 OpenAiError "`invalid_request_error` / `previous_response_not_found`: `previous_response_id` is unknown, inaccessible or was not stored (newer deployments). Upstream `404`s are forwarded verbatim.";

    /// Get a response
    ///
    /// Retrieves a previously created response. The docs show only the call; the body is taken to
    /// be the response object returned by `POST /v1/responses`. Error bodies other than `404` are
    /// not documented for this endpoint; the Responses surface's envelopes are assumed.
    get "/v1/responses/{response_id}" getResponse
        params(("response_id" = String, Path, description = "Response id, e.g. `resp_abc123_1`."))
        => 200 Response "The response object.",
           404 OpenAiError "`not_found` (no `code`): the response does not exist or has been pruned.";

    /// List a response's input items
    ///
    /// Lists the input items of a response. Kindo documents only the call: the body is taken to
    /// be OpenAI's item list (the shape Kindo's Conversations API uses), and pagination parameters
    /// are not documented. Error bodies are not documented; the Responses surface's envelopes are
    /// assumed.
    get "/v1/responses/{response_id}/input_items" listResponseInputItems
        params(("response_id" = String, Path, description = "Response id, e.g. `resp_abc123_1`."))
        => 200 ItemList "The input items of the response.",
           404 OpenAiError "`not_found`: the response does not exist or has been pruned.";
}
