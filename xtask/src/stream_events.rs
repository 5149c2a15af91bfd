//! The client's stream event tables, generated from the `x-sse-events` extension of every
//! published `text/event-stream` media type (the client may not depend on `kindo-types`, so it
//! reads the same facts from the documents): one module of constants per stream, and for the
//! streams whose payload type is chosen by the `event:` name, the typed event enum.

use std::collections::BTreeMap;

use kindo_wire::sse_events::{DATA_SCHEMA, EventEntry, StreamTable, streams};
use serde_json::Value;

use crate::XtaskError;
use crate::client::HEADER;

/// Where the generated file lives.
pub const PATH: &str = "crates/kindo-client/src/generated/stream_events.rs";

/// Streams whose payloads are not self-describing, so the client gets an enum with one
/// variant per event: (data schema, enum name). Self-describing streams (Messages) decode
/// into their generated union instead.
const TYPED_BY_NAME: &[(&str, &str)] = &[("ResponseStreamEvent", "ResponseEvent")];

/// One stream's table as published.
#[derive(Debug, Clone, PartialEq)]
struct Table {
    /// Client module of the document that first publishes it (`api`, `llm`, `koda`).
    module: &'static str,
    /// Where it was read, for messages.
    at: String,
    stream: StreamTable,
}

/// The client module a document's generated types live in.
fn module(document: &str) -> Result<&'static str, XtaskError> {
    match document {
        "kindo-api" => Ok("api"),
        "kindo-llm" => Ok("llm"),
        "koda-control-plane" => Ok("koda"),
        other => Err(XtaskError::Input(format!(
            "spec/{other}.openapi.json: no client module is known for this document's streams"
        ))),
    }
}

/// Every stream table of `documents` (name, 3.1 value), keyed by data schema. The same data
/// schema published with two different tables is an input error naming both places.
fn tables(documents: &[(&str, &Value)]) -> Result<BTreeMap<String, Table>, XtaskError> {
    let mut out: BTreeMap<String, Table> = BTreeMap::new();
    for (name, doc) in documents {
        for found in streams(doc) {
            let file = format!("spec/{name}.openapi.json");
            let at = format!("{file}: {} {} {}", found.method, found.path, found.status);
            let bad = |what: &str| XtaskError::Input(format!("{at}: {what}"));
            let data = found
                .media
                .get(DATA_SCHEMA)
                .and_then(|s| s.get("$ref"))
                .and_then(Value::as_str)
                .and_then(|r| r.rsplit('/').next())
                .ok_or_else(|| bad(&format!("no `{DATA_SCHEMA}` $ref")))?;
            let stream = found
                .table
                .map_err(|e| XtaskError::Input(format!("{file}: {e}")))?;
            let table = Table {
                module: module(name)?,
                at: at.clone(),
                stream,
            };
            match out.get(data) {
                Some(seen) if seen.stream != table.stream => {
                    return Err(bad(&format!(
                        "`{data}` is published with another event table at {}",
                        seen.at
                    )));
                }
                Some(_) => {}
                None => {
                    out.insert(data.to_owned(), table);
                }
            }
        }
    }
    Ok(out)
}

/// `ResponseStreamEvent` → `response_stream_event`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A variant name from an event name: its words, minus a first word every event of the
/// stream shares (`response.output_text.delta` → `OutputTextDelta`).
fn variant(event: &str, shared: Option<&str>) -> String {
    let rest = shared
        .and_then(|p| event.strip_prefix(p))
        .and_then(|r| r.strip_prefix('.'))
        .unwrap_or(event);
    kindo_openapi::oas30::pascal_case(rest)
}

fn list(names: impl Iterator<Item = String>) -> String {
    let quoted: Vec<String> = names.map(|n| format!("{n:?}")).collect();
    format!("&[{}]", quoted.join(", "))
}

