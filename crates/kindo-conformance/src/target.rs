//! Resolving a corpus file's target (operation, direction, status, media type) to the media
//! type objects it names, and judging a payload there (JSON or `text/event-stream`).

use std::path::Path;

use serde_json::Value;

use kindo_wire::corpus::{self, Route};
use kindo_wire::pointer::{last_token, ref_target};

use crate::corpus::Target;
use crate::error::InputError;
use crate::event_table;
use crate::spec::{Operation, Spec};
use crate::sse;
use crate::validate::{Failure, validate};

/// A media type object an example belongs to.
#[derive(Debug, Clone)]
pub struct Slot {
    pub operation: Operation,
    /// JSON pointer of the Media Type Object in the operation's document.
    pub media: String,
}

/// Every media type object `target` names, across all documents that have its operations.
/// An operation no document has, or a direction/status/media type it does not declare, is bad
/// input that names `file`.
pub fn resolve(spec: &Spec, file: &Path, target: &Target) -> Result<Vec<Slot>, InputError> {
    let mut slots = Vec::new();
    for id in &target.operations {
        let ops = spec.find_in(id, target.document.as_deref());
        if let Some(message) = ambiguity(spec, id, &ops) {
            return Err(InputError::UnknownTarget {
                path: file.to_path_buf(),
                message,
            });
        }
        if ops.is_empty() {
            return Err(InputError::UnknownTarget {
                path: file.to_path_buf(),
                message: format!(
                    "{} in {}",
                    corpus::not_found(id, target.document.as_deref()),
                    spec.dir.display()
                ),
            });
        }
        for op in ops {
            let media = media_pointer(&op, target);
            if spec.documents[op.doc].value.pointer(&media).is_none() {
                return Err(InputError::UnknownTarget {
                    path: file.to_path_buf(),
                    message: format!(
                        "operation `{id}` in {} declares no {} (nothing at {media})",
                        spec.documents[op.doc].name,
                        target.describe()
                    ),
                });
            }
            slots.push(Slot {
                operation: op,
                media,
            });
        }
    }
    Ok(slots)
}

/// Why `ops` (one id, found in several documents) cannot all be meant.
fn ambiguity(spec: &Spec, id: &str, ops: &[Operation]) -> Option<String> {
    let routes: Vec<Route> = ops
        .iter()
        .map(|o| Route {
            document: &spec.documents[o.doc].name,
            path: &o.path,
            method: &o.method,
        })
        .collect();
    corpus::ambiguity(id, &routes)
}

/// Pointer of the Media Type Object for `target` in `op` (whether or not it exists).
pub fn media_pointer(op: &Operation, target: &Target) -> String {
    target.media_pointer(&op.pointer())
}

/// What became of one payload at one media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judgement {
    Conforms,
    /// First real cause first.
    Fails(Vec<Failure>),
    /// Could not be judged, and why (e.g. a stream media type without an event schema).
    Skipped(String),
}

/// Judges `value` against the media type object at `media` of document `doc`.
pub fn judge(spec: &Spec, doc: usize, media: &str, value: &Value) -> Result<Judgement, InputError> {
    if last_token(media).is_some_and(|t| is_event_stream(&t)) {
        return judge_stream(spec, doc, media, value);
    }
    let schema = format!("{media}/schema");
    if spec.documents[doc].value.pointer(&schema).is_none() {
        return Ok(Judgement::Skipped(format!("no schema declared at {media}")));
    }
    let failures = validate(spec, doc, &schema, value)?;
    Ok(verdict(failures))
}

pub fn is_event_stream(media_type: &str) -> bool {
    media_type
        .split(';')
        .next()
        .is_some_and(|t| t.trim() == "text/event-stream")
}

fn verdict(failures: Vec<Failure>) -> Judgement {
    if failures.is_empty() {
        Judgement::Conforms
    } else {
        Judgement::Fails(failures)
    }
}

