//! Coverage: every request body and every documented success (2xx) response, per media type,
//! has at least one example, either in the corpus or embedded in the document.
//!
//! A media type whose schema is marked `x-shape-undocumented: true` (a payload the documented
//! API names without stating its fields) is skipped with that reason when it has no example:
//! an invented example would prove nothing about the real API.

use serde_json::Value;

use crate::report::{Check, Outcome, Status};
use crate::spec::{Spec, escape};
use crate::target::Slot;

/// One outcome per media type object that needs an example: pass when it has one.
pub fn check(spec: &Spec, covered: &[Slot]) -> Vec<Outcome> {
    let mut out = Vec::new();
    for op in spec.operations() {
        let doc = &spec.documents[op.doc];
        let Some(operation) = doc.value.pointer(&op.pointer()) else {
            continue;
        };
        let mut needed: Vec<(String, String)> = Vec::new();
        if let Some(content) = operation
            .pointer("/requestBody/content")
            .and_then(Value::as_object)
        {
            for media in content.keys() {
                needed.push((
                    format!("request {media}"),
                    format!("{}/requestBody/content/{}", op.pointer(), escape(media)),
                ));
            }
        }
        if let Some(responses) = operation.get("responses").and_then(Value::as_object) {
            for (status, response) in responses {
                if !status.starts_with('2') {
                    continue;
                }
                let response = spec.resolve(op.doc, response);
                // A 2xx without content (204) has nothing to exemplify.
                for media in response
                    .get("content")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flat_map(|c| c.keys())
                {
                    needed.push((
                        format!("response {status} {media}"),
                        format!(
                            "{}/responses/{status}/content/{}",
                            op.pointer(),
                            escape(media)
                        ),
                    ));
                }
            }
        }
        for (what, pointer) in needed {
            let in_corpus = covered
                .iter()
                .any(|s| s.operation.doc == op.doc && s.media == pointer);
            let embedded = doc.value.pointer(&pointer).is_some_and(|m| {
                m.get("example").is_some()
                    || m.get("examples")
                        .and_then(Value::as_object)
                        .is_some_and(|e| !e.is_empty())
            });
            let mut o = Outcome::new(
                Check::Coverage,
                doc.path.display().to_string(),
                doc.name.clone(),
                what,
            );
            o.operation = Some(op.id.clone());
            if !(in_corpus || embedded) && undocumented(spec, op.doc, &pointer) {
                o.status = Status::Skip;
                o.note = Some(
                    "no example: the document marks this payload's shape as not yet documented \
(x-shape-undocumented)"
                        .into(),
                );
            } else if !(in_corpus || embedded) {
                o.status = Status::Fail;
                o.failures = vec![crate::validate::Failure::new(
                    pointer,
                    "coverage",
                    "no example: add one under examples/ in the corpus directory",
                )];
            }
            out.push(o);
        }
    }
    out
}

/// Whether the schema of the media type at `pointer` is marked `x-shape-undocumented: true`.
fn undocumented(spec: &Spec, doc: usize, pointer: &str) -> bool {
    spec.documents[doc]
        .value
        .pointer(&format!("{pointer}/schema"))
        .map(|schema| spec.resolve(doc, schema))
        .and_then(|schema| schema.get("x-shape-undocumented"))
        .and_then(Value::as_bool)
        .unwrap_or(false)
}
