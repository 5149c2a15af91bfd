//! The generated Koda client (`kindo_client::koda`) against a real server on 127.0.0.1: one
//! call per route group (request line, query, credential and body as sent, answer decoded),
//! `Idempotency-Key` replays, a cursor-paginated list walked to its end, typed errors, and the
//! two ways of sending the operator's credential.

mod support;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kindo_client::koda::types::{
    AgentDraft, DefaultConnectionUpdate, LoginRequest, SystemSettingsPatch, TaskSubmission,
};
use kindo_client::{AuthHeader, ClientBuilder, Error};
use serde_json::{Map, Value, json};
use support::{KEY, Recorded, Reply, Server, client, example, serve_json};

/// A JSON object literal as the map the generated "undocumented shape" types wrap.
fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

fn header<'a>(r: &'a Recorded, name: &str) -> Option<&'a str> {
    r.headers.get(name).map(String::as_str)
}

/// The test key went as a Bearer token, and nothing else that looks like a credential did.
fn assert_bearer(r: &Recorded) {
    assert_eq!(
        header(r, "authorization"),
        Some(&*format!("Bearer {KEY}")),
        "{} {}",
        r.method,
        r.target
    );
    assert!(!r.headers.contains_key("cookie"), "{:?}", r.headers);
    assert!(!r.headers.contains_key("api-version"), "{:?}", r.headers);
}

/// Asserts the request line: method, path and query.
#[track_caller]
fn assert_line(r: &Recorded, method: &str, path: &str, query: &str) {
    assert_eq!(
        (r.method.as_str(), r.path(), r.query()),
        (method, path, query)
    );
}

// ---------------------------------------------------------------------------------------------
// One call per route group.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn auth_login_sets_a_session_cookie_that_then_authenticates_status() {
    let server = Server::start(|_, r| match r.path() {
        "/api/control-plane/auth/login" => Reply::Full(
            200,
            vec![
                ("content-type", "application/json".into()),
                (
                    "set-cookie",
                    "koda_operator_session=sess-81f0; HttpOnly; Secure; SameSite=Strict; Path=/"
                        .into(),
                ),
            ],
            serde_json::to_vec(&json!({"operator": "owner", "expires_in_days": 7})).unwrap(),
        ),
        _ => Reply::json(
            200,
            &json!({"auth_mode": "local", "owner_registered": true, "operator": "owner"}),
        ),
    })
    .await;
    // Login takes no credential: an anonymous client sends none.
    let koda = ClientBuilder::anonymous()
        .koda_base_url(&server.url)
        .build_koda()
        .unwrap();
    let credentials = json!({"identifier": "owner@example.com", "password": "c0rrect-Horse-42"});
    let session = koda
        .login()
        .body(LoginRequest::from(object(credentials.clone())))
        .send()
        .await
        .unwrap();
    assert_eq!(session.status(), 200);
    assert_eq!(session["operator"], "owner");
    // The client keeps no cookie jar: the caller takes the session from `Set-Cookie` and hands
    // it to a client built with `AuthHeader::SessionCookie`.
    let value = kindo_client::session::from_headers(session.headers()).unwrap();
    assert_eq!(value.expose(), "sess-81f0");

    let as_operator = ClientBuilder::new(value)
        .koda_base_url(&server.url)
        .auth_header(AuthHeader::SessionCookie)
        .build_koda()
        .unwrap();
    let status = as_operator.get_auth_status().send().await.unwrap();
    assert_eq!(status["owner_registered"], true);
    assert_eq!(status["auth_mode"], "local");

    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let login = &requests[0];
    assert_line(login, "POST", "/api/control-plane/auth/login", "");
    assert_eq!(login.json(), credentials);
    assert_eq!(header(login, "content-type"), Some("application/json"));
    assert!(
        !login.headers.contains_key("authorization"),
        "{:?}",
        login.headers
    );
    assert!(!login.headers.contains_key("cookie"), "{:?}", login.headers);
    let status = &requests[1];
    assert_line(status, "GET", "/api/control-plane/auth/status", "");
    assert_eq!(
        header(status, "cookie"),
        Some("koda_operator_session=sess-81f0")
    );
    assert!(!status.headers.contains_key("authorization"));
    assert!(status.body.is_empty());
}

