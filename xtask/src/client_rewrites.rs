//! What `cargo xtask gen` changes in progenitor's output before it is written, each a textual
//! rewrite that fails when progenitor's output no longer has the expected shape, so none of
//! them silently stops happening:
//!
//! * `Client::new` builds the client's own HTTP client ([`own_http_client`]);
//! * every decoding of an answer, and every transport failure, goes through `kindo-client`'s
//!   own, told the operation's HTTP method ([`own_decoding`]);
//! * the operations of [`HAND_READ`] return what the client's hand-written reader makes of
//!   every answer they document ([`hand_read`]).

use crate::XtaskError;

fn unexpected(name: &str, what: &str) -> XtaskError {
    XtaskError::Input(format!(
        "spec/oas30/{name}.openapi.json: the generated {what} has an unexpected shape"
    ))
}

/// All rewrites, in order.
pub fn apply(name: &str, code: String) -> Result<String, XtaskError> {
    let code = own_http_client(name, code)?;
    let code = own_decoding(name, code)?;
    hand_read(name, code)
}

/// The body progenitor writes for `Client::new`: a `reqwest::Client` with one total timeout
/// (15 s unless configured) that would also cut every event stream opened through it.
const NEW_BODY_START: &str =
    "        #[cfg(not(target_arch = \"wasm32\"))]\n        let client = {\n";
const NEW_BODY_END: &str =
    "        Self::new_with_client(baseurl, client.build().unwrap(), inner)\n";

/// Replaces the body of the generated `Client::new` with the client `Settings::http_client`
/// builds: connect and read timeouts, no total timeout (the hooks give non-streaming calls
/// theirs per request), the origin-bound redirect policy.
fn own_http_client(name: &str, code: String) -> Result<String, XtaskError> {
    let fail = || unexpected(name, "`Client::new`");
    let start = code.find(NEW_BODY_START).ok_or_else(fail)?;
    let end = start + code[start..].find(NEW_BODY_END).ok_or_else(fail)? + NEW_BODY_END.len();
    if code[end..].contains(NEW_BODY_START) {
        return Err(fail());
    }
    Ok(format!(
        "{}        let client = inner.http_client();\n        Self::new_with_client(baseurl, client, inner)\n{}",
        &code[..start],
        &code[end..]
    ))
}

/// What progenitor's operations decode an answer with, and what `kindo-client`'s decoding is
/// called with instead (`{method}`: the operation's, e.g. `::reqwest::Method::GET`): it keeps
/// the status and the operation when a body is not of the documented type, and never prints
/// the body.
const DECODE: &str = "ResponseValue::from_response(response)";
const OWN_DECODE: &str = "crate::decode::from_response(response, &info, {method})";
/// Where progenitor's operations turn a transport failure into `Error::CommunicationError`,
/// and the client's call that names the operation (method, path, id) when the connection was
/// lost before the response headers.
const SENT: &str = "let response = result?;";
const OWN_SENT: &str = "let response = crate::hooks::received(result, &info, {method})?;";
/// progenitor's documentation of every builder's `send`, followed by the method in backticks.
const SENDS: &str = "///Sends a `";

/// Routes every decoding of an answer and every transport failure through the client's own,
/// with the method of the operation: each operation's `send` follows its doc line ``Sends a
/// `GET` request to ...``, and builds its request with the same method (`.get(url)`), which
/// is checked.
fn own_decoding(name: &str, code: String) -> Result<String, XtaskError> {
    let fail = || unexpected(name, "operation");
    let mut out = String::with_capacity(code.len() + code.len() / 20);
    let mut pieces = code.split(SENDS);
    out.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        out.push_str(SENDS);
        let method = piece.split('`').next().ok_or_else(fail)?;
        if method.is_empty() || !method.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(fail());
        }
        let method_path = rust_method(method);
        let rewritten = piece
            .replace(DECODE, &OWN_DECODE.replace("{method}", &method_path))
            .replace(SENT, &OWN_SENT.replace("{method}", &method_path));
        if rewritten != piece && !piece.contains(&format!(".{}(url)", method.to_ascii_lowercase()))
        {
            return Err(fail());
        }
        out.push_str(&rewritten);
    }
    let decodes = out.matches("from_response(").count();
    let own = out
        .matches("crate::decode::from_response(response, &info, ")
        .count();
    if decodes != own || out.contains(SENT) {
        return Err(XtaskError::Input(format!(
            "spec/oas30/{name}.openapi.json: the generated operations no longer call `{DECODE}` \
             and `{SENT}` after their `{SENDS}METHOD` doc line"
        )));
    }
    Ok(out)
}

fn rust_method(method: &str) -> String {
    format!("::reqwest::Method::{method}")
}

