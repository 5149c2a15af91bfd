//! System & onboarding: global settings and the first-run bootstrap.

use kindo_types::koda::system::{
    BootstrapOutcome, BootstrapStep, OnboardingStatus, SystemSettings, SystemSettingsPatch,
};

use crate::area::area;

area! {
    tag = "System & onboarding";

    /// Get system settings
    ///
    /// The global toggles: allowed users, defaults and policy.
    get "/api/control-plane/system-settings" getSystemSettings
        => 200 SystemSettings "The current settings.";

    /// Update system settings
    ///
    /// Changes some global settings. Koda's API reference page lists `PATCH`; the contract Koda
    /// ships (v1.0.17) lists `PUT` (replace) instead. Both are published, since an installation may
    /// answer either.
    patch "/api/control-plane/system-settings" updateSystemSettings json(SystemSettingsPatch)
        => 200 SystemSettings "The updated settings.";

    /// Replace system settings
    ///
    /// Replaces the global settings: the form of the contract Koda ships (v1.0.17). The API
    /// reference page lists `PATCH` instead.
    put "/api/control-plane/system-settings" replaceSystemSettings json(SystemSettings)
        => 200 SystemSettings "The updated settings.";

    /// Onboarding status
    ///
    /// Where the first-run flow currently is.
    get "/api/control-plane/onboarding/status" getOnboardingStatus
        => 200 OnboardingStatus "The onboarding status.";

    /// Advance the bootstrap
    ///
    /// Applies the next step of the first-run configuration: provider, access and optionally a
    /// first agent.
    post "/api/control-plane/onboarding/bootstrap" advanceOnboardingBootstrap json(BootstrapStep)
        => 200 BootstrapOutcome "What was configured.";
}