#[tokio::test]
async fn agents_get_by_id_with_the_id_escaped_in_the_path() {
    let server = Server::start(|_, r| {
        let id = if r.path().ends_with("/atlas") {
            "atlas"
        } else {
            "team/atlas v2"
        };
        Reply::json(
            200,
            &json!({"agent_id": id, "name": "Atlas", "state": "active"}),
        )
    })
    .await;
    let koda = client(&server).build_koda().unwrap();
    let agent = koda.get_agent().agent_id("atlas").send().await.unwrap();
    assert_eq!(agent.status(), 200);
    assert_eq!(agent["agent_id"], "atlas");
    assert_eq!(agent["state"], "active");
    let odd = koda
        .get_agent()
        .agent_id("team/atlas v2")
        .send()
        .await
        .unwrap();
    assert_eq!(odd["agent_id"], "team/atlas v2");

    let requests = server.requests();
    assert_line(&requests[0], "GET", "/api/control-plane/agents/atlas", "");
    // A slash or space in an id stays inside its path segment.
    assert_eq!(
        requests[1].path(),
        "/api/control-plane/agents/team%2Fatlas%20v2"
    );
    requests.iter().for_each(assert_bearer);
}

#[tokio::test]
async fn providers_verify_connection_decodes_the_verdict() {
    let server = Server::start(|_, _| {
        Reply::json(
            200,
            &json!({
                "verification": {"verified": true, "latency_ms": 142},
                "checked_via": "models_list",
                "auth_expired": false
            }),
        )
    })
    .await;
    let koda = client(&server).build_koda().unwrap();
    let result = koda
        .verify_provider_connection()
        .provider_id("ollama")
        .send()
        .await
        .unwrap()
        .into_inner();
    let verification = result.verification.unwrap();
    assert_eq!(verification.verified, Some(true));
    assert_eq!(verification.extra["latency_ms"], 142);
    assert_eq!(result.checked_via.as_deref(), Some("models_list"));
    assert_eq!(result.auth_expired, Some(false));

    let r = &server.requests()[0];
    assert_line(
        r,
        "POST",
        "/api/control-plane/providers/ollama/connection/verify",
        "",
    );
    assert!(r.body.is_empty(), "verify documents no request body");
    assert_bearer(r);
}

#[tokio::test]
async fn connections_set_default_keeps_the_colon_of_the_key() {
    let server = serve_json(200, example("koda", "default-connection-configured")).await;
    let koda = client(&server).build_koda().unwrap();
    let material = json!({
        "auth_method": "api_token",
        "base_url": "https://example.atlassian.net",
        "email": "ops@example.com",
        "api_token": "jira-token-1"
    });
    let connection = koda
        .set_default_connection()
        .connection_key("core:jira")
        .body(DefaultConnectionUpdate::from(object(material.clone())))
        .send()
        .await
        .unwrap()
        .into_inner();
    assert_eq!(connection.status.as_deref(), Some("configured"));
    assert_eq!(connection.connection_key.as_deref(), Some("core:jira"));

    let r = &server.requests()[0];
    // `:` is allowed in a path segment, so progenitor's path encoding leaves it as is.
    assert_line(
        r,
        "PUT",
        "/api/control-plane/connections/defaults/core:jira",
        "",
    );
    assert_eq!(r.json(), material);
    assert_bearer(r);
}

