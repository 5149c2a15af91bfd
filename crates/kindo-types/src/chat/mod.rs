//! Chat Completions: `POST /v1/chat/completions` on api.kindo.ai and llm.kindo.ai, in OpenAI's
//! shape. Kindo validates `model` and `messages` and forwards every other field verbatim
//! (Zod `passthrough()`), so request types keep unknown fields in `extra`.

mod completion;
mod messages;
mod request;
mod stream;
mod tools;

pub use completion::*;
pub use messages::*;
pub use request::*;
pub use stream::*;
pub use tools::*;
