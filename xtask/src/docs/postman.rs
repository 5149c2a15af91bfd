//! Postman collection (format v2.1) and one Postman environment per server, written in Rust from
//! the published document rather than by openapi-to-postmanv2: the converter gives every item a
//! random id, so its output differs on every run, and it needs node and an npm install at build
//! time; it also writes no environments. The collection follows the converter's conventions
//! (one folder per tag, one request per operation named by its summary, `{{baseUrl}}` as the
//! host, auth on every request), which the CI gate checks with Postman's own collection SDK.

use serde_json::{Map, Value, json};

use super::members;

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

fn str_at<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

/// `{name}` server variables as Postman's `{{name}}`.
fn postman_vars(url: &str) -> String {
    url.replace('{', "{{").replace('}', "}}")
}

/// The Postman variable holding a security scheme's credential, e.g. `bearerAuth`.
fn credential_var(scheme: &str) -> String {
    scheme.to_owned()
}

fn auth_for(doc: &Value, op: &Value) -> (Option<Value>, Vec<Value>) {
    let requirement = op
        .get("security")
        .or_else(|| doc.get("security"))
        .and_then(|s| s.get(0))
        .and_then(Value::as_object)
        .and_then(|r| r.keys().next().cloned());
    let Some(name) = requirement else {
        return (Some(json!({"type": "noauth"})), Vec::new());
    };
    let scheme = doc
        .pointer(&format!("/components/securitySchemes/{name}"))
        .cloned()
        .unwrap_or(Value::Null);
    let var = format!("{{{{{}}}}}", credential_var(&name));
    match (str_at(&scheme, "type"), str_at(&scheme, "in")) {
        ("http", _) if str_at(&scheme, "scheme") == "bearer" => (
            Some(
                json!({"type": "bearer", "bearer": [{"key": "token", "value": var, "type": "string"}]}),
            ),
            Vec::new(),
        ),
        ("apiKey", "header") => (
            Some(json!({"type": "apikey", "apikey": [
                {"key": "key", "value": str_at(&scheme, "name"), "type": "string"},
                {"key": "value", "value": var, "type": "string"},
                {"key": "in", "value": "header", "type": "string"}
            ]})),
            Vec::new(),
        ),
        // Postman's API-key auth cannot set a cookie, so the cookie goes in a header.
        ("apiKey", "cookie") => (
            Some(json!({"type": "noauth"})),
            vec![json!({"key": "Cookie", "value": format!("{}={var}", str_at(&scheme, "name"))})],
        ),
        _ => (None, Vec::new()),
    }
}

fn example_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => serde_json::to_string_pretty(other).expect("JSON values serialise"),
    }
}

fn param_value(param: &Value, key: Option<&str>) -> String {
    let keyed = key.and_then(|k| param.pointer(&format!("/examples/{k}/value")));
    let value = keyed
        .or_else(|| param.get("example"))
        .or_else(|| param.pointer("/schema/default"));
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// The request of an operation, with the parameter values and body of example `key` (or the
/// first documented ones).
fn request(doc: &Value, path: &str, method: &str, op: &Value, key: Option<&str>) -> Value {
    let item = &doc["paths"][path];
    let params: Vec<&Value> = item
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .chain(
            op.get("parameters")
                .and_then(Value::as_array)
                .into_iter()
                .flatten(),
        )
        .collect();
    let of = |location: &'static str| params.iter().filter(move |p| str_at(p, "in") == location);
    let segments: Vec<String> = path
        .trim_start_matches('/')
        .split('/')
        .map(
            |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => format!(":{name}"),
                None => s.to_owned(),
            },
        )
        .collect();
    let query: Vec<Value> = of("query")
        .map(|p| {
            json!({
                "key": str_at(p, "name"),
                "value": param_value(p, key),
                "description": str_at(p, "description"),
                "disabled": p.get("required") != Some(&Value::Bool(true)),
            })
        })
        .collect();
    let variables: Vec<Value> = of("path")
        .map(|p| {
            json!({
                "key": str_at(p, "name"),
                "value": param_value(p, key),
                "description": str_at(p, "description"),
            })
        })
        .collect();
    let (auth, mut headers) = auth_for(doc, op);
    for p in of("header") {
        headers.push(json!({
            "key": str_at(p, "name"),
            "value": param_value(p, key),
            "description": str_at(p, "description"),
            "disabled": p.get("required") != Some(&Value::Bool(true)),
        }));
    }
    let mut raw = format!("{{{{baseUrl}}}}/{}", segments.join("/"));
    let enabled: Vec<String> = query
        .iter()
        .filter(|q| q["disabled"] == Value::Bool(false))
        .map(|q| format!("{}={}", str_at(q, "key"), str_at(q, "value")))
        .collect();
    if !enabled.is_empty() {
        raw.push('?');
        raw.push_str(&enabled.join("&"));
    }
    let mut url = Map::new();
    url.insert("raw".into(), raw.into());
    url.insert("host".into(), json!(["{{baseUrl}}"]));
    url.insert("path".into(), json!(segments));
    if !query.is_empty() {
        url.insert("query".into(), json!(query));
    }
    if !variables.is_empty() {
        url.insert("variable".into(), json!(variables));
    }
    let mut request = Map::new();
    request.insert("method".into(), method.to_uppercase().into());
    if let Some(auth) = auth {
        request.insert("auth".into(), auth);
    }
    if let Some((media, content)) = op
        .pointer("/requestBody/content")
        .and_then(Value::as_object)
        .and_then(|c| c.iter().next())
    {
        headers.push(json!({"key": "Content-Type", "value": media}));
        let examples = content.get("examples").and_then(Value::as_object);
        let chosen = key
            .and_then(|k| examples.and_then(|e| e.get(k)))
            .or_else(|| examples.and_then(|e| e.values().next()));
        let body = chosen.and_then(|e| e.get("value")).map(example_text);
        request.insert(
            "body".into(),
            json!({"mode": "raw", "raw": body.unwrap_or_default(), "options": {"raw": {"language": "json"}}}),
        );
    }
    request.insert("header".into(), json!(headers));
    request.insert("url".into(), Value::Object(url));
    if let Some(desc) = op.get("description") {
        request.insert("description".into(), desc.clone());
    }
    Value::Object(request)
}

