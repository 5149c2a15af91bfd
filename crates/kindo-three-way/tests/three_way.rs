//! Three-way agreement: every valid corpus example conforms to the published schema (the
//! `check` run), deserialises into each Rust type set, and re-serialises to a value that still
//! conforms and equals the original (no field lost or renamed on the way).
//!
//! The Rust type is chosen by the component name the media type's schema refers to
//! (`#/components/schemas/Run` → `Run`), so new operations are picked up automatically and an
//! unmapped schema fails the test by name.
//!
//! Type sets ("legs"): `kindo-types` (the types the documents are generated from) and
//! `kindo-client` (the progenitor/typify types generated from the 3.0.3 renditions, per host:
//! `kindo_client::api::types` for `kindo-api`, `kindo_client::llm::types` for `kindo-llm`, `kindo_client::koda::types` for
//! `koda-control-plane`).
//!
//! A leg may be granted, per type, a named [`Allowance`]: a difference that is accepted
//! because the re-serialised value still conforms and means the same (it is checked against
//! the schema like every other). Grants are explicit, so a type that starts to lose data still
//! fails, and a grant no example needs any more fails too.

use std::path::PathBuf;

use kindo_conformance::target::{event_schema, is_event_stream};
use kindo_conformance::{sse, validate::validate};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn spec_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec")
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// Deserialise into `T` and serialise back.
fn roundtrip<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, String> {
    let typed: T =
        serde_json::from_value(value.clone()).map_err(|e| format!("deserialise: {e}"))?;
    serde_json::to_value(&typed).map_err(|e| format!("serialise: {e}"))
}

/// `event_roundtrip!(fn_name, Type)`: the round trip of a Responses stream frame through
/// `Type`, whose payload type depends on the `event:` name and which must give that name back.
macro_rules! event_roundtrip {
    ($fn_name:ident, $ty:ty) => {
        fn $fn_name(event: Option<&str>, value: &Value) -> Result<Value, String> {
            let name = event.ok_or("a Responses stream frame needs an `event:` name")?;
            let typed = <$ty>::from_sse(name, &value.to_string())
                .map_err(|e| format!("deserialise `{name}` frame: {e}"))?;
            if typed.event_name() != name {
                return Err(format!(
                    "`{name}` frame came back as `{}`",
                    typed.event_name()
                ));
            }
            serde_json::to_value(&typed).map_err(|e| format!("serialise: {e}"))
        }
    };
}

event_roundtrip!(
    types_response_event_roundtrip,
    kindo_types::responses::ResponseStreamEvent
);
// The same through the client's own event-name mapping (`kindo_client::streams`).
event_roundtrip!(
    client_response_event_roundtrip,
    kindo_client::streams::ResponseEvent
);

/// `leg!(fn_name, responses_fn, "Schema" => Type, ...)`: a function mapping a component name
/// (and, for stream frames, the SSE `event:` name) to a round trip through the Rust type of
/// that name, `None` for a name the leg does not know. `ResponseStreamEvent` frames go through
/// `responses_fn`, since the event name picks their type.
macro_rules! leg {
    // `leg!(fn_name, responses_fn, some::module: Type, ...)`: each type named as its schema.
    ($fn_name:ident, $responses:path, $($module:ident)::+: $($ty:ident),* $(,)?) => {
        fn $fn_name(schema: &str, event: Option<&str>, value: &Value) -> Option<Result<Value, String>> {
            use $($module)::+ as types;
            match schema {
                $(stringify!($ty) => Some(roundtrip::<types::$ty>(value)),)*
                "ResponseStreamEvent" => Some($responses(event, value)),
                _ => None,
            }
        }
    };
    ($fn_name:ident, $responses:path, $($schema:literal => $ty:ty),* $(,)?) => {
        fn $fn_name(schema: &str, event: Option<&str>, value: &Value) -> Option<Result<Value, String>> {
            match schema {
                $($schema => Some(roundtrip::<$ty>(value)),)*
                "ResponseStreamEvent" => Some($responses(event, value)),
                _ => None,
            }
        }
    };
}

