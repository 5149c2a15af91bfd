//! Three-way agreement: every valid corpus example conforms to the published schema (the
//! `check` run), deserialises into each Rust type set, and re-serialises to a value that still
//! conforms and equals the original (no field lost or renamed on the way).
//!
//! The Rust type is chosen by the component name the media type's schema refers to
//! (`#/components/schemas/Run` → `Run`), so new operations are picked up automatically and an
//! unmapped schema fails the test by name.
//!
//! Type sets ("legs") today: `kindo-types`. To add the generated client once it lands, write
//! one more `leg!` function over `kindo_client::types` and add it to `LEGS`: a few lines.

use std::path::PathBuf;

use kindo_conformance::target::{event_schema, is_event_stream};
use kindo_conformance::{sse, validate::validate};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn spec_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec")
}

/// Deserialise into `T` and serialise back.
fn roundtrip<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, String> {
    let typed: T =
        serde_json::from_value(value.clone()).map_err(|e| format!("deserialise: {e}"))?;
    serde_json::to_value(&typed).map_err(|e| format!("serialise: {e}"))
}

/// Round trip of a Responses stream frame: its payload type depends on the `event:` name.
fn response_event_roundtrip(event: Option<&str>, value: &Value) -> Result<Value, String> {
    let name = event.ok_or("a Responses stream frame needs an `event:` name")?;
    let typed = kindo_types::responses::ResponseStreamEvent::from_sse(name, &value.to_string())
        .map_err(|e| format!("deserialise `{name}` frame: {e}"))?;
    if typed.event_name() != name {
        return Err(format!(
            "`{name}` frame came back as `{}`",
            typed.event_name()
        ));
    }
    serde_json::to_value(&typed).map_err(|e| format!("serialise: {e}"))
}

/// `leg!(fn_name, "Schema" => Type, ...)`: a function mapping a component name (and, for
/// stream frames, the SSE `event:` name) to a round trip through the Rust type of that name,
/// `None` for a name the leg does not know.
macro_rules! leg {
    ($fn_name:ident, $($schema:literal => $ty:ty),* $(,)?) => {
        fn $fn_name(schema: &str, event: Option<&str>, value: &Value) -> Option<Result<Value, String>> {
            let _ = event;
            match schema {
                $($schema => Some(roundtrip::<$ty>(value)),)*
                "ResponseStreamEvent" => Some(response_event_roundtrip(event, value)),
                _ => None,
            }
        }
    };
}

leg!(kindo_types_leg,
    "Agent" => kindo_types::agents::Agent,
    "ChatCompletion" => kindo_types::chat::ChatCompletion,
    "ChatCompletionStreamEvent" => kindo_types::chat::ChatCompletionStreamEvent,
    "Completion" => kindo_types::completions::Completion,
    "CountTokensRequest" => kindo_types::messages::count_tokens::CountTokensRequest,
    "CountTokensResponse" => kindo_types::messages::count_tokens::CountTokensResponse,
    "CreateChatCompletionRequest" => kindo_types::chat::CreateChatCompletionRequest,
    "CreateCompletionRequest" => kindo_types::completions::CreateCompletionRequest,
    "CreateMessageRequest" => kindo_types::messages::request::CreateMessageRequest,
    "CreateResponseRequest" => kindo_types::responses::CreateResponseRequest,
    "Item" => kindo_types::responses::Item,
    "ItemList" => kindo_types::conversations::ItemList,
    "McpRequest" => kindo_types::mcp::request::McpRequest,
    "McpResponse" => kindo_types::mcp::response::McpResponse,
    "Message" => kindo_types::messages::response::Message,
    "MessageStreamEvent" => kindo_types::messages::stream::MessageStreamEvent,
    "MessagesError" => kindo_types::messages::errors::MessagesError,
    "OpenAiError" => kindo_types::errors::OpenAiError,
    "ProtectedResourceMetadata" => kindo_types::mcp::oauth::ProtectedResourceMetadata,
    "Response" => kindo_types::responses::Response,
    "AgentList" => kindo_types::agents::AgentList,
    "AgentsError" => kindo_types::errors::AgentsError,
    "ConnectionList" => kindo_types::integrations::ConnectionList,
    "DefaultConnection" => kindo_types::integrations::DefaultConnection,
    "FlatError" => kindo_types::errors::FlatError,
    "ModelList" => kindo_types::models::ModelList,
    "Run" => kindo_types::runs::Run,
    "RunAccepted" => kindo_types::agents::RunAccepted,
    "RunAgentRequest" => kindo_types::agents::RunAgentRequest,
    "RunEvals" => kindo_types::runs::RunEvals,
    "SetDefaultConnectionRequest" => kindo_types::integrations::SetDefaultConnectionRequest,
);

