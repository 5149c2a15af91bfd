//! The rule catalog: every change `cargo xtask diff` can report, with its fixed level. Ids
//! follow oasdiff's kebab-case names where oasdiff has the rule; schema rules are generated per
//! direction and position (`request-body-…`, `request-property-…`, `request-parameter-…`,
//! `response-body-…`, `response-property-…`, `response-header-…`), because the same edit
//! (say a removed enum value) breaks a request and is harmless in a response.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::view::LIMITS;
use super::{Dir, Level};

/// One rule: id, level and what it means.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub level: Level,
    pub summary: String,
}

// Each table holds one rule a line, `<id> <LEVEL> <summary>`; an indented line continues the
// summary above it and `#` starts a comment.

/// Schema rules in a request position (the new schema must accept everything the old one did).
const REQUEST_SCHEMA: &str = "
type-changed                   ERR  the type no longer accepts every value it accepted
type-generalized               INFO the type accepts more values
became-not-nullable            ERR  `null` is no longer accepted
became-nullable                INFO `null` is now accepted
enum-value-removed             ERR  an enum value is no longer accepted
enum-value-added               INFO an enum value is accepted
enum-restricted                ERR  the value is now restricted to an enum
enum-unrestricted              INFO the enum restriction was dropped
format-changed                 ERR  the format changed or narrowed
format-generalized             INFO the format widened or was dropped
pattern-added                  ERR  a pattern now restricts the value
pattern-changed                WARN the pattern changed; values it matched may be rejected
pattern-removed                INFO the pattern was dropped
default-value-added            WARN a default now applies when the value is omitted
default-value-removed          WARN the default no longer applies
default-value-changed          WARN an omitted value now means something else
one-of-added                   INFO a `oneOf` branch was added
one-of-removed                 ERR  a `oneOf` branch was removed
any-of-added                   INFO an `anyOf` branch was added
any-of-removed                 ERR  an `anyOf` branch was removed
additional-properties-narrowed ERR  unlisted properties are no longer accepted
additional-properties-widened  INFO unlisted properties are accepted
not-added                      ERR  a `not` now excludes values
not-removed                    INFO the `not` exclusion was dropped
not-changed                    WARN the `not` exclusion changed; values it let through may be
                                    rejected
not-enum-value-added           ERR  `not` excludes one more value
not-enum-value-removed         INFO `not` no longer excludes a value
open-union-value-removed       WARN an open union no longer names a tag: its catch-all takes those
                                    values as unknown ones
open-union-catch-all-overlap   ERR  the catch-all no longer excludes a tag that keeps its own
                                    branch: such values match two `oneOf` branches
became-read-only               WARN the value became `readOnly` (servers may ignore or reject it)
became-not-read-only           INFO the value is no longer `readOnly`
";

/// Schema rules in a response position (the new schema may only promise more: a looser limit
/// breaks clients that size buffers or validate by the old one).
const RESPONSE_SCHEMA: &str = "
type-changed                   ERR  the type may now carry values clients do not expect
type-specialized               INFO the type narrowed
became-nullable                ERR  `null` may now be returned
became-not-nullable            INFO `null` is no longer returned
enum-value-added               WARN a closed enum may return a new value
open-enum-value-added          INFO a value was listed in a set documented as open
enum-value-removed             INFO an enum value is no longer returned
enum-unrestricted              WARN the enum restriction was dropped
enum-restricted                INFO the value is now restricted to an enum
format-changed                 ERR  the format changed or widened
format-specialized             INFO the format narrowed or was added
pattern-removed                WARN the pattern no longer holds
pattern-changed                WARN the pattern changed
pattern-added                  INFO a pattern now holds
default-value-added            INFO a default is documented
default-value-removed          INFO the documented default was dropped
default-value-changed          INFO the documented default changed
one-of-added                   ERR  a `oneOf` branch was added: clients meet a shape they do not
                                    know
one-of-removed                 INFO a `oneOf` branch was removed
any-of-added                   ERR  an `anyOf` branch was added: clients meet a shape they do not
                                    know
