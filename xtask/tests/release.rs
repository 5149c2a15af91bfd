//! Released contracts and the semver gate on a copy of the tree: `cargo xtask release` writes
//! the frozen file, its changelog section and manifest line; `cargo xtask gen --check` (the gate
//! part) refuses breaking changes without the right bump and edits to released files.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};
use xtask::diff::gate;
use xtask::workspace_root;

use common::{edit_text, exited};

/// The published documents (3.1 and 3.0.3) and the releases, copied to a temporary root.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = workspace_root().unwrap();
    for sub in ["spec", "spec/oas30"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
        for e in fs::read_dir(root.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() && p.to_string_lossy().ends_with(".openapi.json") {
                fs::copy(&p, dir.path().join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    // gen reads the example corpus from the root it runs in.
    let copied = std::process::Command::new("cp")
        .arg("-r")
        .arg(root.join("corpus"))
        .arg(dir.path().join("corpus"))
        .status()
        .unwrap();
    assert!(copied.success());
    for e in fs::read_dir(root.join("spec/released")).unwrap() {
        let p = e.unwrap().path();
        let to = dir
            .path()
            .join("spec/released")
            .join(p.file_name().unwrap());
        if p.is_dir() {
            fs::create_dir_all(&to).unwrap();
            for f in fs::read_dir(&p).unwrap() {
                let f = f.unwrap().path();
                fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
            }
        } else {
            fs::copy(&p, &to).unwrap();
        }
    }
    dir
}

/// Edits `spec/kindo-api.openapi.json` and rewrites its 3.0.3 rendition to match.
fn edit_api(root: &Path, f: impl FnOnce(&mut Value)) {
    edit(root, "kindo-api", f);
}

fn edit(root: &Path, name: &str, f: impl FnOnce(&mut Value)) {
    let path = root.join(format!("spec/{name}.openapi.json"));
    let mut doc: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    f(&mut doc);
    fs::write(&path, serde_json::to_string_pretty(&doc).unwrap() + "\n").unwrap();
    let oas30 = kindo_openapi::oas30::to_oas30(&doc).unwrap();
    fs::write(
        root.join(format!("spec/oas30/{name}.openapi.json")),
        serde_json::to_string_pretty(&oas30).unwrap() + "\n",
    )
    .unwrap();
}

fn drop_run_status(doc: &mut Value) {
    let run = doc.pointer_mut("/components/schemas/Run").unwrap();
    run["properties"].as_object_mut().unwrap().remove("status");
    run["required"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r != "status");
}

fn set_version(v: &'static str) -> impl FnOnce(&mut Value) {
    move |doc: &mut Value| doc["info"]["version"] = json!(v)
}

fn xtask(args: &[&str], root: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .args(["--root", root.to_str().unwrap()])
        .output()
        .unwrap()
}

#[test]
fn the_checked_in_tree_passes_the_gate() {
    assert!(gate::check(&workspace_root().unwrap()).unwrap());
}

#[test]
fn a_breaking_change_needs_a_minor_bump_below_1_0() {
    let t = tree();
    assert!(gate::check(t.path()).unwrap(), "a fresh copy passes");
    edit_api(t.path(), drop_run_status);
    assert!(
        !gate::check(t.path()).unwrap(),
        "ERR at the released version"
    );
    let out = xtask(&["gen", "--check"], t.path());
    let stderr = exited(&out, 1);
    assert!(
        stderr.contains("response-required-property-removed [GET /v1/runs/{runId}]"),
        "{stderr}"
    );
    assert!(stderr.contains("need version 0.2.0 or later"), "{stderr}");
    edit_api(t.path(), set_version("0.1.1"));
    assert!(
        !gate::check(t.path()).unwrap(),
        "a patch bump is not enough"
    );
    edit_api(t.path(), set_version("0.2.0"));
    assert!(gate::check(t.path()).unwrap(), "a minor bump below 1.0 is");
}

#[test]
fn a_bump_without_change_fails_the_gate() {
    let t = tree();
    // The published kindo-llm is byte-identical to its release (koda-control-plane carries
    // unreleased description edits, which a patch bump may release).
    let published = fs::read(t.path().join("spec/kindo-llm.openapi.json")).unwrap();
    let released = fs::read(t.path().join("spec/released/kindo-llm/0.1.0.openapi.json")).unwrap();
    assert_eq!(
        published, released,
        "the premise: kindo-llm is unchanged since 0.1.0"
    );
    edit(t.path(), "kindo-llm", set_version("0.1.1"));
    assert!(!gate::check(t.path()).unwrap());
}

#[test]
fn an_edited_release_fails_the_gate() {
    let t = tree();
    let released = t.path().join("spec/released/kindo-llm/0.1.0.openapi.json");
    edit_text(&released, |text| {
        text.replacen("\"summary\"", "\"summary\" ", 1)
    });
    let problems = xtask::release::store::verify(t.path()).unwrap();
    assert_eq!(
        problems,
        vec![
            "spec/released/kindo-llm/0.1.0.openapi.json: changed after release (released \
contracts are never edited; release a new version instead)"
        ]
    );
    assert!(!gate::check(t.path()).unwrap());
}

#[test]
fn release_writes_the_file_changelog_and_manifest_or_nothing() {
    let t = tree();
    let root = t.path();
    edit_api(root, |d| {
        drop_run_status(d);
        d["info"]["version"] = json!("0.1.1");
    });
    let refused = xtask(&["release", "kindo-api", "0.1.1"], root);
    exited(&refused, 1);
    assert!(
        !root
            .join("spec/released/kindo-api/0.1.1.openapi.json")
            .exists()
    );

    let mismatch = xtask(&["release", "kindo-api", "0.2.0"], root);
    assert_eq!(mismatch.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&mismatch.stderr).contains("info.version is \"0.1.1\", not 0.2.0")
    );

    edit_api(root, set_version("0.2.0"));
    let ok = xtask(&["release", "kindo-api", "0.2.0"], root);
    exited(&ok, 0);
    let frozen = fs::read(root.join("spec/released/kindo-api/0.2.0.openapi.json")).unwrap();
    assert_eq!(
        frozen,
        fs::read(root.join("spec/kindo-api.openapi.json")).unwrap()
    );
    let log = fs::read_to_string(root.join("spec/released/kindo-api/CHANGELOG.md")).unwrap();
    let (newest, older) = (log.find("## 0.2.0").unwrap(), log.find("## 0.1.0").unwrap());
    assert!(newest < older, "newest first:\n{log}");
    assert!(log.contains("Changes since 0.1.0: 1 ERR"), "{log}");
    assert!(
        log.contains("| ERR | `response-required-property-removed` | GET /v1/runs/{runId} |"),
        "{log}"
    );
    assert_eq!(
        xtask::release::store::verify(root).unwrap(),
        Vec::<String>::new()
    );
    assert!(
        gate::check(root).unwrap(),
        "the new release is the baseline now"
    );

    let again = xtask(&["release", "kindo-api", "0.2.0"], root);
    assert_eq!(again.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already released"));
    assert_eq!(
        xtask(&["release", "kindo-api"], root).status.code(),
        Some(2)
    );
    assert_eq!(
        xtask(&["release", "kindo-api", "2"], root).status.code(),
        Some(2)
    );
}

#[test]
fn diff_defaults_to_every_document_against_its_release() {
    let t = tree();
    edit_api(t.path(), drop_run_status);
    let out = xtask(&["diff", "--format", "json"], t.path());
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let comparisons = report["comparisons"].as_array().unwrap();
    assert_eq!(comparisons.len(), 3);
    assert_eq!(
        comparisons[0]["old"],
        "spec/released/kindo-api/0.1.0.openapi.json"
    );
    assert_eq!(
        comparisons[0]["changes"][0]["rule"],
        "response-required-property-removed"
    );
    assert_eq!(comparisons[1]["changes"], json!([]));
}
