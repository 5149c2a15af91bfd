//! A failed `cargo xtask gen` leaves every file as it was (no half-written tree, no temporary or
//! backup files), and concurrent runs neither fail nor disagree.

mod common;

use std::fs;
use std::path::Path;

use common::{Immutable, exited, generated_tree, leftovers, snapshot, xtask};

/// Makes some outputs of `tree` stale: a 3.1 document, a 3.0.3 rendition and the last output.
fn make_stale(tree: &Path) -> Vec<&'static str> {
    let files = vec![
        "spec/kindo-api.openapi.json",
        "spec/oas30/kindo-llm.openapi.yaml",
        "crates/kindo-client/src/generated/koda-control-plane.rs",
    ];
    for file in &files {
        fs::write(tree.join(file), "old\n").unwrap();
    }
    files
}

fn gen_in(tree: &Path) -> std::process::Output {
    xtask(&["gen", "--root", tree.to_str().unwrap()])
}

/// Asserts that a failed run left `tree` as it was (`before`), temporaries included.
#[track_caller]
fn assert_unchanged(tree: &Path, before: &[(String, Vec<u8>)]) {
    assert_eq!(leftovers(tree), Vec::<String>::new());
    assert!(snapshot(tree) == before, "the tree changed");
}

#[test]
fn an_immutable_last_output_fails_with_exit_4_and_changes_nothing() {
    let tree = generated_tree();
    let files = make_stale(tree.path());
    let last = tree.path().join(files.last().unwrap());
    let before = snapshot(tree.path());
    let Some(_guard) = Immutable::set(&last) else {
        return;
    };
    let out = gen_in(tree.path());
    let stderr = exited(&out, 4);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("koda-control-plane.rs"), "{stderr}");
    assert_unchanged(tree.path(), &before);
}

#[test]
fn a_read_only_folder_fails_with_exit_4_and_changes_nothing() {
    let tree = generated_tree();
    make_stale(tree.path());
    // spec/ is writable, so its new files are staged before spec/oas30/ refuses its own.
    let folder = tree.path().join("spec/oas30");
    let before = snapshot(tree.path());
    let Some(_guard) = Immutable::set(&folder) else {
        return;
    };
    let out = gen_in(tree.path());
    let stderr = exited(&out, 4);
    assert!(stderr.contains("spec/oas30"), "{stderr}");
    assert_unchanged(tree.path(), &before);
}

#[test]
fn four_concurrent_runs_succeed_and_leave_the_tree_of_one_run() {
    let tree = generated_tree();
    let expected = snapshot(tree.path());
    make_stale(tree.path());
    let root = tree.path().to_str().unwrap().to_owned();
    let runs: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
                .args(["gen", "--root", &root])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut rewritten = 0;
    for run in runs {
        let out = run.wait_with_output().unwrap();
        exited(&out, 0);
        let stdout = String::from_utf8_lossy(&out.stdout);
        rewritten += stdout.lines().filter(|l| l.starts_with("wrote ")).count();
    }
    // The runs took turns: the first rewrote the three stale files, the others found none.
    assert_eq!(rewritten, 3);
    assert_eq!(leftovers(tree.path()), Vec::<String>::new());
    assert!(
        snapshot(tree.path()) == expected,
        "the tree differs from one run's"
    );
}
