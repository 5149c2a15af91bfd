//! An incremental `text/event-stream` parser (WHATWG HTML §9.2.6): bytes in any chunking go in,
//! complete frames come out. Unlike a browser, the end of input is checked: an event cut off
//! before its blank line is reported, not silently discarded, and input is bounded: a line or
//! an event's data longer than the parser's limit is an error, whatever the chunking, so a
//! server that never sends a newline cannot make a reader buffer without end.

use std::fmt;

/// One dispatched event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SseFrame {
    /// The `event:` name; `None` for unnamed events (`message` in browser terms).
    pub event: Option<String>,
    /// The `data:` lines joined with `\n`.
    pub data: String,
    /// The last `id:` seen in this stream, if any.
    pub id: Option<String>,
    /// A `retry:` reconnection delay in milliseconds sent with this event.
    pub retry: Option<u64>,
}

/// The stream is not valid `text/event-stream` or ended inside an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// A line is not UTF-8.
    InvalidUtf8,
    /// Input ended inside a line or between an event's fields and its blank line.
    Incomplete,
    /// A line, or the data of one event, is longer than `limit` bytes.
    TooLarge { limit: usize },
}

/// Default bound on one line and on one event's data: 16 MiB.
pub const DEFAULT_MAX_EVENT_BYTES: usize = 16 * 1024 * 1024;

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::InvalidUtf8 => f.write_str("event stream line is not valid UTF-8"),
            ParseError::Incomplete => f.write_str("event stream ended in the middle of an event"),
            ParseError::TooLarge { limit } => write!(
                f,
                "event stream line or event larger than the limit of {limit} bytes (max_event_bytes)"
            ),
        }
    }
}

impl std::error::Error for ParseError {}

#[derive(Debug)]
pub struct SseParser {
    /// Longest line, and longest data of one event, accepted.
    limit: usize,
    /// Bytes of the current, unfinished line.
    line: Vec<u8>,
    /// The previous chunk ended in `\r`; a leading `\n` belongs to that line ending.
    skip_lf: bool,
    event: Option<String>,
    data: String,
    has_data: bool,
    /// Any field of the current event seen (so a cut-off can be told from a clean end).
    in_event: bool,
    last_id: Option<String>,
    retry: Option<u64>,
}

impl Default for SseParser {
    fn default() -> Self {
        SseParser::new()
    }
}

impl SseParser {
    /// A parser with the default limit ([`DEFAULT_MAX_EVENT_BYTES`]).
    pub fn new() -> Self {
        SseParser::with_limit(DEFAULT_MAX_EVENT_BYTES)
    }

    /// A parser refusing lines and events longer than `limit` bytes.
    pub fn with_limit(limit: usize) -> Self {
        SseParser {
            limit,
            line: Vec::new(),
            skip_lf: false,
            event: None,
            data: String::new(),
            has_data: false,
            in_event: false,
            last_id: None,
            retry: None,
        }
    }

    /// The limit on one line and on one event's data, in bytes.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Appends part of a line, refusing to grow past the limit.
    fn extend_line(&mut self, bytes: &[u8]) -> Result<(), ParseError> {
        if self.line.len() + bytes.len() > self.limit {
            return Err(ParseError::TooLarge { limit: self.limit });
        }
        self.line.extend_from_slice(bytes);
        Ok(())
    }

    /// Feeds a chunk and appends every frame it completes to `out`.
    pub fn feed(&mut self, chunk: &[u8], out: &mut Vec<SseFrame>) -> Result<(), ParseError> {
        let mut rest = chunk;
        if self.skip_lf {
            self.skip_lf = false;
            if let Some(b'\n') = rest.first() {
                rest = &rest[1..];
            }
        }
        while let Some(end) = rest.iter().position(|b| *b == b'\n' || *b == b'\r') {
            self.extend_line(&rest[..end])?;
            let crlf = rest[end] == b'\r';
            rest = &rest[end + 1..];
            if crlf {
                match rest.first() {
                    Some(b'\n') => rest = &rest[1..],
                    None => self.skip_lf = true,
                    _ => {}
                }
            }
            let line = std::mem::take(&mut self.line);
            let line = String::from_utf8(line).map_err(|_| ParseError::InvalidUtf8)?;
            if let Some(frame) = self.take_line(&line)? {
                out.push(frame);
            }
        }
        self.extend_line(rest)
    }

    /// Checks the end of input: an unfinished line or event is [`ParseError::Incomplete`].
    pub fn finish(&self) -> Result<(), ParseError> {
        if !self.line.is_empty() || self.in_event {
            return Err(ParseError::Incomplete);
        }
        Ok(())
    }

