//! The rule catalog: every change `cargo xtask diff` can report, with its fixed level. Ids
//! follow oasdiff's kebab-case names where oasdiff has the rule; schema rules are generated per
//! direction and position (`request-body-…`, `request-property-…`, `request-parameter-…`,
//! `response-body-…`, `response-property-…`, `response-header-…`), because the same edit
//! (say a removed enum value) breaks a request and is harmless in a response.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::Level;
use Level::{Err, Info, Warn};

/// One rule: id, level and what it means.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub level: Level,
    pub summary: String,
}

/// Schema rules in a request position (the new schema must accept everything the old one did).
const REQUEST_SCHEMA: &[(&str, Level, &str)] = &[
    (
        "type-changed",
        Err,
        "the type no longer accepts every value it accepted",
    ),
    ("type-generalized", Info, "the type accepts more values"),
    ("became-not-nullable", Err, "`null` is no longer accepted"),
    ("became-nullable", Info, "`null` is now accepted"),
    (
        "enum-value-removed",
        Err,
        "an enum value is no longer accepted",
    ),
    ("enum-value-added", Info, "an enum value is accepted"),
    (
        "enum-restricted",
        Err,
        "the value is now restricted to an enum",
    ),
    (
        "enum-unrestricted",
        Info,
        "the enum restriction was dropped",
    ),
    ("format-changed", Err, "the format changed or narrowed"),
    (
        "format-generalized",
        Info,
        "the format widened or was dropped",
    ),
    ("pattern-added", Err, "a pattern now restricts the value"),
    (
        "pattern-changed",
        Warn,
        "the pattern changed; values it matched may be rejected",
    ),
    ("pattern-removed", Info, "the pattern was dropped"),
    ("max-length-set", Err, "a maximum length was set"),
    ("max-length-decreased", Err, "the maximum length decreased"),
    ("max-length-increased", Info, "the maximum length increased"),
    ("max-length-unset", Info, "the maximum length was dropped"),
    ("min-length-set", Err, "a minimum length was set"),
    ("min-length-increased", Err, "the minimum length increased"),
    ("min-length-decreased", Info, "the minimum length decreased"),
    ("min-length-unset", Info, "the minimum length was dropped"),
    ("max-set", Err, "a maximum was set"),
    ("max-decreased", Err, "the maximum decreased"),
    ("max-increased", Info, "the maximum increased"),
    ("max-unset", Info, "the maximum was dropped"),
    ("min-set", Err, "a minimum was set"),
    ("min-increased", Err, "the minimum increased"),
    ("min-decreased", Info, "the minimum decreased"),
    ("min-unset", Info, "the minimum was dropped"),
    ("max-items-set", Err, "a maximum item count was set"),
    (
        "max-items-decreased",
        Err,
        "the maximum item count decreased",
    ),
    (
        "max-items-increased",
        Info,
        "the maximum item count increased",
    ),
    (
        "max-items-unset",
        Info,
        "the maximum item count was dropped",
    ),
    ("min-items-set", Err, "a minimum item count was set"),
    (
        "min-items-increased",
        Err,
        "the minimum item count increased",
    ),
    (
        "min-items-decreased",
        Info,
        "the minimum item count decreased",
    ),
    (
        "min-items-unset",
        Info,
        "the minimum item count was dropped",
    ),
    (
        "default-value-added",
        Warn,
        "a default now applies when the value is omitted",
    ),
    (
        "default-value-removed",
        Warn,
        "the default no longer applies",
    ),
    (
        "default-value-changed",
        Warn,
        "an omitted value now means something else",
    ),
    ("one-of-added", Info, "a `oneOf` branch was added"),
    ("one-of-removed", Err, "a `oneOf` branch was removed"),
    ("any-of-added", Info, "an `anyOf` branch was added"),
    ("any-of-removed", Err, "an `anyOf` branch was removed"),
    (
        "additional-properties-narrowed",
        Err,
        "unlisted properties are no longer accepted",
    ),
    (
        "additional-properties-widened",
        Info,
        "unlisted properties are accepted",
    ),
    (
        "max-properties-set",
        Err,
        "a maximum property count was set",
    ),
    (
        "max-properties-decreased",
        Err,
        "the maximum property count decreased",
    ),
    (
        "max-properties-increased",
        Info,
        "the maximum property count increased",
    ),
    (
        "max-properties-unset",
        Info,
        "the maximum property count was dropped",
    ),
    (
        "min-properties-set",
        Err,
        "a minimum property count was set",
    ),
    (
        "min-properties-increased",
        Err,
        "the minimum property count increased",
    ),
    (
        "min-properties-decreased",
        Info,
        "the minimum property count decreased",
    ),
    (
        "min-properties-unset",
        Info,
        "the minimum property count was dropped",
    ),
    ("not-added", Err, "a `not` now excludes values"),
    ("not-removed", Info, "the `not` exclusion was dropped"),
    (
        "not-changed",
        Warn,
        "the `not` exclusion changed; values it let through may be rejected",
    ),
    ("not-enum-value-added", Err, "`not` excludes one more value"),
    (
        "not-enum-value-removed",
        Info,
        "`not` no longer excludes a value",
    ),
    (
        "open-union-value-removed",
        Warn,
        "an open union no longer names a tag: its catch-all takes those values as unknown ones",
    ),
    (
        "open-union-catch-all-overlap",
        Err,
        "the catch-all no longer excludes a tag that keeps its own branch: such values match two `oneOf` branches",
    ),
    (
        "became-read-only",
        Warn,
        "the value became `readOnly` (servers may ignore or reject it)",
    ),
    (
        "became-not-read-only",
        Info,
        "the value is no longer `readOnly`",
    ),
];

