//! Chat Completions streams on both hosts: unnamed `chat.completion.chunk` frames ended by
//! `data: [DONE]`; a mid-stream `event: error` carries OpenAI's nested envelope.

use std::fmt::Display;

use progenitor_client::Error;

#[cfg(feature = "api")]
use crate::api;
#[cfg(feature = "llm")]
use crate::llm;
use crate::sse::{EventStream, Protocol, SseRequest, data_is_json};

/// Chunks of an api.kindo.ai chat completion.
#[cfg(feature = "api")]
pub type ChatCompletionStream =
    EventStream<api::types::ChatCompletionChunk, api::types::OpenAiError>;

/// Chunks of an llm.kindo.ai chat completion.
#[cfg(feature = "llm")]
pub type LlmChatCompletionStream =
    EventStream<llm::types::ChatCompletionChunk, llm::types::OpenAiError>;

#[cfg(feature = "api")]
data_is_json!(api::types::ChatCompletionChunk);
#[cfg(feature = "llm")]
data_is_json!(llm::types::ChatCompletionChunk);

/// Both hosts serve the same operation; only the generated type paths differ.
macro_rules! chat_stream {
    ($host:ident, $stream:ty) => {
        impl $host::Client {
            /// `POST /v1/chat/completions` with `"stream": true` (set here, whatever `body`
            /// says): the completion's chunks as they are generated. See [`crate::streams`].
            pub async fn create_chat_completion_stream<V>(
                &self,
                body: V,
            ) -> Result<$stream, Error<$host::types::CreateChatCompletionError>>
            where
                V: TryInto<$host::types::CreateChatCompletionRequest>,
                V::Error: Display,
            {
                let mut body: $host::types::CreateChatCompletionRequest =
                    super::request(body).map_err(super::invalid)?;
                body.stream = Some(true);
                self.post_sse_with(
                    "/v1/chat/completions",
                    Default::default(),
                    &body,
                    Protocol::CHAT_COMPLETIONS,
                )
                .await
            }
        }
    };
}

#[cfg(feature = "api")]
chat_stream!(api, ChatCompletionStream);
#[cfg(feature = "llm")]
chat_stream!(llm, LlmChatCompletionStream);
