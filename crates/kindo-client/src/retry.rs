//! Opt-in retries that never run work twice.
//!
//! | outcome of an attempt | retried for |
//! |---|---|
//! | the connection never reached the server (refused, DNS, TLS handshake) | every method |
//! | `429`, or `503` with a `Retry-After` (the server says it did not process the request) | every method |
//! | any other `5xx`, a timeout or a reset after the request was sent | idempotent requests only |
//! | anything else (2xx-4xx, redirects refused, ...) | never |
//!
//! A request is idempotent when its method is GET, HEAD, PUT, DELETE or OPTIONS, when it
//! carries an `Idempotency-Key` header (Koda's creations take one), or when the caller says so
//! for that call ([`Replay::Always`], e.g. `api.with_retry(policy.replay(Replay::Always))`).
//! A POST that failed with a `502` after the server may have done the work (a run started, a
//! completion billed) is therefore returned to the caller, not sent again.
//!
//! Waits honour `Retry-After` (seconds or an HTTP date) up to `max_retry_after`, otherwise back
//! off exponentially. A [`RetryBudget`] shared by every clone of a client caps retries to a
//! fraction of the traffic, so a storm of `429`/`5xx` is not multiplied by `max_retries`.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};

/// Whether a request that may already have been processed is sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Replay {
    /// Only idempotent methods and requests carrying an `Idempotency-Key` (the default).
    #[default]
    IfIdempotent,
    /// The caller vouches that repeating this call is harmless (opt-in per call).
    Always,
    /// Only answers that say the request was not processed (`429`, `503` + `Retry-After`) and
    /// connections that never reached the server.
    Never,
}

/// When and how often to retry. [`RetryPolicy::none`] (the default) never retries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt; 0 disables retrying.
    pub max_retries: u32,
    /// Backoff before the first retry when the server sends no `Retry-After`; doubles each time.
    pub initial_backoff: Duration,
    /// Upper bound of the exponential backoff.
    pub max_backoff: Duration,
    /// A `Retry-After` longer than this is not waited for: the 429/5xx is returned instead.
    pub max_retry_after: Duration,
    /// Whether an attempt that may have been processed is repeated (see the module docs).
    pub replay: Replay,
    /// Shared cap on retries; `None` for no cap beyond `max_retries`.
    pub budget: Option<RetryBudget>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::none()
    }
}

/// What an attempt tells about retrying it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// Nothing reached the server, or the server said it did not process the request.
    NotProcessed,
    /// The server may have done the work (other `5xx`, a failure after sending).
    MaybeProcessed,
    /// Final: not worth another attempt.
    Final,
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(60),
            replay: Replay::IfIdempotent,
            budget: None,
        }
    }

    /// Retry up to `max_retries` times with the default backoff bounds, the default
    /// [`Replay::IfIdempotent`] and a fresh [`RetryBudget::default`] (shared by every client
    /// this policy is given to).
    pub fn retries(max_retries: u32) -> Self {
        RetryPolicy {
            max_retries,
            budget: Some(RetryBudget::default()),
            ..RetryPolicy::none()
        }
    }

    /// The same policy with another [`Replay`] rule, e.g. for one call through
    /// `client.with_retry(...)`.
    pub fn replay(mut self, replay: Replay) -> Self {
        self.replay = replay;
        self
    }

    /// The same policy with another budget (`None`: unlimited within `max_retries`).
    pub fn budget(mut self, budget: Option<RetryBudget>) -> Self {
        self.budget = budget;
        self
    }

    /// What an answer with `status` and `headers` means for a retry.
    pub fn classify(status: StatusCode, headers: &HeaderMap) -> Attempt {
        match status {
            StatusCode::TOO_MANY_REQUESTS => Attempt::NotProcessed,
            StatusCode::SERVICE_UNAVAILABLE if headers.contains_key(RETRY_AFTER) => {
                Attempt::NotProcessed
            }
            s if s.is_server_error() => Attempt::MaybeProcessed,
            _ => Attempt::Final,
        }
    }

    /// What a transport error means for a retry: a connection that failed before the request
    /// went out is `NotProcessed`; a timeout or a reset after sending is `MaybeProcessed`.
    pub fn classify_error(error: &reqwest::Error) -> Attempt {
        if error.is_redirect() || error.is_builder() {
            Attempt::Final
        } else if error.is_connect() {
            Attempt::NotProcessed
        } else {
            Attempt::MaybeProcessed
        }
    }

    /// Whether a request with `method` and `headers` may be repeated after `attempt`.
    pub fn allows(&self, attempt: Attempt, method: &Method, headers: &HeaderMap) -> bool {
        match attempt {
            Attempt::Final => false,
            Attempt::NotProcessed => true,
            Attempt::MaybeProcessed => match self.replay {
                Replay::Always => true,
                Replay::Never => false,
                Replay::IfIdempotent => is_idempotent(method, headers),
            },
        }
    }

    /// The wait before retry number `retry` (0-based) after an answer with `headers`, or `None`
    /// when the server asks for longer than `max_retry_after`.
    pub fn delay(&self, retry: u32, headers: Option<&HeaderMap>) -> Option<Duration> {
        if let Some(wait) = headers.and_then(|h| retry_after(h, SystemTime::now())) {
            return (wait <= self.max_retry_after).then_some(wait);
        }
        let factor = 2u32.saturating_pow(retry);
        Some(
            self.initial_backoff
                .saturating_mul(factor)
                .min(self.max_backoff),
        )
    }
}

