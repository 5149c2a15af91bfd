//! Per-area handlers. Operations without one are answered from their documented examples
//! (`examples::generic`).

mod agents;
mod chat;
mod koda;
mod mcp;
mod messages;
mod responses;
pub mod text;

use crate::reply::Reply;
use crate::server::Ctx;
use crate::spec::Surface;

/// Routes a validated request to its area's handler.
pub fn dispatch(ctx: &Ctx<'_>) -> Reply {
    let id = ctx.op.id.as_str();
    match ctx.doc.surface {
        Surface::Api | Surface::Llm => match id {
            "listModels" => agents::list_models(ctx),
            "listAgents" => agents::list_agents(ctx),
            "getAgent" => agents::get_agent(ctx),
            "runAgent" => agents::run_agent(ctx),
            "getRun" => agents::get_run(ctx),
            "getRunEvals" => agents::get_run_evals(ctx),
            "listIntegrationConnections" => agents::list_connections(ctx),
            "setDefaultIntegrationConnection" => agents::set_default_connection(ctx),
            "createChatCompletion" => chat::create(ctx),
            "createResponse" => responses::create(ctx),
            "getResponse" => responses::get(ctx),
            "listResponseInputItems" => responses::input_items(ctx),
            "listConversationItems" => responses::conversation_items(ctx),
            "getConversationItem" => responses::conversation_item(ctx),
            "createMessage" => messages::create(ctx),
            "countMessageTokens" => messages::count_tokens(ctx),
            "mcp" => mcp::handle(ctx),
            _ => crate::examples::generic(ctx.doc, ctx.op, ctx.body.as_ref()),
        },
        Surface::Koda => koda::dispatch(ctx),
    }
}
