//! Global system settings and the first-run onboarding flow.

undocumented_object! {
    /// The installation's global settings: allowed users, defaults and policy toggles.
    SystemSettings
}

undocumented_object! {
    /// Body of `PATCH /system-settings`: the settings to change.
    SystemSettingsPatch
}

undocumented_object! {
    /// Where the first-run flow currently is: quickstart, provider, agent and storage status.
    OnboardingStatus
}

undocumented_object! {
    /// Body of `POST /onboarding/bootstrap`: the initial configuration to apply (provider,
    /// access and, optionally, a first agent).
    BootstrapStep
}

undocumented_object! {
    /// The configuration the bootstrap step applied.
    BootstrapOutcome
}
