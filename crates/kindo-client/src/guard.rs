//! Checks on the answer of a generated JSON operation before progenitor decodes it, so a
//! failure says what happened and keeps the HTTP status:
//!
//! * the body is read here, bounded by `max_body_bytes` (declared or actual length);
//! * a body cut off by a reset is told apart from one that stalled past the read timeout;
//! * a body served with a non-JSON `Content-Type`, or that is not JSON at all, is refused.
//!
//! A `4xx`/`5xx` with such a body becomes `Error::CommunicationError` with the status
//! (`err.status()`); a `2xx` becomes `Error::Custom` with a one-line message starting
//! `HTTP <status>`. Only requests that ask for `application/json` alone are checked: event
//! streams and the MCP call (which may answer with a stream) pass through unread. A body that
//! is JSON but not of the documented type is judged when it is decoded ([`crate::decode`]).
//!
//! A connection reset or closed before the response headers arrive is told apart from a
//! timeout too ([`before_headers`]): reqwest says "error sending request" for both.

use std::fmt;

use bytes::{Bytes, BytesMut};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE};

/// What was wrong with a `2xx` answer (kept in the response's extensions for the `post` hook).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fault {
    status: StatusCode,
    operation: String,
    what: String,
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "HTTP {} from {}: {}",
            self.status, self.operation, self.what
        )
    }
}

impl Fault {
    pub(crate) fn message(&self) -> String {
        self.to_string()
    }
}

/// Whether the request is a JSON operation whose answer is to be checked.
pub(crate) fn wants_json(request: &reqwest::Request) -> bool {
    request
        .headers()
        .get_all(ACCEPT)
        .iter()
        .all(|v| v.as_bytes() == b"application/json")
        && request.headers().contains_key(ACCEPT)
}

/// Whether the request's `Accept` admits an event stream (its answer may last as long as the
/// server streams, so it gets no total timeout).
pub(crate) fn admits_event_stream(request: &reqwest::Request) -> bool {
    request.headers().get_all(ACCEPT).iter().any(|v| {
        v.to_str().is_ok_and(|v| {
            v.split(',').any(|range| {
                let essence = range.split(';').next().unwrap_or("").trim();
                essence.eq_ignore_ascii_case("text/event-stream")
            })
        })
    })
}

/// Whether a `Content-Type` names JSON (`application/json`, `application/problem+json`, ...).
pub(crate) fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    essence.eq_ignore_ascii_case("application/json")
        || essence.to_ascii_lowercase().ends_with("+json")
}

/// Reads and checks the body of `response`; returns a response with the same status and
/// headers whose body is the bytes read, a `Fault` attached when the answer is unusable, or
/// the status as an error for a `4xx`/`5xx` that is unusable.
pub(crate) async fn check(
    response: reqwest::Response,
    operation: String,
    max_body_bytes: usize,
) -> reqwest::Result<reqwest::Response> {
    let status = response.status();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut head = http::Response::builder()
        .status(status)
        .version(response.version());
    if let Some(headers) = head.headers_mut() {
        *headers = response.headers().clone();
    }
    let (body, problem) = read_bounded(response, max_body_bytes).await;
    let problem = problem.or_else(|| {
        if body.is_empty() {
            return None;
        }
        if let Some(ct) = content_type.as_deref().filter(|ct| !is_json(ct)) {
            return Some(format!("the body is `{ct}`, not JSON: {}", snippet(&body)));
        }
        serde_json::from_slice::<serde::de::IgnoredAny>(&body)
            .err()
            .map(|e| format!("the body is not valid JSON ({e}): {}", snippet(&body)))
    });
    if let Some(what) = problem {
        if status.is_client_error() || status.is_server_error() {
            // The status is what matters; reqwest's own error type carries it.
            return Err(status_error(status));
        }
        let mut rebuilt = head
            .body(Bytes::new())
            .expect("status and headers are valid");
        rebuilt.extensions_mut().insert(Fault {
            status,
            operation,
            what,
        });
        return Ok(reqwest::Response::from(rebuilt));
    }
    let mut rebuilt = head.body(body).expect("status and headers are valid");
    rebuilt.extensions_mut().insert(Operation(operation));
    Ok(reqwest::Response::from(rebuilt))
}

