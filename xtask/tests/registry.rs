//! The registry (`kindo_openapi::REGISTRY`) drives every per-document output: adding a document
//! is one entry plus its operations and examples. A throwaway fourth document, registered only
//! here, gets its 3.1 files, its 3.0.3 rendition, its client module and its place in the
//! client's module list (with its `ClientBuilder` methods) and in `spec/documents.json`, in a
//! temporary tree.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{copy_dir, root};
use kindo_openapi::{REGISTRY, Registration};
use serde_json::{Value, json};
use xtask::{
    CLIENT_MODULES, MANIFEST, Output, client_path, orphans, outputs_for, stale, write_all,
};

/// The throwaway document: one operation, one schema.
fn widgets() -> utoipa::openapi::OpenApi {
    serde_json::from_value(json!({
        "openapi": "3.1.0",
        "info": {"title": "Widgets", "version": "0.1.0"},
        "servers": [{"url": "https://widgets.example"}],
        "paths": {"/v1/widgets/{id}": {"get": {
            "operationId": "getWidget",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "the widget", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Widget"}}}}}
        }}},
        "components": {"schemas": {"Widget": {"type": "object", "required": ["id"], "properties": {
            "id": {"type": "string"},
            "colour": {"oneOf": [{"$ref": "#/components/schemas/Colour"}, {"type": "null"}]}}},
            "Colour": {"type": "string", "enum": ["red", "blue"]}}}
    }))
    .expect("a valid utoipa document")
}

const WIDGETS: Registration = Registration {
    name: "widgets",
    version: "0.1.0",
    client_module: "widgets",
    build: widgets,
};

fn with(entry: Registration) -> Vec<Registration> {
    let mut registry = REGISTRY.to_vec();
    registry.push(entry);
    registry
}

/// A temporary tree with this checkout's corpus plus one example of the widgets document.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let examples = dir.path().join("corpus/examples");
    copy_dir(&root().join("corpus/examples"), &examples);
    fs::create_dir_all(examples.join("widgets")).unwrap();
    let example = json!({
        "document": "widgets",
        "operations": ["getWidget"],
        "direction": "response",
        "status": 200,
        "summary": "A red widget",
        "source": {"pages": ["https://widgets.example/docs"]},
        "value": {"id": "w-1", "colour": "red"}
    });
    fs::write(examples.join("widgets/widget.json"), example.to_string()).unwrap();
    dir
}

fn find<'a>(outputs: &'a [Output], path: &str) -> &'a Output {
    outputs
        .iter()
        .find(|o| o.path == Path::new(path))
        .unwrap_or_else(|| panic!("no output {path}"))
}

