//! Server-sent events: the parser ([`SseParser`], shared with the checker and the tests
//! through `kindo-wire`), typed decoding ([`SseEvent`], [`Protocol`]),
//! an async stream ([`EventStream`]) and the HTTP call that opens one ([`SseRequest`]).
//!
//! Generic over the event type, so the typed chat-completion, Responses and Messages streams
//! are one `SseEvent` type plus a [`Protocol`] constant each once those schemas exist.

mod event;
mod request;
mod stream;

#[allow(unused_imports)] // used by `streams`, which a build without `api` and `llm` lacks
pub(crate) use event::data_is_json;
pub use event::{Json, Protocol, SseEvent};
pub use kindo_wire::sse::{DEFAULT_MAX_EVENT_BYTES, ParseError, SseFrame, SseParser};
pub use request::SseRequest;
pub use stream::{EventStream, StreamError};
