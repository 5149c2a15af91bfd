//! A stream's event table as the documents publish it: the `x-sse-events` extension of a
//! `text/event-stream` media type,
//! `{open, done?, events: {name: {schema: {$ref}, terminal, error?}}}`. The documents crate
//! writes it; the checker, the client generator, the diff and the mock read it here, so they
//! agree on what a well-formed table is.
//!
//! `events` maps each `event:` name ([`UNNAMED`] for a frame without one) to the `$ref` of its
//! `data:` payload; `terminal` events end the stream; `error` marks a payload that is an error
//! body. `open` says other names may arrive; `done` is the `data:` line that closes the stream
//! and is no event. A missing flag is `false`.

use std::fmt;

use serde_json::Value;

use crate::pointer::{escape, push};

/// The media type of a server-sent event stream.
pub const EVENT_STREAM: &str = "text/event-stream";
/// Extension on a stream media type: the schema of each event's `data:` payload.
pub const DATA_SCHEMA: &str = "x-sse-data-schema";
/// Extension on a stream media type: its event table.
pub const EXTENSION: &str = "x-sse-events";
/// The name of a frame without an `event:` line (the SSE default).
pub const UNNAMED: &str = "message";

/// One event of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventEntry {
    /// The `event:` name.
    pub name: String,
    /// The `$ref` of its payload schema (`#/components/schemas/X`).
    pub schema_ref: String,
    pub terminal: bool,
    pub error: bool,
}

impl EventEntry {
    /// The last segment of [`schema_ref`](Self::schema_ref): the payload's component name.
    pub fn payload(&self) -> &str {
        self.schema_ref
            .rsplit('/')
            .next()
            .unwrap_or(&self.schema_ref)
    }
}

/// The table of one stream media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamTable {
    /// Names outside `events` may arrive.
    pub open: bool,
    /// The `data:` line that ends the stream, if the table names one.
    pub done: Option<String>,
    /// In published order (the client's variants and the mock's roles follow it).
    pub events: Vec<EventEntry>,
}

impl StreamTable {
    /// The entry of the event `name`.
    pub fn get(&self, name: &str) -> Option<&EventEntry> {
        self.events.iter().find(|e| e.name == name)
    }
}

/// Why a media type has no usable table, at the pointer of its `x-sse-events`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    pub at: String,
    pub kind: TableErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableErrorKind {
    /// The media type publishes no table.
    Missing,
    /// `events` is absent or not an object.
    Events,
    /// `open` is not a boolean.
    Open,
    /// `done` is not a string.
    Done,
    /// The event's `schema` is not an object with a string `$ref`.
    Schema { event: String },
    /// The event's `flag` (`terminal`, `error`) is not a boolean.
    Flag { event: String, flag: &'static str },
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.at)?;
        match &self.kind {
            TableErrorKind::Missing => write!(f, "no `{EXTENSION}` table"),
            TableErrorKind::Events => f.write_str("`events` is not an object"),
            TableErrorKind::Open => f.write_str("`open` is not a boolean"),
            TableErrorKind::Done => f.write_str("`done` is not a string"),
            TableErrorKind::Schema { event } => {
                write!(f, "event `{event}` has no `schema` object with a `$ref`")
            }
            TableErrorKind::Flag { event, flag } => {
                write!(f, "event `{event}`: `{flag}` is not a boolean")
            }
        }
    }
}

impl std::error::Error for TableError {}

/// The table of the Media Type Object `media`, found at `pointer` (which errors name, with
/// `/x-sse-events` appended).
pub fn read(media: &Value, pointer: &str) -> Result<StreamTable, TableError> {
    let at = format!("{pointer}/{EXTENSION}");
    let fail = |kind| TableError {
        at: at.clone(),
        kind,
    };
    let table = media
        .get(EXTENSION)
        .ok_or_else(|| fail(TableErrorKind::Missing))?;
    let open = flag(table, "open").ok_or_else(|| fail(TableErrorKind::Open))?;
    let done = match table.get("done") {
        None => None,
        Some(v) => Some(
            v.as_str()
                .ok_or_else(|| fail(TableErrorKind::Done))?
                .to_owned(),
        ),
    };
    let entries = table
        .get("events")
        .and_then(Value::as_object)
        .ok_or_else(|| fail(TableErrorKind::Events))?;
    let mut events = Vec::with_capacity(entries.len());
    for (name, entry) in entries {
        let schema_ref = entry
            .pointer("/schema/$ref")
            .and_then(Value::as_str)
            .ok_or_else(|| {
                fail(TableErrorKind::Schema {
                    event: name.clone(),
                })
            })?;
        let flag_of = |key: &'static str| {
            flag(entry, key).ok_or_else(|| {
                fail(TableErrorKind::Flag {
                    event: name.clone(),
                    flag: key,
                })
            })
        };
        events.push(EventEntry {
            name: name.clone(),
            schema_ref: schema_ref.to_owned(),
            terminal: flag_of("terminal")?,
            error: flag_of("error")?,
        });
    }
    Ok(StreamTable { open, done, events })
}

/// `value[key]` as a flag: `false` when absent, `None` when not a boolean.
fn flag(value: &Value, key: &str) -> Option<bool> {
    match value.get(key) {
        None => Some(false),
        Some(v) => v.as_bool(),
    }
}

/// The pointer of the `schema` of the event `name` in the table read at `pointer` (a Media
/// Type Object's), for tools that judge a payload against it in place.
pub fn schema_pointer(pointer: &str, name: &str) -> String {
    format!("{pointer}/{EXTENSION}/events/{}/schema", escape(name))
}

