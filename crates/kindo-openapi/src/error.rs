//! Errors raised while assembling the documents. Each one names the file, operation or JSON
//! pointer at fault so that the one-line message is enough to fix it.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum Error {
    /// A document could not be serialised.
    Build {
        document: &'static str,
        message: String,
    },
    /// The example corpus directory (or a file in it) could not be read.
    Io { path: PathBuf, message: String },
    /// An example file is not valid JSON or lacks a required field.
    MalformedExample { path: PathBuf, message: String },
    /// An example names an operation, status or media type that no document declares.
    UnknownTarget { path: PathBuf, message: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Build { document, message } => {
                write!(f, "cannot build document {document}: {message}")
            }
            Error::Io { path, message } => write!(f, "{}: {message}", path.display()),
            Error::MalformedExample { path, message } => {
                write!(f, "{}: malformed example: {message}", path.display())
            }
            Error::UnknownTarget { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for Error {}