/// A stream example is the raw SSE text as a JSON string. Each event's `data` must be JSON that
/// conforms to the event schema, except the `[DONE]` terminator, after which nothing may follow.
/// When the event schema declares that terminator (Chat Completions), a stream without it is
/// truncated (a client reports it so) and fails. When the media type publishes `x-sse-events`,
/// each frame is judged by the schema its `event:` name selects there, a named frame whose
/// payload `type` is another name fails, and nothing but the terminator may follow a terminal
/// event.
fn judge_stream(
    spec: &Spec,
    doc: usize,
    media: &str,
    value: &Value,
) -> Result<Judgement, InputError> {
    let Some(text) = value.as_str() else {
        return Ok(Judgement::Fails(vec![Failure::new(
            "",
            "type",
            "a text/event-stream payload must be the raw stream as a JSON string",
        )]));
    };
    let Some(schema) = event_schema(spec, doc, media) else {
        return Ok(Judgement::Skipped(format!(
            "{media} declares no per-event schema (expected `x-sse-data-schema`, `itemSchema`, \
             `schema.contentSchema`, or a non-string `schema`)"
        )));
    };
    let table = match event_table::read(&spec.documents[doc].value, media) {
        Ok(table) => table,
        Err(message) => {
            return Ok(Judgement::Fails(vec![Failure::new("", "sse", message)]));
        }
    };
    let events = sse::parse(text);
    if events.is_empty() {
        return Ok(Judgement::Fails(vec![Failure::new(
            "",
            "sse",
            "the stream has no data event",
        )]));
    }
    let mut failures = Vec::new();
    let mut done_at: Option<usize> = None;
    let mut ended_by: Option<(usize, &str)> = None;
    for event in &events {
        let at = |pointer: &str, keyword: &str, message: String| {
            let mut f = Failure::new(pointer, keyword, message);
            f.event = Some(event.index);
            f
        };
        if let Some(done) = done_at {
            failures.push(at(
                "",
                "sse",
                format!(
                    "data after the [DONE] terminator (event {done}, line {})",
                    event.line
                ),
            ));
            continue;
        }
        if event.data.trim() == "[DONE]" {
            done_at = Some(event.index);
            continue;
        }
        let name = event.event.as_deref().unwrap_or(event_table::UNNAMED);
        if let Some((at_index, terminal)) = ended_by {
            failures.push(at(
                "",
                "sse",
                format!(
                    "event `{name}` (line {}) after the terminal event `{terminal}` (event {at_index})",
                    event.line
                ),
            ));
            continue;
        }
        let payload: Value = match serde_json::from_str(&event.data) {
            Ok(v) => v,
            Err(e) => {
                failures.push(at(
                    "",
                    "sse",
                    format!("data on line {} is not JSON: {e}", event.line),
                ));
                continue;
            }
        };
        let Some(table) = &table else {
            for mut f in validate(spec, doc, &schema, &payload)? {
                f.event = Some(event.index);
                failures.push(f);
            }
            continue;
        };
        if table.is_terminal(name) {
            ended_by = Some((event.index, name));
        }
        let own = match table.schema_for(name, &schema) {
            Ok(pointer) => pointer,
            Err(mut f) => {
                f.event = Some(event.index);
                failures.push(f);
                continue;
            }
        };
        let mut found = validate(spec, doc, &own, &payload)?;
        found.extend(event_table::type_mismatch(event.event.as_deref(), &payload));
        for mut f in found {
            f.event = Some(event.index);
            failures.push(f);
        }
    }
    let declared_done = table.as_ref().is_some_and(|t| t.stream.done.is_some());
    if done_at.is_none() && (declared_done || declares_done(spec, doc, &schema)) {
        let last = events.last().expect("checked non-empty");
        let mut f = Failure::new(
            "",
            "sse",
            format!(
                "the stream ends (event {}, line {}) without the `data: [DONE]` terminator its \
event schema declares: a client reads it as truncated",
                last.index, last.line
            ),
        );
        f.event = Some(last.index);
        failures.push(f);
    }
    Ok(verdict(failures))
}

/// Whether the event schema at `pointer` (or one of its `oneOf`/`anyOf` branches) is the
/// literal `[DONE]`, i.e. the protocol ends every stream with `data: [DONE]`.
fn declares_done(spec: &Spec, doc: usize, pointer: &str) -> bool {
    let document = &spec.documents[doc].value;
    let is_done = |schema: &Value| {
        let schema = spec.resolve(doc, schema);
        schema.get("const").and_then(Value::as_str) == Some("[DONE]")
            || schema
                .get("enum")
                .and_then(Value::as_array)
                .is_some_and(|values| values.iter().any(|v| v == "[DONE]"))
    };
    let Some(schema) = document.pointer(pointer).map(|s| spec.resolve(doc, s)) else {
        return false;
    };
    is_done(schema)
        || ["oneOf", "anyOf"].iter().any(|key| {
            schema
                .get(*key)
                .and_then(Value::as_array)
                .is_some_and(|branches| branches.iter().any(is_done))
        })
}

/// The per-event schema declared for a stream media type, if any. Recognised, in order: the
/// `x-sse-data-schema` extension (what our documents publish); OpenAPI 3.2 `itemSchema`; a
/// string schema's `contentSchema` (the 3.1 way to say "this string holds JSON of that
/// shape"); otherwise any `schema` that is not a plain string.
pub fn event_schema(spec: &Spec, doc: usize, media: &str) -> Option<String> {
    let document = &spec.documents[doc].value;
    let object = document.pointer(media)?;
    if object.get("x-sse-data-schema").is_some() {
        return Some(format!("{media}/x-sse-data-schema"));
    }
    if object.get("itemSchema").is_some() {
        return Some(format!("{media}/itemSchema"));
    }
    object.get("schema")?;
    let schema = follow_refs(document, format!("{media}/schema"));
    let resolved = document.pointer(&schema)?;
    if resolved.get("contentSchema").is_some() {
        return Some(format!("{schema}/contentSchema"));
    }
    let plain_string = resolved.get("type").and_then(Value::as_str) == Some("string")
        && ["oneOf", "anyOf", "allOf", "const", "enum"]
            .iter()
            .all(|k| resolved.get(*k).is_none());
    (!plain_string && resolved.as_object().is_some_and(|o| !o.is_empty())).then_some(schema)
}

/// Follows local `$ref`s from the schema at `pointer` to the pointer of the schema they name.
fn follow_refs(document: &Value, mut pointer: String) -> String {
    for _ in 0..32 {
        match document.pointer(&pointer).and_then(ref_target) {
            Some(target) => pointer = target,
            None => break,
        }
    }
    pointer
}