any-of-removed                 INFO an `anyOf` branch was removed
open-union-value-added         INFO an open union names a new tag its catch-all already accepted
additional-properties-widened  WARN unlisted properties may now be returned
additional-properties-narrowed INFO unlisted properties are no longer returned
not-added                      INFO a `not` now excludes values
not-removed                    WARN values the `not` excluded may now be returned
not-changed                    WARN the `not` exclusion changed
not-enum-value-added           INFO `not` excludes one more value
not-enum-value-removed         WARN a value `not` excluded may now be returned
open-union-value-removed       INFO an open union no longer names a tag: values with it arrive as
                                    unknown ones
open-union-catch-all-overlap   WARN the catch-all no longer excludes a tag that keeps its own
                                    branch: strict `oneOf` validation rejects such values
became-write-only              ERR  the value became `writeOnly`: it is no longer returned
became-not-write-only          INFO the value is no longer `writeOnly`
";

/// Positions of request and response schemas, as they appear in rule ids.
pub const REQUEST_SUBJECTS: &[&str] = &["body", "property", "parameter"];
pub const RESPONSE_SUBJECTS: &[&str] = &["body", "property", "header"];

/// Every other rule.
const FIXED: &str = "
# Object properties.
new-required-request-property          ERR  a new request property is required
new-optional-request-property          INFO a new optional request property
request-property-removed               WARN a request property was removed; clients still send it
request-property-became-required       ERR  a request property became required
request-property-became-optional       INFO a request property became optional
response-required-property-removed     ERR  a required response property was removed
response-optional-property-removed     WARN an optional response property was removed
response-property-became-optional      ERR  a response property is no longer always present
response-property-became-required      INFO a response property is now always present
response-required-property-added       INFO a new response property, always present
response-optional-property-added       INFO a new optional response property
# Operations.
endpoint-added                         INFO a new operation
api-path-removed-without-deprecation   ERR  a path was removed without a deprecation first
api-path-removed-with-deprecation      INFO a path deprecated in the old version was removed
api-removed-without-deprecation        ERR  an operation was removed without a deprecation first
api-removed-with-deprecation           INFO an operation deprecated in the old version was removed
endpoint-deprecated                    INFO an operation was deprecated
endpoint-reactivated                   INFO an operation is no longer deprecated
api-operation-id-removed               ERR  the operationId changed or was removed: generated
                                            clients lose the method
api-operation-id-added                 INFO an operationId was added
# Parameters.
new-required-request-parameter         ERR  a new required parameter
new-optional-request-parameter         INFO a new optional parameter
request-parameter-removed              WARN a parameter was removed; clients still send it
request-parameter-location-changed     ERR  a parameter moved (e.g. from query to header)
request-parameter-became-required      ERR  a parameter became required
request-parameter-became-optional      INFO a parameter became optional
request-parameter-style-changed        ERR  a parameter's serialisation style changed
request-parameter-explode-changed      ERR  a parameter's `explode` changed
# Request bodies.
request-body-added-required            ERR  a required request body was added
request-body-added-optional            INFO an optional request body was added
request-body-removed                   WARN the request body was removed; clients still send one
request-body-became-required           ERR  the request body became required
request-body-became-optional           INFO the request body became optional
request-body-media-type-removed        ERR  a request media type is no longer accepted
request-body-media-type-added          INFO a request media type is accepted
# Responses.
response-success-status-removed        ERR  a success status is no longer returned
response-non-success-status-removed    WARN an error status is no longer documented
response-success-status-added          INFO a new success status
response-non-success-status-added      INFO a new error status
response-media-type-removed            ERR  a response media type is no longer returned
response-media-type-added              INFO a new response media type
response-required-header-removed       ERR  a required response header was removed
response-optional-header-removed       WARN an optional response header was removed
response-header-became-optional        ERR  a response header is no longer always sent
response-header-became-required        INFO a response header is now always sent
new-response-header                    INFO a new response header
# Streams (`x-sse-events`), judged for a client of the old version.
response-stream-event-removed          ERR  a named stream event is no longer sent
response-stream-event-added            WARN a closed stream may send an event its clients do not
                                            know
response-stream-open-event-added       INFO an open stream names a new event (its clients skip
                                            unknown ones)
response-stream-event-retyped          INFO an event's payload is another schema (the schema rules
                                            at the event say what changed in it)
response-stream-terminal-event-changed ERR  an event now ends the stream, or no longer does
response-stream-done-changed           ERR  the `data:` line that ends the stream was added, removed
                                            or changed
