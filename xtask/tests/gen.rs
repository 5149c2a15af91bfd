//! `cargo xtask gen` behaviour: the checked-in tree is current, drift is named, bad input fails
//! cleanly and writes are all-or-nothing.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{edit_text, exited, generated_tree, root, snapshot, xtask};
use xtask::{orphans, outputs, stale, write_all};

/// The same check as `cargo xtask gen --check`, so `cargo test` catches stale files.
#[test]
fn checked_in_files_are_current() {
    let outputs = outputs(&root()).expect("generation succeeds");
    assert_eq!(orphans(&root(), &outputs).unwrap(), Vec::<PathBuf>::new());
    let stale = stale(&root(), &outputs).expect("tree is readable");
    let names: Vec<String> = stale.iter().map(|s| s.path.display().to_string()).collect();
    assert!(
        stale.is_empty(),
        "stale generated files (run `cargo xtask gen`): {}\n{}",
        names.join(", "),
        stale.iter().map(|s| s.diff.as_str()).collect::<String>()
    );
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(outputs(&root()).unwrap(), outputs(&root()).unwrap());
}

#[test]
fn check_names_the_stale_file_and_exits_1() {
    let tree = generated_tree();
    let file = tree.path().join("spec/kindo-api.openapi.json");
    edit_text(&file, |text| {
        text.replacen("\"runId\"", "\"runIdentifier\"", 1)
    });
    let root = tree.path().to_str().unwrap();
    let out = xtask(&["gen", "--check", "--root", root]);
    let stderr = exited(&out, 1);
    assert!(
        stderr.contains("stale: spec/kindo-api.openapi.json"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("kindo-llm"),
        "only the edited file is stale: {stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("-") && stdout.contains("runIdentifier"),
        "diff shown: {stdout}"
    );
    // --check wrote nothing.
    assert!(fs::read_to_string(&file).unwrap().contains("runIdentifier"));
}

#[test]
fn check_reports_missing_files() {
    let tree = generated_tree();
    fs::remove_file(tree.path().join("spec/kindo-llm.openapi.yaml")).unwrap();
    let out = xtask(&["gen", "--check", "--root", tree.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stale: spec/kindo-llm.openapi.yaml"));
}

#[test]
fn unknown_flag_is_a_one_line_usage_error() {
    let out = xtask(&["gen", "--frobnicate"]);
    let stderr = exited(&out, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("unknown flag `--frobnicate`"), "{stderr}");
    let out = xtask(&["generate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unwritable_spec_dir_fails_cleanly() {
    let root = tempfile::tempdir().unwrap();
    // `spec` is a file, so nothing can be created below it (works even when running as root).
    fs::write(root.path().join("spec"), "not a directory").unwrap();
    // A corpus (empty), so that gen gets as far as writing.
    fs::create_dir_all(root.path().join("corpus/examples")).unwrap();
    let out = xtask(&["gen", "--root", root.path().to_str().unwrap()]);
    let stderr = exited(&out, 4);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("spec"), "{stderr}");
    assert_eq!(
        fs::read_to_string(root.path().join("spec")).unwrap(),
        "not a directory"
    );
}

#[test]
fn a_failed_write_leaves_every_file_as_it_was() {
    let tree = generated_tree();
    // Make both JSON documents stale, then make the second target impossible to replace.
    for name in ["kindo-api", "kindo-llm"] {
        fs::write(
            tree.path().join(format!("spec/{name}.openapi.json")),
            "old\n",
        )
        .unwrap();
    }
    let blocked = tree.path().join("spec/kindo-llm.openapi.yaml");
    fs::remove_file(&blocked).unwrap();
    fs::create_dir(&blocked).unwrap();
    fs::write(blocked.join("keep"), "x").unwrap();
    let before = snapshot(tree.path());

    let err = write_all(tree.path(), &outputs(tree.path()).unwrap()).unwrap_err();
    assert_eq!(err.exit_code(), 4);
    assert!(err.to_string().contains("kindo-llm.openapi.yaml"), "{err}");
    assert_eq!(
        snapshot(tree.path()),
        before,
        "tree unchanged, no temporary files left"
    );
}

#[test]
fn every_document_has_a_3_0_3_rendition_and_a_generated_client() {
    let outputs = outputs(&root()).unwrap();
    for name in kindo_openapi::REGISTRY.iter().map(|r| r.name) {
        let oas30 = outputs
            .iter()
            .find(|o| o.path == Path::new(&format!("spec/oas30/{name}.openapi.json")))
            .expect("3.0.3 rendition");
        let value: serde_json::Value = serde_json::from_str(&oas30.contents).unwrap();
        assert_eq!(value["openapi"], "3.0.3");
        assert!(
            outputs
                .iter()
                .any(|o| o.path == Path::new(&format!("spec/oas30/{name}.openapi.yaml")))
        );
        let client = outputs
            .iter()
            .find(|o| o.path == xtask::client_path(name))
            .expect("generated client");
        assert!(client.contents.starts_with(xtask::client::HEADER), "{name}");
    }
}

/// A minimal 3.1 document with one operation whose responses are given.
fn one_operation(responses: serde_json::Value, schemas: serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/v1/things": {"post": {"operationId": "createThing", "responses": responses}}},
        "components": {"schemas": schemas}
    })
}

fn generated(doc: &serde_json::Value) -> String {
    let (_, parsed) = xtask::client::oas30("test", doc).unwrap();
    xtask::client::generate("test", &parsed).unwrap()
}

#[test]
fn event_stream_beside_json_keeps_the_json_type() {
    let doc = one_operation(
        serde_json::json!({"200": {"description": "ok", "content": {
            "text/event-stream": {"schema": {"type": "string"}},
            "application/json": {"schema": {"$ref": "#/components/schemas/Completion"}}
        }}}),
        serde_json::json!({"Completion": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}),
    );
    let code = generated(&doc);
    assert!(code.contains("ResponseValue<types::Completion>"), "{code}");
}

#[test]
fn different_error_bodies_get_one_synthesized_error_type() {
    let flat = serde_json::json!({"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}});
    let nested = serde_json::json!({"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}}}});
    let doc = one_operation(
        serde_json::json!({
            "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}},
            "400": {"description": "bad", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Nested"}}}},
            "401": {"description": "auth", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Flat"}}}}
        }),
        serde_json::json!({"Flat": flat, "Nested": nested}),
    );
    // Without S3 progenitor panics (`response_types.len() <= 1`); with it the method is typed.
    let code = generated(&doc);
    assert!(code.contains("Error<types::CreateThingError>"), "{code}");
    assert!(code.contains("pub enum CreateThingError"), "{code}");
}

#[test]
fn untranslatable_constructs_fail_with_document_and_pointer() {
    let doc = one_operation(
        serde_json::json!({"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pair"}}}}}),
        serde_json::json!({"Pair": {"type": "array", "prefixItems": [{"type": "string"}]}}),
    );
    let err = xtask::client::oas30("kindo-api", &doc).unwrap_err();
    assert_eq!(err.exit_code(), 3);
    assert_eq!(
        err.to_string(),
        "spec/kindo-api.openapi.json: /components/schemas/Pair: keyword `prefixItems` is not part of the OpenAPI 3.0.3 Schema Object"
    );
}
