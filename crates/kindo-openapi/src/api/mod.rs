//! The api.kindo.ai document: one module per API area, each contributing its operations;
//! `conventions` then applies what the host states once for all of them.

mod agents;
pub(crate) mod chat;
pub(crate) mod conventions;
mod conversations;
mod integrations;
mod mcp;
mod messages;
mod models;
mod responses;
mod runs;

use utoipa::OpenApi;

use crate::base;

pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = base::document(&base::API);
    doc.merge(models::Area::openapi());
    doc.merge(agents::Area::openapi());
    doc.merge(runs::Area::openapi());
    doc.merge(integrations::Area::openapi());
    doc.merge(chat::Area::openapi());
    doc.merge(responses::Area::openapi());
    doc.merge(conversations::Area::openapi());
    doc.merge(messages::Area::openapi());
    doc.merge(mcp::Area::openapi());
    conventions::apply(&mut doc);
    doc
}
