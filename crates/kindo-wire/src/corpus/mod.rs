//! The example corpus as stored (in `corpus/` at the workspace root, see [`layout`]): one JSON
//! file per documented payload below `examples/` (payloads that must conform, embedded by the
//! documents crate into the published files and judged by the checker) and below `negative/`
//! (payloads the documents must reject).
//!
//! A file names its target: the operation(s), the direction, the status of a response and the
//! media type. The same `operationId` may exist in several documents; when those are
//! different routes the file must name its `document`. An example file looks like:
//!
//! ```json
//! {
//!   "operations": ["listModels"],
//!   "document": "optional: kindo-api, when another document reuses the id",
//!   "direction": "response",
//!   "status": 200,
//!   "media_type": "application/json",
//!   "scenario": "optional-pairing-key",
//!   "parameters": { "include_agents": true },
//!   "summary": "One-line summary",
//!   "description": "Optional notes, e.g. how the docs abridged it",
//!   "source": { "inventory": "E15", "pages": ["https://docs.kindo.ai/..."] },
//!   "value": { "object": "list", "data": [] }
//! }
//! ```
//!
//! A negative file has one `operation`, a `description` of why it must be rejected and the
//! JSON pointer `expect_error_at` where the first real cause must be reported.

mod format;
pub mod layout;
mod load;
mod target;

pub use format::{Direction, ExampleFile, NegativeFile, Source, Target};
pub use load::{CorpusError, CorpusErrorKind, json_files, load_examples, load_negatives};
pub use target::{Route, ambiguity, find_operation, not_found};
