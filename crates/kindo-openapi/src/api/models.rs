//! Models area: `GET /v1/models`.

use kindo_types::errors::FlatError;
use kindo_types::models::{ListModelsQuery, ModelList};

use crate::area::area;

area! {
    tag = "Models";

    /// List models
    ///
    /// Lists the models the caller's organization may use, in the OpenAI Models API shape (stock
    /// OpenAI clients work unmodified). Each `id` is the exact `model` value for chat completions,
    /// Responses and Messages. The 2026.09 docs add `display_name` to model entries and, with
    /// `include_agents=true`, `agent/<agent-id>` entries without `display_name`.
    ///
    /// The model pages do not document error bodies; the statuses below are the API overview's
    /// generic ones that apply to this read-only call.
    get "/v1/models" listModels params(ListModelsQuery)
        => 200 ModelList "The visible models (and agents, when requested).",
           403 FlatError "Forbidden. Listed in the API overview's generic status table; the cause is not documented for this endpoint (elsewhere it is a key whose user lacks Personal API Key Access).";
}
