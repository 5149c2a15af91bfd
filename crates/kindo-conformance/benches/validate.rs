//! Examples per second when validating the whole corpus (`cargo bench -p kindo-conformance`).
//! Not a timed test: it prints figures and asserts nothing about speed.
//!
//! The corpus is small, so it is repeated until each measurement has run for about two
//! seconds; validators are compiled once (first pass, reported separately) and cached.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kindo_conformance::target::{Judgement, judge};
use kindo_conformance::{Selection, corpus, load, run};

fn main() {
    let spec_dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec"));
    let corpus_dir = corpus::beside(&spec_dir);
    let loaded = load(&spec_dir, &corpus_dir).expect("spec and corpus directories load");
    let payloads: Vec<(usize, &str, &serde_json::Value)> = loaded
        .examples
        .iter()
        .flat_map(|(e, slots)| {
            slots
                .iter()
                .map(move |s| (s.operation.doc, s.media.as_str(), &e.value))
        })
        .chain(loaded.negatives.iter().flat_map(|(n, slots)| {
            slots
                .iter()
                .map(move |s| (s.operation.doc, s.media.as_str(), &n.value))
        }))
        .collect();
    let valid = loaded.examples.iter().map(|(_, s)| s.len()).sum::<usize>();
    println!(
        "corpus: {} payloads ({valid} examples, {} negatives) in {}",
        payloads.len(),
        payloads.len() - valid,
        corpus_dir.display()
    );

    let start = Instant::now();
    let first = run(&loaded, Selection::ALL).expect("checks run");
    println!(
        "first full run (compiles validators): {:.1} ms, {} outcomes",
        ms(start.elapsed()),
        first.outcomes.len()
    );

    // Corpus payloads only: what `check` spends per example once validators are compiled.
    let (reps, elapsed) = repeat(|| {
        for (doc, media, value) in &payloads {
            let j = judge(&loaded.spec, *doc, media, value).unwrap();
            std::hint::black_box(matches!(j, Judgement::Conforms));
        }
    });
    let n = (reps * payloads.len()) as f64;
    println!(
        "corpus validation: {:.0} examples/s ({} payloads x {reps} repetitions in {:.2} s; valid ones take the is_valid fast path, negatives the full evaluation)",
        n / elapsed.as_secs_f64(),
        payloads.len(),
        elapsed.as_secs_f64()
    );

    // Everything `check` does per run (corpus, document examples, negatives, coverage).
    let (reps, elapsed) = repeat(|| {
        std::hint::black_box(run(&loaded, Selection::ALL).unwrap());
    });
    let items = first.outcomes.len() * reps;
    println!(
        "full check: {:.0} items/s, {:.2} ms per run ({} runs)",
        items as f64 / elapsed.as_secs_f64(),
        ms(elapsed) / reps as f64,
        reps
    );
}

/// Runs `f` until about two seconds have passed; returns (repetitions, elapsed).
fn repeat(mut f: impl FnMut()) -> (usize, Duration) {
    let start = Instant::now();
    let mut reps = 0;
    while start.elapsed() < Duration::from_secs(2) {
        f();
        reps += 1;
    }
    (reps, start.elapsed())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
