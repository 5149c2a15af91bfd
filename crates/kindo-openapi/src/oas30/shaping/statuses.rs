//! Client-only: S5 (statuses without a JSON body beside typed ones are left out) and S6
//! (`default` becomes the `4XX`/`5XX` ranges), and how progenitor reads a response body.

use serde_json::{Map, Value};

/// What progenitor would make of one response.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Body {
    None,
    Raw,
    Json(Value),
}

pub(super) fn body_of(response: &Value) -> Body {
    let Some(content) = response.get("content").and_then(Value::as_object) else {
        return Body::None;
    };
    match content
        .iter()
        .find(|(k, _)| *k == "application/json" || k.starts_with("application/json;"))
    {
        Some((_, media)) => Body::Json(media.get("schema").cloned().unwrap_or(Value::Null)),
        None if content.is_empty() => Body::None,
        None => Body::Raw,
    }
}

pub(super) fn is_error_status(status: &str) -> bool {
    status == "default" || status.starts_with('4') || status.starts_with('5')
}

/// S6: `default` → `4XX` + `5XX` when other responses are listed; explicit error codes are
/// dropped (the ranges cover them and, after S3, decode into the same type).
pub(super) fn s6_default_as_error_ranges(op: &mut Map<String, Value>) {
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return;
    };
    if responses.len() < 2 {
        return;
    }
    let Some(default) = responses.remove("default") else {
        return;
    };
    responses.retain(|status, _| !is_error_status(status));
    for range in ["4XX", "5XX"] {
        responses.insert(range.to_owned(), default.clone());
    }
}

/// S5: removes responses without a JSON body from a group (success or error statuses) in which
/// another response has one.
pub(super) fn s5_drop_untyped_beside_typed(op: &mut Map<String, Value>) {
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return;
    };
    for errors in [false, true] {
        let typed = responses
            .iter()
            .any(|(s, r)| is_error_status(s) == errors && matches!(body_of(r), Body::Json(_)));
        if !typed {
            continue;
        }
        responses
            .retain(|s, r| is_error_status(s) != errors || matches!(body_of(r), Body::Json(_)));
    }
}
