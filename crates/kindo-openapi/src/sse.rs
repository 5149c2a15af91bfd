//! Server-sent event streams in the documents.
//!
//! Operation stubs declare a stream as `(EventType = "text/event-stream")`, naming the schema of
//! one event's `data:` payload. The body on the wire, though, is the stream text, so the
//! published media type says exactly that: `schema` is a string (which is what the stored SSE
//! examples are, and what linters and client generators check them against), and the event
//! schema moves to the `x-sse-data-schema` extension, where the conformance checker and the
//! client's typed streams find it.

use serde_json::{Value, json};

use kindo_wire::pointer::escape;

/// The media type of SSE responses.
pub const EVENT_STREAM: &str = "text/event-stream";
/// Extension on an SSE media type: the schema of each event's `data:` payload.
pub const DATA_SCHEMA: &str = "x-sse-data-schema";

/// Rewrites every `text/event-stream` response of `doc` as described in the module docs.
/// Returns the JSON pointers of media types that declare no event schema (a string schema).
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
                match event {
                    Some(reference) => {
                        let name = reference
                            .as_str()
                            .and_then(|r| r.rsplit('/').next())
                            .unwrap_or_default()
                            .to_owned();
                        media["schema"] = json!({
                            "type": "string",
                            "description": format!(
                                "A `text/event-stream` body. The `data:` payload of each event is \
                        one `{name}` (see `{DATA_SCHEMA}`); the description of the response says how the stream ends."
                            ),
                        });
                        media[DATA_SCHEMA] = json!({ "$ref": reference });
                    }
                    None => undescribed.push(format!(
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
