//! What every generated client carries besides its base URL and `reqwest::Client` (progenitor's
//! "inner type"): the key, the header it goes in, the retry policy and the per-request timeout.

use std::time::Duration;

use crate::auth::{ApiKey, AuthHeader};
use crate::retry::RetryPolicy;

/// Per-client settings, read by the hooks on every request. `Debug` never shows the key.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `None` for a client that sends no credential ([`crate::ClientBuilder::anonymous`]).
    pub(crate) key: Option<ApiKey>,
    pub(crate) auth_header: AuthHeader,
    pub(crate) retry: RetryPolicy,
    /// Total time allowed for one non-streaming request (headers and body).
    pub(crate) request_timeout: Option<Duration>,
}

impl Settings {
    pub fn auth_header(&self) -> AuthHeader {
        self.auth_header
    }
    pub fn retry(&self) -> &RetryPolicy {
        &self.retry
    }
    pub fn request_timeout(&self) -> Option<Duration> {
        self.request_timeout
    }
}
