//! Shared by the integration tests: the real spec and corpus directories, copies of them to
//! mutate, and the built binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn spec_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec")
}

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// A temporary copy of the repository's layout: the published documents in `spec/` and the
/// corpus (examples, negatives) beside them in `corpus/`, where the checker looks by default.
pub fn copy_spec() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&spec_dir(), &dir.path().join("spec"));
    copy_dir(&corpus_dir(), &dir.path().join("corpus"));
    dir
}

/// The `spec/` of a [`copy_spec`] tree, as a command-line argument.
pub fn dir_arg(dir: &tempfile::TempDir) -> String {
    dir.path().join("spec").to_str().unwrap().to_owned()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Reads, edits and writes back a JSON file.
pub fn edit_json(path: &Path, f: impl FnOnce(&mut serde_json::Value)) {
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    f(&mut value);
    std::fs::write(path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
}

/// Runs the binary with `args` and no KINDO_* variables from the caller's environment.
pub fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kindo-conformance"));
    cmd.args(args);
    for name in [
        "KINDO_BASE_URL",
        "KINDO_API_KEY",
        "KINDO_AGENT_ID",
        "KINDO_RUN_ID",
        "KINDO_AUTH",
    ] {
        cmd.env_remove(name);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

/// The outcomes of a `--format json` report.
pub fn outcomes(report: &serde_json::Value) -> std::slice::Iter<'_, serde_json::Value> {
    report["outcomes"].as_array().unwrap().iter()
}

/// `kindo-conformance live` against the published spec with a JSON report, `env` set.
pub fn live_json(env: &[(&str, &str)]) -> Output {
    let spec = spec_dir();
    let args = [
        "live",
        "--spec-dir",
        spec.to_str().unwrap(),
        "--format",
        "json",
    ];
    run(&args, env)
}

/// A server on 127.0.0.1 that hands each connection to `handle`, one after the other, until
/// the test process ends; gives its base URL.
pub fn serve_each(mut handle: impl FnMut(std::net::TcpStream) + Send + 'static) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            handle(stream);
        }
    });
    base
}
