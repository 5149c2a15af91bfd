//! The example corpus: every documented example payload, stored once under `spec/examples/`
//! (one JSON file per example) and embedded into the documents in the standard `examples`
//! field of the media type it belongs to.
//!
//! A corpus file names its targets (one payload documented for several operations is still
//! stored once). The example's key under `examples` is its `scenario` when given, else the file
//! stem: a request and a response documented together share a scenario, which is how tools
//! such as Postman's importer pair them into one saved response. `parameters` optionally gives
//! the parameter values of the documented call; they are embedded as that parameter's
//! `examples` under the same key.
//!
//! ```json
//! {
//!   "operations": ["listModels"],
//!   "document": "optional: kindo-api, when another document reuses the id",
//!   "direction": "response",
//!   "status": 200,
//!   "media_type": "application/json",
//!   "scenario": "optional-pairing-key",
//!   "parameters": { "include_agents": true },
//!   "summary": "One-line summary",
//!   "description": "Optional notes, e.g. how the docs abridged it",
//!   "source": { "inventory": "E15", "pages": ["https://docs.kindo.ai/..."] },
//!   "value": { "object": "list", "data": [] }
//! }
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::{Document, Error};

/// Whether an example is a request body or a response body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Request,
    Response,
}

/// Where an example was documented.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Provenance label (`E1`..`E66`) of the payload in the survey of Kindo's documentation the
    /// corpus was first collected from, when it has one. Informational: nothing resolves it.
    #[serde(default)]
    pub inventory: Option<String>,
    /// The documentation pages that show the payload.
    pub pages: Vec<String>,
}

/// One corpus file as stored.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleFile {
    /// `operationId`s the payload is documented for (at least one).
    pub operations: Vec<String>,
    /// Restricts `operations` to one document (its file stem, e.g. `koda-control-plane`).
    /// Required when another document has an operation with the same id on another route.
    #[serde(default)]
    pub document: Option<String>,
    pub direction: Direction,
    /// Required for responses, absent for requests.
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default = "default_media_type")]
    pub media_type: String,
    /// Pairing key shared by a request and a response documented together.
    #[serde(default)]
    pub scenario: Option<String>,
    /// Parameter values of the documented call, by parameter name.
    #[serde(default)]
    pub parameters: Map<String, Value>,
    pub summary: String,
    #[serde(default)]
    pub description: Option<String>,
    pub source: Source,
    pub value: Value,
}

fn default_media_type() -> String {
    "application/json".to_owned()
}

/// A loaded corpus file.
#[derive(Debug, Clone)]
pub struct Example {
    /// Path of the file.
    pub path: PathBuf,
    /// The key under `examples`: the scenario, else the file stem.
    pub name: String,
    pub file: ExampleFile,
}

