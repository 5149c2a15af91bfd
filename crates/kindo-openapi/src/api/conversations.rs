//! Conversations area: the read-only item views of stored conversations.

use kindo_types::conversations::{ItemList, ListItemsQuery};
use kindo_types::errors::OpenAiError;
use kindo_types::responses::Item;

use crate::area::area;

area! {
    tag = "Conversations";

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
    get "/v1/conversations/{conversation_id}/items" listConversationItems
        params(("conversation_id" = String, Path, description = "Conversation id, e.g. `conv_abc123` (`conversation.id` of a stored response)."), ListItemsQuery)
        => 200 ItemList "One page of items.",
           400 OpenAiError "`invalid_request_error` / `invalid_cursor`: `after` names an item not in this conversation.",
           404 OpenAiError "`not_found_error` / `not_found`: the conversation does not exist or was pruned by retention.";

    /// Get a conversation item
    ///
    /// Fetches one item of a conversation; its shape depends on `type` as in the list. Error
    /// envelopes as for listing.
    get "/v1/conversations/{conversation_id}/items/{item_id}" getConversationItem
        params(("conversation_id" = String, Path, description = "Conversation id, e.g. `conv_abc123`."), ("item_id" = String, Path, description = "Item id, e.g. `msg_xyz789`."))
        => 200 Item "The item.",
           404 OpenAiError "`not_found_error` / `not_found`: the conversation or item does not exist, or was pruned by retention.";
}
