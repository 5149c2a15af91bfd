//! Models, agents, runs and integration connections (api.kindo.ai).

use serde_json::{Value, json};

use crate::errors::Fail;
use crate::ids::{now, rfc3339};
use crate::reply::Reply;
use crate::server::Ctx;
use crate::state::RunState;

pub fn list_models(ctx: &Ctx<'_>) -> Reply {
    let include_agents = ctx.query("include_agents") == Some("true");
    ctx.mock.world(ctx.key(), |w| {
        let mut data = w.models.clone();
        if include_agents {
            for a in &w.agents {
                data.push(json!({
                    "id": format!("agent/{}", a["agentId"].as_str().unwrap_or_default()),
                    "object": "model", "created": 0, "owned_by": "kindo",
                    "display_name": a["name"]
                }));
            }
        }
        Reply::json(200, json!({"object": "list", "data": data}))
    })
}

pub fn list_agents(ctx: &Ctx<'_>) -> Reply {
    ctx.mock.world(ctx.key(), |w| {
        let items: Vec<Value> = w
            .agents
            .iter()
            .map(|a| {
                let mut summary = json!({
                    "agentId": a["agentId"], "name": a["name"], "description": a["description"],
                    "createdAt": a.get("createdAt").cloned().unwrap_or(json!("2026-03-10T18:45:23.000Z")),
                    "creatorName": a.get("creatorName").cloned().unwrap_or(json!("Kindo Mock")),
                    "metadata": a["metadata"]
                });
                if summary["description"].is_null() {
                    summary["description"] = json!("");
                }
                summary
            })
            .collect();
        Reply::json(200, json!({"total": items.len(), "items": items}))
    })
}

fn agent_not_found(id: &str) -> Fail {
    Fail::not_found(format!("Agent {id} not found."))
}

pub fn get_agent(ctx: &Ctx<'_>) -> Reply {
    let id = ctx.param("agentId");
    let limit = ctx.query("limit").and_then(|l| l.parse::<usize>().ok());
    let offset = match ctx.query("cursor") {
        None => 0,
        Some(c) => match c
            .strip_prefix("runs_")
            .and_then(|n| n.parse::<usize>().ok())
        {
            Some(n) => n,
            None => {
                return ctx.fail(Fail::bad_request(format!(
                    "invalid query parameter `cursor`: {c:?} is not a cursor this server issued"
                )));
            }
        },
    };
    let start = ctx.query("startDate").map(str::to_owned);
    let end = ctx.query("endDate").map(str::to_owned);
    ctx.mock.world(ctx.key(), |w| {
        let Some(agent) = w.agents.iter().find(|a| a["agentId"] == id) else {
            return ctx.fail(agent_not_found(id));
        };
        let mut agent = agent.clone();
        // Date filters compare the runs' creation times (RFC 3339 strings sort as times).
        let ids: Vec<Value> = agent["recentRunIds"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|r| {
                let created = r
                    .as_str()
                    .and_then(|r| w.runs.get(r))
                    .and_then(|s| s.run["createdAtUtc"].as_str().map(str::to_owned))
                    .unwrap_or_default();
                start
                    .as_ref()
                    .is_none_or(|s| created.as_str() >= s.as_str())
                    && end.as_ref().is_none_or(|e| created.as_str() <= e.as_str())
            })
            .collect();
        let page_end = limit.map_or(ids.len(), |l| (offset + l).min(ids.len()));
        let page: Vec<Value> = ids
            .get(offset.min(ids.len())..page_end)
            .unwrap_or_default()
            .to_vec();
        agent["recentRunIds"] = json!(page);
        if page_end < ids.len() {
            agent["nextCursor"] = json!(format!("runs_{page_end}"));
        }
        Reply::json(200, agent)
    })
}

