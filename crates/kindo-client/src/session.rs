//! Koda operator sessions. Login and owner registration set the `koda_operator_session` cookie;
//! this client keeps no cookie jar, so the session is read from the response and handed to a
//! client built with [`AuthHeader::SessionCookie`](crate::AuthHeader::SessionCookie).

use reqwest::header::{HeaderMap, SET_COOKIE};

use crate::auth::ApiKey;

/// Name of Koda's operator session cookie.
pub const SESSION_COOKIE: &str = "koda_operator_session";

/// The operator session a response's `Set-Cookie` headers carry, `None` when they set none.
///
/// ```no_run
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use kindo_client::{AuthHeader, ClientBuilder, session};
/// # let credentials = kindo_client::koda::types::LoginRequest::from(serde_json::Map::new());
/// let anonymous = ClientBuilder::anonymous().build_koda()?;
/// let login = anonymous.login().body(credentials).send().await?;
/// let cookie = session::from_headers(login.headers()).ok_or("no session cookie")?;
/// let operator = ClientBuilder::new(cookie)
///     .auth_header(AuthHeader::SessionCookie)
///     .build_koda()?;
/// let status = operator.get_auth_status().send().await?;
/// # Ok(()) }
/// ```
pub fn from_headers(headers: &HeaderMap) -> Option<ApiKey> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|cookie| {
            let (name, value) = cookie.split(';').next()?.split_once('=')?;
            let value = value.trim();
            (name.trim() == SESSION_COOKIE && !value.is_empty()).then(|| ApiKey::new(value))
        })
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderValue;

    use super::*;

    fn headers(cookies: &[&str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for c in cookies {
            map.append(SET_COOKIE, HeaderValue::from_str(c).unwrap());
        }
        map
    }

    #[test]
    fn finds_the_session_among_other_cookies() {
        let map = headers(&[
            "theme=dark; Path=/",
            "koda_operator_session=s-1; HttpOnly; Secure; SameSite=Strict",
        ]);
        assert_eq!(from_headers(&map).unwrap().expose(), "s-1");
    }

    #[test]
    fn none_without_a_session_or_with_a_cleared_one() {
        assert!(from_headers(&headers(&[])).is_none());
        assert!(from_headers(&headers(&["koda_operator_sessionx=s; Path=/"])).is_none());
        assert!(from_headers(&headers(&["koda_operator_session=; Max-Age=0"])).is_none());
    }
}