/// GET, HEAD, PUT, DELETE, OPTIONS (RFC 9110 §9.2.2), or any request with an `Idempotency-Key`.
pub fn is_idempotent(method: &Method, headers: &HeaderMap) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
    ) || headers.contains_key("idempotency-key")
}

/// A token bucket shared by every clone of a client: each first attempt adds `deposit` tokens
/// (up to `capacity`), each retry takes one. With the default (10 tokens, 0.1 per request) a
/// client retries at most about one request in ten once the initial 10 are spent.
#[derive(Debug, Clone)]
pub struct RetryBudget {
    /// Tokens in thousandths.
    tokens: Arc<AtomicU64>,
    capacity: u64,
    deposit: u64,
}

const MILLI: u64 = 1000;

impl RetryBudget {
    /// A full bucket of `capacity` retries, refilled by `deposit` (0.0 to 1.0) per request.
    pub fn new(capacity: u32, deposit: f64) -> Self {
        let capacity = u64::from(capacity) * MILLI;
        RetryBudget {
            tokens: Arc::new(AtomicU64::new(capacity)),
            capacity,
            deposit: (deposit.clamp(0.0, 1.0) * MILLI as f64) as u64,
        }
    }

    /// Retries currently available (rounded down).
    pub fn available(&self) -> u32 {
        u32::try_from(self.tokens.load(Ordering::Relaxed) / MILLI).unwrap_or(u32::MAX)
    }

    fn deposit(&self) {
        let _ = self
            .tokens
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |t| {
                Some((t + self.deposit).min(self.capacity))
            });
    }

    fn withdraw(&self) -> bool {
        self.tokens
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |t| {
                t.checked_sub(MILLI)
            })
            .is_ok()
    }
}

impl Default for RetryBudget {
    fn default() -> Self {
        RetryBudget::new(10, 0.1)
    }
}

/// Two budgets are equal when they are the same shared bucket.
impl PartialEq for RetryBudget {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.tokens, &other.tokens)
    }
}

impl Eq for RetryBudget {}

