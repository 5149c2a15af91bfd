//! xtask failures, each with its own exit code so scripts can tell them apart.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum XtaskError {
    /// Bad command line (exit 2).
    Usage(String),
    /// The types, documents or example corpus are inconsistent (exit 3).
    Input(String),
    /// A file could not be read or written (exit 4). Nothing was left half-written.
    Io { path: PathBuf, message: String },
}

impl XtaskError {
    pub fn exit_code(&self) -> u8 {
        match self {
            XtaskError::Usage(_) => 2,
            XtaskError::Input(_) => 3,
            XtaskError::Io { .. } => 4,
        }
    }
}

impl fmt::Display for XtaskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            XtaskError::Usage(message) | XtaskError::Input(message) => f.write_str(message),
            XtaskError::Io { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for XtaskError {}

impl From<kindo_openapi::Error> for XtaskError {
    fn from(e: kindo_openapi::Error) -> Self {
        match e {
            // An unreadable corpus is a file problem (exit 4), not an inconsistent one.
            kindo_openapi::Error::Io { path, message } => XtaskError::Io { path, message },
            other => XtaskError::Input(other.to_string()),
        }
    }
}
