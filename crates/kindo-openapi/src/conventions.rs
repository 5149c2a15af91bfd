//! The machinery of a surface's conventions pass: what a system states once for all its
//! operations (who may call, how `429` says when to retry, which envelope errors carry) is
//! declared once per document (`api::conventions`, `llm::conventions`, `koda::conventions`)
//! and applied here to every operation after the stubs are merged. A stub that documents a
//! status or its security more precisely keeps its own: the pass only fills what is missing.

use utoipa::ToSchema;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{
    Components, ContentBuilder, HeaderBuilder, OpenApi, Ref, RefOr, Response, ResponseBuilder,
};

/// An error body schema: registering it in the components returns the name to reference.
pub type Envelope = fn(&mut Components) -> String;

/// The [`Envelope`] of the type `T` (its own schema and those it references).
pub fn envelope<T: ToSchema>(components: &mut Components) -> String {
    let mut schemas = vec![(T::name().into_owned(), T::schema())];
    T::schemas(&mut schemas);
    components.schemas.extend(schemas);
    T::name().into_owned()
}

/// A group of operations that answer errors the same way: each of `statuses` (code,
/// description) with `body`, or with the envelope `body_of` names for it. `None` where the body
/// is not documented. `members` names the operations by tag or by operation id.
pub struct Family {
    pub members: &'static [&'static str],
    pub body: Option<Envelope>,
    pub body_of: &'static [(&'static str, Envelope)],
    pub statuses: &'static [(&'static str, &'static str)],
}

/// The security requirement "any one of these schemes", in the order given.
pub fn any_of(schemes: &[&str]) -> Vec<SecurityRequirement> {
    schemes
        .iter()
        .map(|scheme| SecurityRequirement::new(*scheme, Vec::<String>::new()))
        .collect()
}

/// Gives every operation that declares no security of its own the surface's requirement.
pub fn default_security(doc: &mut OpenApi, requirement: &[SecurityRequirement]) {
    for op in all_operations(doc) {
        op.security.get_or_insert_with(|| requirement.to_vec());
    }
}

/// Adds to each operation the statuses of every family it is a member of; where two families
/// state the same status, the first one listed wins.
pub fn apply_families(doc: &mut OpenApi, families: &[&Family]) {
    let mut components = doc.components.take().unwrap_or_default();
    for op in all_operations(doc) {
        let tags = op.tags.as_deref().unwrap_or_default();
        let names = tags.iter().chain(&op.operation_id).map(String::as_str);
        let memberships: Vec<&Family> = families
            .iter()
            .copied()
            .filter(|f| names.clone().any(|name| f.members.contains(&name)))
            .collect();
        for family in memberships {
            for (code, description) in family.statuses {
                if op.responses.responses.contains_key(*code) {
                    continue;
                }
                let body = family
                    .body_of
                    .iter()
                    .find(|(status, _)| status == code)
                    .map(|(_, envelope)| *envelope)
                    .or(family.body)
                    .map(|register| register(&mut components));
                add(op, code, response(description, body.as_deref()));
            }
        }
    }
    doc.components = Some(components);
}

/// Gives every `429` response of the document a `Retry-After` header with this description.
pub fn retry_after(doc: &mut OpenApi, description: &str) {
    for op in all_operations(doc) {
        let Some(RefOr::T(response)) = op.responses.responses.get_mut("429") else {
            continue;
        };
        response
            .headers
            .entry("Retry-After".into())
            .or_insert_with(|| {
                RefOr::T(
                    HeaderBuilder::new()
                        .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                        .description(Some(description))
                        .build(),
                )
            });
    }
}

/// A response with this description and, when given, a JSON body referencing `schema`.
pub fn response(description: &str, schema: Option<&str>) -> Response {
    let builder = ResponseBuilder::new().description(description);
    match schema {
        None => builder.build(),
        Some(schema) => builder
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name(schema)))
                    .build(),
            )
            .build(),
    }
}

/// Adds `response` under `status` unless the operation already documents that status.
pub fn add(op: &mut Operation, status: &str, response: Response) {
    op.responses
        .responses
        .entry(status.into())
        .or_insert(RefOr::T(response));
}

