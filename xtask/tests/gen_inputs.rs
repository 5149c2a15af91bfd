//! What `cargo xtask gen` reads and refuses: the corpus of the workspace it runs on (found at
//! run time, or `--root`), examples their schema rejects, orphaned documents; and `--help`.

mod common;

use std::fs;
use std::path::Path;

use common::{exited, generated_tree, leftovers, snapshot, xtask, xtask_in};

fn edit_example(tree: &Path, file: &str, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = tree.join("corpus/examples").join(file);
    let mut value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    edit(&mut value);
    fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
}

#[test]
fn root_names_the_corpus_read_as_well_as_the_files_written() {
    let tree = generated_tree();
    edit_example(tree.path(), "models/models-list-single.json", |v| {
        v["summary"] = "Summary only this copy has".into();
    });
    let out = xtask(&["gen", "--root", tree.path().to_str().unwrap()]);
    exited(&out, 0);
    let doc = fs::read_to_string(tree.path().join("spec/kindo-api.openapi.json")).unwrap();
    assert!(doc.contains("Summary only this copy has"));
}

#[test]
fn without_root_the_workspace_is_found_from_the_current_directory() {
    let tree = generated_tree();
    fs::write(
        tree.path().join("Cargo.toml"),
        "[workspace]\nmembers = []\n",
    )
    .unwrap();
    edit_example(tree.path(), "models/models-list-single.json", |v| {
        v["summary"] = "Found from a subfolder".into();
    });
    let out = xtask_in(&tree.path().join("corpus/examples"), &["gen"]);
    exited(&out, 0);
    let doc = fs::read_to_string(tree.path().join("spec/kindo-llm.openapi.json")).unwrap();
    let own = fs::read_to_string(common::root().join("spec/kindo-llm.openapi.json")).unwrap();
    assert_eq!(doc, own, "kindo-llm has no listModels: unchanged");
    let api = fs::read_to_string(tree.path().join("spec/kindo-api.openapi.json")).unwrap();
    assert!(api.contains("Found from a subfolder"));
}

#[test]
fn an_example_its_schema_rejects_is_refused_with_file_and_pointer() {
    let tree = generated_tree();
    edit_example(tree.path(), "models/models-list-single.json", |v| {
        v["value"]["data"][0]["id"] = serde_json::json!(42);
    });
    let before = snapshot(tree.path());
    for args in [&["gen"][..], &["gen", "--check"]] {
        let mut args = args.to_vec();
        args.extend(["--root", tree.path().to_str().unwrap()]);
        let out = xtask(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("corpus/examples/models/models-list-single.json")
                && stderr.contains("listModels")
                && stderr.contains("at /data/0/id"),
            "{stderr}"
        );
    }
    assert!(snapshot(tree.path()) == before, "nothing written");
}

#[test]
fn an_orphaned_document_fails_check_and_gen_removes_it() {
    let tree = generated_tree();
    let root = tree.path().to_str().unwrap();
    let orphans = [
        "spec/kindo-legacy.openapi.json",
        "spec/oas30/kindo-legacy.openapi.yaml",
    ];
    for orphan in orphans {
        fs::copy(
            tree.path().join("spec/kindo-llm.openapi.json"),
            tree.path().join(orphan),
        )
        .unwrap();
    }
    let out = xtask(&["gen", "--check", "--root", root]);
    let stderr = exited(&out, 1);
    for orphan in orphans {
        assert!(stderr.contains(&format!("orphan: {orphan}")), "{stderr}");
    }
    assert!(
        tree.path().join(orphans[0]).exists(),
        "--check writes nothing"
    );

    let out = xtask(&["gen", "--root", root]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    exited(&out, 0);
    for orphan in orphans {
        assert!(stdout.contains(&format!("removed {orphan}")), "{stdout}");
        assert!(!tree.path().join(orphan).exists());
    }
    assert_eq!(leftovers(tree.path()), Vec::<String>::new());
    let out = xtask(&["gen", "--check", "--root", root]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn help_prints_usage_and_exits_0_and_a_bad_command_line_exits_2() {
    for args in [&["--help"][..], &["help"], &["-h"], &["gen", "--help"]] {
        let out = xtask(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("cargo xtask gen [--check] [--root <dir>]"),
            "{stdout}"
        );
        assert!(stdout.contains("EXIT CODES"), "{stdout}");
    }
    for args in [&[][..], &["--helpme"], &["gen", "--root"]] {
        let out = xtask(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    }
}
