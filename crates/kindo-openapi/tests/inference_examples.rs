//! Every stored inference example deserialises into its kindo-types type (JSON bodies) or, for
//! `text/event-stream` examples, frame by frame into the stream event type; and re-serialises
//! to the same JSON, so the Rust types accept exactly what the documents publish.

use kindo_openapi::corpus::{self, Direction};
use kindo_types::chat::{ChatCompletion, ChatCompletionStreamEvent, CreateChatCompletionRequest};
use kindo_types::completions::{Completion, CreateCompletionRequest};
use kindo_types::conversations::ItemList;
use kindo_types::errors::{FlatError, OpenAiError};
use kindo_types::responses::{CreateResponseRequest, Item, Response, ResponseStreamEvent};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn same<T: DeserializeOwned + Serialize>(name: &str, value: &Value) {
    let typed: T = serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("{name}: does not deserialise: {e}"));
    assert_eq!(
        &serde_json::to_value(&typed).unwrap(),
        value,
        "{name}: round trip differs"
    );
}

/// `(event, data)` of every frame of a raw SSE text.
fn frames(text: &str) -> Vec<(Option<String>, String)> {
    kindo_wire::sse::parse_text(text)
        .into_iter()
        .map(|e| (e.event, e.data))
        .collect()
}

#[test]
fn inference_examples_deserialise_into_their_types() {
    let examples = corpus::load(&kindo_openapi::corpus_dir().join("examples")).unwrap();
    let mut checked = 0;
    for ex in &examples {
        let f = &ex.file;
        let op = f.operations[0].as_str();
        let v = &f.value;
        let n = ex.name.as_str();
        match (op, f.direction, f.status, f.media_type.as_str()) {
            ("createChatCompletion", Direction::Request, _, _) => {
                same::<CreateChatCompletionRequest>(n, v)
            }
            ("createChatCompletion", _, Some(200), "application/json") => {
                same::<ChatCompletion>(n, v)
            }
            ("createChatCompletion", _, Some(200), _) => {
                for (_, data) in frames(v.as_str().unwrap()) {
                    ChatCompletionStreamEvent::from_data(&data)
                        .unwrap_or_else(|e| panic!("{n}: frame {data}: {e}"));
                }
            }
            ("createResponse", Direction::Request, _, _) => same::<CreateResponseRequest>(n, v),
            ("createResponse", _, Some(200), "application/json") => same::<Response>(n, v),
            ("createResponse", _, Some(200), _) => {
                for (event, data) in frames(v.as_str().unwrap()) {
                    let event = event.unwrap_or_else(|| panic!("{n}: unnamed frame"));
                    let parsed = ResponseStreamEvent::from_sse(&event, &data)
                        .unwrap_or_else(|e| panic!("{n}: {event}: {e}"));
                    assert!(
                        !matches!(parsed, ResponseStreamEvent::Other(..)),
                        "{n}: {event}"
                    );
                }
            }
            ("createCompletion", Direction::Request, _, _) => same::<CreateCompletionRequest>(n, v),
            ("createCompletion", _, Some(200), _) => same::<Completion>(n, v),
            ("listConversationItems" | "listResponseInputItems", _, Some(200), _) => {
                same::<ItemList>(n, v)
            }
            ("getConversationItem", _, Some(200), _) => same::<Item>(n, v),
            (
                "createChatCompletion" | "createResponse" | "listConversationItems" | "getResponse",
                _,
                Some(401),
                _,
            ) => same::<FlatError>(n, v),
            (
                "createChatCompletion"
                | "createResponse"
                | "listConversationItems"
                | "getConversationItem",
                _,
                Some(_),
                _,
            ) => same::<OpenAiError>(n, v),
            _ => continue,
        }
        checked += 1;
    }
    // 12 chat + 2 completions + 19 responses + 3 conversations corpus files.
    assert!(checked >= 35, "only {checked} inference examples checked");
}
