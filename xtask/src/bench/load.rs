//! A small HTTP/1.1 load generator for the mock-server leg: `connections` threads, each on its
//! own keep-alive connection, send one fixed request until `requests` have been answered in
//! total, timing each exchange. std only (blocking sockets), so both servers are loaded by the
//! same code and nothing needs installing. Every answer is checked (status, and a marker the
//! body must contain), so a server cannot win by answering errors.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// One request and what a correct answer looks like.
#[derive(Debug, Clone)]
pub struct Load {
    pub addr: SocketAddr,
    /// The request bytes, head and body.
    pub request: Vec<u8>,
    /// The answer's status.
    pub status: u16,
    /// A byte string the answer's body must contain (e.g. `[DONE]` for a chat stream).
    pub marker: Vec<u8>,
    pub connections: usize,
    pub requests: usize,
    /// The round fails rather than running longer.
    pub deadline: Duration,
}

/// What one round measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub elapsed: Duration,
    /// Every exchange's latency, sorted.
    pub latencies: Vec<Duration>,
}

impl Round {
    pub fn per_request(&self) -> f64 {
        self.elapsed.as_secs_f64() / self.latencies.len().max(1) as f64
    }

    pub fn requests_per_second(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }

    /// The `q` quantile (0.5, 0.99) of the latencies, nearest rank.
    pub fn quantile(&self, q: f64) -> f64 {
        quantile(&self.latencies, q)
    }
}

pub fn quantile(sorted: &[Duration], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64()
}

/// A request with a Bearer key, an `accept` header and a JSON body (or none), as bytes.
pub fn request(
    method: &str,
    path: &str,
    host: &SocketAddr,
    accept: &str,
    body: Option<&str>,
) -> Vec<u8> {
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nhost: {host}\r\nauthorization: Bearer kindo-bench-key\r\naccept: {accept}\r\n"
    );
    if let Some(body) = body {
        head.push_str(&format!(
            "content-type: application/json\r\ncontent-length: {}\r\n",
            body.len()
        ));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body.unwrap_or("").as_bytes());
    bytes
}

/// Runs one round: all requests answered correctly, or the first problem.
pub fn run(load: &Load) -> Result<Round, String> {
    let remaining = Arc::new(AtomicUsize::new(load.requests));
    let started = Instant::now();
    let workers: Vec<_> = (0..load.connections.max(1))
        .map(|_| {
            let load = load.clone();
            let remaining = remaining.clone();
            std::thread::spawn(move || worker(&load, &remaining, started))
        })
        .collect();
    let mut latencies = Vec::with_capacity(load.requests);
    let mut first_error = None;
    for w in workers {
        match w.join() {
            Ok(Ok(mut l)) => latencies.append(&mut l),
            Ok(Err(e)) => first_error = first_error.or(Some(e)),
            Err(_) => first_error = first_error.or(Some("a load thread panicked".to_owned())),
        }
    }
    let elapsed = started.elapsed();
    if let Some(e) = first_error {
        return Err(e);
    }
    latencies.sort();
    Ok(Round { elapsed, latencies })
}

fn worker(load: &Load, remaining: &AtomicUsize, started: Instant) -> Result<Vec<Duration>, String> {
    let mut latencies = Vec::new();
    let mut conn: Option<BufReader<TcpStream>> = None;
    let mut body = Vec::new();
    while take(remaining) {
        if started.elapsed() > load.deadline {
            return Err(format!(
                "{} requests not answered within {} s",
                load.requests,
                load.deadline.as_secs()
            ));
        }
        let begin = Instant::now();
        let mut reader = match conn.take() {
            Some(c) => c,
            None => connect(load)?,
        };
        let keep = exchange(&mut reader, load, &mut body)?;
        latencies.push(begin.elapsed());
        if keep {
            conn = Some(reader);
        }
    }
    Ok(latencies)
}

fn take(remaining: &AtomicUsize) -> bool {
    remaining
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
        .is_ok()
}

fn connect(load: &Load) -> Result<BufReader<TcpStream>, String> {
    let stream = TcpStream::connect_timeout(&load.addr, Duration::from_secs(5))
        .map_err(|e| format!("cannot connect to {}: {e}", load.addr))?;
    let _ = stream.set_nodelay(true);
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(|e| e.to_string())?;
    Ok(BufReader::with_capacity(64 * 1024, stream))
}

