//! The site's index page (one card per document) and the rendered changelogs.

use serde_json::Value;

use super::html::{escape, markdown, page};
use super::reference::{download_list, scheme_how};
use super::source::Document;
use super::{Download, members, operations_of};

fn str_at<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The host of a server URL (`https://api.kindo.ai/v1` → `api.kindo.ai`); templated hosts
/// keep their `{variable}`.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

/// File name of a document's rendered changelog.
pub fn changelog_page_name(name: &str) -> String {
    format!("changelog-{name}.html")
}

/// File name of a document's reference page.
pub fn reference_page_name(name: &str) -> String {
    format!("{name}.html")
}

fn card(document: &Document, downloads: &[Download]) -> String {
    let doc = &document.doc;
    let info = &doc["info"];
    let servers: Vec<&Value> = doc
        .get("servers")
        .and_then(Value::as_array)
        .map(|s| s.iter().collect())
        .unwrap_or_default();
    let host_cell = servers
        .first()
        .map(|s| format!("<code>{}</code>", escape(host(str_at(s, "url")))))
        .unwrap_or_else(|| "<em>none declared</em>".into());
    let server_rows: String = servers
        .iter()
        .map(|s| {
            format!(
                "<li><code>{}</code> {}</li>",
                escape(str_at(s, "url")),
                escape(str_at(s, "description"))
            )
        })
        .collect();
    let auth_rows: String = members(doc.pointer("/components/securitySchemes"))
        .map(|(name, scheme)| {
            format!(
                "<li><code>{}</code>: {}</li>",
                escape(name),
                scheme_how(scheme)
            )
        })
        .collect();
    let operations: usize = members(doc.get("paths"))
        .map(|(_, item)| operations_of(item).count())
        .sum();
    let changelog = match document.changelog {
        Some(_) => format!(
            "<a href=\"{}\">Changelog</a> (<a href=\"downloads/{}.CHANGELOG.md\">Markdown</a>)",
            escape(&changelog_page_name(&document.name)),
            escape(&document.name)
        ),
        None => "<span class=\"note\">No release published yet (no \
                 <code>spec/released/…/CHANGELOG.md</code>).</span>"
            .into(),
    };
    format!(
        "<section class=\"card\" data-document=\"{name}\"><h2><a href=\"{page}\">{title}</a></h2>\
         <p class=\"summary\">{first}</p>\
         <table class=\"facts\"><tbody>\
         <tr><th>Host</th><td>{host_cell}</td></tr>\
         <tr><th>Servers</th><td><ul>{server_rows}</ul></td></tr>\
         <tr><th>Authentication</th><td><ul>{auth_rows}</ul></td></tr>\
         <tr><th>Versions</th><td>document <code>{version}</code> · OpenAPI <code>{openapi}</code> \
         and <code>3.0.3</code></td></tr>\
         <tr><th>Operations</th><td>{operations}</td></tr>\
         <tr><th>Changelog</th><td>{changelog}</td></tr>\
         <tr><th>Downloads</th><td>{downloads}</td></tr>\
         </tbody></table></section>\n",
        name = escape(&document.name),
        page = escape(&reference_page_name(&document.name)),
        title = escape(str_at(info, "title")),
        first = markdown(
            str_at(info, "description")
                .split("\n\n")
                .next()
                .unwrap_or("")
        ),
        version = escape(str_at(info, "version")),
        openapi = escape(str_at(doc, "openapi")),
        downloads = download_list(downloads),
    )
}

/// The index page over every document.
pub fn index_page(documents: &[(&Document, Vec<Download>)]) -> String {
    let mut body = String::from(
        "<main class=\"index\"><h1>Kindo API reference</h1><p>Rendered from the published \
         OpenAPI documents in <code>spec/</code>; every page works offline.</p>\n",
    );
    for (document, downloads) in documents {
        body.push_str(&card(document, downloads));
    }
    body.push_str("</main>\n");
    page("Kindo API reference", &body)
}

/// A document's changelog rendered from its Markdown.
pub fn changelog_page(document: &Document, text: &str) -> String {
    let title = str_at(&document.doc["info"], "title");
    page(
        &format!("{title} — changelog"),
        &format!(
            "<main class=\"index\"><p><a href=\"index.html\">All documents</a> · \
             <a href=\"{}\">Reference</a></p><div class=\"changelog\">{}</div></main>\n",
            escape(&reference_page_name(&document.name)),
            markdown(text)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_of_server_urls() {
        assert_eq!(host("https://api.kindo.ai"), "api.kindo.ai");
        assert_eq!(host("http://{host}:8090/api"), "{host}:8090");
        assert_eq!(host("{baseUrl}"), "{baseUrl}");
    }
}
