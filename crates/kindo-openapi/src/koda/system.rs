//! System & onboarding: global settings and the first-run bootstrap.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::koda::system::{
    BootstrapOutcome, BootstrapStep, OnboardingStatus, SystemSettings, SystemSettingsPatch,
};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(
    get_settings,
    patch_settings,
    put_settings,
    onboarding_status,
    bootstrap
))]
pub struct Area;

/// Get system settings
///
/// The global toggles: allowed users, defaults and policy.
#[utoipa::path(
    get,
    path = "/api/control-plane/system-settings",
    operation_id = "getSystemSettings",
    tag = "System & onboarding",
    responses(
        (status = 200, description = "The current settings.", body = SystemSettings),
    )
)]
fn get_settings() {}

/// Update system settings
///
/// Changes some global settings. Koda's API reference page lists `PATCH`; the contract Koda
/// ships (v1.0.17) lists `PUT` (replace) instead. Both are published, since an installation may
/// answer either.
#[utoipa::path(
    patch,
    path = "/api/control-plane/system-settings",
    operation_id = "updateSystemSettings",
    tag = "System & onboarding",
    request_body(content = SystemSettingsPatch, content_type = "application/json"),
    responses(
        (status = 200, description = "The updated settings.", body = SystemSettings),
    )
)]
fn patch_settings() {}

/// Replace system settings
///
/// Replaces the global settings: the form of the contract Koda ships (v1.0.17). The API
/// reference page lists `PATCH` instead.
#[utoipa::path(
    put,
    path = "/api/control-plane/system-settings",
    operation_id = "replaceSystemSettings",
    tag = "System & onboarding",
    request_body(content = SystemSettings, content_type = "application/json"),
    responses(
        (status = 200, description = "The updated settings.", body = SystemSettings),
    )
)]
fn put_settings() {}

/// Onboarding status
///
/// Where the first-run flow currently is.
#[utoipa::path(
    get,
    path = "/api/control-plane/onboarding/status",
    operation_id = "getOnboardingStatus",
    tag = "System & onboarding",
    responses(
        (status = 200, description = "The onboarding status.", body = OnboardingStatus),
    )
)]
fn onboarding_status() {}

/// Advance the bootstrap
///
/// Applies the next step of the first-run configuration: provider, access and optionally a
/// first agent.
#[utoipa::path(
    post,
    path = "/api/control-plane/onboarding/bootstrap",
    operation_id = "advanceOnboardingBootstrap",
    tag = "System & onboarding",
    request_body(content = BootstrapStep, content_type = "application/json"),
    responses(
        (status = 200, description = "What was configured.", body = BootstrapOutcome),
    )
)]
fn bootstrap() {}
