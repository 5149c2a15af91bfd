//! Agent runs: trigger and poll until done ([`wait`]), and decode the run's `result`
//! ([`result`]).

pub mod result;
pub mod wait;

pub use crate::api::types::{RunMessage, RunMessagePart};
pub use result::RunResult;
pub use wait::{WaitError, WaitOptions};
