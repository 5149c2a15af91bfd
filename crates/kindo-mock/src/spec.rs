//! The published documents the mock serves, read from a spec directory or from the copies built
//! into the binary, and everything derived from them once at start-up: operations, routes,
//! compiled validators for request bodies and parameters.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jsonschema::{Draft, Registry, Validator};
use kindo_wire::pointer::percent_encode;
use serde_json::{Value, json};

use crate::events::Table;
pub use kindo_wire::pointer::escape;

/// The three surfaces, in the order of their listeners.
pub const SURFACES: [Surface; 3] = [Surface::Api, Surface::Llm, Surface::Koda];

/// Which published document a listener serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Surface {
    Api,
    Llm,
    Koda,
}

impl Surface {
    /// The document's file stem in `spec/`.
    pub fn name(self) -> &'static str {
        match self {
            Surface::Api => "kindo-api",
            Surface::Llm => "kindo-llm",
            Surface::Koda => "koda-control-plane",
        }
    }

    fn embedded(self) -> &'static str {
        match self {
            Surface::Api => include_str!("../../../spec/kindo-api.openapi.json"),
            Surface::Llm => include_str!("../../../spec/kindo-llm.openapi.json"),
            Surface::Koda => include_str!("../../../spec/koda-control-plane.openapi.json"),
        }
    }
}

/// Why the documents could not be loaded (exit code 3).
#[derive(Debug)]
pub struct SpecError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for SpecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Where a parameter lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum In {
    Path,
    Query,
    Header,
    Cookie,
}

/// A declared parameter with its compiled schema.
pub struct Param {
    pub name: String,
    pub location: In,
    pub required: bool,
    /// The parameter's schema (refs resolved one level), to coerce the wire string.
    pub schema: Value,
    pub validator: Arc<Validator>,
}

/// A segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Literal(String),
    Param(String),
}

/// One operation of a document, ready to route, authenticate and validate.
pub struct Operation {
    pub id: String,
    /// Upper-case HTTP method.
    pub method: String,
    pub path: String,
    pub segments: Vec<Segment>,
    /// JSON pointer of the Operation Object.
    pub pointer: String,
    /// Alternatives of scheme names; an empty alternative means anonymous access.
    pub security: Vec<Vec<String>>,
    pub params: Vec<Param>,
    pub body_required: bool,
    /// Validator of the `application/json` request body, if one is declared.
    pub body: Option<Arc<Validator>>,
    /// The published event table of its `text/event-stream` response, if it streams.
    pub events: Option<Table>,
    pub value: Value,
}

impl Operation {
    /// The Response Object documented for `status`, or `default`.
    pub fn response(&self, status: u16) -> Option<&Value> {
        let responses = self.value.get("responses")?;
        responses
            .get(status.to_string())
            .or_else(|| responses.get("default"))
    }

    /// Whether `status` itself (not `default`) is documented.
    pub fn documents(&self, status: u16) -> bool {
        self.value
            .pointer(&format!("/responses/{status}"))
            .is_some()
    }
}

/// A security scheme, reduced to what the mock checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scheme {
    Bearer,
    Header(String),
    Cookie(String),
}

/// One loaded document.
pub struct Document {
    pub surface: Surface,
    pub value: Value,
    pub operations: Vec<Operation>,
    pub schemes: Vec<(String, Scheme)>,
}

impl Document {
    pub fn scheme(&self, name: &str) -> Option<&Scheme> {
        self.schemes.iter().find(|(n, _)| n == name).map(|(_, s)| s)
    }

    pub fn operation(&self, id: &str) -> Option<&Operation> {
        self.operations.iter().find(|o| o.id == id)
    }

    /// Follows local `$ref`s from `value` to the schema they name.
    pub fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        kindo_wire::pointer::follow(&self.value, value, 32).0
    }
}

/// All three documents.
pub struct Spec {
    pub documents: Vec<Document>,
}

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "options", "head", "patch"];

