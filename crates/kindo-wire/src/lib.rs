//! The facts both sides of the pipeline read, in one serde-only crate: the documents crate
//! writes with them, and the checker, the mock, the client and the tests read with them.
//!
//! - [`pointer`]: JSON pointers (RFC 6901) and local `$ref`s (`#/...` URI fragments);
//! - [`refs`]: the `$ref` sanity rule (nothing dangling, no in-place cycle);
//! - [`corpus`]: the example-corpus file format, its loader and how a file names its target;
//! - [`sse`]: the one `text/event-stream` parser, incremental, with a whole-text helper;
//! - [`sse_events`]: a stream's published event table (`x-sse-events`), its reader and a walker
//!   over a document's streams.
//!
//! No utoipa, no jsonschema, no HTTP stack: the client depends on this crate.

pub mod corpus;
pub mod pointer;
pub mod refs;
pub mod sse;
pub mod sse_events;