fn reason(code: u16) -> &'static str {
    match code {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        410 => "Gone",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// The request examples of `op`, by key, across its media types.
fn request_examples(op: &Value) -> impl Iterator<Item = (&String, &Value)> {
    members(op.pointer("/requestBody/content")).flat_map(|(_, c)| members(c.get("examples")))
}

/// Every documented response example as a saved response; its original request carries the
/// request example of the same key when there is one.
fn saved_responses(doc: &Value, path: &str, method: &str, op: &Value) -> Vec<Value> {
    let mut saved = Vec::new();
    let mut answered: Vec<&str> = Vec::new();
    let request_keys: Vec<&str> = request_examples(op).map(|(k, _)| k.as_str()).collect();
    for (status, response) in members(op.get("responses")) {
        let Ok(code) = status.parse::<u16>() else {
            continue;
        };
        for (media, content) in members(response.get("content")) {
            for (key, example) in members(content.get("examples")) {
                let paired = request_keys.contains(&key.as_str()).then_some(key.as_str());
                answered.push(key);
                let summary = str_at(example, "summary");
                let body = example.get("value").map(example_text).unwrap_or_default();
                saved.push(json!({
                    "name": if summary.is_empty() { key.clone() } else { format!("{key}: {summary}") },
                    "originalRequest": request(doc, path, method, op, paired),
                    "status": reason(code),
                    "code": code,
                    "header": [{"key": "Content-Type", "value": media}],
                    "body": body,
                    "_postman_previewlanguage": if media.contains("json") { "json" } else { "text" },
                }));
            }
        }
    }
    // Request examples with no response under their key would otherwise be lost: Postman keeps
    // them as saved examples that hold only the request.
    for (key, example) in request_examples(op) {
        if answered.contains(&key.as_str()) {
            continue;
        }
        let summary = str_at(example, "summary");
        saved.push(json!({
            "name": format!("{key}: {summary} (request only; no response documented)"),
            "originalRequest": request(doc, path, method, op, Some(key)),
            "header": [],
            "body": "",
        }));
    }
    saved
}

/// The collection of a document.
pub fn collection(doc: &Value) -> Value {
    let folders = super::by_tag(doc, |path, method, op| {
        json!({
            "name": str_at(op, "summary"),
            "request": request(doc, path, method, op, None),
            "response": saved_responses(doc, path, method, op),
        })
    });
    let items: Vec<Value> = folders
        .into_iter()
        .map(|(name, description, item)| json!({"name": name, "description": description, "item": item}))
        .collect();
    let mut variables =
        vec![json!({"key": "baseUrl", "value": base_url(doc.pointer("/servers/0"))})];
    if let Some(vars) = doc
        .pointer("/servers/0/variables")
        .and_then(Value::as_object)
    {
        for (name, var) in vars {
            if name != "baseUrl" {
                variables.push(json!({"key": name, "value": str_at(var, "default")}));
            }
        }
    }
    for name in scheme_names(doc) {
        variables.push(json!({"key": credential_var(&name), "value": ""}));
    }
    json!({
        "info": {
            "name": str_at(&doc["info"], "title"),
            "description": str_at(&doc["info"], "description"),
            "version": str_at(&doc["info"], "version"),
            "schema": SCHEMA,
        },
        "item": items,
        "variable": variables,
    })
}

fn scheme_names(doc: &Value) -> Vec<String> {
    doc.pointer("/components/securitySchemes")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// A server's URL as the `baseUrl` value; a URL that is just `{baseUrl}` becomes its default.
fn base_url(server: Option<&Value>) -> String {
    let Some(server) = server else {
        return String::new();
    };
    let url = str_at(server, "url");
    if url == "{baseUrl}" {
        return server
            .pointer("/variables/baseUrl/default")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
    }
    postman_vars(url)
}

/// One environment per server: `baseUrl`, the server's other variables, and an empty secret
/// per security scheme for the reader's own credential. Returns `(slug, environment)`.
pub fn environments(doc: &Value) -> Vec<(String, Value)> {
    let title = str_at(&doc["info"], "title");
    let servers = doc.get("servers").and_then(Value::as_array);
    let mut out: Vec<(String, Value)> = Vec::new();
    for (i, server) in servers.into_iter().flatten().enumerate() {
        let description = str_at(server, "description");
        let mut slug = slug(description);
        if slug.is_empty() || out.iter().any(|(s, _)| *s == slug) {
            slug = format!("server-{}", i + 1);
        }
        let mut values = vec![
            json!({"key": "baseUrl", "value": base_url(Some(server)), "type": "default", "enabled": true}),
        ];
        for (name, var) in members(server.get("variables")) {
            if name != "baseUrl" {
                values.push(json!({"key": name, "value": str_at(var, "default"), "type": "default", "enabled": true}));
            }
        }
        for name in scheme_names(doc) {
            values.push(json!({"key": credential_var(&name), "value": "", "type": "secret", "enabled": true}));
        }
        let name = if description.is_empty() {
            title.to_owned()
        } else {
            format!("{title} — {description}")
        };
        out.push((
            slug,
            json!({"name": name, "values": values, "_postman_variable_scope": "environment"}),
        ));
    }
    out
}

/// Lower-case words of `text` joined by `-`, cut at a word boundary near 20 characters.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() > 20 && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Value {
        json!({
            "info": {"title": "T", "version": "1"},
            "servers": [
                {"url": "https://api.example.com", "description": "SaaS"},
                {"url": "{baseUrl}", "description": "Self-hosted", "variables": {"baseUrl": {"default": "https://api.example.com"}}}
            ],
            "tags": [{"name": "Things"}],
            "components": {"securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer"},
                "apiKeyAuth": {"type": "apiKey", "in": "header", "name": "x-api-key"}
            }},
            "paths": {"/v1/things/{id}": {"post": {
                "tags": ["Things"], "summary": "Make a thing", "operationId": "makeThing",
                "security": [{"bearerAuth": []}, {"apiKeyAuth": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "example": "t1"},
                               {"name": "limit", "in": "query", "example": 5}],
                "requestBody": {"content": {"application/json": {"examples": {
                    "a": {"value": {"n": 1}}, "b": {"value": {"n": 2}}}}}},
                "responses": {"200": {"content": {"application/json": {"examples": {
                    "b": {"summary": "Second", "value": {"ok": 2}}}}}}}
            }}}
        })
    }

    #[test]
    fn collection_has_one_request_per_operation_with_auth_and_examples() {
        let c = collection(&doc());
        let req = &c["item"][0]["item"][0];
        assert_eq!(req["name"], "Make a thing");
        assert_eq!(req["request"]["method"], "POST");
        assert_eq!(req["request"]["url"]["raw"], "{{baseUrl}}/v1/things/:id");
        assert_eq!(req["request"]["url"]["variable"][0]["value"], "t1");
        assert_eq!(req["request"]["url"]["query"][0]["disabled"], true);
        assert_eq!(req["request"]["auth"]["type"], "bearer");
        assert_eq!(
            req["request"]["auth"]["bearer"][0]["value"],
            "{{bearerAuth}}"
        );
        assert_eq!(req["request"]["body"]["raw"], "{\n  \"n\": 1\n}");
        let saved = &req["response"][0];
        assert_eq!(saved["code"], 200);
        assert_eq!(saved["name"], "b: Second");
        assert_eq!(
            saved["originalRequest"]["body"]["raw"], "{\n  \"n\": 2\n}",
            "paired by key"
        );
        let request_only = &req["response"][1];
        assert!(request_only["name"].as_str().unwrap().starts_with("a: "));
        assert_eq!(
            request_only["originalRequest"]["body"]["raw"],
            "{\n  \"n\": 1\n}"
        );
        assert!(request_only.get("code").is_none());
        assert_eq!(req["response"].as_array().unwrap().len(), 2);
        assert_eq!(
            c["variable"][0],
            json!({"key": "baseUrl", "value": "https://api.example.com"})
        );
    }

    #[test]
    fn one_environment_per_server_with_empty_secrets() {
        let envs = environments(&doc());
        let slugs: Vec<&str> = envs.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(slugs, ["saas", "self-hosted"]);
        let values = &envs[1].1["values"];
        assert_eq!(values[0]["value"], "https://api.example.com");
        assert!(
            values
                .as_array()
                .unwrap()
                .iter()
                .skip(1)
                .all(|v| v["value"] == "" && v["type"] == "secret")
        );
    }
}
