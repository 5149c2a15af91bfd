//! Authentication & sessions.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::koda::auth::{
    Acknowledgement, AuthStatus, IssuedToken, LoginRequest, OperatorSession, OwnerRegistration,
    PasswordChange, PasswordRecovery, RegistrationGrant, SessionPage, SessionPath,
    SetupCodeExchange, TokenPath, TokenRequest,
};
use kindo_types::koda::conventions::{IdempotencyHeader, PageQuery};
use kindo_types::koda::errors::ControlPlaneError;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(
    register_owner,
    login,
    logout,
    status,
    list_sessions,
    revoke_session,
    create_token,
    revoke_token,
    exchange_setup_code,
    change_password,
    recover_password
))]
pub struct Area;

/// Register the first owner
///
/// Creates the installation's single owner account and signs it in. First run only: once an
/// owner exists there is no further self-service registration. The response sets the session
/// cookie and carries the ten single-use recovery codes, shown only this once.
#[utoipa::path(
    post,
    path = "/api/control-plane/auth/register-owner",
    operation_id = "registerOwner",
    tag = "Authentication & sessions",
    params(IdempotencyHeader),
    request_body(content = OwnerRegistration, content_type = "application/json"),
    security(()),
    responses(
        (status = 201, description = "The owner exists and is signed in.", body = OperatorSession,
            headers(("Set-Cookie" = String, description = "`koda_operator_session=...; HttpOnly; Secure; SameSite=Strict`"))),
    )
)]
fn register_owner() {}

/// Log in
///
/// Starts an operator session from the owner's local credentials. After
/// `CONTROL_PLANE_OPERATOR_LOGIN_MAX_FAILURES` failed attempts (5 by default) the account is
/// locked for `CONTROL_PLANE_OPERATOR_LOGIN_LOCKOUT_SECONDS` (15 minutes by default).
#[utoipa::path(
    post,
    path = "/api/control-plane/auth/login",
    operation_id = "login",
    tag = "Authentication & sessions",
    request_body(content = LoginRequest, content_type = "application/json"),
    security(()),
    responses(
        (status = 200, description = "A fresh operator session.", body = OperatorSession,
            headers(("Set-Cookie" = String, description = "`koda_operator_session=...; HttpOnly; Secure; SameSite=Strict`"))),
    )
)]
fn login() {}

/// Log out
///
/// Revokes the current session.
#[utoipa::path(
    post,
    path = "/api/control-plane/auth/logout",
    operation_id = "logout",
    tag = "Authentication & sessions",
    responses(
        (status = 200, description = "The session is revoked.", body = Acknowledgement),
    )
)]
fn logout() {}

/// Current session and identity
///
/// Reports the auth mode and whether the first owner still has to be registered; with a
/// credential it also reports the current session and operator. Answers without one too.
#[utoipa::path(
    get,
    path = "/api/control-plane/auth/status",
    operation_id = "getAuthStatus",
    tag = "Authentication & sessions",
    security((), ("operatorToken" = []), ("controlPlaneToken" = []), ("operatorSession" = [])),
    responses(
        (status = 200, description = "The auth status.", body = AuthStatus),
    )
)]
fn status() {}

/// List sessions
///
/// Every active session of the owner, one page at a time.
#[utoipa::path(
    get,
    path = "/api/control-plane/auth/sessions",
    operation_id = "listSessions",
    tag = "Authentication & sessions",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of active sessions.", body = SessionPage),
    )
)]
fn list_sessions() {}

/// Revoke a session
///
/// Ends one of the owner's sessions, e.g. one signed in on a lost device.
#[utoipa::path(
    delete,
    path = "/api/control-plane/auth/sessions/{session_id}",
    operation_id = "revokeSession",
    tag = "Authentication & sessions",
    params(SessionPath),
    responses(
        (status = 200, description = "The session is revoked.", body = Acknowledgement),
        (status = 404, description = "No such session.", body = ControlPlaneError),
    )
)]
fn revoke_session() {}

/// Create an API token
///
/// Issues a long-lived API token for CLI tools and automation.
#[utoipa::path(
    post,
    path = "/api/control-plane/auth/tokens",
    operation_id = "createApiToken",
    tag = "Authentication & sessions",
    params(IdempotencyHeader),
    request_body(content = TokenRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The new token.", body = IssuedToken),
    )
)]
fn create_token() {}

/// Revoke an API token
///
/// Revokes a long-lived API token; requests that carry it fail from then on.
#[utoipa::path(
    delete,
    path = "/api/control-plane/auth/tokens/{token_id}",
    operation_id = "revokeApiToken",
    tag = "Authentication & sessions",
    params(TokenPath),
    responses(
        (status = 200, description = "The token is revoked.", body = Acknowledgement),
        (status = 404, description = "No such token.", body = ControlPlaneError),
    )
)]
fn revoke_token() {}

/// Redeem a setup code
///
/// Exchanges the short-lived setup code printed at first boot for a short-lived token that
/// authorises owner registration.
#[utoipa::path(
    post,
    path = "/api/control-plane/auth/bootstrap/exchange",
    operation_id = "exchangeSetupCode",
    tag = "Authentication & sessions",
    request_body(content = SetupCodeExchange, content_type = "application/json"),
    security(()),
    responses(
        (status = 200, description = "The registration grant.", body = RegistrationGrant),
    )
)]
fn exchange_setup_code() {}

/// Change the password
///
/// Sets a new password for the signed-in owner and revokes every other session; the session
/// making the change stays active.
#[utoipa::path(
    post,
    path = "/api/control-plane/auth/password/change",
    operation_id = "changePassword",
    tag = "Authentication & sessions",
    request_body(content = PasswordChange, content_type = "application/json"),
    responses(
        (status = 200, description = "The password is changed.", body = Acknowledgement),
    )
)]
fn change_password() {}

/// Recover the password
///
/// Resets the password with one of the single-use recovery codes. Every session is revoked and
/// the remaining recovery codes stop working.
#[utoipa::path(
    post,
    path = "/api/control-plane/auth/password/recover",
    operation_id = "recoverPassword",
    tag = "Authentication & sessions",
    request_body(content = PasswordRecovery, content_type = "application/json"),
    security(()),
    responses(
        (status = 200, description = "The password is reset.", body = Acknowledgement),
    )
)]
fn recover_password() {}
