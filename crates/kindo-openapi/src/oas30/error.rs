//! Conversion failures. Every error carries the JSON pointer of the construct at fault, so the
//! one-line message is enough to find it in the 3.1 document.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Oas30Error {
    /// JSON pointer into the input document (RFC 6901, `~0`/`~1` escaped).
    pub pointer: String,
    pub kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// `openapi` is missing or is not a 3.1.x version.
    UnsupportedVersion(String),
    /// A construct with no 3.0.3 equivalent; the string names it.
    Untranslatable(String),
    /// A keyword outside the 3.0.3 Schema Object (rule 10).
    UnknownKeyword(String),
    /// The document is structurally wrong where the converter needs structure.
    Malformed(String),
    /// A client-shaping rule cannot produce input progenitor accepts.
    Unshapeable(String),
    /// A `$ref` that names nothing, or a reference cycle that never enters the payload.
    Reference(String),
}

impl Oas30Error {
    pub(crate) fn new(pointer: &str, kind: ErrorKind) -> Self {
        Oas30Error {
            pointer: pointer.to_owned(),
            kind,
        }
    }
}

impl fmt::Display for Oas30Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        match &self.kind {
            ErrorKind::UnsupportedVersion(v) => {
                write!(f, "{at}: expected an OpenAPI 3.1.x document, found `{v}`")
            }
            ErrorKind::Untranslatable(what) => {
                write!(f, "{at}: no OpenAPI 3.0.3 equivalent: {what}")
            }
            ErrorKind::UnknownKeyword(k) => {
                write!(
                    f,
                    "{at}: keyword `{k}` is not part of the OpenAPI 3.0.3 Schema Object"
                )
            }
            ErrorKind::Malformed(what) => write!(f, "{at}: malformed document: {what}"),
            ErrorKind::Unshapeable(what) => write!(f, "{at}: cannot shape for progenitor: {what}"),
            ErrorKind::Reference(what) => write!(f, "{at}: $ref {what}"),
        }
    }
}

impl std::error::Error for Oas30Error {}

pub type Result<T> = std::result::Result<T, Oas30Error>;

/// `base` + `/` + `token`, escaped per RFC 6901.
pub(crate) use kindo_wire::pointer::push;
