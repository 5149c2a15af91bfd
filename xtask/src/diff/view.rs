//! A schema reduced to what the comparison looks at: references resolved, `allOf` merged,
//! `null` (however it is spelled: a type array, 3.0's `nullable`, a `null` branch, a `null` enum
//! value) lifted into one flag, `const` read as a one-value enum, 3.0 and 3.1 exclusive bounds
//! read alike.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::refs::resolve;

/// Keywords holding a numeric limit, by rule-id stem.
pub const LIMITS: &[(&str, &[&str], bool)] = &[
    // (stem, keywords, is an upper bound)
    ("max-length", &["maxLength"], true),
    ("min-length", &["minLength"], false),
    ("max", &["maximum", "exclusiveMaximum"], true),
    ("min", &["minimum", "exclusiveMinimum"], false),
    ("max-items", &["maxItems"], true),
    ("min-items", &["minItems"], false),
    ("max-properties", &["maxProperties"], true),
    ("min-properties", &["minProperties"], false),
];

/// `oneOf` or `anyOf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Composition {
    OneOf,
    AnyOf,
}

impl Composition {
    pub fn stem(self) -> &'static str {
        match self {
            Composition::OneOf => "one-of",
            Composition::AnyOf => "any-of",
        }
    }
}

#[derive(Debug, Default)]
pub struct View<'a> {
    pub nullable: bool,
    /// `None`: any type.
    pub types: Option<BTreeSet<String>>,
    /// Allowed values (`enum`, or `const`), `null` removed.
    pub values: Option<Vec<&'a Value>>,
    /// Alternatives, `null` branches removed (`None` when there is no composition, or when it
    /// was only `X | null`, which is lifted into `X`).
    pub branches: Option<(Composition, Vec<&'a Value>)>,
    pub properties: BTreeMap<String, &'a Value>,
    pub required: BTreeSet<String>,
    /// `additionalProperties` as written: `None` when absent (anything allowed).
    pub additional: Option<&'a Value>,
    pub items: Option<&'a Value>,
    pub format: Option<&'a str>,
    pub pattern: Option<&'a str>,
    pub limits: [Option<f64>; LIMITS.len()],
    pub default: Option<&'a Value>,
    /// `not`: what the value must not be.
    pub not: Option<&'a Value>,
    pub read_only: bool,
    pub write_only: bool,
    /// Descriptions seen on the way (references and `allOf` members included), for the
    /// open-set convention.
    pub description: String,
    /// The last reference followed, if any (used to tell cycles and to name branches).
    pub reference: Option<&'a str>,
}

impl<'a> View<'a> {
    /// Whether the description marks the value set as open (README, "Open enums").
    pub fn open_set(&self) -> bool {
        let d = self.description.to_lowercase();
        d.contains("open set") || d.contains("open union") || d.contains("open enum")
    }
}

/// Builds the view of `schema` within `root`.
pub fn view<'a>(root: &'a Value, schema: &'a Value) -> View<'a> {
    let mut v = View::default();
    merge(root, schema, &mut v, 0);
    if let Some((_, branches)) = &v.branches
        && branches.is_empty()
    {
        v.branches = None;
    }
    v
}