#[tokio::test]
async fn system_settings_patch_and_onboarding_status() {
    let server = Server::start(|_, r| match r.method.as_str() {
        "PATCH" => Reply::json(
            200,
            &json!({"allowed_users": ["ops@example.com"], "default_model": "llama3.1"}),
        ),
        _ => Reply::json(
            200,
            &json!({"quickstart": "done", "provider": "configured", "agent": "pending"}),
        ),
    })
    .await;
    let koda = client(&server).build_koda().unwrap();
    let patch = json!({"allowed_users": ["ops@example.com"]});
    let settings = koda
        .update_system_settings()
        .body(SystemSettingsPatch::from(object(patch.clone())))
        .send()
        .await
        .unwrap();
    assert_eq!(settings["allowed_users"], json!(["ops@example.com"]));
    assert_eq!(settings["default_model"], "llama3.1");
    let onboarding = koda.get_onboarding_status().send().await.unwrap();
    assert_eq!(onboarding["provider"], "configured");
    assert_eq!(onboarding["agent"], "pending");

    let requests = server.requests();
    assert_line(
        &requests[0],
        "PATCH",
        "/api/control-plane/system-settings",
        "",
    );
    assert_eq!(requests[0].json(), patch);
    assert_line(
        &requests[1],
        "GET",
        "/api/control-plane/onboarding/status",
        "",
    );
    requests.iter().for_each(assert_bearer);
}

#[tokio::test]
async fn skills_list_a_page_then_get_one() {
    let server = Server::start(|_, r| {
        if r.path() == "/api/control-plane/skills" {
            Reply::json(
                200,
                &json!({
                    "items": [{"skill_id": "code-review"}, {"skill_id": "triage"}],
                    "next_cursor": "s2"
                }),
            )
        } else {
            Reply::json(
                200,
                &json!({
                    "skill_id": "code-review",
                    "frontmatter": {"name": "Code review"},
                    "body": "Review the diff."
                }),
            )
        }
    })
    .await;
    let koda = client(&server).build_koda().unwrap();
    let page = koda
        .list_skills()
        .limit(2u32)
        .send()
        .await
        .unwrap()
        .into_inner();
    let ids: Vec<&Value> = page.items.iter().map(|s| &s["skill_id"]).collect();
    assert_eq!(ids, [&json!("code-review"), &json!("triage")]);
    assert_eq!(page.next_cursor.as_deref(), Some("s2"));
    let skill = koda
        .get_skill()
        .skill_id("code-review")
        .send()
        .await
        .unwrap();
    assert_eq!(skill["frontmatter"]["name"], "Code review");

    let requests = server.requests();
    assert_line(&requests[0], "GET", "/api/control-plane/skills", "limit=2");
    assert_line(
        &requests[1],
        "GET",
        "/api/control-plane/skills/code-review",
        "",
    );
    requests.iter().for_each(assert_bearer);
}

#[tokio::test]
async fn runtime_submit_then_get_a_task_and_probe_readiness() {
    let server = Server::start(|_, r| match (r.method.as_str(), r.path()) {
        ("POST", "/api/runtime/tasks") => Reply::json(201, &example("koda", "task-queued")),
        ("GET", "/api/runtime/ready") => Reply::json(
            503,
            &json!({"ready": false, "reason": "no provider is configured"}),
        ),
        _ => {
            let mut task = example("koda", "task-queued");
            task["status"] = json!("running");
            Reply::json(200, &task)
        }
    })
    .await;
    let koda = client(&server).build_koda().unwrap();
    let submission = example("koda", "task-submission");
    let task = koda
        .submit_task()
        .body(TaskSubmission {
            agent_id: "atlas".into(),
            query: "Audit the auth service for CSP violations.".into(),
            metadata: Some(object(json!({"source": "operator"}))),
            extra: Map::new(),
        })
        .send()
        .await
        .unwrap();
    assert_eq!(task.status(), 201);
    assert_eq!(task.id, "tsk_2f7a");
    assert_eq!(task.agent_id, "atlas");
    assert_eq!(task.status, "queued");
    assert_eq!(task.metadata.as_ref().unwrap()["source"], "operator");

    let later = koda.get_task().task_id(&task.id).send().await.unwrap();
    assert_eq!(later.id, task.id);
    assert_eq!(later.status, "running");

    // 503 is a documented answer of the probe, with the same `Readiness` body as 200: the
    // client returns it as the operation's typed error, body decoded.
    match koda.get_runtime_ready().send().await {
        Err(Error::ErrorResponse(not_ready)) => {
            assert_eq!(not_ready.status(), 503);
            assert_eq!(not_ready["ready"], false);
            assert_eq!(not_ready["reason"], "no provider is configured");
        }
        other => panic!("expected the 503 Readiness body, got {other:?}"),
    }

    let requests = server.requests();
    assert_line(&requests[0], "POST", "/api/runtime/tasks", "");
    assert_eq!(requests[0].json(), submission);
    assert_line(&requests[1], "GET", "/api/runtime/tasks/tsk_2f7a", "");
    assert_line(&requests[2], "GET", "/api/runtime/ready", "");
    requests.iter().for_each(assert_bearer);
}

