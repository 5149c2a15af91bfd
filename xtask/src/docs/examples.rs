//! Example pairing. The documents key a request example and the responses it produces by the
//! same name (`agent-model` in the request body and in the `200` response), so the reference
//! shows them side by side; a response example with no request counterpart sits beside the
//! bare request line.

use serde_json::Value;

use super::html::{code_block, escape, markdown};
use super::members;

/// One side of a pair (cells are HTML).
#[derive(Debug)]
pub struct Side {
    pub title: String,
    pub body: String,
}

/// A request example and the responses that share its key.
#[derive(Debug)]
pub struct Pair {
    pub key: String,
    pub request: Vec<Side>,
    pub responses: Vec<Side>,
}

fn entries(examples: Option<&Value>) -> Vec<(&str, &Value)> {
    examples
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.as_str(), v)).collect())
        .unwrap_or_default()
}

fn side(title: String, example: &Value) -> Side {
    let mut body = String::new();
    if let Some(summary) = example.get("summary").and_then(Value::as_str) {
        body.push_str(&format!("<p class=\"ex-summary\">{}</p>", escape(summary)));
    }
    if let Some(text) = example.get("description").and_then(Value::as_str) {
        body.push_str(&format!("<div class=\"desc\">{}</div>", markdown(text)));
    }
    if let Some(value) = example.get("value") {
        body.push_str(&code_block(value));
    } else if let Some(url) = example.get("externalValue").and_then(Value::as_str) {
        body.push_str(&format!(
            "<p>External value: <code>{}</code></p>",
            escape(url)
        ));
    }
    Side { title, body }
}

fn pair_for<'p>(pairs: &'p mut Vec<Pair>, key: &str) -> &'p mut Pair {
    if let Some(i) = pairs.iter().position(|p| p.key == key) {
        return &mut pairs[i];
    }
    pairs.push(Pair {
        key: key.to_owned(),
        request: Vec::new(),
        responses: Vec::new(),
    });
    pairs.last_mut().expect("just pushed")
}

/// Every example of an operation, paired by key, in document order.
pub fn pairs(op: &Value) -> Vec<Pair> {
    let mut pairs: Vec<Pair> = Vec::new();
    for param in op
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = param.get("name").and_then(Value::as_str).unwrap_or("");
        let location = param.get("in").and_then(Value::as_str).unwrap_or("");
        for (key, example) in entries(param.get("examples")) {
            let title = format!(
                "Parameter <code>{}</code> ({})",
                escape(name),
                escape(location)
            );
            pair_for(&mut pairs, key).request.push(side(title, example));
        }
    }
    for (media, content) in members(op.pointer("/requestBody/content")) {
        for (key, example) in entries(content.get("examples")) {
            let title = format!("Request body <code>{}</code>", escape(media));
            pair_for(&mut pairs, key).request.push(side(title, example));
        }
    }
    for (status, response) in members(op.get("responses")) {
        for (media, content) in members(response.get("content")) {
            for (key, example) in entries(content.get("examples")) {
                let title = format!(
                    "<span class=\"status s{}\">{}</span> <code>{}</code>",
                    escape(&status[..1]),
                    escape(status),
                    escape(media)
                );
                pair_for(&mut pairs, key)
                    .responses
                    .push(side(title, example));
            }
        }
    }
    pairs
}

/// The examples section of an operation (HTML, empty when it has none).
pub fn examples_section(op: &Value, method: &str, path: &str) -> String {
    let pairs = pairs(op);
    if pairs.is_empty() {
        return String::new();
    }
    let request_line = format!(
        "<p class=\"ex-summary\">No request example: the request is <code>{} {}</code>.</p>",
        escape(&method.to_uppercase()),
        escape(path)
    );
    let mut out = String::from("<h4>Examples</h4>\n");
    for pair in pairs {
        let column = |sides: &[Side], empty: &str| -> String {
            if sides.is_empty() {
                return empty.to_owned();
            }
            sides
                .iter()
                .map(|s| {
                    format!(
                        "<div class=\"example\" data-example=\"{}\"><h5>{}</h5>{}</div>",
                        escape(&pair.key),
                        s.title,
                        s.body
                    )
                })
                .collect()
        };
        out.push_str(&format!(
            "<div class=\"example-pair\"><p class=\"ex-key\">Example <code>{}</code></p>\
             <div class=\"pair\"><div class=\"ex-request\"><p class=\"side\">Request</p>{}</div>\
             <div class=\"ex-response\"><p class=\"side\">Response</p>{}</div></div></div>\n",
            escape(&pair.key),
            column(&pair.request, &request_line),
            column(
                &pair.responses,
                "<p class=\"ex-summary\">No response example under this key.</p>"
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pairs_by_key_and_keeps_unpaired_responses() {
        let op = json!({
            "parameters": [{"name": "id", "in": "path", "examples": {"one": {"value": "a1"}}}],
            "requestBody": {"content": {"application/json": {"examples": {
                "one": {"summary": "First", "value": {"q": 1}},
                "two": {"value": {"q": 2}}
            }}}},
            "responses": {
                "200": {"content": {"application/json": {"examples": {"two": {"value": {"r": 2}}, "one": {"value": {"r": 1}}}}}},
                "404": {"content": {"application/json": {"examples": {"missing": {"value": {"error": "x"}}}}}}
            }
        });
        let pairs = pairs(&op);
        let keys: Vec<&str> = pairs.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["one", "two", "missing"]);
        assert_eq!(pairs[0].request.len(), 2, "parameter and body examples");
        assert_eq!(pairs[0].responses.len(), 1);
        assert!(pairs[2].request.is_empty());
        let html = examples_section(&op, "post", "/v1/x/{id}");
        assert_eq!(html.matches("class=\"example-pair\"").count(), 3);
        assert!(
            html.contains("the request is <code>POST /v1/x/{id}</code>"),
            "{html}"
        );
    }

    #[test]
    fn example_values_are_escaped() {
        let op = json!({"responses": {"200": {"content": {"application/json": {"examples": {
            "x": {"value": {"html": "</script><img src=x>"}}
        }}}}}});
        let html = examples_section(&op, "get", "/");
        assert!(!html.contains("</script>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;/script&gt;&lt;img src=x&gt;"), "{html}");
    }
}
