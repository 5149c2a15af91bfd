//! Document-level rules of the 3.1 → 3.0.3 conversion: rule 1 (version and 3.1/3.2-only
//! document fields) and rule 11 (optional parameters are not nullable).

use serde_json::Value;

use super::Stats;
use super::error::{ErrorKind, Oas30Error, Result};
use super::schema_rules::convert_schema;
use super::walk::{self, Visitor};

/// Rule 1 plus the walk that applies the schema rules and rule 11 everywhere.
pub fn convert(doc: &mut Value, stats: &mut Stats) -> Result<()> {
    rule1_document(doc, stats)?;
    struct Convert<'a>(&'a mut Stats);
    impl Visitor for Convert<'_> {
        fn schema(&mut self, schema: &mut Value, ptr: &str) -> Result<()> {
            convert_schema(schema, ptr, self.0)
        }
        fn parameter(&mut self, param: &mut Value, _ptr: &str) -> Result<()> {
            rule11_optional_parameter(param, self.0);
            Ok(())
        }
        fn media_type(&mut self, media: &mut Value, _ptr: &str) -> Result<()> {
            if let Some(m) = media.as_object_mut() {
                // 3.2 sequential-media fields; utoipa 6 never writes them.
                for k in ["itemSchema", "itemEncoding", "prefixEncoding"] {
                    if m.remove(k).is_some() {
                        self.0.hit(1);
                    }
                }
            }
            Ok(())
        }
    }
    walk::document(doc, &mut Convert(stats))
}

/// Rule 1: `openapi: 3.1.x` → `3.0.3`, and the document fields 3.0 lacks are dropped; a
/// non-empty `webhooks` has no 3.0 form and is an error.
fn rule1_document(doc: &mut Value, stats: &mut Stats) -> Result<()> {
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
    stats.hit(1);
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
        if let Some(license) = info.get_mut("license").and_then(Value::as_object_mut) {
            license.remove("identifier");
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
fn rule11_optional_parameter(param: &mut Value, stats: &mut Stats) {
    let required = param
        .get("required")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if required {
        return;
    }
    if let Some(schema) = param.get_mut("schema").and_then(Value::as_object_mut)
        && schema.remove("nullable").is_some()
    {
        stats.hit(11);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn run(mut doc: Value) -> Result<Value> {
        convert(&mut doc, &mut Stats::default())?;
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
                   "info": {"title": "t", "version": "1", "license": {"name": "Apache-2.0"}},
                   "components": {}, "paths": {}})
        );
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