// ---------------------------------------------------------------------------------------------
// Idempotent creation.
// ---------------------------------------------------------------------------------------------

/// Koda's rule for `POST /agents`: the first answer to an `Idempotency-Key` is stored and
/// replayed for every repeat of that key; a create without a key, or with a new one, makes a
/// new agent.
#[derive(Default)]
struct AgentStore {
    created: Vec<String>,
    answers: HashMap<String, Value>,
}

impl AgentStore {
    fn create(&mut self, request: &Recorded) -> Value {
        let key = request.headers.get("idempotency-key");
        if let Some(answer) = key.and_then(|k| self.answers.get(k)) {
            return answer.clone();
        }
        let id = format!("agt_{}", self.created.len() + 1);
        self.created.push(id.clone());
        let answer = json!({"agent_id": id, "name": request.json()["name"], "state": "draft"});
        if let Some(key) = key {
            self.answers.insert(key.clone(), answer.clone());
        }
        answer
    }
}

fn draft(name: &str) -> AgentDraft {
    AgentDraft::from(object(json!({"name": name, "model": "llama3.1"})))
}

#[tokio::test]
async fn a_repeated_idempotency_key_replays_the_first_creation() {
    let store = Arc::new(Mutex::new(AgentStore::default()));
    let server = Server::start({
        let store = store.clone();
        move |_, r| Reply::json(201, &store.lock().unwrap().create(r))
    })
    .await;
    let koda = client(&server).build_koda().unwrap();
    let create = |key: &'static str| {
        koda.create_agent()
            .idempotency_key(key)
            .body(draft("Atlas"))
            .send()
    };
    let first = create("k-1").await.unwrap();
    // The caller did not see an answer (say the connection dropped) and sends it again.
    let retry = create("k-1").await.unwrap();
    let other = create("k-2").await.unwrap();

    assert_eq!(first.status(), 201);
    assert_eq!(retry.status(), 201);
    assert_eq!(first["agent_id"], "agt_1");
    assert_eq!(
        serde_json::to_value(first.into_inner()).unwrap(),
        serde_json::to_value(retry.into_inner()).unwrap()
    );
    assert_eq!(other["agent_id"], "agt_2");
    assert_eq!(store.lock().unwrap().created, ["agt_1", "agt_2"]);

    let requests = server.requests();
    let keys: Vec<Option<&str>> = requests
        .iter()
        .map(|r| header(r, "idempotency-key"))
        .collect();
    assert_eq!(keys, [Some("k-1"), Some("k-1"), Some("k-2")]);
    for r in &requests {
        assert_line(r, "POST", "/api/control-plane/agents", "");
        assert_eq!(r.json(), json!({"name": "Atlas", "model": "llama3.1"}));
        assert_bearer(r);
    }
}

