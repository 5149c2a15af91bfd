//! `live` against a real HTTP server on 127.0.0.1 started here: one deployment that conforms
//! (answers with the corpus examples) and one that drifts.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use common::*;
use serde_json::{Value, json};

type Routes = BTreeMap<String, (u16, String)>;
/// (path, x-api-key) of every request the server saw.
type Seen = Arc<Mutex<Vec<(String, String)>>>;

/// Serves `routes` (path → status, JSON body) until the test process ends; records each
/// request's path and API key header.
fn serve(routes: Routes) -> (String, Seen) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let base = serve_each(move |mut stream| {
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut request_line = String::new();
        reader.read_line(&mut request_line).unwrap();
        let path = request_line
            .split_whitespace()
            .nth(1)
            .unwrap_or("")
            .to_owned();
        let mut key = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("x-api-key")
            {
                key = value.trim().to_owned();
            }
        }
        log.lock().unwrap().push((path.clone(), key));
        let (status, body) = routes
            .get(&path)
            .cloned()
            .unwrap_or((404, r#"{"error":"Not found","message":"no route"}"#.into()));
        let response = format!(
            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = stream.write_all(response.as_bytes());
    });
    (base, seen)
}

fn corpus(rel: &str) -> Value {
    let text = std::fs::read_to_string(corpus_dir().join("examples").join(rel)).unwrap();
    serde_json::from_str::<Value>(&text).unwrap()["value"].clone()
}

fn conforming() -> Routes {
    let agent = corpus("agents/agent.json");
    let agent_id = agent["agentId"].as_str().unwrap().to_owned();
    let run = corpus("runs/run-success.json");
    let run_id = agent["recentRunIds"][0].as_str().unwrap().to_owned();
    let mut run = run;
    run["runId"] = json!(run_id);
    let mut list = corpus("agents/agents-list.json");
    list["items"][0]["agentId"] = json!(agent_id);
    BTreeMap::from([
        (
            "/v1/models".into(),
            (200, corpus("models/models-list-two.json").to_string()),
        ),
        ("/v1/agents/list".into(), (200, list.to_string())),
        (format!("/v1/agents/{agent_id}"), (200, agent.to_string())),
        (format!("/v1/runs/{run_id}"), (200, run.to_string())),
    ])
}

fn live(base: &str, extra: &[(&str, &str)]) -> std::process::Output {
    let mut env = vec![("KINDO_BASE_URL", base), ("KINDO_API_KEY", "test-key")];
    env.extend_from_slice(extra);
    live_json(&env)
}

#[test]
fn a_conforming_deployment_passes_and_ids_are_followed() {
    let (base, seen) = serve(conforming());
    let out = live(&base, &[]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        report["summary"],
        json!({"passed": 4, "failed": 0, "skipped": 0})
    );
    let seen = seen.lock().unwrap().clone();
    let paths: Vec<&str> = seen.iter().map(|(p, _)| p.as_str()).collect();
    let agent = corpus("agents/agent.json");
    assert_eq!(
        paths,
        [
            "/v1/models".to_owned(),
            "/v1/agents/list".to_owned(),
            format!("/v1/agents/{}", agent["agentId"].as_str().unwrap()),
            format!("/v1/runs/{}", agent["recentRunIds"][0].as_str().unwrap()),
        ]
    );
    assert!(seen.iter().all(|(_, key)| key == "test-key"));
}

#[test]
fn drift_is_reported_field_by_field() {
    let mut routes = conforming();
    // getRun: wrong enum, wrong type, missing field, plus an undeclared field.
    let run_path = routes
        .keys()
        .find(|k| k.starts_with("/v1/runs/"))
        .unwrap()
        .clone();
    let mut run: Value = serde_json::from_str(&routes[&run_path].1).unwrap();
    run["status"] = json!("done");
    run["createdAtUtc"] = json!(12);
    run.as_object_mut().unwrap().remove("result");
    run["costUsd"] = json!(0.02);
    routes.insert(run_path, (200, run.to_string()));
    // listModels: an undeclared field only (informational, still passes).
    let mut models: Value = serde_json::from_str(&routes["/v1/models"].1).unwrap();
    models["data"][0]["context_window"] = json!(200000);
    routes.insert("/v1/models".into(), (200, models.to_string()));
    let (base, _) = serve(routes);

    let out = live(&base, &[]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let outcome = |op: &str| {
        outcomes(&report)
            .find(|o| o["operation"] == op)
            .unwrap()
            .clone()
    };
    let run = outcome("getRun");
    assert_eq!(run["status"], "fail");
    let mut pointers: Vec<&str> = run["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["pointer"].as_str().unwrap())
        .collect();
    pointers.sort();
    assert_eq!(pointers, ["/createdAtUtc", "/result", "/status"]);
    assert_eq!(run["info"][0]["pointer"], "/costUsd");
    let models = outcome("listModels");
    assert_eq!(models["status"], "pass");
    assert_eq!(models["info"][0]["pointer"], "/data/0/context_window");

    // The text format names each drifting pointer on its own line.
    let spec = spec_dir();
    let text = run_text(&base, spec.to_str().unwrap());
    assert!(
        text.contains("getRun") && text.contains("at /status:"),
        "{text}"
    );
    assert!(
        text.contains("info at /costUsd: field \"costUsd\" is in the response but not declared"),
        "{text}"
    );
}

fn run_text(base: &str, spec: &str) -> String {
    let out = run(
        &["live", "--spec-dir", spec],
        &[("KINDO_BASE_URL", base), ("KINDO_API_KEY", "k")],
    );
    stdout(&out)
}

#[test]
fn error_statuses_and_missing_ids_are_reported() {
    let mut routes = conforming();
    routes.insert(
        "/v1/models".into(),
        (401, r#"{"error":"Unauthorized"}"#.into()),
    );
    routes.insert("/v1/agents/list".into(), (418, "{}".into()));
    let (base, _) = serve(routes);
    let out = live(&base, &[("KINDO_AGENT_ID", "no-such-agent")]);
    assert_eq!(code(&out), 1);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let by_op: BTreeMap<String, Value> = outcomes(&report)
        .map(|o| (o["operation"].as_str().unwrap().to_owned(), o.clone()))
        .collect();
    let msg = |op: &str| {
        by_op[op]["failures"][0]["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(msg("listModels").contains("expected a success status, got 401"));
    assert!(msg("listAgents").contains("status 418 is not documented"));
    // The given agent id is used, the server answers 404, and with no agent there is no run.
    assert!(msg("getAgent").contains("got 404"));
    assert_eq!(by_op["getRun"]["status"], "skip");
}

#[test]
fn an_unreachable_deployment_exits_6() {
    // Bind then drop: the port is closed when the request is made.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let spec = spec_dir();
    let out = run(
        &["live", "--spec-dir", spec.to_str().unwrap()],
        &[
            ("KINDO_BASE_URL", &format!("http://127.0.0.1:{port}")),
            ("KINDO_API_KEY", "k"),
        ],
    );
    assert_eq!(code(&out), 6, "{}", stderr(&out));
    assert_eq!(stderr(&out).trim_end().lines().count(), 1);
    assert!(stderr(&out).contains("listModels"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let out = run(
        &["live", "--spec-dir", spec.to_str().unwrap()],
        &[("KINDO_BASE_URL", "ftp://x"), ("KINDO_API_KEY", "k")],
    );
    assert_eq!(code(&out), 2);
}
