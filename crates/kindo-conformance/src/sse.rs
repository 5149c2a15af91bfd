//! Splitting a documented stream into events for the validator: the shared parser's
//! whole-text reading (the last blank line may be missing, comments and `id`/`retry` fields
//! are dropped, an event with no `data` line is not dispatched, as in a browser).

pub use kindo_wire::sse::TextEvent as Event;

/// Splits `text` into events.
pub fn parse(text: &str) -> Vec<Event> {
    kindo_wire::sse::parse_text(text)
}
