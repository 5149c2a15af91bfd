//! Legacy text completions: `POST /v1/completions` (llm.kindo.ai only).

use kindo_types::completions::{Completion, CreateCompletionRequest};

use crate::area::area;

area! {
    tag = "Completions";

    /// Create a text completion (legacy)
    ///
    /// **Undocumented by Kindo** beyond its name in the API overview's domain table. The endpoint
    /// sits on the OpenAI-compatible llm.kindo.ai proxy next to chat completions, so it is modelled
    /// on OpenAI's legacy Completions shape; request fields are forwarded verbatim. Streaming,
    /// error bodies and status codes are not documented: the statuses below are the API overview's
    /// generic ones, without a body schema.
    post "/v1/completions" createCompletion
        json(CreateCompletionRequest, "OpenAI legacy Completions request; unlisted fields are forwarded verbatim.")
        => 200 Completion "The completion (OpenAI legacy `text_completion` shape).";
}
