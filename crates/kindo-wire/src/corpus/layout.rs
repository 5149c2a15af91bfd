//! Where a corpus keeps its files. The corpus is hand-written input, so it has a folder of its
//! own (`corpus/` at the workspace root) rather than living among the generated documents.

use std::path::{Path, PathBuf};

/// The corpus folder, relative to the workspace root.
pub const DIR: &str = "corpus";

/// Below a corpus folder: payloads that must conform.
pub const EXAMPLES: &str = "examples";

/// Below a corpus folder: payloads the documents must reject.
pub const NEGATIVES: &str = "negative";

/// The `examples/` folder of the corpus at `corpus`.
pub fn examples_dir(corpus: &Path) -> PathBuf {
    corpus.join(EXAMPLES)
}

/// The `negative/` folder of the corpus at `corpus`.
pub fn negatives_dir(corpus: &Path) -> PathBuf {
    corpus.join(NEGATIVES)
}