/// The fault the `post` hook reports, if the guard attached one.
pub(crate) fn fault(response: &reqwest::Response) -> Option<&Fault> {
    response.extensions().get::<Fault>()
}

/// `GET /v1/models (list_models)`: what a checked response answers, kept in its extensions
/// for the messages of [`crate::decode`].
#[derive(Debug, Clone)]
struct Operation(String);

/// The operation a checked response answers.
pub(crate) fn operation_of(response: &reqwest::Response) -> Option<&str> {
    response
        .extensions()
        .get::<Operation>()
        .map(|o| o.0.as_str())
}

/// reqwest's error for a `4xx`/`5xx` status (`is_status()`, `status()`), without the URL.
pub(crate) fn status_error(status: StatusCode) -> reqwest::Error {
    let answer = http::Response::builder()
        .status(status)
        .body(Bytes::new())
        .expect("a status is a valid response");
    reqwest::Response::from(answer)
        .error_for_status()
        .expect_err("4xx/5xx")
        .without_url()
}

/// A transport failure of `operation` as the client reports it: [`before_headers`] in words,
/// anything else as reqwest's typed error.
pub(crate) fn transport_failure<E>(
    error: reqwest::Error,
    operation: &str,
) -> progenitor_client::Error<E> {
    match before_headers(&error) {
        Some(what) => progenitor_client::Error::Custom(format!("{operation}: {what}")),
        None => progenitor_client::Error::CommunicationError(error),
    }
}

/// What went wrong when a request failed before any response header arrived, for a failure
/// that reqwest's own words do not tell apart (a timeout, a refused connection or a refused
/// redirect keep reqwest's typed error: `None`).
pub(crate) fn before_headers(error: &reqwest::Error) -> Option<&'static str> {
    if error.is_timeout() || error.is_connect() || error.is_redirect() || error.is_builder() {
        return None;
    }
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind::*;
            match io.kind() {
                TimedOut => return None,
                ConnectionReset | ConnectionAborted | BrokenPipe => {
                    return Some(
                        "the connection was reset before the response headers (the request may have been processed)",
                    );
                }
                _ => {}
            }
        }
        // hyper's words for a peer that closed without answering.
        if s.to_string() == "connection closed before message completed" {
            return Some(
                "the connection was closed before the response headers (the request may have been processed)",
            );
        }
        source = s.source();
    }
    None
}

/// Up to `limit` bytes of the body, or why it could not be read whole.
async fn read_bounded(mut response: reqwest::Response, limit: usize) -> (Bytes, Option<String>) {
    let too_large =
        || format!("the body is larger than the limit of {limit} bytes (max_body_bytes)");
    let declared = response.content_length();
    if declared.is_some_and(|n| n > limit as u64) {
        return (Bytes::new(), Some(too_large()));
    }
    let mut body = BytesMut::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > limit {
                    return (Bytes::new(), Some(too_large()));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return (body.freeze(), None),
            Err(e) => {
                let received = match declared {
                    Some(n) => format!("{} of {n} bytes received", body.len()),
                    None => format!("{} bytes received", body.len()),
                };
                return (
                    Bytes::new(),
                    Some(format!("{} ({received})", transport(&e))),
                );
            }
        }
    }
}

/// A transport failure in words that tell a timeout from a reset.
pub(crate) fn transport(error: &reqwest::Error) -> &'static str {
    if error.is_timeout() {
        return "timed out waiting for the body (read or request timeout)";
    }
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind::*;
            match io.kind() {
                TimedOut => return "timed out waiting for the body (read or request timeout)",
                ConnectionReset | ConnectionAborted | BrokenPipe => {
                    return "the connection was reset before the body was complete";
                }
                _ => {}
            }
        }
        source = s.source();
    }
    "the connection closed before the body was complete"
}

/// The start of a body, for an error message (no more than 120 characters, one line).
fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(480)]);
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(120)
        .collect();
    format!("`{line}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_media_types() {
        assert!(is_json("application/json"));
        assert!(is_json("application/json; charset=utf-8"));
        assert!(is_json("application/problem+json"));
        assert!(!is_json("text/html"));
        assert!(!is_json("text/event-stream"));
    }

    #[test]
    fn snippets_are_one_short_line() {
        let s = snippet(format!("<html>\n{}", "x".repeat(500)).as_bytes());
        assert!(!s.contains('\n'));
        assert!(s.chars().count() <= 122);
    }
}