fn merge<'a>(root: &'a Value, schema: &'a Value, v: &mut View<'a>, depth: usize) {
    if depth > 16 {
        return;
    }
    let (s, reference) = resolve(root, schema);
    if depth == 0 || v.reference.is_none() {
        v.reference = reference.or(v.reference);
    }
    let Some(obj) = s.as_object() else {
        return;
    };
    if let Some(d) = obj.get("description").and_then(Value::as_str) {
        v.description.push_str(d);
        v.description.push('\n');
    }
    if let Some(t) = obj.get("type") {
        let mut set: BTreeSet<String> = match t {
            Value::String(t) => [t.clone()].into(),
            Value::Array(ts) => ts
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            _ => BTreeSet::new(),
        };
        if set.remove("null") {
            v.nullable = true;
        }
        v.types = Some(match v.types.take() {
            None => set,
            Some(prev) => prev.intersection(&set).cloned().collect(),
        });
    }
    if obj.get("nullable") == Some(&Value::Bool(true)) {
        v.nullable = true;
    }
    let values: Option<Vec<&Value>> = match (obj.get("enum"), obj.get("const")) {
        (Some(Value::Array(e)), _) => Some(e.iter().collect()),
        (_, Some(c)) => Some(vec![c]),
        _ => None,
    };
    if let Some(values) = values {
        if values.iter().any(|x| x.is_null()) {
            v.nullable = true;
        }
        let values: Vec<&Value> = values.into_iter().filter(|x| !x.is_null()).collect();
        v.values = Some(match v.values.take() {
            None => values,
            Some(prev) => prev.into_iter().filter(|x| values.contains(x)).collect(),
        });
    }
    for (keyword, composition) in [("oneOf", Composition::OneOf), ("anyOf", Composition::AnyOf)] {
        let Some(Value::Array(branches)) = obj.get(keyword) else {
            continue;
        };
        let mut flat = Vec::new();
        for b in branches {
            flatten(root, b, keyword, &mut flat, 0);
        }
        let mut kept = Vec::new();
        for b in flat {
            if is_null_schema(root, b) {
                v.nullable = true;
            } else {
                kept.push(b);
            }
        }
        if kept.len() == 1 && v.branches.is_none() {
            // `X | null`: the view of X itself.
            merge(root, kept[0], v, depth + 1);
        } else if v.branches.is_none() {
            v.branches = Some((composition, kept));
        }
    }
    if let Some(Value::Array(members)) = obj.get("allOf") {
        for m in members {
            merge(root, m, v, depth + 1);
        }
    }
    if let Some(Value::Object(props)) = obj.get("properties") {
        for (name, p) in props {
            v.properties.entry(name.clone()).or_insert(p);
        }
    }
    if let Some(Value::Array(req)) = obj.get("required") {
        v.required
            .extend(req.iter().filter_map(Value::as_str).map(str::to_owned));
    }
    if let Some(a) = obj.get("additionalProperties") {
        v.additional = Some(a);
    }
    if let Some(i) = obj.get("items") {
        v.items = Some(i);
    }
    if let Some(f) = obj.get("format").and_then(Value::as_str) {
        v.format = Some(f);
    }
    if let Some(p) = obj.get("pattern").and_then(Value::as_str) {
        v.pattern = Some(p);
    }
    for (i, (_, keywords, _)) in LIMITS.iter().enumerate() {
        for k in *keywords {
            // 3.0 writes `exclusiveMaximum: true` beside `maximum`; 3.1 writes the bound itself.
            if let Some(n) = obj.get(*k).and_then(Value::as_f64) {
                v.limits[i] = Some(n);
            }
        }
    }
    if let Some(d) = obj.get("default") {
        v.default = Some(d);
    }
    if let Some(n) = obj.get("not") {
        v.not = Some(n);
    }
    v.read_only |= obj.get("readOnly") == Some(&Value::Bool(true));
    v.write_only |= obj.get("writeOnly") == Some(&Value::Bool(true));
}

/// A branch that is nothing but a composition of the same kind stands for its own branches
/// (flattening `oneOf: [A, {oneOf: [B, C]}]` into `oneOf: [A, B, C]` accepts the same values).
fn flatten<'a>(
    root: &'a Value,
    branch: &'a Value,
    keyword: &str,
    out: &mut Vec<&'a Value>,
    depth: usize,
) {
    let (s, _) = resolve(root, branch);
    let nested = s.as_object().and_then(|o| {
        let only = o.keys().all(|k| {
            k == keyword || matches!(k.as_str(), "description" | "title" | "discriminator")
        });
        o.get(keyword).and_then(Value::as_array).filter(|_| only)
    });
    match nested {
        Some(list) if depth < 8 => {
            for b in list {
                flatten(root, b, keyword, out, depth + 1);
            }
        }
        _ => out.push(branch),
    }
}

/// `{"type": "null"}` (or an equivalent `enum: [null]`).
fn is_null_schema(root: &Value, schema: &Value) -> bool {
    let (s, _) = resolve(root, schema);
    s.get("type") == Some(&Value::String("null".into()))
        || s.get("enum") == Some(&Value::Array(vec![Value::Null]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn null_spellings_agree() {
        let root = json!({"components": {"schemas": {"S": {"type": "string", "maxLength": 3}}}});
        let spellings = [
            json!({"type": ["string", "null"], "maxLength": 3}),
            json!({"type": "string", "nullable": true, "maxLength": 3}),
            json!({"oneOf": [{"$ref": "#/components/schemas/S"}, {"type": "null"}]}),
            json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/S"}]}),
        ];
        for s in &spellings {
            let v = view(&root, s);
            assert!(v.nullable, "{s}");
            assert_eq!(v.types, Some(["string".to_owned()].into()), "{s}");
            assert_eq!(v.limits[0], Some(3.0), "{s}");
            assert!(v.branches.is_none(), "{s}");
        }
    }
}
