//! Serde behaviour of the Koda payloads whose fields the pages partly name: the named fields
//! decode typed, values outside the documented sets still decode, and every field the pages do
//! not name survives a round trip.

use kindo_types::koda::connections::{DefaultConnection, HealthSnapshot, VerificationResult};
use kindo_types::koda::providers::ProviderConnection;
use kindo_types::koda::runtime::Task;
use serde_json::{Value, json};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(value: &Value) -> (T, Value) {
    let typed: T = serde_json::from_value(value.clone()).expect("deserialises");
    let back = serde_json::to_value(&typed).expect("serialises");
    (typed, back)
}

#[test]
fn a_default_connection_decodes_its_named_fields_and_keeps_the_rest() {
    let wire = json!({
        "connection_key": "core:jira",
        "status": "verified",
        "auth_method": "api_token",
        "checked_via": "rest",
        "auth_expired": false,
        "account": {"email": "ops@example.com"},
        "capabilities": ["read"]
    });
    let (connection, back) = round_trip::<DefaultConnection>(&wire);
    assert_eq!(connection.connection_key.as_deref(), Some("core:jira"));
    assert_eq!(connection.status.as_deref(), Some("verified"));
    assert_eq!(connection.checked_via.as_deref(), Some("rest"));
    assert_eq!(connection.auth_expired, Some(false));
    assert_eq!(connection.extra["account"]["email"], "ops@example.com");
    assert_eq!(back, wire);
}

#[test]
fn statuses_outside_the_documented_sets_still_decode() {
    // The pages call the default-connection states "typical" and the task states a list;
    // a newer Koda may add more, which must not break a client.
    let connection: DefaultConnection =
        serde_json::from_value(json!({"status": "revoked"})).unwrap();
    assert_eq!(connection.status.as_deref(), Some("revoked"));
    let task: Task =
        serde_json::from_value(json!({"id": "tsk_1", "agent_id": "atlas", "status": "cancelled"}))
            .unwrap();
    assert_eq!(task.status, "cancelled");
    let health: HealthSnapshot =
        serde_json::from_value(json!({"status": "flapping", "checked_at": "2026-01-01"})).unwrap();
    assert_eq!(health.status.as_deref(), Some("flapping"));
    assert_eq!(health.extra["checked_at"], "2026-01-01");
}

#[test]
fn every_connection_check_carries_the_same_probe_fields() {
    let probe = json!({"checked_via": "models_endpoint", "auth_expired": true});
    let provider: ProviderConnection = serde_json::from_value(probe.clone()).unwrap();
    let default: DefaultConnection = serde_json::from_value(probe.clone()).unwrap();
    let verification: VerificationResult = serde_json::from_value(probe).unwrap();
    for (checked_via, auth_expired, extra) in [
        (
            &provider.checked_via,
            provider.auth_expired,
            provider.extra.len(),
        ),
        (
            &default.checked_via,
            default.auth_expired,
            default.extra.len(),
        ),
        (
            &verification.checked_via,
            verification.auth_expired,
            verification.extra.len(),
        ),
    ] {
        assert_eq!(checked_via.as_deref(), Some("models_endpoint"));
        assert_eq!(auth_expired, Some(true));
        assert_eq!(
            extra, 0,
            "a named field must not land in the passthrough map"
        );
    }
}

#[test]
fn a_verification_keeps_the_refreshed_connection_it_does_not_name() {
    let wire = json!({
        "verification": {"verified": true, "latency_ms": 142},
        "details": {"probe": "GET /myself"},
        "connection": {"connection_key": "core:jira", "status": "verified"}
    });
    let (result, back) = round_trip::<VerificationResult>(&wire);
    let verdict = result.verification.as_ref().unwrap();
    assert_eq!(verdict.verified, Some(true));
    assert_eq!(verdict.extra["latency_ms"], 142);
    assert_eq!(result.details.as_ref().unwrap()["probe"], "GET /myself");
    assert_eq!(result.extra["connection"]["status"], "verified");
    assert_eq!(back, wire);
}

#[test]
fn a_named_field_of_the_wrong_type_is_rejected() {
    assert!(serde_json::from_value::<DefaultConnection>(json!({"auth_expired": "no"})).is_err());
    assert!(serde_json::from_value::<ProviderConnection>(json!({"checked_via": 3})).is_err());
}
