//! Comparing generated output with the tree.

use std::fs;
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
