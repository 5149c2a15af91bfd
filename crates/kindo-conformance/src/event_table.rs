//! A stream's event table, read from the `x-sse-events` extension of its published media type
//! (see the README, "Streams"): which schema each `event:` name's payload must conform to,
//! which events end the stream, and whether other names are allowed.

use kindo_wire::sse_events::{self, StreamTable, TableErrorKind, schema_pointer};
use serde_json::Value;

pub use kindo_wire::sse_events::{EXTENSION as EVENTS, UNNAMED};

use crate::validate::Failure;

/// The table of one stream media type, with the pointer it was read at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The Media Type Object's pointer.
    media: String,
    pub stream: StreamTable,
}

/// The table published at `media` (a Media Type Object's pointer) in `document`: `Ok(None)`
/// when there is none, `Err` naming the pointer when it is malformed.
pub fn read(document: &Value, media: &str) -> Result<Option<Table>, String> {
    let Some(value) = document.pointer(media) else {
        return Ok(None);
    };
    match sse_events::read(value, media) {
        Ok(stream) => Ok(Some(Table {
            media: media.to_owned(),
            stream,
        })),
        Err(e) if e.kind == TableErrorKind::Missing => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

impl Table {
    /// The schema pointer a frame named `name` is validated against: its own entry's, or (in
    /// an open stream) the stream's `data_schema`. A name a closed stream does not list fails.
    pub fn schema_for(&self, name: &str, data_schema: &str) -> Result<String, Failure> {
        match self.stream.get(name) {
            Some(_) => Ok(schema_pointer(&self.media, name)),
            None if self.stream.open => Ok(data_schema.to_owned()),
            None => Err(Failure::new(
                "",
                "sse-event",
                format!(
                    "the event `{name}` is not in the stream's `{EVENTS}` table, which is closed"
                ),
            )),
        }
    }

    /// Whether `name` ends the stream.
    pub fn is_terminal(&self, name: &str) -> bool {
        self.stream.get(name).is_some_and(|e| e.terminal)
    }
}

/// A named frame whose payload has a top-level string `type` other than its `event:` name
/// (OpenAI and Anthropic echo the name there; a disagreement means one of them is wrong).
pub fn type_mismatch(event: Option<&str>, payload: &Value) -> Option<Failure> {
    let name = event?;
    let tag = payload.get("type")?.as_str()?;
    (tag != name).then(|| {
        Failure::new(
            "/type",
            "sse-event",
            format!("the payload's `type` is `{tag}` but the frame's `event:` is `{name}`"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_a_table_and_routes_names() {
        let doc = json!({"m": {EVENTS: {"open": false, "done": "[DONE]", "events": {
            "a/b": {"schema": {"$ref": "#/x"}, "terminal": true},
            "c": {"schema": {"$ref": "#/y"}}
        }}}});
        let mut table = read(&doc, "/m").unwrap().unwrap();
        assert_eq!(table.stream.done.as_deref(), Some("[DONE]"));
        assert_eq!(
            table.schema_for("a/b", "/d").as_deref(),
            Ok("/m/x-sse-events/events/a~1b/schema")
        );
        assert!(table.is_terminal("a/b") && !table.is_terminal("c"));
        let refused = table.schema_for("z", "/d").unwrap_err();
        assert!(refused.message.contains("`z`"), "{}", refused.message);
        table.stream.open = true;
        assert_eq!(table.schema_for("z", "/d").as_deref(), Ok("/d"));
        assert_eq!(read(&doc, "/none"), Ok(None));
    }

    #[test]
    fn a_malformed_table_names_its_pointer() {
        let doc = json!({"m": {EVENTS: {"events": {"a": {"terminal": true}}}}});
        let e = read(&doc, "/m").unwrap_err();
        assert!(e.starts_with("/m/x-sse-events: event `a`"), "{e}");
        let doc =
            json!({"m": {EVENTS: {"events": {"a": {"schema": {"$ref": "#/x"}, "terminal": 1}}}}});
        let e = read(&doc, "/m").unwrap_err();
        assert!(
            e.starts_with("/m/x-sse-events: event `a`: `terminal`"),
            "{e}"
        );
        let doc = json!({"m": {EVENTS: {"open": "yes", "events": {}}}});
        assert!(read(&doc, "/m").unwrap_err().contains("`open`"));
    }

    #[test]
    fn a_type_other_than_the_event_name_is_a_mismatch() {
        let p = json!({"type": "response.completed"});
        let f = type_mismatch(Some("response.created"), &p).unwrap();
        assert_eq!(f.pointer, "/type");
        assert!(type_mismatch(Some("response.completed"), &p).is_none());
        // Unnamed frames and payloads without a string `type` are not judged.
        assert!(type_mismatch(None, &p).is_none());
        assert!(type_mismatch(Some("x"), &json!({"type": 1})).is_none());
        assert!(type_mismatch(Some("x"), &json!([1])).is_none());
    }
}
