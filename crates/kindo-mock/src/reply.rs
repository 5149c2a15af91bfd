//! What a handler answers, before it becomes an HTTP response: a status, headers and a JSON
//! body, an SSE stream, or nothing.

use serde_json::Value;

/// One SSE frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub event: Option<String>,
    /// The `data:` payload (JSON text, or a stream's closing line such as `[DONE]`).
    pub data: String,
}

impl Frame {
    pub fn json(event: Option<&str>, data: &Value) -> Frame {
        Frame {
            event: event.map(str::to_owned),
            data: data.to_string(),
        }
    }

    /// An unnamed frame carrying `data` as written (a stream's closing line).
    pub fn line(data: &str) -> Frame {
        Frame {
            event: None,
            data: data.to_owned(),
        }
    }

    /// The frame as it goes on the wire.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        if let Some(e) = &self.event {
            out.push_str("event: ");
            out.push_str(e);
            out.push('\n');
        }
        for line in self.data.split('\n') {
            out.push_str("data: ");
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Json(Value),
    Sse(Vec<Frame>),
    Empty,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

impl Reply {
    pub fn json(status: u16, body: Value) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Body::Json(body),
        }
    }

    pub fn sse(frames: Vec<Frame>) -> Reply {
        Reply {
            status: 200,
            headers: Vec::new(),
            body: Body::Sse(frames),
        }
    }

    pub fn empty(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Body::Empty,
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Reply {
        self.headers.push((name.to_owned(), value.into()));
        self
    }
}

/// Splits a documented stream example (raw SSE text) into frames.
pub fn parse_sse(text: &str) -> Vec<Frame> {
    kindo_wire::sse::parse_text(text)
        .into_iter()
        .map(|e| Frame {
            event: e.event,
            data: e.data,
        })
        .collect()
}
