//! One `gen` at a time per workspace: an advisory lock on the root folder itself (so no lock
//! file is left in the tree). A second run waits for the first, then finds nothing stale.
//! The renames of [`crate::apply`] use per-process names, so even without the lock (platforms
//! other than Unix) concurrent runs of the same generator cannot corrupt each other's files.

use std::fs::File;
use std::path::Path;

use crate::XtaskError;

/// Held for as long as it lives; released when dropped (or when the process ends).
pub struct GenLock {
    _dir: Option<File>,
}

impl GenLock {
    /// Takes the lock on `root`, telling the user when it has to wait for another run.
    pub fn acquire(root: &Path) -> Result<GenLock, XtaskError> {
        let io = |e: std::io::Error| XtaskError::Io {
            path: root.to_path_buf(),
            message: format!("cannot lock the workspace: {e}"),
        };
        let dir = File::open(root).map_err(io)?;
        #[cfg(unix)]
        {
            use rustix::fs::{FlockOperation, flock};
            if flock(&dir, FlockOperation::NonBlockingLockExclusive).is_err() {
                eprintln!(
                    "xtask: another `cargo xtask gen` is running in {}; waiting for it",
                    root.display()
                );
                flock(&dir, FlockOperation::LockExclusive).map_err(|e| io(e.into()))?;
            }
        }
        Ok(GenLock { _dir: Some(dir) })
    }
}
