//! The canned text the mock "generates", and token estimates.

use serde_json::Value;

/// The assistant's answer to a prompt: deterministic, so tests can assert on it.
pub fn reply_to(prompt: &str) -> String {
    let prompt = prompt.trim();
    if prompt.is_empty() {
        return "Hello from kindo-mock.".into();
    }
    let short: String = prompt.chars().take(200).collect();
    format!("This is kindo-mock answering: {short}")
}

/// A rough token count (four characters a token), never zero.
pub fn tokens(text: &str) -> u64 {
    (text.chars().count() as u64).div_ceil(4).max(1)
}

/// All text strings in a JSON value, joined (to estimate prompt tokens).
pub fn all_text(value: &Value) -> String {
    let mut out = String::new();
    collect(value, &mut out);
    out
}

fn collect(value: &Value, out: &mut String) {
    match value {
        Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        Value::Array(a) => a.iter().for_each(|v| collect(v, out)),
        Value::Object(o) => o.values().for_each(|v| collect(v, out)),
        _ => {}
    }
}

/// Arguments for a function call, built from the function's JSON Schema parameters.
pub fn arguments(parameters: &Value) -> String {
    let mut args = serde_json::Map::new();
    let required: Vec<&str> = parameters["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    for name in required {
        let kind = parameters["properties"][name]["type"]
            .as_str()
            .unwrap_or("string");
        let value = match (name, kind) {
            ("location", _) | ("city", _) => Value::from("San Francisco, CA"),
            (_, "integer") | (_, "number") => Value::from(1),
            (_, "boolean") => Value::from(true),
            (_, "array") => Value::Array(Vec::new()),
            (_, "object") => Value::Object(Default::default()),
            _ => Value::from("example"),
        };
        args.insert(name.to_owned(), value);
    }
    Value::Object(args).to_string()
}
