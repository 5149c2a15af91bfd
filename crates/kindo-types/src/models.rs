//! `GET /v1/models`: the OpenAI Models API list, with Kindo's additive `display_name` and
//! optional agent entries.

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;
use utoipa::{IntoParams, ToSchema};

/// Query parameters of `GET /v1/models`.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListModelsQuery {
    /// When `true`, agents the caller can invoke are listed alongside models, with ids of the
    /// form `agent/<agent-id>` (usable as `model` on `POST /v1/responses`). Documented in the
    /// 2026.09 docs; older deployments ignore it.
    pub include_agents: Option<bool>,
}

/// The models (and optionally agents) visible to the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ModelList {
    /// Always `list`.
    pub object: ListObject,
    /// One entry per model; agent entries follow when `include_agents=true`.
    pub data: Vec<Model>,
}

/// The `object` discriminator of a list envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ListObject {
    List,
}

/// The `object` discriminator of a model entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ModelObject {
    Model,
}

/// One model (or agent) entry, in the OpenAI Models API shape.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Model {
    /// The exact string to pass as `model` on the inference APIs. Kindo does not rename
    /// upstream models (`claude-sonnet-4-5-20250929`, `gpt-4o-2024-11-20`); agent entries
    /// have the form `agent/<agent-id>`.
    pub id: String,
    /// Always `model`.
    pub object: ModelObject,
    /// Unix timestamp. Kindo reports `0` for every entry in all documented examples.
    pub created: u64,
    /// Owner of the entry; `kindo` in every documented example.
    pub owned_by: String,
    /// Human-readable model name as shown in the Kindo Terminal (2026.09 docs). Present on
    /// model entries only; agent entries and older deployments omit it.
    pub display_name: Option<String>,
}
