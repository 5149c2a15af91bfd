//! In-memory state: one world per API key on Kindo's hosts (every key starts from the seed
//! built from the documented examples), one installation for Koda.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Value, json};

use crate::spec::{Document, Spec, Surface};

/// A run and how far it has progressed.
#[derive(Clone)]
pub struct RunState {
    pub run: Value,
    /// Polls answered so far.
    pub polls: u32,
    pub started: std::time::Instant,
    /// Final status once done (`success`, `failure`, `cancelled`).
    pub outcome: String,
    pub evals: Option<Value>,
}

/// A stored response with the input items it was created from.
#[derive(Clone)]
pub struct StoredResponse {
    pub response: Value,
    pub input: Vec<Value>,
}

/// What one Kindo API key sees.
#[derive(Clone, Default)]
pub struct World {
    pub models: Vec<Value>,
    pub agents: Vec<Value>,
    pub runs: HashMap<String, RunState>,
    pub responses: HashMap<String, StoredResponse>,
    /// Conversation id → items, oldest first.
    pub conversations: BTreeMap<String, Vec<Value>>,
    pub connections: Vec<Value>,
}

impl World {
    pub fn model_known(&self, id: &str) -> bool {
        id.starts_with("agent/") || self.models.iter().any(|m| m["id"] == id)
    }

    /// Call ids of function calls in `conversation` still waiting for their output.
    pub fn pending_calls(items: &[Value]) -> Vec<String> {
        let mut pending: Vec<String> = Vec::new();
        for item in items {
            let call = item["call_id"].as_str().unwrap_or_default().to_owned();
            match item["type"].as_str() {
                Some("function_call") => pending.push(call),
                Some("function_call_output") => pending.retain(|c| *c != call),
                _ => {}
            }
        }
        pending
    }
}

/// Koda's installation.
#[derive(Clone, Default)]
pub struct Koda {
    pub owner: Option<Value>,
    /// Session id → (cookie value, session info).
    pub sessions: Vec<(String, Value)>,
    /// API token secret → token info.
    pub tokens: Vec<(String, Value)>,
    pub agents: Vec<Value>,
    /// (operation, Idempotency-Key) → the first answer (status, body).
    pub idempotent: HashMap<(String, String), (u16, Value)>,
}

impl Koda {
    pub fn session_by_cookie(&self, cookie: &str) -> Option<&Value> {
        self.sessions
            .iter()
            .find(|(c, _)| c == cookie)
            .map(|(_, s)| s)
    }
}