/// Reads every `*.json` file below `dir`, in a stable (sorted) order.
pub fn load(dir: &Path) -> Result<Vec<Example>, Error> {
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    paths.sort();
    let mut examples: Vec<Example> = Vec::with_capacity(paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| Error::Io {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let file: ExampleFile =
            serde_json::from_str(&text).map_err(|e| Error::MalformedExample {
                path: path.clone(),
                message: e.to_string(),
            })?;
        if file.operations.is_empty() {
            return Err(Error::MalformedExample {
                path,
                message: "`operations` must name at least one operationId".into(),
            });
        }
        match (file.direction, file.status) {
            (Direction::Response, None) => {
                return Err(Error::MalformedExample {
                    path,
                    message: "a response example needs a `status`".into(),
                });
            }
            (Direction::Request, Some(_)) => {
                return Err(Error::MalformedExample {
                    path,
                    message: "a request example must not have a `status`".into(),
                });
            }
            _ => {}
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let name = file.scenario.clone().unwrap_or(stem);
        examples.push(Example { path, name, file });
    }
    Ok(examples)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::Io {
        path: dir.to_path_buf(),
        message: e.to_string(),
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

/// JSON pointer (RFC 6901) of an operation's media-type object for an example, if the
/// operation exists in `doc`. The error carries the pointer that is missing.
pub fn media_type_pointer(
    doc: &Value,
    operation: &str,
    file: &ExampleFile,
) -> Option<Result<String, String>> {
    let (path, method) = find_operation(doc, operation)?;
    let op = format!("/paths/{}/{}", escape(&path), method);
    let pointer = match file.direction {
        Direction::Request => format!("{op}/requestBody/content/{}", escape(&file.media_type)),
        Direction::Response => format!(
            "{op}/responses/{}/content/{}",
            file.status.unwrap_or_default(),
            escape(&file.media_type)
        ),
    };
    Some(if doc.pointer(&pointer).is_some() {
        Ok(pointer)
    } else {
        Err(pointer)
    })
}

/// Finds `(path, method)` of the operation with `operation_id`.
pub fn find_operation(doc: &Value, operation_id: &str) -> Option<(String, String)> {
    let paths = doc.get("paths")?.as_object()?;
    paths.iter().find_map(|(path, item)| {
        item.as_object()?.iter().find_map(|(method, op)| {
            (op.get("operationId")? == operation_id).then(|| (path.clone(), method.clone()))
        })
    })
}

/// Escapes one JSON-pointer reference token.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Embeds every example into each document that has its operation (only the named document
/// when the file names one). An id that names different routes in different documents is
/// ambiguous and must be qualified with `document`.
pub fn embed(docs: &mut [Document], examples: &[Example]) -> Result<(), Error> {
    for example in examples {
        let fail = |message: String| Error::UnknownTarget {
            path: example.path.clone(),
            message,
        };
        if let Some(name) = &example.file.document
            && !docs.iter().any(|d| d.name == name)
        {
            return Err(fail(format!(
                "`document` names no published document: `{name}`"
            )));
        }
        for operation in &example.file.operations {
            let in_scope = |doc: &Document| {
                example
                    .file
                    .document
                    .as_deref()
                    .is_none_or(|d| d == doc.name)
            };
            let routes: Vec<(&str, (String, String))> = docs
                .iter()
                .filter(|d| in_scope(d))
                .filter_map(|d| Some((d.name, find_operation(&d.value, operation)?)))
                .collect();
            if let Some((first, route)) = routes.first()
                && let Some((other, other_route)) = routes.iter().find(|(_, r)| r != route)
            {
                return Err(fail(format!(
                    "operation `{operation}` is {} {} in {first} but {} {} in {other}: name the \
document with `\"document\"`",
                    route.1.to_uppercase(),
                    route.0,
                    other_route.1.to_uppercase(),
                    other_route.0
                )));
            }
            if routes.is_empty() {
                return Err(fail(format!(
                    "operation `{operation}` is not in any published document{}",
                    example
                        .file
                        .document
                        .as_deref()
                        .map_or(String::new(), |d| format!(" named `{d}`"))
                )));
            }
            for doc in docs.iter_mut().filter(|d| in_scope(d)) {
                let pointer = match media_type_pointer(&doc.value, operation, &example.file) {
                    None => continue,
                    Some(Ok(pointer)) => pointer,
                    Some(Err(pointer)) => {
                        return Err(fail(format!(
                            "operation `{operation}` in {} declares nothing at {pointer}",
                            doc.name
                        )));
                    }
                };
                insert_example(doc, &pointer, example)?;
            }
        }
    }
    for doc in docs.iter_mut() {
        most_complete_first(&mut doc.value);
    }
    Ok(())
}

/// Orders every media type's examples so the most complete payload comes first: mock servers
/// (Prism) serve the first one and Postman shows it first. Completeness is the number of
/// members (object properties and array items, at any depth; for a stream, its events);
/// equally complete examples keep their corpus order.
fn most_complete_first(doc: &mut Value) {
    fn members(value: &Value) -> usize {
        match value {
            Value::Object(map) => map.len() + map.values().map(members).sum::<usize>(),
            Value::Array(items) => items.len() + items.iter().map(members).sum::<usize>(),
            Value::String(text) => text.matches("data:").count(),
            _ => 0,
        }
    }
    let mut media_types: Vec<&mut Value> = Vec::new();
    let operations = doc
        .get_mut("paths")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut());
    for op in operations {
        let Some(op) = op.as_object_mut() else {
            continue;
        };
        for (key, part) in op.iter_mut() {
            let bodies: Vec<&mut Value> = match key.as_str() {
                "requestBody" => vec![part],
                "responses" => part
                    .as_object_mut()
                    .map(|r| r.values_mut().collect())
                    .unwrap_or_default(),
                _ => continue,
            };
            for body in bodies {
                if let Some(content) = body.get_mut("content").and_then(Value::as_object_mut) {
                    media_types.extend(content.values_mut());
                }
            }
        }
    }
    for media in media_types {
        let Some(examples) = media.get_mut("examples").and_then(Value::as_object_mut) else {
            continue;
        };
        let mut entries: Vec<(String, Value)> = std::mem::take(examples).into_iter().collect();
        // Stable: equally complete examples keep their order.
        entries.sort_by_key(|(_, e)| std::cmp::Reverse(e.get("value").map_or(0, members)));
        examples.extend(entries);
    }
}

/// Puts the example under `<pointer>/examples/<name>` and its parameter values under the
/// operation's parameters; a key already taken there is an error.
fn insert_example(doc: &mut Document, pointer: &str, example: &Example) -> Result<(), Error> {
    let taken = |at: &str| Error::UnknownTarget {
        path: example.path.clone(),
        message: format!(
            "example key `{}` is already used at {at} in {}",
            example.name, doc.name
        ),
    };
    let examples = examples_map(&mut doc.value, pointer);
    if examples.contains_key(&example.name) {
        return Err(taken(pointer));
    }
    examples.insert(example.name.clone(), example_object(&example.file));

    let op_pointer = pointer
        .split("/requestBody/")
        .next()
        .and_then(|p| p.split("/responses/").next())
        .expect("media pointers start with the operation pointer")
        .to_owned();
    for (name, value) in &example.file.parameters {
        let index = doc
            .value
            .pointer(&format!("{op_pointer}/parameters"))
            .and_then(Value::as_array)
            .and_then(|params| params.iter().position(|p| p["name"] == name.as_str()))
            .ok_or_else(|| Error::UnknownTarget {
                path: example.path.clone(),
                message: format!(
                    "operation at {op_pointer} in {} has no parameter `{name}`",
                    doc.name
                ),
            })?;
        let at = format!("{op_pointer}/parameters/{index}");
        let examples = examples_map(&mut doc.value, &at);
        match examples.get(&example.name) {
            Some(existing) if existing["value"] != *value => return Err(taken(&at)),
            Some(_) => {}
            None => {
                examples.insert(example.name.clone(), json!({ "value": value }));
            }
        }
    }
    Ok(())
}

/// The `examples` map of the object at `pointer`, created when absent.
fn examples_map<'a>(doc: &'a mut Value, pointer: &str) -> &'a mut Map<String, Value> {
    doc.pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .expect("pointer was resolved by the caller")
        .entry("examples")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()
        .expect("examples is an object")
}

/// The OpenAPI Example Object for a corpus file: summary, description with provenance, value.
fn example_object(file: &ExampleFile) -> Value {
    let mut description = file.description.clone().unwrap_or_default();
    if !file.source.pages.is_empty() {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str("Documented at: ");
        description.push_str(&file.source.pages.join(", "));
    }
    let mut object = json!({ "summary": file.summary });
    if !description.is_empty() {
        object["description"] = Value::String(description);
    }
    object["value"] = file.value.clone();
    object
}
