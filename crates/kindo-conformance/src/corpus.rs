//! The corpora this checker reads next to the documents:
//!
//! - `examples/**.json`: documented payloads that must conform (format of
//!   `crates/kindo-openapi/src/corpus.rs`, parsed here independently so this crate needs no
//!   spec-building code);
//! - `negative/**.json`: payloads that must be rejected, each with the JSON pointer the first
//!   real cause must be reported at.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::error::InputError;

/// Whether a payload is a request body or a response body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Request,
    Response,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Request => "request",
            Direction::Response => "response",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // provenance is read by people, not by the checker
struct Source {
    #[serde(default)]
    inventory: Option<String>,
    pages: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleFile {
    operations: Vec<String>,
    /// Restricts the operations to one document (needed when another document has an
    /// operation with the same id).
    #[serde(default)]
    document: Option<String>,
    direction: Direction,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default = "json_media_type")]
    media_type: String,
    /// Pairing key; only affects where generation embeds the example.
    #[serde(default)]
    #[allow(dead_code)]
    scenario: Option<String>,
    /// Parameter values of the documented call. Generation embeds them as parameter
    /// `examples`, which the document-examples check validates.
    #[serde(default)]
    #[allow(dead_code)]
    parameters: serde_json::Map<String, Value>,
    summary: String,
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
    #[allow(dead_code)]
    source: Source,
    value: Value,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct NegativeFile {
    operation: String,
    #[serde(default)]
    document: Option<String>,
    direction: Direction,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default = "json_media_type")]
    media_type: String,
    /// Why the payload must be rejected.
    description: String,
    expect_error_at: String,
    value: Value,
}

fn json_media_type() -> String {
    "application/json".to_owned()
}

/// Where a payload belongs: operation(s), direction, status and media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub operations: Vec<String>,
    /// The document the operations belong to, when the file names one.
    pub document: Option<String>,
    pub direction: Direction,
    pub status: Option<u16>,
    pub media_type: String,
}

impl Target {
    /// `response 200 application/json`.
    pub fn describe(&self) -> String {
        match self.status {
            Some(s) => format!("{} {s} {}", self.direction.as_str(), self.media_type),
            None => format!("{} {}", self.direction.as_str(), self.media_type),
        }
    }
}

/// A payload that must conform.
#[derive(Debug, Clone)]
pub struct Example {
    pub path: PathBuf,
    pub name: String,
    pub summary: String,
    pub target: Target,
    pub value: Value,
}

/// A payload that must be rejected at `expect_error_at`.
#[derive(Debug, Clone)]
pub struct Negative {
    pub path: PathBuf,
    pub description: String,
    pub target: Target,
    pub expect_error_at: String,
    pub value: Value,
}

/// Loads `dir/**.json` as examples; a missing directory is an empty corpus.
pub fn load_examples(dir: &Path) -> Result<Vec<Example>, InputError> {
    let mut out = Vec::new();
    for path in json_files(dir)? {
        let file: ExampleFile = parse(&path)?;
        if file.operations.is_empty() {
            return Err(malformed(
                &path,
                "`operations` must name at least one operationId",
            ));
        }
        let target = Target {
            operations: file.operations,
            document: file.document,
            direction: file.direction,
            status: file.status,
            media_type: file.media_type,
        };
        check_status(&path, &target)?;
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        out.push(Example {
            path,
            name,
            summary: file.summary,
            target,
            value: file.value,
        });
    }
    Ok(out)
}

/// Loads `dir/**.json` as negative examples; a missing directory is an empty corpus.
pub fn load_negatives(dir: &Path) -> Result<Vec<Negative>, InputError> {
    let mut out = Vec::new();
    for path in json_files(dir)? {
        let file: NegativeFile = parse(&path)?;
        if !(file.expect_error_at.is_empty() || file.expect_error_at.starts_with('/')) {
            return Err(malformed(
                &path,
                "`expect_error_at` must be a JSON pointer (\"\" or starting with '/')",
            ));
        }
        let target = Target {
            operations: vec![file.operation],
            document: file.document,
            direction: file.direction,
            status: file.status,
            media_type: file.media_type,
        };
        check_status(&path, &target)?;
        out.push(Negative {
            path,
            description: file.description,
            target,
            expect_error_at: file.expect_error_at,
            value: file.value,
        });
    }
    Ok(out)
}

fn parse<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, InputError> {
    let text = std::fs::read_to_string(path).map_err(|e| malformed(path, &e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| malformed(path, &e.to_string()))
}

fn check_status(path: &Path, target: &Target) -> Result<(), InputError> {
    match (target.direction, target.status) {
        (Direction::Response, None) => Err(malformed(path, "a response needs a `status`")),
        (Direction::Request, Some(_)) => Err(malformed(path, "a request must not have a `status`")),
        _ => Ok(()),
    }
}

fn malformed(path: &Path, message: &str) -> InputError {
    InputError::Malformed {
        path: path.to_path_buf(),
        message: message.to_owned(),
    }
}

/// Every `*.json` below `dir`, sorted; a missing `dir` yields none.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let mut out = Vec::new();
    if dir.exists() {
        collect(dir, &mut out)?;
    }
    out.sort();
    Ok(out)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let io = |e: std::io::Error| InputError::Spec {
        path: dir.to_path_buf(),
        message: format!("cannot read corpus directory: {e}"),
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}
