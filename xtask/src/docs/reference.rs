//! The reference page of one document: overview (servers, authentication, downloads), every
//! operation grouped by tag, and every component schema.

use serde_json::Value;

use super::examples::examples_section;
use super::html::{anchor, escape, markdown, page};
use super::schema::{schema_body, schema_section, type_label};
use super::source::Document;
use super::streams::event_table;
use super::{Download, members};

/// Fragment of an operation on its reference page.
pub fn op_anchor(operation_id: &str) -> String {
    anchor("op-", operation_id)
}

fn str_at<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

/// An operation with where it lives.
struct Op<'a> {
    path: &'a str,
    method: &'a str,
    op: &'a Value,
}

impl Op<'_> {
    fn id(&self) -> &str {
        str_at(self.op, "operationId")
    }
}

/// Operations grouped by their first tag, in the order of the document's `tags`, then any tag
/// it does not list, then untagged operations.
fn grouped(doc: &Value) -> Vec<(String, String, Vec<Op<'_>>)> {
    super::by_tag(doc, |path, method, op| Op { path, method, op })
}

fn method_badge(method: &str) -> String {
    format!(
        "<span class=\"method {}\">{}</span>",
        escape(method),
        escape(&method.to_uppercase())
    )
}

fn security(doc: &Value, op: &Value) -> String {
    let requirements = op
        .get("security")
        .or_else(|| doc.get("security"))
        .and_then(Value::as_array);
    let Some(requirements) = requirements else {
        return "<p class=\"security\">Authentication: none declared.</p>".into();
    };
    let alternatives: Vec<String> = requirements
        .iter()
        .map(|req| {
            let names: Vec<String> = req
                .as_object()
                .into_iter()
                .flatten()
                .map(|(name, _)| {
                    format!(
                        "<a href=\"#{}\">{}</a>",
                        anchor("auth-", name),
                        escape(name)
                    )
                })
                .collect();
            if names.is_empty() {
                "none".into()
            } else {
                names.join(" and ")
            }
        })
        .collect();
    format!(
        "<p class=\"security\">Authentication: {}.</p>",
        alternatives.join(" or ")
    )
}

fn parameters(op: &Value, item: &Value) -> String {
    let mut params: Vec<&Value> = item
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .collect();
    params.extend(
        op.get("parameters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten(),
    );
    if params.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<h4>Parameters</h4><table class=\"params\"><thead><tr><th>Name</th><th>In</th>\
         <th>Type</th><th>Description</th></tr></thead><tbody>",
    );
    for p in params {
        let required = if p.get("required") == Some(&Value::Bool(true)) {
            " <span class=\"required\">required</span>"
        } else {
            ""
        };
        let schema = p.get("schema").cloned().unwrap_or(Value::Bool(true));
        let mut desc = markdown(str_at(p, "description"));
        if let Some(example) = p.get("example") {
            desc.push_str(&format!(
                "<p class=\"note\">Example: <code>{}</code></p>",
                escape(&example.to_string())
            ));
        }
        for key in ["style", "explode"] {
            if let Some(v) = p.get(key) {
                desc.push_str(&format!(
                    "<span class=\"constraint\">{key}: <code>{}</code></span> ",
                    escape(&v.to_string())
                ));
            }
        }
        out.push_str(&format!(
            "<tr><td><code>{}</code>{required}</td><td>{}</td><td>{}</td><td>{desc}</td></tr>",
            escape(str_at(p, "name")),
            escape(str_at(p, "in")),
            type_label(&schema),
        ));
    }
    out.push_str("</tbody></table>");
    out
}

fn media_list(content: Option<&Value>) -> String {
    let Some(content) = content.and_then(Value::as_object) else {
        return "<em>no body</em>".into();
    };
    content
        .iter()
        .map(|(media, c)| {
            let schema = match (c.get("x-sse-data-schema"), c.get("schema")) {
                (Some(data), _) => format!(
                    "event stream, each <code>data:</code> a {} (events below)",
                    type_label(data)
                ),
                (None, Some(s)) => type_label(s),
                (None, None) => "any".into(),
            };
            format!(
                "<div class=\"media\"><code>{}</code>: {schema}</div>",
                escape(media)
            )
        })
        .collect()
}

