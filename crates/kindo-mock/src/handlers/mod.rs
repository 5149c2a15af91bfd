//! Per-area handlers. Operations without one are answered from their documented examples
//! (`examples::generic`).

mod agents;
mod chat;
mod koda;
mod mcp;
mod messages;
mod responses;
pub mod text;

use serde_json::Value;

use crate::errors::Fail;
use crate::reply::Reply;
use crate::server::Ctx;
use crate::spec::Surface;

/// A model call as the chat, Responses and Messages handlers read it.
pub struct Call<'a> {
    pub body: &'a Value,
    /// Whether the answer is a stream: asked for (`"stream": true`) on an operation that
    /// publishes one.
    pub stream: bool,
    pub model: &'a str,
}

impl Call<'_> {
    /// The body's `messages`, and the last of them (`null` when there is none).
    pub fn messages(&self) -> (Vec<Value>, Value) {
        let messages = self.body["messages"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let last = messages.last().cloned().unwrap_or(Value::Null);
        (messages, last)
    }
}

impl Ctx<'_> {
    /// The prologue every model call shares, then `answer`: the body is required, a
    /// documented example the request is paired with is served as written, and the model must
    /// be one the caller can use (else a 400 `model_not_found` says `unknown`, with the id
    /// in place of `{model}`).
    pub fn model_call(&self, unknown: &str, answer: impl FnOnce(Call<'_>) -> Reply) -> Reply {
        let Some(body) = self.body.as_ref() else {
            return self.fail(Fail::bad_request("the request body is required"));
        };
        let stream = self.op.events.is_some() && body["stream"] == true;
        if let Some(e) = crate::examples::paired(self.op, body, stream) {
            return crate::examples::serve(self.op, &e);
        }
        let model = body["model"].as_str().unwrap_or_default();
        if !self.mock.world(self.key(), |w| w.model_known(model)) {
            return self.fail(Fail::new(
                400,
                "model_not_found",
                unknown.replace("{model}", model),
            ));
        }
        answer(Call {
            body,
            stream,
            model,
        })
    }
}

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
