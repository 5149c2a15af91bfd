//! `Run.result` is a JSON-encoded string whose content the document names
//! (`contentMediaType` + `contentSchema`). Validators treat both as annotations, so this test
//! does the decoding: every documented run whose `result` is JSON must match the published
//! content schema, and the schema must stay open (an unknown part type and extra fields pass,
//! a known part with a wrong field does not).

use std::path::Path;

use kindo_conformance::Spec;
use serde_json::{Value, json};

fn spec() -> Spec {
    Spec::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec")).unwrap()
}

fn api(spec: &Spec) -> usize {
    spec.documents
        .iter()
        .position(|d| d.name == "kindo-api")
        .unwrap()
}

/// The pointer of the component `Run.result`'s `contentSchema` names.
fn content_schema(spec: &Spec) -> String {
    let result =
        &spec.documents[api(spec)].value["components"]["schemas"]["Run"]["properties"]["result"];
    assert_eq!(result["contentMediaType"], "application/json", "{result}");
    let target = result["contentSchema"]["$ref"]
        .as_str()
        .expect("contentSchema is a $ref");
    target.strip_prefix('#').unwrap().to_owned()
}

#[test]
fn documented_run_results_match_the_content_schema() {
    let spec = spec();
    let validator = spec.validator(api(&spec), &content_schema(&spec)).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/examples/runs");
    let mut decoded = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let example: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if example["operations"] != json!(["getRun"]) {
            continue;
        }
        let Some(result) = example["value"]["result"].as_str() else {
            continue;
        };
        // One documented deployment sends plain text; only JSON content is judged.
        let Ok(content) = serde_json::from_str::<Value>(result) else {
            continue;
        };
        let errors: Vec<String> = validator
            .iter_errors(&content)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        decoded += 1;
    }
    assert!(
        decoded >= 2,
        "only {decoded} run examples carry a JSON result"
    );
}

#[test]
fn the_content_schema_is_open_but_checks_known_parts() {
    let spec = spec();
    let validator = spec.validator(api(&spec), &content_schema(&spec)).unwrap();
    let real = json!({"id": "msg_1", "role": "assistant", "metadata": {"k": 1}, "extra": true,
        "parts": [{"type": "step-start"}, {"type": "text", "text": "Done.", "state": "done"},
                  {"type": "tool-future", "anything": [1]}]});
    assert!(validator.is_valid(&real));
    let bad_text = json!({"role": "assistant", "parts": [{"type": "text", "text": 1}]});
    assert!(!validator.is_valid(&bad_text));
    let no_parts = json!({"role": "assistant"});
    assert!(!validator.is_valid(&no_parts));
}
