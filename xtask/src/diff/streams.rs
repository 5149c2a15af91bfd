//! Server-sent event streams as contract. The `x-sse-data-schema` of a `text/event-stream`
//! response is compared as a response body, and each named event as its own entry.
//!
//! Events are read the way the documents declare them: a branch of the data schema whose
//! `type` is pinned to one value is the event of that name (Anthropic: `type` equals the
//! `event:` line), and a Markdown table in the data schema's description mapping `event:` names
//! to `data:` schemas (Responses API) names the events of each branch. An event is terminal
//! when its description says so ("terminal", "the stream is complete", "ends the stream").

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::branches::is_catch_all;
use super::canonical::form;
use super::refs::{ref_name, resolve};
use super::schema::{self, Pos};
use super::view::view;
use super::{Ctx, Dir};

pub const EVENT_STREAM: &str = "text/event-stream";
pub const DATA_SCHEMA: &str = "x-sse-data-schema";

static ANY: Value = Value::Bool(true);

/// One named event: its data schema and whether it ends the stream.
#[derive(Debug, PartialEq, Eq)]
pub struct Event {
    /// How the data schema is named in messages.
    pub schema: String,
    /// With `schema`, what tells a replaced data schema: empty for an event tagged in its own
    /// branch (the data schema's comparison pairs that branch by its tag and reports what
    /// changed in it), else the structural form of the schema the event table names (or its
    /// name, when no branch is that schema).
    pub identity: String,
    pub terminal: bool,
}

/// The named events of a stream, and whether the stream is open (unknown events allowed).
pub fn events(root: &Value, data: &Value) -> (BTreeMap<String, Event>, bool) {
    let v = view(root, data);
    let branches: Vec<&Value> = match &v.branches {
        Some((_, b)) => b.clone(),
        None => vec![data],
    };
    let mut out = BTreeMap::new();
    let mut open = v.open_set();
    let display = |b: &Value| -> String {
        let bv = view(root, b);
        bv.reference
            .map(|r| ref_name(r).to_owned())
            .unwrap_or_else(|| schema::show_types(&bv.types))
    };
    let terminal = |b: &Value| -> bool {
        let own = b.get("description").and_then(Value::as_str).unwrap_or("");
        let text = format!("{own}\n{}", view(root, b).description).to_lowercase();
        ["terminal", "stream is complete", "ends the stream"]
            .iter()
            .any(|w| text.contains(w))
    };
    for b in &branches {
        let bv = view(root, b);
        let Some(t) = bv.properties.get("type") else {
            continue;
        };
        if is_catch_all(root, t) {
            open = true;
            continue;
        }
        let tv = view(root, t);
        if let Some(values) = &tv.values
            && let [Value::String(name)] = values.as_slice()
        {
            out.insert(
                name.clone(),
                Event {
                    schema: display(b),
                    identity: String::new(),
                    terminal: terminal(b),
                },
            );
        }
    }
    for (names, schema_name) in table(&v.description) {
        let branch = branches
            .iter()
            .find(|b| view(root, b).reference.map(ref_name) == Some(schema_name.as_str()));
        for name in names {
            out.entry(name).or_insert_with(|| Event {
                schema: schema_name.clone(),
                identity: branch.map_or_else(|| schema_name.clone(), |b| form(root, b)),
                terminal: branch.is_some_and(|b| terminal(b)),
            });
        }
    }
    (out, open)
}

/// Rows of a Markdown table whose header names the `event:` column: event names (backticked)
/// in the first cell, the data schema (backticked) in the second.
fn table(description: &str) -> Vec<(Vec<String>, String)> {
    let mut rows = Vec::new();
    let mut in_table = false;
    for line in description.lines() {
        let line = line.trim();
        if !line.starts_with('|') {
            in_table = false;
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() < 2 {
            continue;
        }
        if cells[0].contains("event:") {
            in_table = true;
            continue;
        }
        if !in_table || cells[0].starts_with("---") {
            continue;
        }
        let names = backticked(cells[0]);
        let schema = backticked(cells[1]);
        if let [schema] = schema.as_slice() {
            rows.push((names, schema.clone()));
        }
    }
    rows
}

fn backticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .enumerate()
        .filter(|(i, s)| i % 2 == 1 && !s.is_empty())
        .map(|(_, s)| s.to_owned())
        .collect()
}

/// Compares two `text/event-stream` media types at `ptr`.
pub fn compare(ctx: &mut Ctx, old: &Value, new: &Value, ptr: &str) {
    let (od, nd) = (old.get(DATA_SCHEMA), new.get(DATA_SCHEMA));
    if od.is_none() && nd.is_none() {
        return;
    }
    let (od, nd) = (od.unwrap_or(&ANY), nd.unwrap_or(&ANY));
    let dptr = format!("{ptr}/{DATA_SCHEMA}");
    let pos = Pos {
        dir: Dir::Response,
        subject: "body",
    };
    schema::compare(ctx, od, nd, pos, &dptr);
    let (oe, open_before) = events(ctx.old, resolve(ctx.old, od).0);
    let (ne, open) = events(ctx.new, resolve(ctx.new, nd).0);
    let _ = open_before;
    for (name, e) in &oe {
        match ne.get(name) {
            None => ctx.emit(
                "response-stream-event-removed",
                &dptr,
                format!("The stream event `{name}` is no longer sent."),
            ),
            // Renamed with the same structure, or changed in place (which the data schema's
            // comparison reports): the same event data.
            Some(n) if n.schema != e.schema && n.identity != e.identity => ctx.emit(
                "response-stream-event-retyped",
                &dptr,
                format!(
                    "The data of event `{name}` changed from `{}` to `{}`.",
                    e.schema, n.schema
                ),
            ),
            Some(_) => {}
        }
    }
    for name in ne.keys().filter(|k| !oe.contains_key(*k)) {
        let rule = if open {
            "response-stream-open-event-added"
        } else {
            "response-stream-event-added"
        };
        ctx.emit(
            rule,
            &dptr,
            format!("The stream may send the event `{name}`."),
        );
    }
    let terminal = |m: &BTreeMap<String, Event>| -> BTreeSet<String> {
        m.iter()
            .filter(|(_, e)| e.terminal)
            .map(|(k, _)| k.clone())
            .collect()
    };
    let (ot, nt) = (terminal(&oe), terminal(&ne));
    if ot != nt {
        ctx.emit(
            "response-stream-terminal-event-changed",
            &dptr,
            format!("The events that end the stream changed from {ot:?} to {nt:?}."),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_event_table() {
        let d = "Intro.\n\n| `event:` | `data:` schema |\n|---|---|\n| `a.b`, `c` | `X` |\n| `error` | `E` |\n\nAfter.";
        assert_eq!(
            table(d),
            vec![
                (vec!["a.b".into(), "c".into()], "X".into()),
                (vec!["error".into()], "E".into())
            ]
        );
    }
}