/// Schema rules in a response position (the new schema may only promise more: a looser limit
/// breaks clients that size buffers or validate by the old one).
const RESPONSE_SCHEMA: &[(&str, Level, &str)] = &[
    (
        "type-changed",
        Err,
        "the type may now carry values clients do not expect",
    ),
    ("type-specialized", Info, "the type narrowed"),
    ("became-nullable", Err, "`null` may now be returned"),
    ("became-not-nullable", Info, "`null` is no longer returned"),
    (
        "enum-value-added",
        Warn,
        "a closed enum may return a new value",
    ),
    (
        "open-enum-value-added",
        Info,
        "a value was listed in a set documented as open",
    ),
    (
        "enum-value-removed",
        Info,
        "an enum value is no longer returned",
    ),
    (
        "enum-unrestricted",
        Warn,
        "the enum restriction was dropped",
    ),
    (
        "enum-restricted",
        Info,
        "the value is now restricted to an enum",
    ),
    ("format-changed", Err, "the format changed or widened"),
    (
        "format-specialized",
        Info,
        "the format narrowed or was added",
    ),
    ("pattern-removed", Warn, "the pattern no longer holds"),
    ("pattern-changed", Warn, "the pattern changed"),
    ("pattern-added", Info, "a pattern now holds"),
    ("max-length-unset", Err, "the maximum length was dropped"),
    ("max-length-increased", Err, "the maximum length increased"),
    ("max-length-decreased", Info, "the maximum length decreased"),
    ("max-length-set", Info, "a maximum length was set"),
    ("min-length-unset", Err, "the minimum length was dropped"),
    ("min-length-decreased", Err, "the minimum length decreased"),
    ("min-length-increased", Info, "the minimum length increased"),
    ("min-length-set", Info, "a minimum length was set"),
    ("max-unset", Err, "the maximum was dropped"),
    ("max-increased", Err, "the maximum increased"),
    ("max-decreased", Info, "the maximum decreased"),
    ("max-set", Info, "a maximum was set"),
    ("min-unset", Err, "the minimum was dropped"),
    ("min-decreased", Err, "the minimum decreased"),
    ("min-increased", Info, "the minimum increased"),
    ("min-set", Info, "a minimum was set"),
    ("max-items-unset", Err, "the maximum item count was dropped"),
    (
        "max-items-increased",
        Err,
        "the maximum item count increased",
    ),
    (
        "max-items-decreased",
        Info,
        "the maximum item count decreased",
    ),
    ("max-items-set", Info, "a maximum item count was set"),
    ("min-items-unset", Err, "the minimum item count was dropped"),
    (
        "min-items-decreased",
        Err,
        "the minimum item count decreased",
    ),
    (
        "min-items-increased",
        Info,
        "the minimum item count increased",
    ),
    ("min-items-set", Info, "a minimum item count was set"),
    ("default-value-added", Info, "a default is documented"),
    (
        "default-value-removed",
        Info,
        "the documented default was dropped",
    ),
    (
        "default-value-changed",
        Info,
        "the documented default changed",
    ),
    (
        "one-of-added",
        Err,
        "a `oneOf` branch was added: clients meet a shape they do not know",
    ),
    ("one-of-removed", Info, "a `oneOf` branch was removed"),
    (
        "any-of-added",
        Err,
        "an `anyOf` branch was added: clients meet a shape they do not know",
    ),
    ("any-of-removed", Info, "an `anyOf` branch was removed"),
    (
        "open-union-value-added",
        Info,
        "an open union names a new tag its catch-all already accepted",
    ),
    (
        "additional-properties-widened",
        Warn,
        "unlisted properties may now be returned",
    ),
    (
        "additional-properties-narrowed",
        Info,
        "unlisted properties are no longer returned",
    ),
    (
        "max-properties-unset",
        Err,
        "the maximum property count was dropped",
    ),
    (
        "max-properties-increased",
        Err,
        "the maximum property count increased",
    ),
    (
        "max-properties-decreased",
        Info,
        "the maximum property count decreased",
    ),
    (
        "max-properties-set",
        Info,
        "a maximum property count was set",
    ),
    (
        "min-properties-unset",
        Err,
        "the minimum property count was dropped",
    ),
    (
        "min-properties-decreased",
        Err,
        "the minimum property count decreased",
    ),
    (
        "min-properties-increased",
        Info,
        "the minimum property count increased",
    ),
    (
        "min-properties-set",
        Info,
        "a minimum property count was set",
    ),
    ("not-added", Info, "a `not` now excludes values"),
    (
        "not-removed",
        Warn,
        "values the `not` excluded may now be returned",
    ),
    ("not-changed", Warn, "the `not` exclusion changed"),
    (
        "not-enum-value-added",
        Info,
        "`not` excludes one more value",
    ),
    (
        "not-enum-value-removed",
        Warn,
        "a value `not` excluded may now be returned",
    ),
    (
        "open-union-value-removed",
        Info,
        "an open union no longer names a tag: values with it arrive as unknown ones",
    ),
    (
        "open-union-catch-all-overlap",
        Warn,
        "the catch-all no longer excludes a tag that keeps its own branch: strict `oneOf` validation rejects such values",
    ),
    (
        "became-write-only",
        Err,
        "the value became `writeOnly`: it is no longer returned",
    ),
    (
        "became-not-write-only",
        Info,
        "the value is no longer `writeOnly`",
    ),
];

