//! Credentials, checked per the operation's security requirement.
//!
//! Kindo's rules: `Authorization: Bearer <key>` wins over the API-key header; a malformed
//! `Authorization` (another scheme, an empty token) is rejected outright, never falling back
//! to the header. Any non-empty key is accepted on Kindo's hosts (state is kept per key); on
//! Koda the bearer token and the session cookie must be ones the installation issued (or the
//! break-glass token), so revoking them takes effect.

use axum::http::HeaderMap;

use crate::errors::Fail;
use crate::spec::{Document, Operation, Scheme, Surface};

/// Who is calling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// The operation allows anonymous access and no credential was sent.
    Anonymous,
    Bearer(String),
    Header(String),
    Cookie(String),
}

impl Caller {
    /// The key state is kept under (`""` for anonymous callers).
    pub fn key(&self) -> &str {
        match self {
            Caller::Anonymous => "",
            Caller::Bearer(k) | Caller::Header(k) | Caller::Cookie(k) => k,
        }
    }
}

/// Checks `headers` against `op`'s security. `valid` decides whether a presented Koda
/// credential is live (always true on Kindo's hosts).
pub fn check(
    doc: &Document,
    op: &Operation,
    headers: &HeaderMap,
    valid: impl Fn(&Caller) -> bool,
) -> Result<Caller, Fail> {
    let unauthorized = |message: &str| {
        let mut fail = Fail::new(401, "unauthorized", message);
        if op.path == "/v1/mcp" {
            let host = headers
                .get("host")
                .and_then(|h| h.to_str().ok())
                .unwrap_or("127.0.0.1");
            fail = fail.header(
                "www-authenticate",
                format!(
                    "Bearer resource_metadata=\"http://{host}/.well-known/oauth-protected-resource\""
                ),
            );
        }
        if doc.surface == Surface::Koda {
            fail.code = "auth.session_expired".into();
        }
        fail
    };
    let anonymous_ok = op.security.iter().any(Vec::is_empty);
    let schemes: Vec<&Scheme> = op
        .security
        .iter()
        .flatten()
        .filter_map(|name| doc.scheme(name))
        .collect();
    if let Some(value) = headers.get("authorization") {
        let text = value.to_str().unwrap_or("");
        let token = text
            .strip_prefix("Bearer ")
            .or_else(|| text.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty());
        if schemes.contains(&&Scheme::Bearer) {
            let Some(token) = token else {
                return Err(unauthorized(
                    "the Authorization header must be `Bearer <key>`",
                ));
            };
            let caller = Caller::Bearer(token.to_owned());
            if valid(&caller) {
                return Ok(caller);
            }
            return Err(unauthorized("the bearer token is not valid"));
        }
    }
    for scheme in &schemes {
        match scheme {
            Scheme::Header(name) => {
                if let Some(v) = headers.get(name.as_str()).and_then(|v| v.to_str().ok()) {
                    let v = v.trim();
                    if !v.is_empty() {
                        let caller = Caller::Header(v.to_owned());
                        if valid(&caller) {
                            return Ok(caller);
                        }
                        return Err(unauthorized("the API key is not valid"));
                    }
                }
            }
            Scheme::Cookie(name) => {
                if let Some(v) = cookie(headers, name) {
                    let caller = Caller::Cookie(v);
                    if valid(&caller) {
                        return Ok(caller);
                    }
                    if !anonymous_ok {
                        return Err(unauthorized("the session has expired or was revoked"));
                    }
                }
            }
            Scheme::Bearer => {}
        }
    }
    if anonymous_ok {
        return Ok(Caller::Anonymous);
    }
    Err(unauthorized("no credential was sent"))
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all("cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty())
}