/// One stream media type of a document.
#[derive(Debug, Clone)]
pub struct Stream<'a> {
    /// The Media Type Object's pointer.
    pub pointer: String,
    pub path: &'a str,
    pub method: &'a str,
    pub status: &'a str,
    /// The Media Type Object.
    pub media: &'a Value,
    /// Its table, or why it has none.
    pub table: Result<StreamTable, TableError>,
}

/// Every `text/event-stream` response of the Operation Object `op` (found at `op_pointer`),
/// in published order, with the operation's `path` and `method`.
pub fn operation_streams<'a>(
    op: &'a Value,
    op_pointer: &str,
    path: &'a str,
    method: &'a str,
) -> Vec<Stream<'a>> {
    let responses = op.get("responses").and_then(Value::as_object);
    responses
        .into_iter()
        .flatten()
        .filter_map(|(status, response)| {
            let media = response.get("content")?.get(EVENT_STREAM)?;
            let pointer = push(&push(&format!("{op_pointer}/responses"), status), "content");
            let pointer = push(&pointer, EVENT_STREAM);
            let table = read(media, &pointer);
            Some(Stream {
                pointer,
                path,
                method,
                status,
                media,
                table,
            })
        })
        .collect()
}

/// Every `text/event-stream` response of `document`, in published order.
pub fn streams(document: &Value) -> Vec<Stream<'_>> {
    let Some(paths) = document.get("paths").and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (path, item) in paths {
        for (method, op) in item.as_object().into_iter().flatten() {
            let op_pointer = format!("{}/{}", push("/paths", path), escape(method));
            out.extend(operation_streams(op, &op_pointer, path, method));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn media(table: Value) -> Value {
        json!({ DATA_SCHEMA: {"$ref": "#/components/schemas/E"}, EXTENSION: table })
    }

    #[test]
    fn reads_a_table_in_published_order() {
        let m = media(json!({"open": true, "done": "[DONE]", "events": {
            "z.created": {"schema": {"$ref": "#/components/schemas/Life"}, "terminal": false},
            "a/b": {"schema": {"$ref": "#/components/schemas/Life"}, "terminal": true},
            "error": {"schema": {"$ref": "#/components/schemas/Err"}, "terminal": true, "error": true}
        }}));
        let t = read(&m, "/m").unwrap();
        assert!(t.open);
        assert_eq!(t.done.as_deref(), Some("[DONE]"));
        let names: Vec<_> = t.events.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["z.created", "a/b", "error"]);
        let ab = t.get("a/b").unwrap();
        assert_eq!(
            (ab.schema_ref.as_str(), ab.payload(), ab.terminal, ab.error),
            ("#/components/schemas/Life", "Life", true, false)
        );
        assert!(t.get("error").unwrap().error);
        assert_eq!(t.get("nope"), None);
        assert_eq!(
            schema_pointer("/m", "a/b"),
            "/m/x-sse-events/events/a~1b/schema"
        );
        // Absent flags are false, an absent `done` is none.
        let t = read(
            &media(json!({"events": {"x": {"schema": {"$ref": "#/X"}}}})),
            "",
        )
        .unwrap();
        assert_eq!((t.open, t.done, t.events[0].terminal), (false, None, false));
    }

    #[test]
    fn a_malformed_table_names_its_pointer() {
        let cases = [
            (json!({}), "/m/x-sse-events: no `x-sse-events` table"),
            (media(json!({"open": true})), "`events` is not an object"),
            (media(json!({"open": "yes", "events": {}})), "`open`"),
            (media(json!({"done": 1, "events": {}})), "`done`"),
            (
                media(json!({"events": {"a": {"schema": {"type": "object"}}}})),
                "event `a` has no `schema` object",
            ),
            (
                media(json!({"events": {"a": {"schema": {"$ref": "#/A"}, "error": 1}}})),
                "event `a`: `error` is not a boolean",
            ),
        ];
        for (m, expected) in cases {
            let e = read(&m, "/m").unwrap_err();
            let text = e.to_string();
            assert!(text.starts_with(&e.at), "{text}");
            assert!(text.contains(expected), "{text} lacks {expected}");
            assert_eq!(e.at, "/m/x-sse-events");
        }
    }

    #[test]
    fn walks_every_stream_response_with_its_pointer() {
        let ok = media(json!({"events": {"m": {"schema": {"$ref": "#/A"}}}}));
        let doc = json!({"paths": {
            "/v1/a": {
                "parameters": [],
                "post": {"responses": {
                    "200": {"content": {"text/event-stream": ok}},
                    "400": {"content": {"application/json": {}}}
                }}
            },
            "/v1/b": {"get": {"responses": {"default": {"content": {"text/event-stream": {}}}}}}
        }});
        let found = streams(&doc);
        assert_eq!(found.len(), 2);
        let a = &found[0];
        assert_eq!((a.path, a.method, a.status), ("/v1/a", "post", "200"));
        assert_eq!(
            a.pointer,
            "/paths/~1v1~1a/post/responses/200/content/text~1event-stream"
        );
        assert_eq!(doc.pointer(&a.pointer), Some(&ok));
        assert_eq!(a.table.as_ref().unwrap().events[0].name, "m");
        let b = found[1].table.as_ref().unwrap_err();
        assert_eq!(
            b.at,
            "/paths/~1v1~1b/get/responses/default/content/text~1event-stream/x-sse-events"
        );
        assert_eq!(b.kind, TableErrorKind::Missing);
        assert!(streams(&json!({})).is_empty());
    }
}
