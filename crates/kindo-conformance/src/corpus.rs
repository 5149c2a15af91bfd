//! The corpus this checker judges against the documents, in `kindo-wire`'s file format (the
//! same definition the documents crate embeds from), in a directory of its own:
//!
//! - `examples/**.json`: documented payloads that must conform;
//! - `negative/**.json`: payloads that must be rejected, each with the JSON pointer the first
//!   real cause must be reported at.

use std::path::{Path, PathBuf};

use kindo_wire::corpus::{self, CorpusError, CorpusErrorKind, layout};
use serde_json::Value;

pub use kindo_wire::corpus::{Direction, Target};

use crate::error::InputError;

/// A payload that must conform.
#[derive(Debug, Clone)]
pub struct Example {
    pub path: PathBuf,
    /// The file stem.
    pub name: String,
    pub summary: String,
    pub target: Target,
    pub value: Value,
}

/// A payload that must be rejected at `expect_error_at`.
#[derive(Debug, Clone)]
pub struct Negative {
    pub path: PathBuf,
    pub description: String,
    pub target: Target,
    pub expect_error_at: String,
    pub value: Value,
}

/// The corpus directory used when none is named: `corpus` beside the spec directory, which is
/// this repository's layout (`spec/` and `corpus/` at the root).
pub fn beside(spec_dir: &Path) -> PathBuf {
    match spec_dir.file_name() {
        Some(_) => spec_dir.with_file_name(layout::DIR),
        // `.`, `..` or `/`: no name to replace.
        None => spec_dir.join("..").join(layout::DIR),
    }
}

/// Loads `dir/**.json` as examples; a missing directory is an empty corpus.
pub fn load_examples(dir: &Path) -> Result<Vec<Example>, InputError> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let files = corpus::load_examples(dir).map_err(input_error)?;
    Ok(files
        .into_iter()
        .map(|(path, file)| Example {
            name: path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned(),
            path,
            summary: file.summary.clone(),
            target: file.target(),
            value: file.value,
        })
        .collect())
}

/// Loads `dir/**.json` as negative examples; a missing directory is an empty corpus.
pub fn load_negatives(dir: &Path) -> Result<Vec<Negative>, InputError> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let files = corpus::load_negatives(dir).map_err(input_error)?;
    Ok(files
        .into_iter()
        .map(|(path, file)| Negative {
            path,
            description: file.description.clone(),
            target: file.target(),
            expect_error_at: file.expect_error_at,
            value: file.value,
        })
        .collect())
}

fn input_error(e: CorpusError) -> InputError {
    match e.kind {
        CorpusErrorKind::Folder(message) => InputError::Spec {
            path: e.path,
            message: format!("cannot read corpus directory: {message}"),
        },
        CorpusErrorKind::Read(message) | CorpusErrorKind::Malformed(message) => {
            InputError::Malformed {
                path: e.path,
                message,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_corpus_is_the_sibling_of_the_spec_directory() {
        assert_eq!(beside(Path::new("spec")), Path::new("corpus"));
        assert_eq!(beside(Path::new("spec/")), Path::new("corpus"));
        assert_eq!(
            beside(Path::new("/w/kindo/spec")),
            Path::new("/w/kindo/corpus")
        );
        assert_eq!(beside(Path::new("./spec")), Path::new("./corpus"));
        assert_eq!(beside(Path::new(".")), Path::new("./../corpus"));
        assert_eq!(beside(Path::new("/")), Path::new("/../corpus"));
    }
}
