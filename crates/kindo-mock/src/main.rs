//! `kindo-mock`: the command-line face of the library (see `--help`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use kindo_mock::{Mock, Options, Spec, Surface};

const HELP: &str = "\
kindo-mock: a stateful mock of the published Kindo and Koda OpenAPI documents

USAGE:
    kindo-mock [--api ADDR] [--llm ADDR] [--koda ADDR] [--spec-dir DIR] [--seed N]
               [--run-polls N] [--run-ms MS] [--koda-token TOKEN] [--fault SPEC]
               [--api-key KEY]...

OPTIONS:
    --api ADDR         kindo-api listener (default 127.0.0.1:4010)
    --llm ADDR         kindo-llm listener (default 127.0.0.1:4011)
    --koda ADDR        koda-control-plane listener (default 127.0.0.1:4012)
    --spec-dir DIR     serve DIR/<document>.openapi.json (default: the copies built in)
    --seed N           deterministic ids
    --run-polls N      getRun answers in_progress N times before the run ends (default 2)
    --run-ms MS        ...or until MS milliseconds after runAgent, whichever is first
    --koda-token TOKEN Koda's break-glass bearer token (default koda-break-glass)
    --api-key KEY      accept only these keys on kindo-api and kindo-llm (repeatable; by
                       default any non-empty key is accepted, with its own state)
    --fault SPEC       faults for every request without an x-kindo-mock-fault header, in
                       that header's syntax (e.g. `delay=100ms`, or the test-only
                       `nonconforming`); see the crate README

Prints `listening <document> http://ADDR` per document once it accepts connections; stops
on SIGINT or SIGTERM.

EXIT CODES:
    0  stopped by a signal
    2  bad command line
    3  spec directory missing, or a document unreadable, not JSON, not 3.1, or uncompilable
    4  an address cannot be bound (in use, or not a local address)
    5  a listener failed while serving
";

struct Args {
    addrs: [(Surface, String); 3],
    spec_dir: Option<PathBuf>,
    options: Options,
}

fn parse(argv: &[String]) -> Result<Option<Args>, String> {
    let mut args = Args {
        addrs: [
            (Surface::Api, "127.0.0.1:4010".into()),
            (Surface::Llm, "127.0.0.1:4011".into()),
            (Surface::Koda, "127.0.0.1:4012".into()),
        ],
        spec_dir: None,
        options: Options::default(),
    };
    let mut it = argv.iter();
    while let Some(flag) = it.next() {
        if flag == "-h" || flag == "--help" {
            print!("{HELP}");
            return Ok(None);
        }
        if flag == "-V" || flag == "--version" {
            println!("kindo-mock {}", env!("CARGO_PKG_VERSION"));
            return Ok(None);
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value (see --help)"))?;
        let number = |v: &str| {
            v.parse::<u64>()
                .map_err(|_| format!("{flag} must be a non-negative integer, got {v:?}"))
        };
        match flag.as_str() {
            "--api" => args.addrs[0].1 = value.clone(),
            "--llm" => args.addrs[1].1 = value.clone(),
            "--koda" => args.addrs[2].1 = value.clone(),
            "--spec-dir" => args.spec_dir = Some(PathBuf::from(value)),
            "--seed" => args.options.seed = Some(number(value)?),
            "--run-polls" => {
                args.options.run_polls =
                    u32::try_from(number(value)?).map_err(|_| format!("{flag} is too large"))?
            }
            "--run-ms" => args.options.run_duration = Duration::from_millis(number(value)?),
            "--koda-token" if !value.is_empty() => args.options.koda_token = value.clone(),
            "--api-key" if !value.is_empty() => args.options.api_keys.push(value.clone()),
            "--fault" => {
                kindo_mock::faults::parse(value).map_err(|e| format!("--fault: {e}"))?;
                args.options.faults = Some(value.clone());
            }
            other => return Err(format!("unexpected argument `{other}` (see --help)")),
        }
    }
    for (surface, addr) in &args.addrs {
        addr.parse::<SocketAddr>().map_err(|_| {
            format!(
                "--{} {addr:?} is not an address like 127.0.0.1:4010",
                flag(*surface)
            )
        })?;
    }
    Ok(Some(args))
}

fn flag(surface: Surface) -> &'static str {
    match surface {
        Surface::Api => "api",
        Surface::Llm => "llm",
        Surface::Koda => "koda",
    }
}

fn fail(code: u8, message: String) -> ExitCode {
    eprintln!("kindo-mock: {message}");
    ExitCode::from(code)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse(&argv) {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => return fail(2, e),
    };
    let spec = match &args.spec_dir {
        Some(dir) => Spec::from_dir(dir),
        None => Spec::embedded(),
    };
    let spec = match spec {
        Ok(s) => s,
        Err(e) => return fail(3, e.to_string()),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => return fail(5, format!("cannot start the runtime: {e}")),
    };
    runtime.block_on(async move {
        let mut listeners = Vec::new();
        for (surface, addr) in &args.addrs {
            match tokio::net::TcpListener::bind(addr.as_str()).await {
                Ok(l) => listeners.push((*surface, l)),
                Err(e) => {
                    return fail(
                        4,
                        format!("cannot listen on {addr} for {}: {e}", surface.name()),
                    );
                }
            }
        }
        let mock = Mock::new(spec, args.options);
        let running = match kindo_mock::start(mock, listeners) {
            Ok(r) => r,
            Err(e) => return fail(5, format!("cannot serve: {e}")),
        };
        // Handlers first: a signal sent as soon as the listening lines are read is not lost.
        let signalled = shutdown_signal();
        for (surface, addr) in &running.addrs {
            println!("listening {} http://{addr}", surface.name());
        }
        let stopper = running.stopper();
        tokio::spawn(async move {
            signalled.await;
            let _ = stopper.send(true);
        });
        match running.wait().await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(5, format!("a listener failed: {e}")),
        }
    })
}

/// Registers the SIGTERM handler now and returns what ends on SIGINT or SIGTERM.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    async move {
        #[cfg(unix)]
        if let Some(mut term) = term {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
        let _ = tokio::signal::ctrl_c().await;
    }
}
