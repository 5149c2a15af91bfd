//! `live` keeps the key with its origin and judges what a deployment serves strictly: loopback
//! servers on two ephemeral ports, one redirecting to the other.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::sync::{Arc, Mutex};

use common::*;
use serde_json::Value;

/// Every request's header lines (lower-case names), as the server saw them.
type Seen = Arc<Mutex<Vec<Vec<(String, String)>>>>;

/// Answers every request with `status`, `headers` and `body`; records each request's headers.
fn serve(status: u16, headers: Vec<(String, String)>, body: String) -> (String, Seen) {
    let seen: Seen = Arc::default();
    let log = Arc::clone(&seen);
    let base = serve_each(move |mut stream| {
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                lines.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
            }
        }
        log.lock().unwrap().push(lines);
        let mut head = format!("HTTP/1.1 {status} X\r\nconnection: close\r\n");
        for (k, v) in &headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body.as_bytes());
    });
    (base, seen)
}

const KEY: &str = "live-secret-key-81";

fn live(base: &str, auth: &str, key: &str) -> std::process::Output {
    live_json(&[
        ("KINDO_BASE_URL", base),
        ("KINDO_API_KEY", key),
        ("KINDO_AUTH", auth),
    ])
}

fn models_list() -> String {
    let text =
        std::fs::read_to_string(corpus_dir().join("examples/models/models-list-two.json")).unwrap();
    serde_json::from_str::<Value>(&text).unwrap()["value"].to_string()
}

#[test]
fn the_key_never_follows_a_redirect_to_another_origin() {
    for auth in ["x-api-key", "bearer"] {
        for status in [301, 302, 307, 308] {
            let json = vec![("content-type".to_owned(), "application/json".to_owned())];
            let (other, other_seen) = serve(200, json, models_list());
            let location = vec![("location".to_owned(), format!("{other}/v1/models"))];
            let (origin, origin_seen) = serve(status, location, String::new());
            let out = live(&origin, auth, KEY);
            assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
            assert!(
                other_seen.lock().unwrap().is_empty(),
                "{auth} {status}: the other origin was contacted"
            );
            let origin_seen = origin_seen.lock().unwrap();
            assert!(!origin_seen.is_empty());
            assert!(
                origin_seen
                    .iter()
                    .all(|h| h.iter().any(|(_, v)| v.contains(KEY))),
                "the configured origin gets the key"
            );
            let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
            let first = &report["outcomes"][0];
            assert_eq!(first["status"], "fail");
            let message = first["failures"][0]["message"].as_str().unwrap();
            assert!(
                message.contains(&format!("redirected ({status}) to {other}")),
                "{message}"
            );
            assert!(!stdout(&out).contains(KEY) && !stderr(&out).contains(KEY));
        }
    }
}

#[test]
fn a_json_body_served_as_html_is_a_failure() {
    let html = vec![("content-type".to_owned(), "text/html".to_owned())];
    let (base, _) = serve(200, html, models_list());
    let out = live(&base, "x-api-key", KEY);
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let models = outcomes(&report)
        .find(|o| o["operation"] == "listModels")
        .unwrap();
    assert_eq!(models["status"], "fail");
    let message = models["failures"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("content type \"text/html\"") && message.contains("application/json"),
        "{message}"
    );
}

#[test]
fn a_control_character_in_the_key_is_bad_input() {
    let (base, seen) = serve(200, vec![], String::new());
    for key in ["line-one\nline-two", "tab\tkey", "cr\r"] {
        let out = live(&base, "x-api-key", key);
        assert_eq!(code(&out), 2, "{key:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(
            err.contains("KINDO_API_KEY has a control character"),
            "{err}"
        );
        assert!(!err.contains("line-one") && !err.contains("tab"), "{err}");
    }
    assert!(seen.lock().unwrap().is_empty(), "nothing was sent");
    let out = live("http://user:pw-secret@127.0.0.1:9", "x-api-key", KEY);
    assert_eq!(code(&out), 2);
    assert!(!stderr(&out).contains("pw-secret"), "{}", stderr(&out));
}
