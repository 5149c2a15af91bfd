//! JSON Schema as readable HTML: a one-line type label with links to named schemas, property
//! tables for objects, variant lists for unions, and the schema's own JSON for the exact text.

use serde_json::Value;

use super::html::{anchor, code_block, escape, markdown};

/// Fragment of a named schema on the reference page.
pub fn schema_anchor(name: &str) -> String {
    anchor("schema-", name)
}

/// The component name of a `#/components/schemas/<name>` reference.
pub fn ref_name(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")?
        .as_str()?
        .strip_prefix("#/components/schemas/")
}

/// A link to a named schema.
pub fn schema_link(name: &str) -> String {
    format!(
        "<a class=\"schema-ref\" href=\"#{}\">{}</a>",
        schema_anchor(name),
        escape(name)
    )
}

/// A one-line description of a schema's type (HTML).
pub fn type_label(schema: &Value) -> String {
    if let Some(name) = ref_name(schema) {
        return schema_link(name);
    }
    if let Some(other) = schema.get("$ref").and_then(Value::as_str) {
        return format!("<code>{}</code>", escape(other));
    }
    let Some(map) = schema.as_object() else {
        // `true` / `false` schemas.
        return if schema == &Value::Bool(false) {
            "nothing".into()
        } else {
            "any".into()
        };
    };
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(variants) = map.get(key).and_then(Value::as_array) {
            let sep = if key == "allOf" { " &amp; " } else { " | " };
            let parts: Vec<String> = variants.iter().map(type_label).collect();
            let word = match key {
                "oneOf" => "one of",
                "anyOf" => "any of",
                _ => "all of",
            };
            return format!("{word}: {}", parts.join(sep));
        }
    }
    if let Some(value) = map.get("const") {
        return format!("<code>{}</code>", escape(&value.to_string()));
    }
    if let Some(values) = map.get("enum").and_then(Value::as_array) {
        let parts: Vec<String> = values
            .iter()
            .map(|v| format!("<code>{}</code>", escape(&v.to_string())))
            .collect();
        return parts.join(" | ");
    }
    let types: Vec<&str> = match map.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if types.is_empty() {
        if map.contains_key("properties") {
            return "object".into();
        }
        return "any".into();
    }
    let parts: Vec<String> = types
        .iter()
        .map(|t| match *t {
            "array" => match map.get("items") {
                Some(items) => format!("array of {}", type_label(items)),
                None => "array".into(),
            },
            "object" if !map.contains_key("properties") => match map.get("additionalProperties") {
                Some(Value::Bool(false)) | None => "object".into(),
                Some(Value::Bool(true)) => "map of any".into(),
                Some(values) => format!("map of {}", type_label(values)),
            },
            other => {
                let format = map.get("format").and_then(Value::as_str);
                match format {
                    Some(f) if other != "null" => format!("{other} ({})", escape(f)),
                    _ => escape(other),
                }
            }
        })
        .collect();
    parts.join(" | ")
}

/// Validation keywords a reader needs beside the type (HTML, possibly empty).
fn constraints(schema: &Value) -> String {
    let mut parts = Vec::new();
    for key in [
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "pattern",
        "default",
    ] {
        if let Some(v) = schema.get(key) {
            parts.push(format!(
                "<span class=\"constraint\">{key}: <code>{}</code></span>",
                escape(&v.to_string())
            ));
        }
    }
    if let Some(values) = schema
        .get("not")
        .and_then(|n| n.get("enum"))
        .and_then(Value::as_array)
    {
        let list: Vec<String> = values.iter().map(|v| escape(&v.to_string())).collect();
        parts.push(format!(
            "<span class=\"constraint\">not one of: <code>{}</code></span>",
            list.join(", ")
        ));
    }
    if schema.get("deprecated") == Some(&Value::Bool(true)) {
        parts.push("<span class=\"constraint\">deprecated</span>".into());
    }
    parts.join(" ")
}

/// Nesting depth up to which inline object schemas get their own property table.
const MAX_DEPTH: usize = 4;

