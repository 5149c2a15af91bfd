//! Server-sent event streams as contract. A `text/event-stream` media type carries the union
//! of its payloads (`x-sse-data-schema`, compared as a response body) and its event table
//! (`x-sse-events`: `{open, done?, events: {name: {schema, terminal, error?}}}`): the `event:`
//! names a client meets, each one's payload, which of them end the stream, whether other
//! names may arrive and the `data:` line that closes it. Both are read from the two documents
//! compared, never from descriptions.
//!
//! A client of the old version is what each rule judges: it fails on a name its closed table
//! did not list, skips one its open table did not, and stops reading at the events (or the
//! `done` line) it was told end the stream.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::canonical::form;
use super::refs::ref_name;
use super::schema::{self, Pos};
use super::view::view;
use super::{Ctx, Dir, escape};

pub const EVENT_STREAM: &str = "text/event-stream";
pub const DATA_SCHEMA: &str = "x-sse-data-schema";
pub const EVENTS: &str = "x-sse-events";

static ANY: Value = Value::Bool(true);

const BODY: Pos = Pos {
    dir: Dir::Response,
    subject: "body",
};

/// One stream's `x-sse-events`, read leniently (the diff judges documents, it does not
/// validate them): a missing flag is `false`, and a value without an `events` object is no
/// table.
struct Table<'a> {
    open: bool,
    done: Option<&'a str>,
    events: &'a Map<String, Value>,
}

impl<'a> Table<'a> {
    fn read(media: &'a Value) -> Option<Table<'a>> {
        let table = media.get(EVENTS)?;
        Some(Table {
            open: flag(table, "open"),
            done: table.get("done").and_then(Value::as_str),
            events: table.get("events")?.as_object()?,
        })
    }
}

fn flag(v: &Value, name: &str) -> bool {
    v.get(name).and_then(Value::as_bool).unwrap_or(false)
}

/// Compares two `text/event-stream` media types at `ptr`.
pub fn compare(ctx: &mut Ctx, old: &Value, new: &Value, ptr: &str) {
    // Each payload pair is compared once per stream: the data schema's comparison reaches
    // most of them as its branches, the event table only adds the ones it paired otherwise.
    let outer = ctx.once.replace(HashSet::new());
    let (od, nd) = (old.get(DATA_SCHEMA), new.get(DATA_SCHEMA));
    if od.is_some() || nd.is_some() {
        let (od, nd) = (od.unwrap_or(&ANY), nd.unwrap_or(&ANY));
        schema::compare(ctx, od, nd, BODY, &format!("{ptr}/{DATA_SCHEMA}"));
    }
    let tptr = format!("{ptr}/{EVENTS}");
    match (Table::read(old), Table::read(new)) {
        (None, None) => {}
        (Some(_), None) => ctx.emit(
            "response-stream-events-undeclared",
            &tptr,
            "The stream no longer publishes its event table.".into(),
        ),
        (None, Some(_)) => ctx.emit(
            "response-stream-events-declared",
            &tptr,
            "The stream publishes its event table.".into(),
        ),
        (Some(o), Some(n)) => tables(ctx, &o, &n, &tptr),
    }
    ctx.once = outer;
}

fn tables(ctx: &mut Ctx, old: &Table, new: &Table, ptr: &str) {
    ctx.toggled(
        (old.open, new.open),
        &format!("{ptr}/open"),
        [
            "response-stream-became-open",
            "The stream may now send events its table does not name.",
        ],
        [
            "response-stream-became-closed",
            "The stream now sends only the events its table names.",
        ],
    );
    if old.done != new.done {
        let message = match (old.done, new.done) {
            (Some(o), None) => format!("The stream no longer ends with `data: {o}`."),
            (None, Some(n)) => {
                format!("The stream now ends with `data: {n}`, which old clients read as an event.")
            }
            (o, n) => format!(
                "The stream's last line changed from `data: {}` to `data: {}`.",
                o.unwrap_or_default(),
                n.unwrap_or_default()
            ),
        };
        ctx.emit(
            "response-stream-done-changed",
            &format!("{ptr}/done"),
            message,
        );
    }
    for (name, oe) in old.events {
        let eptr = format!("{ptr}/events/{}", escape(name));
        let Some(ne) = new.events.get(name) else {
            ctx.emit(
                "response-stream-event-removed",
                &eptr,
                format!("The stream event `{name}` is no longer sent."),
            );
            continue;
        };
        let ends = |what: &str| format!("The event `{name}` {what} the stream.");
        let rule = "response-stream-terminal-event-changed";
        ctx.toggled(
            (flag(oe, "terminal"), flag(ne, "terminal")),
            &format!("{eptr}/terminal"),
            [rule, &ends("now ends")],
            [rule, &ends("no longer ends")],
        );
        payload(ctx, name, oe, ne, &eptr);
    }
    // Judged by the old table: its clients skip unknown names only if it was open.
    let rule = if old.open {
        "response-stream-open-event-added"
    } else {
        "response-stream-event-added"
    };
    for name in new.events.keys().filter(|k| !old.events.contains_key(*k)) {
        ctx.emit(
            rule,
            &format!("{ptr}/events/{}", escape(name)),
            format!("The stream may send the event `{name}`."),
        );
    }
}

/// An event's payload: named when it became another schema, then compared as a body.
fn payload(ctx: &mut Ctx, name: &str, old: &Value, new: &Value, ptr: &str) {
    let (o, n) = (
        old.get("schema").unwrap_or(&ANY),
        new.get("schema").unwrap_or(&ANY),
    );
    let label = |root: &Value, s: &Value| -> String {
        let v = view(root, s);
        v.reference
            .map_or_else(|| schema::show_types(&v.types), |r| ref_name(r).to_owned())
    };
    let (ol, nl) = (label(ctx.old, o), label(ctx.new, n));
    if ol != nl && form(ctx.old, o) != form(ctx.new, n) {
        ctx.emit(
            "response-stream-event-retyped",
            ptr,
            format!("The data of event `{name}` is now `{nl}`, not `{ol}`."),
        );
    }
    schema::compare(ctx, o, n, BODY, &format!("{ptr}/schema"));
}
