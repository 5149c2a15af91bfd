//! Snapshots of the 3.1 → 3.0.3 conversion and of the generated client, over the small
//! documents in `tests/snapshots/<name>/openapi.json`: for each, the published rendition
//! (`oas30.json`), the client's shaped input (`client-input.json`) and progenitor's output
//! (`client.rs`) must equal the stored files. A change to a rule shows up as a diff of those
//! files to review; after reviewing, store the new output with
//! `KINDO_BLESS=1 cargo test -p xtask --test snapshots`.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut found: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("openapi.json").is_file())
        .collect();
    found.sort();
    found
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    text
}

/// The three outputs of one fixture, as (file name, contents).
fn render(dir: &Path) -> Vec<(&'static str, String)> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let input: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("openapi.json")).unwrap()).unwrap();
    let oas30 = kindo_openapi::oas30::to_oas30(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
    let client_input =
        kindo_openapi::oas30::for_client(&oas30).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (_, parsed) = xtask::client::oas30(&name, &input).unwrap_or_else(|e| panic!("{e}"));
    let code = xtask::client::generate(&name, &parsed).unwrap_or_else(|e| panic!("{e}"));
    vec![
        ("oas30.json", pretty(&oas30)),
        ("client-input.json", pretty(&client_input)),
        ("client.rs", code),
    ]
}

#[test]
fn conversion_and_client_match_the_stored_snapshots() {
    let bless = std::env::var_os("KINDO_BLESS").is_some_and(|v| v == "1");
    let fixtures = fixtures();
    assert!(fixtures.len() >= 2, "fixtures missing: {fixtures:?}");
    let mut stale = Vec::new();
    for dir in &fixtures {
        for (file, contents) in render(dir) {
            let path = dir.join(file);
            let stored = fs::read_to_string(&path).unwrap_or_default();
            if stored == contents {
                continue;
            }
            if bless {
                fs::write(&path, &contents).unwrap();
                continue;
            }
            let diff = similar::TextDiff::from_lines(&stored, &contents)
                .unified_diff()
                .header("stored", "now")
                .to_string();
            stale.push(format!("{}:\n{diff}", path.display()));
        }
    }
    assert!(
        stale.is_empty(),
        "{}\nreview, then KINDO_BLESS=1 cargo test -p xtask --test snapshots",
        stale.join("\n")
    );
}

#[test]
fn the_fixtures_exercise_the_rules_they_are_named_for() {
    // A snapshot of a fixture that no longer triggers its rule would pass without showing it.
    let out = |name: &str| {
        let dir = fixtures().into_iter().find(|d| d.ends_with(name)).unwrap();
        render(&dir)
    };
    let nullable = out("nullable-refs");
    let published: Value = serde_json::from_str(&nullable[0].1).unwrap();
    let limits = "/components/schemas/Settings/properties/limits/anyOf/1/enum/0";
    assert_eq!(
        published.pointer(limits),
        Some(&Value::Null),
        "the null branch"
    );
    assert!(nullable[2].1.contains("Option<Limits>"));
    let rest = out("unions-errors-streams");
    assert!(
        rest[1].1.contains("CreateItemError"),
        "S3 synthesized an error type"
    );
    assert!(
        rest[1].1.contains("\"4XX\""),
        "S6 turned default into ranges"
    );
    assert!(
        !rest[1].1.contains("\"pattern\""),
        "S7 dropped the restated pattern"
    );
    assert!(rest[0].1.contains("\"uint64\""), "S2 made seq unsigned");
    assert!(
        rest[0].1.contains("\"additionalProperties\": true")
            && rest[1].1.contains("\"additionalProperties\": {}"),
        "S9 opened the catch-all for the client only"
    );
    // Every operation is told its method (the fixture's are POST and DELETE).
    for method in ["POST", "DELETE"] {
        assert!(
            rest[2].1.contains(&format!(
                "crate::hooks::received(result, &info, ::reqwest::Method::{method})"
            )),
            "{method}"
        );
    }
}
