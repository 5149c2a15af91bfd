//! `cargo xtask docs`: the site covers every operation of the published documents, is
//! deterministic, escapes what the documents contain, and fails cleanly on bad input.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use xtask::docs::build;
use xtask::workspace_root;

use common::{exited, xtask};

fn page(files: &[(PathBuf, Vec<u8>)], name: &str) -> String {
    let (_, bytes) = files
        .iter()
        .find(|(p, _)| p == Path::new(name))
        .unwrap_or_else(|| panic!("{name} is not in the site"));
    String::from_utf8(bytes.clone()).unwrap()
}

fn operation_ids(doc: &Value) -> Vec<String> {
    let mut ids = Vec::new();
    for item in doc["paths"].as_object().unwrap().values() {
        for (method, op) in item.as_object().unwrap() {
            if ["get", "put", "post", "delete", "patch"].contains(&method.as_str()) {
                ids.push(op["operationId"].as_str().unwrap().to_owned());
            }
        }
    }
    ids
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

#[test]
fn every_operation_of_every_published_document_is_on_its_page() {
    let root = workspace_root().unwrap();
    let files = build(&root).unwrap();
    let index = page(&files, "index.html");
    for name in ["kindo-api", "kindo-llm", "koda-control-plane"] {
        let doc = read_json(&root.join(format!("spec/{name}.openapi.json")));
        let html = page(&files, &format!("{name}.html"));
        let ids = operation_ids(&doc);
        assert!(!ids.is_empty());
        for id in &ids {
            assert!(
                html.contains(&format!("data-operation-id=\"{id}\"")),
                "{name}: operation {id} has no section"
            );
        }
        for schema in doc["components"]["schemas"].as_object().unwrap().keys() {
            assert!(
                html.contains(&format!("data-schema=\"{schema}\"")),
                "{name}: schema {schema} has no section"
            );
        }
        assert!(
            index.contains(&format!("href=\"{name}.html\"")),
            "{name} not on the index"
        );
        // Downloads are the published bytes.
        let copied = page(&files, &format!("downloads/oas30/{name}.openapi.yaml"));
        assert_eq!(
            copied,
            fs::read_to_string(root.join(format!("spec/oas30/{name}.openapi.yaml"))).unwrap()
        );
        // The Postman collection has one request per operation, each on {{baseUrl}}.
        let collection: Value = serde_json::from_str(&page(
            &files,
            &format!("downloads/{name}.postman_collection.json"),
        ))
        .unwrap();
        let requests: Vec<&Value> = collection["item"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|folder| folder["item"].as_array().unwrap())
            .collect();
        assert_eq!(requests.len(), ids.len(), "{name}: requests per operation");
        assert!(
            requests
                .iter()
                .all(|r| r["request"]["url"]["host"][0] == "{{baseUrl}}")
        );
    }
    // The three streaming APIs of kindo-api each get an event table.
    let api = page(&files, "kindo-api.html");
    assert!(api.matches("class=\"stream-events\"").count() >= 4);
    assert!(api.contains("<code>response.output_text.delta</code>"));
    assert!(api.contains("<code>message_start</code>"));
    assert!(api.contains("class=\"example-pair\""));
    // No page refers to anything outside itself.
    for (path, bytes) in &files {
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8_lossy(bytes);
            for needle in ["<script", "<link", "<img", "src=", "@import", "url("] {
                assert!(
                    !html.contains(needle),
                    "{}: contains {needle}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn the_site_is_deterministic() {
    let root = workspace_root().unwrap();
    assert_eq!(build(&root).unwrap(), build(&root).unwrap());
}

/// A minimal root holding one document (and its three other renditions).
fn tiny_root(doc: &Value, changelog: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("spec");
    fs::create_dir_all(spec.join("oas30")).unwrap();
    let text = serde_json::to_string_pretty(doc).unwrap();
    for path in [
        "tiny.openapi.json",
        "tiny.openapi.yaml",
        "oas30/tiny.openapi.json",
        "oas30/tiny.openapi.yaml",
    ] {
        fs::write(spec.join(path), &text).unwrap();
    }
    if let Some(text) = changelog {
        fs::create_dir_all(spec.join("released/tiny")).unwrap();
        fs::write(spec.join("released/tiny/CHANGELOG.md"), text).unwrap();
    }
    dir
}

fn tiny_doc() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Tiny <API>", "version": "1.2.3", "description": "A *tiny* API."},
        "servers": [{"url": "https://tiny.example", "description": "SaaS"}],
        "paths": {"/v1/echo": {"post": {
            "operationId": "echo", "summary": "Echo </script>",
            "requestBody": {"content": {"application/json": {"examples": {
                "hi": {"summary": "Say hi", "value": {"text": "</script><script>alert(1)</script>"}}
            }}}},
            "responses": {"200": {"description": "Echoed", "content": {"application/json": {"examples": {
                "hi": {"value": {"text": "a < b"}}
            }}}}}
        }}}
    })
}

#[test]
fn example_text_is_escaped_and_changelog_is_linked_when_present() {
    let without = tiny_root(&tiny_doc(), None);
    let files = build(without.path()).unwrap();
    let html = page(&files, "tiny.html");
    assert!(
        !html.contains("<script"),
        "markup from the document must be text"
    );
    assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("a &lt; b"));
    assert!(html.contains("<title>Tiny &lt;API&gt; — API reference</title>"));
    assert!(page(&files, "index.html").contains("No release published yet"));
    assert!(
        !files
            .iter()
            .any(|(p, _)| p.to_string_lossy().contains("changelog"))
    );

    let with = tiny_root(
        &tiny_doc(),
        Some("# Changelog\n\n## 1.2.3\n\n- First <release>.\n"),
    );
    let files = build(with.path()).unwrap();
    let index = page(&files, "index.html");
    assert!(index.contains("href=\"changelog-tiny.html\""), "{index}");
    let changelog = page(&files, "changelog-tiny.html");
    assert!(changelog.contains("<h2>1.2.3</h2>"), "{changelog}");
    assert!(changelog.contains("First &lt;release&gt;."), "{changelog}");
    page(&files, "downloads/tiny.CHANGELOG.md");
}

