//! The `cargo xtask` command line as a whole: help for every subcommand exits 0 with its usage
//! on stdout, the top-level help names every subcommand, and `--root` is read the same way by
//! every command that takes it (a missing or repeated value is a usage error, exit 2).

mod common;

use common::{exited, printed, xtask};

const SUBCOMMANDS: &[&str] = &["gen", "bench", "diff", "release", "docs", "oas30"];

#[test]
fn every_subcommand_prints_its_usage_for_help_and_exits_0() {
    for command in SUBCOMMANDS {
        for args in [
            vec![*command, "--help"],
            vec![*command, "-h"],
            vec!["help", *command],
        ] {
            let out = xtask(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                stdout.contains(&format!("cargo xtask {command}")),
                "{args:?}: {stdout}"
            );
            assert!(out.stderr.is_empty(), "{args:?}");
        }
    }
    // Help wins over other arguments, even ones that would be errors.
    let out = xtask(&["docs", "--port", "x", "--help"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_top_level_help_lists_every_subcommand() {
    let out = xtask(&["help"]);
    let help = printed(&out, 0);
    for command in SUBCOMMANDS {
        assert!(
            help.contains(&format!("    cargo xtask {command}")),
            "usage line of {command}"
        );
        assert!(
            help.lines().any(|l| l.starts_with(command)),
            "a paragraph on {command}: {help}"
        );
    }
    // The short usage of a bad command line points at all of them too.
    let out = xtask(&["frobnicate"]);
    let stderr = exited(&out, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for command in SUBCOMMANDS {
        assert!(stderr.contains(command), "{command}: {stderr}");
    }
}

#[test]
fn root_is_read_alike_by_every_command() {
    for command in ["gen", "docs", "diff", "release"] {
        let out = xtask(&[command, "--root"]);
        assert_eq!(out.status.code(), Some(2), "{command} --root");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("`--root` needs a directory"),
            "{command}: {stderr}"
        );
        let out = xtask(&[command, "--root", "/a", "--root", "/b"]);
        assert_eq!(out.status.code(), Some(2), "{command} --root twice");
        assert!(String::from_utf8_lossy(&out.stderr).contains("`--root` given twice"));
    }
    // `--root` may stand anywhere among the other arguments.
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.json");
    std::fs::write(
        &doc,
        r#"{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}"#,
    )
    .unwrap();
    let doc = doc.to_str().unwrap();
    let root = dir.path().to_str().unwrap();
    let out = xtask(&["diff", doc, "--root", root, doc]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 ERR, 0 WARN, 0 INFO"));
}