/// Everything seeded from the documents.
pub fn seed_world(spec: &Spec) -> World {
    let doc = spec.document(Surface::Api);
    let mut world = World::default();
    let examples = |id: &str| -> Vec<Value> {
        let Some(op) = doc.operation(id) else {
            return Vec::new();
        };
        crate::examples::responses(op)
            .into_iter()
            .filter(|e| (200..300).contains(&e.status) && e.media == "application/json")
            .map(|e| e.value.clone())
            .collect()
    };
    // Models: every listed model (richest entry wins), then every model id an example uses.
    for list in examples("listModels") {
        for model in list["data"].as_array().into_iter().flatten() {
            match world.models.iter_mut().find(|m| m["id"] == model["id"]) {
                Some(m) if model.as_object().map(|o| o.len()) > m.as_object().map(|o| o.len()) => {
                    *m = model.clone()
                }
                Some(_) => {}
                None => world.models.push(model.clone()),
            }
        }
    }
    let mut used = Vec::new();
    collect_models(&doc.value, &mut used);
    for id in used {
        if !id.starts_with("agent/") && !world.models.iter().any(|m| m["id"] == id) {
            world
                .models
                .push(json!({"id": id, "object": "model", "created": 0, "owned_by": "kindo"}));
        }
    }
    // Agents: details first, then summaries that have no detail.
    for agent in examples("getAgent") {
        let mut agent = agent;
        if let Some(o) = agent.as_object_mut() {
            o.remove("nextCursor");
        }
        if agent.get("name").is_none() {
            continue;
        }
        if !world
            .agents
            .iter()
            .any(|a| a["agentId"] == agent["agentId"])
        {
            world.agents.push(agent);
        }
    }
    for list in examples("listAgents") {
        for summary in list["items"].as_array().into_iter().flatten() {
            if world
                .agents
                .iter()
                .any(|a| a["agentId"] == summary["agentId"])
            {
                continue;
            }
            let mut agent = summary.clone();
            agent["inputs"] = json!([]);
            agent["hasTriggers"] = json!(false);
            agent["modelsInUse"] = json!([]);
            agent["recentRunIds"] = json!([]);
            agent["lastRunAtUtc"] = Value::Null;
            world.agents.push(agent);
        }
    }
    // Runs: every documented run, and one for every run id an agent lists.
    let run_examples = examples("getRun");
    let evals = examples("getRunEvals").into_iter().next();
    for run in &run_examples {
        insert_run(&mut world, run.clone(), evals.clone());
    }
    let template = run_examples
        .iter()
        .find(|r| r["result"].as_str().is_some_and(|s| s.starts_with('{')))
        .or(run_examples.first())
        .cloned();
    if let Some(template) = template {
        let listed: Vec<(Value, Value)> = world
            .agents
            .iter()
            .flat_map(|a| {
                a["recentRunIds"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|r| (r, a["agentId"].clone()))
            })
            .collect();
        for (run_id, agent_id) in listed {
            let Some(id) = run_id.as_str() else { continue };
            if !world.runs.contains_key(id) {
                let mut run = template.clone();
                run["runId"] = run_id.clone();
                run["agentId"] = agent_id;
                insert_run(&mut world, run, evals.clone());
            }
        }
    }
    // Responses with an id, and conversations with their items.
    let items_list = examples("listConversationItems");
    let input_items = examples("listResponseInputItems");
    for response in examples("createResponse")
        .into_iter()
        .chain(examples("getResponse"))
    {
        let Some(id) = response["id"].as_str().map(str::to_owned) else {
            continue;
        };
        let input = if id == "resp_abc123_1" {
            input_items
                .first()
                .and_then(|l| l["data"].as_array().cloned())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        world
            .responses
            .entry(id)
            .or_insert(StoredResponse { response, input });
    }
    let documented_items = items_list
        .first()
        .and_then(|l| l["data"].as_array().cloned())
        .unwrap_or_default();
    if !documented_items.is_empty() {
        world
            .conversations
            .insert("conv_abc123".into(), documented_items);
    }
    // Conversations the tool-use examples continue: the question and the pending call.
    let create = doc.operation("createResponse");
    if let Some(op) = create {
        for e in crate::examples::responses(op) {
            let Some(conv) = e.value.pointer("/conversation/id").and_then(Value::as_str) else {
                continue;
            };
            if world.conversations.contains_key(conv) {
                continue;
            }
            let question = op
                .value
                .pointer(&format!(
                    "/requestBody/content/application~1json/examples/{}/value/input",
                    e.name
                ))
                .and_then(Value::as_str)
                .unwrap_or("What is the weather?");
            let mut items = vec![json!({
                "id": format!("msg_{conv}_1"),
                "type": "message",
                "role": "user",
                "content": [{"type": "input_text", "text": question}],
                "status": "completed"
            })];
            for (n, out) in e.value["output"]
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
            {
                let mut out = out.clone();
                out["id"] = json!(format!("fc_{conv}_{n}"));
                items.push(out);
            }
            world.conversations.insert(conv.to_owned(), items);
        }
    }
    for list in examples("listIntegrationConnections") {
        for c in list["data"].as_array().into_iter().flatten() {
            if !world.connections.iter().any(|x| x["id"] == c["id"]) {
                world.connections.push(c.clone());
            }
        }
    }
    world
}

fn insert_run(world: &mut World, run: Value, evals: Option<Value>) {
    let Some(id) = run["runId"].as_str().map(str::to_owned) else {
        return;
    };
    let evals = evals.map(|mut e| {
        e["runId"] = json!(id);
        e
    });
    world.runs.insert(
        id,
        RunState {
            outcome: run["status"].as_str().unwrap_or("success").to_owned(),
            run,
            polls: u32::MAX / 2,
            started: std::time::Instant::now(),
            evals,
        },
    );
}

/// Every `model` string and `modelsInUse` entry in the document's examples.
fn collect_models(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(o) => {
            for (k, v) in o {
                match (k.as_str(), v) {
                    ("model", Value::String(s)) if !out.contains(s) => out.push(s.clone()),
                    ("modelsInUse", Value::Array(a)) => {
                        for s in a.iter().filter_map(Value::as_str) {
                            if !out.iter().any(|x| x == s) {
                                out.push(s.to_owned());
                            }
                        }
                    }
                    _ => collect_models(v, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|v| collect_models(v, out)),
        Value::String(s) if s.starts_with('{') => {
            // Stream examples and JSON-encoded strings hold models too.
            if let Ok(inner) = serde_json::from_str::<Value>(s) {
                collect_models(&inner, out);
            }
        }
        Value::String(s) if s.contains("\ndata: ") || s.starts_with("data: ") => {
            for frame in crate::reply::parse_sse(s) {
                if let Ok(inner) = serde_json::from_str::<Value>(&frame.data) {
                    collect_models(&inner, out);
                }
            }
        }
        _ => {}
    }
}

/// Koda's seed: the documented agents.
pub fn seed_koda(doc: &Document) -> Koda {
    let mut koda = Koda::default();
    if let Some(op) = doc.operation("listAgents") {
        for e in crate::examples::responses(op) {
            for a in e.value["items"].as_array().into_iter().flatten() {
                if !koda.agents.iter().any(|x| x["agent_id"] == a["agent_id"]) {
                    koda.agents.push(a.clone());
                }
            }
        }
    }
    koda
}
