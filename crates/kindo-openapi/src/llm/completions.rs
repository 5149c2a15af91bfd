//! Legacy text completions: `POST /v1/completions` (llm.kindo.ai only).
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::completions::{Completion, CreateCompletionRequest};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(create_completion))]
pub struct Area;

/// Create a text completion (legacy)
///
/// **Undocumented by Kindo** beyond its name in the API overview's domain table. The endpoint
/// sits on the OpenAI-compatible llm.kindo.ai proxy next to chat completions, so it is modelled
/// on OpenAI's legacy Completions shape; request fields are forwarded verbatim. Streaming,
/// error bodies and status codes are not documented: the statuses below are the API overview's
/// generic ones, without a body schema.
#[utoipa::path(
    post,
    path = "/v1/completions",
    operation_id = "createCompletion",
    tag = "Completions",
    request_body(content = CreateCompletionRequest, content_type = "application/json",
        description = "OpenAI legacy Completions request; unlisted fields are forwarded verbatim."),
    responses(
        (status = 200, description = "The completion (OpenAI legacy `text_completion` shape).", body = Completion),
    )
)]
fn create_completion() {}
