//! HTML building blocks: escaping, Markdown from the documents' descriptions, the page shell.
//!
//! Everything that comes from a document passes through [`escape`] or [`markdown`]; the pages
//! embed no script and no JSON in `<script>`, so a `</script>` inside an example is plain text.

use pulldown_cmark::{Event, Options, Parser, html};

/// The stylesheet inlined into every page (no external stylesheet, font or image).
const STYLE: &str = include_str!("style.css");

/// Escapes text for element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders a CommonMark description (with tables). Raw HTML in the source is shown as text,
/// not interpreted, and links keep only http(s), relative and fragment targets, so a description
/// can neither inject markup nor make the page load anything.
pub fn markdown(text: &str) -> String {
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, parser.map(neutralise_images));
    out
}

/// Images would be fetched when the page opens, so they become links to the image; a link with
/// a scheme other than http(s) or mailto (e.g. `javascript:`) points nowhere.
fn neutralise_images(event: Event<'_>) -> Event<'_> {
    use pulldown_cmark::{Tag, TagEnd};
    match event {
        Event::Start(Tag::Image {
            dest_url, title, ..
        })
        | Event::Start(Tag::Link {
            dest_url, title, ..
        }) => Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url: safe(dest_url),
            title,
            id: "".into(),
        }),
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        other => other,
    }
}

fn safe(dest: pulldown_cmark::CowStr<'_>) -> pulldown_cmark::CowStr<'_> {
    let scheme = dest.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    match scheme.as_deref() {
        None | Some("http" | "https" | "mailto") => dest,
        Some(s) if s.contains(['/', '#', '?']) => dest,
        Some(_) => "#".into(),
    }
}

/// A complete page: inline style, no script, no external resource.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src 'none'\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

/// Pretty JSON inside a `<pre>`; strings (raw SSE bodies) are shown verbatim.
pub fn code_block(value: &serde_json::Value) -> String {
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        other => serde_json::to_string_pretty(other).expect("JSON values serialise"),
    };
    format!("<pre><code>{}</code></pre>", escape(&text))
}

/// A fragment identifier made of `[A-Za-z0-9_-]`, stable for a given input.
pub fn anchor(prefix: &str, name: &str) -> String {
    let mut out = String::from(prefix);
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            out.push(c);
        } else {
            out.push('-');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"</script><a href="x">'&"#),
            "&lt;/script&gt;&lt;a href=&quot;x&quot;&gt;&#39;&amp;"
        );
    }

    #[test]
    fn markdown_renders_code_and_tables_but_not_raw_html() {
        let html = markdown(
            "Use `x-api-key`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>",
        );
        assert!(html.contains("<code>x-api-key</code>"), "{html}");
        assert!(html.contains("<table>"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn markdown_images_become_links() {
        let html = markdown("![logo](https://example.com/logo.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("href=\"https://example.com/logo.png\""),
            "{html}"
        );
    }

    #[test]
    fn markdown_drops_script_links() {
        let html = markdown("[x](javascript:alert(1)) [y](https://docs.kindo.ai/a) [z](#op-a)");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("href=\"https://docs.kindo.ai/a\""), "{html}");
        assert!(html.contains("href=\"#op-a\""), "{html}");
    }

    #[test]
    fn code_block_escapes_json_and_keeps_sse_text() {
        let json = serde_json::json!({"text": "</script><b>"});
        let block = code_block(&json);
        assert!(block.contains("&lt;/script&gt;&lt;b&gt;"), "{block}");
        assert!(!block.contains("</script>"), "{block}");
        let sse = serde_json::json!("event: a\ndata: {}\n\n");
        assert_eq!(
            code_block(&sse),
            "<pre><code>event: a\ndata: {}\n\n</code></pre>"
        );
    }

    #[test]
    fn anchors_are_fragment_safe() {
        assert_eq!(anchor("op-", "get /v1/{id}"), "op-get--v1--id-");
    }
}