fn request_body(op: &Value) -> String {
    let Some(body) = op.get("requestBody") else {
        return String::new();
    };
    let required = if body.get("required") == Some(&Value::Bool(true)) {
        " <span class=\"required\">required</span>"
    } else {
        ""
    };
    let mut out = format!("<h4>Request body{required}</h4>");
    out.push_str(&markdown(str_at(body, "description")));
    out.push_str(&media_list(body.get("content")));
    // Inline (unnamed) body schemas have no section of their own, so show them here.
    for c in members(body.get("content")).map(|(_, c)| c) {
        if let Some(schema) = c.get("schema")
            && schema.get("$ref").is_none()
        {
            out.push_str(&format!(
                "<div class=\"nested\">{}</div>",
                schema_body(schema, 1)
            ));
        }
    }
    out
}

fn responses(doc: &Value, op: &Value) -> String {
    let mut out = String::from(
        "<h4>Responses</h4><table class=\"responses\"><thead><tr><th>Status</th>\
         <th>Description</th><th>Body</th></tr></thead><tbody>",
    );
    let mut streams = String::new();
    for (status, response) in members(op.get("responses")) {
        let mut desc = markdown(str_at(response, "description"));
        if let Some(headers) = response.get("headers").and_then(Value::as_object) {
            desc.push_str("<p class=\"note\">Headers:</p><ul class=\"headers\">");
            for (name, header) in headers {
                let schema = header.get("schema").cloned().unwrap_or(Value::Bool(true));
                desc.push_str(&format!(
                    "<li><code>{}</code> ({}) {}</li>",
                    escape(name),
                    type_label(&schema),
                    markdown(str_at(header, "description"))
                ));
            }
            desc.push_str("</ul>");
        }
        out.push_str(&format!(
            "<tr class=\"response\" data-status=\"{s}\"><td><span class=\"status s{c}\">{s}</span></td>\
             <td>{desc}</td><td>{}</td></tr>",
            media_list(response.get("content")),
            s = escape(status),
            c = escape(&status[..1]),
        ));
        for (media, content) in members(response.get("content")) {
            if let Some(table) = event_table(doc, content) {
                streams.push_str(&format!(
                    "<h4>Stream events (<span class=\"status s{}\">{}</span> <code>{}</code>)</h4>{table}",
                    escape(&status[..1]),
                    escape(status),
                    escape(media)
                ));
            }
        }
    }
    out.push_str("</tbody></table>");
    out.push_str(&streams);
    out
}

fn operation(doc: &Value, op: &Op<'_>) -> String {
    let item = &doc["paths"][op.path];
    let mut out = format!(
        "<section class=\"operation\" id=\"{}\" data-operation-id=\"{}\">\n\
         <h3>{} <code class=\"path\">{}</code></h3>\
         <p class=\"summary\">{}</p><p class=\"opid\">operationId <code>{}</code></p>",
        op_anchor(op.id()),
        escape(op.id()),
        method_badge(op.method),
        escape(op.path),
        escape(str_at(op.op, "summary")),
        escape(op.id()),
    );
    if op.op.get("deprecated") == Some(&Value::Bool(true)) {
        out.push_str("<p class=\"deprecated\">Deprecated.</p>");
    }
    out.push_str(&format!(
        "<div class=\"desc\">{}</div>",
        markdown(str_at(op.op, "description"))
    ));
    out.push_str(&security(doc, op.op));
    out.push_str(&parameters(op.op, item));
    out.push_str(&request_body(op.op));
    out.push_str(&responses(doc, op.op));
    out.push_str(&examples_section(op.op, op.method, op.path));
    out.push_str("</section>\n");
    out
}

fn servers(doc: &Value) -> String {
    let mut out = String::from(
        "<h3 id=\"servers\">Servers</h3><table class=\"servers\"><thead><tr><th>URL</th>\
         <th>Description</th></tr></thead><tbody>",
    );
    for server in doc
        .get("servers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let mut desc = markdown(str_at(server, "description"));
        if let Some(vars) = server.get("variables").and_then(Value::as_object) {
            desc.push_str("<ul class=\"headers\">");
            for (name, var) in vars {
                desc.push_str(&format!(
                    "<li><code>{{{}}}</code> (default <code>{}</code>) {}</li>",
                    escape(name),
                    escape(str_at(var, "default")),
                    markdown(str_at(var, "description"))
                ));
            }
            desc.push_str("</ul>");
        }
        out.push_str(&format!(
            "<tr><td><code>{}</code></td><td>{desc}</td></tr>",
            escape(str_at(server, "url"))
        ));
    }
    out.push_str("</tbody></table>");
    out
}

