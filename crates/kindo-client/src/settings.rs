//! What every generated client carries besides its base URL and `reqwest::Client` (progenitor's
//! "inner type"): the key, the header it goes in, the retry policy, timeouts and input bounds.

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
    /// For the `reqwest::Client` the generated `Client::new` builds.
    pub(crate) connect_timeout: Duration,
    /// Longest wait for the next bytes of any response, streams included.
    pub(crate) read_timeout: Duration,
    /// Longest body of a non-streaming answer.
    pub(crate) max_body_bytes: usize,
    /// Longest line or event of an event stream.
    pub(crate) max_event_bytes: usize,
    /// Longest wait for the next event of a stream.
    pub(crate) event_idle_timeout: Option<Duration>,
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
    pub fn read_timeout(&self) -> Duration {
        self.read_timeout
    }
    pub fn max_body_bytes(&self) -> usize {
        self.max_body_bytes
    }
    pub fn max_event_bytes(&self) -> usize {
        self.max_event_bytes
    }
    pub fn event_idle_timeout(&self) -> Option<Duration> {
        self.event_idle_timeout
    }

    /// The HTTP client the generated `Client::new(baseurl, settings)` uses: the settings'
    /// connect and read timeouts, no total timeout (non-streaming calls get
    /// `request_timeout` per request from the hooks; streams get none), the origin-bound
    /// redirect policy and TLS as [`crate::ClientBuilder`] sets them.
    ///
    /// # Panics
    /// When the TLS configuration cannot be built (no platform verifier); use
    /// `ClientBuilder::build_*` to get that as an error.
    pub fn http_client(&self) -> reqwest::Client {
        crate::builder::http_client(self.connect_timeout, self.read_timeout)
            .unwrap_or_else(|e| panic!("{e}"))
    }
}