#[tokio::test]
async fn a_create_whose_answer_was_lost_is_safe_to_send_again_with_its_key() {
    let store = Arc::new(Mutex::new(AgentStore::default()));
    let server = Server::start({
        let store = store.clone();
        move |n, r| {
            let answer = store.lock().unwrap().create(r);
            // The server does the work for the first request but its answer never arrives.
            if n == 0 {
                Reply::Hang
            } else {
                Reply::json(201, &answer)
            }
        }
    })
    .await;
    let koda = client(&server)
        .request_timeout(Some(Duration::from_millis(300)))
        .build_koda()
        .unwrap();
    let lost = koda
        .create_agent()
        .idempotency_key("k-lost")
        .body(draft("Atlas"))
        .send()
        .await;
    assert!(
        matches!(lost, Err(Error::CommunicationError(ref e)) if e.is_timeout()),
        "{lost:?}"
    );
    let again = koda
        .create_agent()
        .idempotency_key("k-lost")
        .body(draft("Atlas"))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again["agent_id"], "agt_1");
    assert_eq!(store.lock().unwrap().created, ["agt_1"]);

    // Without a key the same retry makes another agent each time.
    for _ in 0..2 {
        koda.create_agent()
            .body(draft("Atlas"))
            .send()
            .await
            .unwrap();
    }
    assert_eq!(store.lock().unwrap().created, ["agt_1", "agt_2", "agt_3"]);
    let requests = server.requests();
    let keys: Vec<Option<&str>> = requests
        .iter()
        .map(|r| header(r, "idempotency-key"))
        .collect();
    assert_eq!(keys, [Some("k-lost"), Some("k-lost"), None, None]);
}

// ---------------------------------------------------------------------------------------------
// Pagination.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn list_agents_follows_next_cursor_to_the_last_page() {
    const AGENTS: usize = 7;
    let server = Server::start(|_, r| {
        let url = reqwest::Url::parse(&format!("http://koda{}", r.target)).unwrap();
        let query: HashMap<String, String> = url.query_pairs().into_owned().collect();
        let limit: usize = query["limit"].parse().unwrap();
        let start = match query.get("cursor") {
            None => 0,
            Some(cursor) => cursor
                .strip_prefix("after:agt_")
                .and_then(|n| n.parse().ok())
                .expect("a cursor this server issued"),
        };
        let end = (start + limit).min(AGENTS);
        let items: Vec<Value> = (start + 1..=end)
            .map(|i| json!({"agent_id": format!("agt_{i}")}))
            .collect();
        let mut page = json!({ "items": items });
        if end < AGENTS {
            page["next_cursor"] = json!(format!("after:agt_{end}"));
        }
        Reply::json(200, &page)
    })
    .await;
    let koda = client(&server).build_koda().unwrap();
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut call = koda.list_agents().limit(3u32);
        if let Some(c) = cursor.take() {
            call = call.cursor(c);
        }
        let page = call.send().await.unwrap().into_inner();
        seen.extend(page.items.iter().map(|a| a["agent_id"].clone()));
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    let expected: Vec<Value> = (1..=AGENTS).map(|i| json!(format!("agt_{i}"))).collect();
    assert_eq!(seen, expected);

    let requests = server.requests();
    let queries: Vec<&str> = requests.iter().map(Recorded::query).collect();
    assert_eq!(
        queries,
        [
            "limit=3",
            "cursor=after%3Aagt_3&limit=3",
            "cursor=after%3Aagt_6&limit=3"
        ]
    );
    for r in &requests {
        assert_eq!(
            (r.method.as_str(), r.path()),
            ("GET", "/api/control-plane/agents")
        );
        assert_bearer(r);
    }
}

