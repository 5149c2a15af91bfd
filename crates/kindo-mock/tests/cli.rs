//! The binary: listening lines, a clean stop on SIGTERM, bad input as one line with a distinct
//! exit code; and `kindo-conformance live` against the running mock (passes; fails under the
//! non-conforming fault).

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::spec_dir;
use kindo_conformance::live;
use kindo_mock::{Mock, Options, Spec, Surface};

fn mock_bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kindo-mock"))
}

#[test]
fn prints_one_listening_line_per_document_serves_and_stops_on_sigterm() {
    let mut child = mock_bin()
        .args([
            "--api",
            "127.0.0.1:0",
            "--llm",
            "127.0.0.1:0",
            "--koda",
            "127.0.0.1:0",
            "--seed",
            "3",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut urls = Vec::new();
    for _ in 0..3 {
        let line = lines.next().unwrap().unwrap();
        let (document, url) = line
            .strip_prefix("listening ")
            .unwrap()
            .split_once(' ')
            .unwrap();
        urls.push((document.to_owned(), url.to_owned()));
    }
    let names: Vec<&str> = urls.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(names, ["kindo-api", "kindo-llm", "koda-control-plane"]);
    // The embedded documents are served: a real request answers.
    let api = &urls[0].1;
    let rt = tokio::runtime::Runtime::new().unwrap();
    let status = rt.block_on(async {
        common::http_client()
            .get(format!("{api}/v1/models"))
            .bearer_auth("k")
            .send()
            .await
            .unwrap()
            .status()
    });
    assert_eq!(status, 200);
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

fn one_line_error(args: &[&str]) -> (i32, String) {
    let out = mock_bin().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(out.stdout.is_empty());
    (out.status.code().unwrap(), stderr)
}

#[test]
fn bad_input_is_one_line_and_a_distinct_exit_code() {
    let (code, err) = one_line_error(&["--bogus", "1"]);
    assert_eq!(code, 2, "{err}");
    let (code, err) = one_line_error(&["--api", "not-an-address"]);
    assert_eq!(code, 2, "{err}");
    let (code, err) = one_line_error(&["--fault", "explode"]);
    assert_eq!(code, 2, "{err}");
    let (code, err) = one_line_error(&["--spec-dir", "/no/such/dir"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("/no/such/dir"));
    let dir = std::env::temp_dir().join(format!("kindo-mock-bad-spec-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for surface in kindo_mock::spec::SURFACES {
        std::fs::copy(
            spec_dir().join(format!("{}.openapi.json", surface.name())),
            dir.join(format!("{}.openapi.json", surface.name())),
        )
        .unwrap();
    }
    std::fs::write(dir.join("kindo-llm.openapi.json"), "{ not json").unwrap();
    let (code, err) = one_line_error(&["--spec-dir", dir.to_str().unwrap()]);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("kindo-llm.openapi.json") && err.contains("not valid JSON"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let (code, err) = one_line_error(&[
        "--api",
        "127.0.0.1:0",
        "--llm",
        &addr,
        "--koda",
        "127.0.0.1:0",
    ]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains(&addr) && err.contains("kindo-llm"), "{err}");
}

fn live_against(options: Options) -> kindo_conformance::Report {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let running = rt
        .block_on(kindo_mock::start_local(Mock::new(
            Spec::embedded().unwrap(),
            options,
        )))
        .unwrap();
    let base = running.url(Surface::Api);
    let config = live::Config::from_lookup(|name| match name {
        "KINDO_BASE_URL" => Some(base.clone()),
        "KINDO_API_KEY" => Some("live-key".into()),
        _ => None,
    })
    .unwrap();
    let spec = kindo_conformance::Spec::load(&spec_dir()).unwrap();
    let report = live::run(&spec, &config).unwrap();
    rt.block_on(running.stop());
    report
}

#[test]
fn conformance_live_passes_against_the_mock_and_fails_under_the_nonconforming_fault() {
    let report = live_against(Options::default());
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert!(report.passed(), "{json}");
    assert_eq!(json["summary"]["passed"], 4, "{json}");
    let report = live_against(Options {
        faults: Some("nonconforming".into()),
        ..Options::default()
    });
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert!(!report.passed());
    // listModels and listAgents fail; with no parsable agent list, the id-following calls skip.
    assert_eq!(json["summary"]["failed"], 2, "{json}");
    assert_eq!(
        json["outcomes"][0]["failures"][0]["keyword"], "type",
        "{json}"
    );
}
