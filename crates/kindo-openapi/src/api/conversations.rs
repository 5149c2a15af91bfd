//! Conversations area: the read-only item views of stored conversations.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::conversations::{ItemList, ListItemsQuery};
use kindo_types::errors::{FlatError, OpenAiError};
use kindo_types::responses::Item;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(list_conversation_items, get_conversation_item))]
pub struct Area;

/// List conversation items
///
/// Lists the items of a Kindo-managed conversation (created by `POST /v1/responses` with
/// `store: true` or `conversation`) in OpenAI's Conversations shape: messages, function calls
/// and function results (2026.09: also reasoning items). Page with `after` = the previous
/// `last_id` while `has_more` is `true`.
///
/// Errors use OpenAI's nested envelope, except `401`, which the auth middleware emits as the
/// flat `{"error": "Unauthorized", "message": "..."}`. The older API overview lists Bearer only
/// for conversations; the 2026.09 authentication page says `x-api-key` works too. `429` and
/// `500` come from the API overview's generic table; their bodies are not documented for this
/// surface.
#[utoipa::path(
    get,
    path = "/v1/conversations/{conversation_id}/items",
    operation_id = "listConversationItems",
    tag = "Conversations",
    params(
        ("conversation_id" = String, Path, description = "Conversation id, e.g. `conv_abc123` (`conversation.id` of a stored response)."),
        ListItemsQuery,
    ),
    responses(
        (status = 200, description = "One page of items.", body = ItemList),
        (status = 400, description = "`invalid_request_error` / `invalid_cursor`: `after` names an item not in this conversation.", body = OpenAiError),
        (status = 401, description = "Missing, malformed or revoked API key (flat envelope from the auth middleware).", body = FlatError),
        (status = 403, description = "`permission_error` / `forbidden`: the caller cannot access this conversation.", body = OpenAiError),
        (status = 404, description = "`not_found_error` / `not_found`: the conversation does not exist or was pruned by retention.", body = OpenAiError),
    )
)]
fn list_conversation_items() {}

/// Get a conversation item
///
/// Fetches one item of a conversation; its shape depends on `type` as in the list. Error
/// envelopes as for listing.
#[utoipa::path(
    get,
    path = "/v1/conversations/{conversation_id}/items/{item_id}",
    operation_id = "getConversationItem",
    tag = "Conversations",
    params(
        ("conversation_id" = String, Path, description = "Conversation id, e.g. `conv_abc123`."),
        ("item_id" = String, Path, description = "Item id, e.g. `msg_xyz789`."),
    ),
    responses(
        (status = 200, description = "The item.", body = Item),
        (status = 401, description = "Missing, malformed or revoked API key (flat envelope from the auth middleware).", body = FlatError),
        (status = 403, description = "`permission_error` / `forbidden`: the caller cannot access this conversation.", body = OpenAiError),
        (status = 404, description = "`not_found_error` / `not_found`: the conversation or item does not exist, or was pruned by retention.", body = OpenAiError),
    )
)]
fn get_conversation_item() {}
