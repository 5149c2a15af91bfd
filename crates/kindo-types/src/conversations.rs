//! Conversations API: read-only views of the items stored by `/v1/responses` with
//! `store: true` (or `conversation`), in OpenAI's Conversations shape.

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;
use utoipa::{IntoParams, ToSchema};

use crate::models::ListObject;
use crate::responses::Item;

/// Query parameters of `GET /v1/conversations/{conversation_id}/items`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListItemsQuery {
    /// Messages per page, 1–100 (default 20). One message may expand to several items (an
    /// assistant turn with a tool call yields a `function_call` and a `message`), so `data`
    /// may hold more than `limit` entries.
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<u32>,
    /// Sort order by message index (default `desc`).
    #[param(inline)]
    pub order: Option<SortOrder>,
    /// Cursor: return items appended after this item id (pass the previous page's `last_id`).
    /// An id not in this conversation gives `400 invalid_cursor`.
    pub after: Option<String>,
}

/// Sort order. Closed set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    Asc,
    #[default]
    Desc,
}

/// A page of items, in OpenAI's list shape. `has_more`, `first_id` and `last_id` are always
/// present.
///
/// Treat `data` as a flat ordered stream and dispatch on each item's `type`: one assistant
/// turn can produce sibling `function_call` and `message` items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ItemList {
    /// Always `list`.
    pub object: ListObject,
    /// The items of this page.
    pub data: Vec<Item>,
    /// `true` when another page is available: pass `last_id` as `after`.
    pub has_more: bool,
    /// Id of the first item in `data`; `null` when `data` is empty.
    #[schema(required = true)]
    pub first_id: Option<String>,
    /// Id of the last item in `data`; `null` when `data` is empty.
    #[schema(required = true)]
    pub last_id: Option<String>,
}
