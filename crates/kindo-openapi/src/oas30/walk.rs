//! Schema-aware traversal of an OpenAPI document. Only Schema-Object positions are handed to the
//! visitor, so a *property* named `type`, `const` or `examples` is never mistaken for a keyword.

use serde_json::Value;

use super::error::{ErrorKind, Oas30Error, Result, push};

/// Callbacks for the positions the rules care about. Every callback receives the JSON pointer
/// of its value.
pub trait Visitor {
    /// A root Schema Object (components, parameter, header or media-type schema).
    fn schema(&mut self, schema: &mut Value, ptr: &str) -> Result<()>;
    /// A Parameter Object (after its schema was visited).
    fn parameter(&mut self, _param: &mut Value, _ptr: &str) -> Result<()> {
        Ok(())
    }
    /// A Media Type Object (before its schema is visited).
    fn media_type(&mut self, _media: &mut Value, _ptr: &str) -> Result<()> {
        Ok(())
    }
}

/// The HTTP methods a Path Item can hold.
pub(super) const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Visits every schema, parameter and media type of `doc`.
pub fn document(doc: &mut Value, v: &mut dyn Visitor) -> Result<()> {
    if let Some(components) = doc.get_mut("components") {
        let c = object(components, "/components")?;
        for_each_entry(c.get_mut("schemas"), "/components/schemas", &mut |s, p| {
            v.schema(s, p)
        })?;
        for_each_entry(
            c.get_mut("responses"),
            "/components/responses",
            &mut |r, p| response(r, p, v),
        )?;
        for_each_entry(
            c.get_mut("parameters"),
            "/components/parameters",
            &mut |x, p| parameter(x, p, v),
        )?;
        for_each_entry(c.get_mut("headers"), "/components/headers", &mut |h, p| {
            header(h, p, v)
        })?;
        for_each_entry(
            c.get_mut("requestBodies"),
            "/components/requestBodies",
            &mut |b, p| content_of(b, p, v),
        )?;
    }
    if let Some(paths) = doc.get_mut("paths") {
        let paths = object(paths, "/paths")?;
        for (path, item) in paths.iter_mut() {
            let item_ptr = push("/paths", path);
            path_item(item, &item_ptr, v)?;
        }
    }
    Ok(())
}

fn path_item(item: &mut Value, ptr: &str, v: &mut dyn Visitor) -> Result<()> {
    let item = object(item, ptr)?;
    if item.contains_key("$ref") {
        return Err(Oas30Error::new(
            ptr,
            ErrorKind::Untranslatable("path item `$ref` to components.pathItems".into()),
        ));
    }
    if let Some(params) = item.get_mut("parameters") {
        parameters(params, &push(ptr, "parameters"), v)?;
    }
    for method in METHODS {
        if let Some(op) = item.get_mut(method) {
            operation(op, &push(ptr, method), v)?;
        }
    }
    Ok(())
}

fn operation(op: &mut Value, ptr: &str, v: &mut dyn Visitor) -> Result<()> {
    let op = object(op, ptr)?;
    if op
        .get("callbacks")
        .is_some_and(|c| c.as_object().is_some_and(|m| !m.is_empty()))
    {
        return Err(Oas30Error::new(
            &push(ptr, "callbacks"),
            ErrorKind::Untranslatable("callbacks are not converted".into()),
        ));
    }
    if let Some(params) = op.get_mut("parameters") {
        parameters(params, &push(ptr, "parameters"), v)?;
    }
    if let Some(body) = op.get_mut("requestBody") {
        content_of(body, &push(ptr, "requestBody"), v)?;
    }
    for_each_entry(
        op.get_mut("responses"),
        &push(ptr, "responses"),
        &mut |r, p| response(r, p, v),
    )
}

fn parameters(params: &mut Value, ptr: &str, v: &mut dyn Visitor) -> Result<()> {
    let list = params
        .as_array_mut()
        .ok_or_else(|| Oas30Error::new(ptr, ErrorKind::Malformed("expected an array".into())))?;
    for (i, p) in list.iter_mut().enumerate() {
        parameter(p, &push(ptr, &i.to_string()), v)?;
    }
    Ok(())
}