fn auth(doc: &Value) -> String {
    let mut out = String::from(
        "<h3 id=\"authentication\">Authentication</h3><table class=\"auth\"><thead><tr>\
         <th>Scheme</th><th>How it is sent</th><th>Description</th></tr></thead><tbody>",
    );
    for (name, scheme) in members(doc.pointer("/components/securitySchemes")) {
        out.push_str(&format!(
            "<tr id=\"{}\"><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
            anchor("auth-", name),
            escape(name),
            scheme_how(scheme),
            markdown(str_at(scheme, "description"))
        ));
    }
    out.push_str("</tbody></table>");
    out
}

/// How a security scheme travels, e.g. "`Authorization: Bearer <token>`" (HTML).
pub fn scheme_how(scheme: &Value) -> String {
    match (str_at(scheme, "type"), str_at(scheme, "scheme")) {
        ("http", "bearer") => "<code>Authorization: Bearer &lt;token&gt;</code>".into(),
        ("http", "basic") => "<code>Authorization: Basic &lt;credentials&gt;</code>".into(),
        ("apiKey", _) => match str_at(scheme, "in") {
            "header" => format!(
                "header <code>{}: &lt;key&gt;</code>",
                escape(str_at(scheme, "name"))
            ),
            "cookie" => format!("cookie <code>{}</code>", escape(str_at(scheme, "name"))),
            other => format!(
                "{} <code>{}</code>",
                escape(other),
                escape(str_at(scheme, "name"))
            ),
        },
        (kind, _) => escape(kind),
    }
}

/// The download links of a document (HTML list).
pub fn download_list(downloads: &[Download]) -> String {
    let items: String = downloads
        .iter()
        .map(|d| {
            format!(
                "<li><a href=\"{}\" download>{}</a> <span class=\"note\">{}</span></li>",
                escape(&d.href),
                escape(&d.label),
                escape(&d.file)
            )
        })
        .collect();
    format!("<ul class=\"downloads\">{items}</ul>")
}

/// The reference page of `document`.
pub fn reference_page(document: &Document, downloads: &[Download]) -> String {
    let doc = &document.doc;
    let title = str_at(&doc["info"], "title");
    let groups = grouped(doc);
    let schemas = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object);

    let mut nav = String::from(
        "<nav class=\"sidebar\"><p><a href=\"index.html\">All documents</a></p>\
         <p><a href=\"#overview\">Overview</a></p>",
    );
    for (tag, _, ops) in &groups {
        nav.push_str(&format!("<p class=\"nav-tag\">{}</p><ul>", escape(tag)));
        for op in ops {
            nav.push_str(&format!(
                "<li><a href=\"#{}\">{} {}</a></li>",
                op_anchor(op.id()),
                method_badge(op.method),
                escape(str_at(op.op, "summary"))
            ));
        }
        nav.push_str("</ul>");
    }
    nav.push_str("<p class=\"nav-tag\"><a href=\"#schemas\">Schemas</a></p><ul>");
    for name in schemas.into_iter().flatten().map(|(n, _)| n) {
        nav.push_str(&format!(
            "<li><a href=\"#{}\">{}</a></li>",
            super::schema::schema_anchor(name),
            escape(name)
        ));
    }
    nav.push_str("</ul></nav>\n");

    let mut main = format!(
        "<main><header id=\"overview\"><h1>{}</h1><p class=\"versions\">Version <code>{}</code> · \
         OpenAPI <code>{}</code> (a 3.0.3 rendition is published too)</p></header>\
         <div class=\"desc\">{}</div>",
        escape(title),
        escape(str_at(&doc["info"], "version")),
        escape(str_at(doc, "openapi")),
        markdown(str_at(&doc["info"], "description")),
    );
    main.push_str(&servers(doc));
    main.push_str(&auth(doc));
    main.push_str("<h3 id=\"downloads\">Downloads</h3>");
    main.push_str(&download_list(downloads));
    for (tag, description, ops) in &groups {
        main.push_str(&format!(
            "<h2 class=\"tag\" id=\"{}\">{}</h2><div class=\"desc\">{}</div>\n",
            anchor("tag-", tag),
            escape(tag),
            markdown(description)
        ));
        for op in ops {
            main.push_str(&operation(doc, op));
        }
    }
    main.push_str("<h2 id=\"schemas\">Schemas</h2>\n");
    for (name, schema) in schemas.into_iter().flatten() {
        main.push_str(&schema_section(name, schema));
    }
    main.push_str("</main>\n");
    page(
        &format!("{title} — API reference"),
        &format!("<div class=\"layout\">{nav}{main}</div>\n"),
    )
}
