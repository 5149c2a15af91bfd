//! Shared by the integration tests: a real mock on 127.0.0.1 ephemeral ports, a client, and
//! the judge — every answer the mock sends is validated with the published documents through
//! `kindo-conformance` (status documented, documented headers present, body or every SSE frame
//! valid), so the mock cannot drift from the contract.

#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::PathBuf;

use kindo_conformance::target::{Judgement, judge};
use kindo_mock::{Mock, Options, Running, Spec, Surface};
use serde_json::Value;

pub fn spec_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec")
}

/// One request and what the mock answered.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub surface: Surface,
    pub method: String,
    pub path: String,
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Exchange {
    /// Asserts that the string at `pointer` in the JSON body contains `needle`.
    pub fn assert_says(&self, pointer: &str, needle: &str) {
        let json = self.json();
        let text = json.pointer(pointer).and_then(Value::as_str);
        assert!(
            text.is_some_and(|t| t.contains(needle)),
            "{pointer} does not say {needle:?}: {}",
            self.text
        );
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| {
            panic!(
                "{} {}: body is not JSON ({e}): {}",
                self.method, self.path, self.text
            )
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The SSE frames as (event, data).
    pub fn frames(&self) -> Vec<(Option<String>, String)> {
        kindo_mock::reply::parse_sse(&self.text)
            .into_iter()
            .map(|f| (f.event, f.data))
            .collect()
    }
}

pub struct Harness {
    pub running: Running,
    pub client: reqwest::Client,
    mock_spec: Spec,
    spec: kindo_conformance::Spec,
    /// Every exchange, for the final verdict.
    pub log: RefCell<Vec<Exchange>>,
}

pub async fn harness() -> Harness {
    harness_with(Options {
        seed: Some(42),
        ..Options::default()
    })
    .await
}

pub async fn harness_with(options: Options) -> Harness {
    let mock = Mock::new(Spec::from_dir(&spec_dir()).unwrap(), options);
    Harness {
        running: kindo_mock::start_local(mock).await.unwrap(),
        client: http_client(),
        mock_spec: Spec::from_dir(&spec_dir()).unwrap(),
        spec: kindo_conformance::Spec::load(&spec_dir()).unwrap(),
        log: RefCell::new(Vec::new()),
    }
}

/// A request being built.
pub struct Call<'a> {
    h: &'a Harness,
    surface: Surface,
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<String>,
}

impl<'a> Call<'a> {
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Asks for faults (`x-kindo-mock-fault`).
    pub fn fault(self, faults: &str) -> Self {
        self.header(kindo_mock::faults::HEADER, faults)
    }

    pub fn bearer(self, key: &str) -> Self {
        self.header("authorization", &format!("Bearer {key}"))
    }

    pub fn json(mut self, body: &Value) -> Self {
        self.body = Some(body.to_string());
        self.header("content-type", "application/json")
    }

    pub fn raw(mut self, body: &str) -> Self {
        self.body = Some(body.to_owned());
        self
    }

    /// The answer's status (the exchange is logged like any other).
    pub async fn status(self) -> u16 {
        self.send().await.status
    }

    /// The answer's body as JSON.
    pub async fn value(self) -> Value {
        self.send().await.json()
    }

    pub async fn send(self) -> Exchange {
        let url = format!("{}{}", self.h.running.url(self.surface), self.path);
        let method = reqwest::Method::from_bytes(self.method.as_bytes()).unwrap();
        let mut request = self.h.client.request(method, &url);
        for (k, v) in &self.headers {
            request = request.header(k, v);
        }
        if let Some(b) = self.body {
            request = request.body(b);
        }
        let response = request.send().await.unwrap();
        let exchange = Exchange {
            surface: self.surface,
            method: self.method.clone(),
            path: self.path.clone(),
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            text: response.text().await.unwrap_or_default(),
        };
        self.h.log.borrow_mut().push(exchange.clone());
        exchange
    }
}

impl Harness {
    pub fn call(&self, surface: Surface, method: &str, path: &str) -> Call<'_> {
        Call {
            h: self,
            surface,
            method: method.to_owned(),
            path: path.to_owned(),
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn api(&self, method: &str, path: &str) -> Call<'_> {
        self.call(Surface::Api, method, path).bearer("test-key")
    }

    /// The operation id a method and path route to (None for unknown routes).
    pub fn operation(&self, surface: Surface, method: &str, path: &str) -> Option<String> {
        let path = path.split('?').next().unwrap_or(path);
        match kindo_mock::router::route(self.mock_spec.document(surface), method, path) {
            kindo_mock::router::Route::Found { op, .. } => Some(op.id.clone()),
            _ => None,
        }
    }

    /// Judges one exchange against the published documents; returns the reasons it does not
    /// conform. Unknown routes are judged on their envelope only (no operation documents them).
    pub fn judge(&self, x: &Exchange) -> Vec<String> {
        let Some(id) = self.operation(x.surface, &x.method, &x.path) else {
            return Vec::new();
        };
        let ops = self.spec.find_in(&id, Some(x.surface.name()));
        let op = &ops[0];
        let doc = &self.spec.documents[op.doc];
        let at = format!(
            "{} {} {} ({id}) → {}",
            x.surface.name(),
            x.method,
            x.path,
            x.status
        );
        let responses = format!("{}/responses", op.pointer());
        let status_key = if doc
            .value
            .pointer(&format!("{responses}/{}", x.status))
            .is_some()
        {
            x.status.to_string()
        } else if doc.value.pointer(&format!("{responses}/default")).is_some() && x.status >= 400 {
            "default".to_owned()
        } else {
            return vec![format!("{at}: status {} is not documented", x.status)];
        };
        let response = doc
            .value
            .pointer(&format!("{responses}/{status_key}"))
            .unwrap();
        let mut out = Vec::new();
        for name in response
            .get("headers")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(k, _)| k)
        {
            if x.header(name).is_none() {
                out.push(format!("{at}: documented header {name} is missing"));
            }
        }
        let media = x
            .header("content-type")
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_owned();
        let content = response.get("content").and_then(Value::as_object);
        if media.is_empty() {
            if !x.text.is_empty() {
                out.push(format!("{at}: a body without content-type"));
            }
            if content.is_some_and(|c| !c.is_empty()) && x.text.is_empty() && x.status != 204 {
                out.push(format!("{at}: no body, but the response documents one"));
            }
            return out;
        }
        let Some(content) = content.filter(|c| c.contains_key(&media)) else {
            out.push(format!("{at}: media type {media:?} is not documented"));
            return out;
        };
        let _ = content;
        let pointer = format!(
            "{responses}/{status_key}/content/{}",
            media.replace('~', "~0").replace('/', "~1")
        );
        let value = if media == "text/event-stream" {
            Value::String(x.text.clone())
        } else {
            match serde_json::from_str(&x.text) {
                Ok(v) => v,
                Err(e) => {
                    out.push(format!("{at}: body is not JSON: {e}"));
                    return out;
                }
            }
        };
        match judge(&self.spec, op.doc, &pointer, &value).unwrap() {
            Judgement::Conforms => {}
            Judgement::Fails(failures) => {
                for f in failures {
                    out.push(format!(
                        "{at}: {} — body {}",
                        f.describe(),
                        x.text.chars().take(400).collect::<String>()
                    ));
                }
            }
            Judgement::Skipped(reason) => out.push(format!("{at}: not judged: {reason}")),
        }
        out
    }

    /// Judges every exchange so far; panics listing every non-conforming one.
    pub fn assert_all_conform(&self) {
        self.assert_all_conform_except(&[]);
    }

    /// Like [`Harness::assert_all_conform`], tolerating answers whose status the document
    /// omits for an operation in `gaps` ((document, operationId, status): contract gaps the
    /// mock answers truthfully rather than hide).
    pub fn assert_all_conform_except(&self, gaps: &[(&str, &str, u16)]) {
        let log = self.log.borrow();
        let failures: Vec<String> = log
            .iter()
            .filter(|x| {
                let id = self
                    .operation(x.surface, &x.method, &x.path)
                    .unwrap_or_default();
                !gaps.contains(&(x.surface.name(), id.as_str(), x.status))
            })
            .flat_map(|x| self.judge(x))
            .collect();
        assert!(
            failures.is_empty(),
            "{} of {} answers do not conform:\n{}",
            failures.len(),
            log.len(),
            failures.join("\n")
        );
    }

    /// (document, operationId) pairs answered with a 2xx so far.
    pub fn covered(&self) -> BTreeSet<(String, String)> {
        self.log
            .borrow()
            .iter()
            .filter(|x| (200..300).contains(&x.status))
            .filter_map(|x| {
                Some((
                    x.surface.name().to_owned(),
                    self.operation(x.surface, &x.method, &x.path)?,
                ))
            })
            .collect()
    }

    /// Every (document, operationId) of the published documents.
    pub fn all_operations(&self) -> BTreeSet<(String, String)> {
        self.spec
            .operations()
            .into_iter()
            .map(|o| (self.spec.documents[o.doc].name.clone(), o.id))
            .collect()
    }
}

/// A plain HTTP client for the tests. Installs the ring provider first: in the workspace build
/// reqwest carries kindo-client's `rustls-no-provider` feature and refuses to build without one.
pub fn http_client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}
