//! progenitor's `ClientHooks` for the generated clients: every request gets the auth header and
//! the per-request timeout, loses progenitor's `api-version` header (a dropshot convention
//! Kindo does not use), is sent through the retry policy, and its answer is checked by
//! [`crate::guard`] (bounded body, JSON content type, status kept) before it is decoded
//! ([`crate::decode`]). A request that admits an event-stream answer (the MCP gateway's) gets
//! no total timeout. A connection lost before the response headers becomes `Error::Custom`
//! saying so ([`received`]); timeouts and refused connections stay reqwest's typed errors.

use progenitor_client::{ClientHooks, ClientInfo, Error, OperationInfo};

use crate::settings::Settings;
use crate::{guard, retry};

/// Applies the settings to an outgoing request. `total_timeout` is false for streams, which
/// may legitimately run for as long as the model produces output.
pub(crate) fn prepare(
    settings: &Settings,
    request: &mut reqwest::Request,
    total_timeout: bool,
) -> Result<(), String> {
    let headers = request.headers_mut();
    headers.remove("api-version");
    if let Some(key) = &settings.key {
        let (name, value) = settings.auth_header.header(key).ok_or_else(|| {
            "the API key contains characters an HTTP header cannot carry".to_owned()
        })?;
        headers.insert(name, value);
    }
    if total_timeout {
        *request.timeout_mut() = settings.request_timeout;
    }
    Ok(())
}

/// What the generated operations call where progenitor's code calls `result?`: the response,
/// or the transport failure as the client reports it, naming the operation
/// (`GET /v1/models (list_models): the connection was reset before the response headers ...`).
#[allow(clippy::result_large_err)] // progenitor's `Error`, as every generated operation returns
pub(crate) fn received<E>(
    result: reqwest::Result<reqwest::Response>,
    info: &OperationInfo,
    method: reqwest::Method,
) -> Result<reqwest::Response, Error<E>> {
    result.map_err(|e| {
        let path = e.url().map_or("", |u| u.path()).to_owned();
        guard::transport_failure(e, &format!("{method} {path} ({})", info.operation_id))
    })
}

macro_rules! hooks_for {
    ($module:ident) => {
        impl ClientHooks<Settings> for crate::$module::Client {
            async fn pre<E>(
                &self,
                request: &mut reqwest::Request,
                _info: &OperationInfo,
            ) -> Result<(), Error<E>> {
                let total_timeout = !guard::admits_event_stream(request);
                prepare(self.inner(), request, total_timeout).map_err(Error::InvalidRequest)
            }

            async fn post<E>(
                &self,
                result: &reqwest::Result<reqwest::Response>,
                _info: &OperationInfo,
            ) -> Result<(), Error<E>> {
                // A transport failure is reported by `received`, which knows the method.
                match result.as_ref().ok().and_then(guard::fault) {
                    Some(fault) => Err(Error::Custom(fault.message())),
                    None => Ok(()),
                }
            }

            async fn exec(
                &self,
                request: reqwest::Request,
                info: &OperationInfo,
            ) -> reqwest::Result<reqwest::Response> {
                let checked = guard::wants_json(&request);
                let operation = format!(
                    "{} {} ({})",
                    request.method(),
                    request.url().path(),
                    info.operation_id
                );
                let response = retry::execute(self.client(), request, &self.inner().retry).await?;
                if !checked {
                    return Ok(response);
                }
                guard::check(response, operation, self.inner().max_body_bytes).await
            }
        }
    };
}

for_each_client!(hooks_for);
