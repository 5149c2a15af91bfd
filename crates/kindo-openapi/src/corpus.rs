//! The example corpus: every documented example payload, stored once under `corpus/examples/`
//! (one JSON file per example, in `kindo-wire`'s corpus format, which the checker reads too)
//! and embedded into the documents in the standard `examples` field of the media type it
//! belongs to.
//!
//! A corpus file names its targets (one payload documented for several operations is still
//! stored once). The example's key under `examples` is its `scenario` when given, else the file
//! stem: a request and a response documented together share a scenario, which is how tools
//! such as Postman's importer pair them into one saved response. `parameters` optionally gives
//! the parameter values of the documented call; they are embedded as that parameter's
//! `examples` under the same key.

use std::path::{Path, PathBuf};

use kindo_wire::corpus::{self as wire, CorpusErrorKind, Route};
use kindo_wire::pointer::escape;
use serde_json::{Map, Value, json};

pub use kindo_wire::corpus::{Direction, ExampleFile, Source, layout};

use crate::{Document, Error};

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
    let files = wire::load_examples(dir).map_err(|e| match e.kind {
        CorpusErrorKind::Folder(message) | CorpusErrorKind::Read(message) => Error::Io {
            path: e.path,
            message,
        },
        CorpusErrorKind::Malformed(message) => Error::MalformedExample {
            path: e.path,
            message,
        },
    })?;
    Ok(files
        .into_iter()
        .map(|(path, file)| {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let name = file.scenario.clone().unwrap_or(stem);
            Example { path, name, file }
        })
        .collect())
}

/// JSON pointer (RFC 6901) of an operation's media-type object for an example, if the
/// operation exists in `doc`. The error carries the pointer that is missing.
pub fn media_type_pointer(
    doc: &Value,
    operation: &str,
    file: &ExampleFile,
) -> Option<Result<String, String>> {
    let (path, method) = wire::find_operation(doc, operation)?;
    let pointer = file
        .target()
        .media_pointer(&format!("/paths/{}/{method}", escape(path)));
    Some(if doc.pointer(&pointer).is_some() {
        Ok(pointer)
    } else {
        Err(pointer)
    })
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
            let routes: Vec<Route> = docs
                .iter()
                .filter(|d| in_scope(d))
                .filter_map(|d| {
                    let (path, method) = wire::find_operation(&d.value, operation)?;
                    Some(Route {
                        document: d.name,
                        path,
                        method,
                    })
                })
                .collect();
            if let Some(message) = wire::ambiguity(operation, &routes) {
                return Err(fail(message));
            }
            if routes.is_empty() {
                return Err(fail(wire::not_found(
                    operation,
                    example.file.document.as_deref(),
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