impl Spec {
    /// Reads `<dir>/<name>.openapi.json` for every surface.
    pub fn from_dir(dir: &Path) -> Result<Spec, SpecError> {
        if !dir.is_dir() {
            return Err(SpecError {
                path: dir.to_path_buf(),
                message: "not a directory".into(),
            });
        }
        let mut texts = Vec::new();
        for surface in SURFACES {
            let path = dir.join(format!("{}.openapi.json", surface.name()));
            let text = std::fs::read_to_string(&path).map_err(|e| SpecError {
                path: path.clone(),
                message: format!("cannot read: {e}"),
            })?;
            texts.push((surface, path, text));
        }
        Spec::build(texts)
    }

    /// The documents built into the binary.
    pub fn embedded() -> Result<Spec, SpecError> {
        Spec::build(
            SURFACES
                .iter()
                .map(|s| {
                    (
                        *s,
                        PathBuf::from(format!("<embedded {}>", s.name())),
                        s.embedded().to_owned(),
                    )
                })
                .collect(),
        )
    }

    fn build(texts: Vec<(Surface, PathBuf, String)>) -> Result<Spec, SpecError> {
        let mut parsed = Vec::new();
        for (surface, path, text) in texts {
            let value: Value = serde_json::from_str(&text).map_err(|e| SpecError {
                path: path.clone(),
                message: format!("not valid JSON: {e}"),
            })?;
            let version = value.get("openapi").and_then(Value::as_str).unwrap_or("");
            if !version.starts_with("3.1.") || value.get("paths").is_none() {
                return Err(SpecError {
                    path,
                    message: format!(
                        "expected an OpenAPI 3.1 document with paths, found openapi: {version:?}"
                    ),
                });
            }
            let mut value = value;
            integer_ranges(&mut value);
            parsed.push((surface, path, value));
        }
        let mut builder = Registry::new();
        for (surface, path, value) in &parsed {
            builder = builder
                .add(
                    urn(*surface),
                    Draft::Draft202012.create_resource(value.clone()),
                )
                .map_err(|e| SpecError {
                    path: path.clone(),
                    message: format!("cannot register: {e}"),
                })?;
        }
        let registry = builder.prepare().map_err(|e| SpecError {
            path: parsed[0].1.clone(),
            message: format!("cannot resolve the documents' references: {e}"),
        })?;
        let mut documents = Vec::new();
        for (surface, path, value) in parsed {
            let compile = |pointer: &str| -> Result<Arc<Validator>, SpecError> {
                let wrapper =
                    json!({ "$ref": format!("{}#{}", urn(surface), percent_encode(pointer)) });
                jsonschema::options()
                    .with_draft(Draft::Draft202012)
                    .with_registry(&registry)
                    .should_validate_formats(true)
                    .build(&wrapper)
                    .map(Arc::new)
                    .map_err(|e| SpecError {
                        path: path.clone(),
                        message: format!("schema at {pointer} does not compile: {e}"),
                    })
            };
            let mut operations = Vec::new();
            let paths = value["paths"].as_object().cloned().unwrap_or_default();
            for (route, item) in &paths {
                for method in METHODS {
                    let Some(op) = item.get(method) else { continue };
                    let pointer = format!("/paths/{}/{method}", escape(route));
                    let id = op
                        .get("operationId")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned();
                    let security = op
                        .get("security")
                        .or_else(|| value.get("security"))
                        .and_then(Value::as_array)
                        .map(|alts| {
                            alts.iter()
                                .map(|alt| {
                                    alt.as_object()
                                        .map(|o| o.keys().cloned().collect())
                                        .unwrap_or_default()
                                })
                                .collect()
                        })
                        .unwrap_or_else(|| vec![Vec::new()]);
                    let mut params = Vec::new();
                    let lists = [
                        (
                            format!("/paths/{}/parameters", escape(route)),
                            item.get("parameters"),
                        ),
                        (format!("{pointer}/parameters"), op.get("parameters")),
                    ];
                    for (base, list) in lists {
                        let list = list.and_then(Value::as_array).cloned().unwrap_or_default();
                        for (index, p) in list.iter().enumerate() {
                            let location = match p.get("in").and_then(Value::as_str) {
                                Some("path") => In::Path,
                                Some("query") => In::Query,
                                Some("header") => In::Header,
                                Some("cookie") => In::Cookie,
                                _ => continue,
                            };
                            params.push(Param {
                                name: p["name"].as_str().unwrap_or_default().to_owned(),
                                location,
                                required: p
                                    .get("required")
                                    .and_then(Value::as_bool)
                                    .unwrap_or(false),
                                validator: compile(&format!("{base}/{index}/schema"))?,
                                schema: p.get("schema").cloned().unwrap_or(json!({})),
                            });
                        }
                    }
                    let body_pointer = format!("{pointer}/requestBody/content/application~1json");
                    let body = match value.pointer(&format!("{body_pointer}/schema")) {
                        Some(_) => Some(compile(&format!("{body_pointer}/schema"))?),
                        None => None,
                    };
                    let body_required = op
                        .pointer("/requestBody/required")
                        .and_then(Value::as_bool)
                        .unwrap_or(false);
                    let unusable = |message: String| SpecError {
                        path: path.clone(),
                        message,
                    };
                    let events = crate::events::of(op, &pointer).map_err(unusable)?;
                    let operation = Operation {
                        id,
                        method: method.to_uppercase(),
                        path: route.clone(),
                        segments: segments(route),
                        pointer,
                        security,
                        params,
                        body_required,
                        body,
                        events,
                        value: op.clone(),
                    };
                    crate::streams::check(&operation).map_err(unusable)?;
                    operations.push(operation);
                }
            }
            let schemes = value
                .pointer("/components/securitySchemes")
                .and_then(Value::as_object)
                .map(|o| {
                    o.iter()
                        .filter_map(|(name, s)| {
                            let scheme = match (
                                s.get("type").and_then(Value::as_str),
                                s.get("in").and_then(Value::as_str),
                            ) {
                                (Some("http"), _) => Scheme::Bearer,
                                (Some("apiKey"), Some("header")) => {
                                    Scheme::Header(s["name"].as_str()?.to_ascii_lowercase())
                                }
                                (Some("apiKey"), Some("cookie")) => {
                                    Scheme::Cookie(s["name"].as_str()?.to_owned())
                                }
                                _ => return None,
                            };
                            Some((name.clone(), scheme))
                        })
                        .collect()
                })
                .unwrap_or_default();
            documents.push(Document {
                surface,
                value,
                operations,
                schemes,
            });
        }
        Ok(Spec { documents })
    }

