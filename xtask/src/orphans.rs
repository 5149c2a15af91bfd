//! Orphans: documents under `spec/` or `spec/oas30/` that no registry entry produces (a renamed
//! or removed document's old files, a stray copy). They would otherwise be validated, linted
//! and downloaded as if published, so `--check` fails on them and `gen` removes them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::{Output, XtaskError};

/// The folders that hold published documents, relative to the root.
const DOCUMENT_DIRS: [&str; 2] = ["spec", "spec/oas30"];

/// Every `*.openapi.json` / `*.openapi.yaml` in the document folders under `root` that is not
/// one of `outputs`, sorted, relative to `root`.
pub fn orphans(root: &Path, outputs: &[Output]) -> Result<Vec<PathBuf>, XtaskError> {
    let mut found = Vec::new();
    for dir in DOCUMENT_DIRS {
        let entries = match fs::read_dir(root.join(dir)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                return Err(XtaskError::Io {
                    path: root.join(dir),
                    message: e.to_string(),
                });
            }
        };
        for entry in entries {
            let entry = entry.map_err(|e| XtaskError::Io {
                path: root.join(dir),
                message: e.to_string(),
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let document = name.ends_with(".openapi.json") || name.ends_with(".openapi.yaml");
            let path = Path::new(dir).join(&name);
            if document && entry.path().is_file() && !outputs.iter().any(|o| o.path == path) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_document_folders_hold_orphans_and_the_corpus_is_input() {
        let root = tempfile::tempdir().unwrap();
        let write = |rel: &str| {
            let path = root.path().join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "{}").unwrap();
        };
        for rel in [
            "spec/kindo-api.openapi.json",
            "spec/stray.openapi.yaml",
            "spec/oas30/old.openapi.json",
            // The hand-written corpus, however its files are named, is never generated.
            "corpus/stray.openapi.json",
            "corpus/examples/models/copy.openapi.json",
            "corpus/negative/x.openapi.yaml",
        ] {
            write(rel);
        }
        let outputs = [Output {
            path: PathBuf::from("spec/kindo-api.openapi.json"),
            contents: String::new(),
        }];
        assert_eq!(
            orphans(root.path(), &outputs).unwrap(),
            [
                PathBuf::from("spec/oas30/old.openapi.json"),
                PathBuf::from("spec/stray.openapi.yaml")
            ]
        );
    }
}
