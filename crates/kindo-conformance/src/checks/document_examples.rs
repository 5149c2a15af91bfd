//! Every `example` / `examples` value anywhere in the documents (schemas, parameters, headers,
//! media types) against its own schema. The walk knows where Schema Objects sit, so a property
//! that happens to be *named* `example` is never mistaken for the keyword.

use serde_json::{Map, Value};

use crate::InputError;
use crate::report::{Check, Outcome};
use crate::spec::{METHODS, Spec, escape};
use crate::target::{Judgement, judge};
use crate::validate::validate;

use super::record;

/// Subschema keywords holding one schema, a map of schemas, or a list of schemas.
const ONE: [&str; 11] = [
    "items",
    "additionalProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "contentSchema",
];
const MAP: [&str; 4] = [
    "properties",
    "patternProperties",
    "$defs",
    "dependentSchemas",
];
const LIST: [&str; 4] = ["allOf", "anyOf", "oneOf", "prefixItems"];

/// A value to judge: where it is, what judges it, and the operation it belongs to.
struct Found {
    at: String,
    operation: Option<String>,
    kind: Against,
    value: Value,
}

enum Against {
    /// A schema (pointer); the value must conform.
    Schema(String),
    /// A media type object (pointer); JSON or stream rules apply.
    Media(String),
}

pub fn check(spec: &Spec) -> Result<Vec<Outcome>, InputError> {
    let mut out = Vec::new();
    for (doc, document) in spec.documents.iter().enumerate() {
        let mut found = Vec::new();
        let root = &document.value;
        if let Some(paths) = root.get("paths").and_then(Value::as_object) {
            for (path, item) in paths {
                let base = format!("/paths/{}", escape(path));
                walk_params(root, item, &base, None, &mut found);
                for method in METHODS {
                    if let Some(op) = item.get(method) {
                        let id = op
                            .get("operationId")
                            .and_then(Value::as_str)
                            .map(str::to_owned);
                        walk_operation(root, op, &format!("{base}/{method}"), id, &mut found);
                    }
                }
            }
        }
        if let Some(c) = root.get("components").and_then(Value::as_object) {
            for (name, schema) in entries(c.get("schemas")) {
                walk_schema(
                    schema,
                    &format!("/components/schemas/{}", escape(name)),
                    None,
                    &mut found,
                );
            }
            // Parameters and headers are alike; a request body and a response hold content.
            let walks: [(&str, Walk); 4] = [
                ("parameters", walk_parameter),
                ("headers", walk_parameter),
                ("requestBodies", walk_content),
                ("responses", walk_response),
            ];
            for (kind, walk) in walks {
                for (name, value) in entries(c.get(kind)) {
                    let at = format!("/components/{kind}/{}", escape(name));
                    walk(root, value, &at, None, &mut found);
                }
            }
        }
        for f in found {
            let mut o = Outcome::new(
                Check::DocumentExample,
                document.path.display().to_string(),
                document.name.clone(),
                f.at.clone(),
            );
            o.operation = f.operation;
            let judgement = match &f.kind {
                Against::Schema(pointer) => {
                    let failures = validate(spec, doc, pointer, &f.value)?;
                    if failures.is_empty() {
                        Judgement::Conforms
                    } else {
                        Judgement::Fails(failures)
                    }
                }
                Against::Media(pointer) => judge(spec, doc, pointer, &f.value)?,
            };
            record(&mut o, judgement);
            out.push(o);
        }
    }
    Ok(out)
}

/// A walker of one kind of component.
type Walk = fn(&Value, &Value, &str, Option<String>, &mut Vec<Found>);

fn entries(v: Option<&Value>) -> impl Iterator<Item = (&String, &Value)> {
    v.and_then(Value::as_object).into_iter().flat_map(Map::iter)
}

fn walk_operation(root: &Value, op: &Value, at: &str, id: Option<String>, found: &mut Vec<Found>) {
    walk_params(root, op, at, id.clone(), found);
    if let Some(body) = op.get("requestBody") {
        walk_content(root, body, &format!("{at}/requestBody"), id.clone(), found);
    }
    for (status, response) in entries(op.get("responses")) {
        walk_response(
            root,
            response,
            &format!("{at}/responses/{}", escape(status)),
            id.clone(),
            found,
        );
    }
}

