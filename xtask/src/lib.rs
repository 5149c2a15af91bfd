//! `cargo xtask gen`: the only writer of `spec/` (3.1 documents and their 3.0.3 renditions)
//! and of the generated client in `crates/kindo-client/src/generated/`. Generation is pure:
//! [`outputs`] computes every file in memory, [`stale`] compares them with the tree, and
//! [`write_all`] replaces the stale ones atomically.

pub mod bench;
pub mod cli;
pub mod client;
mod convert;
pub mod diff;
mod error;
mod files;
mod outputs;
pub mod release;

pub use convert::run as oas30;
pub use error::XtaskError;
pub use files::{Stale, stale, write_all};
pub use outputs::{Output, client_path, outputs};

use std::path::{Path, PathBuf};

/// The workspace root (the directory holding `spec/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}
