//! Building clients: base URL per host (SaaS by default, any URL for self-hosted Kindo), the API
//! key and its header, timeouts, retries, input bounds, the redirect policy and TLS.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use crate::auth::{ApiKey, AuthHeader};
use crate::retry::RetryPolicy;
use crate::settings::Settings;

/// Kindo SaaS base URL of the main API (models, agents, runs, integrations, inference).
pub const SAAS_API_URL: &str = "https://api.kindo.ai";
/// Kindo SaaS base URL of the legacy OpenAI-compatible inference host.
pub const SAAS_LLM_URL: &str = "https://llm.kindo.ai";
/// Default base URL of a Koda installation's control plane (and runtime) on this machine.
pub const LOCAL_KODA_URL: &str = "http://localhost:8090";

/// Why a client could not be built. One line, naming the offending setting.
#[derive(Debug)]
pub enum BuildError {
    /// The base URL does not parse, is not http(s), carries user info, or ends in `/v1`.
    /// `url` is the URL with any user info replaced by `<redacted>`.
    BaseUrl { url: String, reason: String },
    /// reqwest refused the configuration (e.g. no TLS roots available).
    Http(reqwest::Error),
    /// The TLS configuration could not be built.
    Tls(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::BaseUrl { url, reason } => write!(f, "invalid base URL `{url}`: {reason}"),
            BuildError::Http(e) => write!(f, "cannot build the HTTP client: {e}"),
            BuildError::Tls(e) => write!(f, "cannot configure TLS: {e}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// Configures and builds the client of every registered document: per document (cargo
/// feature), `<module>_base_url` sets its base URL and `build_<module>` builds it, e.g.
/// `api_base_url` and `build_api` for [`crate::api::Client`], `llm_*` for
/// [`crate::llm::Client`], `koda_*` for [`crate::koda::Client`] (whose key is an operator API
/// token or the break-glass token, Bearer, or a session cookie value with
/// [`AuthHeader::SessionCookie`]). The methods come from the registry (`for_each_client_builder!`
/// in the generated module list).
///
/// Defaults: each document's first server ([`SAAS_API_URL`], [`SAAS_LLM_URL`],
/// [`LOCAL_KODA_URL`]), `Authorization: Bearer`, 10 s connect timeout, 10 min per request
/// (model calls can be slow), 5 min without a byte on any read, 5 min without an event on a
/// stream (streams have no total limit), 64 MiB per non-streaming body, 16 MiB per stream
/// line or event, no retries. Redirects are followed only within the base URL's origin.
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    key: Option<ApiKey>,
    /// Base URLs set per client module; the others use their document's default.
    urls: BTreeMap<&'static str, String>,
    auth_header: AuthHeader,
    retry: RetryPolicy,
    connect_timeout: Duration,
    request_timeout: Option<Duration>,
    read_timeout: Duration,
    max_body_bytes: usize,
    max_event_bytes: usize,
    event_idle_timeout: Option<Duration>,
}

/// Default bound on a non-streaming response body: 64 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

impl ClientBuilder {
    pub fn new(key: impl Into<ApiKey>) -> Self {
        ClientBuilder {
            key: Some(key.into()),
            urls: BTreeMap::new(),
            auth_header: AuthHeader::Bearer,
            retry: RetryPolicy::none(),
            connect_timeout: Duration::from_secs(10),
            request_timeout: Some(Duration::from_secs(600)),
            read_timeout: Duration::from_secs(300),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_event_bytes: crate::sse::DEFAULT_MAX_EVENT_BYTES,
            event_idle_timeout: Some(Duration::from_secs(300)),
        }
    }

    /// A builder whose clients send no credential at all: for the routes that take none, such
    /// as Koda's first-run routes (owner registration, login, setup-code exchange, password
    /// recovery) and readiness probes. Other routes answer `401`.
    pub fn anonymous() -> Self {
        ClientBuilder {
            key: None,
            ..ClientBuilder::new("")
        }
    }

    /// Which header carries the key (Bearer by default).
    pub fn auth_header(mut self, header: AuthHeader) -> Self {
        self.auth_header = header;
        self
    }

    /// Retries for every call (none by default); see [`crate::retry`] for what is retried.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Total time for one non-streaming call; `None` for no limit. Streams never have one.
    pub fn request_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// Longest wait for the next bytes of any response, streams included.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// Longest wait for the next event of a stream; keep-alive comments and ignored events
    /// (`ping`) do not count, so a server sending only keep-alives is cut. `None` for none.
    pub fn event_idle_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.event_idle_timeout = timeout;
        self
    }

    /// Longest body of a non-streaming answer; a longer one is an error naming this limit.
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// Longest line, and longest data of one event, of an event stream.
    pub fn max_event_bytes(mut self, limit: usize) -> Self {
        self.max_event_bytes = limit;
        self
    }

    fn settings(&self) -> Settings {
        Settings {
            key: self.key.clone(),
            auth_header: self.auth_header,
            retry: self.retry.clone(),
            request_timeout: self.request_timeout,
            connect_timeout: self.connect_timeout,
            read_timeout: self.read_timeout,
            max_body_bytes: self.max_body_bytes,
            max_event_bytes: self.max_event_bytes,
            event_idle_timeout: self.event_idle_timeout,
        }
    }

    fn http(&self) -> Result<reqwest::Client, BuildError> {
        http_client(self.connect_timeout, self.read_timeout)
    }

    fn url<'a>(&'a self, module: &str, default: &'a str) -> &'a str {
        self.urls.get(module).map_or(default, String::as_str)
    }
}

/// The two methods of one document's client (see [`ClientBuilder`]).
macro_rules! per_document_builder {
    ($module:ident, $setter:ident, $build:ident, $document:literal, $default:literal) => {
        #[doc = concat!(
            "Base URL of the host of `spec/", $document, "` (default `", $default,
            "`), e.g. a self-hosted installation's; without `/v1`: operation paths include it."
        )]
        pub fn $setter(mut self, url: impl Into<String>) -> Self {
            self.urls.insert(stringify!($module), url.into());
            self
        }