response-stream-became-open            WARN a closed stream became open: it may send events its
                                            clients do not know
response-stream-became-closed          INFO an open stream became closed: it sends only the events
                                            it names
response-stream-events-declared        INFO a stream's event table is published
response-stream-events-undeclared      WARN a stream's event table is no longer published: its
                                            names, payloads and end are no longer promised
# Security.
api-security-removed                   ERR  a way to authenticate an operation was removed
api-security-added                     INFO a new way to authenticate an operation
api-security-scope-added               ERR  an operation requires another scope
api-security-scope-removed             INFO an operation requires fewer scopes
security-scheme-changed                ERR  a security scheme's type, location, name or scheme
                                            changed
security-scheme-removed                INFO a security scheme was removed from components
security-scheme-added                  INFO a security scheme was added to components
# Servers.
server-removed                         ERR  a server URL was removed
server-added                           INFO a server URL was added
server-variable-removed                ERR  a server variable was removed
server-variable-added                  INFO a server variable was added
server-variable-enum-value-removed     ERR  a server variable no longer allows a value
server-variable-enum-value-added       INFO a server variable allows a new value
server-variable-default-changed        WARN a server variable's default changed
";

/// Limit rules (`max-length-set`, `min-items-increased`, …), four per keyword family of
/// [`LIMITS`]: in a request a tighter limit breaks clients and a looser one cannot; in a
/// response it is the other way round.
fn limit_rules(dir: Dir) -> Vec<(String, Level, String)> {
    let mut out = Vec::new();
    for (stem, _, upper) in LIMITS {
        let (bound, what) = stem.split_once('-').unwrap_or((stem, ""));
        let bound = if bound == "max" { "maximum" } else { "minimum" };
        let noun = match what {
            "" => bound.to_owned(),
            "length" => format!("{bound} length"),
            "items" => format!("{bound} item count"),
            _ => format!("{bound} property count"),
        };
        let (tighter, looser) = if *upper {
            ("decreased", "increased")
        } else {
            ("increased", "decreased")
        };
        for (change, tightens, summary) in [
            ("set", true, format!("a {noun} was set")),
            (tighter, true, format!("the {noun} {tighter}")),
            (looser, false, format!("the {noun} {looser}")),
            ("unset", false, format!("the {noun} was dropped")),
        ] {
            let breaks = tightens == (dir == Dir::Request);
            let level = if breaks { Level::Err } else { Level::Info };
            out.push((format!("{stem}-{change}"), level, summary));
        }
    }
    out
}

/// The rules of one table: (id, level, summary).
fn rows(table: &'static str) -> Vec<(String, Level, String)> {
    let mut out: Vec<(String, Level, String)> = Vec::new();
    for line in table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        if line.starts_with(' ') {
            let (_, _, summary) = out.last_mut().expect("a continuation follows a rule");
            summary.push(' ');
            summary.push_str(line.trim());
            continue;
        }
        let mut words = line.split_whitespace();
        let (Some(id), Some(level)) = (words.next(), words.next()) else {
            panic!("rule line `{line}` has no level");
        };
        let level = match level {
            "ERR" => Level::Err,
            "WARN" => Level::Warn,
            "INFO" => Level::Info,
            other => panic!("rule `{id}`: unknown level `{other}`"),
        };
        out.push((id.to_owned(), level, words.collect::<Vec<_>>().join(" ")));
    }
    out
}

/// The whole catalog, in a stable order.
pub fn catalog() -> &'static [Rule] {
    static CATALOG: OnceLock<Vec<Rule>> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut rules = Vec::new();
        for (dir, subjects, kinds) in [
            (Dir::Request, REQUEST_SUBJECTS, REQUEST_SCHEMA),
            (Dir::Response, RESPONSE_SUBJECTS, RESPONSE_SCHEMA),
        ] {
            let mut kinds = rows(kinds);
            kinds.extend(limit_rules(dir));
            let dir = dir.as_str();
            for subject in subjects {
                for (kind, level, summary) in &kinds {
                    rules.push(Rule {
                        id: format!("{dir}-{subject}-{kind}"),
                        level: *level,
                        summary: format!("{dir} {subject}: {summary}"),
                    });
                }
            }
        }
        rules.extend(rows(FIXED).into_iter().map(|(id, level, summary)| Rule {
            id,
            level,
            summary,
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