type Leg = (
    &'static str,
    fn(&str, Option<&str>, &Value) -> Option<Result<Value, String>>,
);

// Add `("kindo-client", kindo_client_leg)` here when the generated client merges.
const LEGS: &[Leg] = &[("kindo-types", kindo_types_leg)];

/// The component name a schema pointer refers to (`$ref: #/components/schemas/X` → `X`).
fn component_name(document: &Value, pointer: &str) -> Option<String> {
    document
        .pointer(pointer)?
        .get("$ref")?
        .as_str()?
        .strip_prefix("#/components/schemas/")
        .map(str::to_owned)
}

#[test]
fn every_example_round_trips_through_every_type_set() {
    let loaded = kindo_conformance::load(&spec_dir()).expect("spec loads");
    let spec = &loaded.spec;
    let mut problems = Vec::new();
    let mut checked = 0;
    for (example, slots) in &loaded.examples {
        for slot in slots {
            let doc = slot.operation.doc;
            let document = &spec.documents[doc].value;
            // (schema pointer, payload) pairs: the body, or each JSON event of a stream.
            let mut payloads: Vec<(String, Option<String>, Value)> = Vec::new();
            if is_event_stream(&example.target.media_type) {
                let Some(schema) = event_schema(spec, doc, &slot.media) else {
                    continue; // reported as skipped by the checker itself
                };
                let text = example.value.as_str().unwrap_or_default();
                for event in sse::parse(text) {
                    if event.data.trim() != "[DONE]" {
                        let data =
                            serde_json::from_str(&event.data).expect("checked by the checker");
                        payloads.push((schema.clone(), event.event.clone(), data));
                    }
                }
            } else {
                payloads.push((
                    format!("{}/schema", slot.media),
                    None,
                    example.value.clone(),
                ));
            }
            for (schema, event, payload) in payloads {
                let where_ = format!(
                    "{} ({} {})",
                    example.path.display(),
                    slot.operation.id,
                    example.target.describe()
                );
                let Some(name) = component_name(document, &schema) else {
                    problems.push(format!(
                        "{where_}: schema at {schema} is not a component $ref"
                    ));
                    continue;
                };
                for (leg, roundtrip) in LEGS {
                    match roundtrip(&name, event.as_deref(), &payload) {
                        None => problems.push(format!("{where_}: {leg} has no type for `{name}`")),
                        Some(Err(e)) => problems.push(format!("{where_}: {leg} `{name}`: {e}")),
                        Some(Ok(back)) => {
                            checked += 1;
                            let failures = validate(spec, doc, &schema, &back).unwrap();
                            if let Some(first) = failures.first() {
                                problems.push(format!(
                                    "{where_}: {leg} re-serialised `{name}` no longer conforms: {}",
                                    first.describe()
                                ));
                            }
                            if back != payload {
                                problems.push(format!(
                                    "{where_}: {leg} `{name}` changed the payload:\n  in:  {payload}\n  out: {back}"
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        checked >= loaded.examples.len(),
        "only {checked} round trips"
    );
}

#[test]
fn a_leg_that_loses_a_field_is_caught() {
    // The comparison above is what catches a type that drops data: prove it can fail.
    let value = serde_json::json!({"runId": "r1", "unexpected": 1});
    let back = kindo_types_leg("RunAccepted", None, &value)
        .unwrap()
        .unwrap();
    assert_ne!(back, value);
    assert!(kindo_types_leg("NoSuchSchema", None, &value).is_none());
}