// ---------------------------------------------------------------------------------------------
// Errors.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn errors_decode_as_the_typed_control_plane_error() {
    let server = Server::start(|_, r| match r.path() {
        "/api/control-plane/agents/atlas" => {
            Reply::json(404, &example("koda", "error-agent-not-found"))
        }
        "/api/control-plane/auth/login" => Reply::Full(
            429,
            vec![
                ("content-type", "application/json".into()),
                ("retry-after", "300".into()),
            ],
            serde_json::to_vec(&example("koda", "error-login-rate-limited")).unwrap(),
        ),
        // 409 is not among createAgent's listed answers; its `default` covers it.
        "/api/control-plane/agents" => Reply::json(
            409,
            &json!({
                "code": "agent.conflict",
                "message": "An agent named Atlas already exists.",
                "details": {"name": "Atlas"}
            }),
        ),
        _ => Reply::json(
            404,
            &json!({"code": "task.not_found", "message": "No such task."}),
        ),
    })
    .await;
    let koda = client(&server).build_koda().unwrap();

    let Err(Error::ErrorResponse(missing)) = koda.get_agent().agent_id("atlas").send().await else {
        panic!("expected a typed 404");
    };
    assert_eq!(missing.status(), 404);
    assert_eq!(missing.code, "agent.not_found");
    assert_eq!(missing.message, "Agent atlas was not found.");
    assert!(missing.details.is_none());

    let login = koda
        .login()
        .body(LoginRequest::from(object(
            json!({"identifier": "owner@example.com", "password": "wrong"}),
        )))
        .send()
        .await;
    let Err(Error::ErrorResponse(limited)) = login else {
        panic!("expected a typed 429, got {login:?}");
    };
    assert_eq!(limited.status(), 429);
    assert_eq!(limited.headers()["retry-after"], "300");
    assert_eq!(limited.code, "auth.rate_limited");

    let conflict = koda.create_agent().body(draft("Atlas")).send().await;
    let Err(Error::ErrorResponse(conflict)) = conflict else {
        panic!("expected a typed 409, got {conflict:?}");
    };
    assert_eq!(conflict.status(), 409);
    assert_eq!(conflict.code, "agent.conflict");
    assert_eq!(conflict.details, Some(json!({"name": "Atlas"})));

    // The runtime's task routes document no error answer at all, so an error there is an
    // untyped `UnexpectedResponse`: status and body are the caller's to read.
    let task = koda.get_task().task_id("tsk_gone").send().await;
    let Err(Error::UnexpectedResponse(response)) = task else {
        panic!("expected an unexpected response, got {task:?}");
    };
    assert_eq!(response.status(), 404);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "task.not_found");

    // No retry policy is configured: each call reached the server once.
    assert_eq!(server.requests().len(), 4);
}

// ---------------------------------------------------------------------------------------------
// Credentials.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn operator_token_goes_as_bearer_and_a_session_as_its_cookie() {
    let server = serve_json(200, example("koda", "agents-page")).await;
    let token = ClientBuilder::new("kop_tok_3c9d")
        .koda_base_url(&server.url)
        .build_koda()
        .unwrap();
    let page = token.list_agents().send().await.unwrap();
    assert_eq!(page.items[0]["agent_id"], "atlas");
    let session = ClientBuilder::new("sess-81f0")
        .koda_base_url(&server.url)
        .auth_header(AuthHeader::SessionCookie)
        .build_koda()
        .unwrap();
    session.list_agents().send().await.unwrap();

    let requests = server.requests();
    assert_eq!(
        header(&requests[0], "authorization"),
        Some("Bearer kop_tok_3c9d")
    );
    assert!(!requests[0].headers.contains_key("cookie"));
    assert_eq!(
        header(&requests[1], "cookie"),
        Some("koda_operator_session=sess-81f0")
    );
    assert!(!requests[1].headers.contains_key("authorization"));
    for r in &requests {
        assert_line(r, "GET", "/api/control-plane/agents", "");
        assert!(!r.headers.contains_key("api-version"));
    }
}