#[test]
fn a_fourth_registered_document_flows_through_gen() {
    let tree = tree();
    let registry = with(WIDGETS);
    let outputs = outputs_for(tree.path(), &registry).expect("generation succeeds");

    let published: Value =
        serde_json::from_str(&find(&outputs, "spec/widgets.openapi.json").contents).unwrap();
    assert_eq!(published["info"]["version"], "0.1.0");
    let media = "/paths/~1v1~1widgets~1{id}/get/responses/200/content/application~1json";
    assert_eq!(
        published
            .pointer(&format!("{media}/examples/widget/value"))
            .expect("the corpus example is embedded"),
        &json!({"id": "w-1", "colour": "red"})
    );
    find(&outputs, "spec/widgets.openapi.yaml");

    let oas30: Value =
        serde_json::from_str(&find(&outputs, "spec/oas30/widgets.openapi.json").contents).unwrap();
    assert_eq!(oas30["openapi"], "3.0.3");
    assert_eq!(
        oas30["components"]["schemas"]["Widget"]["properties"]["colour"]["anyOf"][0]["$ref"],
        "#/components/schemas/Colour"
    );
    find(&outputs, "spec/oas30/widgets.openapi.yaml");

    let client = &find(&outputs, &client_path("widgets").display().to_string()).contents;
    assert!(client.starts_with(xtask::client::HEADER));
    assert!(client.contains("pub struct Widget"), "{client}");
    assert!(client.contains("pub fn get_widget"), "{client}");
    assert!(client.contains("Option<Colour>"), "{client}");
    syn::parse_file(client).expect("the client module parses as Rust");

    let modules = &find(&outputs, CLIENT_MODULES).contents;
    for line in [
        "#[cfg(feature = \"widgets\")]",
        "#[path = \"widgets.rs\"]",
        "pub mod widgets;",
        "$m!(widgets);",
        "name: \"widgets\",",
        // `ClientBuilder::widgets_base_url` and `build_widgets`, its server as the default.
        "$m!(widgets, widgets_base_url, build_widgets, \"widgets\", \"https://widgets.example\");",
    ] {
        assert!(modules.contains(line), "{line} missing from\n{modules}");
    }
    syn::parse_file(modules).expect("the module list parses as Rust");

    let manifest: Value = serde_json::from_str(&find(&outputs, MANIFEST).contents).unwrap();
    let names: Vec<&str> = manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        names,
        ["kindo-api", "kindo-llm", "koda-control-plane", "widgets"]
    );

    // Written, the tree is current and has no orphans; the real documents are untouched.
    write_all(tree.path(), &outputs).unwrap();
    assert!(stale(tree.path(), &outputs).unwrap().is_empty());
    assert_eq!(
        orphans(tree.path(), &outputs).unwrap(),
        Vec::<PathBuf>::new()
    );
    let real = outputs_for(&root(), REGISTRY).unwrap();
    for output in &real {
        let shared = [CLIENT_MODULES, MANIFEST]
            .iter()
            .any(|p| output.path == Path::new(p));
        if !shared {
            assert_eq!(
                &find(&outputs, &output.path.display().to_string()).contents,
                &output.contents
            );
        }
    }
}

#[test]
fn a_client_module_that_is_no_rust_identifier_or_is_taken_is_refused() {
    let tree = tree();
    for (module, says) in [
        ("my-widgets", "not a lowercase Rust identifier"),
        ("api", "taken"),
    ] {
        let registry = with(Registration {
            client_module: module,
            ..WIDGETS
        });
        let err = outputs_for(tree.path(), &registry).unwrap_err();
        assert_eq!(err.exit_code(), 3, "{err}");
        let text = err.to_string();
        assert!(text.contains("`widgets`") && text.contains(says), "{text}");
    }
}

/// The client builder's default base URL is the document's first server: a document without
/// one is refused, naming the entry.
#[test]
fn a_document_without_a_server_is_refused_for_the_client_builder() {
    fn serverless() -> utoipa::openapi::OpenApi {
        let mut doc = widgets();
        doc.servers = None;
        doc
    }
    let tree = tree();
    let registry = with(Registration {
        build: serverless,
        ..WIDGETS
    });
    let err = outputs_for(tree.path(), &registry).unwrap_err();
    assert_eq!(err.exit_code(), 3, "{err}");
    let text = err.to_string();
    assert!(
        text.contains("`widgets`") && text.contains("lists no server"),
        "{text}"
    );
}

/// The features are the one per-document fact the registry cannot write (Cargo.toml is
/// hand-edited): each registered module is a feature of kindo-client, on by default, and
/// kindo-client has no other document feature.
#[test]
fn every_registered_document_is_a_default_feature_of_the_client() {
    let manifest = fs::read_to_string(root().join("crates/kindo-client/Cargo.toml")).unwrap();
    let features = manifest
        .split("[features]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("kindo-client has a [features] table");
    let default = features
        .lines()
        .find(|l| l.starts_with("default"))
        .expect("a default feature set");
    for entry in REGISTRY {
        let module = entry.client_module;
        assert!(
            features
                .lines()
                .any(|l| l.trim() == format!("{module} = []")),
            "kindo-client/Cargo.toml: feature `{module} = []` missing"
        );
        assert!(
            default.contains(&format!("\"{module}\"")),
            "kindo-client/Cargo.toml: `{module}` is not a default feature"
        );
    }
    let declared = features
        .lines()
        .filter(|l| l.trim_end().ends_with("= []"))
        .count();
    assert_eq!(declared, REGISTRY.len(), "{features}");
}
