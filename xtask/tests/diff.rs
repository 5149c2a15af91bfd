//! `cargo xtask diff` against the fixture corpus (xtask/tests/diff_fixtures/pairs, written by
//! generate.py beside it): every pair yields exactly its expected rule ids in both directions,
//! and the corpus reaches every rule of the catalog. Plus the command line's contract.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use xtask::diff::{Level, compare, rules};

use common::{printed, xtask};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff_fixtures/pairs")
}

fn fixtures() -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                value,
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn ids(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

fn found(old: &Value, new: &Value) -> BTreeSet<String> {
    compare(old, new).into_iter().map(|c| c.rule).collect()
}

#[test]
fn every_fixture_yields_its_rules_in_both_directions() {
    let all = fixtures();
    assert!(
        all.len() > 100,
        "the corpus is present ({} pairs)",
        all.len()
    );
    let mut failures = Vec::new();
    for (name, f) in &all {
        for (dir, old, new) in [
            ("forward", &f["old"], &f["new"]),
            ("reverse", &f["new"], &f["old"]),
        ] {
            let expected = ids(&f[dir]);
            let got = found(old, new);
            if got != expected {
                failures.push(format!(
                    "{name} ({dir}): expected {expected:?}\n    got {got:?}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_reaches_every_rule() {
    let catalog: BTreeSet<String> = rules::catalog().iter().map(|r| r.id.clone()).collect();
    let mut reached = BTreeSet::new();
    for (name, f) in fixtures() {
        for dir in ["forward", "reverse"] {
            for id in ids(&f[dir]) {
                assert!(
                    catalog.contains(&id),
                    "{name}: `{id}` is not a catalog rule"
                );
                reached.insert(id);
            }
        }
    }
    let missing: Vec<&String> = catalog.difference(&reached).collect();
    assert!(missing.is_empty(), "rules no fixture produces: {missing:?}");
}

/// The data schema of a stream is the union of its payloads, so a payload changed in place is
/// seen both there and at its events: it must be reported once.
#[test]
fn stream_changes_are_reported_once() {
    let streams: Vec<(String, Value)> = fixtures()
        .into_iter()
        .filter(|(n, _)| n.starts_with("stream-"))
        .collect();
    assert!(streams.len() >= 10, "{} stream pairs", streams.len());
    for (name, f) in &streams {
        for (dir, old, new) in [
            ("forward", &f["old"], &f["new"]),
            ("reverse", &f["new"], &f["old"]),
        ] {
            let changes = compare(old, new);
            assert_eq!(
                changes.len(),
                ids(&f[dir]).len(),
                "{name} ({dir}): {changes:#?}"
            );
        }
    }
}

#[test]
fn refactors_produce_no_change() {
    for (name, f) in fixtures()
        .iter()
        .filter(|(n, _)| n.starts_with("refactor-"))
    {
        assert!(ids(&f["forward"]).is_empty(), "{name} expects nothing");
        assert_eq!(compare(&f["old"], &f["new"]), vec![], "{name}");
    }
}

/// Writes a fixture's two documents to files.
fn pair_files(name: &str) -> (tempfile::TempDir, String, String) {
    let f: Value = serde_json::from_str(
        &fs::read_to_string(fixtures_dir().join(format!("{name}.json"))).unwrap(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.json");
    let new = dir.path().join("new.json");
    fs::write(&old, f["old"].to_string()).unwrap();
    fs::write(&new, f["new"].to_string()).unwrap();
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    (dir, s(&old), s(&new))
}

#[test]
fn exit_codes() {
    let (_dir, old, new) = pair_files("request-new-required-property");
    let breaking = xtask(&["diff", &old, &new]);
    let text = printed(&breaking, 1);
    assert!(
        text.contains("ERR  new-required-request-property [POST /x] /paths/~1x/post/requestBody/content/application~1json/schema/properties/b:"),
        "{text}"
    );
    assert_eq!(
        xtask(&["diff", &new, &old]).status.code(),
        Some(0),
        "removal is WARN only"
    );
    assert_eq!(xtask(&["diff", &old]).status.code(), Some(2));
    assert_eq!(
        xtask(&["diff", &old, &new, "--format", "yaml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        xtask(&["diff", &old, &new, "--colour"]).status.code(),
        Some(2)
    );
    let missing = xtask(&["diff", &old, "/nonexistent/new.json"]);
    assert_eq!(missing.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/new.json: cannot read")
    );
    let junk = tempfile::NamedTempFile::new().unwrap();
    fs::write(junk.path(), "{\"not\": \"openapi\"}").unwrap();
    let out = xtask(&["diff", &old, junk.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an OpenAPI document"));
}

#[test]
fn json_report_matches_its_published_schema() {
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("diff-report.schema.json"))
            .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for name in [
        "stream-event-removed",
        "security-scheme-added",
        "refactor-ref-extracted",
    ] {
        let (_dir, old, new) = pair_files(name);
        let out = xtask(&["diff", &old, &new, "--format", "json"]);
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&report)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert_eq!(
            report["breaking"],
            Value::Bool(out.status.code() == Some(1)),
            "{name}"
        );
    }
    // The schema is not vacuous: a report missing a field fails it.
    assert!(!validator.is_valid(&serde_json::json!({"breaking": false, "comparisons": []})));
}

#[test]
fn markdown_is_a_table() {
    let (_dir, old, new) = pair_files("success-status-added");
    let out = xtask(&["diff", &new, &old, "--format", "markdown"]);
    let md = printed(&out, 1);
    assert!(
        md.contains("| Level | Rule | Operation | Where | Change |"),
        "{md}"
    );
    assert!(
        md.contains(
            "| ERR | `response-success-status-removed` | GET /a | `/paths/~1a/get/responses/201` |"
        ),
        "{md}"
    );
}

#[test]
fn limits_break_requests_when_tightened_and_responses_when_loosened() {
    let rule = |id: &str| {
        rules::catalog()
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{id} is a rule"))
    };
    for (id, level) in [
        ("request-body-max-length-set", Level::Err),
        ("request-parameter-min-increased", Level::Err),
        ("request-property-max-items-increased", Level::Info),
        ("request-body-min-properties-unset", Level::Info),
        ("response-body-max-length-set", Level::Info),
        ("response-header-min-decreased", Level::Err),
        ("response-property-max-items-unset", Level::Err),
        ("response-body-min-properties-increased", Level::Info),
    ] {
        assert_eq!(rule(id).level, level, "{id}");
    }
    assert_eq!(
        rule("response-property-max-items-unset").summary,
        "response property: the maximum item count was dropped"
    );
    assert_eq!(
        rule("request-body-min-length-set").summary,
        "request body: a minimum length was set"
    );
}

#[test]
fn rule_catalog_is_listed() {
    let out = xtask(&["diff", "--rules"]);
    let text = printed(&out, 0);
    assert_eq!(text.lines().count(), rules::catalog().len());
    assert!(text.contains("ERR  request-property-became-required"));
}
