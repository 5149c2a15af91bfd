//! The mock server: requests per second and p50/p99 latency of `kindo-mock` (release build)
//! against Prism serving the same `spec/kindo-api.openapi.json`, both loaded on 127.0.0.1 by
//! the same generator ([`super::load`]) with the same requests, for a JSON route and a stream.

use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::BenchArgs;
use super::env::{cargo, failure, run_ok, scratch, timed};
use super::load::{self, Load, Round};
use super::report::{Row, Section, Unit};
use super::stats::Summary;
use crate::XtaskError;

/// The npm package of the baseline, pinned.
pub const PRISM: &str = "@stoplight/prism-cli@5.14.2";
/// Concurrent keep-alive connections per leg.
const CONNECTIONS: usize = 8;
/// Requests per round per leg.
const REQUESTS: usize = 2000;
/// No round may run longer (Prism's slowest would take a few seconds).
const ROUND_DEADLINE: Duration = Duration::from_secs(120);
/// How long a server may take to answer its first request.
const START_DEADLINE: Duration = Duration::from_secs(90);

/// The documented streaming request of `corpus/examples/chat/chat-request-stream.json`.
const CHAT_STREAM: &str = r#"{"model":"claude-sonnet-4-5-20250929","stream":true,"messages":[{"role":"user","content":"Write a haiku about observability."}]}"#;

/// (route label, method, path, accept, body, marker a whole answer contains)
type Route = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
);

/// The stream's marker is a chunk's `object`, not `data: [DONE]`: Prism's answer to the stream
/// request ends without that frame, so both servers are held to what both send, and timed to
/// the end of the response body (the last chunk of a chunked body, or the close).
const ROUTES: [Route; 2] = [
    (
        "`GET /v1/models` (JSON)",
        "GET",
        "/v1/models",
        "application/json",
        None,
        "\"data\"",
    ),
    (
        "`POST /v1/chat/completions` with `\"stream\": true` (SSE)",
        "POST",
        "/v1/chat/completions",
        "text/event-stream",
        Some(CHAT_STREAM),
        "chat.completion.chunk",
    ),
];

fn label(server: &str, route: &str, what: &str) -> String {
    format!("{server}, {route}, {what}")
}

const PER_REQUEST: &str = "wall time per request (1 / throughput)";
const P50: &str = "p50 latency";
const P99: &str = "p99 latency";

/// A server process this bench started; killed (by its own handle) when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn run(args: &BenchArgs) -> Result<Section, XtaskError> {
    eprintln!("bench: building kindo-mock (release)");
    let mock =
        mock_executable(&args.root).and_then(|exe| start_mock(&exe, &args.root.join("spec")));
    let dir = scratch("prism")?;
    eprintln!("bench: installing {PRISM} into a throwaway folder");
    let prism = install_prism(dir.path())
        .and_then(|bin| start_prism(&bin, &args.root.join("spec/kindo-api.openapi.json")));

    let mut rows = Vec::new();
    let mut facts = vec![
        (
            "load".to_owned(),
            format!("{CONNECTIONS} keep-alive connections, {REQUESTS} requests per round per leg"),
        ),
        ("Prism".to_owned(), PRISM.to_owned()),
    ];
    let mut notes = Vec::new();
    for (route, method, path, accept, body, marker) in ROUTES {
        eprintln!("bench: mock servers, {route}");
        let load_for = |server: &Result<Server, String>| {
            server.as_ref().map_err(Clone::clone).map(|s| Load {
                addr: s.addr,
                request: load::request(method, path, &s.addr, accept, body),
                status: 200,
                marker: marker.as_bytes().to_vec(),
                connections: CONNECTIONS,
                requests: REQUESTS,
                deadline: ROUND_DEADLINE,
            })
        };
        let legs = [load_for(&mock), load_for(&prism)];
        let measured = measure(&legs, args.rounds);
        let [ours, theirs] = measured;
        for (what, f) in [
            (PER_REQUEST, Round::per_request as fn(&Round) -> f64),
            (P50, |r: &Round| r.quantile(0.5)),
            (P99, |r: &Round| r.quantile(0.99)),
        ] {
            let figure = |leg: &Result<Vec<Round>, String>| {
                leg.as_ref().map_err(Clone::clone).and_then(|rounds| {
                    Summary::of(&rounds.iter().map(f).collect::<Vec<_>>())
                        .ok_or_else(|| "no figure".to_owned())
                })
            };
            let base = label("Prism", route, what);
            rows.push(
                Row::new(
                    label("kindo-mock", route, what),
                    figure(&ours),
                    Unit::Micros,
                )
                .vs(base.clone()),
            );
            rows.push(Row::new(base, figure(&theirs), Unit::Micros));
        }
        let rate = |leg: &Result<Vec<Round>, String>| {
            leg.as_ref().ok().and_then(|rounds| {
                Summary::of(
                    &rounds
                        .iter()
                        .map(Round::requests_per_second)
                        .collect::<Vec<_>>(),
                )
            })
        };
        let (ours, theirs) = (rate(&ours), rate(&theirs));
        for (server, r) in [("kindo-mock", &ours), ("Prism", &theirs)] {
            if let Some(r) = r {
                facts.push((
                    format!("{server}, {route}, requests per second (median)"),
                    format!("{:.0}", r.median),
                ));
            }
        }
        if let (Some(ours), Some(theirs)) = (ours, theirs) {
            let times = ours.median / theirs.median;
            let verdict = if times >= TARGET {
                "**met**"
            } else {
                "**missed**"
            };
            notes.push(format!(
                "Target (at least {TARGET:.0}× Prism's throughput), {route}: {verdict}, {times:.1}×."
            ));
        }
    }
    Ok(Section {
        title: "Mock server".into(),
        method: format!(
            "Both servers run as their own process on 127.0.0.1 and serve \
             `spec/kindo-api.openapi.json`: `kindo-mock` (release build, `--spec-dir spec`) and \
             Prism (`prism mock`, installed with npm into a temporary folder). One load generator \
             in this command (std threads, blocking sockets) sends the same request over \
             {CONNECTIONS} keep-alive HTTP/1.1 connections until {REQUESTS} answers have arrived, \
             checking each (status 200 and a whole body: `\"data\"` in the model list, \
             `chat.completion.chunk` in the stream). The stream request is the documented \
             `chat-request-stream` with `Accept: text/event-stream`; its latency is the time \
             from sending the request to the end of the response body (the chunked body's \
             last chunk, or the close), for both servers: Prism's stream ends without \
             `data: [DONE]` (the mock's with it), so `[DONE]` is not what is waited for. Each \
             round gives the wall time per request (its inverse is the throughput) and the \
             p50/p99 latency of its requests; one warm-up round, then `--rounds` rounds, \
             servers alternating."
        ),
        rows,
        facts,
        notes,
    })
}

