//! The published Kindo OpenAPI documents.
//!
//! [`documents`] is the single entry point: it assembles every published OpenAPI 3.1 document
//! from the `#[utoipa::path]` stubs in this crate (whose bodies all come from `kindo-types`) and
//! embeds the example corpus stored under `spec/examples/`. `cargo xtask gen` serialises the
//! result into `spec/`; nothing else writes those files.

mod api;
mod base;
pub mod corpus;
mod error;
mod llm;
pub mod oas30;
pub mod sse;

use std::path::{Path, PathBuf};

pub use error::Error;
use serde_json::Value;

/// One published document.
#[derive(Debug, Clone)]
pub struct Document {
    /// File stem under `spec/`, e.g. `kindo-api` → `spec/kindo-api.openapi.json`.
    pub name: &'static str,
    /// The host the document describes.
    pub host: &'static str,
    /// The canonical OpenAPI 3.1 document, examples embedded.
    pub value: Value,
}

/// The workspace's `spec/` directory (where the example corpus lives and documents are written).
pub fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec")
}

/// Every published document, with the example corpus from `spec/examples` embedded.
pub fn documents() -> Result<Vec<Document>, Error> {
    documents_with_corpus(&spec_dir().join("examples"))
}

/// Every published document, with the example corpus read from `corpus_dir`.
pub fn documents_with_corpus(corpus_dir: &Path) -> Result<Vec<Document>, Error> {
    let mut docs = bare_documents()?;
    let examples = corpus::load(corpus_dir)?;
    corpus::embed(&mut docs, &examples)?;
    Ok(docs)
}

/// Every published document without examples, as built from the types.
pub fn bare_documents() -> Result<Vec<Document>, Error> {
    let to_value = |name: &'static str, doc: utoipa::openapi::OpenApi| {
        let mut value = serde_json::to_value(doc).map_err(|e| Error::Build {
            document: name,
            message: e.to_string(),
        })?;
        match sse::describe_streams(&mut value).first() {
            None => Ok(value),
            Some(pointer) => Err(Error::Build {
                document: name,
                message: format!(
                    "{pointer}: a text/event-stream response must name its event schema"
                ),
            }),
        }
    };
    Ok(vec![
        Document {
            name: "kindo-api",
            host: "api.kindo.ai",
            value: to_value("kindo-api", api::document())?,
        },
        Document {
            name: "kindo-llm",
            host: "llm.kindo.ai",
            value: to_value("kindo-llm", llm::document())?,
        },
    ])
}
