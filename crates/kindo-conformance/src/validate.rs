//! Judging one payload against one schema, and turning `jsonschema`'s evaluation tree into
//! failures a person can act on.
//!
//! A `oneOf`/`anyOf` failure says nothing useful by itself ("not valid under any of the
//! schemas"), so the leaf errors below it are collected instead and ranked: the deepest
//! instance pointer first (that is where the payload went wrong), then errors that are not the
//! `{"type": "null"}` branch of a nullable field. `required` and `additionalProperties` errors
//! are re-pointed at the missing or unexpected property itself.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use crate::spec::{Spec, escape};

/// Keywords that only combine other results; their own message is never the real cause.
const COMBINATORS: [&str; 9] = [
    "oneOf",
    "anyOf",
    "allOf",
    "$ref",
    "$dynamicRef",
    "not",
    "if",
    "then",
    "else",
];

/// One reason a payload does not conform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// JSON pointer into the payload (for streams: into one event's `data`).
    pub pointer: String,
    /// The schema keyword that failed (`type`, `required`, `enum`, ...).
    pub keyword: String,
    pub message: String,
    /// For `text/event-stream` payloads: the 0-based index of the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<usize>,
}

impl Failure {
    pub fn new(pointer: impl Into<String>, keyword: &str, message: impl Into<String>) -> Self {
        Failure {
            pointer: pointer.into(),
            keyword: keyword.to_owned(),
            message: message.into(),
            event: None,
        }
    }

    /// `/status: "done" is not one of ...` (or `event 3 /choices: ...` for streams).
    pub fn describe(&self) -> String {
        let at = if self.pointer.is_empty() {
            "(root)"
        } else {
            &self.pointer
        };
        match self.event {
            Some(n) => format!("event {n} at {at}: {}", self.message),
            None => format!("at {at}: {}", self.message),
        }
    }
}

/// Validates `instance` against the schema at `pointer` of document `doc`. An empty result
/// means it conforms; otherwise the first entry is the first real cause.
pub fn validate(
    spec: &Spec,
    doc: usize,
    pointer: &str,
    instance: &Value,
) -> Result<Vec<Failure>, crate::InputError> {
    let validator = spec.validator(doc, pointer)?;
    // Fast path: most payloads conform, and `is_valid` skips building the evaluation tree.
    if validator.is_valid(instance) {
        return Ok(Vec::new());
    }
    let evaluation = validator.evaluate(instance);
    // Errors per `oneOf`/`anyOf` branch: the branch with the fewest is the one the payload
    // was closest to, and its errors are the real cause.
    let mut per_branch: HashMap<&str, usize> = HashMap::new();
    // A branch that fails an `enum`/`const`/`pattern` (a `role`, `type` or `method` tag, or the
    // "any other tag" pattern of an open union, typically) is
    // another variant than the one the payload meant; at equal depth, prefer the others.
    let mut other_variant: HashMap<&str, bool> = HashMap::new();
    for entry in evaluation.iter_errors() {
        let keyword = entry.error.keyword();
        if !COMBINATORS.contains(&keyword) {
            let b = branch(entry.schema_location);
            *per_branch.entry(b).or_default() += 1;
            *other_variant.entry(b).or_default() |= matches!(keyword, "enum" | "const" | "pattern");
        }
    }
    let mut ranked: Vec<(usize, bool, usize, bool, usize, Failure)> = Vec::new();
    for (order, entry) in evaluation.iter_errors().enumerate() {
        let keyword = entry.error.keyword();
        if COMBINATORS.contains(&keyword) {
            continue;
        }
        let siblings = per_branch[branch(entry.schema_location)];
        let variant_mismatch = other_variant[branch(entry.schema_location)];
        let base = entry.instance_location.as_str().to_owned();
        let message = entry.error.message().to_owned();
        let located = match keyword {
            "required" | "additionalProperties" | "unevaluatedProperties" => {
                property_failures(spec, doc, instance, &base, keyword, &message, entry)
            }
            _ => vec![Failure::new(base, keyword, message)],
        };
        for failure in located {
            let depth = failure.pointer.matches('/').count();
            ranked.push((
                depth,
                variant_mismatch,
                siblings,
                is_null_branch(&failure),
                order,
                failure,
            ));
        }
    }
    // Deepest first, then branches whose tag matched, then the closest branch, real branches
    // before `type: null`, then evaluation order.
    ranked.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
            .then(a.4.cmp(&b.4))
    });
    let mut out: Vec<Failure> = Vec::new();
    for (_, _, _, _, _, failure) in ranked {
        if !out.contains(&failure) {
            out.push(failure);
        }
    }
    // The `{"type": "null"}` branch of a nullable field is noise once a real branch has
    // said what is wrong at (or below) the same place.
    let noise = |f: &Failure| {
        is_null_branch(f)
            && out.iter().any(|g| {
                !is_null_branch(g)
                    && (g.pointer == f.pointer || g.pointer.starts_with(&format!("{}/", f.pointer)))
            })
    };
    let keep: Vec<bool> = out.iter().map(|f| !noise(f)).collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    if out.is_empty() {
        // Only combinators failed (e.g. `not`, or two `oneOf` branches both matching).
        for entry in evaluation.iter_errors() {
            out.push(Failure::new(
                entry.instance_location.as_str(),
                entry.error.keyword(),
                entry.error.message(),
            ));
        }
        out.dedup();
    }
    Ok(out)
}