/// Sends the request and reads the whole answer; `Ok(keep_alive)` when it is correct.
fn exchange(
    reader: &mut BufReader<TcpStream>,
    load: &Load,
    body: &mut Vec<u8>,
) -> Result<bool, String> {
    let io = |e: std::io::Error| format!("{}: {e}", load.addr);
    reader.get_mut().write_all(&load.request).map_err(io)?;
    let mut line = String::new();
    reader.read_line(&mut line).map_err(io)?;
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("{}: not an HTTP status line: {line:?}", load.addr))?;
    let (mut length, mut chunked, mut close) = (None, false, false);
    loop {
        line.clear();
        if reader.read_line(&mut line).map_err(io)? == 0 {
            return Err(format!("{}: connection closed in the headers", load.addr));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = value.parse::<usize>().ok();
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.eq_ignore_ascii_case("chunked");
        } else if name.eq_ignore_ascii_case("connection") {
            close = value.eq_ignore_ascii_case("close");
        }
    }
    body.clear();
    if chunked {
        loop {
            line.clear();
            reader.read_line(&mut line).map_err(io)?;
            let size = usize::from_str_radix(line.trim_end().split(';').next().unwrap_or(""), 16)
                .map_err(|_| format!("{}: bad chunk size {line:?}", load.addr))?;
            let start = body.len();
            body.resize(start + size + 2, 0);
            reader.read_exact(&mut body[start..]).map_err(io)?;
            body.truncate(start + size);
            if size == 0 {
                break;
            }
        }
    } else if let Some(n) = length {
        body.resize(n, 0);
        reader.read_exact(body).map_err(io)?;
    } else {
        reader.read_to_end(body).map_err(io)?;
        close = true;
    }
    if status != load.status {
        return Err(format!(
            "{}: answered {status}, expected {}: {}",
            load.addr,
            load.status,
            String::from_utf8_lossy(&body[..body.len().min(200)])
        ));
    }
    if !contains(body, &load.marker) {
        return Err(format!(
            "{}: the answer lacks {:?}: {}",
            load.addr,
            String::from_utf8_lossy(&load.marker),
            String::from_utf8_lossy(&body[..body.len().min(200)])
        ));
    }
    Ok(!close)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// A one-thread server answering every request on a connection with `answer`.
    fn serve(answer: &'static [u8]) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { return };
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(conn.try_clone().unwrap());
                    let mut conn = conn;
                    loop {
                        let mut line = String::new();
                        // Read a head (no body in these tests).
                        loop {
                            line.clear();
                            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                                return;
                            }
                            if line == "\r\n" {
                                break;
                            }
                        }
                        if conn.write_all(answer).is_err() {
                            return;
                        }
                    }
                });
            }
        });
        addr
    }

    fn load(addr: SocketAddr, marker: &str) -> Load {
        Load {
            addr,
            request: request("GET", "/v1/models", &addr, "application/json", None),
            status: 200,
            marker: marker.as_bytes().to_vec(),
            connections: 3,
            requests: 50,
            deadline: Duration::from_secs(20),
        }
    }

    #[test]
    fn reads_length_and_chunked_answers_on_kept_connections() {
        let fixed = serve(b"HTTP/1.1 200 OK\r\ncontent-length: 7\r\n\r\n{\"a\":1}");
        let round = run(&load(fixed, "\"a\"")).unwrap();
        assert_eq!(round.latencies.len(), 50);
        assert!(round.requests_per_second() > 0.0);
        let chunked = serve(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\ndata: \r\n8\r\n[DONE]\n\n\r\n0\r\n\r\n",
        );
        assert_eq!(run(&load(chunked, "[DONE]")).unwrap().latencies.len(), 50);
    }

    /// A one-request server that writes `head`, then `tail` after `pause`, then closes.
    fn serve_in_two_parts(head: &'static [u8], pause: Duration, tail: &'static [u8]) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let Ok((mut conn, _)) = listener.accept() else {
                return;
            };
            let mut reader = BufReader::new(conn.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 && line != "\r\n" {
                line.clear();
            }
            let _ = conn.write_all(head);
            std::thread::sleep(pause);
            let _ = conn.write_all(tail);
        });
        addr
    }

    #[test]
    fn a_stream_is_timed_to_the_end_of_its_body_done_or_not() {
        // A chunked stream without `data: [DONE]` whose last chunk comes 200 ms after the first,
        // and a body that ends only when the server closes.
        let pause = Duration::from_millis(200);
        for (head, tail) in [
            (
                &b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n6\r\ndata: \r\n"[..],
                &b"2\r\n{}\r\n0\r\n\r\n"[..],
            ),
            (
                &b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\ndata: "[..],
                &b"{}\n\n"[..],
            ),
        ] {
            let addr = serve_in_two_parts(head, pause, tail);
            let round = run(&Load {
                connections: 1,
                requests: 1,
                ..load(addr, "data: {}")
            })
            .unwrap();
            assert!(round.latencies[0] >= pause, "{:?}", round.latencies);
        }
    }

    #[test]
    fn a_wrong_status_or_a_missing_marker_fails_the_round() {
        let err = serve(b"HTTP/1.1 503 X\r\ncontent-length: 2\r\n\r\n{}");
        assert!(run(&load(err, "")).unwrap_err().contains("answered 503"));
        let ok = serve(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}");
        assert!(run(&load(ok, "[DONE]")).unwrap_err().contains("lacks"));
    }

    #[test]
    fn quantiles_are_nearest_rank() {
        let l: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(quantile(&l, 0.5), 0.05);
        assert_eq!(quantile(&l, 0.99), 0.099);
        assert!(quantile(&[], 0.5).is_nan());
    }
}
