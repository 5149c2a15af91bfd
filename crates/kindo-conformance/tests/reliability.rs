//! Inputs the checker must refuse rather than judge: a chat stream cut before `data: [DONE]`,
//! a document no generator run published (an orphan), and `$ref`s that dangle or loop.

mod common;

use common::*;

#[test]
fn a_chat_stream_without_done_is_truncated_and_fails_naming_the_file() {
    let dir = copy_spec();
    let file = dir.path().join("corpus/examples/chat/chat-stream.json");
    edit_json(&file, |v| {
        let text = v["value"].as_str().unwrap();
        let cut = text
            .rfind("data: [DONE]")
            .expect("the example ends with [DONE]");
        v["value"] = text[..cut].into();
    });
    let out = run(
        &["check", "--spec-dir", &dir_arg(&dir), "--no-coverage"],
        &[],
    );
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let text = stdout(&out);
    let fails: Vec<&str> = text.lines().filter(|l| l.starts_with("FAIL")).collect();
    // Both documents serve createChatCompletion: one failure each, both naming the file.
    assert_eq!(fails.len(), 2, "{fails:?}");
    for line in fails {
        assert!(line.contains("chat-stream.json"), "{line}");
        assert!(
            line.contains("without the `data: [DONE]` terminator"),
            "{line}"
        );
    }
}

#[test]
fn streams_whose_event_schema_has_no_done_need_none() {
    // The Anthropic Messages stream ends with `message_stop`, not `[DONE]`: unchanged verdict.
    let out = run(
        &[
            "check",
            "--spec-dir",
            spec_dir().to_str().unwrap(),
            "--no-coverage",
            "--verbose",
        ],
        &[],
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).contains("messages-stream-events.json"));
}

#[test]
fn an_orphaned_document_is_not_treated_as_published() {
    let dir = copy_spec();
    std::fs::copy(
        dir.path().join("spec/kindo-llm.openapi.json"),
        dir.path().join("spec/kindo-legacy.openapi.json"),
    )
    .unwrap();
    let out = run(&["check", "--spec-dir", &dir_arg(&dir)], &[]);
    assert_eq!(code(&out), 3, "{}", stdout(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("kindo-legacy.openapi.json: not a published document"),
        "{err}"
    );
    // A listed document that is missing is refused too.
    std::fs::remove_file(dir.path().join("spec/kindo-legacy.openapi.json")).unwrap();
    std::fs::remove_file(dir.path().join("spec/kindo-llm.openapi.json")).unwrap();
    let out = run(&["check", "--spec-dir", &dir_arg(&dir)], &[]);
    assert_eq!(code(&out), 3);
    assert!(
        stderr(&out).contains("lists `kindo-llm`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_hand_assembled_spec_directory_without_the_list_takes_every_document() {
    let dir = tempfile::tempdir().unwrap();
    // No corpus beside it either: the documents alone are checked.
    std::fs::create_dir(dir.path().join("spec")).unwrap();
    std::fs::copy(
        spec_dir().join("kindo-llm.openapi.json"),
        dir.path().join("spec/kindo-llm.openapi.json"),
    )
    .unwrap();
    let out = run(
        &["check", "--spec-dir", &dir_arg(&dir), "--no-coverage"],
        &[],
    );
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn dangling_and_cyclic_refs_are_spec_errors_naming_the_pointer() {
    let dir = copy_spec();
    let doc = dir.path().join("spec/kindo-llm.openapi.json");
    edit_json(&doc, |v| {
        let schemas = &mut v["components"]["schemas"];
        schemas["LoopA"] = serde_json::json!({"$ref": "#/components/schemas/LoopB"});
        schemas["LoopB"] = serde_json::json!({"anyOf": [{"$ref": "#/components/schemas/LoopA"}]});
    });
    let out = run(&["check", "--spec-dir", &dir_arg(&dir)], &[]);
    assert_eq!(code(&out), 3, "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("kindo-llm.openapi.json: at /components/schemas/LoopA: $ref cycle")
            && err.contains("#/components/schemas/LoopB -> #/components/schemas/LoopA"),
        "{err}"
    );

    edit_json(&doc, |v| {
        let schemas = v["components"]["schemas"].as_object_mut().unwrap();
        schemas.remove("LoopA");
        schemas.remove("LoopB");
        schemas.insert(
            "Dangling".into(),
            serde_json::json!({"$ref": "#/components/schemas/Nowhere"}),
        );
    });
    let out = run(&["check", "--spec-dir", &dir_arg(&dir)], &[]);
    assert_eq!(code(&out), 3);
    assert!(
        stderr(&out).contains(
            "at /components/schemas/Dangling: $ref `#/components/schemas/Nowhere` does not resolve"
        ),
        "{}",
        stderr(&out)
    );
}