/// Parses `Retry-After`: delta-seconds or an HTTP date (a date in the past means "now").
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Sends `request`, retrying per `policy`. A request whose body cannot be cloned (a stream) is
/// sent once.
pub(crate) async fn execute(
    client: &reqwest::Client,
    request: reqwest::Request,
    policy: &RetryPolicy,
) -> reqwest::Result<reqwest::Response> {
    if let Some(budget) = &policy.budget {
        budget.deposit();
    }
    let mut request = request;
    let mut retry = 0;
    loop {
        let spare = if retry < policy.max_retries {
            request.try_clone()
        } else {
            None
        };
        let method = request.method().clone();
        let headers = request.headers().clone();
        let result = client.execute(request).await;
        let Some(next) = spare else { return result };
        let (attempt, answer) = match &result {
            Ok(response) => (
                RetryPolicy::classify(response.status(), response.headers()),
                Some(response.headers()),
            ),
            Err(e) => (RetryPolicy::classify_error(e), None),
        };
        if !policy.allows(attempt, &method, &headers) {
            return result;
        }
        let Some(delay) = policy.delay(retry, answer) else {
            return result;
        };
        if policy.budget.as_ref().is_some_and(|b| !b.withdraw()) {
            return result;
        }
        drop(result);
        tokio::time::sleep(delay).await;
        request = next;
        retry += 1;
    }
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderValue;

    use super::*;

    fn headers(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = httpdate::parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!(
            retry_after(&headers("7"), now),
            Some(Duration::from_secs(7))
        );
        assert_eq!(
            retry_after(&headers("Wed, 21 Oct 2015 07:28:30 GMT"), now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            retry_after(&headers("Wed, 21 Oct 2015 07:00:00 GMT"), now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after(&headers("soon"), now), None);
        assert_eq!(retry_after(&HeaderMap::new(), now), None);
    }

    #[test]
    fn delay_is_bounded() {
        let p = RetryPolicy::retries(10);
        assert_eq!(p.delay(0, None), Some(Duration::from_millis(500)));
        assert_eq!(p.delay(2, None), Some(Duration::from_secs(2)));
        assert_eq!(p.delay(20, None), Some(Duration::from_secs(30)));
        assert_eq!(
            p.delay(0, Some(&headers("3"))),
            Some(Duration::from_secs(3))
        );
        assert_eq!(p.delay(0, Some(&headers("3600"))), None, "too long to wait");
    }

    #[test]
    fn what_each_answer_means() {
        let none = HeaderMap::new();
        let c = RetryPolicy::classify;
        assert_eq!(
            c(StatusCode::TOO_MANY_REQUESTS, &none),
            Attempt::NotProcessed
        );
        assert_eq!(
            c(StatusCode::SERVICE_UNAVAILABLE, &headers("1")),
            Attempt::NotProcessed
        );
        assert_eq!(
            c(StatusCode::SERVICE_UNAVAILABLE, &none),
            Attempt::MaybeProcessed
        );
        assert_eq!(c(StatusCode::BAD_GATEWAY, &none), Attempt::MaybeProcessed);
        assert_eq!(c(StatusCode::NOT_FOUND, &none), Attempt::Final);
        assert_eq!(c(StatusCode::OK, &none), Attempt::Final);
    }

    #[test]
    fn only_idempotent_requests_are_replayed_after_maybe_processed() {
        let p = RetryPolicy::retries(1);
        let none = HeaderMap::new();
        let mut keyed = HeaderMap::new();
        keyed.insert("idempotency-key", HeaderValue::from_static("k1"));
        let maybe = Attempt::MaybeProcessed;
        assert!(p.allows(maybe, &Method::GET, &none));
        assert!(p.allows(maybe, &Method::PUT, &none));
        assert!(p.allows(maybe, &Method::DELETE, &none));
        assert!(!p.allows(maybe, &Method::POST, &none));
        assert!(!p.allows(maybe, &Method::PATCH, &none));
        assert!(p.allows(maybe, &Method::POST, &keyed));
        assert!(p.allows(Attempt::NotProcessed, &Method::POST, &none));
        assert!(!p.allows(Attempt::Final, &Method::GET, &none));
        let always = p.clone().replay(Replay::Always);
        assert!(always.allows(maybe, &Method::POST, &none));
        let never = p.replay(Replay::Never);
        assert!(!never.allows(maybe, &Method::GET, &none));
        assert!(never.allows(Attempt::NotProcessed, &Method::POST, &none));
    }

    #[test]
    fn the_budget_is_shared_and_refilled_by_traffic() {
        let budget = RetryBudget::new(2, 0.5);
        let clone = budget.clone();
        assert_eq!(budget, clone);
        assert_ne!(budget, RetryBudget::new(2, 0.5));
        assert!(budget.withdraw());
        assert!(clone.withdraw());
        assert!(!budget.withdraw(), "empty");
        budget.deposit();
        assert!(!budget.withdraw(), "half a token");
        clone.deposit();
        assert!(budget.withdraw());
        for _ in 0..10 {
            budget.deposit();
        }
        assert_eq!(budget.available(), 2, "capped at capacity");
    }
}
