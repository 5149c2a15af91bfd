//! What each Kindo host states once for all its operations, as the built documents carry it:
//! the API-key schemes on every operation, `Retry-After` on every `429`, and each error
//! family's envelope on its `401`, `429` and `500`.

use kindo_openapi::bare_documents;
use serde_json::{Value, json};

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch"];

/// `(path, operation)` of every operation of the named document.
fn operations(name: &str) -> Vec<(String, Value)> {
    let docs = bare_documents().expect("documents build");
    let doc = docs.into_iter().find(|d| d.name == name).expect(name);
    let mut out = Vec::new();
    for (path, item) in doc.value["paths"].as_object().expect("paths") {
        for method in METHODS {
            if let Some(op) = item.get(*method) {
                out.push((path.clone(), op.clone()));
            }
        }
    }
    out
}

#[test]
fn every_kindo_operation_takes_either_key_unless_it_is_public() {
    for name in ["kindo-api", "kindo-llm"] {
        for (path, op) in operations(name) {
            let expected = if path.starts_with("/.well-known/") {
                json!([{}])
            } else {
                json!([{"bearerAuth": []}, {"apiKeyAuth": []}])
            };
            assert_eq!(op["security"], expected, "{name} {path}");
        }
    }
}

#[test]
fn every_kindo_429_says_when_to_retry() {
    for name in ["kindo-api", "kindo-llm"] {
        let mut seen = 0;
        for (path, op) in operations(name) {
            let Some(limited) = op["responses"].get("429") else {
                continue;
            };
            seen += 1;
            assert_eq!(
                limited["headers"]["Retry-After"]["description"],
                "Seconds (or an HTTP date) to wait before retrying, when present.",
                "{name} {path}"
            );
        }
        assert!(seen > 0, "{name} has no 429 at all");
    }
}

#[test]
fn each_error_family_answers_with_its_envelope() {
    let envelope = |op: &Value, status: &str| {
        op["responses"][status]["content"]["application/json"]["schema"]["$ref"]
            .as_str()
            .map(|r| r.trim_start_matches("#/components/schemas/").to_owned())
    };
    for (path, op) in operations("kindo-api") {
        let tag = op["tags"][0].as_str().unwrap_or_default();
        let (unauthorized, others) = match tag {
            "Agents" | "Runs" => ("AgentsError", "AgentsError"),
            "Models" | "Integrations" => ("FlatError", "FlatError"),
            "Chat Completions" | "Responses" | "Conversations" => ("FlatError", "OpenAiError"),
            "Messages" => ("MessagesError", "MessagesError"),
            _ => continue,
        };
        assert_eq!(
            envelope(&op, "401").as_deref(),
            Some(unauthorized),
            "{path}"
        );
        for status in ["429", "500"] {
            assert_eq!(
                envelope(&op, status).as_deref(),
                Some(others),
                "{path} {status}"
            );
        }
    }
}