fn parameter(p: &mut Value, ptr: &str, v: &mut dyn Visitor) -> Result<()> {
    if is_ref(p) {
        return Ok(());
    }
    header(p, ptr, v)?;
    v.parameter(p, ptr)
}

/// Headers and parameters share `schema` / `content`.
fn header(h: &mut Value, ptr: &str, v: &mut dyn Visitor) -> Result<()> {
    if is_ref(h) {
        return Ok(());
    }
    if let Some(schema) = h.get_mut("schema") {
        v.schema(schema, &push(ptr, "schema"))?;
    }
    content_of(h, ptr, v)
}

fn response(r: &mut Value, ptr: &str, v: &mut dyn Visitor) -> Result<()> {
    if is_ref(r) {
        return Ok(());
    }
    for_each_entry(r.get_mut("headers"), &push(ptr, "headers"), &mut |h, p| {
        header(h, p, v)
    })?;
    content_of(r, ptr, v)
}

/// The `content` map of a request body, response, parameter or header.
fn content_of(holder: &mut Value, ptr: &str, v: &mut dyn Visitor) -> Result<()> {
    if is_ref(holder) {
        return Ok(());
    }
    for_each_entry(
        holder.get_mut("content"),
        &push(ptr, "content"),
        &mut |m, p| {
            v.media_type(m, p)?;
            match m.get_mut("schema") {
                Some(schema) => v.schema(schema, &push(p, "schema")),
                None => Ok(()),
            }
        },
    )
}

fn is_ref(v: &Value) -> bool {
    v.get("$ref").is_some()
}

fn object<'a>(v: &'a mut Value, ptr: &str) -> Result<&'a mut serde_json::Map<String, Value>> {
    v.as_object_mut()
        .ok_or_else(|| Oas30Error::new(ptr, ErrorKind::Malformed("expected an object".into())))
}

fn for_each_entry(
    map: Option<&mut Value>,
    ptr: &str,
    f: &mut dyn FnMut(&mut Value, &str) -> Result<()>,
) -> Result<()> {
    let Some(map) = map else { return Ok(()) };
    for (key, value) in object(map, ptr)?.iter_mut() {
        f(value, &push(ptr, key))?;
    }
    Ok(())
}

/// Calls `f` on every direct subschema of `schema` (properties, additionalProperties, items,
/// allOf/oneOf/anyOf members, not), with its pointer. Boolean `additionalProperties` is skipped.
pub fn children(
    schema: &mut Value,
    ptr: &str,
    f: &mut dyn FnMut(&mut Value, &str) -> Result<()>,
) -> Result<()> {
    let Some(obj) = schema.as_object_mut() else {
        return Ok(());
    };
    for (key, value) in obj.iter_mut() {
        let here = push(ptr, key);
        match key.as_str() {
            "properties" => {
                if let Some(props) = value.as_object_mut() {
                    for (name, s) in props.iter_mut() {
                        f(s, &push(&here, name))?;
                    }
                }
            }
            "additionalProperties" if value.is_object() => f(value, &here)?,
            "items" | "not" => f(value, &here)?,
            "allOf" | "oneOf" | "anyOf" => {
                if let Some(list) = value.as_array_mut() {
                    for (i, s) in list.iter_mut().enumerate() {
                        f(s, &push(&here, &i.to_string()))?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Every schema in the document, depth first (roots and their subschemas).
pub fn every_schema(
    doc: &mut Value,
    f: &mut dyn FnMut(&mut Value, &str) -> Result<()>,
) -> Result<()> {
    struct Deep<'a>(&'a mut dyn FnMut(&mut Value, &str) -> Result<()>);
    fn deep(
        s: &mut Value,
        p: &str,
        f: &mut dyn FnMut(&mut Value, &str) -> Result<()>,
    ) -> Result<()> {
        f(s, p)?;
        children(s, p, &mut |c, cp| deep(c, cp, f))
    }
    impl Visitor for Deep<'_> {
        fn schema(&mut self, schema: &mut Value, ptr: &str) -> Result<()> {
            deep(schema, ptr, self.0)
        }
    }
    document(doc, &mut Deep(f))
}
