//! The run's `result`: a JSON-encoded final assistant message (`RunMessage`, the schema's
//! `contentSchema`: `{"id", "role", "parts": [...], "metadata"}`), or plain text per one older
//! overview page. Decoding never fails: anything that is not a message object is kept as text,
//! unknown part types and extra fields are kept.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
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
    /// The message id, when the deployment sends one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub role: String,
    pub parts: Vec<Part>,
    /// Message metadata, when sent; its shape is not documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
    /// Fields beyond the ones above, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One part of the message. Part types other than `text` and `step-start` are kept whole.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// `{"type": "text", "text": ..., "state": ...}`; other fields of the part are in `extra`.
    Text {
        text: String,
        /// The part's streaming state when the message was stored (e.g. `done`).
        state: Option<String>,
        extra: Map<String, Value>,
    },
    /// `{"type": "step-start"}`: one agent step begins; other fields are in `extra`.
    StepStart { extra: Map<String, Value> },
    /// Any other part, as sent (including its `type`).
    Other(Value),
}

impl Serialize for Part {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = Map::new();
        match self {
            Part::Other(v) => return v.serialize(s),
            Part::Text { text, state, extra } => {
                out.extend(extra.clone());
                out.insert("type".into(), "text".into());
                out.insert("text".into(), text.as_str().into());
                if let Some(state) = state {
                    out.insert("state".into(), state.as_str().into());
                }
            }
            Part::StepStart { extra } => {
                out.extend(extra.clone());
                out.insert("type".into(), "step-start".into());
            }
        }
        out.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Part {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        let Value::Object(mut extra) = value else {
            return Ok(Part::Other(value));
        };
        let kind = extra.get("type").and_then(Value::as_str).map(str::to_owned);
        let text = extra.get("text").and_then(Value::as_str).map(str::to_owned);
        let state_ok = extra.get("state").is_none_or(Value::is_string);
        match (kind.as_deref(), text) {
            (Some("text"), Some(text)) if state_ok => {
                extra.remove("type");
                extra.remove("text");
                let state = extra
                    .remove("state")
                    .and_then(|s| s.as_str().map(str::to_owned));
                Ok(Part::Text { text, state, extra })
            }
            (Some("step-start"), _) => {
                extra.remove("type");
                Ok(Part::StepStart { extra })
            }
            _ => Ok(Part::Other(Value::Object(extra))),
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
                    Part::Text { text, .. } => Some(text.as_str()),
                    Part::StepStart { .. } | Part::Other(_) => None,
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
        assert_eq!(m.id.as_deref(), Some("m1"));
        assert_eq!(m.parts.len(), 3);
        assert!(
            matches!(&m.parts[0], Part::Text { state: Some(s), extra, .. } if s == "done" && extra.is_empty())
        );
        assert!(matches!(&m.parts[1], Part::Other(v) if v["name"] == "x"));
        assert_eq!(r.text(), "ab");
        // Re-encoding gives back the same message.
        let back: RunMessage = serde_json::from_value(serde_json::to_value(m).unwrap()).unwrap();
        assert_eq!(&back, m);
    }

    #[test]
    fn the_envelope_real_runs_return() {
        let r = RunResult::parse(
            r#"{"id":"msg_1","role":"assistant","parts":[{"type":"step-start"},{"type":"text","text":"Done.","state":"done"}],"metadata":{"k":1},"x":true}"#,
        );
        let RunResult::Message(m) = &r else {
            panic!("{r:?}")
        };
        assert_eq!(m.id.as_deref(), Some("msg_1"));
        assert_eq!(m.metadata, Some(serde_json::json!({"k": 1})));
        assert_eq!(m.extra["x"], true);
        assert!(matches!(&m.parts[0], Part::StepStart { extra } if extra.is_empty()));
        assert!(
            matches!(&m.parts[1], Part::Text { text, state: Some(s), .. } if text == "Done." && s == "done")
        );
        assert_eq!(r.text(), "Done.");
        let back: RunMessage = serde_json::from_value(serde_json::to_value(m).unwrap()).unwrap();
        assert_eq!(&back, m);
        // A `text` part whose fields do not fit is kept whole, not dropped.
        let odd = RunResult::parse(
            r#"{"role":"assistant","parts":[{"type":"text","text":"a","state":1}]}"#,
        );
        let RunResult::Message(m) = &odd else {
            panic!("{odd:?}")
        };
        assert!(matches!(&m.parts[0], Part::Other(v) if v["state"] == 1));
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