/// The body of a schema: description, properties or variants, and notable keywords.
pub fn schema_body(schema: &Value, depth: usize) -> String {
    let mut out = String::new();
    let is_ref = ref_name(schema).is_some();
    if let Some(text) = schema.get("description").and_then(Value::as_str) {
        out.push_str(&format!("<div class=\"desc\">{}</div>", markdown(text)));
    }
    if is_ref {
        out.push_str(&format!("<p>Schema: {}</p>", type_label(schema)));
        return out;
    }
    let label = type_label(schema);
    let c = constraints(schema);
    out.push_str(&format!("<p class=\"type\">Type: {label} {c}</p>"));
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        out.push_str(
            "<table class=\"props\"><thead><tr><th>Property</th><th>Type</th>\
             <th>Description</th></tr></thead><tbody>",
        );
        for (name, prop) in props {
            let req = if required.contains(&name.as_str()) {
                " <span class=\"required\">required</span>"
            } else {
                ""
            };
            let mut desc = String::new();
            if let Some(text) = prop.get("description").and_then(Value::as_str) {
                desc.push_str(&markdown(text));
            }
            desc.push_str(&constraints(prop));
            if depth < MAX_DEPTH && is_inline_object(prop) {
                desc.push_str(&nested(prop, depth + 1));
            }
            out.push_str(&format!(
                "<tr><td><code>{}</code>{req}</td><td>{}</td><td>{desc}</td></tr>",
                escape(name),
                type_label(prop)
            ));
        }
        out.push_str("</tbody></table>");
        match schema.get("additionalProperties") {
            Some(Value::Bool(false)) => {
                out.push_str("<p class=\"note\">No other properties are allowed.</p>")
            }
            Some(Value::Bool(true)) => {
                out.push_str("<p class=\"note\">Other properties are allowed.</p>")
            }
            Some(extra) if extra.as_object().is_some_and(|m| m.is_empty()) => {
                out.push_str("<p class=\"note\">Other properties are allowed.</p>")
            }
            Some(extra) => out.push_str(&format!(
                "<p class=\"note\">Other properties: {}</p>",
                type_label(extra)
            )),
            None => {}
        }
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(variants) = schema.get(key).and_then(Value::as_array) {
            out.push_str(&format!(
                "<p class=\"note\"><code>{key}</code>:</p><ul class=\"variants\">"
            ));
            for variant in variants {
                let mut item = type_label(variant);
                if let Some(text) = variant.get("description").and_then(Value::as_str) {
                    item.push_str(&format!(" — {}", inline_markdown(text)));
                }
                if depth < MAX_DEPTH && is_inline_object(variant) {
                    item.push_str(&nested(variant, depth + 1));
                }
                out.push_str(&format!("<li>{item}</li>"));
            }
            out.push_str("</ul>");
        }
    }
    for key in ["example", "examples"] {
        if let Some(value) = schema.get(key) {
            out.push_str(&format!(
                "<div class=\"schema-example\"><p class=\"note\">{key}:</p>{}</div>",
                code_block(value)
            ));
        }
    }
    out
}

fn is_inline_object(schema: &Value) -> bool {
    ref_name(schema).is_none()
        && (schema.get("properties").is_some()
            || schema
                .get("items")
                .is_some_and(|i| i.get("properties").is_some()))
}

fn nested(schema: &Value, depth: usize) -> String {
    let inner = if schema.get("properties").is_some() {
        schema
    } else {
        &schema["items"]
    };
    // The description is already shown in the parent row.
    let mut copy = inner.clone();
    if std::ptr::eq(inner, schema)
        && let Some(map) = copy.as_object_mut()
    {
        map.remove("description");
    }
    format!("<div class=\"nested\">{}</div>", schema_body(&copy, depth))
}

/// Markdown for a list item: a single paragraph loses its `<p>` wrapper.
fn inline_markdown(text: &str) -> String {
    let html = markdown(text);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => html,
    }
}

/// The section for a named component schema, with its JSON source folded away.
pub fn schema_section(name: &str, schema: &Value) -> String {
    format!(
        "<section class=\"schema\" id=\"{}\" data-schema=\"{}\"><h3>{}</h3>{}\
         <details><summary>JSON Schema</summary>{}</details></section>\n",
        schema_anchor(name),
        escape(name),
        escape(name),
        schema_body(schema, 0),
        code_block(schema)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn labels_link_refs_and_describe_unions_arrays_maps() {
        assert_eq!(
            type_label(&json!({"$ref": "#/components/schemas/Model"})),
            "<a class=\"schema-ref\" href=\"#schema-Model\">Model</a>"
        );
        assert_eq!(
            type_label(&json!({"type": "array", "items": {"type": "string", "format": "uuid"}})),
            "array of string (uuid)"
        );
        assert_eq!(
            type_label(&json!({"type": ["string", "null"]})),
            "string | null"
        );
        assert_eq!(
            type_label(&json!({"type": "object", "additionalProperties": {"type": "integer"}})),
            "map of integer"
        );
        assert_eq!(
            type_label(&json!({"enum": ["a", "<b>"]})),
            "<code>&quot;a&quot;</code> | <code>&quot;&lt;b&gt;&quot;</code>"
        );
        let union =
            type_label(&json!({"oneOf": [{"$ref": "#/components/schemas/A"}, {"type": "null"}]}));
        assert!(union.starts_with("one of: <a"), "{union}");
        assert!(union.ends_with(" | null"), "{union}");
    }

    #[test]
    fn object_body_lists_properties_required_and_nested_objects() {
        let schema = json!({
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": {"type": "string", "description": "The id."},
                "meta": {"type": "object", "properties": {"inner": {"type": "integer", "minimum": 1}}}
            },
            "additionalProperties": false
        });
        let body = schema_body(&schema, 0);
        assert!(
            body.contains("<code>id</code> <span class=\"required\">required</span>"),
            "{body}"
        );
        assert!(body.contains("<code>inner</code>"), "{body}");
        assert!(body.contains("minimum: <code>1</code>"), "{body}");
        assert!(body.contains("No other properties"), "{body}");
    }
}
