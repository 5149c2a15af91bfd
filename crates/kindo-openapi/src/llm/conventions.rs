//! What llm.kindo.ai states once for its operations, applied after the areas are merged:
//! either API-key scheme on every operation, `Retry-After` on every `429`, and the error
//! statuses of each family. Chat completions are the api.kindo.ai operation and answer as
//! there; legacy completions get the API overview's generic statuses, whose bodies Kindo does
//! not document.

use utoipa::openapi::OpenApi;

use crate::base;
use crate::conventions::{self, Family, Status};

const GENERIC: Family = Family {
    tags: &["Completions"],
    statuses: &[
        Status {
            code: "400",
            description: "Bad request (body not documented).",
            body: None,
        },
        Status {
            code: "401",
            description: "Missing or invalid API key (body not documented).",
            body: None,
        },
        Status {
            code: "403",
            description: "Insufficient permissions (body not documented).",
            body: None,
        },
        Status {
            code: "404",
            description: "Not found (body not documented).",
            body: None,
        },
        Status {
            code: "429",
            description: "Rate limited (body not documented).",
            body: None,
        },
        Status {
            code: "500",
            description: "Server error (body not documented).",
            body: None,
        },
    ],
};

pub fn apply(doc: &mut OpenApi) {
    conventions::default_security(doc, &base::security());
    conventions::apply_families(doc, &[&crate::api::conventions::OPENAI, &GENERIC]);
    conventions::retry_after(doc, base::RETRY_AFTER);
}
