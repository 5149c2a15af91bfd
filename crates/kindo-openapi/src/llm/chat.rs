//! Chat Completions on llm.kindo.ai: the same operation as on api.kindo.ai (one stub, one
//! operationId), so both documents carry the same contract and examples.

use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(crate::api::chat::createChatCompletion))]
pub struct Area;