/// `cargo xtask docs` on the documents under `root`, writing the site to `out`.
fn docs(root: &Path, out: &Path) -> std::process::Output {
    xtask(&[
        "docs",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

#[test]
fn command_writes_the_site_and_replaces_it_whole() {
    let root = tiny_root(&tiny_doc(), None);
    let out = root.path().join("site");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("stale.html"), "old").unwrap();
    let run = docs(root.path(), &out);
    exited(&run, 0);
    assert!(out.join("index.html").is_file());
    assert!(out.join("tiny.html").is_file());
    assert!(
        out.join("downloads/tiny.saas.postman_environment.json")
            .is_file()
    );
    assert!(
        !out.join("stale.html").exists(),
        "the old site is replaced, not merged"
    );
}

#[test]
fn bad_input_names_the_file_and_pointer_and_writes_nothing() {
    let mut doc = tiny_doc();
    doc["paths"]["/v1/echo"]["post"]
        .as_object_mut()
        .unwrap()
        .remove("operationId");
    let root = tiny_root(&doc, None);
    let out = root.path().join("site");
    let run = docs(root.path(), &out);
    let stderr = exited(&run, 3);
    assert!(
        stderr.contains("tiny.openapi.json: /paths/~1v1~1echo/post: operation has no operationId"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!out.exists());

    fs::write(root.path().join("spec/tiny.openapi.json"), "{ not json").unwrap();
    let run = docs(root.path(), &out);
    assert_eq!(run.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&run.stderr).contains("tiny.openapi.json: invalid JSON"));

    let run = xtask(&["docs", "--port", "x"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(!out.exists());
}
