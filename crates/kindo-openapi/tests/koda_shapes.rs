//! The Koda document's payload shapes against what Koda's pages and shipped contract (v1.0.17)
//! name: every field they name in code form or in a JSON example is declared, nothing they do
//! not name is invented, and every payload stays open to fields a newer Koda adds.

use kindo_openapi::documents;
use serde_json::Value;

/// Field names the pages or the contract state as wire names, by schema, with the ones a page
/// shows in every example (and so required).
const NAMED: &[(&str, &[&str], &[&str])] = &[
    ("CatalogEntry", &["connection_key"], &[]),
    (
        "DefaultConnection",
        &[
            "connection_key",
            "status",
            "auth_method",
            "checked_via",
            "auth_expired",
        ],
        &[],
    ),
    (
        "VerificationResult",
        &["verification", "checked_via", "auth_expired", "details"],
        &[],
    ),
    ("Verification", &["verified"], &[]),
    (
        "ProviderConnection",
        &["connection_status", "checked_via", "auth_expired"],
        &[],
    ),
    ("HealthSnapshot", &["connection_status", "status"], &[]),
    (
        "TaskSubmission",
        &["agent_id", "query", "metadata"],
        &["agent_id", "query"],
    ),
    // `output` is prose ("the final output") on a page whose JSON example is cut off before
    // it; it was published in 0.1.0 and stays, since removing it would break its readers.
    (
        "Task",
        &["id", "agent_id", "status", "metadata", "output"],
        &["id", "agent_id", "status"],
    ),
    (
        "ControlPlaneError",
        &["code", "message", "details"],
        &["code", "message"],
    ),
];

/// Payloads the pages describe only in prose ("skill metadata, frontmatter, and body", "their
/// current state (active, paused, draft)"), without a wire name: open objects marked
/// undocumented.
const PROSE_ONLY: &[&str] = &[
    "Acknowledgement",
    "Agent",
    "AgentDraft",
    "AgentUpdate",
    "ApiKeyCredential",
    "AuthStatus",
    "BootstrapOutcome",
    "BootstrapStep",
    "DefaultConnectionUpdate",
    "IssuedToken",
    "LocalEndpoint",
    "LoginRequest",
    "OnboardingStatus",
    "OperatorSession",
    "OwnerRegistration",
    "PasswordChange",
    "PasswordRecovery",
    "PublishedSnapshot",
    "Readiness",
    "RegistrationGrant",
    "RuntimeAgent",
    "RuntimeAgentList",
    "SecretValue",
    "SessionInfo",
    "SetupCodeExchange",
    "Skill",
    "SystemSettings",
    "SystemSettingsPatch",
    "TaskTrace",
    "TokenRequest",
];

fn schemas() -> serde_json::Map<String, Value> {
    let doc = documents()
        .unwrap()
        .into_iter()
        .find(|d| d.name == "koda-control-plane")
        .expect("the Koda document is published")
        .value;
    doc["components"]["schemas"].as_object().unwrap().clone()
}

fn names(value: &Value) -> Vec<&str> {
    let mut out: Vec<&str> = match value {
        Value::Object(map) => map.keys().map(String::as_str).collect(),
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    out.sort_unstable();
    out
}

#[test]
fn every_named_field_is_declared_and_only_the_always_present_ones_are_required() {
    let schemas = schemas();
    for (name, fields, required) in NAMED {
        let schema = &schemas[*name];
        let mut expected = fields.to_vec();
        expected.sort_unstable();
        assert_eq!(names(&schema["properties"]), expected, "{name}");
        let mut required = required.to_vec();
        required.sort_unstable();
        assert_eq!(names(&schema["required"]), required, "{name}");
        assert!(
            schema.get(kindo_types::koda::UNDOCUMENTED).is_none(),
            "{name}"
        );
    }
}

#[test]
fn prose_only_payloads_are_open_objects_marked_undocumented() {
    let schemas = schemas();
    for name in PROSE_ONLY {
        let schema = &schemas[*name];
        assert_eq!(schema[kindo_types::koda::UNDOCUMENTED], true, "{name}");
        assert!(schema.get("properties").is_none(), "{name}");
        assert_eq!(schema["additionalProperties"], true, "{name}");
    }
    let marked = schemas
        .iter()
        .filter(|(_, s)| s.get(kindo_types::koda::UNDOCUMENTED).is_some())
        .count();
    assert_eq!(
        marked,
        PROSE_ONLY.len(),
        "a marked schema missing from the list"
    );
}

#[test]
fn every_payload_stays_open_and_every_schema_is_accounted_for() {
    let schemas = schemas();
    for (name, schema) in &schemas {
        assert_ne!(schema["additionalProperties"], false, "{name} is closed");
        let named = NAMED.iter().any(|(n, _, _)| n == name);
        let page = name.ends_with("Page");
        assert!(
            named || page || PROSE_ONLY.contains(&name.as_str()),
            "{name} is neither named by the pages nor listed as prose-only"
        );
    }
    // The statuses are open sets: a string, never an enum a newer value would fail.
    for (name, field) in [("DefaultConnection", "status"), ("Task", "status")] {
        let status = &schemas[name]["properties"][field];
        assert!(status.get("enum").is_none(), "{name}.{field}: {status}");
    }
}
