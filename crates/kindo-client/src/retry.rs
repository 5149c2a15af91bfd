//! Opt-in retries of `429` and `5xx` answers (and of connections that never reached the server),
//! honouring `Retry-After` in seconds or as an HTTP date. Bounded in attempts and in delay.

use std::time::{Duration, SystemTime};

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};

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
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::none()
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(60),
        }
    }

    /// Retry up to `max_retries` times with the default backoff bounds.
    pub fn retries(max_retries: u32) -> Self {
        RetryPolicy {
            max_retries,
            ..RetryPolicy::none()
        }
    }

    /// Whether `status` is worth another attempt.
    pub fn is_retryable(status: StatusCode) -> bool {
        status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
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
    let mut request = request;
    let mut retry = 0;
    loop {
        let spare = if retry < policy.max_retries {
            request.try_clone()
        } else {
            None
        };
        let result = client.execute(request).await;
        let Some(next) = spare else { return result };
        let delay = match &result {
            Ok(response) if RetryPolicy::is_retryable(response.status()) => {
                policy.delay(retry, Some(response.headers()))
            }
            // Nothing reached the server, so a retry cannot duplicate work.
            Err(e) if e.is_connect() => policy.delay(retry, None),
            _ => None,
        };
        let Some(delay) = delay else { return result };
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
    fn retryable_statuses() {
        assert!(RetryPolicy::is_retryable(StatusCode::TOO_MANY_REQUESTS));
        assert!(RetryPolicy::is_retryable(StatusCode::BAD_GATEWAY));
        assert!(!RetryPolicy::is_retryable(StatusCode::NOT_FOUND));
    }
}