fn walk_params(root: &Value, holder: &Value, at: &str, id: Option<String>, found: &mut Vec<Found>) {
    let params = holder
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten();
    for (i, p) in params.enumerate() {
        walk_parameter(root, p, &format!("{at}/parameters/{i}"), id.clone(), found);
    }
}

fn walk_response(
    root: &Value,
    response: &Value,
    at: &str,
    id: Option<String>,
    found: &mut Vec<Found>,
) {
    for (name, header) in entries(response.get("headers")) {
        let pointer = format!("{at}/headers/{}", escape(name));
        walk_parameter(root, header, &pointer, id.clone(), found);
    }
    walk_content(root, response, at, id, found);
}

/// Parameter and Header Objects: examples judged by their `schema`, or by `content`.
fn walk_parameter(root: &Value, p: &Value, at: &str, id: Option<String>, found: &mut Vec<Found>) {
    if p.get("schema").is_some() {
        let schema = format!("{at}/schema");
        walk_schema(&p["schema"], &schema, id.clone(), found);
        collect_examples(
            root,
            p,
            at,
            id.clone(),
            || Against::Schema(schema.clone()),
            found,
        );
    }
    walk_content(root, p, at, id, found);
}

fn walk_content(
    root: &Value,
    holder: &Value,
    at: &str,
    id: Option<String>,
    found: &mut Vec<Found>,
) {
    for (media_type, media) in entries(holder.get("content")) {
        let pointer = format!("{at}/content/{}", escape(media_type));
        if let Some(schema) = media.get("schema") {
            walk_schema(schema, &format!("{pointer}/schema"), id.clone(), found);
        }
        collect_examples(
            root,
            media,
            &pointer,
            id.clone(),
            || Against::Media(pointer.clone()),
            found,
        );
    }
}

/// `example` and the `examples` map of Example Objects (`value`, or a `$ref` to one).
fn collect_examples(
    root: &Value,
    holder: &Value,
    at: &str,
    id: Option<String>,
    against: impl Fn() -> Against,
    found: &mut Vec<Found>,
) {
    if let Some(value) = holder.get("example") {
        found.push(Found {
            at: format!("{at}/example"),
            operation: id.clone(),
            kind: against(),
            value: value.clone(),
        });
    }
    for (name, example) in entries(holder.get("examples")) {
        let example = example
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| kindo_wire::pointer::resolve(root, r))
            .unwrap_or(example);
        // `externalValue` examples live elsewhere; nothing to judge here.
        if let Some(value) = example.get("value") {
            found.push(Found {
                at: format!("{at}/examples/{}/value", escape(name)),
                operation: id.clone(),
                kind: against(),
                value: value.clone(),
            });
        }
    }
}

/// Schema Objects: `example` and the JSON Schema `examples` array, then every subschema.
fn walk_schema(schema: &Value, at: &str, id: Option<String>, found: &mut Vec<Found>) {
    let Some(object) = schema.as_object() else {
        return;
    };
    if let Some(value) = object.get("example") {
        found.push(Found {
            at: format!("{at}/example"),
            operation: id.clone(),
            kind: Against::Schema(at.to_owned()),
            value: value.clone(),
        });
    }
    if let Some(values) = object.get("examples").and_then(Value::as_array) {
        for (i, value) in values.iter().enumerate() {
            found.push(Found {
                at: format!("{at}/examples/{i}"),
                operation: id.clone(),
                kind: Against::Schema(at.to_owned()),
                value: value.clone(),
            });
        }
    }
    for key in ONE {
        if let Some(sub) = object.get(key) {
            walk_schema(sub, &format!("{at}/{key}"), id.clone(), found);
        }
    }
    for key in MAP {
        for (name, sub) in entries(object.get(key)) {
            walk_schema(
                sub,
                &format!("{at}/{key}/{}", escape(name)),
                id.clone(),
                found,
            );
        }
    }
    for key in LIST {
        for (i, sub) in object
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            walk_schema(sub, &format!("{at}/{key}/{i}"), id.clone(), found);
        }
    }
}