leg!(kindo_types_leg, types_response_event_roundtrip,
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
    "ResponseResource" => kindo_types::responses::Response,
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

leg!(client_api_leg, client_response_event_roundtrip, kindo_client::api::types:
    Agent, AgentList, AgentsError, ChatCompletion, ChatCompletionStreamEvent, ConnectionList,
    CountTokensRequest, CountTokensResponse, CreateChatCompletionRequest, CreateMessageRequest,
    CreateResponseRequest, DefaultConnection, FlatError, Item, ItemList, McpRequest,
    McpResponse, Message, MessageStreamEvent, MessagesError, ModelList, OpenAiError,
    ProtectedResourceMetadata, ResponseResource, Run, RunAccepted, RunAgentRequest, RunEvals,
    SetDefaultConnectionRequest,
);

/// Koda's control plane has no Responses stream; the mapping is never reached for its examples.
fn no_responses_on_koda(_: Option<&str>, _: &Value) -> Result<Value, String> {
    Err("koda-control-plane documents no Responses stream".into())
}

leg!(koda_types_leg, no_responses_on_koda,
    "AgentPage" => kindo_types::koda::agents::AgentPage,
    "CatalogPage" => kindo_types::koda::connections::CatalogPage,
    "ControlPlaneError" => kindo_types::koda::errors::ControlPlaneError,
    "DefaultConnection" => kindo_types::koda::connections::DefaultConnection,
    "HealthPage" => kindo_types::koda::connections::HealthPage,
    "ProviderConnection" => kindo_types::koda::providers::ProviderConnection,
    "SessionPage" => kindo_types::koda::auth::SessionPage,
    "SkillPage" => kindo_types::koda::skills::SkillPage,
    "Task" => kindo_types::koda::runtime::Task,
    "TaskSubmission" => kindo_types::koda::runtime::TaskSubmission,
    "VerificationResult" => kindo_types::koda::connections::VerificationResult,
);

leg!(client_koda_leg, no_responses_on_koda, kindo_client::koda::types:
    AgentPage, CatalogPage, ControlPlaneError, DefaultConnection, HealthPage,
    ProviderConnection, SessionPage, SkillPage, Task, TaskSubmission, VerificationResult,
);

/// llm.kindo.ai has no Responses stream; the mapping is never reached for its examples.
fn no_responses_on_llm(_: Option<&str>, _: &Value) -> Result<Value, String> {
    Err("kindo-llm documents no Responses stream".into())
}

leg!(client_llm_leg, no_responses_on_llm, kindo_client::llm::types:
    ChatCompletion, ChatCompletionStreamEvent, Completion, CreateChatCompletionRequest,
    CreateCompletionRequest, FlatError, OpenAiError,
);

/// A difference between an example and its round trip that a leg may be granted for a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Allowance {
    /// An explicit `null` of an optional, nullable field comes back absent.
    NullDropped,
    /// A date-time comes back in another RFC 3339 spelling of the same instant
    /// (`...00.000Z` → `...00Z`).
    SameInstant,
}

use Allowance::{NullDropped, SameInstant};

/// kindo-types round-trips every example exactly.
fn kindo_types_allowances(_: &str) -> &'static [Allowance] {
    &[]
}

/// The client's types are typify's, which (a) parse `format: date-time` into
/// `chrono::DateTime<Utc>` and print it back without the examples' `.000` milliseconds, and
/// (b) put `skip_serializing_if = "Option::is_none"` on every optional field, so a documented
/// explicit `null` (OpenAI's `finish_reason: null`, `logprobs: null`, Anthropic's
/// `stop_sequence: null`) is left out. The documents are right in both cases (Kindo does send
/// those spellings), so the spec stays as it is; what the client sends back still conforms.
fn kindo_client_allowances(schema: &str) -> &'static [Allowance] {
    match schema {
        "Agent" | "AgentList" | "ConnectionList" | "Run" => &[SameInstant],
        "ChatCompletionStreamEvent" | "Completion" | "Message" => &[NullDropped],
        _ => &[],
    }
}

/// Whether `out` equals `input` up to the allowed differences.
fn equivalent(input: &Value, out: &Value, allowed: &[Allowance]) -> bool {
    match (input, out) {
        (Value::Object(a), Value::Object(b)) => {
            b.keys().all(|k| a.contains_key(k))
                && a.iter().all(|(k, v)| match b.get(k) {
                    Some(w) => equivalent(v, w, allowed),
                    None => v.is_null() && allowed.contains(&NullDropped),
                })
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(v, w)| equivalent(v, w, allowed))
        }
        (Value::String(a), Value::String(b)) if a != b => {
            allowed.contains(&SameInstant)
                && matches!(
                    (
                        chrono::DateTime::parse_from_rfc3339(a),
                        chrono::DateTime::parse_from_rfc3339(b),
                    ),
                    (Ok(x), Ok(y)) if x == y
                )
        }
        _ => input == out,
    }
}

/// A leg: its name, the round trip (document name, component name, SSE event name, payload)
/// and the allowances granted per component name.
type Leg = (
    &'static str,
    fn(&str, &str, Option<&str>, &Value) -> Option<Result<Value, String>>,
    fn(&str) -> &'static [Allowance],
);

