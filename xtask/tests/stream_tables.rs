//! The client's stream tables are generated from the published `x-sse-events`, so a change to
//! a table in `kindo-types` reaches the client through the documents only.

use std::path::Path;

use serde_json::Value;
use xtask::{outputs, stream_events};

mod common;
use common::root;

#[test]
fn the_client_tables_follow_the_published_extension() {
    let outputs = outputs(&root()).unwrap();
    let file = |path: &str| {
        &outputs
            .iter()
            .find(|o| o.path == Path::new(path))
            .unwrap_or_else(|| panic!("{path} is generated"))
            .contents
    };
    let api: Value = serde_json::from_str(file("spec/kindo-api.openapi.json")).unwrap();
    let media =
        &api["paths"]["/v1/responses"]["post"]["responses"]["200"]["content"]["text/event-stream"];
    let events = media["x-sse-events"]["events"].as_object().unwrap();
    let client = file(stream_events::PATH);
    assert!(client.starts_with(xtask::client::HEADER));
    // Every published name is a known name of the client, every terminal one ends its stream.
    let known = client
        .split("pub mod response_stream_event")
        .nth(1)
        .and_then(|m| m.split("pub const KNOWN_EVENTS").nth(1))
        .and_then(|k| k.split(';').next())
        .unwrap();
    for (name, entry) in events {
        assert!(
            known.contains(&format!("{name:?}")),
            "{name} missing from {known}"
        );
        let payload = entry["schema"]["$ref"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap();
        if entry["error"] != true {
            assert!(
                client.contains(&format!("(crate::api::types::{payload})")),
                "{name}: {payload}"
            );
        }
    }
    assert_eq!(
        events["response.incomplete"]["terminal"], true,
        "Kindo's responses can end `incomplete`"
    );
}
