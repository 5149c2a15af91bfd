//! One pass that shapes every published document for other languages' code generators
//! (openapi-generator, openapi-python-client, openapi-typescript) without changing what the
//! document accepts. It runs on the 3.1 documents, so the 3.0.3 renditions inherit it.
//!
//! * Named branches: an inline object branch of a component's `oneOf`/`anyOf` becomes its own
//!   component, `<Union><Tag>` after the value its tag property is pinned to (or
//!   `<Union>Variant<n>`), so generators do not invent `ChatMessageOneOf3`.
//! * Flat unions: a `oneOf` branch that refers to another pure `oneOf` of objects is replaced by
//!   that union's branches when every other branch is a non-object; the branches stay pairwise
//!   disjoint, so exactly the same values match exactly one branch. A union left with no
//!   reference anywhere after that is dropped: an orphan component is noise to every linter and
//!   generator, and its branches stay published under their own names.
//! * Discriminators: a closed `oneOf` whose branches all refer to objects that pin one required
//!   property to distinct values (`type`, `role`, ...) gets `discriminator` with a `mapping` of
//!   those values. An open union (one branch is a catch-all whose tag is `not: {enum}` the known
//!   values) gets none: OpenAPI 3.1 has no default mapping (3.2's `defaultMapping`), so a value
//!   outside the mapping names no schema and discriminator-aware tools reject it (openapi-typescript
//!   even types the catch-all's tag as the literal component name), which would close the set.
//!   Its branches are disjoint without it: the catch-all's tag also carries a lookahead-free
//!   `pattern` that generators enforce when they try each branch.
//! * Unique enum member names: component string enums that share a value with another component
//!   enum (`Role`, `InputRole` and `AssistantRole` all have `assistant`) get `x-enum-varnames`
//!   prefixed with the component name, because Go puts every enum constant in one namespace.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

const REF_PREFIX: &str = "#/components/schemas/";

/// Applies every rule above to `doc`. A branch name that would overwrite an existing component
/// is an error naming both.
pub fn shape(doc: &mut Value) -> Result<(), String> {
    name_branches(doc)?;
    flatten_unions(doc);
    add_discriminators(doc);
    unique_enum_names(doc);
    Ok(())
}

/// The component a schema refers to: the name after `#/components/schemas/` in its `$ref`.
fn ref_name(schema: &Value) -> Option<&str> {
    schema.get("$ref")?.as_str()?.strip_prefix(REF_PREFIX)
}

fn schemas_mut(doc: &mut Value) -> Option<&mut Map<String, Value>> {
    doc.pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
}

fn union_key(schema: &Value) -> Option<&'static str> {
    ["oneOf", "anyOf"]
        .into_iter()
        .find(|k| schema.get(*k).is_some_and(Value::is_array))
}

/// The single string value `property` is pinned to in an object schema (`const` or a
/// one-value `enum`, possibly behind one `$ref`).
fn pinned<'a>(
    object: &'a Value,
    property: &str,
    schemas: &'a Map<String, Value>,
) -> Option<Vec<&'a str>> {
    let mut schema = object.get("properties")?.get(property)?;
    if let Some(name) = ref_name(schema) {
        schema = schemas.get(name)?;
    }
    if let Some(c) = schema.get("const").and_then(Value::as_str) {
        return Some(vec![c]);
    }
    let values: Option<Vec<&str>> = schema
        .get("enum")?
        .as_array()?
        .iter()
        .map(Value::as_str)
        .collect();
    values.filter(|v| !v.is_empty())
}

/// Whether `property` of `object` is an open union's catch-all tag (`not: {enum}`).
fn is_catch_all(object: &Value, property: &str) -> bool {
    object
        .get("properties")
        .and_then(|p| p.get(property))
        .and_then(|t| t.get("not"))
        .is_some_and(|n| n.get("enum").is_some())
}

fn is_object(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("object")
        || (schema.get("type").is_none() && schema.get("properties").is_some())
}

