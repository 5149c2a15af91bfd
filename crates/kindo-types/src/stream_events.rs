//! The event table of every SSE stream: which `event:` names a stream sends, the schema of
//! each one's `data:` payload, and which events end it. Each stream's table is declared once,
//! next to its types; `kindo-openapi` publishes it on the stream's media type as
//! `x-sse-events`, and the conformance checker and the client read it from there.
//!
//! A frame without an `event:` line has the name `message` (the SSE default).

use std::borrow::Cow;

/// One event a stream may send.
#[derive(Debug, Clone, Copy)]
pub struct StreamEvent {
    /// The SSE `event:` name.
    pub name: &'static str,
    /// The component name of its `data:` payload schema.
    pub payload: fn() -> Cow<'static, str>,
    /// Nothing follows it but the stream's `done` line, if it has one.
    pub terminal: bool,
    /// Its payload is an error body (a failure after streaming began).
    pub error: bool,
}

/// The events of one stream.
#[derive(Debug, Clone, Copy)]
pub struct StreamTable {
    /// The component name of the stream's `x-sse-data-schema` (the union of all payloads),
    /// which identifies the stream.
    pub data_schema: fn() -> Cow<'static, str>,
    /// Every event with a known payload, in the order they are documented.
    pub events: &'static [StreamEvent],
    /// Whether the server may send names outside `events` (clients skip them).
    pub open: bool,
    /// A `data:` line that ends the stream and is no event (`[DONE]`).
    pub done: Option<&'static str>,
}

impl StreamTable {
    /// The entry for `name`, if the table has one.
    pub fn event(&self, name: &str) -> Option<&StreamEvent> {
        self.events.iter().find(|e| e.name == name)
    }

    /// Every payload schema name once, in the order of first use.
    pub fn payloads(&self) -> Vec<Cow<'static, str>> {
        let mut out: Vec<Cow<'static, str>> = Vec::new();
        for event in self.events {
            let name = (event.payload)();
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    /// A Markdown table `event:` → `data:` schema, events sharing a payload on one row.
    pub fn markdown(&self) -> String {
        let mut out = String::from("| `event:` | `data:` schema |\n|---|---|\n");
        for payload in self.payloads() {
            let names: Vec<String> = self
                .events
                .iter()
                .filter(|e| (e.payload)() == payload)
                .map(|e| format!("`{}`", e.name))
                .collect();
            out.push_str(&format!("| {} | `{payload}` |\n", names.join(", ")));
        }
        out
    }
}

/// Every stream the documents publish.
pub const STREAMS: &[&StreamTable] = &[
    &crate::chat::CHAT_COMPLETION_STREAM,
    &crate::responses::RESPONSE_STREAM,
    &crate::messages::stream::MESSAGE_STREAM,
    &crate::mcp::response::MCP_STREAM,
];

/// The table of the stream whose `x-sse-data-schema` is the component `data_schema`.
pub fn table_for(data_schema: &str) -> Option<&'static StreamTable> {
    STREAMS
        .iter()
        .copied()
        .find(|t| (t.data_schema)() == data_schema)
}

/// Declares a stream's table as a constant: `name => Payload` entries, each optionally followed
/// by `terminal` and/or `error`.
macro_rules! stream_table {
    (
        $(#[doc = $doc:literal])*
        $vis:vis const $table:ident for $data:ty, open: $open:expr, done: $done:expr, {
            $($event:literal => $payload:ty $(, $flag:ident)*;)+
        }
    ) => {
        $(#[doc = $doc])*
        $vis const $table: $crate::stream_events::StreamTable = $crate::stream_events::StreamTable {
            data_schema: <$data as utoipa::ToSchema>::name,
            events: &[$($crate::stream_events::StreamEvent {
                name: $event,
                payload: <$payload as utoipa::ToSchema>::name,
                terminal: $crate::stream_events::flag!(terminal; $($flag)*),
                error: $crate::stream_events::flag!(error; $($flag)*),
            }),+],
            open: $open,
            done: $done,
        };
    };
}
pub(crate) use stream_table;

/// Whether the flag list (`terminal`, `error`) holds the first ident.
macro_rules! flag {
    ($want:ident;) => {
        false
    };
    (terminal; terminal $($rest:ident)*) => {
        true
    };
    (error; error $($rest:ident)*) => {
        true
    };
    ($want:ident; $other:ident $($rest:ident)*) => {
        $crate::stream_events::flag!($want; $($rest)*)
    };
}
pub(crate) use flag;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_found_by_its_data_schema_and_names_are_unique() {
        for table in STREAMS {
            let name = (table.data_schema)();
            let found = table_for(&name).unwrap();
            let names = |t: &StreamTable| t.events.iter().map(|e| e.name).collect::<Vec<_>>();
            assert_eq!(
                names(found),
                names(table),
                "{name} is found as another table"
            );
            let mut names: Vec<_> = table.events.iter().map(|e| e.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), table.events.len(), "{name} repeats an event");
        }
        assert!(table_for("NoSuchStream").is_none());
    }

    #[test]
    fn flags_are_read_in_any_order() {
        stream_table! {
            const T for crate::errors::OpenAiError, open: false, done: None, {
                "a" => crate::errors::OpenAiError;
                "b" => crate::errors::OpenAiError, error, terminal;
                "c" => crate::errors::OpenAiError, terminal;
            }
        }
        let flags: Vec<_> = T.events.iter().map(|e| (e.terminal, e.error)).collect();
        assert_eq!(flags, [(false, false), (true, true), (true, false)]);
        assert_eq!(
            T.markdown(),
            "| `event:` | `data:` schema |\n|---|---|\n| `a`, `b`, `c` | `OpenAiError` |\n"
        );
    }
}