/// Positions of request and response schemas, as they appear in rule ids.
pub const REQUEST_SUBJECTS: &[&str] = &["body", "property", "parameter"];
pub const RESPONSE_SUBJECTS: &[&str] = &["body", "property", "header"];

/// Every other rule.
const FIXED: &[(&str, Level, &str)] = &[
    // Object properties.
    (
        "new-required-request-property",
        Err,
        "a new request property is required",
    ),
    (
        "new-optional-request-property",
        Info,
        "a new optional request property",
    ),
    (
        "request-property-removed",
        Warn,
        "a request property was removed; clients still send it",
    ),
    (
        "request-property-became-required",
        Err,
        "a request property became required",
    ),
    (
        "request-property-became-optional",
        Info,
        "a request property became optional",
    ),
    (
        "response-required-property-removed",
        Err,
        "a required response property was removed",
    ),
    (
        "response-optional-property-removed",
        Warn,
        "an optional response property was removed",
    ),
    (
        "response-property-became-optional",
        Err,
        "a response property is no longer always present",
    ),
    (
        "response-property-became-required",
        Info,
        "a response property is now always present",
    ),
    (
        "response-required-property-added",
        Info,
        "a new response property, always present",
    ),
    (
        "response-optional-property-added",
        Info,
        "a new optional response property",
    ),
    // Operations.
    ("endpoint-added", Info, "a new operation"),
    (
        "api-path-removed-without-deprecation",
        Err,
        "a path was removed without a deprecation first",
    ),
    (
        "api-path-removed-with-deprecation",
        Info,
        "a path deprecated in the old version was removed",
    ),
    (
        "api-removed-without-deprecation",
        Err,
        "an operation was removed without a deprecation first",
    ),
    (
        "api-removed-with-deprecation",
        Info,
        "an operation deprecated in the old version was removed",
    ),
    ("endpoint-deprecated", Info, "an operation was deprecated"),
    (
        "endpoint-reactivated",
        Info,
        "an operation is no longer deprecated",
    ),
    (
        "api-operation-id-removed",
        Err,
        "the operationId changed or was removed: generated clients lose the method",
    ),
    ("api-operation-id-added", Info, "an operationId was added"),
    // Parameters.
    (
        "new-required-request-parameter",
        Err,
        "a new required parameter",
    ),
    (
        "new-optional-request-parameter",
        Info,
        "a new optional parameter",
    ),
    (
        "request-parameter-removed",
        Warn,
        "a parameter was removed; clients still send it",
    ),
    (
        "request-parameter-location-changed",
        Err,
        "a parameter moved (e.g. from query to header)",
    ),
    (
        "request-parameter-became-required",
        Err,
        "a parameter became required",
    ),
    (
        "request-parameter-became-optional",
        Info,
        "a parameter became optional",
    ),
    (
        "request-parameter-style-changed",
        Err,
        "a parameter's serialisation style changed",
    ),
    (
        "request-parameter-explode-changed",
        Err,
        "a parameter's `explode` changed",
    ),
    // Request bodies.
    (
        "request-body-added-required",
        Err,
        "a required request body was added",
    ),
    (
        "request-body-added-optional",
        Info,
        "an optional request body was added",
    ),
    (
        "request-body-removed",
        Warn,
        "the request body was removed; clients still send one",
    ),
    (
        "request-body-became-required",
        Err,
        "the request body became required",
    ),
    (
        "request-body-became-optional",
        Info,
        "the request body became optional",
    ),
    (
        "request-body-media-type-removed",
        Err,
        "a request media type is no longer accepted",
    ),
    (
        "request-body-media-type-added",
        Info,
        "a request media type is accepted",
    ),
    // Responses.
    (
        "response-success-status-removed",
        Err,
        "a success status is no longer returned",
    ),
    (
        "response-non-success-status-removed",
        Warn,
        "an error status is no longer documented",
    ),
    (
        "response-success-status-added",
        Info,
        "a new success status",
    ),
    (
        "response-non-success-status-added",
        Info,
        "a new error status",
    ),
    (
        "response-media-type-removed",
        Err,
        "a response media type is no longer returned",
    ),
    (
        "response-media-type-added",
        Info,
        "a new response media type",
    ),
    (
        "response-required-header-removed",
        Err,
        "a required response header was removed",
    ),
    (
        "response-optional-header-removed",
        Warn,
        "an optional response header was removed",
    ),
    (
        "response-header-became-optional",
        Err,
        "a response header is no longer always sent",
    ),
    (
        "response-header-became-required",
        Info,
        "a response header is now always sent",
    ),
    ("new-response-header", Info, "a new response header"),
    // Streams.
    (
        "response-stream-event-removed",
        Err,
        "a named stream event is no longer sent",
    ),
    (
        "response-stream-event-added",
        Warn,
        "a stream may send an event clients do not know",
    ),
    (
        "response-stream-open-event-added",
        Info,
        "an open stream names a new event (clients skip unknown ones)",
    ),
    (
        "response-stream-event-retyped",
        Err,
        "a stream event's data schema was replaced",
    ),
    (
        "response-stream-terminal-event-changed",
        Err,
        "the set of events that end a stream changed",
    ),
    // Security.
    (
        "api-security-removed",
        Err,
        "a way to authenticate an operation was removed",
    ),
    (
        "api-security-added",
        Info,
        "a new way to authenticate an operation",
    ),
    (
        "api-security-scope-added",
        Err,
        "an operation requires another scope",
    ),
    (
        "api-security-scope-removed",
        Info,
        "an operation requires fewer scopes",
    ),
    (
        "security-scheme-changed",
        Err,
        "a security scheme's type, location, name or scheme changed",
    ),
    (
        "security-scheme-removed",
        Info,
        "a security scheme was removed from components",
    ),
    (
        "security-scheme-added",
        Info,
        "a security scheme was added to components",
    ),
    // Servers.
    ("server-removed", Err, "a server URL was removed"),
    ("server-added", Info, "a server URL was added"),
    (
        "server-variable-removed",
        Err,
        "a server variable was removed",
    ),
    ("server-variable-added", Info, "a server variable was added"),
    (
        "server-variable-enum-value-removed",
        Err,
        "a server variable no longer allows a value",
    ),
    (
        "server-variable-enum-value-added",
        Info,
        "a server variable allows a new value",
    ),
    (
        "server-variable-default-changed",
        Warn,
        "a server variable's default changed",
    ),
];

