//! Schema-Object rules 2–10 of the 3.1 → 3.0.3 conversion (rules 1, 11 and 12 are the
//! document-level ones in `document_rules`).
//! Each rule is a small function; [`convert_schema`] applies them in order at one node and then
//! recurses into the node's subschemas.

use serde_json::{Map, Value};

use super::error::{ErrorKind, Oas30Error, Result, push};
use super::walk;

/// Keywords of the OpenAPI 3.0.3 Schema Object (plus `$ref`). Anything else, except `x-`
/// extensions, is rejected by rule 10.
const OAS30_KEYWORDS: &[&str] = &[
    "$ref",
    "title",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxProperties",
    "minProperties",
    "required",
    "enum",
    "type",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "items",
    "properties",
    "additionalProperties",
    "description",
    "format",
    "default",
    "nullable",
    "discriminator",
    "readOnly",
    "writeOnly",
    "xml",
    "externalDocs",
    "example",
    "deprecated",
];

/// Converts one schema (and, recursively, its subschemas) in place.
pub fn convert_schema(schema: &mut Value, ptr: &str) -> Result<()> {
    if let Value::Bool(b) = schema {
        // 3.1 allows boolean schemas anywhere; 3.0 only for additionalProperties (handled by
        // the walker, which never hands those over).
        if *b {
            *schema = Value::Object(Map::new());
            return Ok(());
        }
        return Err(untranslatable(ptr, "the `false` schema"));
    }
    let obj = schema.as_object_mut().ok_or_else(|| {
        Oas30Error::new(ptr, ErrorKind::Malformed("schema is not an object".into()))
    })?;
    if obj.contains_key("$ref") {
        rule4_ref_siblings(obj);
        return Ok(());
    }
    rule3_null_branch(obj, ptr)?;
    if obj.contains_key("$ref") {
        return Ok(());
    }
    rule2_type_array(obj, ptr)?;
    rule5_const(obj);
    rule6_examples(obj, ptr)?;
    rule7_exclusive_bounds(obj);
    rule8_property_names(obj, ptr)?;
    json_content(obj);
    rule9_content_keywords(obj);
    rule10_unknown_keywords(obj, ptr)?;
    walk::children(schema, ptr, &mut |child, p| convert_schema(child, p))
}

fn untranslatable(ptr: &str, what: &str) -> Oas30Error {
    Oas30Error::new(ptr, ErrorKind::Untranslatable(what.into()))
}

fn is_null_schema(v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.len() == 1 && o.get("type") == Some(&Value::from("null")))
}

/// Rule 2: `type: [T, "null"]` → `type: T, nullable: true`; `type: "null"` alone and arrays of
/// several non-null types have no 3.0 form.
fn rule2_type_array(obj: &mut Map<String, Value>, ptr: &str) -> Result<()> {
    let here = push(ptr, "type");
    match obj.get("type") {
        Some(Value::Array(types)) => {
            let nullable = types.iter().any(|t| t == "null");
            let rest: Vec<&Value> = types.iter().filter(|t| *t != "null").collect();
            let single = match rest.as_slice() {
                [one] => (*one).clone(),
                [] => return Err(untranslatable(&here, "a schema whose only type is `null`")),
                _ => {
                    return Err(untranslatable(
                        &here,
                        "a type array with several non-null types",
                    ));
                }
            };
            obj.insert("type".into(), single);
            if nullable {
                obj.insert("nullable".into(), Value::Bool(true));
            }
            Ok(())
        }
        Some(t) if t == "null" => Err(untranslatable(&here, "`type: null`")),
        _ => Ok(()),
    }
}

