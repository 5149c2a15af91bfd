//! The example corpus is embedded where it belongs, and a bad corpus file is reported by name.

use std::fs;

use kindo_openapi::{Error, documents, documents_with_corpus};
use serde_json::{Value, json};

fn api(docs: &[kindo_openapi::Document]) -> &Value {
    &docs.iter().find(|d| d.name == "kindo-api").unwrap().value
}

#[test]
fn examples_land_in_the_media_type_of_their_operation() {
    let docs = documents().unwrap();
    let run = api(&docs)
        .pointer("/paths/~1v1~1agents~1runs/post/responses/202/content/application~1json/examples/run-daily-scan")
        .expect("202 example embedded");
    assert_eq!(
        run["value"],
        json!({"runId": "7a7ced7d-95a8-416f-95bb-5c0ff3599f53"})
    );
    assert!(
        run["description"]
            .as_str()
            .unwrap()
            .contains("docs.kindo.ai")
    );
    let request = api(&docs).pointer(
        "/paths/~1v1~1agents~1runs/post/requestBody/content/application~1json/examples/run-daily-scan",
    );
    assert!(
        request.is_some(),
        "request and response share their scenario key"
    );
}

#[test]
fn parameter_values_are_embedded_under_the_example_key() {
    let docs = documents().unwrap();
    let params = api(&docs)
        .pointer("/paths/~1v1~1agents~1{agentId}/get/parameters")
        .and_then(Value::as_array)
        .unwrap();
    let by_name = |n: &str| params.iter().find(|p| p["name"] == n).unwrap();
    assert_eq!(
        by_name("limit")["examples"]["agent-paginated"]["value"],
        json!(2)
    );
    assert_eq!(
        by_name("agentId")["examples"]["agent"]["value"],
        json!("18d20df4-d9b3-4cb0-a009-9f11ec9c5d3d")
    );
    assert!(by_name("limit")["examples"].get("agent").is_none());
}

#[test]
fn unknown_parameter_and_duplicate_key_are_errors() {
    assert_refused(
        "badparam.json",
        r#"{"operations":["getRun"],"direction":"response","status":200,"parameters":{"nope":1},"summary":"s","source":{"pages":[]},"value":{}}"#,
        "`nope`",
    );

    let dir = corpus_with(
        "a.json",
        r#"{"operations":["getRun"],"direction":"response","status":200,"scenario":"x","summary":"s","source":{"pages":[]},"value":{}}"#,
    );
    fs::write(
        dir.path().join("examples/b.json"),
        r#"{"operations":["getRun"],"direction":"response","status":200,"scenario":"x","summary":"s","source":{"pages":[]},"value":{}}"#,
    )
    .unwrap();
    let err = documents_with_corpus(dir.path()).unwrap_err().to_string();
    assert!(
        err.contains("b.json") && err.contains("already used"),
        "{err}"
    );
}

#[test]
fn every_operation_has_an_example_for_its_success_status() {
    let docs = documents().unwrap();
    for doc in &docs {
        for (path, item) in doc.value["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                for (status, response) in op["responses"].as_object().unwrap() {
                    // A bodiless success (e.g. MCP's 202 for notifications) has nothing to show.
                    // A payload whose shape the documented API leaves open has no honest
                    // example; its schema says so (`x-shape-undocumented`).
                    if status.starts_with('2')
                        && response.get("content").is_some()
                        && !undocumented(&doc.value, &response["content"]["application/json"])
                    {
                        let examples = &response["content"]["application/json"]["examples"];
                        assert!(
                            examples.as_object().is_some_and(|e| !e.is_empty()),
                            "{} {method} {path} {status} has no example",
                            doc.name
                        );
                    }
                }
            }
        }
    }
}

/// A corpus directory holding one example file.
fn corpus_with(file: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("examples")).unwrap();
    fs::write(dir.path().join("examples").join(file), text).unwrap();
    dir
}

/// Asserts that generation refuses a corpus of the one file `file` (holding `text`) with an
/// error naming the file and `detail`.
#[track_caller]
fn assert_refused(file: &str, text: &str, detail: &str) {
    let dir = corpus_with(file, text);
    let err = documents_with_corpus(dir.path()).unwrap_err().to_string();
    assert!(err.contains(file) && err.contains(detail), "{err}");
}

#[test]
fn malformed_json_names_the_file() {
    let dir = corpus_with("broken.json", "{ not json");
    let err = documents_with_corpus(dir.path()).unwrap_err();
    assert!(matches!(err, Error::MalformedExample { .. }));
    assert!(err.to_string().contains("broken.json"), "{err}");
}

#[test]
fn unknown_operation_names_the_file_and_operation() {
    assert_refused(
        "ghost.json",
        r#"{"operations":["noSuchOp"],"direction":"request","summary":"s","source":{"pages":[]},"value":{}}"#,
        "noSuchOp",
    );
}

#[test]
fn undeclared_status_names_the_pointer() {
    assert_refused(
        "teapot.json",
        r#"{"operations":["listModels"],"direction":"response","status":418,"summary":"s","source":{"pages":[]},"value":{}}"#,
        "/responses/418/",
    );
}

#[test]
fn response_without_status_is_rejected() {
    assert_refused(
        "nostatus.json",
        r#"{"operations":["listModels"],"direction":"response","summary":"s","source":{"pages":[]},"value":{}}"#,
        "status",
    );
}

/// Whether the media type's schema (after one local `$ref`) is marked undocumented.
fn undocumented(doc: &serde_json::Value, media: &serde_json::Value) -> bool {
    let schema = &media["schema"];
    let schema = match schema["$ref"].as_str() {
        Some(r) => doc.pointer(r.trim_start_matches('#')).unwrap_or(schema),
        None => schema,
    };
    schema[kindo_types::koda::UNDOCUMENTED] == true
}
