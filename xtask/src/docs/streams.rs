//! Event tables for `text/event-stream` responses. The media type's schema is a plain string;
//! `x-sse-data-schema` names the payload of one frame's `data:` line. Which `event:` name
//! carries which payload is read from that schema, in this order:
//! 1. a Markdown table in its description whose first column is headed `event:`
//!    (the Responses API lists its named events this way);
//! 2. a union whose variants carry a single-valued `type` property, which is the event name
//!    (Anthropic's Messages stream);
//! 3. otherwise each variant is a frame, named when its description quotes `event: <name>`,
//!    unnamed (`message`) when not (Chat Completions, MCP).

use serde_json::Value;

use super::html::{escape, markdown};
use super::schema::{ref_name, schema_link, type_label};

/// One row of an event table (cells are HTML).
#[derive(Debug, PartialEq, Eq)]
pub struct EventRow {
    pub event: String,
    pub payload: String,
    pub notes: String,
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match ref_name(schema) {
        Some(name) => doc
            .pointer(&format!("/components/schemas/{name}"))
            .unwrap_or(schema),
        None => schema,
    }
}

/// The backtick-quoted spans of a Markdown fragment.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn code(text: &str) -> String {
    format!("<code>{}</code>", escape(text))
}

const UNNAMED: &str = "<em>unnamed</em> (<code>message</code>)";

/// The rows of a stream media type's event table, or `None` when it names no data schema.
pub fn event_rows(doc: &Value, media: &Value) -> Option<Vec<EventRow>> {
    let data = media.get("x-sse-data-schema")?;
    let schema = resolve(doc, data);
    let description = schema
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or("");
    if let Some(rows) = table_rows(doc, description) {
        return Some(rows);
    }
    let variants = schema
        .get("oneOf")
        .or_else(|| schema.get("anyOf"))
        .and_then(Value::as_array);
    let Some(variants) = variants else {
        return Some(vec![EventRow {
            event: UNNAMED.into(),
            payload: type_label(data),
            notes: String::new(),
        }]);
    };
    let rows = variants
        .iter()
        .map(|variant| {
            let target = resolve(doc, variant);
            let notes = variant
                .get("description")
                .or_else(|| target.get("description"))
                .and_then(Value::as_str)
                .unwrap_or("");
            let kind = target.pointer("/properties/type");
            let single = kind.and_then(|k| match (k.get("const"), k.get("enum")) {
                (Some(Value::String(c)), _) => Some(c.as_str()),
                (_, Some(Value::Array(values))) if values.len() == 1 => values[0].as_str(),
                _ => None,
            });
            let event = if let Some(name) = single {
                code(name)
            } else if kind.is_some_and(|k| k.get("not").is_some()) {
                "<em>any other name</em>".into()
            } else if let Some(name) = code_spans(notes)
                .into_iter()
                .find_map(|s| s.strip_prefix("event: "))
            {
                code(name.trim())
            } else {
                UNNAMED.into()
            };
            EventRow {
                event,
                payload: type_label(variant),
                notes: markdown(notes),
            }
        })
        .collect();
    Some(rows)
}

/// Rows from a `| `event:` | `data:` schema |` table in a description.
fn table_rows(doc: &Value, description: &str) -> Option<Vec<EventRow>> {
    let mut lines = description.lines().skip_while(|l| {
        let l = l.trim_start();
        !(l.starts_with('|') && l.split('|').nth(1).is_some_and(|c| c.contains("event:")))
    });
    lines.next()?;
    let mut rows = Vec::new();
    for line in lines.skip(1) {
        let line = line.trim();
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').collect();
        if cells.len() < 2 {
            continue;
        }
        let events: Vec<String> = code_spans(cells[0]).into_iter().map(code).collect();
        let payloads: Vec<String> = code_spans(cells[1])
            .into_iter()
            .map(|name| {
                if doc
                    .pointer(&format!("/components/schemas/{name}"))
                    .is_some()
                {
                    schema_link(name)
                } else {
                    code(name)
                }
            })
            .collect();
        // Without a notes column, the payload schema's own description explains the event.
        let notes = match cells.get(2) {
            Some(cell) => markdown(cell.trim()),
            None => code_spans(cells[1])
                .first()
                .and_then(|name| doc.pointer(&format!("/components/schemas/{name}/description")))
                .and_then(Value::as_str)
                .map(markdown)
                .unwrap_or_default(),
        };
        rows.push(EventRow {
            event: events.join(", "),
            payload: payloads.join(", "),
            notes,
        });
    }
    (!rows.is_empty()).then_some(rows)
}