/// The constants of one stream.
fn constants(data: &str, t: &Table) -> String {
    let events = &t.stream.events;
    let names = |f: &dyn Fn(&EventEntry) -> bool| {
        list(events.iter().filter(|e| f(e)).map(|e| e.name.clone()))
    };
    let error_ends = events.iter().filter(|e| e.error).all(|e| e.terminal);
    let done = match &t.stream.done {
        Some(d) => format!("Some({d:?})"),
        None => "None".into(),
    };
    format!(
        "/// The table of `{data}` streams.\npub mod {module} {{\n\
/// Every event name the table lists.\npub const KNOWN_EVENTS: &[&str] = {known};\n\
/// Events after which the stream is complete (error events are listed in [`ERROR_EVENTS`]).\n\
pub const TERMINAL_EVENTS: &[&str] = {terminal};\n\
/// Events whose data is an error body.\npub const ERROR_EVENTS: &[&str] = {errors};\n\
/// Whether every error event is terminal (otherwise the server follows it with a terminal event).\n\
pub const ERROR_ENDS_STREAM: bool = {error_ends};\n\
/// Whether the server may send names outside [`KNOWN_EVENTS`].\npub const OPEN: bool = {open};\n\
/// The `data:` line that ends the stream and is no event.\npub const DONE: Option<&str> = {done};\n}}\n",
        module = snake(data),
        known = names(&|_| true),
        terminal = names(&|e| e.terminal && !e.error),
        errors = names(&|e| e.error),
        open = t.stream.open,
    )
}

/// The typed event enum of one stream whose `event:` name selects the payload type.
fn typed_enum(data: &str, name: &str, t: &Table) -> String {
    let events: Vec<_> = t.stream.events.iter().filter(|e| !e.error).collect();
    let first_words: Vec<&str> = events
        .iter()
        .map(|e| e.name.split('.').next().unwrap_or(""))
        .collect();
    let shared = first_words.first().copied().filter(|w| {
        first_words.iter().all(|x| x == w) && events.iter().all(|e| e.name.contains('.'))
    });
    let ty = |payload: &str| format!("crate::{}::types::{payload}", t.module);
    let mut variants = String::new();
    let mut names = String::new();
    let mut decode = String::new();
    let mut encode = String::new();
    for entry in &events {
        let event = &entry.name;
        let v = variant(event, shared);
        let last = if entry.terminal {
            " (the last event)"
        } else {
            ""
        };
        variants.push_str(&format!(
            "/// `{event}`{last}.\n{v}({}),\n",
            ty(entry.payload())
        ));
        names.push_str(&format!("{name}::{v}(_) => {event:?},\n"));
        decode.push_str(&format!(
            "{event:?} => {name}::{v}(serde_json::from_str(data)?),\n"
        ));
        encode.push_str(&format!(
            "{name}::{v}(d) => serde::Serialize::serialize(d, serializer),\n"
        ));
    }
    format!(
        "/// One event of a `{data}` stream, its payload typed by its `event:` name. Error events\n\
/// are not variants: the stream yields them as errors.\n\
#[cfg(feature = \"{module}\")]\n#[derive(Debug, Clone)]\npub enum {name} {{\n{variants}\
/// Any other event (the set is open), with its JSON data. An unnamed frame has the name `message`.\n\
Other {{ event: String, data: serde_json::Value }},\n}}\n\
#[cfg(feature = \"{module}\")]\nimpl {name} {{\n\
/// The SSE `event:` name the event arrived under.\n\
pub fn event_name(&self) -> &str {{ match self {{ {names} {name}::Other {{ event, .. }} => event, }} }}\n\
/// Decodes `data` by the payload schema that `event` selects.\n\
pub fn from_sse(event: &str, data: &str) -> Result<Self, serde_json::Error> {{\n\
Ok(match event {{ {decode} other => {name}::Other {{ event: other.to_owned(), data: serde_json::from_str(data)? }}, }}) }}\n}}\n\
/// Serialises the frame's `data:` payload (the event name is not part of it).\n\
#[cfg(feature = \"{module}\")]\nimpl serde::Serialize for {name} {{\n\
fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {{\n\
match self {{ {encode} {name}::Other {{ data, .. }} => serde::Serialize::serialize(data, serializer), }} }}\n}}\n\
#[cfg(feature = \"{module}\")]\nimpl crate::sse::SseEvent for {name} {{\n\
fn from_frame(frame: &crate::sse::SseFrame) -> Result<Self, serde_json::Error> {{\n\
{name}::from_sse(frame.event.as_deref().unwrap_or(\"message\"), &frame.data) }}\n}}\n",
        module = t.module
    )
}

