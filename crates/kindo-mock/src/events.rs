//! A stream's event table as the documents publish it (`x-sse-events` on the operation's
//! `text/event-stream` response): the builders in `streams` take their `event:` names and
//! the closing `data:` line from it, so an event renamed in the types reaches the mock through
//! the published files alone.

use kindo_wire::sse_events::{EventEntry, StreamTable, operation_streams};
use serde_json::Value;

pub use kindo_wire::sse_events::{EXTENSION as EVENTS, UNNAMED};

/// The table of one stream.
pub type Table = StreamTable;

/// The table of the first `text/event-stream` response of the Operation Object `op` (at
/// `pointer`): `Ok(None)` when it streams nothing, `Err` naming the place when the table is
/// missing or malformed.
pub fn of(op: &Value, pointer: &str) -> Result<Option<Table>, String> {
    match operation_streams(op, pointer, "", "").into_iter().next() {
        None => Ok(None),
        Some(stream) => stream.table.map(Some).map_err(|e| e.to_string()),
    }
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

/// The events of a table found by the role they play.
pub trait Roles {
    /// The event playing `role`, if the table has one.
    fn find(&self, role: Role) -> Option<&EventEntry>;

    /// The name of the event playing `role`. The roles each builder uses are checked against
    /// the tables when the documents load (`streams::check`), so a missing one is a bug.
    fn name(&self, role: Role) -> &str {
        self.find(role)
            .map(|e| e.name.as_str())
            .unwrap_or_else(|| panic!("no event plays {role:?} (checked at start-up)"))
    }
}

impl Roles for Table {
    fn find(&self, role: Role) -> Option<&EventEntry> {
        match role {
            Role::Error => self.events.iter().find(|e| e.error),
            Role::Carries {
                payload,
                terminal,
                nth,
            } => self
                .events
                .iter()
                .filter(|e| e.payload() == payload && e.terminal == terminal && !e.error)
                .nth(nth),
        }
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
        let t = of(
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
        let err = of(
            &json!({"responses": {"200": {"content": {"text/event-stream": {}}}}}),
            "/paths/~1s/post",
        )
        .unwrap_err();
        assert_eq!(
            err,
            "/paths/~1s/post/responses/200/content/text~1event-stream/x-sse-events: \
             no `x-sse-events` table"
        );
        assert_eq!(of(&json!({"responses": {"200": {}}}), "/p").unwrap(), None);
        let err = of(
            &op(json!({"events": {"x": {"schema": {"type": "object"}}}})),
            "/p",
        )
        .unwrap_err();
        assert!(
            err.ends_with("event `x` has no `schema` object with a `$ref`"),
            "{err}"
        );
    }
}
