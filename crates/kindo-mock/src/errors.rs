//! Errors in each surface's own documented envelope.
//!
//! The envelope is chosen from the document: the schema the operation declares for the status
//! (or `default`) names it (`OpenAiError` nested, `FlatError`/`AgentsError` flat, `MessagesError`
//! typed, `ControlPlaneError` `{code, message, details}`). A status documented without a body is
//! answered without one. Requests that match no operation use the surface's fallback envelope.

use serde_json::{Value, json};

use crate::reply::Reply;
use crate::spec::{Document, Operation, Surface};

/// A failed request: the status, a machine code and a human message.
#[derive(Debug, Clone, PartialEq)]
pub struct Fail {
    pub status: u16,
    /// `invalid_body`, `model_not_found`, `not_found`, ... or, for Koda, a dotted code.
    pub code: String,
    pub message: String,
    pub headers: Vec<(String, String)>,
}

impl Fail {
    pub fn new(status: u16, code: &str, message: impl Into<String>) -> Fail {
        Fail {
            status,
            code: code.to_owned(),
            message: message.into(),
            headers: Vec::new(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Fail {
        Fail::new(400, "invalid_body", message)
    }

    pub fn not_found(message: impl Into<String>) -> Fail {
        Fail::new(404, "not_found", message)
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Fail {
        self.headers.push((name.to_owned(), value.into()));
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Envelope {
    OpenAi,
    Flat,
    Agents,
    Messages,
    ControlPlane,
    /// The status is documented without a body.
    None,
}

/// The reply for `fail` on `op` (or, with no operation, on the surface's fallback envelope).
pub fn reply(doc: &Document, op: Option<&Operation>, fail: &Fail) -> Reply {
    let envelope = op
        .map(|op| envelope_of(doc, op, fail.status))
        .unwrap_or(match doc.surface {
            Surface::Koda => Envelope::ControlPlane,
            _ => Envelope::Flat,
        });
    let mut reply = match envelope {
        Envelope::None => Reply::empty(fail.status),
        e => Reply::json(fail.status, body(e, fail)),
    };
    reply.headers.extend(fail.headers.iter().cloned());
    reply
}

fn envelope_of(doc: &Document, op: &Operation, status: u16) -> Envelope {
    let Some(response) = op.response(status) else {
        // Undocumented status: the envelope the operation uses for its other errors.
        for other in [400, 404, 500, 401] {
            if op.documents(other) && other != status {
                return match envelope_of(doc, op, other) {
                    Envelope::None => fallback(doc, op),
                    e => e,
                };
            }
        }
        return fallback(doc, op);
    };
    let Some(schema) = response.pointer("/content/application~1json/schema") else {
        return Envelope::None;
    };
    let name = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
        .unwrap_or("");
    match name {
        "OpenAiError" => Envelope::OpenAi,
        "FlatError" => Envelope::Flat,
        "AgentsError" => Envelope::Agents,
        "MessagesError" => Envelope::Messages,
        "ControlPlaneError" => Envelope::ControlPlane,
        _ => fallback(doc, op),
    }
}

fn fallback(doc: &Document, op: &Operation) -> Envelope {
    match doc.surface {
        Surface::Koda => Envelope::ControlPlane,
        _ if op.path.starts_with("/v1/messages") => Envelope::Messages,
        _ if op.path.starts_with("/v1/agents") || op.path.starts_with("/v1/runs") => {
            Envelope::Agents
        }
        _ if op.path.starts_with("/v1/chat")
            || op.path.starts_with("/v1/responses")
            || op.path.starts_with("/v1/conversations")
            || op.path.starts_with("/v1/completions") =>
        {
            Envelope::OpenAi
        }
        _ => Envelope::Flat,
    }
}

fn body(envelope: Envelope, fail: &Fail) -> Value {
    let status = fail.status;
    match envelope {
        Envelope::OpenAi => {
            let kind = match status {
                401 => "authentication_error",
                403 => "permission_error",
                404 => "not_found_error",
                429 => "rate_limit_error",
                s if s >= 500 => "server_error",
                _ => "invalid_request_error",
            };
            json!({"error": {"message": fail.message, "type": kind, "code": fail.code}})
        }
        Envelope::Messages => {
            let kind = match status {
                401 => "authentication_error",
                403 => "permission_error",
                404 => "not_found_error",
                429 => "rate_limit_error",
                503 | 529 => "overloaded_error",
                s if s >= 500 => "api_error",
                _ => "invalid_request_error",
            };
            json!({"type": "error", "error": {"type": kind, "message": fail.message}})
        }
        Envelope::Flat if status == 401 => json!({"error": "Unauthorized"}),
        Envelope::Flat | Envelope::Agents => {
            json!({"error": short(status), "message": fail.message})
        }
        Envelope::ControlPlane => {
            let code = if fail.code.contains('.') {
                fail.code.clone()
            } else {
                match fail.code.as_str() {
                    "invalid_body" => "request.invalid".to_owned(),
                    "unauthorized" => "auth.session_expired".to_owned(),
                    "rate_limited" => "request.rate_limited".to_owned(),
                    other => format!("request.{other}"),
                }
            };
            json!({"code": code, "message": fail.message})
        }
        Envelope::None => Value::Null,
    }
}

/// The flat envelope's `error` word for a status.
fn short(status: u16) -> &'static str {
    match status {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        406 => "Not acceptable",
        409 => "Conflict",
        422 => "Unprocessable entity",
        429 => "Too many requests",
        502 => "Bad gateway",
        503 => "Service unavailable",
        _ => "Internal server error",
    }
}
