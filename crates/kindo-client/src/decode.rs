//! Decoding an answer's JSON into the type its operation documents.
//!
//! progenitor's own decoding turns a body that is JSON but not of the documented shape into
//! `InvalidResponsePayload`, which carries no status and whose message prints the whole body
//! (a token, a cookie or a user's data with it). `cargo xtask gen` makes the generated
//! operations call [`from_response`] instead, so such a failure
//!
//! * on a `2xx` is `Error::Custom` with one line: `HTTP <status> from <METHOD> <path>
//!   (<operation id>): the body does not match the documented <Type>: <serde's reason, values
//!   left out>`;
//! * on a `4xx`/`5xx` is `Error::CommunicationError` with the status (`err.status()`), as the
//!   guard does for an error body that is not JSON at all.

use std::any::type_name;

use bytes::Bytes;
use progenitor_client::{Error, OperationInfo, ResponseValue};
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;

use crate::guard;

/// What the generated operations call where progenitor's code calls
/// `ResponseValue::from_response(response)`; `cargo xtask gen` passes the operation's method.
pub(crate) async fn from_response<T: DeserializeOwned, E>(
    response: reqwest::Response,
    info: &OperationInfo,
    method: reqwest::Method,
) -> Result<ResponseValue<T>, Error<E>> {
    let status = response.status();
    let headers = response.headers().clone();
    // The guard's label when it read the body (its rebuilt response has no URL), else ours.
    let operation = guard::operation_of(&response)
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{method} {} ({})", response.url().path(), info.operation_id));
    let body = response.bytes().await.map_err(Error::ResponseBodyError)?;
    typed(status, headers, &body, &operation)
}

/// `body` decoded as `T`, or the error described in the module docs.
#[allow(clippy::result_large_err)] // progenitor's `Error`, as every generated operation returns
pub(crate) fn typed<T: DeserializeOwned, E>(
    status: StatusCode,
    headers: HeaderMap,
    body: &Bytes,
    operation: &str,
) -> Result<ResponseValue<T>, Error<E>> {
    match serde_json::from_slice::<T>(body) {
        Ok(inner) => Ok(ResponseValue::new(inner, status, headers)),
        Err(_) if status.is_client_error() || status.is_server_error() => {
            Err(Error::CommunicationError(guard::status_error(status)))
        }
        Err(e) => {
            let documented = short_type_name(type_name::<T>());
            let content_type = headers
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .filter(|ct| !guard::is_json(ct));
            Err(Error::Custom(match content_type {
                // e.g. an HTML error page served with a 2xx.
                Some(ct) => format!(
                    "HTTP {status} from {operation}: the body is `{ct}`, not the documented {documented}"
                ),
                None => mismatch(status, operation, &documented, body, &e),
            }))
        }
    }
}

/// The one-line message for a body that is not of the documented type.
pub(crate) fn mismatch(
    status: StatusCode,
    operation: &str,
    documented: &str,
    body: &[u8],
    error: &serde_json::Error,
) -> String {
    let reason = if body.iter().all(u8::is_ascii_whitespace) {
        "the body is empty".to_owned()
    } else {
        redact(&error.to_string())
    };
    format!(
        "HTTP {status} from {operation}: the body does not match the documented {documented}: {reason}"
    )
}

/// `alloc::vec::Vec<kindo_client::api::types::Model>` → `Vec<Model>`.
fn short_type_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut segment = String::new();
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            segment.clear(); // a module path component: dropped
        } else if c.is_alphanumeric() || c == '_' {
            segment.push(c);
        } else {
            out.push_str(&segment);
            segment.clear();
            out.push(c);
        }
    }
    out.push_str(&segment);
    out
}