/// A document no leg table covers: an error naming it, never another document's table.
fn no_table(leg: &str, document: &str) -> Option<Result<Value, String>> {
    Some(Err(format!(
        "{leg} has no type table for document `{document}` (add a `leg!` table)"
    )))
}

/// The client module of a published document, from the client's generated module list.
fn client_module(document: &str) -> Option<&'static str> {
    kindo_client::DOCUMENTS
        .iter()
        .find(|d| d.name == document)
        .map(|d| d.module)
}

/// The client modules [`LEGS`] has a table for.
const CLIENT_TABLES: &[&str] = &["api", "llm", "koda"];

const LEGS: &[Leg] = &[
    (
        "kindo-types",
        |document, schema, event, value| match document {
            "kindo-api" | "kindo-llm" => kindo_types_leg(schema, event, value),
            "koda-control-plane" => koda_types_leg(schema, event, value),
            other => no_table("kindo-types", other),
        },
        kindo_types_allowances,
    ),
    (
        "kindo-client",
        |document, schema, event, value| match client_module(document) {
            Some("api") => client_api_leg(schema, event, value),
            Some("llm") => client_llm_leg(schema, event, value),
            Some("koda") => client_koda_leg(schema, event, value),
            _ => no_table("kindo-client", document),
        },
        kindo_client_allowances,
    ),
];

#[test]
fn every_published_document_has_a_client_module_with_a_table() {
    let loaded = kindo_conformance::load(&spec_dir(), &corpus_dir()).expect("spec and corpus load");
    let published: Vec<&str> = loaded
        .spec
        .documents
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    let listed: Vec<&str> = kindo_client::DOCUMENTS.iter().map(|d| d.name).collect();
    assert_eq!(
        listed, published,
        "the client's module list is the published list"
    );
    for document in kindo_client::DOCUMENTS {
        assert!(
            document.enabled,
            "{}: feature off in this build",
            document.name
        );
        assert!(
            CLIENT_TABLES.contains(&document.module),
            "{} (`kindo_client::{}`) has no `leg!` table",
            document.name,
            document.module
        );
    }
}

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
    let loaded = kindo_conformance::load(&spec_dir(), &corpus_dir()).expect("spec and corpus load");
    let spec = &loaded.spec;
    let mut problems = Vec::new();
    let mut checked = 0;
    // (leg, component) pairs whose round trip needed their allowance.
    let mut used = std::collections::BTreeSet::new();
    let mut granted = std::collections::BTreeSet::new();
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
                for (leg, roundtrip, allowances) in LEGS {
                    if !allowances(&name).is_empty() {
                        granted.insert((*leg, name.clone()));
                    }
                    let doc_name = spec.documents[doc].name.as_str();
                    match roundtrip(doc_name, &name, event.as_deref(), &payload) {
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
                            if back != payload && equivalent(&payload, &back, allowances(&name)) {
                                used.insert((*leg, name.clone()));
                            } else if back != payload {
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
    for (leg, name) in granted.difference(&used) {
        problems.push(format!(
            "{leg} is granted an allowance for `{name}` that no example needs any more"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        checked >= 2 * loaded.examples.len(),
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
    // The same for the generated client's type, allowances or not.
    let back = client_api_leg("RunAccepted", None, &value)
        .unwrap()
        .unwrap();
    assert!(!equivalent(&value, &back, &[NullDropped, SameInstant]));
}

#[test]
fn allowances_accept_only_what_they_name() {
    let input = serde_json::json!({"at": "2026-03-12T15:00:00.000Z", "stop": null, "n": 1});
    let reformatted = serde_json::json!({"at": "2026-03-12T15:00:00Z", "stop": null, "n": 1});
    let dropped = serde_json::json!({"at": "2026-03-12T15:00:00.000Z", "n": 1});
    assert!(equivalent(&input, &reformatted, &[SameInstant]));
    assert!(!equivalent(&input, &reformatted, &[NullDropped]));
    assert!(equivalent(&input, &dropped, &[NullDropped]));
    assert!(!equivalent(&input, &dropped, &[SameInstant]));
    // Another instant, or a dropped non-null value, is never equivalent.
    let later = serde_json::json!({"at": "2026-03-12T15:00:01Z", "stop": null, "n": 1});
    assert!(!equivalent(&input, &later, &[SameInstant, NullDropped]));
    let lost = serde_json::json!({"at": "2026-03-12T15:00:00.000Z", "stop": null});
    assert!(!equivalent(&input, &lost, &[SameInstant, NullDropped]));
}
