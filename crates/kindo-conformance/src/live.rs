//! `live` mode: call the safe read-only endpoints of a real deployment and judge each response
//! against the documents, reporting every failing JSON pointer, plus fields the response
//! carries that the schema does not declare (informational).
//!
//! The paths come from the documents (by `operationId`), so a moved endpoint is followed.
//!
//! The key never leaves `KINDO_BASE_URL`'s origin: no redirect is followed (ureq would forward
//! `x-api-key` to any host a `302` names), and a redirect is reported as a failure naming where
//! it pointed.

use std::time::Duration;

use serde_json::Value;

use crate::drift;
use crate::error::InputError;
use crate::report::{Check, Outcome, Report, Status};
use crate::spec::{Operation, Spec, escape};
use crate::target::{Judgement, judge};
use crate::validate::Failure;

/// The document whose deployment `live` probes: operations of the same id in other documents
/// (Koda's `listAgents`, say) live on other servers.
const DOCUMENT: &str = "kindo-api";

/// How the API key is sent. Kindo's pages disagree on which header the models and agents
/// endpoints take (the API overview says `x-api-key`, other pages Bearer, the 2026.09
/// authentication page both); `x-api-key` is what real users report working.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    XApiKey,
    Bearer,
}

/// What `live` needs, normally from the environment.
#[derive(Debug, Clone)]
pub struct Config {
    /// e.g. `https://api.kindo.ai` (no `/v1`).
    pub base_url: String,
    pub api_key: String,
    pub agent_id: Option<String>,
    pub run_id: Option<String>,
    pub auth: Auth,
    pub timeout: Duration,
}

impl Config {
    /// Reads `KINDO_BASE_URL`, `KINDO_API_KEY` (required), `KINDO_AGENT_ID`, `KINDO_RUN_ID`
    /// and `KINDO_AUTH` (`x-api-key`, the default, or `bearer`).
    pub fn from_env() -> Result<Config, InputError> {
        Config::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Like [`Config::from_env`] with any source of variables (tests pass a map).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, InputError> {
        let required = |name: &str| {
            get(name).ok_or_else(|| {
                InputError::Usage(format!("live mode needs the environment variable {name}"))
            })
        };
        let base_url = required("KINDO_BASE_URL")?;
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            return Err(InputError::Usage(format!(
                "KINDO_BASE_URL must start with http:// or https://, got {base_url:?}"
            )));
        }
        let auth = match get("KINDO_AUTH").as_deref() {
            None | Some("x-api-key") => Auth::XApiKey,
            Some("bearer") => Auth::Bearer,
            Some(other) => {
                return Err(InputError::Usage(format!(
                    "KINDO_AUTH must be `x-api-key` or `bearer`, got {other:?}"
                )));
            }
        };
        let api_key = required("KINDO_API_KEY")?;
        if let Some(at) = api_key.find(|c: char| c.is_control()) {
            // Never echo the key itself, only where the bad byte is.
            return Err(InputError::Usage(format!(
                "KINDO_API_KEY has a control character (a newline?) at byte {at}: an HTTP header cannot carry it"
            )));
        }
        if base_url.contains('@') {
            return Err(InputError::Usage(
                "KINDO_BASE_URL must not carry credentials (user info before `@`): pass the key in KINDO_API_KEY".into(),
            ));
        }
        Ok(Config {
            base_url: base_url.trim_end_matches('/').to_owned(),
            api_key,
            agent_id: get("KINDO_AGENT_ID"),
            run_id: get("KINDO_RUN_ID"),
            auth,
            timeout: Duration::from_secs(30),
        })
    }
}

/// One HTTP exchange.
struct Answer {
    status: u16,
    content_type: String,
    body: String,
}