/// Re-points a `required` / `additionalProperties` error at each property concerned, using the
/// keyword's schema (found through its absolute location) and the instance object.
fn property_failures(
    spec: &Spec,
    doc: usize,
    instance: &Value,
    base: &str,
    keyword: &str,
    message: &str,
    entry: jsonschema::ErrorEntry<'_>,
) -> Vec<Failure> {
    let object = instance.pointer(base).and_then(Value::as_object);
    let schema = entry
        .absolute_keyword_location
        .and_then(|uri| uri.as_str().split_once('#').map(|(_, f)| f.to_owned()))
        .and_then(|fragment| {
            let fragment = crate::spec::percent_decode(&fragment);
            // `.../required` → the schema object holding it.
            let parent = fragment.rsplit_once('/').map(|(p, _)| p.to_owned())?;
            spec.documents[doc].value.pointer(&parent).cloned()
        });
    let (Some(object), Some(schema)) = (object, schema) else {
        return vec![Failure::new(base, keyword, message)];
    };
    let names: Vec<String> = if keyword == "required" {
        schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter(|name| !object.contains_key(*name))
            .map(str::to_owned)
            .collect()
    } else {
        let declared = schema.get("properties").and_then(Value::as_object);
        object
            .keys()
            .filter(|k| !declared.is_some_and(|d| d.contains_key(*k)))
            .cloned()
            .collect()
    };
    if names.is_empty() {
        return vec![Failure::new(base, keyword, message)];
    }
    names
        .into_iter()
        .map(|name| {
            let text = if keyword == "required" {
                format!("required property \"{name}\" is missing")
            } else {
                format!("property \"{name}\" is not allowed here")
            };
            Failure::new(format!("{base}/{}", escape(&name)), keyword, text)
        })
        .collect()
}

fn is_null_branch(f: &Failure) -> bool {
    f.keyword == "type" && f.message.ends_with("\"null\"")
}

/// The innermost `oneOf`/`anyOf` branch a schema location lies in (`…/oneOf/1`), or `""`.
fn branch(schema_location: &str) -> &str {
    let mut end = 0;
    let mut position = 0;
    let mut previous = "";
    let mut component_end = 0;
    let mut after_schemas = false;
    for segment in schema_location.split('/') {
        position += segment.len() + 1;
        let index = !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit());
        if index && (previous == "oneOf" || previous == "anyOf") {
            end = position - 1;
        }
        // Locations are reported after `$ref` resolution (`.../components/schemas/X/...`), so
        // the innermost component also delimits a branch.
        if after_schemas {
            component_end = position - 1;
        }
        after_schemas = previous == "components" && segment == "schemas";
        previous = segment;
    }
    &schema_location[..end.max(component_end)]
}

#[cfg(test)]
mod tests {
    use super::branch;

    #[test]
    fn branch_is_the_innermost_combinator_index() {
        assert_eq!(branch("/$ref/properties/a/type"), "");
        assert_eq!(
            branch("urn:x#/components/schemas/Ping/properties/jsonrpc/enum"),
            "urn:x#/components/schemas/Ping"
        );
        assert_eq!(
            branch("urn:x#/components/schemas/Id/oneOf/1/type"),
            "urn:x#/components/schemas/Id/oneOf/1"
        );
        assert_eq!(branch("/$ref/oneOf/1/properties/a/type"), "/$ref/oneOf/1");
        assert_eq!(
            branch("/anyOf/0/$ref/oneOf/12/required"),
            "/anyOf/0/$ref/oneOf/12"
        );
    }
}
