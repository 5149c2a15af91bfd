//! `cargo xtask diff`: what a change to a document does to the clients of its old version.
//!
//! The comparison is semantic and direction-aware: references are resolved (a `$ref` and the
//! same schema inline compare equal), and each schema is compared by what it accepts, knowing
//! whether it describes a request (the new version may only accept more) or a response (it may
//! only promise more). Every finding carries a rule id from [`rules::catalog`], whose level is
//! fixed: ERR breaks an existing client, WARN may break one, INFO cannot.

mod branches;
mod canonical;
pub mod cli;
mod document;
pub mod gate;
mod operations;
mod refs;
pub mod report;
pub mod rules;
mod schema;
mod streams;
mod view;

use std::collections::HashSet;

use serde_json::Value;

/// How bad a change is for a client of the old version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Err,
    Warn,
    Info,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Err => "ERR",
            Level::Warn => "WARN",
            Level::Info => "INFO",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub rule: String,
    pub level: Level,
    /// `METHOD /path` of the operation, or `None` for document-wide changes (servers,
    /// security schemes).
    pub operation: Option<String>,
    /// Where the change is, as a JSON pointer into the documents along the path a client takes
    /// (references followed), e.g. `/paths/~1v1~1runs/get/responses/200/content/…/properties/id`.
    pub pointer: String,
    pub message: String,
}

/// Every change from `old` to `new` (two OpenAPI 3.0 or 3.1 documents), in document order.
pub fn compare(old: &Value, new: &Value) -> Vec<Change> {
    let mut ctx = Ctx::new(old, new);
    document::compare(&mut ctx);
    operations::compare(&mut ctx);
    ctx.changes
}

/// Whether any change breaks clients.
pub fn has_err(changes: &[Change]) -> bool {
    changes.iter().any(|c| c.level == Level::Err)
}

/// Which side of the wire a schema is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Dir {
    Request,
    Response,
}

impl Dir {
    fn as_str(self) -> &'static str {
        match self {
            Dir::Request => "request",
            Dir::Response => "response",
        }
    }
}

/// The comparison state: both documents (for references), the current operation and findings.
pub(crate) struct Ctx<'a> {
    pub old: &'a Value,
    pub new: &'a Value,
    pub operation: Option<String>,
    pub changes: Vec<Change>,
    /// Reference pairs being compared (cycle protection).
    pub in_progress: Vec<RefPair>,
    /// Reference pairs (and positions) already compared without a finding: compared once.
    pub clean: HashSet<(RefPair, &'static str)>,
    /// Within one stream, every reference pair (and position) compared so far: an event's
    /// payload that the stream's data schema already compared is not reported twice.
    pub once: Option<HashSet<(RefPair, &'static str)>>,
}

/// Two references (old, new) compared on one side of the wire.
pub(crate) type RefPair = (String, String, Dir);

impl<'a> Ctx<'a> {
    fn new(old: &'a Value, new: &'a Value) -> Self {
        Ctx {
            old,
            new,
            operation: None,
            changes: Vec::new(),
            in_progress: Vec::new(),
            clean: HashSet::new(),
            once: None,
        }
    }

    /// Records a change; its level comes from the catalog.
    pub fn emit(&mut self, rule: &str, pointer: &str, message: String) {
        self.changes.push(Change {
            rule: rule.to_owned(),
            level: rules::level(rule),
            operation: self.operation.clone(),
            pointer: pointer.to_owned(),
            message,
        });
    }

    /// Records `on` (rule, message) when a flag turned on from `old` to `new`, `off` when it
    /// turned off.
    pub fn toggled(&mut self, (old, new): (bool, bool), ptr: &str, on: [&str; 2], off: [&str; 2]) {
        if old != new {
            let [rule, message] = if new { on } else { off };
            self.emit(rule, ptr, message.to_owned());
        }
    }
}

/// Escapes one JSON-pointer token.
pub(crate) fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