/// Calls listModels, listAgents, getAgent (given or first listed) and getRun (given or the
/// agent's most recent) and judges each response. Transport failures are errors (exit 6);
/// everything the deployment answers is judged.
pub fn run(spec: &Spec, config: &Config) -> Result<Report, InputError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(config.timeout))
        .http_status_as_error(false)
        // A redirect is answered, not followed: the key stays with the configured origin.
        .max_redirects(0)
        .user_agent(concat!("kindo-conformance/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut outcomes = Vec::new();

    let _ = call(spec, config, &agent, "listModels", &[], &mut outcomes)?;

    let agents = call(spec, config, &agent, "listAgents", &[], &mut outcomes)?;
    let listed = agents
        .as_ref()
        .and_then(|a| a.pointer("/items/0/agentId"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let agent_id = config.agent_id.clone().or(listed);
    let detail = match &agent_id {
        Some(id) => call(
            spec,
            config,
            &agent,
            "getAgent",
            &[("agentId", id)],
            &mut outcomes,
        )?,
        None => {
            outcomes.push(skipped(
                spec,
                "getAgent",
                "no agent listed and KINDO_AGENT_ID is not set",
            ));
            None
        }
    };

    let recent = detail
        .as_ref()
        .and_then(|a| a.pointer("/recentRunIds/0"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    match config.run_id.clone().or(recent) {
        Some(id) => {
            call(
                spec,
                config,
                &agent,
                "getRun",
                &[("runId", &id)],
                &mut outcomes,
            )?;
        }
        None => outcomes.push(skipped(
            spec,
            "getRun",
            "the agent has no recent run and KINDO_RUN_ID is not set",
        )),
    }
    Ok(Report::new(outcomes))
}

fn skipped(spec: &Spec, id: &str, reason: &str) -> Outcome {
    let document = spec
        .find_in(id, Some(DOCUMENT))
        .first()
        .map(|o| spec.documents[o.doc].name.clone())
        .unwrap_or_default();
    let mut o = Outcome::new(Check::Live, String::new(), document, String::new());
    o.operation = Some(id.to_owned());
    o.status = Status::Skip;
    o.note = Some(reason.to_owned());
    o
}

/// Performs one GET for operation `id` and records its outcome. Returns the parsed body when
/// it is JSON, so later calls can pick ids from it.
fn call(
    spec: &Spec,
    config: &Config,
    agent: &ureq::Agent,
    id: &str,
    params: &[(&str, &str)],
    outcomes: &mut Vec<Outcome>,
) -> Result<Option<Value>, InputError> {
    // The probed document decides the path and judges the response.
    let ops = spec.find_in(id, Some(DOCUMENT));
    let Some(first) = ops.first() else {
        outcomes.push(skipped(
            spec,
            id,
            "no document in the spec directory has this operation",
        ));
        return Ok(None);
    };
    let mut path = first.path.clone();
    for (name, value) in params {
        path = path.replace(&format!("{{{name}}}"), &url_encode(value));
    }
    let url = format!("{}{path}", config.base_url);
    let mut request = agent.get(&url).header("accept", "application/json");
    request = match config.auth {
        Auth::XApiKey => request.header("x-api-key", &config.api_key),
        Auth::Bearer => request.header("authorization", &format!("Bearer {}", config.api_key)),
    };
    let mut response = request
        .call()
        .map_err(|e| InputError::Live(format!("GET {url} ({id}) failed: {e}")))?;
    let answer = Answer {
        status: response.status().as_u16(),
        content_type: response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned(),
        body: response.body_mut().read_to_string().map_err(|e| {
            InputError::Live(format!("GET {url} ({id}): cannot read the body: {e}"))
        })?,
    };
    if (300..400).contains(&answer.status) {
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("(no Location)");
        let location = redact_userinfo(location);
        for op in &ops {
            let mut o = Outcome::new(
                Check::Live,
                format!("GET {url}"),
                spec.documents[op.doc].name.clone(),
                format!("response {}", answer.status),
            );
            o.operation = Some(op.id.clone());
            o.status = Status::Fail;
            o.failures.push(Failure::new(
                "",
                "live",
                format!(
                    "redirected ({}) to {location}: live follows no redirect, so the key never leaves KINDO_BASE_URL; set KINDO_BASE_URL to the final host if it is yours",
                    answer.status
                ),
            ));
            outcomes.push(o);
        }
        return Ok(None);
    }
    let parsed: Option<Value> = serde_json::from_str(&answer.body).ok();
    for op in &ops {
        outcomes.push(judge_answer(spec, op, &url, &answer, parsed.as_ref())?);
    }
    Ok(parsed.filter(|_| (200..300).contains(&answer.status)))
}

fn judge_answer(
    spec: &Spec,
    op: &Operation,
    url: &str,
    answer: &Answer,
    body: Option<&Value>,
) -> Result<Outcome, InputError> {
    let document = &spec.documents[op.doc];
    let mut o = Outcome::new(
        Check::Live,
        format!("GET {url}"),
        document.name.clone(),
        format!("response {}", answer.status),
    );
    o.operation = Some(op.id.clone());
    let fail = |o: &mut Outcome, message: String| {
        o.status = Status::Fail;
        o.failures.push(Failure::new("", "live", message));
    };
    let status = answer.status.to_string();
    let responses = format!("{}/responses", op.pointer());
    if document
        .value
        .pointer(&format!("{responses}/{status}"))
        .is_none()
    {
        fail(
            &mut o,
            format!("status {status} is not documented for {}", op.id),
        );
        return Ok(o);
    }
    if !(200..300).contains(&answer.status) {
        let snippet: String = answer.body.chars().take(200).collect();
        fail(
            &mut o,
            format!("expected a success status, got {status}: {snippet}"),
        );
    }
    let media_type = answer
        .content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_owned();
    let content = format!("{responses}/{status}/content");
    let media = document
        .value
        .pointer(&content)
        .and_then(Value::as_object)
        .and_then(|c| c.keys().find(|k| **k == media_type).cloned());
    let Some(media) = media else {
        if !answer.body.is_empty() {
            let declared: Vec<String> = document
                .value
                .pointer(&content)
                .and_then(Value::as_object)
                .map(|c| c.keys().cloned().collect())
                .unwrap_or_default();
            let served = if media_type.is_empty() {
                "no content type".to_owned()
            } else {
                format!("content type {media_type:?}")
            };
            fail(
                &mut o,
                format!(
                    "the body is served with {served}, but status {status} declares {}",
                    if declared.is_empty() {
                        "no body".to_owned()
                    } else {
                        declared.join(", ")
                    }
                ),
            );
        }
        return Ok(o);
    };
    let media_pointer = format!("{content}/{}", escape(&media));
    let Some(body) = body else {
        fail(
            &mut o,
            format!("the body is not JSON (content-type {media_type:?})"),
        );
        return Ok(o);
    };
    match judge(spec, op.doc, &media_pointer, body)? {
        Judgement::Conforms => {}
        Judgement::Fails(failures) => {
            o.status = Status::Fail;
            o.failures.extend(failures);
        }
        Judgement::Skipped(reason) => o.note = Some(reason),
    }
    o.info = drift::undeclared(spec, op.doc, &format!("{media_pointer}/schema"), body);
    Ok(o)
}

/// A URL with any user info replaced, for messages.
fn redact_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => format!("{scheme}://<redacted>@{}", &rest[at + 1..]),
        None => url.to_owned(),
    }
}

/// Percent-encodes a path segment value.
fn url_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