/// Rule 3: a `{type: null}` branch of `oneOf`/`anyOf` becomes `nullable: true`. One remaining
/// `$ref` is wrapped in `allOf` (so sibling keywords such as `description` survive); one
/// remaining inline schema is merged into the parent.
fn rule3_null_branch(obj: &mut Map<String, Value>, ptr: &str) -> Result<()> {
    for key in ["oneOf", "anyOf"] {
        let Some(Value::Array(branches)) = obj.get(key) else {
            continue;
        };
        if !branches.iter().any(is_null_schema) {
            continue;
        }
        let mut rest: Vec<Value> = branches
            .iter()
            .filter(|b| !is_null_schema(b))
            .cloned()
            .collect();
        obj.insert("nullable".into(), Value::Bool(true));
        if rest.len() != 1 {
            if rest.is_empty() {
                return Err(untranslatable(&push(ptr, key), "a union of `null` only"));
            }
            obj.insert(key.into(), Value::Array(rest));
            continue;
        }
        obj.remove(key);
        let only = rest.pop().expect("one branch");
        if only.get("$ref").is_some() {
            let reference = only.get("$ref").cloned().expect("checked");
            let mut r = Map::new();
            r.insert("$ref".into(), reference);
            obj.insert("allOf".into(), Value::Array(vec![Value::Object(r)]));
        } else if let Value::Object(inline) = only {
            for (k, v) in inline {
                // Two descriptions (the property's and its type's) are both kept, in order.
                if let (true, Some(Value::String(outer)), Value::String(inner)) =
                    (k == "description", obj.get(&k), &v)
                {
                    if outer != inner {
                        let joined = format!("{outer}\n\n{inner}");
                        obj.insert(k, Value::String(joined));
                    }
                    continue;
                }
                if obj.contains_key(&k) && k != "nullable" {
                    return Err(untranslatable(
                        &push(ptr, key),
                        &format!("the non-null branch repeats `{k}` of its parent"),
                    ));
                }
                obj.insert(k, v);
            }
            // The merged branch may itself be a nullable union (`oneOf: [null, oneOf: [T,
            // null]]`): fold it too, or its `type: null` would be left behind.
            return rule3_null_branch(obj, ptr);
        } else {
            return Err(untranslatable(&push(ptr, key), "a non-object branch"));
        }
    }
    Ok(())
}

/// Rule 4: 3.0 ignores siblings of `$ref`; drop them so no tool is tempted to read them.
fn rule4_ref_siblings(obj: &mut Map<String, Value>) {
    if obj.len() > 1 {
        obj.retain(|k, _| k == "$ref");
    }
}

/// Rule 5: `const: v` → `enum: [v]`.
fn rule5_const(obj: &mut Map<String, Value>) {
    if let Some(v) = obj.remove("const") {
        obj.insert("enum".into(), Value::Array(vec![v]));
    }
}

/// Rule 6: schema `examples: [a, …]` → `example: a` (3.0 has only the singular keyword).
fn rule6_examples(obj: &mut Map<String, Value>, ptr: &str) -> Result<()> {
    let Some(examples) = obj.remove("examples") else {
        return Ok(());
    };
    let Value::Array(list) = examples else {
        return Err(Oas30Error::new(
            &push(ptr, "examples"),
            ErrorKind::Malformed("schema `examples` must be an array".into()),
        ));
    };
    if let Some(first) = list.into_iter().next() {
        obj.entry("example").or_insert(first);
    }
    Ok(())
}

/// Rule 7: numeric `exclusiveMinimum: n` → `minimum: n, exclusiveMinimum: true` (same for max).
fn rule7_exclusive_bounds(obj: &mut Map<String, Value>) {
    for (exclusive, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if let Some(n @ Value::Number(_)) = obj.get(exclusive).cloned() {
            obj.insert(bound.into(), n);
            obj.insert(exclusive.into(), Value::Bool(true));
        }
    }
}

/// Rule 8: `propertyNames: {type: string}` says nothing JSON does not already say, so it goes;
/// any other `propertyNames` constrains keys in a way 3.0 cannot express. `$schema`, `$id` and
/// `$comment` are dropped.
fn rule8_property_names(obj: &mut Map<String, Value>, ptr: &str) -> Result<()> {
    if let Some(names) = obj.get("propertyNames") {
        let plain_string = names
            .as_object()
            .is_some_and(|o| o.len() == 1 && o.get("type") == Some(&Value::from("string")));
        if !plain_string {
            return Err(untranslatable(
                &push(ptr, "propertyNames"),
                "`propertyNames` other than `{type: string}`",
            ));
        }
        obj.remove("propertyNames");
    }
    for k in ["$schema", "$id", "$comment"] {
        obj.remove(k);
    }
    Ok(())
}

