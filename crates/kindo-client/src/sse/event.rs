//! How a frame becomes a typed event, and which frames end a stream. Typed chat, Responses and
//! Messages streams (see [`crate::streams`]) are a [`SseEvent`] impl plus a [`Protocol`] constant each.

use serde::de::DeserializeOwned;

use super::SseFrame;
use crate::stream_events::{
    chat_completion_stream_event, message_stream_event, response_stream_event,
};

/// A type that can be decoded from one SSE frame.
pub trait SseEvent: Sized {
    fn from_frame(frame: &SseFrame) -> Result<Self, serde_json::Error>;
}

/// The raw frame, undecoded.
impl SseEvent for SseFrame {
    fn from_frame(frame: &SseFrame) -> Result<Self, serde_json::Error> {
        Ok(frame.clone())
    }
}

/// The frame's `data:` decoded as JSON into `T`, ignoring the event name (right for
/// chat-completion chunks and for Messages events, whose data carries a `type` tag).
#[derive(Debug, Clone, PartialEq)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned> SseEvent for Json<T> {
    fn from_frame(frame: &SseFrame) -> Result<Self, serde_json::Error> {
        serde_json::from_str(&frame.data).map(Json)
    }
}

/// `impl SseEvent` for types whose frame `data:` is their JSON, regardless of the event name
/// (the typed streams' own event types; [`Json`] does the same for any type, wrapped).
#[allow(unused_macros)] // a build without `api` and `llm` has no typed streams
macro_rules! data_is_json {
    ($($event:ty),+ $(,)?) => {
        $(impl $crate::sse::SseEvent for $event {
            fn from_frame(frame: &$crate::sse::SseFrame) -> Result<Self, serde_json::Error> {
                serde_json::from_str(&frame.data)
            }
        })+
    };
}
pub(crate) use data_is_json;

/// The framing conventions of one streaming API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Protocol {
    /// A `data:` payload that ends the stream and is not an event (`[DONE]`).
    pub done_data: Option<&'static str>,
    /// Event names that complete the stream: the event is yielded, then the stream ends.
    pub terminal_events: &'static [&'static str],
    /// Event names whose data is an error body: the stream yields an error.
    pub error_events: &'static [&'static str],
    /// Whether the stream ends right after an error event. `false` where the server follows
    /// the error with a terminal event of its own (Responses: `error`, then
    /// `response.failed`): the stream then goes on to deliver that event, and an end of
    /// input after the error is not reported again as a missing terminator.
    pub error_ends_stream: bool,
    /// Event names that are skipped (keep-alives).
    pub ignored_events: &'static [&'static str],
}

impl Protocol {
    /// Any SSE stream: every frame is an event, the end of input is a clean end, and an
    /// `error` event is an error.
    pub const GENERIC: Protocol = Protocol {
        done_data: None,
        terminal_events: &[],
        error_events: &["error"],
        error_ends_stream: true,
        ignored_events: &[],
    };

    // The streams below take their terminators and error events from the published event
    // tables (`x-sse-events`, generated into `crate::stream_events`); only which events are
    // keep-alives to skip is the client's own choice.

    /// OpenAI chat completions: unnamed chunks ended by `data: [DONE]`; a mid-stream
    /// `error` event ends the stream (the `[DONE]` the server sends after it is not read).
    pub const CHAT_COMPLETIONS: Protocol = Protocol {
        done_data: chat_completion_stream_event::DONE,
        terminal_events: chat_completion_stream_event::TERMINAL_EVENTS,
        error_events: chat_completion_stream_event::ERROR_EVENTS,
        error_ends_stream: chat_completion_stream_event::ERROR_ENDS_STREAM,
        ignored_events: &[],
    };

    /// Responses API: named events, complete after `response.completed` (or the terminal
    /// `response.failed` / `response.incomplete`). A mid-stream `error` is yielded as an error
    /// and the stream goes on to the `response.failed` the server sends next, which is
    /// yielded as the last event.
    pub const RESPONSES: Protocol = Protocol {
        done_data: response_stream_event::DONE,
        terminal_events: response_stream_event::TERMINAL_EVENTS,
        error_events: response_stream_event::ERROR_EVENTS,
        error_ends_stream: response_stream_event::ERROR_ENDS_STREAM,
        ignored_events: &[],
    };

    /// Anthropic Messages: named events, complete after `message_stop`, `ping` keep-alives
    /// (skipped), `error` mid-stream.
    pub const MESSAGES: Protocol = Protocol {
        done_data: message_stream_event::DONE,
        terminal_events: message_stream_event::TERMINAL_EVENTS,
        error_events: message_stream_event::ERROR_EVENTS,
        error_ends_stream: message_stream_event::ERROR_ENDS_STREAM,
        ignored_events: &["ping"],
    };

    /// Whether the stream must end with a terminator; without one the end of input is a cut.
    pub fn needs_terminator(&self) -> bool {
        self.done_data.is_some() || !self.terminal_events.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The protocols read from the published tables say what each stream's documentation says.
    #[test]
    fn protocols_follow_the_published_event_tables() {
        let chat = Protocol::CHAT_COMPLETIONS;
        assert_eq!(chat.done_data, Some("[DONE]"));
        assert!(chat.terminal_events.is_empty() && chat.error_ends_stream);
        assert_eq!(chat.error_events, ["error"]);
        let responses = Protocol::RESPONSES;
        assert_eq!(
            responses.terminal_events,
            [
                "response.completed",
                "response.failed",
                "response.incomplete"
            ]
        );
        assert!(!responses.error_ends_stream && responses.done_data.is_none());
        let messages = Protocol::MESSAGES;
        assert_eq!(messages.terminal_events, ["message_stop"]);
        assert!(messages.error_ends_stream && messages.needs_terminator());
    }
}
