//! The run's `result`: a JSON-encoded final assistant message, decoded into the generated
//! [`RunMessage`] (the schema's `contentSchema`: `{"id", "role", "parts": [...], "metadata"}`),
//! or plain text per one older overview page. Decoding never fails: anything that is not such
//! a message is kept as text. The generated types keep unknown part types and extra fields.

use crate::api::types::{Run, RunMessage, RunMessagePart};

/// What a run produced.
#[derive(Debug, Clone)]
pub enum RunResult {
    /// The decoded assistant message.
    Message(RunMessage),
    /// A `result` that is not a JSON-encoded message (older deployments send plain text).
    Text(String),
}

/// Two messages are equal when they encode to the same JSON (the generated types have no
/// `PartialEq`).
impl PartialEq for RunResult {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (RunResult::Text(a), RunResult::Text(b)) => a == b,
            (RunResult::Message(a), RunResult::Message(b)) => {
                serde_json::to_value(a).ok() == serde_json::to_value(b).ok()
            }
            _ => false,
        }
    }
}

impl RunResult {
    /// Decodes a `result` string.
    pub fn parse(result: &str) -> RunResult {
        match serde_json::from_str::<RunMessage>(result) {
            Ok(message) => RunResult::Message(message),
            Err(_) => RunResult::Text(result.to_owned()),
        }
    }

    /// The run's decoded result; `None` while in progress, on failure, or when a successful
    /// run produced no assistant payload.
    pub fn of(run: &Run) -> Option<RunResult> {
        run.result.as_deref().map(RunResult::parse)
    }

    /// All text of the result: the text parts joined, or the plain text.
    pub fn text(&self) -> String {
        match self {
            RunResult::Text(t) => t.clone(),
            RunResult::Message(m) => m
                .parts
                .iter()
                .filter_map(|p| match p {
                    RunMessagePart::TextPart(part) => Some(part.text.as_str()),
                    RunMessagePart::StepStartPart(_) | RunMessagePart::MessagePartOther(_) => None,
                })
                .collect::<Vec<_>>()
                .join(""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: &str) -> RunMessage {
        match RunResult::parse(result) {
            RunResult::Message(m) => m,
            other => panic!("{other:?}"),
        }
    }

    /// Decoded and encoded again, the message is the JSON it was decoded from.
    fn round_trips(result: &str) {
        let back = serde_json::to_value(message(result)).unwrap();
        assert_eq!(
            back,
            serde_json::from_str::<serde_json::Value>(result).unwrap()
        );
    }

    #[test]
    fn documented_json_encoded_message() {
        let json = r#"{"role":"assistant","parts":[{"type":"text","text":"Security scan complete. No critical findings."}]}"#;
        assert_eq!(message(json).role, "assistant");
        assert_eq!(
            RunResult::parse(json).text(),
            "Security scan complete. No critical findings."
        );
        round_trips(json);
    }

    #[test]
    fn unknown_parts_and_extra_fields_are_kept() {
        let json = r#"{"role":"assistant","id":"m1","parts":[{"type":"text","text":"a","state":"done"},{"type":"tool-call","name":"x"},{"type":"text","text":"b"}]}"#;
        let m = message(json);
        assert_eq!(m.id.as_deref(), Some("m1"));
        assert_eq!(m.parts.len(), 3);
        assert!(
            matches!(&m.parts[0], RunMessagePart::TextPart(p) if p.state.as_deref() == Some("done") && p.extra.is_empty())
        );
        assert!(
            matches!(&m.parts[1], RunMessagePart::MessagePartOther(p) if p.type_.as_str() == "tool-call" && p.extra["name"] == "x")
        );
        assert_eq!(RunResult::parse(json).text(), "ab");
        round_trips(json);
    }

    #[test]
    fn the_envelope_real_runs_return() {
        let json = r#"{"id":"msg_1","role":"assistant","parts":[{"type":"step-start"},{"type":"text","text":"Done.","state":"done"}],"metadata":{"k":1},"x":true}"#;
        let m = message(json);
        assert_eq!(m.id.as_deref(), Some("msg_1"));
        assert_eq!(m.metadata, Some(serde_json::json!({"k": 1})));
        assert_eq!(m.extra["x"], true);
        assert!(matches!(&m.parts[0], RunMessagePart::StepStartPart(p) if p.extra.is_empty()));
        assert!(
            matches!(&m.parts[1], RunMessagePart::TextPart(p) if p.text == "Done." && p.state.as_deref() == Some("done"))
        );
        assert_eq!(RunResult::parse(json).text(), "Done.");
        round_trips(json);
        assert_eq!(RunResult::parse(json), RunResult::parse(json));
        assert_ne!(
            RunResult::parse(json),
            RunResult::parse(&json.replace("Done.", "Not yet."))
        );
    }

    #[test]
    fn plain_text_and_non_message_json_fall_back_to_text() {
        let text = "Security scan complete. No critical findings.";
        assert_eq!(RunResult::parse(text), RunResult::Text(text.into()));
        assert_eq!(RunResult::parse("42"), RunResult::Text("42".into()));
        for json in [
            r#"{"role":"assistant"}"#,
            // A `text` part whose fields break its schema is not the documented message.
            r#"{"role":"assistant","parts":[{"type":"text","text":"a","state":1}]}"#,
        ] {
            assert_eq!(RunResult::parse(json), RunResult::Text(json.into()));
        }
    }
}
