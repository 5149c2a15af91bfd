//! All-or-nothing replacement of generated files.
//!
//! Every new file is first written in full to a temporary file beside its target (a name unique
//! to this process and change, so concurrent runs never share one). Only when all of them are
//! on disk are they committed, one rename each, after keeping the file they replace under a
//! backup name. When any step fails, every file already replaced is put back from its backup,
//! every removed orphan restored, and every temporary, backup and created folder removed: the
//! tree is as it was.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::{Output, XtaskError, stale};

/// What [`apply`] changed, paths relative to the root.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub written: Vec<PathBuf>,
    pub removed: Vec<PathBuf>,
}

/// Writes every stale output under `root`, all-or-nothing. Returns the paths written.
pub fn write_all(root: &Path, outputs: &[Output]) -> Result<Vec<PathBuf>, XtaskError> {
    apply(root, outputs, &[]).map(|applied| applied.written)
}

/// Writes every stale output and removes every file of `remove` (paths relative to `root`),
/// all-or-nothing.
pub fn apply(root: &Path, outputs: &[Output], remove: &[PathBuf]) -> Result<Applied, XtaskError> {
    let stale = stale(root, outputs)?;
    let mut tx = Transaction::default();
    let result = (|| {
        for s in &stale {
            let output = outputs
                .iter()
                .find(|o| o.path == s.path)
                .expect("stale entries come from outputs");
            tx.stage_write(&root.join(&output.path), output.contents.as_bytes())?;
        }
        for path in remove {
            tx.stage_removal(&root.join(path));
        }
        tx.commit()
    })();
    match result {
        Ok(()) => {
            tx.finish();
            Ok(Applied {
                written: stale.into_iter().map(|s| s.path).collect(),
                removed: remove.to_vec(),
            })
        }
        Err(error) => Err(tx.roll_back(error)),
    }
}

/// Distinguishes the temporary names of one process.
static SEQUENCE: AtomicUsize = AtomicUsize::new(0);

/// `<dir>/.<file>.<pid>-<n>.xtask-<kind>`: hidden, unique, and in the target's folder so that
/// the final rename stays on one file system.
fn sibling(target: &Path, kind: &str) -> PathBuf {
    let n = SEQUENCE.fetch_add(1, Ordering::Relaxed);
    let name = target
        .file_name()
        .expect("targets are files")
        .to_string_lossy();
    target.with_file_name(format!(".{name}.{}-{n}.xtask-{kind}", std::process::id()))
}

fn io(path: &Path, e: std::io::Error) -> XtaskError {
    XtaskError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// One file to replace (`staged` holds its new contents) or to remove (`staged` is `None`).
struct Change {
    target: PathBuf,
    staged: Option<PathBuf>,
    /// The previous file, kept until the whole run has committed.
    backup: Option<PathBuf>,
    committed: bool,
}

#[derive(Default)]
struct Transaction {
    changes: Vec<Change>,
    /// Folders this run created (outermost first), removed again on failure.
    created_dirs: Vec<PathBuf>,
}

impl Transaction {
    fn stage_write(&mut self, target: &Path, contents: &[u8]) -> Result<(), XtaskError> {
        let dir = target.parent().expect("outputs live in a directory");
        self.create_dirs(dir)?;
        let tmp = sibling(target, "tmp");
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| io(dir, e))?;
        self.changes.push(Change {
            target: target.to_path_buf(),
            staged: Some(tmp.clone()),
            backup: None,
            committed: false,
        });
        file.write_all(contents)
            .and_then(|()| file.sync_all())
            .map_err(|e| io(&tmp, e))
    }

    fn stage_removal(&mut self, target: &Path) {
        self.changes.push(Change {
            target: target.to_path_buf(),
            staged: None,
            backup: None,
            committed: false,
        });
    }

    /// Like `create_dir_all`, remembering each folder it made.
    fn create_dirs(&mut self, dir: &Path) -> Result<(), XtaskError> {
        let missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.exists()).collect();
        for d in missing.into_iter().rev() {
            fs::create_dir(d).map_err(|e| io(d, e))?;
            self.created_dirs.push(d.to_path_buf());
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<(), XtaskError> {
        for change in &mut self.changes {
            if change.target.exists() {
                let backup = sibling(&change.target, "bak");
                keep(&change.target, &backup)?;
                change.backup = Some(backup);
            }
            match &change.staged {
                Some(tmp) => fs::rename(tmp, &change.target),
                None => fs::remove_file(&change.target),
            }
            .map_err(|e| io(&change.target, e))?;
            change.committed = true;
        }
        Ok(())
    }

    /// After a successful commit: the backups are no longer needed.
    fn finish(self) {
        for change in &self.changes {
            if let Some(backup) = &change.backup
                && let Err(e) = fs::remove_file(backup)
            {
                eprintln!("warning: cannot remove {}: {e}", backup.display());
            }
        }
    }

    /// Undoes every committed change (last first) and removes what the run created. The
    /// returned error is `cause`, extended with anything that could not be undone.
    fn roll_back(self, cause: XtaskError) -> XtaskError {
        let mut problems = Vec::new();
        for change in self.changes.iter().rev() {
            if change.committed {
                let undone = match &change.backup {
                    Some(backup) => fs::rename(backup, &change.target),
                    None => fs::remove_file(&change.target),
                };
                if let Err(e) = undone {
                    problems.push(format!("cannot restore {}: {e}", change.target.display()));
                }
            } else {
                for leftover in change.backup.iter().chain(change.staged.iter()) {
                    match fs::remove_file(leftover) {
                        Ok(()) => {}
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                        Err(e) => {
                            problems.push(format!("cannot remove {}: {e}", leftover.display()))
                        }
                    }
                }
            }
        }
        for dir in self.created_dirs.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
        if problems.is_empty() {
            return cause;
        }
        match cause {
            XtaskError::Io { path, message } => XtaskError::Io {
                path,
                message: format!("{message}; rollback incomplete: {}", problems.join("; ")),
            },
            other => other,
        }
    }
}

/// Keeps the current `target` under `backup` without moving it (the target stays in place
/// until its replacement is renamed over it): a hard link, or a copy where links fail.
fn keep(target: &Path, backup: &Path) -> Result<(), XtaskError> {
    fs::hard_link(target, backup)
        .or_else(|_| fs::copy(target, backup).map(|_| ()))
        .map_err(|e| io(target, e))
}
