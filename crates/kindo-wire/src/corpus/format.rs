//! The two corpus file formats and the target they name.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::pointer::escape;

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

/// Where an example was documented (read by people; the documents crate publishes the pages).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id of the reference material the payload was taken from (`E1`..`E66`), when it has one.
    #[serde(default)]
    pub inventory: Option<String>,
    /// The documentation pages that show the payload.
    pub pages: Vec<String>,
}

/// One `examples/` file as stored.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleFile {
    /// `operationId`s the payload is documented for (at least one).
    pub operations: Vec<String>,
    /// Restricts `operations` to one document (its file stem, e.g. `koda-control-plane`).
    /// Required when another document has an operation with the same id on another route.
    #[serde(default)]
    pub document: Option<String>,
    pub direction: Direction,
    /// Required for responses, absent for requests.
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default = "json_media_type")]
    pub media_type: String,
    /// Pairing key shared by a request and a response documented together: the example's
    /// key under `examples` when given, else the file stem.
    #[serde(default)]
    pub scenario: Option<String>,
    /// Parameter values of the documented call, by parameter name (embedded as that
    /// parameter's `examples` under the same key).
    #[serde(default)]
    pub parameters: Map<String, Value>,
    pub summary: String,
    #[serde(default)]
    pub description: Option<String>,
    pub source: Source,
    pub value: Value,
}

impl ExampleFile {
    pub fn target(&self) -> Target {
        Target {
            operations: self.operations.clone(),
            document: self.document.clone(),
            direction: self.direction,
            status: self.status,
            media_type: self.media_type.clone(),
        }
    }
}

/// One `negative/` file as stored.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NegativeFile {
    pub operation: String,
    #[serde(default)]
    pub document: Option<String>,
    pub direction: Direction,
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default = "json_media_type")]
    pub media_type: String,
    /// Why the payload must be rejected.
    pub description: String,
    /// JSON pointer into `value` where the first real cause must be reported.
    pub expect_error_at: String,
    pub value: Value,
}

impl NegativeFile {
    pub fn target(&self) -> Target {
        Target {
            operations: vec![self.operation.clone()],
            document: self.document.clone(),
            direction: self.direction,
            status: self.status,
            media_type: self.media_type.clone(),
        }
    }
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

    /// Pointer of the Media Type Object this target names in the operation at `operation`
    /// (a pointer such as `/paths/~1v1~1models/get`), whether or not it exists.
    pub fn media_pointer(&self, operation: &str) -> String {
        let media = escape(&self.media_type);
        match self.direction {
            Direction::Request => format!("{operation}/requestBody/content/{media}"),
            Direction::Response => format!(
                "{operation}/responses/{}/content/{media}",
                self.status.unwrap_or_default()
            ),
        }
    }
}
