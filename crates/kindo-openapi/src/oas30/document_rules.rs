//! Document-level rules of the 3.1 → 3.0.3 conversion: rule 1 (version and 3.1/3.2-only
//! document fields), rule 11 (optional parameters are not nullable) and rule 12 (`nullable`
//! needs a sibling `type`).

use serde_json::{Map, Value};

use super::error::{ErrorKind, Oas30Error, Result, push};
use super::schema_rules::convert_schema;
use super::walk::{self, Visitor};

/// Rule 1 plus the walk that applies the schema rules and rule 11 everywhere.
pub fn convert(doc: &mut Value) -> Result<()> {
    rule1_document(doc)?;
    struct Convert;
    impl Visitor for Convert {
        fn schema(&mut self, schema: &mut Value, ptr: &str) -> Result<()> {
            convert_schema(schema, ptr)
        }
        fn parameter(&mut self, param: &mut Value, _ptr: &str) -> Result<()> {
            rule11_optional_parameter(param);
            Ok(())
        }
        fn media_type(&mut self, media: &mut Value, _ptr: &str) -> Result<()> {
            if let Some(m) = media.as_object_mut() {
                // 3.2 sequential-media fields; utoipa 6 never writes them.
                for k in ["itemSchema", "itemEncoding", "prefixEncoding"] {
                    m.remove(k);
                }
            }
            Ok(())
        }
    }
    walk::document(doc, &mut Convert)?;
    rule12_nullable_needs_type(doc, NullableRefs::AdmitNull)
}

/// What rule 12 makes of a nullable `$ref` (`{allOf: [{$ref}], nullable: true}`, from rule 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NullableRefs {
    /// The published form, [`super::nullable_refs::admitting_null`]: by 3.0.3's rules
    /// `nullable` next to `allOf` does not admit `null` (every `allOf` part must match, and
    /// the referenced schema rejects it), so the reference becomes one branch of an `anyOf`.
    AdmitNull,
    /// The form progenitor types as `Option<T>` (the client's input only): the referenced
    /// schema's `type` beside `nullable`; see [`super::nullable_refs::for_client`].
    TypeBeside,
}

/// Rule 12: in 3.0.3 `nullable` only has an effect next to `type` (linters reject it alone).
/// Rule 3 turns a nullable `$ref` into `{allOf: [{$ref}], nullable: true}`: published, that
/// becomes the `anyOf` of [`NullableRefs::AdmitNull`]; for the client, the `type` of the
/// referenced schema is copied beside it. A nullable union without a common `type` (string or
/// array, say) and no `$ref` to carry has no 3.0.3 form: on an optional property it loses
/// `nullable` (3.0 says "no value" by leaving the property out, which is how every client sends
/// it); anywhere else it is an error naming its pointer.
pub(super) fn rule12_nullable_needs_type(doc: &mut Value, refs: NullableRefs) -> Result<()> {
    let schemas = doc
        .pointer("/components/schemas")
        .cloned()
        .unwrap_or(Value::Null);
    let mut required = std::collections::HashSet::new();
    required_properties(doc, String::new(), &mut required);
    walk::every_schema(doc, &mut |schema, ptr| {
        let Some(obj) = schema.as_object_mut() else {
            return Ok(());
        };
        if obj.get("nullable") != Some(&Value::Bool(true)) || obj.contains_key("type") {
            return Ok(());
        }
        if refs == NullableRefs::AdmitNull
            && let Some(form) = super::nullable_refs::admitting_null(obj)
        {
            *obj = form;
            return Ok(());
        }
        let found = type_of(&Value::Object(obj.clone()), &schemas, 0);
        match found {
            Some(t) => {
                obj.insert("type".into(), Value::from(t));
                Ok(())
            }
            None if is_optional_property(ptr, &required) => {
                obj.remove("nullable");
                // `{allOf: [{$ref}]}` was only the carrier of `nullable` (rule 3).
                if let Some([only]) = obj
                    .get("allOf")
                    .and_then(Value::as_array)
                    .map(Vec::as_slice)
                    && only.get("$ref").is_some()
                {
                    *obj = only.as_object().cloned().unwrap_or_default();
                }
                Ok(())
            }
            None => match nullable_union(obj, &schemas) {
                Some(union) => {
                    *obj = union;
                    Ok(())
                }
                None => Err(Oas30Error::new(
                    ptr,
                    ErrorKind::Untranslatable(
                        "a required nullable schema whose `type` cannot be determined".into(),
                    ),
                )),
            },
        }
    })
}