/// An operation whose answers progenitor cannot type (a success as JSON or as an event
/// stream, and one without a body), so the client's input documents only one of them: its
/// generated `send` keeps progenitor's request and hooks, then returns what the client's
/// reader makes of the response.
struct HandRead {
    /// The registry name of the document.
    document: &'static str,
    operation_id: &'static str,
    /// What `send` returns inside `ResponseValue` (instead of the one typed body).
    answer: &'static str,
    /// The expression `send` ends with; `client`, `response` and `info` are in scope.
    reader: &'static str,
    /// A doc line for `send`.
    doc: &'static str,
}

/// The operations read by hand-written code.
const HAND_READ: &[HandRead] = &[HandRead {
    document: "kindo-api",
    operation_id: "mcp",
    answer: "crate::streams::McpAnswer",
    reader: "crate::streams::read_mcp_answer(client, response, &info).await",
    doc: "Reads every answer the gateway documents: JSON, an event stream, or `202` for a \
          notification ([`McpAnswer`](crate::streams::McpAnswer)).",
}];

/// Applies the [`HAND_READ`] entries of document `name`.
fn hand_read(name: &str, mut code: String) -> Result<String, XtaskError> {
    for entry in HAND_READ.iter().filter(|e| e.document == name) {
        code = hand_read_one(name, entry, &code)?;
    }
    Ok(code)
}

fn hand_read_one(name: &str, entry: &HandRead, code: &str) -> Result<String, XtaskError> {
    const SEND: &str =
        "        pub async fn send(\n            self,\n        ) -> Result<ResponseValue<";
    const MATCH: &str = "            match response.status().as_u16() {\n";
    const MATCH_END: &str = "\n            }\n        }\n";
    let fail = || unexpected(name, &format!("`{}` operation", entry.operation_id));
    let id = format!("operation_id: \"{}\",", entry.operation_id);
    let at = code.find(&id).ok_or_else(fail)?;
    if code[at + id.len()..].contains(&id) {
        return Err(fail());
    }
    let send = code[..at].rfind(SEND).ok_or_else(fail)?;
    let answer_start = send + SEND.len();
    let answer_len = code[answer_start..at].find(">, Error<").ok_or_else(fail)?;
    let matched = at + code[at..].find(MATCH).ok_or_else(fail)?;
    let match_end = matched + code[matched..].find(MATCH_END).ok_or_else(fail)?;
    let sent = &code[answer_start + answer_len..matched];
    if !sent.contains("crate::hooks::received(result, &info, ") {
        return Err(fail());
    }
    Ok(format!(
        "{}        ///\n        ///{}\n{SEND}{}{sent}            {}\n        }}\n{}",
        &code[..send],
        entry.doc,
        entry.answer,
        entry.reader,
        &code[match_end + MATCH_END.len()..],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPERATION: &str = "        ///Sends a `POST` request to `/v1/echo`
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::Echo>, Error<types::Failure>> {
            let Self { client, body } = self;
            let url = format!(\"{}/v1/echo\", client.baseurl,);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .json(&body)
                .build()?;
            let info = OperationInfo {
                operation_id: \"echo\",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
";

    #[test]
    fn every_decode_and_transport_failure_is_told_its_method() {
        let code = own_decoding("t", OPERATION.to_owned()).unwrap();
        assert!(code.contains(
            "200u16 => crate::decode::from_response(response, &info, ::reqwest::Method::POST).await,"
        ));
        assert!(code.contains(
            "let response = crate::hooks::received(result, &info, ::reqwest::Method::POST)?;"
        ));
        // A doc line that names another method than the request's is refused.
        let wrong = OPERATION.replace("`POST` request", "`GET` request");
        assert!(own_decoding("t", wrong).is_err());
        // So is a decoding progenitor no longer writes as expected.
        let other = OPERATION.replace("ResponseValue::from_response(response)", "from_response(r)");
        assert!(own_decoding("t", other).is_err());
    }

    #[test]
    fn a_hand_read_operation_returns_its_reader() {
        let entry = HandRead {
            document: "t",
            operation_id: "echo",
            answer: "crate::Answer",
            reader: "crate::read(client, response, &info).await",
            doc: "Reads it all.",
        };
        let code = own_decoding("t", OPERATION.to_owned()).unwrap();
        let read = hand_read_one("t", &entry, &code).unwrap();
        assert!(read.contains(
            "        ///Sends a `POST` request to `/v1/echo`\n        ///\n        ///Reads it all.\n"
        ));
        assert!(
            read.contains(") -> Result<ResponseValue<crate::Answer>, Error<types::Failure>> {")
        );
        assert!(read.contains(
            "?;\n            crate::read(client, response, &info).await\n        }\n    }\n"
        ));
        assert!(!read.contains("match response.status()"));
        syn::parse_str::<syn::ItemImpl>(&format!("impl X {{\n{}", read.trim_end()))
            .expect("still Rust");
        // An operation that is missing, or found twice, is an error.
        assert!(
            hand_read_one(
                "t",
                &HandRead {
                    operation_id: "gone",
                    ..entry
                },
                &code
            )
            .is_err()
        );
        let twice = format!("{code}{code}");
        assert!(hand_read_one("t", &entry, &twice).is_err());
    }
}