/// The whole catalog, in a stable order.
pub fn catalog() -> &'static [Rule] {
    static CATALOG: OnceLock<Vec<Rule>> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut rules = Vec::new();
        for (dir, subjects, kinds) in [
            ("request", REQUEST_SUBJECTS, REQUEST_SCHEMA),
            ("response", RESPONSE_SUBJECTS, RESPONSE_SCHEMA),
        ] {
            for subject in subjects {
                for (kind, level, summary) in kinds {
                    rules.push(Rule {
                        id: format!("{dir}-{subject}-{kind}"),
                        level: *level,
                        summary: format!("{dir} {subject}: {summary}"),
                    });
                }
            }
        }
        rules.extend(FIXED.iter().map(|(id, level, summary)| Rule {
            id: (*id).to_owned(),
            level: *level,
            summary: (*summary).to_owned(),
        }));
        rules
    })
}

/// The level of a rule id. Every id the comparison emits is in the catalog (a test checks the
/// fixtures reach every one), so an unknown id is a programming error.
pub fn level(id: &str) -> Level {
    static INDEX: OnceLock<BTreeMap<&'static str, Level>> = OnceLock::new();
    let index = INDEX.get_or_init(|| catalog().iter().map(|r| (r.id.as_str(), r.level)).collect());
    *index
        .get(id)
        .unwrap_or_else(|| panic!("rule `{id}` is not in the catalog"))
}
