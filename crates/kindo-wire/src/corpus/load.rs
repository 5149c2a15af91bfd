//! Reading corpus files: every `*.json` below a folder, in a stable order, each checked for
//! what serde cannot say (at least one operation, a status exactly for responses).

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::format::{Direction, ExampleFile, NegativeFile};

/// A corpus file or folder that cannot be used, naming it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    pub path: PathBuf,
    pub kind: CorpusErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusErrorKind {
    /// A folder could not be listed.
    Folder(String),
    /// A file could not be read.
    Read(String),
    /// A file is not a valid corpus file.
    Malformed(String),
}

impl CorpusErrorKind {
    pub fn message(&self) -> &str {
        match self {
            CorpusErrorKind::Folder(m)
            | CorpusErrorKind::Read(m)
            | CorpusErrorKind::Malformed(m) => m,
        }
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.kind.message())
    }
}

impl std::error::Error for CorpusError {}

/// Every `*.json` file below `dir`, sorted.
pub fn json_files(dir: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    let mut out = Vec::new();
    collect(dir, &mut out)?;
    out.sort();
    Ok(out)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
    let fail = |e: std::io::Error| CorpusError {
        path: dir.to_path_buf(),
        kind: CorpusErrorKind::Folder(e.to_string()),
    };
    for entry in std::fs::read_dir(dir).map_err(fail)? {
        let path = entry.map_err(fail)?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

/// Every example file below `dir`, with its path.
pub fn load_examples(dir: &Path) -> Result<Vec<(PathBuf, ExampleFile)>, CorpusError> {
    let mut out = Vec::new();
    for path in json_files(dir)? {
        let file: ExampleFile = parse(&path)?;
        if file.operations.is_empty() {
            return Err(malformed(
                path,
                "`operations` must name at least one operationId",
            ));
        }
        check_status(&path, file.direction, file.status)?;
        out.push((path, file));
    }
    Ok(out)
}

/// Every negative file below `dir`, with its path.
pub fn load_negatives(dir: &Path) -> Result<Vec<(PathBuf, NegativeFile)>, CorpusError> {
    let mut out = Vec::new();
    for path in json_files(dir)? {
        let file: NegativeFile = parse(&path)?;
        if !(file.expect_error_at.is_empty() || file.expect_error_at.starts_with('/')) {
            return Err(malformed(
                path,
                "`expect_error_at` must be a JSON pointer (\"\" or starting with '/')",
            ));
        }
        check_status(&path, file.direction, file.status)?;
        out.push((path, file));
    }
    Ok(out)
}

fn parse<T: DeserializeOwned>(path: &Path) -> Result<T, CorpusError> {
    let text = std::fs::read_to_string(path).map_err(|e| CorpusError {
        path: path.to_path_buf(),
        kind: CorpusErrorKind::Read(e.to_string()),
    })?;
    serde_json::from_str(&text).map_err(|e| malformed(path.to_path_buf(), &e.to_string()))
}

fn check_status(path: &Path, direction: Direction, status: Option<u16>) -> Result<(), CorpusError> {
    match (direction, status) {
        (Direction::Response, None) => {
            Err(malformed(path.to_path_buf(), "a response needs a `status`"))
        }
        (Direction::Request, Some(_)) => Err(malformed(
            path.to_path_buf(),
            "a request must not have a `status`",
        )),
        _ => Ok(()),
    }
}

fn malformed(path: PathBuf, message: &str) -> CorpusError {
    CorpusError {
        path,
        kind: CorpusErrorKind::Malformed(message.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    const RESPONSE: &str = r#"{"operations": ["listModels"], "direction": "response",
        "status": 200, "summary": "s", "source": {"pages": []}, "value": {}}"#;

    #[test]
    fn files_below_the_folder_load_sorted_and_only_json() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b/two.json", RESPONSE);
        write(dir.path(), "a/one.json", RESPONSE);
        write(dir.path(), "notes.md", "not a corpus file");
        let files = load_examples(dir.path()).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|(p, _)| p.strip_prefix(dir.path()).unwrap())
            .collect();
        assert_eq!(names, [Path::new("a/one.json"), Path::new("b/two.json")]);
        let target = files[0].1.target();
        assert_eq!(target.media_type, "application/json");
        assert_eq!(target.describe(), "response 200 application/json");
        assert_eq!(
            target.media_pointer("/paths/~1v1~1models/get"),
            "/paths/~1v1~1models/get/responses/200/content/application~1json"
        );
    }

    #[test]
    fn a_bad_file_is_named_with_what_is_wrong() {
        let cases = [
            (
                r#"{"operations": [], "direction": "request", "summary": "s", "source": {"pages": []}, "value": {}}"#,
                "`operations` must name at least one operationId",
            ),
            (
                r#"{"operations": ["x"], "direction": "response", "summary": "s", "source": {"pages": []}, "value": {}}"#,
                "a response needs a `status`",
            ),
            (
                r#"{"operations": ["x"], "direction": "request", "status": 200, "summary": "s", "source": {"pages": []}, "value": {}}"#,
                "a request must not have a `status`",
            ),
            (
                r#"{"operations": ["x"], "direction": "request", "summary": "s", "source": {"pages": []}, "value": {}, "extra": 1}"#,
                "unknown field `extra`",
            ),
        ];
        for (text, expected) in cases {
            let dir = tempfile::tempdir().unwrap();
            let path = write(dir.path(), "bad.json", text);
            let err = load_examples(dir.path()).unwrap_err();
            assert_eq!(err.path, path);
            assert!(matches!(err.kind, CorpusErrorKind::Malformed(_)), "{err}");
            assert!(err.to_string().contains(expected), "{err}");
        }
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "neg.json",
            r#"{"operation": "x", "direction": "request",
            "description": "d", "expect_error_at": "model", "value": {}}"#,
        );
        let err = load_negatives(dir.path()).unwrap_err();
        assert!(err.to_string().contains("must be a JSON pointer"), "{err}");
        let missing = dir.path().join("missing");
        let err = load_examples(&missing).unwrap_err();
        assert_eq!(
            (err.path, matches!(err.kind, CorpusErrorKind::Folder(_))),
            (missing, true)
        );
    }
}
