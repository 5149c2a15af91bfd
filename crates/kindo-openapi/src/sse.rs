//! Server-sent event streams in the documents.
//!
//! Operation stubs declare a stream as `(EventType = "text/event-stream")`, naming the schema of
//! one event's `data:` payload. The body on the wire, though, is the stream text, so the
//! published media type says exactly that: `schema` is a string (which is what the stored SSE
//! examples are, and what linters and client generators check them against), and the event
//! schema moves to the `x-sse-data-schema` extension, where the conformance checker and the
//! client's typed streams find it.
//!
//! Next to it, `x-sse-events` publishes the stream's event table from `kindo-types`
//! ([`kindo_types::stream_events`]), so tools need not read the prose:
//!
//! ```json
//! "x-sse-events": {
//!   "open": true,
//!   "done": "[DONE]",
//!   "events": {
//!     "message": { "schema": { "$ref": "#/components/schemas/ChatCompletionChunk" }, "terminal": false },
//!     "error": { "schema": { "$ref": "#/components/schemas/OpenAiError" }, "terminal": true, "error": true }
//!   }
//! }
//! ```
//!
//! `events` maps each `event:` name (`message` for a frame without one) to the schema of its
//! `data:` payload; `terminal` events are followed by nothing but the `done` line; `error`
//! marks a payload that is an error body. `open: true` means other names may arrive (skip
//! them; their data still conforms to `x-sse-data-schema`); `done`, when present, is the
//! `data:` line that ends the stream and is no event. A payload with a top-level string `type`
//! carries its frame's `event:` name there.

use serde_json::{Value, json};

use kindo_types::stream_events::{self, StreamTable};
use kindo_wire::pointer::escape;

/// The media type and the two extension names, shared with the readers of the table.
pub use kindo_wire::sse_events::{DATA_SCHEMA, EVENT_STREAM, EXTENSION as EVENTS};

/// The `x-sse-events` value of `table`, with `$ref`s into `components/schemas`.
pub fn events_extension(table: &StreamTable) -> Value {
    let mut events = serde_json::Map::new();
    for event in table.events {
        let mut entry = json!({
            "schema": { "$ref": format!("#/components/schemas/{}", (event.payload)()) },
            "terminal": event.terminal,
        });
        if event.error {
            entry["error"] = Value::Bool(true);
        }
        events.insert(event.name.to_owned(), entry);
    }
    let mut out = json!({ "open": table.open });
    if let Some(done) = table.done {
        out["done"] = Value::String(done.to_owned());
    }
    out["events"] = Value::Object(events);
    out
}

/// Rewrites every `text/event-stream` response of `doc` as described in the module docs.
/// Returns the JSON pointers of media types that declare no event schema (a string schema)
/// or whose event schema has no table in [`stream_events::STREAMS`].
pub fn describe_streams(doc: &mut Value) -> Vec<String> {
    let mut undescribed = Vec::new();
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return undescribed;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
                continue;
            };
            for (status, response) in responses.iter_mut() {
                let Some(media) =
                    response.pointer_mut(&format!("/content/{}", escape(EVENT_STREAM)))
                else {
                    continue;
                };
                let event = media.get("schema").and_then(|s| s.get("$ref")).cloned();
                let name = event
                    .as_ref()
                    .and_then(Value::as_str)
                    .and_then(|r| r.rsplit('/').next())
                    .unwrap_or_default()
                    .to_owned();
                match (event, stream_events::table_for(&name)) {
                    (Some(reference), Some(table)) => {
                        media["schema"] = json!({
                            "type": "string",
                            "description": format!(
                                "A `text/event-stream` body. The `data:` payload of each event is \
                        one `{name}` (see `{DATA_SCHEMA}`); the description of the response says how the stream ends."
                            ),
                        });
                        media[DATA_SCHEMA] = json!({ "$ref": reference });
                        media[EVENTS] = events_extension(table);
                    }
                    _ => undescribed.push(format!(
                        "/paths/{}/{method}/responses/{status}/content/{}",
                        escape(path),
                        escape(EVENT_STREAM)
                    )),
                }
            }
        }
    }
    undescribed
}