        #[doc = concat!(
            "The client of `spec/", $document, "`: [`crate::", stringify!($module), "::Client`]."
        )]
        pub fn $build(&self) -> Result<crate::$module::Client, BuildError> {
            let base = base_url(self.url(stringify!($module), $default))?;
            Ok(crate::$module::Client::new_with_client(
                &base,
                self.http()?,
                self.settings(),
            ))
        }
    };
}

impl ClientBuilder {
    for_each_client_builder!(per_document_builder);
}

/// The HTTP client of every generated client: no total timeout (the hooks set one per
/// non-streaming request), redirects only within the origin ([`crate::redirect`]).
pub(crate) fn http_client(
    connect_timeout: Duration,
    read_timeout: Duration,
) -> Result<reqwest::Client, BuildError> {
    let builder = reqwest::Client::builder()
        .connect_timeout(connect_timeout)
        .read_timeout(read_timeout)
        .redirect(crate::redirect::policy())
        .user_agent(concat!("kindo-client-rust/", env!("CARGO_PKG_VERSION")));
    tls(builder)?.build().map_err(BuildError::Http)
}

/// rustls with the ring provider and the platform's certificate verifier, configured per client
/// (no process-wide provider is installed).
#[cfg(feature = "rustls")]
fn tls(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, BuildError> {
    use std::sync::Arc;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = rustls_platform_verifier::Verifier::new(provider.clone())
        .map_err(|e| BuildError::Tls(e.to_string()))?;
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| BuildError::Tls(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    Ok(builder.tls_backend_preconfigured(config))
}

#[cfg(not(feature = "rustls"))]
fn tls(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, BuildError> {
    Ok(builder)
}

/// `url` with whatever sits between `://` and the last `@` of its authority replaced, so an
/// error never echoes a password (even in a URL too broken to parse).
pub(crate) fn redact_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://<redacted>@{}", &rest[at + 1..]),
        None => url.to_owned(),
    }
}

/// Validates a base URL and drops a trailing `/` (progenitor appends `/v1/...`).
fn base_url(url: &str) -> Result<String, BuildError> {
    let fail = |reason: &str| BuildError::BaseUrl {
        url: redact_userinfo(url),
        reason: reason.to_owned(),
    };
    let parsed = reqwest::Url::parse(url).map_err(|e| fail(&e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(fail("the scheme must be http or https"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(fail(
            "credentials do not belong in the URL (they would reach logs and errors): pass the key to ClientBuilder::new",
        ));
    }
    let trimmed = url.trim_end_matches('/');
    if trimmed.ends_with("/v1") {
        return Err(fail(
            "leave out `/v1`: every operation path already starts with it",
        ));
    }
    Ok(trimmed.to_owned())
}

macro_rules! per_call_settings {
    ($module:ident) => {
        impl crate::$module::Client {
            /// A copy of this client (same connection pool) with another retry policy, for
            /// one call or a group of calls.
            pub fn with_retry(&self, policy: RetryPolicy) -> Self {
                let mut settings = self.inner.clone();
                settings.retry = policy;
                Self::new_with_client(&self.baseurl, self.client.clone(), settings)
            }

            /// A copy of this client with another total per-request timeout.
            pub fn with_request_timeout(&self, timeout: Option<Duration>) -> Self {
                let mut settings = self.inner.clone();
                settings.request_timeout = timeout;
                Self::new_with_client(&self.baseurl, self.client.clone(), settings)
            }
        }
    };
}

for_each_client!(per_call_settings);

#[cfg(all(test, feature = "api", feature = "llm"))]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(
            base_url("https://api.kindo.ai/").unwrap(),
            "https://api.kindo.ai"
        );
        assert_eq!(
            base_url("https://kindo.example.com/api").unwrap(),
            "https://kindo.example.com/api"
        );
        assert!(
            base_url("https://llm.kindo.ai/v1")
                .unwrap_err()
                .to_string()
                .contains("/v1")
        );
        assert!(base_url("ftp://x").is_err());
        assert!(base_url("not a url").is_err());
    }

    #[test]
    fn a_password_in_a_base_url_is_refused_and_never_echoed() {
        for url in [
            "https://admin:hunter2-secret@kindo.example.com/api",
            "https://hunter2-secret@kindo.example.com",
            "https://admin:hunter2-secret@kindo example.com/",
            "ftp://admin:hunter2-secret@kindo.example.com/",
        ] {
            let err = ClientBuilder::new("k")
                .api_base_url(url)
                .build_api()
                .unwrap_err();
            for text in [err.to_string(), format!("{err:?}")] {
                assert!(!text.contains("hunter2"), "{text}");
                assert!(text.contains("<redacted>@kindo"), "{text}");
            }
        }
        assert_eq!(
            redact_userinfo("http://u:p@h:1/a@b?c@d"),
            "http://<redacted>@h:1/a@b?c@d"
        );
        assert_eq!(redact_userinfo("http://h/a@b"), "http://h/a@b");
    }

    #[test]
    fn key_never_in_debug() {
        let builder = ClientBuilder::new("sk-top-secret-123");
        assert!(!format!("{builder:?}").contains("top-secret"));
        let client = builder.build_api().unwrap();
        let debug = format!("{client:?}");
        assert!(!debug.contains("top-secret"), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
        let llm = ClientBuilder::new("sk-top-secret-123").build_llm().unwrap();
        assert!(!format!("{llm:?}").contains("top-secret"));
    }

    #[test]
    fn defaults_are_saas() {
        use progenitor_client::ClientInfo;
        let b = ClientBuilder::new("k");
        assert_eq!(b.build_api().unwrap().baseurl(), SAAS_API_URL);
        assert_eq!(b.build_llm().unwrap().baseurl(), SAAS_LLM_URL);
        #[cfg(feature = "koda")]
        assert_eq!(b.build_koda().unwrap().baseurl(), LOCAL_KODA_URL);
        let c = b.api_base_url("http://127.0.0.1:9/").build_api().unwrap();
        assert_eq!(c.baseurl(), "http://127.0.0.1:9");
        assert_eq!(c.inner().request_timeout(), Some(Duration::from_secs(600)));
    }
}
