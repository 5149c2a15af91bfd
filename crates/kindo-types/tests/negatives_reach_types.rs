//! The negatives reach the Rust types: every payload in `corpus/negative/` (which the published
//! schema rejects; the conformance checker proves that) must also fail to deserialise into the
//! `kindo-types` type behind that schema, or be listed in `negatives_allowlist.txt` with the
//! reason serde accepts it. The type is found from the data: the negative's operation,
//! direction and status name a media type in the published document, whose `$ref` names the
//! component, and [`TYPES`] maps each component to its Rust type.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;

use kindo_types::{agents, chat, conversations, errors, integrations, koda, mcp, messages};
use kindo_types::{models, responses, runs};

type Check = fn(&Value) -> Result<(), String>;

/// `event:` / `data:` pairs of a stream negative (`message` for an unnamed frame). Only the
/// plain `field: value` lines the stream negatives are written with.
fn frames(text: &str) -> Vec<(String, String)> {
    text.split("\n\n")
        .filter_map(|block| {
            let field = |name: &str| {
                block
                    .lines()
                    .find_map(|l| l.strip_prefix(name).map(str::to_owned))
            };
            Some((
                field("event: ").unwrap_or_else(|| "message".into()),
                field("data: ")?,
            ))
        })
        .collect()
}

/// A Responses stream: each frame decodes by the type its `event:` name selects.
fn rejects_response_stream(value: &Value) -> Result<(), String> {
    for (event, data) in frames(value.as_str().ok_or("not a string")?) {
        responses::ResponseStreamEvent::from_sse(&event, &data).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A Messages stream: each frame decodes into the (self-describing) event union.
fn rejects_message_stream(value: &Value) -> Result<(), String> {
    for (_, data) in frames(value.as_str().ok_or("not a string")?) {
        serde_json::from_str::<messages::stream::MessageStreamEvent>(&data)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn rejects<T: DeserializeOwned>(value: &Value) -> Result<(), String> {
    serde_json::from_value::<T>(value.clone())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Component schema name → deserialisation into its Rust type.
const TYPES: &[(&str, Check)] = &[
    ("Agent", rejects::<agents::Agent>),
    ("AgentList", rejects::<agents::AgentList>),
    ("RunAgentRequest", rejects::<agents::RunAgentRequest>),
    ("OpenAiError", rejects::<errors::OpenAiError>),
    (
        "CreateChatCompletionRequest",
        rejects::<chat::CreateChatCompletionRequest>,
    ),
    ("ChatCompletion", rejects::<chat::ChatCompletion>),
    ("ItemList", rejects::<conversations::ItemList>),
    (
        "SetDefaultConnectionRequest",
        rejects::<integrations::SetDefaultConnectionRequest>,
    ),
    (
        "ControlPlaneError",
        rejects::<koda::errors::ControlPlaneError>,
    ),
    ("SkillPage", rejects::<koda::skills::SkillPage>),
    ("TaskSubmission", rejects::<koda::runtime::TaskSubmission>),
    (
        "VerificationResult",
        rejects::<koda::connections::VerificationResult>,
    ),
    ("McpRequest", rejects::<mcp::request::McpRequest>),
    ("MessagesError", rejects::<messages::errors::MessagesError>),
    (
        "CreateMessageRequest",
        rejects::<messages::request::CreateMessageRequest>,
    ),
    ("ModelList", rejects::<models::ModelList>),
    (
        "CreateResponseRequest",
        rejects::<responses::CreateResponseRequest>,
    ),
    ("ResponseResource", rejects::<responses::Response>),
    ("ResponseStreamEvent", rejects_response_stream),
    ("MessageStreamEvent", rejects_message_stream),
    ("Run", rejects::<runs::Run>),
    ("RunEvals", rejects::<runs::RunEvals>),
];

fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec")
}

fn negatives_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/negative")
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// The component names of the media types a negative targets, in every document with its
/// operation (restricted to `document` when it names one).
fn components(docs: &[(String, Value)], negative: &Value) -> Vec<String> {
    let media = negative["media_type"]
        .as_str()
        .unwrap_or("application/json");
    let mut out = Vec::new();
    for (name, doc) in docs {
        if negative.get("document").is_some_and(|d| d != name.as_str()) {
            continue;
        }
        for item in doc["paths"].as_object().unwrap().values() {
            for op in item.as_object().unwrap().values() {
                if op.get("operationId") != Some(&negative["operation"]) {
                    continue;
                }
                let content = match negative["direction"].as_str() {
                    Some("request") => &op["requestBody"]["content"],
                    _ => &op["responses"][negative["status"].to_string()]["content"],
                };
                // A stream's `schema` is a string; its frames follow `x-sse-data-schema`.
                let schema = if media == "text/event-stream" {
                    &content[media]["x-sse-data-schema"]
                } else {
                    &content[media]["schema"]
                };
                let reference = schema["$ref"].as_str().unwrap_or_else(|| {
                    panic!("{negative}: the media type's schema is not a component $ref")
                });
                let component = reference.trim_start_matches("#/components/schemas/");
                if !out.iter().any(|c| c == component) {
                    out.push(component.to_owned());
                }
            }
        }
    }
    out
}

#[test]
fn every_negative_is_rejected_by_its_rust_type_or_allowlisted() {
    let dir = spec_dir();
    let mut docs = Vec::new();
    for name in ["kindo-api", "kindo-llm", "koda-control-plane"] {
        docs.push((
            name.to_owned(),
            read(&dir.join(format!("{name}.openapi.json"))),
        ));
    }
    let allowlist = include_str!("negatives_allowlist.txt");
    let allowed: Vec<&str> = allowlist
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('|').next().unwrap().trim())
        .collect();
    let mut paths = Vec::new();
    let negatives = negatives_dir();
    files(&negatives, &mut paths);
    paths.sort();
    assert!(paths.len() >= 30, "the negative corpus is there");
    let mut accepted = Vec::new();
    let mut stale_allowance = Vec::new();
    for path in &paths {
        let rel = path.strip_prefix(&negatives).unwrap().display().to_string();
        let negative = read(path);
        let names = components(&docs, &negative);
        assert!(!names.is_empty(), "{rel}: no media type found");
        let mut serde_accepts = false;
        for component in &names {
            let check = TYPES
                .iter()
                .find(|(name, _)| name == component)
                .unwrap_or_else(|| panic!("{rel}: add `{component}` to TYPES"))
                .1;
            serde_accepts |= check(&negative["value"]).is_ok();
        }
        match (serde_accepts, allowed.contains(&rel.as_str())) {
            (true, false) => accepted.push(format!("{rel} ({})", names.join(", "))),
            (false, true) => stale_allowance.push(rel),
            _ => {}
        }
    }
    assert!(
        accepted.is_empty(),
        "deserialised although the schema rejects them (fix the type or add a justified row \
to negatives_allowlist.txt): {accepted:#?}"
    );
    assert!(
        stale_allowance.is_empty(),
        "allowlisted but now rejected by serde (remove the row): {stale_allowance:#?}"
    );
}