/// The generated file for `documents` (name, 3.1 value).
pub fn generate(documents: &[(&str, &Value)]) -> Result<String, XtaskError> {
    let tables = tables(documents)?;
    let mut code = String::from(
        "//! The event table of every published stream, read by `cargo xtask gen` from the\n\
//! `x-sse-events` extension of its `text/event-stream` media type: one module of constants\n\
//! per stream (named after its `x-sse-data-schema`), and the typed event enum of each stream\n\
//! whose `event:` name selects the payload type.\n",
    );
    for (data, table) in &tables {
        code.push_str(&constants(data, table));
    }
    for (data, name) in TYPED_BY_NAME {
        let table = tables.get(*data).ok_or_else(|| {
            XtaskError::Input(format!(
                "no published stream has the data schema `{data}` the client's `{name}` is built from"
            ))
        })?;
        code.push_str(&typed_enum(data, name, table));
    }
    let file: syn::File = syn::parse_str(&code).map_err(|e| {
        XtaskError::Input(format!("{PATH}: the generated code does not parse: {e}"))
    })?;
    Ok(format!("{HEADER}\n{}", prettyplease::unparse(&file)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(events: Value) -> Value {
        json!({"paths": {"/s": {"post": {"responses": {"200": {"content": {"text/event-stream": {
            "x-sse-data-schema": {"$ref": "#/components/schemas/ResponseStreamEvent"},
            "x-sse-events": {"open": true, "events": events}
        }}}}}}}})
    }

    #[test]
    fn names_variants_and_derives_the_protocol_facts() {
        assert_eq!(
            variant("response.output_text.delta", Some("response")),
            "OutputTextDelta"
        );
        assert_eq!(variant("message_stop", None), "MessageStop");
        assert_eq!(snake("ResponseStreamEvent"), "response_stream_event");
        let d = doc(json!({
            "response.created": {"schema": {"$ref": "#/components/schemas/L"}, "terminal": false},
            "response.completed": {"schema": {"$ref": "#/components/schemas/L"}, "terminal": true},
            "error": {"schema": {"$ref": "#/components/schemas/E"}, "terminal": false, "error": true}
        }));
        let code = generate(&[("kindo-api", &d)]).unwrap();
        assert!(
            code.contains(r#"TERMINAL_EVENTS: &[&str] = &["response.completed"]"#),
            "{code}"
        );
        assert!(
            code.contains(r#"ERROR_EVENTS: &[&str] = &["error"]"#),
            "{code}"
        );
        assert!(code.contains("ERROR_ENDS_STREAM: bool = false"), "{code}");
        assert!(code.contains("Completed(crate::api::types::L)"), "{code}");
        assert!(!code.contains("Error(crate::api"), "{code}");
    }

    #[test]
    fn one_data_schema_with_two_tables_is_refused() {
        let a = doc(json!({"a": {"schema": {"$ref": "#/components/schemas/L"}}}));
        let b = doc(json!({"b": {"schema": {"$ref": "#/components/schemas/L"}}}));
        let e = generate(&[("kindo-api", &a), ("kindo-llm", &b)]).unwrap_err();
        assert!(e.to_string().contains("another event table"), "{e}");
        let missing = json!({"paths": {"/s": {"post": {"responses": {"200": {"content": {
            "text/event-stream": {"x-sse-data-schema": {"$ref": "#/components/schemas/X"}}}}}}}}});
        let e = generate(&[("kindo-api", &missing)]).unwrap_err();
        assert!(e.to_string().contains("no `x-sse-events`"), "{e}");
    }
}
