//! The published documents, read from the files in the spec directory (never rebuilt from
//! code: what is checked is what downstream users download).
//!
//! All documents are registered in one `jsonschema` registry, each as a single Draft 2020-12
//! resource under `urn:kindo:spec:<name>`. A validator for any schema position is compiled from
//! `{"$ref": "<urn>#<percent-encoded pointer>"}`, so in-document `$ref`s resolve as published.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use jsonschema::{Draft, Registry, Validator};
use serde_json::{Value, json};

use crate::error::InputError;

/// One published OpenAPI 3.1 document.
#[derive(Debug)]
pub struct Document {
    /// File stem without `.openapi`, e.g. `kindo-api`.
    pub name: String,
    pub path: PathBuf,
    pub value: Value,
}

impl Document {
    /// The base URI the document is registered under.
    pub fn urn(&self) -> String {
        format!("urn:kindo:spec:{}", self.name)
    }
}

/// An operation found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// Index into [`Spec::documents`].
    pub doc: usize,
    pub id: String,
    pub path: String,
    pub method: String,
}

impl Operation {
    /// JSON pointer of the Operation Object.
    pub fn pointer(&self) -> String {
        format!("/paths/{}/{}", escape(&self.path), self.method)
    }
}

/// Every `*.openapi.json` of a spec directory plus a validator cache.
pub struct Spec {
    pub dir: PathBuf,
    pub documents: Vec<Document>,
    registry: Registry<'static>,
    cache: RefCell<HashMap<(usize, String), Rc<Validator>>>,
}

/// The HTTP methods a Path Item can hold.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

impl Spec {
    /// Reads and registers every `<dir>/*.openapi.json` (sorted by name). When the directory
    /// holds the generator's list of published documents ([`MANIFEST`]), a document it does not
    /// list is an orphan and refused, as is a listed document that is missing.
    pub fn load(dir: &Path) -> Result<Spec, InputError> {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| spec_err(dir, format!("cannot read spec directory: {e}")))?;
        let mut paths = Vec::new();
        for entry in entries {
            let path = entry
                .map_err(|e| spec_err(dir, format!("cannot read spec directory: {e}")))?
                .path();
            if document_name(&path).is_some() && path.is_file() {
                paths.push(path);
            }
        }
        paths.sort();
        if paths.is_empty() {
            return Err(spec_err(dir, "no *.openapi.json document found".into()));
        }
        if let Some(published) = manifest(dir)? {
            check_published(dir, &paths, &published)?;
        }
        let mut documents = Vec::with_capacity(paths.len());
        for path in paths {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| spec_err(&path, format!("cannot read: {e}")))?;
            let value: Value = serde_json::from_str(&text)
                .map_err(|e| spec_err(&path, format!("not valid JSON: {e}")))?;
            let name = document_name(&path).unwrap_or_default().to_owned();
            documents.push(Document { name, path, value });
        }
        Spec::from_documents(dir, documents)
    }

    /// Registers documents already in memory (`path` only names them in messages). This is how
    /// generation judges its examples against the documents before writing them.
    pub fn from_documents(dir: &Path, documents: Vec<Document>) -> Result<Spec, InputError> {
        for doc in &documents {
            let version = doc
                .value
                .get("openapi")
                .and_then(Value::as_str)
                .unwrap_or("");
            if !version.starts_with("3.1.") {
                return Err(spec_err(
                    &doc.path,
                    format!("expected an OpenAPI 3.1 document, found openapi: {version:?}"),
                ));
            }
            crate::refs::check(&doc.value).map_err(|message| spec_err(&doc.path, message))?;
        }
        let mut builder = Registry::new();
        for doc in &documents {
            builder = builder
                .add(
                    doc.urn(),
                    Draft::Draft202012.create_resource(doc.value.clone()),
                )
                .map_err(|e| spec_err(&doc.path, format!("cannot register: {e}")))?;
        }
        let registry = builder.prepare().map_err(|e| {
            spec_err(
                dir,
                format!("cannot resolve the documents' references: {e}"),
            )
        })?;
        Ok(Spec {
            dir: dir.to_path_buf(),
            documents,
            registry,
            cache: RefCell::new(HashMap::new()),
        })
    }

    /// A validator for the schema at `pointer` in document `doc` (compiled once, then cached).
    pub fn validator(&self, doc: usize, pointer: &str) -> Result<Rc<Validator>, InputError> {
        let key = (doc, pointer.to_owned());
        if let Some(v) = self.cache.borrow().get(&key) {
            return Ok(Rc::clone(v));
        }
        let document = &self.documents[doc];
        let wrapper = json!({ "$ref": format!("{}#{}", document.urn(), percent_encode(pointer)) });
        let validator = jsonschema::options()
            .with_draft(Draft::Draft202012)
            .with_registry(&self.registry)
            .should_validate_formats(true)
            .build(&wrapper)
            .map_err(|e| InputError::Spec {
                path: document.path.clone(),
                message: format!("schema at {pointer} does not compile: {e}"),
            })?;
        let validator = Rc::new(validator);
        self.cache.borrow_mut().insert(key, Rc::clone(&validator));
        Ok(validator)
    }

    /// Every operation of every document, in document then path order.
    pub fn operations(&self) -> Vec<Operation> {
        let mut out = Vec::new();
        for (doc, document) in self.documents.iter().enumerate() {
            let Some(paths) = document.value.get("paths").and_then(Value::as_object) else {
                continue;
            };
            for (path, item) in paths {
                let Some(item) = item.as_object() else {
                    continue;
                };
                for (method, op) in item {
                    if !METHODS.contains(&method.as_str()) {
                        continue;
                    }
                    if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                        out.push(Operation {
                            doc,
                            id: id.to_owned(),
                            path: path.clone(),
                            method: method.clone(),
                        });
                    }
                }
            }
        }
        out
    }

    /// The operation with `id` in every document that has it.
    pub fn find(&self, id: &str) -> Vec<Operation> {
        self.operations()
            .into_iter()
            .filter(|o| o.id == id)
            .collect()
    }

    /// The operation with `id` in `document` (a file stem such as `kindo-api`), or in every
    /// document that has it when `document` is `None`.
    pub fn find_in(&self, id: &str, document: Option<&str>) -> Vec<Operation> {
        self.find(id)
            .into_iter()
            .filter(|o| document.is_none_or(|d| self.documents[o.doc].name == d))
            .collect()
    }

    /// Follows the local `$ref` chain of `value` to the schema it names (for walking schemas
    /// by hand).
    pub fn resolve<'a>(&'a self, doc: usize, value: &'a Value) -> &'a Value {
        kindo_wire::pointer::follow(&self.documents[doc].value, value, 32).0
    }
}