/// A string holding a JSON document (`contentMediaType: application/json` or `*+json`) stays a
/// plain string: 3.0.3 cannot say what it holds, and rule 9's `format: binary` would make
/// generators type it as bytes. The media type is kept as `x-contentMediaType`; the
/// `contentSchema` is dropped (its component stays, and the description names it).
fn json_content(obj: &mut Map<String, Value>) {
    let is_json = |m: &str| m == "application/json" || m.ends_with("+json");
    if obj.contains_key("contentEncoding") {
        return;
    }
    if let Some(media) = obj.remove("contentMediaType") {
        if media.as_str().is_some_and(is_json) {
            obj.remove("contentSchema");
            obj.insert("x-contentMediaType".into(), media);
        } else {
            obj.insert("contentMediaType".into(), media);
        }
    }
}

/// Rule 9: `contentEncoding: base64` → `format: byte`; `contentMediaType` → `format: binary`.
fn rule9_content_keywords(obj: &mut Map<String, Value>) {
    let encoding = obj.remove("contentEncoding");
    let media = obj.remove("contentMediaType");
    if encoding.as_ref().is_some_and(|e| e == "base64") {
        obj.insert("format".into(), Value::from("byte"));
    } else if encoding.is_some() || media.is_some() {
        obj.insert("format".into(), Value::from("binary"));
    }
}

