//! The binary end to end: the real corpus passes; a mutated copy fails naming file, operation
//! and pointer; each class of bad input has its own exit code and a one-line message.

mod common;

use common::*;
use serde_json::{Value, json};

#[test]
fn the_published_corpus_passes() {
    let spec = spec_dir();
    let out = run(&["check", "--spec-dir", spec.to_str().unwrap()], &[]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("conformance: ") && last.contains(" 0 failed"),
        "{last}"
    );
    // Examples, document examples, negatives and coverage all ran.
    let json = run(
        &["--spec-dir", spec.to_str().unwrap(), "--format", "json"],
        &[],
    );
    let report: Value = serde_json::from_str(&stdout(&json)).unwrap();
    for check in ["example", "document_example", "negative", "coverage"] {
        let n = outcomes(&report).filter(|o| o["check"] == check).count();
        assert!(n > 0, "no {check} outcome");
    }
    assert_eq!(report["summary"]["failed"], 0);
}

#[test]
fn a_mutated_example_is_reported_with_file_operation_and_pointer() {
    let dir = copy_spec();
    let file = dir.path().join("corpus/examples/runs/run-success.json");
    edit_json(&file, |v| v["value"]["status"] = json!(7));
    let out = run(&["--spec-dir", &dir_arg(&dir)], &[]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let line = stdout(&out)
        .lines()
        .find(|l| l.starts_with("FAIL"))
        .unwrap()
        .to_owned();
    // Named by its path in the corpus directory, found beside the spec directory.
    assert!(
        line.contains("corpus/examples/runs/run-success.json"),
        "{line}"
    );
    assert!(line.contains("getRun"), "{line}");
    assert!(line.contains("at /status:"), "{line}");
    assert!(line.contains("response 200 application/json"), "{line}");

    let out = run(&["--spec-dir", &dir_arg(&dir), "--format", "json"], &[]);
    assert_eq!(code(&out), 1);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let failed: Vec<&Value> = outcomes(&report)
        .filter(|o| o["status"] == "fail")
        .collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["operation"], "getRun");
    assert_eq!(failed[0]["failures"][0]["pointer"], "/status");
    assert!(
        failed[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("run-success.json")
    );
}

#[test]
fn corpus_dir_names_a_corpus_kept_anywhere() {
    let dir = copy_spec();
    let elsewhere = dir.path().join("payloads");
    std::fs::rename(dir.path().join("corpus"), &elsewhere).unwrap();
    edit_json(&elsewhere.join("examples/runs/run-success.json"), |v| {
        v["value"]["status"] = json!(7)
    });
    // Without it, nothing is beside the documents: only they are checked, and they pass.
    let out = run(&["--spec-dir", &dir_arg(&dir), "--no-coverage"], &[]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let corpus = elsewhere.to_str().unwrap();
    let out = run(&["--spec-dir", &dir_arg(&dir), "--corpus-dir", corpus], &[]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(
        stdout(&out).lines().any(|l| l.starts_with("FAIL [example]")
            && l.contains("payloads/examples/runs/run-success.json")),
        "{}",
        stdout(&out)
    );
    // A named corpus directory that does not exist is bad input, not an empty corpus.
    let missing = dir.path().join("corpus");
    let missing = missing.to_str().unwrap();
    let out = run(
        &["--spec-dir", &dir_arg(&dir), "--corpus-dir", missing],
        &[],
    );
    assert_one_line_error(&out, 3, &[missing, "corpus directory not found"]);
    let out = run(
        &[
            "coverage",
            "--spec-dir",
            &dir_arg(&dir),
            "--corpus-dir",
            missing,
        ],
        &[],
    );
    assert_one_line_error(&out, 3, &["corpus directory not found"]);
    // `live` reads no corpus.
    let out = run(&["live", "--corpus-dir", corpus], &[]);
    assert_one_line_error(&out, 2, &["--corpus-dir"]);
}

#[test]
fn a_nested_missing_field_is_reported_at_the_field() {
    let dir = copy_spec();
    let file = dir.path().join("corpus/examples/agents/agents-list.json");
    edit_json(&file, |v| {
        v["value"]["items"][0]["metadata"]["userPermissions"][1] = json!("own");
        v["value"]["items"][0]
            .as_object_mut()
            .unwrap()
            .remove("creatorName");
    });
    let out = run(&["--spec-dir", &dir_arg(&dir), "--format", "json"], &[]);
    assert_eq!(code(&out), 1);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let failed = outcomes(&report).find(|o| o["status"] == "fail").unwrap();
    let pointers: Vec<&str> = failed["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["pointer"].as_str().unwrap())
        .collect();
    // Deepest first: the bad enum value, then the missing property.
    assert_eq!(
        pointers,
        [
            "/items/0/metadata/userPermissions/1",
            "/items/0/creatorName"
        ]
    );
}

#[test]
fn a_negative_example_that_passes_or_fails_elsewhere_is_a_failure() {
    let dir = copy_spec();
    let neg = dir
        .path()
        .join("corpus/negative/runs/run-status-not-in-enum.json");
    edit_json(&neg, |v| v["value"]["status"] = json!("success"));
    let out = run(&["--spec-dir", &dir_arg(&dir)], &[]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.starts_with("FAIL [negative]")
            && l.contains("run-status-not-in-enum.json")
            && l.contains("was accepted")),
        "{text}"
    );

    edit_json(&neg, |v| v["expect_error_at"] = json!("/runId"));
    edit_json(&neg, |v| v["value"]["status"] = json!("done"));
    let out = run(&["--spec-dir", &dir_arg(&dir)], &[]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.contains("rejected at /status instead of /runId"),
        "{text}"
    );
}

#[test]
fn coverage_lists_what_is_missing() {
    let dir = copy_spec();
    // Remove the example from the corpus and from the published document.
    std::fs::remove_file(dir.path().join("corpus/examples/runs/run-evals.json")).unwrap();
    edit_json(&dir.path().join("spec/kindo-api.openapi.json"), |v| {
        let media = v
            .pointer_mut(
                "/paths/~1v1~1runs~1{runId}~1evals/get/responses/200/content/application~1json",
            )
            .unwrap();
        media.as_object_mut().unwrap().remove("examples");
    });
    let out = run(&["coverage", "--spec-dir", &dir_arg(&dir)], &[]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let fails: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| l.starts_with("FAIL"))
        .map(str::to_owned)
        .collect();
    assert_eq!(fails.len(), 1, "{fails:?}");
    assert!(
        fails[0].contains("getRunEvals response 200 application/json"),
        "{}",
        fails[0]
    );
    // The same gap fails `check`, unless coverage is left out.
    assert_eq!(code(&run(&["--spec-dir", &dir_arg(&dir)], &[])), 1);
    assert_eq!(
        code(&run(&["--spec-dir", &dir_arg(&dir), "--no-coverage"], &[])),
        0
    );
}

fn assert_one_line_error(out: &std::process::Output, code_expected: i32, needles: &[&str]) {
    assert_eq!(code(out), code_expected, "stderr: {}", stderr(out));
    let err = stderr(out);
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err}");
    for n in needles {
        assert!(err.contains(n), "{n:?} not in {err}");
    }
    assert!(
        stdout(out).is_empty(),
        "half-written report: {}",
        stdout(out)
    );
}

#[test]
fn unreadable_spec_dir_exits_3() {
    let out = run(&["--spec-dir", "/nonexistent/kindo-spec"], &[]);
    assert_one_line_error(&out, 3, &["/nonexistent/kindo-spec"]);
    let empty = tempfile::tempdir().unwrap();
    let out = run(&["--spec-dir", empty.path().to_str().unwrap()], &[]);
    assert_one_line_error(&out, 3, &["no *.openapi.json"]);
    let dir = copy_spec();
    std::fs::write(
        dir.path().join("spec/kindo-api.openapi.json"),
        "{\"openapi\": ",
    )
    .unwrap();
    let out = run(&["--spec-dir", &dir_arg(&dir)], &[]);
    assert_one_line_error(&out, 3, &["kindo-api.openapi.json", "not valid JSON"]);
}

#[test]
fn malformed_example_exits_4() {
    let dir = copy_spec();
    std::fs::write(
        dir.path().join("corpus/examples/runs/broken.json"),
        "{ not json",
    )
    .unwrap();
    let out = run(&["--spec-dir", &dir_arg(&dir)], &[]);
    assert_one_line_error(&out, 4, &["broken.json"]);

    let dir = copy_spec();
    edit_json(
        &dir.path().join("corpus/examples/runs/run-success.json"),
        |v| {
            v.as_object_mut().unwrap().remove("status");
        },
    );
    let out = run(&["--spec-dir", &dir_arg(&dir)], &[]);
    assert_one_line_error(&out, 4, &["run-success.json", "status"]);

    let dir = copy_spec();
    edit_json(
        &dir.path()
            .join("corpus/negative/runs/run-missing-run-id.json"),
        |v| {
            v.as_object_mut().unwrap().remove("expect_error_at");
        },
    );
    let out = run(&["--spec-dir", &dir_arg(&dir)], &[]);
    assert_one_line_error(&out, 4, &["run-missing-run-id.json", "expect_error_at"]);
}

#[test]
fn unknown_operation_or_status_exits_5() {
    let dir = copy_spec();
    edit_json(
        &dir.path().join("corpus/examples/runs/run-success.json"),
        |v| {
            v["operations"] = json!(["getRunz"]);
        },
    );
    let out = run(&["--spec-dir", &dir_arg(&dir), "--format", "json"], &[]);
    assert_eq!(code(&out), 5);
    let err = stderr(&out);
    assert!(
        err.contains("run-success.json") && err.contains("getRunz"),
        "{err}"
    );
    let body: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(body["error"]["kind"], "unknown_target");
    assert_eq!(body["error"]["exit_code"], 5);

    let dir = copy_spec();
    edit_json(
        &dir.path().join("corpus/examples/runs/run-success.json"),
        |v| {
            v["status"] = json!(201);
        },
    );
    let out = run(&["--spec-dir", &dir_arg(&dir)], &[]);
    assert_one_line_error(&out, 5, &["run-success.json", "getRun", "response 201"]);
}

#[test]
fn bad_command_line_exits_2() {
    assert_one_line_error(&run(&["--format", "xml"], &[]), 2, &["--format"]);
    assert_one_line_error(&run(&["--spec-dir"], &[]), 2, &["--spec-dir needs a value"]);
    assert_one_line_error(
        &run(&["--corpus-dir"], &[]),
        2,
        &["--corpus-dir needs a value"],
    );
    assert_one_line_error(&run(&["frobnicate"], &[]), 2, &["frobnicate"]);
    assert_one_line_error(&run(&["live"], &[]), 2, &["KINDO_BASE_URL"]);
    let help = run(&["--help"], &[]);
    assert_eq!(code(&help), 0);
    assert!(stdout(&help).contains("EXIT CODES"));
}
