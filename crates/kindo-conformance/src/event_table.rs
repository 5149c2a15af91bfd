//! A stream's event table, read from the `x-sse-events` extension of its published media type
//! (see the README, "Streams"): which schema each `event:` name's payload must conform to,
//! which events end the stream, and whether other names are allowed.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::spec::escape;
use crate::validate::Failure;

/// The extension's name.
pub const EVENTS: &str = "x-sse-events";

/// The name of a frame without an `event:` line (the SSE default).
pub const UNNAMED: &str = "message";

/// One entry of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Pointer of the entry's `schema` in the document.
    pub schema: String,
    pub terminal: bool,
}

/// The table of one stream media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub events: BTreeMap<String, Entry>,
    /// Names outside `events` may arrive (their data is judged by `x-sse-data-schema`).
    pub open: bool,
    /// The `data:` line that ends the stream, if the table names one.
    pub done: Option<String>,
}

/// The table published at `media` (a Media Type Object's pointer) in `document`: `Ok(None)`
/// when there is none, `Err` naming the pointer when it is malformed.
pub fn read(document: &Value, media: &str) -> Result<Option<Table>, String> {
    let at = format!("{media}/{EVENTS}");
    let Some(value) = document.pointer(&at) else {
        return Ok(None);
    };
    let malformed = |what: &str| format!("{at}: {what}");
    let open = match value.get("open") {
        None => false,
        Some(v) => v
            .as_bool()
            .ok_or_else(|| malformed("`open` is not a boolean"))?,
    };
    let done = match value.get("done") {
        None => None,
        Some(v) => Some(
            v.as_str()
                .ok_or_else(|| malformed("`done` is not a string"))?
                .to_owned(),
        ),
    };
    let entries = value
        .get("events")
        .and_then(Value::as_object)
        .ok_or_else(|| malformed("`events` is not an object"))?;
    let mut events = BTreeMap::new();
    for (name, entry) in entries {
        if entry.get("schema").is_none_or(|s| !s.is_object()) {
            return Err(malformed(&format!("event `{name}` has no `schema` object")));
        }
        let terminal = match entry.get("terminal") {
            None => false,
            Some(v) => v.as_bool().ok_or_else(|| {
                malformed(&format!("event `{name}`: `terminal` is not a boolean"))
            })?,
        };
        events.insert(
            name.clone(),
            Entry {
                schema: format!("{at}/events/{}/schema", escape(name)),
                terminal,
            },
        );
    }
    Ok(Some(Table { events, open, done }))
}

impl Table {
    /// The schema pointer a frame named `name` is validated against: its own entry, or (in an
    /// open stream) the stream's `data_schema`. A name a closed stream does not list fails.
    pub fn schema_for<'a>(&'a self, name: &str, data_schema: &'a str) -> Result<&'a str, Failure> {
        match self.events.get(name) {
            Some(entry) => Ok(&entry.schema),
            None if self.open => Ok(data_schema),
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
        self.events.get(name).is_some_and(|e| e.terminal)
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
        let table = read(&doc, "/m").unwrap().unwrap();
        assert_eq!(table.done.as_deref(), Some("[DONE]"));
        assert_eq!(
            table.schema_for("a/b", "/d"),
            Ok("/m/x-sse-events/events/a~1b/schema")
        );
        assert!(table.is_terminal("a/b") && !table.is_terminal("c"));
        let refused = table.schema_for("z", "/d").unwrap_err();
        assert!(refused.message.contains("`z`"), "{}", refused.message);
        let open = Table {
            open: true,
            ..table
        };
        assert_eq!(open.schema_for("z", "/d"), Ok("/d"));
        assert_eq!(read(&doc, "/none"), Ok(None));
    }

    #[test]
    fn a_malformed_table_names_its_pointer() {
        let doc = json!({"m": {EVENTS: {"events": {"a": {"terminal": true}}}}});
        let e = read(&doc, "/m").unwrap_err();
        assert!(e.starts_with("/m/x-sse-events: event `a`"), "{e}");
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
