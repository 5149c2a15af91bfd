//! Responses API: `POST /v1/responses`, `GET /v1/responses/{response_id}` and its
//! `input_items`, in OpenAI's Responses shape plus Kindo's Chat Actions extensions. The item
//! types here are shared with the Conversations API.

mod items;
mod request;
mod response;
mod stream;
mod tools;

pub use items::*;
pub use request::*;
pub use response::*;
pub use stream::*;
pub use tools::*;
