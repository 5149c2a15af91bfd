//! The 3.0.3 renditions meet the corpus: every example and every negative gets the same verdict
//! from each published 3.1 document and from its rendition in `spec/oas30/`, or a row of
//! `oas30_verdicts_allowlist.txt` says why not.
//!
//! A 3.0.3 Schema Object is not JSON Schema 2020-12, so the rendition is first read the way
//! 3.0 tools read it: `nullable: true` means "or null" (`{anyOf: [{type: null}, <rest>]}`); the
//! remaining keywords the conversion emits mean the same in both dialects. The result is
//! registered as a 3.1 document and judged by the same checker.

mod common;

use std::path::PathBuf;

use kindo_conformance::corpus::{Target, load_examples, load_negatives};
use kindo_conformance::spec::{Document, Spec};
use kindo_conformance::target::{Judgement, judge, resolve};
use serde_json::{Map, Value, json};

use common::{corpus_dir, spec_dir};

/// A 3.0.3 schema tree read as JSON Schema: `nullable: true` becomes an explicit null branch.
fn as_json_schema(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut rest: Map<String, Value> = map
                .iter()
                .filter(|(k, _)| k.as_str() != "nullable" || !map[*k].is_boolean())
                .map(|(k, v)| (k.clone(), as_json_schema(v)))
                .collect();
            if map.get("nullable") == Some(&Value::Bool(true)) {
                let branch = Value::Object(std::mem::take(&mut rest));
                json!({"anyOf": [{"type": "null"}, branch]})
            } else {
                Value::Object(rest)
            }
        }
        Value::Array(items) => Value::Array(items.iter().map(as_json_schema).collect()),
        other => other.clone(),
    }
}

fn documents(dir: &str) -> Vec<Document> {
    let mut out = Vec::new();
    let folder = spec_dir().join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".openapi.json"))
        .collect();
    paths.sort();
    for path in paths {
        let mut value: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if dir == "oas30" {
            assert_eq!(value["openapi"], "3.0.3", "{}", path.display());
            value = as_json_schema(&value);
            value["openapi"] = json!("3.1.0");
        }
        let name = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".openapi.json")
            .to_owned();
        out.push(Document { name, path, value });
    }
    out
}

/// Pass/fail per document for one payload (`None`: the target does not resolve there).
fn verdicts(
    spec: &Spec,
    file: &std::path::Path,
    target: &Target,
    value: &Value,
) -> Vec<(String, Option<bool>)> {
    let Ok(slots) = resolve(spec, file, target) else {
        return vec![("(any)".into(), None)];
    };
    slots
        .iter()
        .map(|slot| {
            let verdict = match judge(spec, slot.operation.doc, &slot.media, value).unwrap() {
                Judgement::Conforms => Some(true),
                Judgement::Fails(_) => Some(false),
                Judgement::Skipped(_) => None,
            };
            (spec.documents[slot.operation.doc].name.clone(), verdict)
        })
        .collect()
}

#[test]
fn every_example_and_negative_gets_the_same_verdict_from_the_3_0_3_rendition() {
    let dir = spec_dir();
    let oas31 = Spec::from_documents(&dir, documents("")).unwrap();
    let oas30 = Spec::from_documents(&dir.join("oas30"), documents("oas30")).unwrap();
    assert_eq!(oas31.documents.len(), oas30.documents.len());

    let allowlist = include_str!("oas30_verdicts_allowlist.txt");
    let allowed: Vec<(String, String)> = allowlist
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cells = l.split('|').map(str::trim);
            (
                cells.next().unwrap().to_owned(),
                cells.next().unwrap().to_owned(),
            )
        })
        .collect();

    let corpus = corpus_dir();
    let mut payloads: Vec<(PathBuf, Target, Value)> = Vec::new();
    for e in load_examples(&corpus.join("examples")).unwrap() {
        payloads.push((e.path, e.target, e.value));
    }
    let examples = payloads.len();
    for n in load_negatives(&corpus.join("negative")).unwrap() {
        payloads.push((n.path, n.target, n.value));
    }
    assert!(
        examples > 50 && payloads.len() >= examples + 30,
        "the corpus is there"
    );

    let mut differ = Vec::new();
    let mut used = Vec::new();
    let mut judged = 0;
    for (path, target, value) in &payloads {
        let rel = path.strip_prefix(&corpus).unwrap().display().to_string();
        let a = verdicts(&oas31, path, target, value);
        let b = verdicts(&oas30, path, target, value);
        judged += a.len();
        if a == b {
            continue;
        }
        let key = (rel.clone(), format!("{a:?} vs {b:?}"));
        match allowed.iter().find(|(file, _)| *file == rel) {
            Some(row) => used.push(row.0.clone()),
            None => differ.push(key),
        }
    }
    assert!(
        differ.is_empty(),
        "verdicts differ between 3.1 and 3.0.3 (document, accepted?): {differ:#?}"
    );
    let unused: Vec<_> = allowed.iter().filter(|(f, _)| !used.contains(f)).collect();
    assert!(
        unused.is_empty(),
        "allowlist rows no longer needed: {unused:?}"
    );
    eprintln!(
        "{} payloads, {judged} (payload, document) verdicts compared",
        payloads.len()
    );
}