/// A nullable union (directly, or through `allOf: [{$ref}]` to a union component) rewritten as
/// the same union with `nullable` moved onto its first branch that has a `type`: `null` then
/// matches that branch alone, which is what the 3.1 schema accepts.
fn nullable_union(obj: &Map<String, Value>, schemas: &Value) -> Option<Map<String, Value>> {
    let mut target = Value::Object(obj.clone());
    for _ in 0..32 {
        let next = match target.get("allOf").and_then(Value::as_array) {
            Some(parts) if parts.len() == 1 => parts[0].clone(),
            _ => match target.get("$ref").and_then(Value::as_str) {
                Some(r) => schemas
                    .get(r.strip_prefix("#/components/schemas/")?)?
                    .clone(),
                None => break,
            },
        };
        target = next;
    }
    let (key, branches) = ["oneOf", "anyOf"]
        .iter()
        .find_map(|k| Some((*k, target.get(*k)?.as_array()?.clone())))?;
    let mut branches = branches;
    let typed = branches
        .iter_mut()
        .find(|b| b.get("type").is_some_and(Value::is_string))?;
    typed
        .as_object_mut()?
        .insert("nullable".into(), Value::Bool(true));
    let mut out = Map::new();
    if let Some(d) = obj.get("description") {
        out.insert("description".into(), d.clone());
    }
    out.insert(key.into(), Value::Array(branches));
    Some(out)
}

/// Whether `ptr` is `<object>/properties/<name>` with `name` not required by the object.
fn is_optional_property(ptr: &str, required: &std::collections::HashSet<String>) -> bool {
    ptr.rsplit_once('/')
        .is_some_and(|(parent, _)| parent.ends_with("/properties"))
        && !required.contains(ptr)
}

