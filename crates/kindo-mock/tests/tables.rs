//! The stream builders name their frames from the published `x-sse-events` tables: a copy of
//! the documents with events renamed (and another closing line) changes what the mock sends,
//! and a table without an event the mock sends is refused when the documents load.

mod common;

use std::path::{Path, PathBuf};

use kindo_mock::{Mock, Options, Spec, Surface};
use serde_json::{Map, Value, json};

use common::{http_client, spec_dir};

/// The documents copied into a fresh folder, `kindo-api` edited by `edit`.
fn edited_copy(tag: &str, edit: impl Fn(&mut Value)) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kindo-mock-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for surface in kindo_mock::spec::SURFACES {
        let file = format!("{}.openapi.json", surface.name());
        let text = std::fs::read_to_string(spec_dir().join(&file)).unwrap();
        let mut doc: Value = serde_json::from_str(&text).unwrap();
        if surface == Surface::Api {
            edit(&mut doc);
        }
        std::fs::write(dir.join(&file), doc.to_string()).unwrap();
    }
    dir
}

/// The `x-sse-events` table `POST path` streams.
fn table<'a>(doc: &'a mut Value, path: &str) -> &'a mut Value {
    let pointer = format!(
        "/paths/{}/post/responses/200/content/text~1event-stream/x-sse-events",
        path.replace('/', "~1")
    );
    doc.pointer_mut(&pointer).unwrap()
}

/// Renames an event of a table in place (the published order is kept).
fn rename(table: &mut Value, from: &str, to: &str) {
    let events = table["events"].as_object_mut().unwrap();
    assert!(events.contains_key(from), "{from} is published");
    let renamed: Map<String, Value> = std::mem::take(events)
        .into_iter()
        .map(|(k, v)| (if k == from { to.to_owned() } else { k }, v))
        .collect();
    *events = renamed;
}

async fn stream(url: &str, path: &str, fault: Option<&str>, body: Value) -> Vec<(String, String)> {
    let mut request = http_client()
        .post(format!("{url}{path}"))
        .bearer_auth("test-key")
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(f) = fault {
        request = request.header(kindo_mock::faults::HEADER, f);
    }
    let text = request.send().await.unwrap().text().await.unwrap();
    kindo_mock::reply::parse_sse(&text)
        .into_iter()
        .map(|f| (f.event.unwrap_or_default(), f.data))
        .collect()
}

fn names(frames: &[(String, String)]) -> Vec<&str> {
    frames.iter().map(|(e, _)| e.as_str()).collect()
}

#[tokio::test]
async fn renamed_events_change_the_frames_with_no_edit_to_the_mock() {
    let dir = edited_copy("renamed", |doc| {
        let responses = table(doc, "/v1/responses");
        rename(responses, "response.created", "response.started");
        rename(
            responses,
            "response.output_text.delta",
            "response.text.delta",
        );
        rename(responses, "response.failed", "response.broken");
        rename(table(doc, "/v1/messages"), "ping", "keepalive");
        let chat = table(doc, "/v1/chat/completions");
        rename(chat, "error", "failure");
        chat["done"] = json!("[END]");
    });
    let mock = Mock::new(Spec::from_dir(&dir).unwrap(), Options::default());
    let running = kindo_mock::start_local(mock).await.unwrap();
    let url = running.url(Surface::Api);

    let response = json!({"model": "claude-sonnet-4-5", "stream": true, "input": "a b c d"});
    let frames = stream(&url, "/v1/responses", None, response.clone()).await;
    let events = names(&frames);
    assert_eq!(events[0], "response.started", "{events:?}");
    assert!(events.contains(&"response.text.delta"), "{events:?}");
    assert!(!events.contains(&"response.created"));
    // The payload echoes the name it was sent under.
    let first: Value = serde_json::from_str(&frames[0].1).unwrap();
    assert_eq!(first["type"], "response.started");
    let failed = stream(&url, "/v1/responses", Some("error-event"), response).await;
    assert_eq!(names(&failed).last(), Some(&"response.broken"));

    let message = json!({"model": "claude-sonnet-4-5-20250929", "max_tokens": 50, "stream": true,
        "messages": [{"role": "user", "content": "hi"}]});
    let events = stream(&url, "/v1/messages", None, message).await;
    assert!(names(&events).contains(&"keepalive"), "{events:?}");
    assert!(!names(&events).contains(&"ping"));

    let chat = json!({"model": "gpt-4o-2024-11-20", "stream": true,
        "messages": [{"role": "user", "content": "hi"}]});
    let frames = stream(&url, "/v1/chat/completions", None, chat.clone()).await;
    assert_eq!(frames.last().unwrap(), &(String::new(), "[END]".to_owned()));
    assert_eq!(frames[0].0, "", "chunks stay unnamed (`message`)");
    let frames = stream(&url, "/v1/chat/completions", Some("error-event"), chat).await;
    assert_eq!(frames[frames.len() - 2].0, "failure");
    assert_eq!(frames.last().unwrap().1, "[END]");
    running.stop().await;
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_table_missing_an_event_the_mock_sends_is_refused_at_load() {
    let dir = edited_copy("missing", |doc| {
        let events = table(doc, "/v1/responses")["events"]
            .as_object_mut()
            .unwrap();
        events.retain(|name, _| name != "response.in_progress");
    });
    let err = Spec::from_dir(&dir)
        .err()
        .expect("the table lacks an event");
    let message = err.to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        message.contains(
            "/paths/~1v1~1responses/post: the event table of createResponse has no event for"
        ),
        "{message}"
    );
    assert!(message.contains("ResponseLifecycleEvent"), "{message}");
    assert!(Path::new(&err.path).ends_with("kindo-api.openapi.json"));
}