fn pascal(value: &str) -> String {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|f| f.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn name_branches(doc: &mut Value) -> Result<(), String> {
    let Some(schemas) = schemas_mut(doc) else {
        return Ok(());
    };
    let snapshot = schemas.clone();
    let mut added: Vec<(String, Value)> = Vec::new();
    for (union, schema) in schemas.iter_mut() {
        let Some(key) = union_key(schema) else {
            continue;
        };
        let branches = schema[key].as_array_mut().expect("union_key checked");
        for (index, branch) in branches.iter_mut().enumerate() {
            if branch.get("$ref").is_some() || !is_object(branch) {
                continue;
            }
            let tag = ["type", "role", "method"].iter().find_map(|p| {
                match pinned(branch, p, &snapshot) {
                    Some(values) if values.len() == 1 => Some(pascal(values[0])),
                    _ => is_catch_all(branch, p).then(|| "Other".to_owned()),
                }
            });
            let name = format!(
                "{union}{}",
                tag.unwrap_or_else(|| format!("Variant{}", index + 1))
            );
            if snapshot.contains_key(&name) || added.iter().any(|(n, _)| *n == name) {
                return Err(format!(
                    "/components/schemas/{union}/{key}/{index}: its component name {name} is taken"
                ));
            }
            let inline =
                std::mem::replace(branch, json!({ "$ref": format!("{REF_PREFIX}{name}") }));
            added.push((name, inline));
        }
    }
    schemas.extend(added);
    Ok(())
}

/// The branches of component `name` when it is a pure union of object `$ref`s.
fn object_union(name: &str, schemas: &Map<String, Value>) -> Option<Vec<Value>> {
    let schema = schemas.get(name)?;
    let branches = schema.get("oneOf")?.as_array()?;
    let objects = branches.iter().all(|b| {
        ref_name(b)
            .and_then(|n| schemas.get(n))
            .is_some_and(is_object)
    });
    objects.then(|| branches.clone())
}

fn flatten_unions(doc: &mut Value) {
    let flattened = flatten_union_branches(doc);
    let referenced = references(doc);
    if let Some(schemas) = schemas_mut(doc) {
        for name in flattened.difference(&referenced) {
            schemas.remove(name);
        }
    }
}

/// Every component name some `$ref` in `doc` points at (extensions such as
/// `x-sse-data-schema` included).
fn references(doc: &Value) -> BTreeSet<String> {
    fn walk(value: &Value, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                if let Some(name) = ref_name(value) {
                    out.insert(name.to_owned());
                }
                map.values().for_each(|v| walk(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(doc, &mut out);
    out
}

/// Replaces nested object unions by their branches; returns the names of the unions it
/// replaced.
fn flatten_union_branches(doc: &mut Value) -> BTreeSet<String> {
    let mut flattened = BTreeSet::new();
    let Some(schemas) = schemas_mut(doc) else {
        return flattened;
    };
    let snapshot = schemas.clone();
    let resolve = |b: &Value| -> Value {
        ref_name(b)
            .and_then(|n| snapshot.get(n))
            .cloned()
            .unwrap_or_else(|| b.clone())
    };
    for schema in schemas.values_mut() {
        let Some(branches) = schema.get("oneOf").and_then(Value::as_array) else {
            continue;
        };
        // Per branch: the nested union it refers to, by name, with that union's branches.
        let nested: Vec<Option<(&str, Vec<Value>)>> = branches
            .iter()
            .map(|b| ref_name(b).and_then(|n| Some((n, object_union(n, &snapshot)?))))
            .collect();
        let mut unions = nested.iter().flatten();
        let (Some((name, _)), None) = (unions.next(), unions.next()) else {
            continue;
        };
        // Exact only when no other branch can be an object.
        let others_disjoint = branches.iter().zip(&nested).all(|(b, n)| {
            n.is_some()
                || resolve(b)
                    .get("type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| t != "object")
        });
        if !others_disjoint {
            continue;
        }
        flattened.insert((*name).to_owned());
        let flat: Vec<Value> = branches
            .iter()
            .zip(&nested)
            .flat_map(|(b, n)| {
                n.as_ref()
                    .map_or_else(|| vec![b.clone()], |(_, v)| v.clone())
            })
            .collect();
        schema["oneOf"] = Value::Array(flat);
    }
    flattened
}

fn add_discriminators(doc: &mut Value) {
    let Some(schemas) = schemas_mut(doc) else {
        return;
    };
    let snapshot = schemas.clone();
    for schema in schemas.values_mut() {
        if schema.get("discriminator").is_some() {
            continue;
        }
        if let Some(d) = discriminator(schema, &snapshot) {
            schema["discriminator"] = d;
        }
    }
}

fn discriminator(schema: &Value, schemas: &Map<String, Value>) -> Option<Value> {
    let branches = schema.get("oneOf")?.as_array()?;
    let targets: Vec<(&str, &Value)> = branches
        .iter()
        .map(|b| {
            let r = b.get("$ref")?.as_str()?;
            Some((r, schemas.get(r.strip_prefix(REF_PREFIX)?)?))
        })
        .collect::<Option<_>>()?;
    if targets.len() < 2 || !targets.iter().all(|(_, s)| is_object(s)) {
        return None;
    }
    let required = |s: &Value, p: &str| {
        s.get("required")
            .and_then(Value::as_array)
            .is_some_and(|r| r.iter().any(|x| x == p))
    };
    'property: for property in ["type", "role", "method", "object", "event"] {
        let mut mapping = Map::new();
        let mut catch_alls = 0;
        for (reference, target) in &targets {
            if !required(target, property) {
                continue 'property;
            }
            if is_catch_all(target, property) {
                catch_alls += 1;
                continue;
            }
            let Some(values) = pinned(target, property, schemas) else {
                continue 'property;
            };
            for value in values {
                if mapping.insert(value.to_owned(), json!(reference)).is_some() {
                    continue 'property;
                }
            }
        }
        if catch_alls == 0 && !mapping.is_empty() {
            return Some(json!({ "propertyName": property, "mapping": mapping }));
        }
    }
    None
}

fn screaming(value: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && prev_lower {
                out.push('_');
            }
            out.push(c.to_ascii_uppercase());
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else {
            if !out.ends_with('_') && !out.is_empty() {
                out.push('_');
            }
            prev_lower = false;
        }
    }
    out.trim_end_matches('_').to_owned()
}

fn unique_enum_names(doc: &mut Value) {
    let Some(schemas) = schemas_mut(doc) else {
        return;
    };
    let mut owners: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, schema) in schemas.iter() {
        let Some(values) = schema.get("enum").and_then(Value::as_array) else {
            continue;
        };
        for value in values.iter().filter_map(Value::as_str) {
            owners
                .entry(screaming(value))
                .or_default()
                .insert(name.clone());
        }
    }
    let shared: BTreeSet<&String> = owners.values().filter(|o| o.len() > 1).flatten().collect();
    let shared: Vec<String> = shared.into_iter().cloned().collect();
    for name in shared {
        let schema = &mut schemas[&name];
        let names: Vec<Value> = schema["enum"]
            .as_array()
            .expect("collected above")
            .iter()
            .map(|v| {
                let value = v.as_str().map(screaming).unwrap_or_else(|| "NULL".into());
                json!(format!("{}_{value}", screaming(&name)))
            })
            .collect();
        schema["x-enum-varnames"] = Value::Array(names);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screaming_names() {
        let cases = [
            ("InputRole", "INPUT_ROLE"),
            ("assistant", "ASSISTANT"),
            ("response.output_text.delta", "RESPONSE_OUTPUT_TEXT_DELTA"),
        ];
        for (value, name) in cases {
            assert_eq!(screaming(value), name, "{value}");
        }
    }

    /// The components `schemas`, shaped.
    fn shaped(schemas: Value) -> Value {
        let mut doc = json!({ "components": { "schemas": schemas } });
        shape(&mut doc).unwrap();
        doc["components"]["schemas"].take()
    }

    /// `union` = a `$ref` to `named` or an inline object, each tagged by the required
    /// `property` with the given schema; shaped.
    fn shaped_union(union: &str, property: &str, named: (&str, Value), inline: Value) -> Value {
        let object = |tag: Value| json!({ "type": "object", "required": [property], "properties": { property: tag } });
        let (name, named_tag) = named;
        let reference = json!({ "$ref": format!("{REF_PREFIX}{name}") });
        shaped(json!({
            union: { "oneOf": [reference, object(inline)] },
            name: object(named_tag),
        }))
    }

    #[test]
    fn a_tagged_union_with_a_catch_all_gets_a_named_catch_all_and_no_discriminator() {
        let text = json!({ "type": "string", "enum": ["text"] });
        let other = json!({ "type": "string", "not": { "enum": ["text"] } });
        let s = shaped_union("Part", "type", ("Text", text), other);
        assert_eq!(
            s["Part"]["oneOf"][1]["$ref"],
            "#/components/schemas/PartOther"
        );
        assert!(s["Part"].get("discriminator").is_none());
        assert!(s["PartOther"].is_object());
    }

    #[test]
    fn a_closed_tagged_union_gets_a_mapping_of_its_tags() {
        let user = json!({ "type": "string", "const": "user" });
        let system = json!({ "type": "string", "enum": ["system"] });
        let s = shaped_union("Message", "role", ("User", user), system);
        assert_eq!(
            s["Message"]["discriminator"],
            json!({ "propertyName": "role", "mapping": {
                "user": "#/components/schemas/User",
                "system": "#/components/schemas/MessageSystem" } })
        );
    }

    /// `Choice` = a string enum or `Named`, a union of one object, with the `extra` components;
    /// shaped.
    fn shaped_choice(extra: Value) -> Value {
        let mut schemas = json!({
            "Choice": { "oneOf": [
                { "$ref": "#/components/schemas/Mode" },
                { "$ref": "#/components/schemas/Named" } ] },
            "Mode": { "type": "string", "enum": ["auto"] },
            "Named": { "oneOf": [ { "$ref": "#/components/schemas/Fn" } ] },
            "Fn": { "type": "object", "properties": {} }
        });
        let map = schemas.as_object_mut().unwrap();
        map.extend(extra.as_object().unwrap().clone());
        shaped(schemas)
    }

    #[test]
    fn a_union_of_a_string_and_a_union_of_objects_is_flattened() {
        let s = shaped_choice(json!({}));
        assert_eq!(
            s["Choice"]["oneOf"],
            json!([{ "$ref": "#/components/schemas/Mode" }, { "$ref": "#/components/schemas/Fn" }])
        );
        assert!(s.get("Named").is_none());
    }

    #[test]
    fn a_flattened_union_still_referenced_elsewhere_is_kept() {
        let s = shaped_choice(json!({ "Holder": { "type": "object", "properties": {
            "named": { "$ref": "#/components/schemas/Named" } } } }));
        assert_eq!(s["Choice"]["oneOf"][1]["$ref"], "#/components/schemas/Fn");
        assert!(s["Named"].is_object());
    }

    #[test]
    fn enums_sharing_a_value_get_prefixed_member_names() {
        let s = shaped(json!({
            "Role": { "type": "string", "enum": ["user", "assistant"] },
            "AssistantRole": { "type": "string", "enum": ["assistant"] },
            "Mode": { "type": "string", "enum": ["auto"] }
        }));
        assert_eq!(
            s["Role"]["x-enum-varnames"],
            json!(["ROLE_USER", "ROLE_ASSISTANT"])
        );
        assert_eq!(
            s["AssistantRole"]["x-enum-varnames"],
            json!(["ASSISTANT_ROLE_ASSISTANT"])
        );
        assert!(s["Mode"].get("x-enum-varnames").is_none());
    }
}