/// Rule 10: anything left outside the 3.0 Schema Object is an error, never silently dropped.
fn rule10_unknown_keywords(obj: &Map<String, Value>, ptr: &str) -> Result<()> {
    match obj
        .keys()
        .find(|k| !k.starts_with("x-") && !OAS30_KEYWORDS.contains(&k.as_str()))
    {
        Some(k) => Err(Oas30Error::new(ptr, ErrorKind::UnknownKeyword(k.clone()))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn convert(mut v: Value) -> Result<Value> {
        convert_schema(&mut v, "/components/schemas/X")?;
        Ok(v)
    }

    #[test]
    fn rule2_type_array_becomes_nullable() {
        assert_eq!(
            convert(json!({"type": ["string", "null"], "description": "d"})).unwrap(),
            json!({"type": "string", "description": "d", "nullable": true})
        );
        assert_eq!(
            convert(json!({"type": ["integer"]})).unwrap(),
            json!({"type": "integer"})
        );
    }

    #[test]
    fn rule2_multi_type_and_null_only_are_errors_with_pointer() {
        let e = convert(json!({"type": ["string", "integer"]})).unwrap_err();
        assert_eq!(e.pointer, "/components/schemas/X/type");
        assert!(e.to_string().contains("several non-null types"), "{e}");
        let e = convert(json!({"type": "null"})).unwrap_err();
        assert_eq!(e.pointer, "/components/schemas/X/type");
    }

    /// Found by the conversion's property test: a nullable union whose branch is itself one.
    #[test]
    fn rule3_folds_a_nested_nullable_union() {
        let out = convert(json!({
            "oneOf": [{"type": "null"}, {"oneOf": [{"type": "string"}, {"type": "null"}]}]
        }))
        .unwrap();
        assert_eq!(out, json!({"nullable": true, "type": "string"}));
    }

    #[test]
    fn rule3_null_ref_branch_is_wrapped_in_all_of() {
        let out = convert(json!({
            "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Y"}],
            "description": "kept"
        }))
        .unwrap();
        assert_eq!(
            out,
            json!({"description": "kept", "nullable": true,
                   "allOf": [{"$ref": "#/components/schemas/Y"}]})
        );
    }

    #[test]
    fn rule3_null_inline_branch_is_merged() {
        let out = convert(json!({"anyOf": [{"type": "object", "properties": {"a": {"type": ["string", "null"]}}}, {"type": "null"}]})).unwrap();
        assert_eq!(
            out,
            json!({"nullable": true, "type": "object",
                   "properties": {"a": {"type": "string", "nullable": true}}})
        );
    }

    #[test]
    fn rule3_keeps_a_wider_union() {
        let out =
            convert(json!({"oneOf": [{"type": "null"}, {"type": "string"}, {"type": "integer"}]}))
                .unwrap();
        assert_eq!(
            out,
            json!({"oneOf": [{"type": "string"}, {"type": "integer"}], "nullable": true})
        );
    }

    #[test]
    fn rule4_ref_siblings_are_dropped() {
        assert_eq!(
            convert(json!({"$ref": "#/components/schemas/Y", "description": "x"})).unwrap(),
            json!({"$ref": "#/components/schemas/Y"})
        );
    }

    #[test]
    fn rule5_const_becomes_enum() {
        assert_eq!(
            convert(json!({"const": "a"})).unwrap(),
            json!({"enum": ["a"]})
        );
    }

    #[test]
    fn rule6_examples_becomes_example() {
        assert_eq!(
            convert(json!({"type": "integer", "examples": [3, 4]})).unwrap(),
            json!({"type": "integer", "example": 3})
        );
    }

    #[test]
    fn rule7_numeric_exclusive_bounds() {
        assert_eq!(
            convert(json!({"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 2}))
                .unwrap(),
            json!({"type": "number", "exclusiveMinimum": true, "exclusiveMaximum": true,
                   "minimum": 0, "maximum": 2})
        );
    }

    #[test]
    fn rule8_string_property_names_dropped_others_rejected() {
        assert_eq!(
            convert(
                json!({"type": "object", "propertyNames": {"type": "string"}, "$comment": "c",
                           "additionalProperties": {"type": "string"}})
            )
            .unwrap(),
            json!({"type": "object", "additionalProperties": {"type": "string"}})
        );
        let e =
            convert(json!({"type": "object", "propertyNames": {"type": "integer"}})).unwrap_err();
        assert_eq!(e.pointer, "/components/schemas/X/propertyNames");
    }

    #[test]
    fn json_content_stays_a_string() {
        let schema = json!({"type": "string", "contentMediaType": "application/json",
            "contentSchema": {"$ref": "#/components/schemas/M"}});
        assert_eq!(
            convert(schema).unwrap(),
            json!({"type": "string", "x-contentMediaType": "application/json"})
        );
    }

    #[test]
    fn rule9_content_keywords_become_formats() {
        assert_eq!(
            convert(json!({"type": "string", "contentEncoding": "base64"})).unwrap(),
            json!({"type": "string", "format": "byte"})
        );
        assert_eq!(
            convert(json!({"type": "string", "contentMediaType": "image/png"})).unwrap(),
            json!({"type": "string", "format": "binary"})
        );
    }

    #[test]
    fn rule10_unknown_keyword_names_nested_pointer() {
        let e = convert(json!({"type": "object", "properties": {
            "pair": {"type": "array", "prefixItems": [{"type": "string"}], "items": false}
        }}))
        .unwrap_err();
        assert_eq!(e.pointer, "/components/schemas/X/properties/pair");
        assert_eq!(e.kind, ErrorKind::UnknownKeyword("prefixItems".into()));
    }

    #[test]
    fn properties_named_like_keywords_are_not_rewritten() {
        let input = json!({"type": "object", "properties": {
            "type": {"type": "string"}, "const": {"type": "integer"}, "examples": {"type": "array", "items": {}}
        }, "required": ["type", "const"]});
        assert_eq!(convert(input.clone()).unwrap(), input);
    }

    #[test]
    fn boolean_schemas() {
        assert_eq!(convert(json!(true)).unwrap(), json!({}));
        assert!(convert(json!(false)).is_err());
        // `additionalProperties: false` is valid 3.0 and stays.
        let closed = json!({"type": "object", "additionalProperties": false});
        assert_eq!(convert(closed.clone()).unwrap(), closed);
    }
}