/// "At least 10× Prism's throughput".
const TARGET: f64 = 10.0;

/// Warm-up round, then `rounds` measured rounds, the legs alternating within each round.
fn measure(legs: &[Result<Load, String>; 2], rounds: usize) -> [Result<Vec<Round>, String>; 2] {
    let mut out: [Result<Vec<Round>, String>; 2] = [
        legs[0].as_ref().map(|_| Vec::new()).map_err(Clone::clone),
        legs[1].as_ref().map(|_| Vec::new()).map_err(Clone::clone),
    ];
    for round in 0..=rounds {
        for (leg, result) in legs.iter().zip(out.iter_mut()) {
            let (Ok(load), Ok(done)) = (leg, &mut *result) else {
                continue;
            };
            match load::run(load) {
                Ok(r) if round > 0 => done.push(r),
                Ok(_) => {}
                Err(e) => *result = Err(e),
            }
        }
    }
    out
}

fn mock_executable(root: &Path) -> Result<PathBuf, String> {
    let mut command = cargo();
    command
        .args(["build", "--release", "--locked", "--message-format=json"])
        .args(["-p", "kindo-mock", "--bin", "kindo-mock"])
        .current_dir(root);
    let (_, output) = timed(&mut command)?;
    if !output.status.success() {
        return Err(failure(&command, &output));
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "kindo-mock")
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .ok_or_else(|| "cargo reported no kindo-mock executable".to_owned())
}

/// Starts the mock on ephemeral ports and reads the API listener from its `listening` lines.
fn start_mock(exe: &Path, spec: &Path) -> Result<Server, String> {
    let mut command = Command::new(exe);
    for flag in ["--api", "--llm", "--koda"] {
        command.args([flag, "127.0.0.1:0"]);
    }
    command.arg("--spec-dir").arg(spec);
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
    let stdout = child.stdout.take().expect("piped");
    let mut server = Server {
        child,
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
    };
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        let line = line.map_err(|e| format!("kindo-mock: {e}"))?;
        if let Some(addr) = line.strip_prefix("listening kindo-api http://") {
            server.addr = addr
                .parse()
                .map_err(|_| format!("kindo-mock printed a bad address: {line}"))?;
            // Keep reading: a closed pipe would make its next `listening` line fail.
            std::thread::spawn(move || lines.for_each(drop));
            return Ok(server);
        }
    }
    Err("kindo-mock exited before listening".into())
}

/// `npm install` of the pinned Prism into `dir`; its `prism` executable.
fn install_prism(dir: &Path) -> Result<PathBuf, String> {
    run_ok(
        Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                "--prefix",
            ])
            .arg(dir)
            .arg(PRISM),
    )?;
    Ok(dir.join("node_modules/.bin/prism"))
}

/// Starts `prism mock` on a free port and waits until it answers a model list.
fn start_prism(bin: &Path, document: &Path) -> Result<Server, String> {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    let child = Command::new(bin)
        .arg("mock")
        .arg(document)
        .args(["-p", &port.to_string(), "-h", "127.0.0.1"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut server = Server { child, addr };
    let probe = Load {
        addr,
        request: load::request("GET", "/v1/models", &addr, "application/json", None),
        status: 200,
        marker: Vec::new(),
        connections: 1,
        requests: 1,
        deadline: Duration::from_secs(5),
    };
    let started = Instant::now();
    loop {
        match load::run(&probe) {
            Ok(_) => return Ok(server),
            Err(e) if started.elapsed() > START_DEADLINE => {
                return Err(format!(
                    "Prism did not answer within {} s: {e}",
                    START_DEADLINE.as_secs()
                ));
            }
            Err(_) => {
                if let Ok(Some(status)) = server.child.try_wait() {
                    return Err(format!("prism mock exited ({status})"));
                }
                std::thread::sleep(Duration::from_millis(250));
            }
        }
    }
}
