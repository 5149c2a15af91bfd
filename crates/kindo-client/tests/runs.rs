//! `run_agent_and_wait` against a real server: success, failure, 404 and the polling bounds,
//! with scripted run states and the polls counted. A trigger refused with the documented `422`
//! runs against the mock (`against_mock.rs`).

mod support;

use std::time::Duration;

use kindo_client::api::types::{RunAgentRequest, RunStatus};
use kindo_client::runs::{RunResult, WaitError, WaitOptions};
use serde_json::{Value, json};
use support::{Reply, Server, client, example};

fn fast() -> WaitOptions {
    WaitOptions {
        initial_interval: Duration::from_millis(10),
        max_interval: Duration::from_millis(40),
        max_wait: Duration::from_secs(10),
        max_attempts: 50,
    }
}

fn run(status: &str, result: Value) -> Value {
    let mut r = example("runs", "run-success");
    r["status"] = json!(status);
    r["result"] = result;
    if status == "in_progress" {
        r["endedAtUtc"] = Value::Null;
    }
    r
}

fn request() -> RunAgentRequest {
    RunAgentRequest {
        agent_id: "agent-1".into(),
        inputs: None,
    }
}

/// Request 0 is the trigger (202), requests 1..=`polls` see `in_progress`, later ones `last()`.
async fn server(polls: usize, last: impl Fn() -> Reply + Send + Sync + 'static) -> Server {
    Server::start(move |n, r| {
        if r.method == "POST" {
            Reply::json(202, &example("agents", "run-accepted"))
        } else if n <= polls {
            Reply::json(200, &run("in_progress", Value::Null))
        } else {
            last()
        }
    })
    .await
}

#[tokio::test]
async fn waits_through_in_progress_to_success_and_decodes_the_result() {
    let s = server(3, || Reply::json(200, &example("runs", "run-success"))).await;
    let api = client(&s).build_api().unwrap();
    let run = api.run_agent_and_wait(request(), &fast()).await.unwrap();
    assert_eq!(run.status, RunStatus::Success);
    let result = RunResult::of(&run).unwrap();
    assert!(matches!(result, RunResult::Message(ref m) if m.role == "assistant"));
    assert_eq!(
        result.text(),
        "Security scan complete. No critical findings."
    );
    let requests = s.requests();
    assert_eq!(requests.len(), 5, "trigger + 3 in_progress + final");
    let run_id = example("agents", "run-accepted")["runId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        requests[1..]
            .iter()
            .all(|r| r.target == format!("/v1/runs/{run_id}"))
    );
}

#[tokio::test]
async fn plain_text_result_falls_back_to_text() {
    let s = server(0, || Reply::json(200, &example("runs", "run-plain-result"))).await;
    let api = client(&s).build_api().unwrap();
    let run = api.run_agent_and_wait(request(), &fast()).await.unwrap();
    assert_eq!(
        RunResult::of(&run),
        Some(RunResult::Text(
            "Security scan complete. No critical findings.".into()
        ))
    );
}

#[tokio::test]
async fn failure_is_a_terminal_status_not_a_wait_error() {
    let s = server(1, || Reply::json(200, &run("failure", Value::Null))).await;
    let api = client(&s).build_api().unwrap();
    let run = api.run_agent_and_wait(request(), &fast()).await.unwrap();
    assert_eq!(run.status, RunStatus::Failure);
    assert_eq!(RunResult::of(&run), None);
}

#[tokio::test]
async fn a_404_on_the_run_ends_the_wait() {
    let s = server(2, || {
        Reply::json(
            404,
            &json!({"error": "Not found", "message": "Run not found."}),
        )
    })
    .await;
    let api = client(&s).build_api().unwrap();
    match api.run_agent_and_wait(request(), &fast()).await {
        Err(WaitError::RunNotFound { body, .. }) => assert_eq!(body.message, "Run not found."),
        other => panic!("{other:?}"),
    }
    assert_eq!(s.requests().len(), 4, "no poll after the 404");
}

#[tokio::test]
async fn polling_is_bounded_by_attempts_and_by_time() {
    let s = server(usize::MAX, || unreachable!()).await;
    let api = client(&s).build_api().unwrap();
    let options = WaitOptions {
        max_attempts: 4,
        ..fast()
    };
    match api.run_agent_and_wait(request(), &options).await {
        Err(e @ WaitError::TimedOut { attempts: 4, .. }) => {
            assert!(
                e.to_string().contains("still in progress after 4 polls"),
                "{e}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.requests().len(), 5);
    let options = WaitOptions {
        max_wait: Duration::from_millis(150),
        max_attempts: u32::MAX,
        ..fast()
    };
    let err = api.wait_for_run("run-x", &options).await.unwrap_err();
    assert!(matches!(err, WaitError::TimedOut { .. }), "{err:?}");
}

#[tokio::test]
async fn a_server_error_while_polling_is_a_poll_error() {
    let s = server(1, || {
        Reply::json(
            500,
            &json!({"error": "Internal Server Error", "message": "db"}),
        )
    })
    .await;
    let api = client(&s).build_api().unwrap();
    let err = api
        .run_agent_and_wait(request(), &fast())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, WaitError::Poll { error, .. } if error.status() == Some(reqwest::StatusCode::INTERNAL_SERVER_ERROR)),
        "{err:?}"
    );
}
