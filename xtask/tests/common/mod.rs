//! Helpers shared by the xtask integration tests.
#![allow(dead_code)] // each test file uses its own subset

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use xtask::{outputs, workspace_root, write_all};

pub fn root() -> PathBuf {
    workspace_root().expect("tests run inside the workspace")
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let dest = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            fs::copy(&path, &dest).unwrap();
        }
    }
}

/// A temporary workspace: this checkout's example corpus plus everything generated from it.
pub fn generated_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("corpus/examples"),
        &dir.path().join("corpus/examples"),
    );
    write_all(dir.path(), &outputs(dir.path()).unwrap()).unwrap();
    dir
}

pub fn xtask(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .unwrap()
}

pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.display().to_string(), fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// `xtask` with `args`, run in `dir`.
pub fn xtask_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// Files whose name marks them as a temporary or backup of a run.
pub fn leftovers(dir: &Path) -> Vec<String> {
    snapshot(dir)
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| name.contains(".xtask-"))
        .collect()
}

/// `chattr +i` on a path for as long as the guard lives (`chattr -i` on drop), so even root
/// cannot write it. `None`, with the reason printed, where `chattr` is unavailable.
pub struct Immutable(PathBuf);

impl Immutable {
    pub fn set(path: &Path) -> Option<Immutable> {
        match Command::new("chattr").arg("+i").arg(path).output() {
            Ok(out) if out.status.success() => Some(Immutable(path.to_path_buf())),
            Ok(out) => {
                eprintln!(
                    "skipped: `chattr +i {}` failed: {}",
                    path.display(),
                    String::from_utf8_lossy(&out.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("skipped: chattr is unavailable: {e}");
                None
            }
        }
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

/// Asserts that a run exited with `code` (showing its stderr when not) and gives its stderr.
#[track_caller]
pub fn exited(out: &std::process::Output, code: i32) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    stderr
}

/// Rewrites the text file at `path` through `edit`.
pub fn edit_text(path: &Path, edit: impl FnOnce(String) -> String) {
    let text = fs::read_to_string(path).unwrap();
    fs::write(path, edit(text)).unwrap();
}

/// Asserts that a run exited with `code` (showing its stderr when not) and gives its stdout.
#[track_caller]
pub fn printed(out: &std::process::Output, code: i32) -> String {
    exited(out, code);
    String::from_utf8_lossy(&out.stdout).into_owned()
}