/// Collects the pointers `<object>/properties/<name>` of every required property.
fn required_properties(value: &Value, ptr: String, out: &mut std::collections::HashSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(names) = map.get("required").and_then(Value::as_array)
                && map.get("properties").is_some_and(Value::is_object)
            {
                for name in names.iter().filter_map(Value::as_str) {
                    out.insert(push(&format!("{ptr}/properties"), name));
                }
            }
            for (k, v) in map {
                required_properties(v, push(&ptr, k), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                required_properties(v, format!("{ptr}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The single `type` a schema has, looking through `$ref` and `allOf` and, for `oneOf` and
/// `anyOf`, the type all branches share.
fn type_of(schema: &Value, schemas: &Value, depth: usize) -> Option<String> {
    if depth > 32 {
        return None;
    }
    if let Some(t) = schema.get("type").and_then(Value::as_str) {
        return Some(t.to_owned());
    }
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/components/schemas/")?;
        return type_of(schemas.get(name)?, schemas, depth + 1);
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        return parts.iter().find_map(|p| type_of(p, schemas, depth + 1));
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(branches) = schema.get(key).and_then(Value::as_array) {
            let types: Option<Vec<String>> = branches
                .iter()
                .map(|b| type_of(b, schemas, depth + 1))
                .collect();
            let types = types?;
            let first = types.first()?.clone();
            return types.iter().all(|t| *t == first).then_some(first);
        }
    }
    None
}

/// Rule 1: `openapi: 3.1.x` → `3.0.3`, and the document fields 3.0 lacks are dropped; a
/// non-empty `webhooks` has no 3.0 form and is an error.
fn rule1_document(doc: &mut Value) -> Result<()> {
    let version = doc.get("openapi").and_then(Value::as_str).unwrap_or("");
    if !version.starts_with("3.1.") {
        return Err(Oas30Error::new(
            "/openapi",
            ErrorKind::UnsupportedVersion(version.into()),
        ));
    }
    let root = doc
        .as_object_mut()
        .ok_or_else(|| Oas30Error::new("", ErrorKind::Malformed("not an object".into())))?;
    root.insert("openapi".into(), Value::from("3.0.3"));
    if let Some(hooks) = root.get("webhooks") {
        if hooks.as_object().is_some_and(|m| !m.is_empty()) {
            return Err(Oas30Error::new(
                "/webhooks",
                ErrorKind::Untranslatable("webhooks".into()),
            ));
        }
        root.remove("webhooks");
    }
    for k in ["jsonSchemaDialect", "$self"] {
        root.remove(k);
    }
    if let Some(info) = root.get_mut("info").and_then(Value::as_object_mut) {
        info.remove("summary");
        if let Some(license) = info.get_mut("license").and_then(Value::as_object_mut)
            && let Some(Value::String(id)) = license.remove("identifier")
            && !license.contains_key("url")
        {
            // 3.0 names a license by URL; the SPDX page is the URL of an SPDX identifier.
            license.insert(
                "url".into(),
                Value::from(format!("https://spdx.org/licenses/{id}.html")),
            );
        }
    }
    if let Some(components) = root.get_mut("components").and_then(Value::as_object_mut) {
        // Path items referenced from `paths` are rejected by the walker; unreferenced ones
        // carry no operation a 3.0 reader could reach.
        components.remove("pathItems");
    }
    if root.get("paths").is_none() {
        // 3.0 requires `paths`; 3.1 made it optional.
        root.insert("paths".into(), Value::Object(Default::default()));
    }
    Ok(())
}

/// Rule 11: utoipa writes an optional `Option<T>` parameter as `[T, "null"]`; an absent
/// optional parameter already means "no value", and progenitor generates
/// `Option<Option<T>>` code that does not compile, so `nullable` goes.
fn rule11_optional_parameter(param: &mut Value) {
    let required = param
        .get("required")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if required {
        return;
    }
    if let Some(schema) = param.get_mut("schema").and_then(Value::as_object_mut) {
        schema.remove("nullable");
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn run(mut doc: Value) -> Result<Value> {
        convert(&mut doc)?;
        Ok(doc)
    }

    #[test]
    fn rule1_version_and_document_fields() {
        let out = run(json!({
            "openapi": "3.1.0", "jsonSchemaDialect": "x", "webhooks": {},
            "info": {"title": "t", "version": "1", "summary": "s",
                     "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}},
            "components": {"pathItems": {}}
        }))
        .unwrap();
        assert_eq!(
            out,
            json!({"openapi": "3.0.3",
                   "info": {"title": "t", "version": "1", "license": {"name": "Apache-2.0",
                            "url": "https://spdx.org/licenses/Apache-2.0.html"}},
                   "components": {}, "paths": {}})
        );
    }

    fn with_schemas(schemas: Value) -> Value {
        json!({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
               "components": {"schemas": schemas}})
    }

    /// The client's input: the published conversion, then the client's nullable references.
    fn client(doc: Value) -> Result<Value> {
        let mut out = run(doc)?;
        super::super::nullable_refs::for_client(&mut out)?;
        Ok(out)
    }

    fn null_or(reference: &str) -> Value {
        json!({"anyOf": [{"$ref": reference}, {"type": "object", "nullable": true, "enum": [null]}]})
    }

    #[test]
    fn rule12_publishes_a_nullable_ref_as_any_of_and_copies_its_type_for_the_client() {
        let doc = with_schemas(json!({
            "Inner": {"type": "object", "properties": {}},
            "Outer": {"type": "object", "required": ["a"], "properties": {
                "a": {"description": "d", "oneOf": [{"$ref": "#/components/schemas/Inner"}, {"type": "null"}]}}}
        }));
        let a = "/components/schemas/Outer/properties/a";
        let mut published = null_or("#/components/schemas/Inner");
        published["description"] = json!("d");
        assert_eq!(run(doc.clone()).unwrap().pointer(a).unwrap(), &published);
        assert_eq!(
            client(doc).unwrap().pointer(a).unwrap(),
            &json!({"description": "d", "nullable": true, "allOf": [{"$ref": "#/components/schemas/Inner"}], "type": "object"})
        );
    }

    /// `Msg` refers to the union `Id` as a nullable required `id` and a nullable optional `opt`.
    fn nullable_union_refs() -> Value {
        with_schemas(json!({
            "Id": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            "Msg": {"type": "object", "required": ["id"], "properties": {
                "id": {"oneOf": [{"$ref": "#/components/schemas/Id"}, {"type": "null"}]},
                "opt": {"oneOf": [{"$ref": "#/components/schemas/Id"}, {"type": "null"}]}}}
        }))
    }

    #[test]
    fn rule12_a_nullable_ref_to_a_union_is_published_as_any_of() {
        let out = run(nullable_union_refs()).unwrap();
        let props = out.pointer("/components/schemas/Msg/properties").unwrap();
        assert_eq!(props["opt"], null_or("#/components/schemas/Id"));
        assert_eq!(props["id"], null_or("#/components/schemas/Id"));
    }

    #[test]
    fn rule12_for_the_client_an_optional_union_drops_nullable_a_required_one_moves_it() {
        let out = client(nullable_union_refs()).unwrap();
        let props = out.pointer("/components/schemas/Msg/properties").unwrap();
        assert_eq!(props["opt"], json!({"$ref": "#/components/schemas/Id"}));
        assert_eq!(
            props["id"],
            json!({"oneOf": [{"type": "string", "nullable": true}, {"type": "integer"}]})
        );
    }

    #[test]
    fn rule12_untyped_required_nullable_is_published_but_an_error_for_the_client() {
        let doc = with_schemas(json!({
            "Any": {"oneOf": [{"$ref": "#/components/schemas/Any2"}]},
            "Any2": {"description": "no type"},
            "Msg": {"type": "object", "required": ["x"], "properties": {
                "x": {"oneOf": [{"$ref": "#/components/schemas/Any"}, {"type": "null"}]}}}
        }));
        let x = "/components/schemas/Msg/properties/x";
        let published = run(doc.clone()).unwrap();
        assert_eq!(
            published.pointer(x).unwrap(),
            &null_or("#/components/schemas/Any")
        );
        assert_eq!(client(doc).unwrap_err().pointer, x);
    }

    #[test]
    fn rule1_rejects_other_versions_and_webhooks() {
        let e = run(json!({"openapi": "3.0.3", "info": {}})).unwrap_err();
        assert_eq!(e.pointer, "/openapi");
        let e = run(json!({"openapi": "3.1.0", "webhooks": {"x": {}}})).unwrap_err();
        assert_eq!(e.pointer, "/webhooks");
    }

    #[test]
    fn rule11_optional_parameters_lose_nullable_required_ones_keep_it() {
        let out = run(json!({"openapi": "3.1.0", "paths": {"/a/{id}": {"get": {
            "parameters": [
                {"name": "limit", "in": "query", "required": false,
                 "schema": {"type": ["integer", "null"]}},
                {"name": "id", "in": "path", "required": true,
                 "schema": {"type": ["string", "null"]}}
            ],
            "responses": {}
        }}}}))
        .unwrap();
        let params = &out["paths"]["/a/{id}"]["get"]["parameters"];
        assert_eq!(params[0]["schema"], json!({"type": "integer"}));
        assert_eq!(
            params[1]["schema"],
            json!({"type": "string", "nullable": true})
        );
    }

    #[test]
    fn schema_errors_carry_the_operation_pointer() {
        let e = run(json!({"openapi": "3.1.0", "paths": {"/v1/x": {"post": {
            "requestBody": {"content": {"application/json": {"schema": {"if": {}}}}},
            "responses": {}
        }}}}))
        .unwrap_err();
        assert_eq!(
            e.pointer,
            "/paths/~1v1~1x/post/requestBody/content/application~1json/schema"
        );
        assert_eq!(e.kind, ErrorKind::UnknownKeyword("if".into()));
    }

    #[test]
    fn callbacks_and_path_item_refs_are_rejected() {
        let e =
            run(json!({"openapi": "3.1.0", "paths": {"/x": {"$ref": "#/components/pathItems/X"}}}))
                .unwrap_err();
        assert_eq!(e.pointer, "/paths/~1x");
        let e = run(json!({"openapi": "3.1.0", "paths": {"/x": {"get": {"callbacks": {"c": {}}, "responses": {}}}}}))
            .unwrap_err();
        assert_eq!(e.pointer, "/paths/~1x/get/callbacks");
    }

    #[test]
    fn media_type_3_2_fields_are_dropped() {
        let out = run(json!({"openapi": "3.1.0", "paths": {"/x": {"get": {"responses": {"200": {
            "description": "ok",
            "content": {"text/event-stream": {"schema": {"type": "string"}, "itemSchema": {"type": "object"}}}
        }}}}}}))
        .unwrap();
        assert_eq!(
            out["paths"]["/x"]["get"]["responses"]["200"]["content"]["text/event-stream"],
            json!({"schema": {"type": "string"}})
        );
    }
}
