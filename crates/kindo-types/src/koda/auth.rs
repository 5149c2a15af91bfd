//! Authentication and sessions: first-owner registration, operator sessions, long-lived API
//! tokens, the setup-code exchange and the password lifecycle.

undocumented_object! {
    /// Body of `POST /auth/register-owner`: the first owner's account details.
    ///
    /// The password must meet the policy of Koda's security page: at least 12 characters, three
    /// of the four character classes, no substring of the identifier, not among the 500 most
    /// common passwords, and a Shannon entropy of at least 2.0 bits per character.
    OwnerRegistration
}

undocumented_object! {
    /// Body of `POST /auth/login`: the owner's local credentials.
    LoginRequest
}

undocumented_object! {
    /// A fresh operator session, returned by owner registration and by login.
    ///
    /// The session itself travels in the `koda_operator_session` cookie (`HttpOnly; Secure;
    /// SameSite=Strict`, default lifetime 7 days) that the same response sets. Registration
    /// also returns the ten single-use recovery codes, shown only this once.
    OperatorSession
}

undocumented_object! {
    /// What `GET /auth/status` reports: the auth mode, whether the first owner still has to be
    /// registered, and the current session and operator identity when the caller is signed in.
    AuthStatus
}

undocumented_object! {
    /// One active session of the owner. Its id is what `DELETE /auth/sessions/{session_id}`
    /// takes.
    SessionInfo
}

page! {
    /// The owner's active sessions.
    SessionPage of SessionInfo
}

undocumented_object! {
    /// Body of `POST /auth/tokens`: what the new long-lived API token is for.
    TokenRequest
}

undocumented_object! {
    /// A newly issued long-lived API token. Send it as `Authorization: Bearer <token>`; its id
    /// is what `DELETE /auth/tokens/{token_id}` takes.
    IssuedToken
}

undocumented_object! {
    /// Body of `POST /auth/bootstrap/exchange`: the short-lived setup code printed at first
    /// boot.
    SetupCodeExchange
}

undocumented_object! {
    /// The result of redeeming a setup code: a short-lived token that authorises owner
    /// registration.
    RegistrationGrant
}

undocumented_object! {
    /// Body of `POST /auth/password/change`: the current and the new password. The new one must
    /// meet the password policy (see [`OwnerRegistration`]).
    PasswordChange
}

undocumented_object! {
    /// Body of `POST /auth/password/recover`: one of the owner's single-use recovery codes and
    /// the new password. Using any code invalidates all the remaining ones.
    PasswordRecovery
}

undocumented_object! {
    /// The acknowledgement a state-changing route returns (logout, revocations, password
    /// changes, secret and credential writes).
    Acknowledgement
}

/// Path of `DELETE /auth/sessions/{session_id}`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SessionPath {
    /// Id of the session to revoke, as listed by `GET /auth/sessions`.
    pub session_id: String,
}

/// Path of `DELETE /auth/tokens/{token_id}`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct TokenPath {
    /// Id of the API token to revoke.
    pub token_id: String,
}
