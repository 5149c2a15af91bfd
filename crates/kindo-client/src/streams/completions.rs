//! Legacy text completions on llm.kindo.ai (`POST /v1/completions`, OpenAI's shape): with
//! `"stream": true` the answer is unnamed `data:` frames, each a `Completion` object with the
//! next piece of `choices[].text`, ended by `data: [DONE]` (the chat framing).

use std::fmt::Display;

use progenitor_client::Error;

use crate::llm;
use crate::sse::{EventStream, Protocol, SseRequest, data_is_json};

/// Pieces of an llm.kindo.ai text completion.
pub type CompletionStream = EventStream<llm::types::Completion, llm::types::OpenAiError>;

data_is_json!(llm::types::Completion);

impl llm::Client {
    /// `POST /v1/completions` with `"stream": true` (set here, whatever `body` says). A
    /// non-2xx answer is `Error::ErrorResponse` with the status, as for the generated
    /// `create_completion` (which documents no error body).
    pub async fn create_completion_stream<V>(&self, body: V) -> Result<CompletionStream, Error<()>>
    where
        V: TryInto<llm::types::CreateCompletionRequest>,
        V::Error: Display,
    {
        let mut body: llm::types::CreateCompletionRequest =
            super::request(body).map_err(super::invalid)?;
        body.stream = Some(true);
        self.post_sse_with(
            "/v1/completions",
            Default::default(),
            &body,
            Protocol::CHAT_COMPLETIONS,
        )
        .await
    }
}
