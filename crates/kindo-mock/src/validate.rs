//! Request parameters and bodies judged against the validators compiled at start-up. The first
//! real cause is reported with its JSON pointer (the deepest failing location, with
//! `required` errors pointed at the missing property).

use std::collections::HashMap;

use axum::http::HeaderMap;
use jsonschema::Validator;
use serde_json::{Number, Value};

use crate::auth::cookie;
use crate::errors::Fail;
use crate::spec::{In, Operation, escape};

/// Keywords that only combine other results; their message is never the cause.
const COMBINATORS: [&str; 8] = [
    "oneOf", "anyOf", "allOf", "$ref", "not", "if", "then", "else",
];

/// Validates the declared parameters. Header parameters the transport owns (`Accept`) are
/// left to the handlers.
pub fn params(
    op: &Operation,
    path: &HashMap<String, String>,
    query: &[(String, String)],
    headers: &HeaderMap,
) -> Result<(), Fail> {
    for p in &op.params {
        let raw: Vec<String> = match p.location {
            In::Path => path.get(&p.name).cloned().into_iter().collect(),
            In::Query => query
                .iter()
                .filter(|(k, _)| *k == p.name || *k == format!("{}[]", p.name))
                .map(|(_, v)| v.clone())
                .collect(),
            In::Header => {
                if p.name.eq_ignore_ascii_case("accept") {
                    continue;
                }
                headers
                    .get_all(p.name.to_ascii_lowercase().as_str())
                    .iter()
                    .filter_map(|v| v.to_str().ok().map(str::to_owned))
                    .collect()
            }
            In::Cookie => cookie(headers, &p.name).into_iter().collect(),
        };
        let place = match p.location {
            In::Path => "path",
            In::Query => "query",
            In::Header => "header",
            In::Cookie => "cookie",
        };
        if raw.is_empty() {
            if p.required {
                return Err(Fail::bad_request(format!(
                    "missing required {place} parameter `{}`",
                    p.name
                )));
            }
            continue;
        }
        let value = coerce(&p.schema, &raw);
        if let Some((pointer, message)) = first_error(&p.validator, &value) {
            return Err(Fail::bad_request(format!(
                "invalid {place} parameter `{}`{}: {message}",
                p.name,
                if pointer.is_empty() {
                    String::new()
                } else {
                    format!(" at {pointer}")
                }
            )));
        }
    }
    Ok(())
}

/// Parses and validates the JSON body; `None` when the operation declares none or it is empty
/// and optional.
pub fn body(op: &Operation, bytes: &[u8]) -> Result<Option<Value>, Fail> {
    let Some(validator) = &op.body else {
        return Ok(None);
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        if op.body_required {
            return Err(Fail::bad_request(
                "the request body is required (at the document root \"\")",
            ));
        }
        return Ok(None);
    }
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| Fail::bad_request(format!("the request body is not valid JSON: {e}")))?;
    if let Some((pointer, message)) = first_error(validator, &value) {
        let at = if pointer.is_empty() {
            "(root)".to_owned()
        } else {
            pointer
        };
        return Err(Fail::bad_request(format!(
            "invalid request body at {at}: {message}"
        )));
    }
    // A literal beyond 64-bit integers parses as a float that `int64` bounds cannot catch
    // (precision): refuse it by name.
    if let Some(pointer) = huge_integer(&value, String::new()) {
        return Err(Fail::bad_request(format!(
            "invalid request body at {pointer}: the number is outside the 64-bit integer range"
        )));
    }
    Ok(Some(value))
}

fn huge_integer(value: &Value, at: String) -> Option<String> {
    match value {
        Value::Number(n) if n.is_f64() => n
            .as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() >= 9.223_372_036_854_775e18)
            .map(|_| at),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, v)| huge_integer(v, format!("{at}/{i}"))),
        Value::Object(o) => o
            .iter()
            .find_map(|(k, v)| huge_integer(v, format!("{at}/{}", escape(k)))),
        _ => None,
    }
}

/// The first real cause of `value` failing `validator`: (pointer, message).
pub fn first_error(validator: &Validator, value: &Value) -> Option<(String, String)> {
    if validator.is_valid(value) {
        return None;
    }
    let evaluation = validator.evaluate(value);
    let mut best: Option<(usize, String, String)> = None;
    let mut fallback = None;
    for entry in evaluation.iter_errors() {
        let keyword = entry.error.keyword();
        let mut pointer = entry.instance_location.as_str().to_owned();
        let message = entry.error.message().to_owned();
        if fallback.is_none() {
            fallback = Some((pointer.clone(), message.clone()));
        }
        if COMBINATORS.contains(&keyword) {
            continue;
        }
        if keyword == "required"
            && let Some(name) = message.split('"').nth(1)
        {
            pointer = format!("{pointer}/{}", escape(name));
        }
        let depth = pointer.matches('/').count();
        // Deeper is more specific; the null branch of a nullable field is rarely the cause.
        let null_branch = keyword == "type" && message.ends_with("\"null\"");
        let score = depth * 2 + usize::from(!null_branch);
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, pointer, message));
        }
    }
    best.map(|(_, p, m)| (p, m)).or(fallback)
}

/// Turns wire strings into the JSON value the parameter's schema describes.
fn coerce(schema: &Value, raw: &[String]) -> Value {
    let kind = schema_type(schema);
    let one = |s: &str, kind: &str| -> Value {
        match kind {
            "integer" => s
                .parse::<i64>()
                .map(|n| Value::Number(n.into()))
                .unwrap_or_else(|_| Value::String(s.to_owned())),
            "number" => s
                .parse::<f64>()
                .ok()
                .and_then(Number::from_f64)
                .map(Value::Number)
                .unwrap_or_else(|| Value::String(s.to_owned())),
            "boolean" => match s {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => Value::String(s.to_owned()),
            },
            _ => Value::String(s.to_owned()),
        }
    };
    if kind == "array" {
        let item = schema.get("items").map(schema_type).unwrap_or("string");
        return Value::Array(
            raw.iter()
                .flat_map(|r| r.split(','))
                .map(|s| one(s, item))
                .collect(),
        );
    }
    one(&raw[0], kind)
}

fn schema_type(schema: &Value) -> &str {
    match schema.get("type") {
        Some(Value::String(s)) => s,
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("string"),
        _ => "string",
    }
}