pub fn run_agent(ctx: &Ctx<'_>) -> Reply {
    let agent_id = ctx
        .body_field("/agentId")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let inputs: Vec<(String, String)> = ctx
        .body_field("/inputs")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|i| {
            (
                i["name"].as_str().unwrap_or_default().to_owned(),
                i["value"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let outcome = match ctx.prefer("scenario").as_deref() {
        Some("failure") => "failure",
        Some("cancelled") => "cancelled",
        _ => "success",
    };
    let run_id = ctx.mock.ids.uuid();
    let created = rfc3339(now());
    ctx.mock.world(ctx.key(), |w| {
        let Some(agent) = w
            .agents
            .iter_mut()
            .find(|a| a["agentId"] == agent_id.as_str())
        else {
            return ctx.fail(agent_not_found(&agent_id));
        };
        if agent["hasTriggers"] == true {
            return ctx.fail(Fail::new(
                422,
                "unprocessable",
                format!(
                    "Agent {agent_id} has triggers configured and cannot be run through the API."
                ),
            ));
        }
        for name in agent["inputs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !inputs.iter().any(|(n, _)| n == name) {
                return ctx.fail(Fail::new(
                    422,
                    "unprocessable",
                    format!("Missing required input `{name}` (at /inputs) for agent {agent_id}."),
                ));
            }
        }
        let mut recent = agent["recentRunIds"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        recent.insert(0, json!(run_id));
        agent["recentRunIds"] = json!(recent);
        agent["lastRunAtUtc"] = json!(created);
        let prompt = inputs
            .iter()
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let run = json!({
            "runId": run_id, "agentId": agent_id, "createdAtUtc": created,
            "endedAtUtc": null, "result": null, "status": "in_progress", "prompt": prompt
        });
        w.runs.insert(
            run_id.clone(),
            RunState {
                run,
                polls: 0,
                started: std::time::Instant::now(),
                outcome: outcome.to_owned(),
                evals: None,
            },
        );
        Reply::json(202, json!({"runId": run_id}))
    })
}

pub fn get_run(ctx: &Ctx<'_>) -> Reply {
    let id = ctx.param("runId");
    let options = &ctx.mock.options;
    let conversation = ctx.mock.ids.prefixed("conv_");
    let message_id = ctx.mock.ids.prefixed("msg_");
    ctx.mock.world(ctx.key(), |w| {
        let Some(state) = w.runs.get_mut(id) else {
            return ctx.fail(Fail::not_found(format!("Run {id} not found.")));
        };
        if state.run["status"] == "in_progress" {
            let due = state.polls >= options.run_polls || state.started.elapsed() >= options.run_duration;
            state.polls = state.polls.saturating_add(1);
            if due {
                let prompt = state.run["prompt"].as_str().unwrap_or_default().to_owned();
                let text = match state.outcome.as_str() {
                    "failure" => format!("The run failed (kindo-mock scenario) while working on: {prompt}"),
                    _ => crate::handlers::text::reply_to(&prompt),
                };
                state.run["status"] = json!(state.outcome);
                state.run["endedAtUtc"] = json!(rfc3339(now()));
                state.run["result"] = if state.outcome == "cancelled" {
                    Value::Null
                } else {
                    // The envelope real runs store: a step marker, then the text with its state.
                    json!(json!({"id": message_id, "role": "assistant", "parts": [
                        {"type": "step-start"},
                        {"type": "text", "text": text, "state": "done"}
                    ]}).to_string())
                };
                state.run["conversationId"] = json!(conversation);
                state.evals = Some(json!({
                    "runId": id,
                    "result": if state.outcome == "success" { "pass" } else { "fail" },
                    "steps": [{"stepNumber": 1, "name": prompt, "result": if state.outcome == "success" { "pass" } else { "fail" }, "explanation": text}]
                }));
            }
        }
        let mut run = state.run.clone();
        if let Some(o) = run.as_object_mut() {
            o.remove("prompt");
        }
        Reply::json(200, run)
    })
}

pub fn get_run_evals(ctx: &Ctx<'_>) -> Reply {
    let id = ctx.param("runId");
    ctx.mock.world(ctx.key(), |w| match w.runs.get(id) {
        Some(RunState { evals: Some(e), .. }) => Reply::json(200, e.clone()),
        Some(_) => ctx.fail(Fail::not_found(format!(
            "Run {id} has no evals yet: it is still in progress."
        ))),
        None => ctx.fail(Fail::not_found(format!("Run {id} not found."))),
    })
}

pub fn list_connections(ctx: &Ctx<'_>) -> Reply {
    ctx.mock.world(ctx.key(), |w| {
        Reply::json(200, json!({"data": w.connections}))
    })
}

pub fn set_default_connection(ctx: &Ctx<'_>) -> Reply {
    let integration = ctx.param("integration_id").to_owned();
    let connection = ctx
        .body_field("/connection_id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    ctx.mock.world(ctx.key(), |w| {
        if !w
            .connections
            .iter()
            .any(|c| c["integration_config_id"] == integration.as_str())
        {
            return ctx.fail(Fail::not_found(format!(
                "Integration {integration} has no connection."
            )));
        }
        if !w.connections.iter().any(|c| {
            c["integration_config_id"] == integration.as_str() && c["id"] == connection.as_str()
        }) {
            return ctx.fail(Fail::not_found(format!(
                "Connection {connection} is not a connection of {integration}."
            )));
        }
        for c in w
            .connections
            .iter_mut()
            .filter(|c| c["integration_config_id"] == integration.as_str())
        {
            c["is_preferred"] = json!(c["id"] == connection.as_str());
        }
        Reply::json(
            200,
            json!({"integration_config_id": integration, "connection_id": connection}),
        )
    })
}
