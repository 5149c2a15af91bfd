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

use kindo_wire::sse_events::{self, EventEntry, StreamTable};
use serde_json::{Value, json};

use super::canonical::form;
use super::refs::ref_name;
use super::schema::{self, Pos};
use super::view::view;
use super::{Ctx, Dir, escape};

pub use kindo_wire::sse_events::{DATA_SCHEMA, EVENT_STREAM, EXTENSION as EVENTS};

static ANY: Value = Value::Bool(true);

const BODY: Pos = Pos {
    dir: Dir::Response,
    subject: "body",
};

/// One stream's `x-sse-events`. The diff judges documents, it does not validate them: a
/// table the reader refuses is compared as no table.
fn table(media: &Value, ptr: &str) -> Option<StreamTable> {
    sse_events::read(media, ptr).ok()
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
    match (table(old, ptr), table(new, ptr)) {
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

fn tables(ctx: &mut Ctx, old: &StreamTable, new: &StreamTable, ptr: &str) {
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
        let message = match (old.done.as_deref(), new.done.as_deref()) {
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
    for oe in &old.events {
        let eptr = format!("{ptr}/events/{}", escape(&oe.name));
        match new.get(&oe.name) {
            Some(ne) => event(ctx, oe, ne, &eptr),
            None => ctx.emit(
                "response-stream-event-removed",
                &eptr,
                format!("The stream event `{}` is no longer sent.", oe.name),
            ),
        }
    }
    // Judged by the old table: its clients skip unknown names only if it was open.
    let rule = if old.open {
        "response-stream-open-event-added"
    } else {
        "response-stream-event-added"
    };
    for name in new
        .events
        .iter()
        .map(|e| e.name.as_str())
        .filter(|n| old.get(n).is_none())
    {
        ctx.emit(
            rule,
            &format!("{ptr}/events/{}", escape(name)),
            format!("The stream may send the event `{name}`."),
        );
    }
}

/// An event both tables name: whether it ends the stream, and its payload.
fn event(ctx: &mut Ctx, old: &EventEntry, new: &EventEntry, ptr: &str) {
    let name = old.name.as_str();
    let ends = |what: &str| format!("The event `{name}` {what} the stream.");
    let rule = "response-stream-terminal-event-changed";
    ctx.toggled(
        (old.terminal, new.terminal),
        &format!("{ptr}/terminal"),
        [rule, &ends("now ends")],
        [rule, &ends("no longer ends")],
    );
    let schema = |r: &str| json!({ "$ref": r });
    payload(
        ctx,
        name,
        &schema(&old.schema_ref),
        &schema(&new.schema_ref),
        ptr,
    );
}

/// An event's payload schemas: named when it became another schema, then compared as a body.
fn payload(ctx: &mut Ctx, name: &str, o: &Value, n: &Value, ptr: &str) {
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
