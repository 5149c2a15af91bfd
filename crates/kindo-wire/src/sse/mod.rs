//! The one `text/event-stream` parser (WHATWG HTML §9.2.6). [`SseParser`] is incremental and
//! strict about the end of input, for a client reading a live stream; [`parse_text`] reads a
//! whole stream written out as text (a documented example, a test's response body) and is
//! lenient about the last blank line, which documentation usually leaves out.
//!
//! Whether a stream must end with a terminator such as `data: [DONE]` is a rule of its
//! protocol, above this parser: the client's protocols and the checker's stream verdicts.

mod parser;
mod text;

pub use parser::{DEFAULT_MAX_EVENT_BYTES, ParseError, SseFrame, SseParser};
pub use text::{TextEvent, parse_text};
