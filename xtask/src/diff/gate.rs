//! The semver gate of `cargo xtask gen --check`: each document against its latest release.
//!
//! A document may differ from its latest release by ERR changes only with a version that
//! allows them (a major bump, a minor bump below 1.0); a bumped version needs some change; a
//! version never goes backwards. The 3.0.3 rendition is judged against the rendition of the
//! release and must get the same verdict. The released files must match their manifest.

use std::path::Path;

use serde_json::Value;

use super::report::{summary, text_lines};
use super::{Change, Level, compare, has_err};
use crate::XtaskError;
use crate::release::store::{self, read_json};
use crate::release::version::Version;

/// The outcome for one document.
#[derive(Debug)]
pub struct Judgement {
    pub changes: Vec<Change>,
    /// Why the gate refuses, or `None` when it passes.
    pub problem: Option<String>,
}

/// `info.version` of a document.
pub fn version_of(doc: &Value) -> Option<Version> {
    doc.pointer("/info/version")
        .and_then(Value::as_str)
        .and_then(Version::parse)
}

fn without_version(doc: &Value) -> Value {
    let mut d = doc.clone();
    if let Some(info) = d.get_mut("info").and_then(Value::as_object_mut) {
        info.remove("version");
    }
    d
}

/// Judges `new` against the release `old` (whose version is `released`).
pub fn judge(released: Version, old: &Value, new: &Value) -> Judgement {
    let changes = compare(old, new);
    let Some(current) = version_of(new) else {
        return Judgement {
            changes,
            problem: Some("`info.version` is not MAJOR.MINOR.PATCH".into()),
        };
    };
    let breaking = has_err(&changes);
    let problem = if current < released {
        Some(format!(
            "version {current} is older than the latest release {released}"
        ))
    } else if current == released && breaking {
        Some(format!(
            "breaking changes ({}) since release {released} need version {} or later",
            summary(&changes),
            released.next_breaking()
        ))
    } else if current > released && breaking && !released.allows_breaking(current) {
        Some(format!(
            "breaking changes ({}) since release {released} need version {}, not {current}",
            summary(&changes),
            released.next_breaking()
        ))
    } else if current > released && without_version(old) == without_version(new) {
        Some(format!(
            "version bumped from {released} to {current} with no change to the document"
        ))
    } else {
        None
    };
    Judgement { changes, problem }
}

/// The documents published at the top of `spec/`, by file stem.
pub(crate) fn published(root: &Path) -> Result<Vec<String>, XtaskError> {
    let dir = root.join("spec");
    let entries = std::fs::read_dir(&dir).map_err(|e| XtaskError::Io {
        path: dir.clone(),
        message: e.to_string(),
    })?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.strip_suffix(".openapi.json").map(str::to_owned)
        })
        .collect();
    names.sort();
    Ok(names)
}

/// The 3.0.3 rendition of a released 3.1 contract.
fn oas30_of(name: &str, released: &Value) -> Result<Value, XtaskError> {
    kindo_openapi::oas30::to_oas30(released)
        .map_err(|e| XtaskError::Input(format!("released {name}: {e}")))
}

/// Runs the gate over the tree at `root`, printing each verdict. Returns whether it passed.
pub fn check(root: &Path) -> Result<bool, XtaskError> {
    let mut ok = true;
    for problem in store::verify(root)? {
        eprintln!("error: {problem}");
        ok = false;
    }
    for name in published(root)? {
        let Some((released, old)) = store::latest(root, &name)? else {
            println!(
                "gate: {name}: no released version yet (`cargo xtask release {name} <version>`)"
            );
            continue;
        };
        let new = read_json(&root.join(format!("spec/{name}.openapi.json")))?;
        let verdict = judge(released, &old, &new);
        let oas30_path = root.join(format!("spec/oas30/{name}.openapi.json"));
        let oas30_problem = if oas30_path.exists() {
            let rendition = judge(released, &oas30_of(&name, &old)?, &read_json(&oas30_path)?);
            let errs = |j: &Judgement| j.changes.iter().any(|c| c.level == Level::Err);
            (rendition.problem.is_some() != verdict.problem.is_some()
                || errs(&rendition) != errs(&verdict))
            .then(|| {
                format!(
                    "the 3.0.3 rendition gets a different verdict ({}) from the 3.1 document ({})",
                    summary(&rendition.changes),
                    summary(&verdict.changes)
                )
            })
        } else {
            None
        };
        match verdict.problem.or(oas30_problem) {
            None => println!(
                "gate: {name} {} against release {released}: {}",
                version_of(&new).map_or("?".into(), |v| v.to_string()),
                summary(&verdict.changes)
            ),
            Some(problem) => {
                ok = false;
                eprint!("{}", text_lines(&verdict.changes));
                eprintln!("error: spec/{name}.openapi.json: {problem}");
            }
        }
    }
    Ok(ok)
}
