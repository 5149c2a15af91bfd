//! Redirects never carry a credential to another origin. reqwest itself drops only
//! `Authorization` and `Cookie` on a cross-host redirect and would forward `x-api-key` or
//! `api-key`; this policy refuses every redirect whose target is not the origin (scheme, host,
//! port) of the first request, before anything is sent there. Same-origin redirects are
//! followed (at most [`MAX_REDIRECTS`]) with their headers.

use std::fmt;

use reqwest::Url;
use reqwest::redirect::{Attempt, Policy};

/// Longest chain of same-origin redirects followed.
pub const MAX_REDIRECTS: usize = 10;

/// Why a redirect was not followed: its target is another origin. Reached through
/// `reqwest::Error::source()` of the `Error::CommunicationError` (whose `is_redirect()` is true).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossOriginRedirect {
    /// Origin of the request, e.g. `https://api.kindo.ai`.
    pub from: String,
    /// Origin the server redirected to.
    pub to: String,
    /// The redirect status (301, 302, 303, 307, 308).
    pub status: u16,
}

impl fmt::Display for CrossOriginRedirect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "refused a {} redirect from {} to another origin, {}: the credential is bound to the configured origin",
            self.status, self.from, self.to
        )
    }
}

impl std::error::Error for CrossOriginRedirect {}

/// `scheme://host:port` with no user info, path or query (safe to print).
pub(crate) fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}

/// The redirect policy of every client this crate builds.
pub(crate) fn policy() -> Policy {
    Policy::custom(decide)
}

fn decide(attempt: Attempt<'_>) -> reqwest::redirect::Action {
    let first = attempt.previous().first().map(origin);
    let next = origin(attempt.url());
    match first {
        Some(from) if from != next => {
            let status = attempt.status().as_u16();
            attempt.error(CrossOriginRedirect {
                from,
                to: next,
                status,
            })
        }
        _ if attempt.previous().len() > MAX_REDIRECTS => attempt.error(TooManyRedirects),
        _ => attempt.follow(),
    }
}

#[derive(Debug)]
struct TooManyRedirects;

impl fmt::Display for TooManyRedirects {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "more than {MAX_REDIRECTS} redirects")
    }
}

impl std::error::Error for TooManyRedirects {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_ignore_user_info_and_path() {
        let url = Url::parse("https://user:pw@api.kindo.ai/v1/models?x=1").unwrap();
        assert_eq!(origin(&url), "https://api.kindo.ai");
        let url = Url::parse("http://127.0.0.1:8090/a").unwrap();
        assert_eq!(origin(&url), "http://127.0.0.1:8090");
    }
}