/// The generator's list of published documents, next to them (`{"documents": ["kindo-api"]}`).
pub const MANIFEST: &str = "documents.json";

fn spec_err(path: &Path, message: String) -> InputError {
    InputError::Spec {
        path: path.to_path_buf(),
        message,
    }
}

/// `kindo-api` for `.../kindo-api.openapi.json`; `None` for any other file name.
fn document_name(path: &Path) -> Option<&str> {
    path.file_name()?.to_str()?.strip_suffix(".openapi.json")
}

/// The names [`MANIFEST`] lists, when the directory has one (a spec directory put together
/// by hand, as downstream CIs do, need not).
fn manifest(dir: &Path) -> Result<Option<Vec<String>>, InputError> {
    let path = dir.join(MANIFEST);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(spec_err(&path, format!("cannot read: {e}"))),
    };
    let value: Value =
        serde_json::from_str(&text).map_err(|e| spec_err(&path, format!("not valid JSON: {e}")))?;
    let names = value
        .get("documents")
        .and_then(Value::as_array)
        .and_then(|list| {
            list.iter()
                .map(|n| n.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
        })
        .ok_or_else(|| spec_err(&path, "expected {\"documents\": [<file stem>, ...]}".into()))?;
    Ok(Some(names))
}

/// Every document found must be listed, and every listed one found.
fn check_published(dir: &Path, paths: &[PathBuf], published: &[String]) -> Result<(), InputError> {
    for path in paths {
        let name = document_name(path).unwrap_or_default();
        if !published.iter().any(|p| p == name) {
            return Err(spec_err(
                path,
                format!(
                    "not a published document: {} does not list `{name}` (an orphan; \
`cargo xtask gen` removes it)",
                    dir.join(MANIFEST).display()
                ),
            ));
        }
    }
    for name in published {
        if !paths.iter().any(|p| document_name(p) == Some(name)) {
            return Err(spec_err(
                &dir.join(MANIFEST),
                format!("lists `{name}`, but {name}.openapi.json is missing"),
            ));
        }
    }
    Ok(())
}

pub use kindo_wire::pointer::{escape, percent_decode, percent_encode};
