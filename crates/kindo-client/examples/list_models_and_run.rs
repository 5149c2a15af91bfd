//! Lists the models, then runs an agent and prints its result.
//!
//! ```sh
//! KINDO_API_KEY=... KINDO_AGENT_ID=... [KINDO_BASE_URL=https://kindo.example.com] \
//!     cargo run -p kindo-client --example list_models_and_run
//! ```

use std::process::ExitCode;

use kindo_client::api::types::RunAgentRequest;
use kindo_client::runs::{RunResult, WaitOptions};
use kindo_client::{ClientBuilder, RetryPolicy, SAAS_API_URL};

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let key = std::env::var("KINDO_API_KEY").map_err(|_| "set KINDO_API_KEY")?;
    let base = std::env::var("KINDO_BASE_URL").unwrap_or_else(|_| SAAS_API_URL.to_owned());
    let client = ClientBuilder::new(key)
        .api_base_url(base)
        .retry(RetryPolicy::retries(3))
        .build_api()?;

    let models = client.list_models().send().await?;
    println!("{} models:", models.data.len());
    for model in &models.data {
        println!("  {}", model.id);
    }

    let Ok(agent_id) = std::env::var("KINDO_AGENT_ID") else {
        println!("KINDO_AGENT_ID not set; not running an agent");
        return Ok(());
    };
    let run = client
        .run_agent_and_wait(
            RunAgentRequest {
                agent_id,
                inputs: None,
            },
            &WaitOptions::default(),
        )
        .await?;
    println!("run {} ended: {}", run.run_id, run.status);
    match RunResult::of(&run) {
        Some(result) => println!("{}", result.text()),
        None => println!("(no result)"),
    }
    Ok(())
}
