//! Agent runs: trigger and poll until done ([`wait`]), and decode the run's `result`
//! ([`result`]).

pub mod result;
pub mod wait;

pub use result::{Part, RunMessage, RunResult};
pub use wait::{WaitError, WaitOptions};