/// Every operation of the document with its path.
pub fn operations_by_path(doc: &mut OpenApi) -> impl Iterator<Item = (&str, &mut Operation)> {
    doc.paths
        .paths
        .iter_mut()
        .flat_map(|(path, item)| operations(item).map(move |op| (path.as_str(), op)))
}

fn all_operations(doc: &mut OpenApi) -> impl Iterator<Item = &mut Operation> {
    doc.paths.paths.values_mut().flat_map(operations)
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.options,
        &mut item.head,
        &mut item.patch,
        &mut item.trace,
    ]
    .into_iter()
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
    use utoipa::openapi::{OpenApiBuilder, PathsBuilder};

    fn op(tag: &str, security: Option<Vec<SecurityRequirement>>) -> Operation {
        let mut op = OperationBuilder::new()
            .tag(tag)
            .response("200", response("Fine.", None))
            .response("429", response("Slow down.", None))
            .build();
        op.security = security;
        op
    }

    fn doc(ops: Vec<(&str, Operation)>) -> OpenApi {
        let mut paths = PathsBuilder::new();
        for (path, op) in ops {
            paths = paths.path(path, PathItem::new(HttpMethod::Get, op));
        }
        OpenApiBuilder::new().paths(paths).build()
    }

    fn value(doc: &OpenApi) -> serde_json::Value {
        serde_json::to_value(doc).unwrap()
    }

    #[test]
    fn the_default_security_fills_only_operations_without_their_own() {
        let open = vec![SecurityRequirement::default()];
        let mut doc = doc(vec![("/a", op("A", None)), ("/b", op("A", Some(open)))]);
        default_security(&mut doc, &any_of(&["one", "two"]));
        let v = value(&doc);
        assert_eq!(
            v["paths"]["/a"]["get"]["security"],
            serde_json::json!([{"one": []}, {"two": []}])
        );
        assert_eq!(v["paths"]["/b"]["get"]["security"], serde_json::json!([{}]));
    }

    #[test]
    fn a_family_adds_the_statuses_its_operations_leave_out() {
        const FAMILY: Family = Family {
            members: &["A", "pickedById"],
            body: None,
            body_of: &[],
            statuses: &[
                ("401", "Who are you?"),
                ("429", "Never used: the stub says it."),
            ],
        };
        #[derive(ToSchema)]
        #[allow(dead_code)]
        struct Problem {
            message: String,
        }
        const BROADER: Family = Family {
            members: &["A", "B"],
            body: None,
            body_of: &[("401", envelope::<Problem>)],
            statuses: &[
                ("401", "Never used on A: FAMILY says it."),
                ("500", "Oops."),
            ],
        };
        let mut by_id = op("C", None);
        by_id.operation_id = Some("pickedById".into());
        let mut doc = doc(vec![
            ("/a", op("A", None)),
            ("/b", op("B", None)),
            ("/c", by_id),
            ("/d", op("D", None)),
        ]);
        apply_families(&mut doc, &[&FAMILY, &BROADER]);
        let v = value(&doc);
        let responses = |path: &str| v["paths"][path]["get"]["responses"].clone();
        assert_eq!(responses("/a")["401"]["description"], "Who are you?");
        assert_eq!(responses("/a")["429"]["description"], "Slow down.");
        assert_eq!(responses("/a")["500"]["description"], "Oops.");
        assert!(responses("/a")["500"].get("content").is_none());
        assert_eq!(
            responses("/b")["401"]["description"],
            "Never used on A: FAMILY says it."
        );
        assert_eq!(
            responses("/b")["401"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Problem"
        );
        assert!(v["components"]["schemas"]["Problem"].is_object());
        assert_eq!(responses("/c")["401"]["description"], "Who are you?");
        assert!(responses("/c").get("500").is_none());
        assert!(responses("/d").get("401").is_none());
    }

    #[test]
    fn every_429_gets_retry_after_and_nothing_else_does() {
        let mut doc = doc(vec![("/a", op("A", None))]);
        retry_after(&mut doc, "Wait.");
        let v = value(&doc);
        let responses = &v["paths"]["/a"]["get"]["responses"];
        assert_eq!(
            responses["429"]["headers"]["Retry-After"],
            serde_json::json!({"schema": {"type": "string"}, "description": "Wait."})
        );
        assert!(responses["200"].get("headers").is_none());
    }
}
