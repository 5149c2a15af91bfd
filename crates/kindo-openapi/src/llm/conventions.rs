//! What llm.kindo.ai states once for its operations, applied after the areas are merged:
//! either API-key scheme on every operation, `Retry-After` on every `429`, and the error
//! statuses of each family. Chat completions are the api.kindo.ai operation and answer as
//! there; legacy completions get the API overview's generic statuses, whose bodies Kindo does
//! not document.

use utoipa::openapi::OpenApi;

use crate::base;
use crate::conventions::{self, Family};

const GENERIC: Family = Family {
    members: &["Completions"],
    body: None,
    body_of: &[],
    statuses: &[
        ("400", "Bad request (body not documented)."),
        ("401", "Missing or invalid API key (body not documented)."),
        ("403", "Insufficient permissions (body not documented)."),
        ("404", "Not found (body not documented)."),
        ("429", "Rate limited (body not documented)."),
        ("500", "Server error (body not documented)."),
    ],
};

pub fn apply(doc: &mut OpenApi) {
    conventions::default_security(doc, &base::security());
    conventions::apply_families(doc, &[&crate::api::conventions::OPENAI_EDGE, &GENERIC]);
    conventions::retry_after(doc, base::RETRY_AFTER);
}
