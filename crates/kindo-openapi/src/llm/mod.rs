//! The llm.kindo.ai document (the legacy OpenAI-compatible inference host): one module per API
//! area, each contributing its operations.

mod chat;
mod completions;

use utoipa::OpenApi;

use crate::base;

pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = base::document(&base::LLM);
    doc.merge(chat::Area::openapi());
    doc.merge(completions::Area::openapi());
    doc
}