    pub fn document(&self, surface: Surface) -> &Document {
        self.documents
            .iter()
            .find(|d| d.surface == surface)
            .expect("every surface is loaded")
    }
}

/// OpenAPI's `int32`/`int64` formats are ranges JSON Schema does not know; the mock's copy of
/// the document spells them as `minimum`/`maximum` so validation enforces them.
fn integer_ranges(value: &mut Value) {
    match value {
        Value::Object(o) => {
            let (lo, hi) = match o.get("format").and_then(Value::as_str) {
                Some("int32") => (i64::from(i32::MIN), i64::from(i32::MAX)),
                Some("int64") => (i64::MIN, i64::MAX),
                _ => (0, -1),
            };
            if lo <= hi {
                o.entry("minimum").or_insert(json!(lo));
                o.entry("maximum").or_insert(json!(hi));
            }
            o.values_mut().for_each(integer_ranges);
        }
        Value::Array(a) => a.iter_mut().for_each(integer_ranges),
        _ => {}
    }
}

fn urn(surface: Surface) -> String {
    format!("urn:kindo:spec:{}", surface.name())
}

fn segments(route: &str) -> Vec<Segment> {
    route
        .split('/')
        .filter(|s| !s.is_empty())
        .map(
            |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => Segment::Param(name.to_owned()),
                None => Segment::Literal(s.to_owned()),
            },
        )
        .collect()
}
