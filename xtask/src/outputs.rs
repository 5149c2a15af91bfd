//! Everything `cargo xtask gen` produces, computed in memory with a canonical rendering:
//! pretty JSON with a trailing newline and a YAML rendition of the same value. Key order is the
//! documents' own (declaration order; components sorted by utoipa), so output is byte-stable.

use std::path::PathBuf;

use serde_json::Value;

use crate::XtaskError;

/// One generated file, `path` relative to the workspace root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: PathBuf,
    pub contents: String,
}

/// Every generated file, in a stable order.
pub fn outputs() -> Result<Vec<Output>, XtaskError> {
    let documents = kindo_openapi::documents()?;
    let mut out = Vec::new();
    for doc in &documents {
        let stem = format!("spec/{}.openapi", doc.name);
        out.push(Output {
            path: PathBuf::from(format!("{stem}.json")),
            contents: json(&doc.value)?,
        });
        out.push(Output {
            path: PathBuf::from(format!("{stem}.yaml")),
            contents: yaml(&doc.value)?,
        });
    }
    Ok(out)
}

/// Pretty-printed JSON with a trailing newline.
pub(crate) fn json(value: &Value) -> Result<String, XtaskError> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| XtaskError::Input(format!("cannot render JSON: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// The YAML rendition of the same value.
pub(crate) fn yaml(value: &Value) -> Result<String, XtaskError> {
    yaml_serde::to_string(value).map_err(|e| XtaskError::Input(format!("cannot render YAML: {e}")))
}
