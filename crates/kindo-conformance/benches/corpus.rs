//! The conformance leg of `cargo xtask bench`: validating every corpus example against the
//! media type it documents, the same (example, schema) pairs as the Python baseline
//! (`xtask/bench/py_validate.py`). Prints `bench-sample`/`bench-info` lines (see
//! `xtask/src/bench/samples.rs`); asserts nothing about speed.
//!
//! - `cold`: one pass from nothing: read the documents and examples, register the documents,
//!   compile every validator, validate every pair;
//! - `cold_load`: the reading and registering part of `cold` (no validator compiled yet);
//! - `warm`: one pass with compiled validators (repeated within a round, per-pass time).
//!
//! A stream example is parsed into frames and each frame's JSON `data` is validated against
//! the media type's `x-sse-data-schema` (`[DONE]` excepted), as `check` does.
//!
//! Usage: `cargo bench -p kindo-conformance --bench corpus -- [--rounds N] [--spec-dir DIR]
//! [--corpus-dir DIR]` (the corpus defaults to the one beside the spec directory).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kindo_conformance::target::{Judgement, is_event_stream, judge};
use kindo_conformance::{Loaded, corpus, load, sse};

fn main() {
    let mut rounds = 5;
    let mut spec_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec");
    let mut corpus_dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--rounds N")
            }
            "--spec-dir" => spec_dir = args.next().map(PathBuf::from).expect("--spec-dir DIR"),
            "--corpus-dir" => {
                corpus_dir = Some(args.next().map(PathBuf::from).expect("--corpus-dir DIR"))
            }
            _ => {} // `cargo bench` passes `--bench`
        }
    }
    let corpus_dir = corpus_dir.unwrap_or_else(|| corpus::beside(&spec_dir));
    let loaded = load(&spec_dir, &corpus_dir).expect("spec and corpus directories load");
    let (pairs, validations) = counts(&loaded);
    println!("bench-info\tpairs\t{pairs}");
    println!("bench-info\tvalidations\t{validations}");
    println!("bench-info\tconforming\t{}", pass(&loaded));
    let schemas: std::collections::BTreeSet<(usize, &str)> = loaded
        .examples
        .iter()
        .flat_map(|(_, slots)| slots.iter().map(|s| (s.operation.doc, s.media.as_str())))
        .collect();
    println!("bench-info\tvalidators\t{}", schemas.len());

    for round in 0..=rounds {
        let start = Instant::now();
        let fresh = load(&spec_dir, &corpus_dir).expect("spec and corpus directories load");
        let loaded_at = start.elapsed();
        std::hint::black_box(pass(&fresh));
        if round > 0 {
            sample("cold", start.elapsed());
            sample("cold_load", loaded_at);
        }
    }
    for round in 0..=rounds {
        let start = Instant::now();
        let mut passes = 0u32;
        while passes == 0 || start.elapsed() < Duration::from_millis(300) {
            std::hint::black_box(pass(&loaded));
            passes += 1;
        }
        if round > 0 {
            sample("warm", start.elapsed() / passes);
        }
    }
}

/// Validates every pair once; returns how many conform.
fn pass(loaded: &Loaded) -> usize {
    let mut conforming = 0;
    for (example, slots) in &loaded.examples {
        for slot in slots {
            let judgement = judge(
                &loaded.spec,
                slot.operation.doc,
                &slot.media,
                &example.value,
            )
            .expect("schemas compile");
            conforming += usize::from(judgement == Judgement::Conforms);
        }
    }
    conforming
}

/// (example, media type) pairs, and schema validations per pass (one per JSON pair, one per
/// stream frame other than `[DONE]`).
fn counts(loaded: &Loaded) -> (usize, usize) {
    let mut pairs = 0;
    let mut validations = 0;
    for (example, slots) in &loaded.examples {
        for slot in slots {
            pairs += 1;
            let media = slot
                .media
                .rsplit('/')
                .next()
                .unwrap_or("")
                .replace("~1", "/");
            validations += match example.value.as_str() {
                Some(text) if is_event_stream(&media) => sse::parse(text)
                    .iter()
                    .filter(|e| e.data.trim() != "[DONE]")
                    .count(),
                _ => 1,
            };
        }
    }
    (pairs, validations)
}

fn sample(name: &str, elapsed: Duration) {
    println!("bench-sample\t{name}\t{:e}", elapsed.as_secs_f64());
}
