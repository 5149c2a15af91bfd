//! Client-shaping rules, applied after conversion. [`shape`] (S1, S2, S4) changes nothing a
//! document accepts, so its output is the published `spec/oas30/` rendition. [`shape_client`]
//! (S3, S5) trades precision for what progenitor can generate (one success and one error type
//! per operation); its output only feeds the generated client and is never published.
//!
//! * S1 — tagged newtype variants: a `oneOf` branch `{allOf: [objects…]}` is merged into one
//!   object, so typify sees an internally tagged enum instead of `Variant0/1`.
//! * S2 — unsigned integers: `int32|int64` with `minimum >= 0` → `uint32|uint64` (`u32`/`u64`).
//! * S3 — one error type per operation: error responses with different bodies get a
//!   synthesized `<OperationId>Error` component, a `oneOf` (or `anyOf` when the bodies are not
//!   provably disjoint) of the distinct bodies.
//! * S5 — statuses without a JSON body beside typed ones (an undocumented error body, a `202`
//!   with no body next to a `200` with one) are left out of the client's input, so the
//!   generated client reports them as `Error::UnexpectedResponse` with the raw response
//!   instead of progenitor panicking; each one is counted.
//! * S6 — a `default` response beside explicit ones becomes the `4XX` and `5XX` ranges, which
//!   replace the explicit error codes (after S3 they all decode into the same error type):
//!   progenitor counts `default` as both a success and an error type, which breaks its
//!   one-success-type rule; for a client, "any other status" of an API whose successes are all
//!   listed means any other error.
//! * S7 — catch-all tags: a string with both `not: {enum}` and the `pattern` that restates it
//!   (an open union's catch-all, see `kindo-types`) keeps only `not`, so the generated client
//!   needs no regular-expression engine; typify enforces `not: {enum}` itself.
//! * S4 — streaming responses: when `text/event-stream` sits beside `application/json`, the JSON
//!   media type is put first so progenitor (and readers) type the response from it; a request
//!   body with several media types, which progenitor cannot generate, is an error.

use serde_json::{Map, Value};

use super::Stats;
use super::error::{ErrorKind, Oas30Error, Result, push};
use super::walk::{self, METHODS};

pub fn shape(doc: &mut Value, stats: &mut Stats) -> Result<()> {
    let schemas = doc
        .pointer("/components/schemas")
        .cloned()
        .unwrap_or_else(|| Value::Object(Map::new()));
    walk::every_schema(doc, &mut |s, p| {
        s1_inline_tagged_variants(s, p, &schemas, stats)
    })?;
    walk::every_schema(doc, &mut |s, _| {
        s2_unsigned_formats(s, stats);
        Ok(())
    })?;
    for_each_operation(doc, &mut |op, ptr| s4_streaming_media(op, ptr, stats))
}

/// S3, S5 and S6 on an already converted and [`shape`]d document: the generated client's input.
pub fn shape_client(doc: &mut Value, stats: &mut Stats) -> Result<()> {
    let schemas = doc
        .pointer("/components/schemas")
        .cloned()
        .unwrap_or_else(|| Value::Object(Map::new()));
    walk::every_schema(doc, &mut |s, _| {
        s7_catch_all_without_pattern(s, stats);
        Ok(())
    })?;
    let mut synthesized = Vec::new();
    for_each_operation(doc, &mut |op, ptr| {
        s5_drop_untyped_beside_typed(op, stats);
        s3_one_error_type(op, ptr, &schemas, &mut synthesized, stats)?;
        s6_default_as_error_ranges(op, stats);
        Ok(())
    })?;
    if !synthesized.is_empty() {
        let components = doc
            .as_object_mut()
            .expect("converted document is an object")
            .entry("components")
            .or_insert_with(|| Value::Object(Map::new()));
        let target = components
            .as_object_mut()
            .ok_or_else(|| {
                Oas30Error::new("/components", ErrorKind::Malformed("not an object".into()))
            })?
            .entry("schemas")
            .or_insert_with(|| Value::Object(Map::new()))
            .as_object_mut()
            .ok_or_else(|| {
                Oas30Error::new(
                    "/components/schemas",
                    ErrorKind::Malformed("not an object".into()),
                )
            })?;
        for (name, schema, ptr) in synthesized {
            if target.contains_key(&name) {
                return Err(Oas30Error::new(
                    &ptr,
                    ErrorKind::Unshapeable(format!(
                        "the synthesized error schema `{name}` already exists in components"
                    )),
                ));
            }
            target.insert(name, schema);
        }
    }
    Ok(())
}

