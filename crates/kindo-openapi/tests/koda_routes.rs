//! The Koda control-plane document against the route index of Koda's control-plane API page
//! (the project's seed 004) and the conventions that page states for every route.

use kindo_openapi::documents;
use serde_json::Value;

/// The page's route index, as written there (`:param` segments), plus the runtime routes of
/// the runtime page. Paths are relative to `/api/control-plane` unless they start with `/api/`.
const INDEX: &[(&str, &str)] = &[
    ("POST", "/auth/register-owner"),
    ("POST", "/auth/login"),
    ("POST", "/auth/logout"),
    ("GET", "/auth/status"),
    ("GET", "/auth/sessions"),
    ("DELETE", "/auth/sessions/:id"),
    ("POST", "/auth/tokens"),
    ("DELETE", "/auth/tokens/:id"),
    ("POST", "/auth/bootstrap/exchange"),
    ("POST", "/auth/password/change"),
    ("POST", "/auth/password/recover"),
    ("GET", "/agents"),
    ("POST", "/agents"),
    ("GET", "/agents/:agent_id"),
    ("PATCH", "/agents/:agent_id"),
    ("POST", "/agents/:agent_id/publish"),
    ("POST", "/agents/:agent_id/activate"),
    ("PUT", "/agents/:agent_id/secrets/:secret_key"),
    ("DELETE", "/agents/:agent_id/secrets/:secret_key"),
    ("PUT", "/providers/:provider_id/connection/api-key"),
    ("PUT", "/providers/:provider_id/connection/local"),
    ("POST", "/providers/:provider_id/connection/verify"),
    ("DELETE", "/providers/:provider_id/connection"),
    ("GET", "/connections/catalog"),
    ("PUT", "/connections/defaults/:connection_key"),
    ("POST", "/connections/defaults/:connection_key/verify"),
    ("GET", "/integrations/:integration_id/health"),
    ("GET", "/system-settings"),
    ("PATCH", "/system-settings"),
    ("GET", "/onboarding/status"),
    ("POST", "/onboarding/bootstrap"),
    ("GET", "/skills"),
    ("GET", "/skills/:skill_id"),
    ("GET", "/api/runtime/ready"),
    ("GET", "/api/runtime/agents"),
    ("GET", "/api/runtime/agents/:agent_id"),
    ("POST", "/api/runtime/tasks"),
    ("GET", "/api/runtime/tasks/:task_id"),
    ("GET", "/api/runtime/tasks/:task_id/trace"),
];

fn koda() -> Value {
    documents()
        .unwrap()
        .into_iter()
        .find(|d| d.name == "koda-control-plane")
        .expect("the Koda document is published")
        .value
}

/// Segments equal, a `:param` matching any `{param}`.
fn same_route(index: &str, template: &str) -> bool {
    let full = if index.starts_with("/api/") {
        index.to_owned()
    } else {
        format!("/api/control-plane{index}")
    };
    let (a, b): (Vec<_>, Vec<_>) = (full.split('/').collect(), template.split('/').collect());
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(a, b)| a == b || (a.starts_with(':') && b.starts_with('{') && b.ends_with('}')))
}

fn operations(doc: &Value) -> Vec<(String, String, &Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            out.push((method.to_uppercase(), path.clone(), op));
        }
    }
    out
}

#[test]
fn every_indexed_route_is_published_with_its_method() {
    let doc = koda();
    let ops = operations(&doc);
    let missing: Vec<_> = INDEX
        .iter()
        .filter(|(method, route)| {
            !ops.iter()
                .any(|(m, path, _)| m == method && same_route(route, path))
        })
        .collect();
    assert!(missing.is_empty(), "not in the document: {missing:?}");
    assert_eq!(
        doc["servers"][0]["url"], "http://{host}:8090",
        "port 8090 with a host variable"
    );
}

#[test]
fn first_run_routes_need_no_credentials_and_the_rest_accept_all_three() {
    let doc = koda();
    let open = [
        "registerOwner",
        "login",
        "exchangeSetupCode",
        "recoverPassword",
    ];
    for (method, path, op) in operations(&doc) {
        let security = op["security"]
            .as_array()
            .expect("every operation declares security");
        let names: Vec<&str> = security
            .iter()
            .flat_map(|r| r.as_object().unwrap().keys().map(String::as_str))
            .collect();
        let id = op["operationId"].as_str().unwrap();
        if open.contains(&id) {
            assert_eq!(security, &[serde_json::json!({})], "{method} {path}");
        } else if path.starts_with("/api/control-plane/") {
            for scheme in ["operatorToken", "controlPlaneToken", "operatorSession"] {
                assert!(names.contains(&scheme), "{method} {path} lacks {scheme}");
            }
        }
    }
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["operatorSession"]["in"], "cookie");
    assert_eq!(schemes["operatorSession"]["name"], "koda_operator_session");
}

#[test]
fn conventions_hold_on_every_route_they_apply_to() {
    let doc = koda();
    for (method, path, op) in operations(&doc) {
        let params: Vec<&str> = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        let responses = op["responses"].as_object().unwrap();
        let control_plane = path.starts_with("/api/control-plane/");
        // Creation endpoints (201) take Idempotency-Key.
        if control_plane && responses.contains_key("201") {
            assert!(params.contains(&"Idempotency-Key"), "{method} {path}");
        }
        // Lists are pages: limit + cursor in, next_cursor out.
        let success = responses
            .iter()
            .find(|(s, _)| s.starts_with('2'))
            .unwrap()
            .1;
        let schema = success["content"]["application/json"]["schema"]["$ref"]
            .as_str()
            .unwrap_or_default();
        if schema.ends_with("Page") {
            assert!(
                params.contains(&"limit") && params.contains(&"cursor"),
                "{method} {path}"
            );
            let page = doc.pointer(schema.trim_start_matches('#')).unwrap();
            assert!(page["properties"]["next_cursor"].is_object(), "{schema}");
        }
        if !control_plane {
            continue;
        }
        // Every non-2xx response carries {code, message, details?}; a default covers the rest.
        assert!(responses.contains_key("default"), "{method} {path}");
        for (status, response) in responses {
            if !status.starts_with('2') {
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ControlPlaneError",
                    "{method} {path} {status}"
                );
            }
        }
        // Every control-plane route is rate limited; 429 says when to retry.
        assert!(
            responses["429"]["headers"]["Retry-After"].is_object(),
            "{method} {path}"
        );
    }
    let login = &doc["paths"]["/api/control-plane/auth/login"]["post"]["responses"]["429"];
    assert!(
        login["description"]
            .as_str()
            .unwrap()
            .contains("5 login attempts"),
        "the login bucket names its own budget: {login}"
    );
}
