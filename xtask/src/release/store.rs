//! The released contracts: `spec/released/<document>/<version>.openapi.json`, never edited,
//! and `spec/released/SHA256SUMS` (the `sha256sum` format) that pins each file's bytes.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::sha256::hex_digest;
use super::version::Version;
use crate::XtaskError;

pub const RELEASED: &str = "spec/released";
pub const MANIFEST: &str = "spec/released/SHA256SUMS";

/// Path (relative to the workspace root) of a released contract.
pub fn released_path(document: &str, version: Version) -> PathBuf {
    PathBuf::from(format!("{RELEASED}/{document}/{version}.openapi.json"))
}

pub fn changelog_path(document: &str) -> PathBuf {
    PathBuf::from(format!("{RELEASED}/{document}/CHANGELOG.md"))
}

fn io(path: &Path, e: std::io::Error) -> XtaskError {
    XtaskError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// The released versions of `document`, oldest first.
pub fn versions(root: &Path, document: &str) -> Result<Vec<Version>, XtaskError> {
    let dir = root.join(RELEASED).join(document);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(&dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let name = entry.map_err(|e| io(&dir, e))?.file_name();
        let name = name.to_string_lossy();
        let Some(stem) = name.strip_suffix(".openapi.json") else {
            continue;
        };
        let v = Version::parse(stem).ok_or_else(|| {
            XtaskError::Input(format!(
                "{RELEASED}/{document}/{name}: the file name is not `<MAJOR.MINOR.PATCH>.openapi.json`"
            ))
        })?;
        out.push(v);
    }
    out.sort();
    Ok(out)
}

/// Reads a JSON file as a document (exit 3 when it is missing or not JSON).
pub fn read_json(path: &Path) -> Result<Value, XtaskError> {
    let text = fs::read_to_string(path)
        .map_err(|e| XtaskError::Input(format!("{}: cannot read: {e}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| XtaskError::Input(format!("{}: not JSON: {e}", path.display())))
}

/// The latest release of `document`, if any.
pub fn latest(root: &Path, document: &str) -> Result<Option<(Version, Value)>, XtaskError> {
    let Some(v) = versions(root, document)?.pop() else {
        return Ok(None);
    };
    Ok(Some((
        v,
        read_json(&root.join(released_path(document, v)))?,
    )))
}

/// Parses the manifest into (digest, path under `spec/released`) pairs.
pub fn manifest(root: &Path) -> Result<Vec<(String, String)>, XtaskError> {
    let path = root.join(MANIFEST);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(&path, e)),
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            l.split_once("  ")
                .map(|(d, p)| (d.to_owned(), p.to_owned()))
                .ok_or_else(|| {
                    XtaskError::Input(format!(
                        "{MANIFEST}:{}: expected `<sha256>  <document>/<version>.openapi.json`",
                        i + 1
                    ))
                })
        })
        .collect()
}

/// The manifest text with `entry` added, sorted by path.
pub fn manifest_with(root: &Path, entry: (String, String)) -> Result<String, XtaskError> {
    let mut entries = manifest(root)?;
    entries.retain(|(_, p)| *p != entry.1);
    entries.push(entry);
    entries.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(entries.iter().map(|(d, p)| format!("{d}  {p}\n")).collect())
}

/// Every way the released files differ from the manifest: a file edited, added by hand or
/// deleted. Each problem is one line naming the file.
pub fn verify(root: &Path) -> Result<Vec<String>, XtaskError> {
    let mut problems = Vec::new();
    let listed = manifest(root)?;
    let released = root.join(RELEASED);
    let mut on_disk = Vec::new();
    if let Ok(dirs) = fs::read_dir(&released) {
        for dir in dirs.flatten() {
            if !dir.path().is_dir() {
                continue;
            }
            let document = dir.file_name().to_string_lossy().into_owned();
            for v in versions(root, &document)? {
                on_disk.push(format!("{document}/{v}.openapi.json"));
            }
        }
    }
    for (digest, path) in &listed {
        let full = released.join(path);
        match fs::read(&full) {
            Ok(bytes) if hex_digest(&bytes) == *digest => {}
            Ok(_) => problems.push(format!(
                "{RELEASED}/{path}: changed after release (released contracts are never edited; \
                 release a new version instead)"
            )),
            Err(_) => problems.push(format!(
                "{RELEASED}/{path}: listed in {MANIFEST} but missing"
            )),
        }
    }
    for path in on_disk {
        if !listed.iter().any(|(_, p)| *p == path) {
            problems.push(format!(
                "{RELEASED}/{path}: not in {MANIFEST} (write releases with `cargo xtask release`)"
            ));
        }
    }
    Ok(problems)
}
