//! A stream's event table as the documents publish it (`x-sse-events` on the operation's
//! `text/event-stream` response): the builders in `streams` take their `event:` names and
//! the closing `data:` line from it, so an event renamed in the types reaches the mock through
//! the published files alone.

use serde_json::Value;

/// The extension's name.
pub const EVENTS: &str = "x-sse-events";

/// The name of a frame without an `event:` line (the SSE default).
pub const UNNAMED: &str = "message";

/// One published event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub name: String,
    /// The component name of its payload schema.
    pub payload: String,
    pub terminal: bool,
    pub error: bool,
}

/// The table of one stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// In published order.
    pub events: Vec<Event>,
    pub open: bool,
    /// The `data:` line that ends the stream, if any (`[DONE]`).
    pub done: Option<String>,
}

/// An event a builder sends, found by what it carries rather than by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The `nth` event (in published order) among those with this payload component and
    /// terminal flag: `response.created` is the first non-terminal `ResponseLifecycleEvent`.
    Carries {
        payload: &'static str,
        terminal: bool,
        nth: usize,
    },
    /// The event flagged `error` (a failure after streaming began).
    Error,
}

impl Role {
    pub const fn nth(payload: &'static str, nth: usize) -> Role {
        Role::Carries {
            payload,
            terminal: false,
            nth,
        }
    }

    pub const fn terminal(payload: &'static str, nth: usize) -> Role {
        Role::Carries {
            payload,
            terminal: true,
            nth,
        }
    }
}

impl Table {
    /// The table of the `text/event-stream` response of the Operation Object `op` (at
    /// `pointer`): `Ok(None)` when it streams nothing, `Err` naming the place when the table
    /// is missing or malformed.
    pub fn of(op: &Value, pointer: &str) -> Result<Option<Table>, String> {
        let responses = op.get("responses").and_then(Value::as_object);
        let Some((status, media)) = responses.into_iter().flatten().find_map(|(status, r)| {
            r.pointer("/content/text~1event-stream")
                .map(|media| (status, media))
        }) else {
            return Ok(None);
        };
        let at = format!("{pointer}/responses/{status}/content/text~1event-stream/{EVENTS}");
        let bad = |what: &str| format!("{at}: {what}");
        let table = media.get(EVENTS).ok_or_else(|| bad("missing"))?;
        let entries = table
            .get("events")
            .and_then(Value::as_object)
            .ok_or_else(|| bad("`events` is not an object"))?;
        let mut events = Vec::new();
        for (name, entry) in entries {
            let payload = entry
                .pointer("/schema/$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.rsplit('/').next())
                .ok_or_else(|| bad(&format!("event `{name}` has no schema `$ref`")))?;
            let flag = |key: &str| entry.get(key).and_then(Value::as_bool).unwrap_or(false);
            events.push(Event {
                name: name.clone(),
                payload: payload.to_owned(),
                terminal: flag("terminal"),
                error: flag("error"),
            });
        }
        Ok(Some(Table {
            events,
            open: table.get("open").and_then(Value::as_bool).unwrap_or(false),
            done: table.get("done").and_then(Value::as_str).map(str::to_owned),
        }))
    }

    /// The event playing `role`, if the table has one.
    pub fn find(&self, role: Role) -> Option<&Event> {
        match role {
            Role::Error => self.events.iter().find(|e| e.error),
            Role::Carries {
                payload,
                terminal,
                nth,
            } => self
                .events
                .iter()
                .filter(|e| e.payload == payload && e.terminal == terminal && !e.error)
                .nth(nth),
        }
    }

    /// The name of the event playing `role`. The roles each builder uses are checked against
    /// the tables when the documents load (`streams::check`), so a missing one is a bug.
    pub fn name(&self, role: Role) -> &str {
        self.find(role)
            .map(|e| e.name.as_str())
            .unwrap_or_else(|| panic!("no event plays {role:?} (checked at start-up)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn op(table: Value) -> Value {
        json!({"responses": {"200": {"content": {"text/event-stream": {EVENTS: table}}}}})
    }

    #[test]
    fn reads_roles_by_payload_order_and_flags() {
        let t = Table::of(
            &op(json!({"open": true, "done": "[DONE]", "events": {
                "a.created": {"schema": {"$ref": "#/components/schemas/Life"}, "terminal": false},
                "a.working": {"schema": {"$ref": "#/components/schemas/Life"}},
                "a.finished": {"schema": {"$ref": "#/components/schemas/Life"}, "terminal": true},
                "oops": {"schema": {"$ref": "#/components/schemas/Err"}, "terminal": true, "error": true},
            }})),
            "/paths/~1a/post",
        )
        .unwrap()
        .unwrap();
        assert_eq!(t.name(Role::nth("Life", 0)), "a.created");
        assert_eq!(t.name(Role::nth("Life", 1)), "a.working");
        assert_eq!(t.name(Role::terminal("Life", 0)), "a.finished");
        assert_eq!(t.name(Role::Error), "oops");
        assert_eq!(t.find(Role::nth("Life", 2)), None);
        assert_eq!(
            t.find(Role::terminal("Err", 0)),
            None,
            "the error event is no role"
        );
        assert_eq!((t.open, t.done.as_deref()), (true, Some("[DONE]")));
    }

    #[test]
    fn a_stream_without_a_table_is_refused_by_its_pointer() {
        let err = Table::of(
            &json!({"responses": {"200": {"content": {"text/event-stream": {}}}}}),
            "/paths/~1s/post",
        )
        .unwrap_err();
        assert_eq!(
            err,
            "/paths/~1s/post/responses/200/content/text~1event-stream/x-sse-events: missing"
        );
        assert_eq!(
            Table::of(&json!({"responses": {"200": {}}}), "/p").unwrap(),
            None
        );
        let err = Table::of(
            &op(json!({"events": {"x": {"schema": {"type": "object"}}}})),
            "/p",
        )
        .unwrap_err();
        assert!(err.ends_with("event `x` has no schema `$ref`"), "{err}");
    }
}