/// A callback over one operation object and its pointer.
type OperationFn<'a> = dyn FnMut(&mut Map<String, Value>, &str) -> Result<()> + 'a;

fn for_each_operation(doc: &mut Value, f: &mut OperationFn<'_>) -> Result<()> {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    for (path, item) in paths.iter_mut() {
        let item_ptr = push("/paths", path);
        for method in METHODS {
            if let Some(op) = item.get_mut(method).and_then(Value::as_object_mut) {
                f(op, &push(&item_ptr, method))?;
            }
        }
    }
    Ok(())
}

/// Resolves a local `#/components/schemas/X` reference.
fn resolve<'a>(v: &'a Value, schemas: &'a Value) -> Option<&'a Value> {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => schemas.get(r.strip_prefix("#/components/schemas/")?),
        None => Some(v),
    }
}

/// A schema typify reads as a plain struct: an object with properties and no composition.
fn is_plain_object(v: &Value) -> bool {
    let Some(o) = v.as_object() else { return false };
    o.get("type") == Some(&Value::from("object"))
        && !["allOf", "oneOf", "anyOf", "not", "nullable"]
            .iter()
            .any(|k| o.contains_key(*k))
}

/// S1: merge `allOf` branches of a `oneOf` whose parts are all plain objects.
fn s1_inline_tagged_variants(
    schema: &mut Value,
    _ptr: &str,
    schemas: &Value,
    stats: &mut Stats,
) -> Result<()> {
    let Some(branches) = schema.get_mut("oneOf").and_then(Value::as_array_mut) else {
        return Ok(());
    };
    for branch in branches.iter_mut() {
        let Some(parts) = branch.get("allOf").and_then(Value::as_array) else {
            continue;
        };
        if branch.as_object().is_some_and(|o| o.len() != 1) {
            continue;
        }
        let resolved: Option<Vec<&Value>> = parts.iter().map(|p| resolve(p, schemas)).collect();
        let Some(resolved) = resolved else { continue };
        if resolved.len() < 2 || !resolved.iter().all(|p| is_plain_object(p)) {
            continue;
        }
        if let Some(merged) = merge_objects(&resolved) {
            *branch = merged;
            stats.hit_shaping("S1");
        }
    }
    Ok(())
}

