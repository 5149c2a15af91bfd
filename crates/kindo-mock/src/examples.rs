//! The documented examples of an operation, and answers built from them: a request example
//! paired with the response example of the same key (the scenario), any example by name
//! (`Prefer: example=<name>`), and, where a response has no example, a minimal value built
//! from its schema.

use serde_json::{Map, Value, json};

use crate::reply::{Reply, parse_sse};
use crate::spec::{Document, Operation};

/// One documented response example.
pub struct ResponseExample<'a> {
    pub name: &'a str,
    pub status: u16,
    pub media: &'a str,
    pub value: &'a Value,
}

/// Every response example of `op`, in document order.
pub fn responses(op: &Operation) -> Vec<ResponseExample<'_>> {
    let mut out = Vec::new();
    let Some(responses) = op.value.get("responses").and_then(Value::as_object) else {
        return out;
    };
    for (status, response) in responses {
        let Ok(status) = status.parse::<u16>() else {
            continue;
        };
        let Some(content) = response.get("content").and_then(Value::as_object) else {
            continue;
        };
        for (media, object) in content {
            let Some(examples) = object.get("examples").and_then(Value::as_object) else {
                continue;
            };
            for (name, example) in examples {
                if let Some(value) = example.get("value") {
                    out.push(ResponseExample {
                        name,
                        status,
                        media,
                        value,
                    });
                }
            }
        }
    }
    out
}

/// The key of the documented request example `body` is, if any.
pub fn request_scenario<'a>(op: &'a Operation, body: &Value) -> Option<&'a str> {
    op.value
        .pointer("/requestBody/content/application~1json/examples")
        .and_then(Value::as_object)?
        .iter()
        .find(|(_, e)| e.get("value") == Some(body))
        .map(|(k, _)| k.as_str())
}

/// The response example paired with a documented request example, for the wanted media type.
pub fn paired<'a>(op: &'a Operation, body: &Value, stream: bool) -> Option<ResponseExample<'a>> {
    let key = request_scenario(op, body)?;
    responses(op).into_iter().find(|e| {
        e.name == key
            && (200..300).contains(&e.status)
            && (e.media == "text/event-stream") == stream
    })
}

/// The reply serving a documented example as written, with the headers its response
/// documents.
pub fn serve(op: &Operation, example: &ResponseExample<'_>) -> Reply {
    let mut reply = if example.media == "text/event-stream" {
        let mut reply = Reply::sse(parse_sse(example.value.as_str().unwrap_or_default()));
        reply.status = example.status;
        reply
    } else {
        Reply::json(example.status, example.value.clone())
    };
    reply.headers.extend(documented_headers(op, example.status));
    reply
}

/// Placeholder values for the headers `op` documents on `status` (`Retry-After`,
/// `WWW-Authenticate`, `Set-Cookie`, ...), for answers that are not built by a handler.
pub fn documented_headers(op: &Operation, status: u16) -> Vec<(String, String)> {
    let Some(headers) = op
        .value
        .pointer(&format!("/responses/{status}/headers"))
        .and_then(Value::as_object)
    else {
        return Vec::new();
    };
    headers
        .keys()
        .map(|name| {
            let value = match name.to_ascii_lowercase().as_str() {
                "retry-after" => "1".to_owned(),
                "www-authenticate" => {
                    "Bearer resource_metadata=\"http://127.0.0.1/.well-known/oauth-protected-resource\""
                        .to_owned()
                }
                "set-cookie" => {
                    "koda_operator_session=example; Path=/; HttpOnly; Secure; SameSite=Strict"
                        .to_owned()
                }
                _ => "example".to_owned(),
            };
            (name.to_ascii_lowercase(), value)
        })
        .collect()
}

/// The answer to an operation no handler models: its first 2xx response, with the paired or
/// first documented example, or a value built from the schema.
pub fn generic(doc: &Document, op: &Operation, body: Option<&Value>) -> Reply {
    if let Some(body) = body
        && let Some(e) = paired(op, body, false)
    {
        return serve(op, &e);
    }
    let responses = op.value.get("responses").and_then(Value::as_object);
    let success = responses
        .into_iter()
        .flatten()
        .filter_map(|(s, r)| Some((s.parse::<u16>().ok()?, r)))
        .filter(|(s, _)| (200..300).contains(s))
        .min_by_key(|(s, _)| *s);
    let Some((status, response)) = success else {
        return Reply::empty(200);
    };
    let Some(media) = response.pointer("/content/application~1json") else {
        return Reply::empty(status);
    };
    if let Some(first) = media
        .get("examples")
        .and_then(Value::as_object)
        .and_then(|e| e.values().next())
        .and_then(|e| e.get("value"))
    {
        let mut reply = Reply::json(status, first.clone());
        reply.headers.extend(documented_headers(op, status));
        return reply;
    }
    let schema = media.get("schema").cloned().unwrap_or(json!({}));
    let mut reply = Reply::json(status, synthesize(doc, &schema, 0));
    reply.headers.extend(documented_headers(op, status));
    reply
}

/// A small value valid under `schema`: its `example`, else the required properties built
/// recursively, the first `enum`/`oneOf` branch, and plain placeholders for scalars.
pub fn synthesize(doc: &Document, schema: &Value, depth: usize) -> Value {
    let schema = doc.resolve(schema);
    if depth > 12 {
        return Value::Null;
    }
    let first = |key: &str| schema.get(key).and_then(Value::as_array)?.first();
    if let Some(value) = schema
        .get("example")
        .or_else(|| first("examples"))
        .or_else(|| schema.get("const"))
        .or_else(|| first("enum"))
    {
        return value.clone();
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(first) = schema
            .get(key)
            .and_then(Value::as_array)
            .and_then(|a| a.first())
        {
            return synthesize(doc, first, depth + 1);
        }
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        let mut merged = Map::new();
        for part in parts {
            if let Value::Object(o) = synthesize(doc, part, depth + 1) {
                merged.extend(o);
            }
        }
        return Value::Object(merged);
    }
    let kind = match schema.get("type") {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Array(t)) => t
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ if schema.get("properties").is_some() => "object",
        _ => "object",
    };
    match kind {
        "object" => {
            let mut out = Map::new();
            let properties = schema.get("properties").and_then(Value::as_object);
            for name in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                let sub = properties
                    .and_then(|p| p.get(name))
                    .cloned()
                    .unwrap_or(json!({}));
                out.insert(name.to_owned(), synthesize(doc, &sub, depth + 1));
            }
            Value::Object(out)
        }
        "array" => {
            let min = schema.get("minItems").and_then(Value::as_u64).unwrap_or(0);
            let item = schema.get("items").cloned().unwrap_or(json!({}));
            Value::Array(
                (0..min)
                    .map(|_| synthesize(doc, &item, depth + 1))
                    .collect(),
            )
        }
        "string" => match schema.get("format").and_then(Value::as_str) {
            Some("date-time") => json!("2026-01-01T00:00:00Z"),
            Some("date") => json!("2026-01-01"),
            Some("uri") | Some("url") => json!("https://example.com/"),
            Some("uuid") => json!("00000000-0000-4000-8000-000000000000"),
            Some("email") => json!("owner@example.com"),
            _ => json!("string"),
        },
        "integer" | "number" => json!(schema.get("minimum").and_then(Value::as_i64).unwrap_or(0)),
        "boolean" => json!(false),
        _ => Value::Null,
    }
}
