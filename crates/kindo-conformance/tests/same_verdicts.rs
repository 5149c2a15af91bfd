//! The documents accept exactly what they accepted before they were reshaped for other
//! languages' generators (open unions as `not: {enum}`, discriminators, flattened unions,
//! renamed components).
//!
//! `tests/fixtures/pre-reshape/` holds the 3.1 documents as published before that change
//! (schemas only: media type examples stripped). Every payload of the corpus and of the
//! negatives, every object or array nested in one, and a copy of each tagged object with an
//! unknown future `type`, is judged against every component schema of the old documents and
//! against the same schema (possibly renamed) of the published ones; each payload is also judged
//! at the operations it documents. Any differing verdict fails the test and is listed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use kindo_conformance::Spec;
use kindo_conformance::corpus::{load_examples, load_negatives};
use kindo_conformance::target::{self, Judgement};
use serde_json::Value;

/// Components renamed by the reshaping: (old name, new name).
const RENAMED: &[(&str, &str)] = &[("Response", "ResponseResource")];

/// Object unions that flattening merged into their only user and then dropped: (old name, the
/// union that now lists its branches). The user is judged like every other component, so every
/// payload the dropped union saw is still judged through it.
const ABSORBED: &[(&str, &str)] = &[
    ("ChatNamedToolChoice", "ChatToolChoice"),
    ("ResponseToolChoiceObject", "ResponseToolChoice"),
];

/// Stream negatives that only the `x-sse-events` tables (published after the reshaping)
/// reject: the old documents accept them, the published ones must not. Files under
/// `corpus/negative/`.
const EVENT_TABLE_RULES: &[&str] = &[
    "messages/messages-stream-event-after-message-stop.json",
    "responses/response-stream-event-type-mismatch.json",
    "responses/response-stream-payload-of-another-event.json",
];

fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec")
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn old_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pre-reshape")
}

/// Every JSON object or array inside `value` (itself included); the payloads of a raw SSE
/// string are its events' `data`.
fn collect(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::String(text) if text.contains("data:") => {
            for event in kindo_conformance::sse::parse(text) {
                if let Ok(data) = serde_json::from_str::<Value>(&event.data) {
                    collect(&data, out);
                }
            }
        }
        Value::Object(map) => {
            out.insert(value.to_string());
            if map.get("type").is_some_and(Value::is_string) {
                let mut future = map.clone();
                future.insert("type".into(), "x_future_type".into());
                out.insert(Value::Object(future).to_string());
            }
            map.values().for_each(|v| collect(v, out));
        }
        Value::Array(items) => {
            out.insert(value.to_string());
            items.iter().for_each(|v| collect(v, out));
        }
        _ => {}
    }
}

fn renamed(name: &str) -> &str {
    RENAMED
        .iter()
        .find(|(old, _)| *old == name)
        .map_or(name, |(_, new)| new)
}

fn document(spec: &Spec, name: &str) -> usize {
    spec.documents
        .iter()
        .position(|d| d.name == name)
        .unwrap_or_else(|| panic!("no document {name} in {}", spec.dir.display()))
}

fn accepts(spec: &Spec, doc: usize, pointer: &str, value: &Value) -> bool {
    spec.validator(doc, pointer)
        .unwrap_or_else(|e| panic!("{e}"))
        .is_valid(value)
}

fn short(value: &str) -> String {
    value.chars().take(160).collect()
}

#[test]
fn every_payload_gets_the_verdict_it_got_before_the_reshaping() {
    let old = Spec::load(&old_dir()).expect("old documents load");
    let new = Spec::load(&spec_dir()).expect("published documents load");
    let examples = load_examples(&corpus_dir().join("examples")).expect("corpus loads");
    let negatives = load_negatives(&corpus_dir().join("negative")).expect("negatives load");

    let mut payloads = BTreeSet::new();
    examples
        .iter()
        .for_each(|e| collect(&e.value, &mut payloads));
    negatives
        .iter()
        .for_each(|n| collect(&n.value, &mut payloads));
    let payloads: Vec<Value> = payloads
        .iter()
        .map(|p| serde_json::from_str(p).expect("collected payloads are JSON"))
        .collect();

    let mut differences = Vec::new();
    let mut judged = 0usize;
    for old_doc in &old.documents {
        let (o, n) = (document(&old, &old_doc.name), document(&new, &old_doc.name));
        let schemas = old_doc.value["components"]["schemas"]
            .as_object()
            .expect("components/schemas");
        for name in schemas.keys() {
            if let Some((_, into)) = ABSORBED.iter().find(|(gone, _)| gone == name) {
                assert!(
                    new.documents[n]
                        .value
                        .pointer(&format!("/components/schemas/{name}"))
                        .is_none()
                        && schemas.contains_key(*into),
                    "{}: {name} is listed as absorbed into {into}, but it is still published or {into} is not a component",
                    old_doc.name
                );
                continue;
            }
            let new_name = renamed(name);
            let old_ptr = format!("/components/schemas/{name}");
            let new_ptr = format!("/components/schemas/{new_name}");
            assert!(
                new.documents[n].value.pointer(&new_ptr).is_some(),
                "{}: component {name} is gone (add it to RENAMED if it was renamed)",
                old_doc.name
            );
            for payload in &payloads {
                judged += 1;
                let (before, after) = (
                    accepts(&old, o, &old_ptr, payload),
                    accepts(&new, n, &new_ptr, payload),
                );
                if before != after {
                    differences.push(format!(
                        "{}#{old_ptr}: before {before}, after {after}: {}",
                        old_doc.name,
                        short(&payload.to_string())
                    ));
                }
            }
        }
    }

    // Each file at the operations it documents (streams judged event by event).
    let targets = examples
        .iter()
        .map(|e| (&e.path, &e.target, &e.value))
        .chain(negatives.iter().map(|n| (&n.path, &n.target, &n.value)));
    for (path, target_spec, value) in targets {
        let before = target::resolve(&old, path, target_spec).expect("old target resolves");
        let after = target::resolve(&new, path, target_spec).expect("new target resolves");
        assert_eq!(before.len(), after.len(), "{}", path.display());
        for (b, a) in before.iter().zip(&after) {
            let verdict = |spec: &Spec, slot: &target::Slot| match target::judge(
                spec,
                slot.operation.doc,
                &slot.media,
                value,
            )
            .expect("judged")
            {
                Judgement::Conforms => "conforms",
                Judgement::Fails(_) => "fails",
                Judgement::Skipped(_) => "skipped",
            };
            judged += 1;
            let (vb, va) = (verdict(&old, b), verdict(&new, a));
            let table_rule = EVENT_TABLE_RULES
                .iter()
                .any(|rel| path.ends_with(Path::new("negative").join(rel)));
            if table_rule {
                if (vb, va) != ("conforms", "fails") {
                    differences.push(format!(
                        "{} at {}: an event-table negative, before {vb}, after {va} (expected conforms, then fails)",
                        path.display(),
                        a.media
                    ));
                }
            } else if vb != va {
                differences.push(format!(
                    "{} at {}: before {vb}, after {va}",
                    path.display(),
                    a.media
                ));
            }
        }
    }

    println!(
        "{judged} verdicts compared over {} payloads",
        payloads.len()
    );
    assert!(judged > 10_000, "only {judged} verdicts compared");
    assert!(
        differences.is_empty(),
        "{} verdicts changed:\n{}",
        differences.len(),
        differences.join("\n")
    );
}
