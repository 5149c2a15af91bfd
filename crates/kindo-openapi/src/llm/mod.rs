//! The llm.kindo.ai document (the legacy OpenAI-compatible inference host): one module per API
//! area, each contributing its operations; `conventions` then applies what the host states once
//! for all of them.

mod chat;
mod completions;
mod conventions;

use utoipa::OpenApi;

use crate::base;

pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = base::document(&base::LLM);
    doc.merge(chat::Area::openapi());
    doc.merge(completions::Area::openapi());
    conventions::apply(&mut doc);
    doc
}
