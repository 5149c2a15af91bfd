//! The published files the site is built from: `spec/<name>.openapi.{json,yaml}`, their 3.0.3
//! renditions in `spec/oas30/` and, when present, `spec/released/<name>/CHANGELOG.md`.
//! Nothing else is read (in particular not kindo-types): the reference can only say what the
//! published contract says.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::XtaskError;

/// One published document and the files published beside it.
#[derive(Debug)]
pub struct Document {
    /// File stem, e.g. `kindo-api`.
    pub name: String,
    /// The 3.1 JSON document.
    pub doc: Value,
    /// `(path relative to the workspace root, contents)` of each download, in a fixed order:
    /// 3.1 JSON, 3.1 YAML, 3.0.3 JSON, 3.0.3 YAML.
    pub downloads: Vec<(PathBuf, Vec<u8>)>,
    /// The document's changelog, if one has been published.
    pub changelog: Option<String>,
}

fn io(path: &Path, e: std::io::Error) -> XtaskError {
    XtaskError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Every `spec/*.openapi.json` under `root`, sorted by name.
pub fn load(root: &Path) -> Result<Vec<Document>, XtaskError> {
    let spec = root.join("spec");
    let mut names = Vec::new();
    for entry in fs::read_dir(&spec).map_err(|e| io(&spec, e))? {
        let entry = entry.map_err(|e| io(&spec, e))?;
        let file = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = file.strip_suffix(".openapi.json") {
            names.push(stem.to_owned());
        }
    }
    names.sort();
    if names.is_empty() {
        return Err(XtaskError::Input(format!(
            "{}: no *.openapi.json document to build the reference from",
            spec.display()
        )));
    }
    names.iter().map(|name| load_one(root, name)).collect()
}

fn load_one(root: &Path, name: &str) -> Result<Document, XtaskError> {
    let rel = [
        format!("spec/{name}.openapi.json"),
        format!("spec/{name}.openapi.yaml"),
        format!("spec/oas30/{name}.openapi.json"),
        format!("spec/oas30/{name}.openapi.yaml"),
    ];
    let mut downloads = Vec::new();
    for path in rel {
        let full = root.join(&path);
        let bytes = fs::read(&full).map_err(|e| io(&full, e))?;
        downloads.push((PathBuf::from(path), bytes));
    }
    let json_path = root.join(&downloads[0].0);
    let doc: Value = serde_json::from_slice(&downloads[0].1)
        .map_err(|e| XtaskError::Input(format!("{}: invalid JSON: {e}", json_path.display())))?;
    check_shape(&json_path, &doc)?;
    let changelog_path = root.join(format!("spec/released/{name}/CHANGELOG.md"));
    let changelog = match fs::read_to_string(&changelog_path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(&changelog_path, e)),
    };
    Ok(Document {
        name: name.to_owned(),
        doc,
        downloads,
        changelog,
    })
}

/// The fields every page relies on, so a malformed document fails with the JSON pointer that
/// is wrong instead of producing a page with holes.
fn check_shape(path: &Path, doc: &Value) -> Result<(), XtaskError> {
    let bad = |pointer: &str, what: &str| {
        XtaskError::Input(format!("{}: {pointer}: {what}", path.display()))
    };
    for (pointer, what) in [
        ("/openapi", "the OpenAPI version string is missing"),
        ("/info/title", "the title is missing"),
        ("/info/version", "the version is missing"),
    ] {
        if !doc.pointer(pointer).is_some_and(Value::is_string) {
            return Err(bad(pointer, what));
        }
    }
    let paths = doc
        .get("paths")
        .and_then(Value::as_object)
        .ok_or_else(|| bad("/paths", "not an object"))?;
    for (path_key, item) in paths {
        for (method, op) in crate::docs::operations_of(item) {
            let pointer = format!("/paths/{}/{method}", pointer_token(path_key));
            if !op.get("operationId").is_some_and(Value::is_string) {
                return Err(bad(&pointer, "operation has no operationId"));
            }
            if !op.get("responses").is_some_and(Value::is_object) {
                return Err(bad(&pointer, "operation has no responses object"));
            }
        }
    }
    Ok(())
}

/// Escapes one JSON pointer token (RFC 6901).
pub fn pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
