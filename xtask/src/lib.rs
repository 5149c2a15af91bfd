//! `cargo xtask gen`: the only writer of `spec/` (and, later in the pipeline, of the generated
//! client). Generation is pure: [`outputs`] computes every file in memory, [`stale`] compares
//! them with the tree, and [`write_all`] replaces the stale ones atomically.

pub mod cli;
mod error;
mod files;
mod outputs;

pub use error::XtaskError;
pub use files::{Stale, stale, write_all};
pub use outputs::{Output, outputs};

use std::path::{Path, PathBuf};

/// The workspace root (the directory holding `spec/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}
