//! Authentication & sessions.

use kindo_types::koda::auth::{
    Acknowledgement, AuthStatus, IssuedToken, LoginRequest, OperatorSession, OwnerRegistration,
    PasswordChange, PasswordRecovery, RegistrationGrant, SessionPage, SessionPath,
    SetupCodeExchange, TokenPath, TokenRequest,
};
use kindo_types::koda::conventions::{IdempotencyHeader, PageQuery};
use kindo_types::koda::errors::ControlPlaneError;

use crate::area::area;

area! {
    tag = "Authentication & sessions";

    /// Register the first owner
    ///
    /// Creates the installation's single owner account and signs it in. First run only: once an
    /// owner exists there is no further self-service registration. The response sets the session
    /// cookie and carries the ten single-use recovery codes, shown only this once.
    post "/api/control-plane/auth/register-owner" registerOwner
        params(IdempotencyHeader)
        json(OwnerRegistration)
        security(())
        => 201 OperatorSession "The owner exists and is signed in." headers(("Set-Cookie" = String, description = "`koda_operator_session=...; HttpOnly; Secure; SameSite=Strict`"));

    /// Log in
    ///
    /// Starts an operator session from the owner's local credentials. After
    /// `CONTROL_PLANE_OPERATOR_LOGIN_MAX_FAILURES` failed attempts (5 by default) the account is
    /// locked for `CONTROL_PLANE_OPERATOR_LOGIN_LOCKOUT_SECONDS` (15 minutes by default).
    post "/api/control-plane/auth/login" login json(LoginRequest) security(())
        => 200 OperatorSession "A fresh operator session." headers(("Set-Cookie" = String, description = "`koda_operator_session=...; HttpOnly; Secure; SameSite=Strict`"));

    /// Log out
    ///
    /// Revokes the current session.
    post "/api/control-plane/auth/logout" logout
        => 200 Acknowledgement "The session is revoked.";

    /// Current session and identity
    ///
    /// Reports the auth mode and whether the first owner still has to be registered; with a
    /// credential it also reports the current session and operator. Answers without one too.
    get "/api/control-plane/auth/status" getAuthStatus
        security((), ("operatorToken" = []), ("controlPlaneToken" = []), ("operatorSession" = []))
        => 200 AuthStatus "The auth status.";

    /// List sessions
    ///
    /// Every active session of the owner, one page at a time.
    get "/api/control-plane/auth/sessions" listSessions params(PageQuery)
        => 200 SessionPage "One page of active sessions.";

    /// Revoke a session
    ///
    /// Ends one of the owner's sessions, e.g. one signed in on a lost device.
    delete "/api/control-plane/auth/sessions/{session_id}" revokeSession params(SessionPath)
        => 200 Acknowledgement "The session is revoked.",
           404 ControlPlaneError "No such session.";

    /// Create an API token
    ///
    /// Issues a long-lived API token for CLI tools and automation.
    post "/api/control-plane/auth/tokens" createApiToken
        params(IdempotencyHeader)
        json(TokenRequest)
        => 201 IssuedToken "The new token.";

    /// Revoke an API token
    ///
    /// Revokes a long-lived API token; requests that carry it fail from then on.
    delete "/api/control-plane/auth/tokens/{token_id}" revokeApiToken params(TokenPath)
        => 200 Acknowledgement "The token is revoked.",
           404 ControlPlaneError "No such token.";

    /// Redeem a setup code
    ///
    /// Exchanges the short-lived setup code printed at first boot for a short-lived token that
    /// authorises owner registration.
    post "/api/control-plane/auth/bootstrap/exchange" exchangeSetupCode
        json(SetupCodeExchange)
        security(())
        => 200 RegistrationGrant "The registration grant.";

    /// Change the password
    ///
    /// Sets a new password for the signed-in owner and revokes every other session; the session
    /// making the change stays active.
    post "/api/control-plane/auth/password/change" changePassword json(PasswordChange)
        => 200 Acknowledgement "The password is changed.";

    /// Recover the password
    ///
    /// Resets the password with one of the single-use recovery codes. Every session is revoked and
    /// the remaining recovery codes stop working.
    post "/api/control-plane/auth/password/recover" recoverPassword
        json(PasswordRecovery)
        security(())
        => 200 Acknowledgement "The password is reset.";
}