/// serde's message with the values it quotes from the body left out (`invalid type: string
/// "sk-…", expected u32` → `invalid type: a string, expected u32`); what the type expected,
/// field names and the position stay.
pub(crate) fn redact(message: &str) -> String {
    // (what serde writes before the value, how the value ends, what replaces both)
    const VALUES: [(&str, &str, &str); 6] = [
        ("string \"", "\"", "a string"),
        ("integer `", "`", "an integer"),
        ("floating point `", "`", "a number"),
        ("character `", "`", "a character"),
        ("unknown variant `", "`, expected", "an unknown variant"),
        (
            "unknown variant `",
            "`, there are no variants",
            "an unknown variant",
        ),
    ];
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    'scan: while !rest.is_empty() {
        for (prefix, end, replacement) in VALUES {
            let Some(after) = rest.strip_prefix(prefix) else {
                continue;
            };
            let Some(len) = value_len(after, end) else {
                continue;
            };
            out.push_str(replacement);
            // Keep the text after a variant's closing backtick (`, expected one of ...`).
            rest = &after[len + end.len().min(1)..];
            continue 'scan;
        }
        let next = rest.chars().next().map_or(1, char::len_utf8);
        out.push_str(&rest[..next]);
        rest = &rest[next..];
    }
    out
}

/// Length of a quoted value up to `end`; a string (`end` is `"`) honours `\"` escapes.
fn value_len(text: &str, end: &str) -> Option<usize> {
    if end != "\"" {
        return text.find(end);
    }
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(i),
            _ => escaped = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of<T: DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
        redact(&serde_json::from_str::<T>(json).unwrap_err().to_string())
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Model {
        id: u32,
        kind: Kind,
        ratio: Option<u8>,
        letter: Option<bool>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Chat,
        Embedding,
    }

    #[test]
    fn values_from_the_body_are_left_out() {
        let m = error_of::<Model>(r#"{"id": "sk-live-\"quoted\"-secret", "kind": "chat"}"#);
        assert!(
            m.starts_with("invalid type: a string, expected u32 at line 1 column "),
            "{m}"
        );
        assert!(!m.contains("secret"), "{m}");
        let m = error_of::<Model>(r#"{"id": 1, "kind": "sk-live-secret"}"#);
        assert!(!m.contains("sk-live"), "{m}");
        assert!(
            m.starts_with("an unknown variant, expected `chat` or `embedding`"),
            "{m}"
        );
        let m = error_of::<Model>(r#"{"id": 123456789012, "kind": "chat"}"#);
        assert!(!m.contains("123456789012"), "{m}");
        assert!(m.contains("an integer"), "{m}");
        let m = error_of::<Model>(r#"{"id": 1.5, "kind": "chat"}"#);
        assert!(!m.contains("1.5"), "{m}");
        let m = error_of::<Model>(r#"{"kind": "chat"}"#);
        assert!(m.starts_with("missing field `id`"), "{m}");
        let m = error_of::<Model>(r#""a bare string""#);
        assert!(!m.contains("bare"), "{m}");
        assert!(m.contains("expected struct Model"), "{m}");
        // Unterminated quoting is kept as it is (serde never writes it; nothing to cut).
        assert_eq!(redact("string \"open"), "string \"open");
        assert_eq!(redact("naïve, no values"), "naïve, no values");
    }

    #[test]
    fn type_names_lose_their_module_paths() {
        assert_eq!(
            short_type_name("alloc::vec::Vec<kindo_client::api::types::Model>"),
            "Vec<Model>"
        );
        assert_eq!(
            short_type_name("kindo_client::api::types::ModelList"),
            "ModelList"
        );
        assert_eq!(
            short_type_name(
                "serde_json::map::Map<alloc::string::String, serde_json::value::Value>"
            ),
            "Map<String, Value>"
        );
    }

    #[test]
    fn a_mismatch_is_one_line_with_status_operation_and_type() {
        let body = br#"{"data": "sk-live-secret"}"#;
        let e = serde_json::from_slice::<Vec<u8>>(body).unwrap_err();
        let m = mismatch(
            StatusCode::OK,
            "GET /v1/models (list_models)",
            "ModelList",
            body,
            &e,
        );
        assert!(
            m.starts_with(
                "HTTP 200 OK from GET /v1/models (list_models): the body does not match the documented ModelList: "
            ),
            "{m}"
        );
        assert!(!m.contains("sk-live"), "{m}");
        assert_eq!(m.lines().count(), 1);
        let m = mismatch(StatusCode::OK, "op", "ModelList", b" \n", &e);
        assert!(m.ends_with("the body is empty"), "{m}");
    }
}
