//! The published Kindo OpenAPI documents.
//!
//! [`documents`] is the single entry point: it assembles every published OpenAPI 3.1 document
//! from the operation stubs in this crate (declared per area with `area!`, whose bodies all come
//! from `kindo-types`) and embeds the example corpus stored under `corpus/examples/`
//! (hand-written input, kept apart from the generated files). `cargo xtask gen` serialises the
//! result into `spec/`; nothing else writes those files.

mod api;
mod area;
mod base;
mod conventions;
pub mod corpus;
mod error;
mod koda;
mod llm;
pub mod oas30;
mod portable;
pub mod sse;

use std::path::{Path, PathBuf};

pub use error::Error;
use serde_json::Value;

/// One published document.
#[derive(Debug, Clone)]
pub struct Document {
    /// File stem under `spec/`, e.g. `kindo-api` → `spec/kindo-api.openapi.json`.
    pub name: &'static str,
    /// The contract's own semver (`info.version`), from [`REGISTRY`].
    pub version: &'static str,
    /// The Rust client's module and cargo feature for this document (`kindo_client::api`).
    pub client_module: &'static str,
    /// The canonical OpenAPI 3.1 document, examples embedded.
    pub value: Value,
}

/// The `corpus/` directory of the checkout this crate was built from (for tests and tools of
/// this checkout). `cargo xtask gen` resolves its workspace at run time and calls
/// [`documents_from`] instead.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(corpus::layout::DIR)
}

/// Every published document, with the examples of this checkout's corpus embedded.
pub fn documents() -> Result<Vec<Document>, Error> {
    documents_with_corpus(&corpus_dir())
}

/// Every published document, with the examples of the corpus at `corpus_dir` (its
/// `examples/`) embedded.
pub fn documents_with_corpus(corpus_dir: &Path) -> Result<Vec<Document>, Error> {
    documents_from(REGISTRY, corpus_dir)
}

/// The documents of `registry` (e.g. [`REGISTRY`] plus one more, in a test), with the examples
/// of the corpus at `corpus_dir` (its `examples/`) embedded.
pub fn documents_from(
    registry: &[Registration],
    corpus_dir: &Path,
) -> Result<Vec<Document>, Error> {
    let mut docs = bare_documents_from(registry)?;
    let examples = corpus::load(&corpus::layout::examples_dir(corpus_dir))?;
    corpus::embed(&mut docs, &examples)?;
    Ok(docs)
}

/// Every published document without examples, as built from the types.
pub fn bare_documents() -> Result<Vec<Document>, Error> {
    bare_documents_from(REGISTRY)
}

/// The documents of `registry` without examples.
pub fn bare_documents_from(registry: &[Registration]) -> Result<Vec<Document>, Error> {
    let to_value = |name: &'static str, doc: utoipa::openapi::OpenApi| {
        let mut value = serde_json::to_value(doc).map_err(|e| Error::Build {
            document: name,
            message: e.to_string(),
        })?;
        portable::shape(&mut value).map_err(|message| Error::Build {
            document: name,
            message,
        })?;
        match sse::describe_streams(&mut value).first() {
            None => Ok(value),
            Some(pointer) => Err(Error::Build {
                document: name,
                message: format!(
                    "{pointer}: a text/event-stream response must name its event schema, one with a table in kindo_types::stream_events::STREAMS"
                ),
            }),
        }
    };
    registry
        .iter()
        .map(|r| {
            let mut value = to_value(r.name, (r.build)())?;
            value["info"]["version"] = Value::String(r.version.to_owned());
            Ok(Document {
                name: r.name,
                version: r.version,
                client_module: r.client_module,
                value,
            })
        })
        .collect()
}

/// One published document: where it is written, what builds it and what the Rust client calls
/// it.
#[derive(Debug, Clone, Copy)]
pub struct Registration {
    pub name: &'static str,
    /// The contract version, independent of the crate version. Released contracts live in
    /// `spec/released/<name>/<version>.openapi.json`; `cargo xtask gen --check` refuses a change
    /// that breaks clients (an ERR in `cargo xtask diff`) without a major bump (a minor bump
    /// while below 1.0), and a bump with no change.
    pub version: &'static str,
    /// The module of `kindo-client` holding this document's generated client, and the cargo
    /// feature that compiles it (`cargo xtask gen` writes the module list from this).
    pub client_module: &'static str,
    pub build: fn() -> utoipa::openapi::OpenApi,
}

/// Every published document. Publishing another API is one entry here (plus its operations and
/// examples): `cargo xtask gen` writes its files, its 3.0.3 rendition and its client module (the
/// client's module list included), and conformance and the CI gates pick it up from `spec/`.
/// The client's cargo feature of the same name is declared in `crates/kindo-client/Cargo.toml`
/// (a test of xtask checks that every entry has one).
///
/// First versions are 0.1.0: the contracts are still being reshaped against Kindo's docs, and
/// below 1.0 semver lets a breaking change ship as a minor bump (0.1 → 0.2) while a patch bump
/// stays additive, so teams can pin `0.1.x` safely. 1.0.0 is for when the shapes settle.
pub const REGISTRY: &[Registration] = &[
    Registration {
        name: "kindo-api",
        version: "0.1.0",
        client_module: "api",
        build: api::document,
    },
    Registration {
        name: "kindo-llm",
        version: "0.1.0",
        client_module: "llm",
        build: llm::document,
    },
    Registration {
        name: "koda-control-plane",
        version: "0.1.0",
        client_module: "koda",
        build: koda::document,
    },
];
