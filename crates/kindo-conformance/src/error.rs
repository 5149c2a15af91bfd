//! Bad input: everything that stops a run before any payload is judged. Each class has its own
//! exit code so CI scripts can tell "the spec is broken" from "our corpus is broken" from "the
//! deployment is unreachable".

use std::fmt;
use std::path::PathBuf;

/// Exit codes of the `kindo-conformance` binary (also listed in `--help` and the README).
pub mod exit {
    /// Every check passed.
    pub const OK: u8 = 0;
    /// At least one check failed (an example rejected, a negative accepted, a coverage gap, drift).
    pub const FAILED: u8 = 1;
    /// Bad command line or missing environment variable.
    pub const USAGE: u8 = 2;
    /// The spec directory or one of its `*.openapi.json` documents cannot be read or compiled,
    /// or the corpus directory cannot be read.
    pub const SPEC: u8 = 3;
    /// A corpus file (example or negative example) is not valid JSON or not in the corpus format.
    pub const MALFORMED: u8 = 4;
    /// A corpus file names an operation, status or media type no document declares.
    pub const UNKNOWN_TARGET: u8 = 5;
    /// `live`: the deployment could not be reached or did not answer with JSON.
    pub const LIVE: u8 = 6;
}

/// A reason to stop before (or instead of) reporting check results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Usage(String),
    Spec { path: PathBuf, message: String },
    Malformed { path: PathBuf, message: String },
    UnknownTarget { path: PathBuf, message: String },
    Live(String),
}

impl InputError {
    /// The process exit code for this class of error.
    pub fn exit_code(&self) -> u8 {
        match self {
            InputError::Usage(_) => exit::USAGE,
            InputError::Spec { .. } => exit::SPEC,
            InputError::Malformed { .. } => exit::MALFORMED,
            InputError::UnknownTarget { .. } => exit::UNKNOWN_TARGET,
            InputError::Live(_) => exit::LIVE,
        }
    }

    /// A short machine-readable name of the class.
    pub fn kind(&self) -> &'static str {
        match self {
            InputError::Usage(_) => "usage",
            InputError::Spec { .. } => "spec",
            InputError::Malformed { .. } => "malformed_corpus_file",
            InputError::UnknownTarget { .. } => "unknown_target",
            InputError::Live(_) => "live",
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One line each: newlines inside foreign messages (serde, io) are flattened.
        let line = match self {
            InputError::Usage(m) => format!("usage: {m}"),
            InputError::Spec { path, message } => {
                format!("spec error: {}: {message}", path.display())
            }
            InputError::Malformed { path, message } => {
                format!("malformed corpus file: {}: {message}", path.display())
            }
            InputError::UnknownTarget { path, message } => {
                format!("unknown target: {}: {message}", path.display())
            }
            InputError::Live(m) => format!("live error: {m}"),
        };
        f.write_str(&line.replace(['\n', '\r'], " "))
    }
}

impl std::error::Error for InputError {}
