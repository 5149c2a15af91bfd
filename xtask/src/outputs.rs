//! Everything `cargo xtask gen` produces, computed in memory with a canonical rendering:
//! pretty JSON with a trailing newline and a YAML rendition of the same value. Key order is the
//! documents' own (declaration order; components sorted by utoipa), so output is byte-stable.
//! Per document: the published 3.1 files, the 3.0.3 rendition under `spec/oas30/` and the
//! generated client module; plus the client's module list, its stream event tables and
//! [`MANIFEST`], the list of published documents.

use std::path::{Path, PathBuf};

use kindo_wire::corpus::layout;
use serde_json::{Value, json};

use crate::{XtaskError, client, client_modules, examples, stream_events};

/// The list of published documents (file stems), written beside them. `--check` and
/// `kindo-conformance` treat a `*.openapi.json|yaml` it does not list as an orphan.
pub const MANIFEST: &str = "spec/documents.json";

/// One generated file, `path` relative to the workspace root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: PathBuf,
    pub contents: String,
}

/// Where the generated client module of a document lives.
pub fn client_path(name: &str) -> PathBuf {
    PathBuf::from(format!("crates/kindo-client/src/generated/{name}.rs"))
}

/// Every generated file for the workspace at `root` (its corpus is `root/corpus`), in a
/// stable order. A corpus example its own schema rejects is an input error (exit 3).
pub fn outputs(root: &Path) -> Result<Vec<Output>, XtaskError> {
    outputs_for(root, kindo_openapi::REGISTRY)
}

/// [`outputs`] for the documents of `registry` (the published [`kindo_openapi::REGISTRY`], or
/// it plus a throwaway entry in a test).
pub fn outputs_for(
    root: &Path,
    registry: &[kindo_openapi::Registration],
) -> Result<Vec<Output>, XtaskError> {
    let documents = kindo_openapi::documents_from(registry, &root.join(layout::DIR))?;
    examples::check(root, &documents)?;
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
    for doc in &documents {
        let (oas30, parsed) = client::oas30(doc.name, &doc.value)?;
        let stem = format!("spec/oas30/{}.openapi", doc.name);
        out.push(Output {
            path: PathBuf::from(format!("{stem}.json")),
            contents: json(&oas30)?,
        });
        out.push(Output {
            path: PathBuf::from(format!("{stem}.yaml")),
            contents: yaml(&oas30)?,
        });
        out.push(Output {
            path: client_path(doc.name),
            contents: client::generate(doc.name, &parsed)?,
        });
    }
    out.push(Output {
        path: PathBuf::from(client_modules::PATH),
        contents: client_modules::render(&documents)?,
    });
    let published: Vec<(&str, &Value)> = documents.iter().map(|d| (d.name, &d.value)).collect();
    out.push(Output {
        path: PathBuf::from(stream_events::PATH),
        contents: stream_events::generate(&published)?,
    });
    let names: Vec<&str> = documents.iter().map(|d| d.name).collect();
    out.push(Output {
        path: PathBuf::from(MANIFEST),
        contents: json(&json!({
            "description": "The documents `cargo xtask gen` publishes here (generated, never edit). \
A *.openapi.json or *.openapi.yaml in this folder or in oas30/ that is not listed is not published.",
            "documents": names,
        }))?,
    });
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
