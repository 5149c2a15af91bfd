//! Anthropic Messages streams: named events whose data carries a `type` tag, `ping`
//! keep-alives (skipped), `message_stop` last; a mid-stream `error` event (Anthropic's
//! envelope) ends the stream.

use std::fmt::Display;

use progenitor_client::Error;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::api::types::{CreateMessageRequest, MessageStreamEvent, MessagesError};
use crate::sse::{EventStream, Protocol, SseRequest, data_is_json};

/// Events of a streamed message.
pub type MessageStream = EventStream<MessageStreamEvent, MessagesError>;

data_is_json!(MessageStreamEvent);

/// The optional headers of `POST /v1/messages`, as the generated `create_message` takes them.
/// None is sent unless set; raw HTTP clients should send `anthropic-version: 2023-06-01`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageHeaders {
    /// `anthropic-version`.
    pub anthropic_version: Option<String>,
    /// `anthropic-beta`: comma-separated beta flags.
    pub anthropic_beta: Option<String>,
    /// `x-claude-code-session-id`.
    pub claude_code_session_id: Option<String>,
}

impl MessageHeaders {
    /// Only `anthropic-version`.
    pub fn version(version: impl Into<String>) -> Self {
        MessageHeaders {
            anthropic_version: Some(version.into()),
            ..MessageHeaders::default()
        }
    }

    fn to_header_map(&self) -> Result<HeaderMap, String> {
        let mut map = HeaderMap::new();
        for (name, value) in [
            ("anthropic-version", &self.anthropic_version),
            ("anthropic-beta", &self.anthropic_beta),
            ("x-claude-code-session-id", &self.claude_code_session_id),
        ] {
            if let Some(value) = value {
                let value = HeaderValue::from_str(value)
                    .map_err(|_| format!("the `{name}` header value is not valid in HTTP"))?;
                map.insert(HeaderName::from_static(name), value);
            }
        }
        Ok(map)
    }
}

impl crate::api::Client {
    /// `POST /v1/messages` with `"stream": true` (set here): the message's events as they are
    /// generated. See [`crate::streams`].
    pub async fn create_message_stream<V>(
        &self,
        body: V,
        headers: &MessageHeaders,
    ) -> Result<MessageStream, Error<MessagesError>>
    where
        V: TryInto<CreateMessageRequest>,
        V::Error: Display,
    {
        let mut body: CreateMessageRequest = super::request(body).map_err(super::invalid)?;
        body.stream = Some(true);
        let headers = headers.to_header_map().map_err(super::invalid)?;
        self.post_sse_with("/v1/messages", headers, &body, Protocol::MESSAGES)
            .await
    }
}