/// Merges plain objects; `None` when two parts declare the same property differently.
fn merge_objects(parts: &[&Value]) -> Option<Value> {
    let mut properties = Map::new();
    let mut required: Vec<Value> = Vec::new();
    let mut merged = Map::new();
    merged.insert("type".into(), Value::from("object"));
    for part in parts {
        let o = part.as_object()?;
        if let Some(props) = o.get("properties").and_then(Value::as_object) {
            for (k, v) in props {
                match properties.get(k) {
                    Some(existing) if existing != v => return None,
                    _ => {
                        properties.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        for r in o
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !required.contains(r) {
                required.push(r.clone());
            }
        }
        for k in ["description", "title"] {
            if let Some(v) = o.get(k) {
                merged.entry(k).or_insert_with(|| v.clone());
            }
        }
        match (
            merged.get("additionalProperties"),
            o.get("additionalProperties"),
        ) {
            (_, None) => {}
            (None, Some(a)) => {
                merged.insert("additionalProperties".into(), a.clone());
            }
            (Some(x), Some(a)) if x == a => {}
            _ => return None,
        }
    }
    if !required.is_empty() {
        merged.insert("required".into(), Value::Array(required));
    }
    merged.insert("properties".into(), Value::Object(properties));
    Some(Value::Object(merged))
}

/// S2: non-negative `int32`/`int64` become `uint32`/`uint64`.
fn s2_unsigned_formats(schema: &mut Value, stats: &mut Stats) {
    let Some(o) = schema.as_object_mut() else {
        return;
    };
    if o.get("type") != Some(&Value::from("integer")) {
        return;
    }
    let non_negative = o
        .get("minimum")
        .and_then(Value::as_f64)
        .is_some_and(|m| m >= 0.0);
    let unsigned = match o.get("format").and_then(Value::as_str) {
        Some("int32") => "uint32",
        Some("int64") => "uint64",
        _ => return,
    };
    if non_negative {
        o.insert("format".into(), Value::from(unsigned));
        stats.hit_shaping("S2");
    }
}

/// What progenitor would make of one response.
#[derive(Debug, Clone, PartialEq)]
enum Body {
    None,
    Raw,
    Json(Value),
}

fn body_of(response: &Value) -> Body {
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

fn is_error_status(status: &str) -> bool {
    status == "default" || status.starts_with('4') || status.starts_with('5')
}

/// S6: `default` → `4XX` + `5XX` when other responses are listed; explicit error codes are
/// dropped (the ranges cover them and, after S3, decode into the same type).
fn s6_default_as_error_ranges(op: &mut Map<String, Value>, stats: &mut Stats) {
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
    stats.hit_shaping("S6");
}

/// S5: removes responses without a JSON body from a group (success or error statuses) in which
/// another response has one.
fn s5_drop_untyped_beside_typed(op: &mut Map<String, Value>, stats: &mut Stats) {
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
        responses.retain(|s, r| {
            let keep = is_error_status(s) != errors || matches!(body_of(r), Body::Json(_));
            if !keep {
                stats.hit_shaping("S5");
            }
            keep
        });
    }
}

/// S3: one error type per operation (and a clear error, not a progenitor panic, for mixed
/// success bodies or an untyped error beside a typed one).
fn s3_one_error_type(
    op: &mut Map<String, Value>,
    ptr: &str,
    schemas: &Value,
    synthesized: &mut Vec<(String, Value, String)>,
    stats: &mut Stats,
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
    stats.hit_shaping("S3");
    Ok(())
}

/// `createChatCompletion` → `CreateChatCompletion`; `list-models` → `ListModels`.
fn pascal_case(id: &str) -> String {
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

/// S4: JSON first beside `text/event-stream`; several request media types are an error.
fn s4_streaming_media(op: &mut Map<String, Value>, ptr: &str, stats: &mut Stats) -> Result<()> {
    if let Some(content) = op
        .get("requestBody")
        .and_then(|b| b.get("content"))
        .and_then(Value::as_object)
        && content.len() > 1
    {
        return Err(Oas30Error::new(
            &push(&push(ptr, "requestBody"), "content"),
            ErrorKind::Unshapeable(format!(
                "{} request media types; progenitor generates exactly one",
                content.len()
            )),
        ));
    }
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    for response in responses.values_mut() {
        let Some(content) = response.get_mut("content").and_then(Value::as_object_mut) else {
            continue;
        };
        let first_is_json = content
            .keys()
            .next()
            .is_some_and(|k| k == "application/json");
        if content.contains_key("text/event-stream")
            && content.contains_key("application/json")
            && !first_is_json
        {
            let json = content.remove("application/json").expect("checked");
            let rest = std::mem::take(content);
            content.insert("application/json".into(), json);
            content.extend(rest);
            stats.hit_shaping("S4");
        }
    }
    Ok(())
}

/// S7 (see the module docs).
fn s7_catch_all_without_pattern(schema: &mut Value, stats: &mut Stats) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let restated = obj.get("not").is_some_and(|n| n.get("enum").is_some());
    if restated && obj.remove("pattern").is_some() {
        stats.hit_shaping("S7");
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// Both passes, as the generated client sees the document.
    fn shaped(mut doc: Value) -> Result<Value> {
        shape(&mut doc, &mut Stats::default())?;
        shape_client(&mut doc, &mut Stats::default())?;
        Ok(doc)
    }

    fn doc_with(schemas: Value, paths: Value) -> Value {
        json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
               "paths": paths, "components": {"schemas": schemas}})
    }

    #[test]
    fn s1_merges_tagged_newtype_variants() {
        let doc = doc_with(
            json!({
                "Msg": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
                "Item": {"oneOf": [{"allOf": [
                    {"$ref": "#/components/schemas/Msg"},
                    {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["message"]}}}
                ]}], "discriminator": {"propertyName": "type"}}
            }),
            json!({}),
        );
        let out = shaped(doc).unwrap();
        assert_eq!(
            out["components"]["schemas"]["Item"]["oneOf"][0],
            json!({"type": "object", "required": ["id", "type"], "properties": {
                "id": {"type": "string"}, "type": {"type": "string", "enum": ["message"]}}})
        );
    }

    #[test]
    fn s1_leaves_conflicting_or_composed_parts_alone() {
        let branch = json!({"allOf": [
            {"type": "object", "properties": {"a": {"type": "string"}}},
            {"type": "object", "properties": {"a": {"type": "integer"}}}
        ]});
        let doc = doc_with(json!({"X": {"oneOf": [branch.clone()]}}), json!({}));
        assert_eq!(
            shaped(doc).unwrap()["components"]["schemas"]["X"]["oneOf"][0],
            branch
        );
    }

    #[test]
    fn s2_non_negative_integers_become_unsigned() {
        let doc = doc_with(
            json!({"X": {"type": "object", "properties": {
                "n": {"type": "integer", "format": "int32", "minimum": 0},
                "m": {"type": "integer", "format": "int64", "minimum": 1},
                "s": {"type": "integer", "format": "int32"}
            }}}),
            json!({}),
        );
        let out = shaped(doc).unwrap();
        let props = &out["components"]["schemas"]["X"]["properties"];
        assert_eq!(props["n"]["format"], "uint32");
        assert_eq!(props["m"]["format"], "uint64");
        assert_eq!(props["s"]["format"], "int32");
    }

    fn error_op(bodies: &[(&str, Value)]) -> Value {
        let mut responses = Map::new();
        responses.insert(
            "200".into(),
            json!({"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}}),
        );
        for (status, schema) in bodies {
            let response = if schema.is_null() {
                json!({"description": "e"})
            } else {
                json!({"description": "e", "content": {"application/json": {"schema": schema}}})
            };
            responses.insert((*status).into(), response);
        }
        json!({"/v1/x": {"post": {"operationId": "createThing", "responses": responses}}})
    }

    fn flat_and_nested() -> Value {
        json!({
            "Flat": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
            "Nested": {"type": "object", "required": ["error"], "properties": {"error": {"$ref": "#/components/schemas/Inner"}}},
            "Inner": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}}
        })
    }

    #[test]
    fn s3_synthesizes_one_of_for_disjoint_error_bodies() {
        let doc = doc_with(
            flat_and_nested(),
            error_op(&[
                ("400", json!({"$ref": "#/components/schemas/Nested"})),
                ("401", json!({"$ref": "#/components/schemas/Flat"})),
                ("429", json!({"$ref": "#/components/schemas/Nested"})),
            ]),
        );
        let out = shaped(doc).unwrap();
        let error = &out["components"]["schemas"]["CreateThingError"];
        assert_eq!(
            error["oneOf"],
            json!([{"$ref": "#/components/schemas/Nested"}, {"$ref": "#/components/schemas/Flat"}])
        );
        for status in ["400", "401", "429"] {
            assert_eq!(
                out["paths"]["/v1/x"]["post"]["responses"][status]["content"]["application/json"]["schema"],
                json!({"$ref": "#/components/schemas/CreateThingError"}),
                "{status}"
            );
        }
        // The success body is untouched.
        assert_eq!(
            out["paths"]["/v1/x"]["post"]["responses"]["200"]["content"]["application/json"]["schema"],
            json!({"type": "string"})
        );
    }

    #[test]
    fn s3_uses_any_of_when_bodies_may_overlap() {
        let doc = doc_with(
            json!({
                "A": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
                "B": {"type": "object", "required": ["error", "message"], "properties": {"error": {"type": "string"}, "message": {"type": "string"}}}
            }),
            error_op(&[
                ("401", json!({"$ref": "#/components/schemas/A"})),
                ("404", json!({"$ref": "#/components/schemas/B"})),
            ]),
        );
        let out = shaped(doc).unwrap();
        assert!(out["components"]["schemas"]["CreateThingError"]["anyOf"].is_array());
    }

    #[test]
    fn s3_leaves_a_single_error_body_alone() {
        let ops = error_op(&[
            ("401", json!({"$ref": "#/components/schemas/Flat"})),
            ("500", json!({"$ref": "#/components/schemas/Flat"})),
        ]);
        let doc = doc_with(flat_and_nested(), ops);
        let out = shaped(doc.clone()).unwrap();
        assert_eq!(out, doc);
    }

    #[test]
    fn s6_default_becomes_error_ranges_that_replace_explicit_error_codes() {
        let flat = json!({"$ref": "#/components/schemas/Flat"});
        let doc = doc_with(
            flat_and_nested(),
            error_op(&[("404", flat.clone()), ("default", flat.clone())]),
        );
        let mut stats = Stats::default();
        let mut out = doc.clone();
        shape(&mut out, &mut stats).unwrap();
        assert!(
            out.pointer("/paths/~1v1~1x/post/responses/default")
                .is_some()
        );
        shape_client(&mut out, &mut stats).unwrap();
        let responses = out["paths"]["/v1/x"]["post"]["responses"]
            .as_object()
            .unwrap();
        let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
        assert_eq!(statuses, ["200", "4XX", "5XX"]);
        assert_eq!(
            responses["4XX"],
            doc["paths"]["/v1/x"]["post"]["responses"]["default"]
        );
        assert_eq!(stats.hits.get("S6"), Some(&1));
    }

    #[test]
    fn s6_leaves_a_lone_default_alone() {
        let doc = doc_with(
            flat_and_nested(),
            json!({"/v1/x": {"get": {"operationId": "x", "responses": {"default": {"description": "any"}}}}}),
        );
        let out = shaped(doc.clone()).unwrap();
        assert_eq!(out, doc);
    }

    #[test]
    fn s5_drops_an_untyped_error_beside_typed_ones_and_counts_it() {
        let mut doc = doc_with(
            flat_and_nested(),
            error_op(&[
                ("401", json!({"$ref": "#/components/schemas/Flat"})),
                ("404", Value::Null),
            ]),
        );
        let published = doc.clone();
        shape(&mut doc, &mut Stats::default()).unwrap();
        assert!(
            doc.pointer("/paths/~1v1~1x/post/responses/404").is_some(),
            "the published rendition keeps every status"
        );
        let mut stats = Stats::default();
        shape_client(&mut doc, &mut stats).unwrap();
        assert!(doc.pointer("/paths/~1v1~1x/post/responses/404").is_none());
        assert!(doc.pointer("/paths/~1v1~1x/post/responses/401").is_some());
        assert_eq!(stats.hits.get("S5"), Some(&1));
        assert_ne!(doc, published);
    }

    #[test]
    fn s5_keeps_untyped_responses_when_nothing_beside_them_is_typed() {
        let doc = doc_with(
            json!({}),
            json!({"/v1/x": {"get": {"operationId": "x", "responses": {
                "204": {"description": "none"},
                "404": {"description": "none"}
            }}}}),
        );
        assert_eq!(shaped(doc.clone()).unwrap(), doc);
    }

    #[test]
    fn s3_mixed_success_bodies_fail_instead_of_panicking_progenitor() {
        let doc = doc_with(
            json!({}),
            json!({"/v1/x": {"get": {"operationId": "x", "responses": {
                "200": {"description": "a", "content": {"application/json": {"schema": {"type": "string"}}}},
                "202": {"description": "b", "content": {"application/json": {"schema": {"type": "integer"}}}}
            }}}}),
        );
        let e = shaped(doc).unwrap_err();
        assert!(e.to_string().contains("success responses 200, 202"), "{e}");
    }

    #[test]
    fn s3_name_clash_is_an_error() {
        let mut schemas = flat_and_nested();
        schemas["CreateThingError"] = json!({"type": "string"});
        let doc = doc_with(
            schemas,
            error_op(&[
                ("400", json!({"$ref": "#/components/schemas/Nested"})),
                ("401", json!({"$ref": "#/components/schemas/Flat"})),
            ]),
        );
        assert!(
            shaped(doc)
                .unwrap_err()
                .to_string()
                .contains("CreateThingError")
        );
    }

    #[test]
    fn s4_json_goes_first_beside_event_stream() {
        let doc = doc_with(
            json!({}),
            json!({"/v1/c": {"post": {"operationId": "c", "responses": {"200": {"description": "ok", "content": {
                "text/event-stream": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "object"}}
            }}}}}}),
        );
        let out = shaped(doc).unwrap();
        let content = out["paths"]["/v1/c"]["post"]["responses"]["200"]["content"]
            .as_object()
            .unwrap();
        let keys: Vec<&String> = content.keys().collect();
        assert_eq!(keys, ["application/json", "text/event-stream"]);
    }

    #[test]
    fn s4_several_request_media_types_are_an_error() {
        let doc = doc_with(
            json!({}),
            json!({"/v1/c": {"post": {"operationId": "c", "requestBody": {"content": {
                "application/json": {"schema": {}}, "text/plain": {"schema": {}}
            }}, "responses": {}}}}),
        );
        let e = shaped(doc).unwrap_err();
        assert_eq!(e.pointer, "/paths/~1v1~1c/post/requestBody/content");
    }

    #[test]
    fn pascal_case_of_operation_ids() {
        assert_eq!(pascal_case("createChatCompletion"), "CreateChatCompletion");
        assert_eq!(pascal_case("list-models"), "ListModels");
    }
}
