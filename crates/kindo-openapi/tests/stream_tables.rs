//! Every published stream carries its `kindo-types` event table as `x-sse-events`, and every
//! `$ref` in it names a component of the same document.

use kindo_openapi::sse::{EVENT_STREAM, EVENTS};
use kindo_types::stream_events::table_for;
use serde_json::Value;

#[test]
fn every_stream_publishes_its_table_with_resolving_refs() {
    let mut streams = 0;
    for doc in kindo_openapi::bare_documents().unwrap() {
        let v = &doc.value;
        for (path, item) in v["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                for (status, response) in op["responses"].as_object().into_iter().flatten() {
                    let Some(media) =
                        response.pointer(&format!("/content/{}", EVENT_STREAM.replace('/', "~1")))
                    else {
                        continue;
                    };
                    streams += 1;
                    let at = format!("{} {method} {path} {status}", doc.name);
                    let data = media["x-sse-data-schema"]["$ref"].as_str().unwrap();
                    let table = table_for(data.rsplit('/').next().unwrap())
                        .unwrap_or_else(|| panic!("{at}: no table for {data}"));
                    let published = media[EVENTS]["events"].as_object().unwrap();
                    let names: Vec<&str> = published.keys().map(String::as_str).collect();
                    let declared: Vec<&str> = table.events.iter().map(|e| e.name).collect();
                    assert_eq!(names, declared, "{at}: published in declaration order");
                    assert_eq!(media[EVENTS]["open"], table.open, "{at}");
                    assert_eq!(
                        media[EVENTS].get("done").and_then(Value::as_str),
                        table.done
                    );
                    for (name, entry) in published {
                        let reference = entry["schema"]["$ref"].as_str().unwrap();
                        let pointer = reference.trim_start_matches('#');
                        assert!(v.pointer(pointer).is_some(), "{at}: {name} → {reference}");
                        let event = table.event(name).unwrap();
                        assert_eq!(entry["terminal"], event.terminal, "{at}: {name}");
                        assert_eq!(entry.get("error").is_some(), event.error, "{at}: {name}");
                    }
                }
            }
        }
    }
    // chat on both hosts, Responses, Messages, MCP.
    assert_eq!(streams, 5);
}
