//! `cargo xtask gen`: the only writer of `spec/` (3.1 documents, their 3.0.3 renditions and the
//! list of published documents) and of the generated client in
//! `crates/kindo-client/src/generated/`. Generation is pure: [`outputs`] computes every file in
//! memory from the workspace's types and its example corpus (refusing an example its schema
//! rejects), [`stale`] and [`orphans`] compare them with the tree, and [`apply`] replaces the
//! stale files and removes the orphans all-or-nothing.

pub mod bench;
mod civil;
pub mod cli;
pub mod client;
mod client_modules;
mod client_rewrites;
mod convert;
pub mod diff;
pub mod docs;
mod error;
mod examples;
mod files;
mod lock;
mod orphans;
mod outputs;
pub mod release;
pub mod stream_events;
mod transaction;

pub use client_modules::PATH as CLIENT_MODULES;
pub use convert::run as oas30;
pub use error::XtaskError;
pub use files::{Stale, stale};
pub use lock::GenLock;
pub use orphans::orphans;
pub use outputs::{MANIFEST, Output, client_path, outputs, outputs_for};
pub use transaction::{Applied, apply, write_all};

use std::path::{Path, PathBuf};

/// The workspace `cargo xtask` works on, found at run time: the nearest directory at or above
/// the current one whose `Cargo.toml` declares `[workspace]`. Its `corpus/` is the input read
/// and its `spec/` (with the client's `generated/`) the tree written (compile-time paths would tie a binary to the checkout
/// that built it).
pub fn workspace_root() -> Result<PathBuf, XtaskError> {
    let cwd = std::env::current_dir().map_err(|e| XtaskError::Io {
        path: PathBuf::from("."),
        message: format!("cannot read the current directory: {e}"),
    })?;
    find_workspace(&cwd).ok_or_else(|| {
        XtaskError::Usage(format!(
            "no Cargo.toml declaring [workspace] in {} or above: run from the checkout or pass --root",
            cwd.display()
        ))
    })
}

/// The nearest directory at or above `start` whose `Cargo.toml` has a `[workspace]` table.
pub fn find_workspace(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
        manifest
            .lines()
            .any(|line| line.trim() == "[workspace]")
            .then(|| dir.to_path_buf())
    })
}