    /// Takes one complete line (without its line break); a blank line dispatches the event.
    pub(super) fn take_line(&mut self, line: &str) -> Result<Option<SseFrame>, ParseError> {
        if line.is_empty() {
            return Ok(self.dispatch());
        }
        if line.starts_with(':') {
            return Ok(None); // comment, e.g. a keep-alive
        }
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line, ""),
        };
        match field {
            "event" => self.event = Some(value.to_owned()),
            "data" => {
                if self.data.len() + value.len() + 1 > self.limit {
                    return Err(ParseError::TooLarge { limit: self.limit });
                }
                if self.has_data {
                    self.data.push('\n');
                }
                self.data.push_str(value);
                self.has_data = true;
            }
            "id" if !value.contains('\0') => self.last_id = Some(value.to_owned()),
            "retry" => {
                if let Ok(ms) = value.parse() {
                    self.retry = Some(ms);
                }
            }
            _ => return Ok(None), // unknown fields are ignored, as in browsers
        }
        self.in_event = true;
        Ok(None)
    }

    fn dispatch(&mut self) -> Option<SseFrame> {
        self.in_event = false;
        let event = self.event.take();
        let retry = self.retry.take();
        if !self.has_data {
            return None; // an event without data is not dispatched
        }
        self.has_data = false;
        Some(SseFrame {
            event,
            data: std::mem::take(&mut self.data),
            id: self.last_id.clone(),
            retry,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(chunks: &[&[u8]]) -> (Vec<SseFrame>, Result<(), ParseError>) {
        let mut p = SseParser::new();
        let mut out = Vec::new();
        for c in chunks {
            if let Err(e) = p.feed(c, &mut out) {
                return (out, Err(e));
            }
        }
        let end = p.finish();
        (out, end)
    }

    fn data(frames: &[SseFrame]) -> Vec<&str> {
        frames.iter().map(|f| f.data.as_str()).collect()
    }

    #[test]
    fn unnamed_data_events_and_done() {
        let (frames, end) = parse(&[b"data: {\"a\":1}\n\ndata: [DONE]\n\n"]);
        assert_eq!(data(&frames), ["{\"a\":1}", "[DONE]"]);
        assert_eq!(frames[0].event, None);
        assert_eq!(end, Ok(()));
    }

    #[test]
    fn named_events_multi_line_data_and_comments() {
        let (frames, end) = parse(&[
            b": keep-alive\n\nevent: message_start\ndata: line one\ndata: line two\nid: 7\n\n",
            b"event: ping\ndata:\n\n",
        ]);
        assert_eq!(frames.len(), 2);
        assert_eq!(frames[0].event.as_deref(), Some("message_start"));
        assert_eq!(frames[0].data, "line one\nline two");
        assert_eq!(frames[0].id.as_deref(), Some("7"));
        assert_eq!(frames[1].event.as_deref(), Some("ping"));
        assert_eq!(frames[1].data, "");
        assert_eq!(end, Ok(()));
    }

    #[test]
    fn any_chunking_gives_the_same_frames() {
        let input: &[u8] = b"event: a\r\ndata: x\r\n\r\ndata:y\rdata: z\r\r";
        let (whole, _) = parse(&[input]);
        assert_eq!(data(&whole), ["x", "y\nz"]);
        for size in 1..input.len() {
            let chunks: Vec<&[u8]> = input.chunks(size).collect();
            let (frames, end) = parse(&chunks);
            assert_eq!(frames, whole, "chunk size {size}");
            assert_eq!(end, Ok(()), "chunk size {size}");
        }
    }

    #[test]
    fn only_one_leading_space_is_stripped_and_no_colon_means_empty_value() {
        let (frames, _) = parse(&[b"data:  two spaces\ndata\n\n"]);
        assert_eq!(frames[0].data, " two spaces\n");
    }

    #[test]
    fn events_without_data_are_not_dispatched() {
        let (frames, end) = parse(&[b"event: lonely\n\nretry: 100\n\n"]);
        assert!(frames.is_empty());
        assert_eq!(end, Ok(()));
    }

    #[test]
    fn cut_off_mid_line_or_mid_event_is_incomplete() {
        assert_eq!(parse(&[b"data: {\"a\":"]).1, Err(ParseError::Incomplete));
        assert_eq!(
            parse(&[b"event: x\ndata: 1\n"]).1,
            Err(ParseError::Incomplete)
        );
        assert_eq!(parse(&[b"data: 1\n\n"]).1, Ok(()));
    }

    #[test]
    fn a_line_or_an_event_over_the_limit_is_an_error_in_any_chunking() {
        let long = [b'x'; 40];
        for size in [1, 7, 40] {
            let mut p = SseParser::with_limit(32);
            let mut out = Vec::new();
            let result = b"data: "
                .iter()
                .chain(&long)
                .copied()
                .collect::<Vec<u8>>()
                .chunks(size)
                .try_for_each(|c| p.feed(c, &mut out));
            assert_eq!(result, Err(ParseError::TooLarge { limit: 32 }), "{size}");
        }
        // Short lines whose data adds up past the limit.
        let mut p = SseParser::with_limit(32);
        let mut out = Vec::new();
        let many = "data: 0123456789\n".repeat(4);
        assert_eq!(
            p.feed(many.as_bytes(), &mut out),
            Err(ParseError::TooLarge { limit: 32 })
        );
        // At the limit is fine.
        let mut p = SseParser::with_limit(32);
        let exact = format!("data: {}\n\n", "y".repeat(26));
        assert_eq!(p.feed(exact.as_bytes(), &mut out), Ok(()));
        assert_eq!(out.len(), 1);
        assert!(
            ParseError::TooLarge { limit: 32 }
                .to_string()
                .contains("limit of 32 bytes")
        );
    }

    #[test]
    fn invalid_utf8_is_an_error() {
        assert_eq!(parse(&[b"data: \xff\n\n"]).1, Err(ParseError::InvalidUtf8));
    }
}
