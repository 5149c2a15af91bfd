//! Comparing generated output with the tree, and replacing files atomically.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use similar::TextDiff;

use crate::{Output, XtaskError};

/// A generated file whose checked-in copy differs from what generation produces.
#[derive(Debug)]
pub struct Stale {
    /// Path relative to the workspace root.
    pub path: PathBuf,
    /// A unified diff from the checked-in copy to the generated one (empty side when the file
    /// is missing).
    pub diff: String,
}

/// Lines of diff printed per stale file; the rest is summarised.
const DIFF_LINES: usize = 60;

/// The outputs whose file under `root` is missing or different.
pub fn stale(root: &Path, outputs: &[Output]) -> Result<Vec<Stale>, XtaskError> {
    let mut stale = Vec::new();
    for output in outputs {
        let full = root.join(&output.path);
        let current = match fs::read_to_string(&full) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                return Err(XtaskError::Io {
                    path: full,
                    message: e.to_string(),
                });
            }
        };
        if current.as_deref() == Some(output.contents.as_str()) {
            continue;
        }
        let old = current.unwrap_or_default();
        let name = output.path.display().to_string();
        let diff = TextDiff::from_lines(&old, &output.contents)
            .unified_diff()
            .context_radius(2)
            .header(
                &format!("{name} (checked in)"),
                &format!("{name} (generated)"),
            )
            .to_string();
        stale.push(Stale {
            path: output.path.clone(),
            diff: truncate_lines(&diff, DIFF_LINES),
        });
    }
    Ok(stale)
}

fn truncate_lines(text: &str, max: usize) -> String {
    let total = text.lines().count();
    if total <= max {
        return text.to_owned();
    }
    let mut kept: String = text.lines().take(max).flat_map(|l| [l, "\n"]).collect();
    kept.push_str(&format!("... ({} more diff lines)\n", total - max));
    kept
}

/// Writes every stale output under `root`. All new contents are first written to temporary
/// files beside their targets; only when every one of them is on disk are they renamed into
/// place, so a failure leaves the tree exactly as it was. Returns the paths written.
pub fn write_all(root: &Path, outputs: &[Output]) -> Result<Vec<PathBuf>, XtaskError> {
    let stale = stale(root, outputs)?;
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let result = stage(root, outputs, &stale, &mut staged).and_then(|()| {
        for (tmp, target) in &staged {
            fs::rename(tmp, target).map_err(|e| XtaskError::Io {
                path: target.clone(),
                message: e.to_string(),
            })?;
        }
        Ok(())
    });
    if result.is_err() {
        for (tmp, _) in &staged {
            let _ = fs::remove_file(tmp);
        }
    }
    result.map(|()| stale.into_iter().map(|s| s.path).collect())
}

fn stage(
    root: &Path,
    outputs: &[Output],
    stale: &[Stale],
    staged: &mut Vec<(PathBuf, PathBuf)>,
) -> Result<(), XtaskError> {
    for s in stale {
        let output = outputs
            .iter()
            .find(|o| o.path == s.path)
            .expect("stale entries come from outputs");
        let target = root.join(&output.path);
        let io = |path: &Path, e: std::io::Error| XtaskError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        };
        let dir = target.parent().expect("outputs live in a directory");
        fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        let file_name = target
            .file_name()
            .expect("outputs are files")
            .to_string_lossy();
        let tmp = dir.join(format!(".{file_name}.xtask-tmp"));
        let mut file = fs::File::create(&tmp).map_err(|e| io(&tmp, e))?;
        staged.push((tmp.clone(), target.clone()));
        file.write_all(output.contents.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| io(&tmp, e))?;
    }
    Ok(())
}
