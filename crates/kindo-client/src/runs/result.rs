//! The run's `result`: a JSON-encoded final assistant message `{"role", "parts": [...]}` per the
//! Agents pages, or plain text per one older overview page. Decoding never fails: anything that
//! is not a message object is kept as text, unknown part types and extra fields are kept.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::api::types::Run;

/// What a run produced.
#[derive(Debug, Clone, PartialEq)]
pub enum RunResult {
    /// The decoded assistant message.
    Message(RunMessage),
    /// A `result` that is not a JSON-encoded message (older deployments send plain text).
    Text(String),
}

/// The final assistant message of a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunMessage {
    pub role: String,
    pub parts: Vec<Part>,
    /// Fields beyond `role` and `parts`, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One part of the message. Part types other than `text` are kept whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Part {
    /// `{"type": "text", "text": ...}`; other fields of the part are in `extra`.
    Text {
        text: String,
        #[serde(flatten)]
        extra: Map<String, Value>,
    },
    /// Any other part, as sent (including its `type`).
    Other(Value),
}

impl<'de> Deserialize<'de> for Part {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        if value.get("type").and_then(Value::as_str) == Some("text")
            && let Some(text) = value.get("text").and_then(Value::as_str)
        {
            let text = text.to_owned();
            let Value::Object(mut extra) = value else {
                unreachable!("has a `type` key")
            };
            extra.remove("text");
            return Ok(Part::Text { text, extra });
        }
        Ok(Part::Other(value))
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
                    Part::Text { text, .. } => Some(text.as_str()),
                    Part::Other(_) => None,
                })
                .collect::<Vec<_>>()
                .join(""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_json_encoded_message() {
        let r = RunResult::parse(
            r#"{"role":"assistant","parts":[{"type":"text","text":"Security scan complete. No critical findings."}]}"#,
        );
        let RunResult::Message(m) = &r else {
            panic!("{r:?}")
        };
        assert_eq!(m.role, "assistant");
        assert_eq!(r.text(), "Security scan complete. No critical findings.");
    }

    #[test]
    fn unknown_parts_and_extra_fields_are_kept() {
        let r = RunResult::parse(
            r#"{"role":"assistant","id":"m1","parts":[{"type":"text","text":"a","state":"done"},{"type":"tool-call","name":"x"},{"type":"text","text":"b"}]}"#,
        );
        let RunResult::Message(m) = &r else {
            panic!("{r:?}")
        };
        assert_eq!(m.extra["id"], "m1");
        assert_eq!(m.parts.len(), 3);
        assert!(matches!(&m.parts[0], Part::Text { extra, .. } if extra["state"] == "done"));
        assert!(matches!(&m.parts[1], Part::Other(v) if v["name"] == "x"));
        assert_eq!(r.text(), "ab");
        // Re-encoding gives back the same message.
        let back: RunMessage = serde_json::from_value(serde_json::to_value(m).unwrap()).unwrap();
        assert_eq!(&back, m);
    }

    #[test]
    fn plain_text_and_non_message_json_fall_back_to_text() {
        let text = "Security scan complete. No critical findings.";
        assert_eq!(RunResult::parse(text), RunResult::Text(text.into()));
        assert_eq!(RunResult::parse("42"), RunResult::Text("42".into()));
        assert_eq!(
            RunResult::parse(r#"{"role":"assistant"}"#),
            RunResult::Text(r#"{"role":"assistant"}"#.into())
        );
    }
}
