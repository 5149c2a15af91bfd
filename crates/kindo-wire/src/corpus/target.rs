//! Finding the operations a corpus file names, and the two ways that can fail.

use serde_json::Value;

/// One operation found for an id: the document it is in and its route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route<'a> {
    /// The document's name (its file stem, e.g. `kindo-api`).
    pub document: &'a str,
    pub path: &'a str,
    pub method: &'a str,
}

/// `(path, method)` of the operation with `operation_id` in `doc`.
pub fn find_operation<'a>(doc: &'a Value, operation_id: &str) -> Option<(&'a str, &'a str)> {
    let paths = doc.get("paths")?.as_object()?;
    paths.iter().find_map(|(path, item)| {
        item.as_object()?.iter().find_map(|(method, op)| {
            (op.get("operationId")? == operation_id).then_some((path.as_str(), method.as_str()))
        })
    })
}

/// Why `routes` (one id, found in several documents) cannot all be meant: the same id names
/// different routes, so the file must name its `document`.
pub fn ambiguity(id: &str, routes: &[Route]) -> Option<String> {
    let first = routes.first()?;
    let other = routes
        .iter()
        .find(|r| (r.path, r.method) != (first.path, first.method))?;
    Some(format!(
        "operation `{id}` is {} {} in {} but {} {} in {}: name the document with `\"document\"`",
        first.method.to_uppercase(),
        first.path,
        first.document,
        other.method.to_uppercase(),
        other.path,
        other.document
    ))
}

/// The message for an id no document (or not the one the file names) has.
pub fn not_found(id: &str, document: Option<&str>) -> String {
    match document {
        Some(d) => format!("operation `{id}` is not in the document `{d}`"),
        None => format!("operation `{id}` is not in any document"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_id_on_two_routes_must_name_its_document() {
        let a = Route {
            document: "kindo-api",
            path: "/v1/models",
            method: "get",
        };
        let b = Route {
            document: "kindo-llm",
            path: "/models",
            method: "get",
        };
        let same = Route {
            document: "kindo-llm",
            ..a.clone()
        };
        assert_eq!(ambiguity("listModels", &[a.clone(), same]), None);
        assert_eq!(
            ambiguity("listModels", &[a, b]).unwrap(),
            "operation `listModels` is GET /v1/models in kindo-api but GET /models in kindo-llm: \
             name the document with `\"document\"`"
        );
        assert_eq!(ambiguity("x", &[]), None);
    }

    #[test]
    fn operations_are_found_by_id() {
        let doc = json!({"paths": {"/v1/models": {"get": {"operationId": "listModels"}},
                                   "/v1/chat": {"post": {"operationId": "chat"}}}});
        assert_eq!(find_operation(&doc, "chat"), Some(("/v1/chat", "post")));
        assert_eq!(find_operation(&doc, "nope"), None);
        assert_eq!(
            not_found("nope", Some("kindo-llm")),
            "operation `nope` is not in the document `kindo-llm`"
        );
    }
}
