//! Client-only S3: one error type per operation, a synthesized `<OperationId>Error` union of
//! the distinct error bodies (`oneOf` when provably disjoint, else `anyOf`).

use serde_json::{Map, Value};

use super::resolve;
use super::statuses::{Body, body_of, is_error_status};
use crate::oas30::error::{ErrorKind, Oas30Error, Result, push};

/// S3: one error type per operation (and a clear error, not a progenitor panic, for mixed
/// success bodies or an untyped error beside a typed one).
pub(super) fn s3_one_error_type(
    op: &mut Map<String, Value>,
    ptr: &str,
    schemas: &Value,
    synthesized: &mut Vec<(String, Value, String)>,
) -> Result<()> {
    let responses_ptr = push(ptr, "responses");
    let Some(responses) = op.get("responses").and_then(Value::as_object) else {
        return Ok(());
    };
    let mut success: Vec<(String, Body)> = Vec::new();
    let mut errors: Vec<(String, Body)> = Vec::new();
    for (status, response) in responses {
        if response.get("$ref").is_some() {
            return Err(Oas30Error::new(
                &push(&responses_ptr, status),
                ErrorKind::Unshapeable("response `$ref`s are not resolved by the shaper".into()),
            ));
        }
        let entry = (status.clone(), body_of(response));
        if is_error_status(status) {
            errors.push(entry);
        } else {
            success.push(entry);
        }
    }
    let distinct = |list: &[(String, Body)]| {
        let mut seen: Vec<Body> = Vec::new();
        for (_, b) in list {
            if !seen.contains(b) {
                seen.push(b.clone());
            }
        }
        seen
    };
    let statuses = |list: &[(String, Body)]| {
        list.iter()
            .map(|(s, _)| s.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if distinct(&success).len() > 1 {
        return Err(Oas30Error::new(
            &responses_ptr,
            ErrorKind::Unshapeable(format!(
                "success responses {} have different bodies; progenitor needs one success type",
                statuses(&success)
            )),
        ));
    }
    let bodies = distinct(&errors);
    if bodies.len() <= 1 {
        return Ok(());
    }
    let Some(json): Option<Vec<Value>> = bodies
        .iter()
        .map(|b| match b {
            Body::Json(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
    else {
        return Err(Oas30Error::new(
            &responses_ptr,
            ErrorKind::Unshapeable(format!(
                "error responses {} mix JSON bodies with missing or non-JSON bodies; progenitor \
                 needs one error type",
                statuses(&errors)
            )),
        ));
    };
    let operation_id = op
        .get("operationId")
        .and_then(Value::as_str)
        .ok_or_else(|| Oas30Error::new(ptr, ErrorKind::Unshapeable("no operationId".into())))?;
    let name = format!("{}Error", pascal_case(operation_id));
    let combinator = if pairwise_disjoint(&json, schemas) {
        "oneOf"
    } else {
        "anyOf"
    };
    let mut component = Map::new();
    component.insert(
        "description".into(),
        Value::from(format!(
            "Any error body `{operation_id}` documents (statuses {}). Synthesized for the \
             generated client, which needs one error type per operation.",
            statuses(&errors)
        )),
    );
    component.insert(combinator.into(), Value::Array(json));
    let reference = Value::from(format!("#/components/schemas/{name}"));
    let responses = op
        .get_mut("responses")
        .and_then(Value::as_object_mut)
        .expect("checked above");
    for (status, response) in responses.iter_mut() {
        if !is_error_status(status) {
            continue;
        }
        for (media_type, media) in response
            .get_mut("content")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flatten()
        {
            if media_type == "application/json" || media_type.starts_with("application/json;") {
                let mut r = Map::new();
                r.insert("$ref".into(), reference.clone());
                media
                    .as_object_mut()
                    .expect("media types are objects")
                    .insert("schema".into(), Value::Object(r));
            }
        }
    }
    synthesized.push((name, Value::Object(component), responses_ptr));
    Ok(())
}

/// `createChatCompletion` → `CreateChatCompletion`; `list-models` → `ListModels`. Also names
/// the client's generated stream event variants (xtask), so both spell a type name one way.
pub fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The JSON types a schema admits at its top level, or `None` when it is not evident.
fn top_type(schema: &Value) -> Option<&str> {
    schema.get("type").and_then(Value::as_str)
}

/// True when no JSON value can match two of the bodies: each pair differs in top-level type,
/// or shares a required property whose types differ (e.g. `error: string` vs `error: object`).
fn pairwise_disjoint(bodies: &[Value], schemas: &Value) -> bool {
    let resolved: Option<Vec<&Value>> = bodies.iter().map(|b| resolve(b, schemas)).collect();
    let Some(resolved) = resolved else {
        return false;
    };
    for (i, a) in resolved.iter().enumerate() {
        for b in &resolved[i + 1..] {
            if !disjoint(a, b, schemas) {
                return false;
            }
        }
    }
    true
}

fn disjoint(a: &Value, b: &Value, schemas: &Value) -> bool {
    if let (Some(ta), Some(tb)) = (top_type(a), top_type(b))
        && ta != tb
    {
        return true;
    }
    let required = |s: &Value| -> Vec<String> {
        s.get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (ra, rb) = (required(a), required(b));
    ra.iter().filter(|k| rb.contains(k)).any(|k| {
        let pa = a
            .pointer(&push("/properties", k))
            .and_then(|p| resolve(p, schemas));
        let pb = b
            .pointer(&push("/properties", k))
            .and_then(|p| resolve(p, schemas));
        match (pa, pb) {
            (Some(pa), Some(pb)) => {
                let nullable = |s: &Value| s.get("nullable") == Some(&Value::Bool(true));
                matches!((top_type(pa), top_type(pb)), (Some(x), Some(y)) if x != y)
                    && !nullable(pa)
                    && !nullable(pb)
            }
            _ => false,
        }
    })
}