/// The event table of one stream (HTML).
pub fn event_table(doc: &Value, media: &Value) -> Option<String> {
    let rows = event_rows(doc, media)?;
    let data = type_label(&media["x-sse-data-schema"]);
    let mut out = format!(
        "<div class=\"stream\"><p>Each frame's <code>data:</code> payload follows {data}.</p>\
         <table class=\"stream-events\"><thead><tr><th><code>event:</code></th>\
         <th><code>data:</code> payload</th><th>Notes</th></tr></thead><tbody>"
    );
    for row in rows {
        out.push_str(&format!(
            "<tr class=\"stream-event\"><td>{}</td><td>{}</td><td>{}</td></tr>",
            row.event, row.payload, row.notes
        ));
    }
    out.push_str("</tbody></table></div>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(data: Value, extra: Value) -> Value {
        let mut schemas = json!({"Data": data});
        for (k, v) in extra.as_object().unwrap() {
            schemas[k] = v.clone();
        }
        json!({"components": {"schemas": schemas}})
    }

    fn media() -> Value {
        json!({"schema": {"type": "string"}, "x-sse-data-schema": {"$ref": "#/components/schemas/Data"}})
    }

    #[test]
    fn event_names_come_from_the_description_table() {
        let d = doc(
            json!({"anyOf": [], "description": "Frames.\n\n| `event:` | `data:` schema |\n|---|---|\n| `a.created`, `a.done` | `Life` |\n| `error` | `Err` |\n\nMore."}),
            json!({"Life": {"description": "Lifecycle."}, "Err": {}}),
        );
        let rows = event_rows(&d, &media()).unwrap();
        assert_eq!(rows.len(), 2);
        assert!(rows[0].notes.contains("Lifecycle."), "{}", rows[0].notes);
        assert_eq!(rows[0].event, "<code>a.created</code>, <code>a.done</code>");
        assert!(rows[0].payload.contains("href=\"#schema-Life\""));
        assert_eq!(rows[1].event, "<code>error</code>");
    }

    #[test]
    fn event_names_come_from_single_valued_type_properties() {
        let d = doc(
            json!({"oneOf": [{"$ref": "#/components/schemas/Start"}, {"$ref": "#/components/schemas/Other"}]}),
            json!({
                "Start": {"type": "object", "description": "First.", "properties": {"type": {"enum": ["message_start"]}}},
                "Other": {"type": "object", "properties": {"type": {"type": "string", "not": {"enum": ["message_start"]}}}}
            }),
        );
        let rows = event_rows(&d, &media()).unwrap();
        assert_eq!(rows[0].event, "<code>message_start</code>");
        assert!(rows[0].notes.contains("First."));
        assert_eq!(rows[1].event, "<em>any other name</em>");
    }

    #[test]
    fn unnamed_frames_and_quoted_event_names() {
        let d = doc(
            json!({"oneOf": [
                {"$ref": "#/components/schemas/Chunk", "description": "An unnamed `data:` frame."},
                {"$ref": "#/components/schemas/Err", "description": "The data of an `event: error` frame."}
            ]}),
            json!({"Chunk": {}, "Err": {}}),
        );
        let rows = event_rows(&d, &media()).unwrap();
        assert_eq!(rows[0].event, UNNAMED);
        assert_eq!(rows[1].event, "<code>error</code>");
        assert!(
            event_table(&d, &media())
                .unwrap()
                .contains("class=\"stream-events\"")
        );
        assert!(event_rows(&d, &json!({"schema": {"type": "string"}})).is_none());
    }
}
