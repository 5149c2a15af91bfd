//! The API key and the header it travels in. The key is never printed: `Debug` is redacted and
//! the header value is marked sensitive so reqwest's own `Debug` hides it too.

use std::fmt;

use reqwest::header::{HeaderName, HeaderValue};

/// A Kindo API key. `Debug` prints `ApiKey(<redacted>)`.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    pub fn new(key: impl Into<String>) -> Self {
        ApiKey(key.into())
    }

    /// The key itself, for callers that must hand it to another tool.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

impl From<&str> for ApiKey {
    fn from(s: &str) -> Self {
        ApiKey::new(s)
    }
}

impl From<String> for ApiKey {
    fn from(s: String) -> Self {
        ApiKey(s)
    }
}

/// Which header carries the key. Every operation on both hosts accepts Bearer; the documents
/// also declare `x-api-key` (api.kindo.ai) and `api-key` (llm.kindo.ai).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuthHeader {
    /// `Authorization: Bearer <key>` (the default; what the OpenAI SDKs send).
    #[default]
    Bearer,
    /// `x-api-key: <key>` (api.kindo.ai; the Anthropic-style header Claude Code uses).
    XApiKey,
    /// `api-key: <key>` (legacy llm.kindo.ai integrations).
    ApiKey,
    /// `Cookie: koda_operator_session=<key>`: a Koda operator session, as the dashboard sends
    /// it. Koda only; the key is the session cookie's value.
    SessionCookie,
}

impl AuthHeader {
    /// The header name and its (sensitive) value for `key`; `None` when the key contains bytes
    /// a header cannot carry.
    pub(crate) fn header(self, key: &ApiKey) -> Option<(HeaderName, HeaderValue)> {
        let (name, value) = match self {
            AuthHeader::Bearer => (
                reqwest::header::AUTHORIZATION,
                HeaderValue::from_str(&format!("Bearer {}", key.0)),
            ),
            AuthHeader::XApiKey => (
                HeaderName::from_static("x-api-key"),
                HeaderValue::from_str(&key.0),
            ),
            AuthHeader::ApiKey => (
                HeaderName::from_static("api-key"),
                HeaderValue::from_str(&key.0),
            ),
            AuthHeader::SessionCookie => (
                reqwest::header::COOKIE,
                HeaderValue::from_str(&format!("{}={}", crate::session::SESSION_COOKIE, key.0)),
            ),
        };
        let mut value = value.ok()?;
        value.set_sensitive(true);
        Some((name, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let key = ApiKey::new("sk-very-secret");
        assert_eq!(format!("{key:?}"), "ApiKey(<redacted>)");
        let (_, value) = AuthHeader::Bearer.header(&key).unwrap();
        assert!(value.is_sensitive());
        assert!(!format!("{value:?}").contains("very-secret"));
    }

    #[test]
    fn header_names() {
        let key = ApiKey::new("k");
        assert_eq!(AuthHeader::Bearer.header(&key).unwrap().1, "Bearer k");
        assert_eq!(AuthHeader::XApiKey.header(&key).unwrap().0, "x-api-key");
        assert_eq!(AuthHeader::ApiKey.header(&key).unwrap().0, "api-key");
        assert!(
            AuthHeader::Bearer
                .header(&ApiKey::new("bad\nkey"))
                .is_none()
        );
    }
}
