//! An incremental `text/event-stream` parser (WHATWG HTML §9.2.6): bytes in any chunking go in,
//! complete frames come out. Unlike a browser, the end of input is checked: an event cut off
//! before its blank line is reported, not silently discarded.

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
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::InvalidUtf8 => f.write_str("event stream line is not valid UTF-8"),
            ParseError::Incomplete => f.write_str("event stream ended in the middle of an event"),
        }
    }
}

impl std::error::Error for ParseError {}

#[derive(Debug, Default)]
pub struct SseParser {
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

impl SseParser {
    pub fn new() -> Self {
        SseParser::default()
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
            self.line.extend_from_slice(&rest[..end]);
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
            if let Some(frame) = self.line_done(&line) {
                out.push(frame);
            }
        }
        self.line.extend_from_slice(rest);
        Ok(())
    }

    /// Checks the end of input: an unfinished line or event is [`ParseError::Incomplete`].
    pub fn finish(&self) -> Result<(), ParseError> {
        if !self.line.is_empty() || self.in_event {
            return Err(ParseError::Incomplete);
        }
        Ok(())
    }

    fn line_done(&mut self, line: &str) -> Option<SseFrame> {
        if line.is_empty() {
            return self.dispatch();
        }
        if line.starts_with(':') {
            return None; // comment, e.g. a keep-alive
        }
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line, ""),
        };
        match field {
            "event" => self.event = Some(value.to_owned()),
            "data" => {
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
            _ => return None, // unknown fields are ignored, as in browsers
        }
        self.in_event = true;
        None
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
    fn invalid_utf8_is_an_error() {
        assert_eq!(parse(&[b"data: \xff\n\n"]).1, Err(ParseError::InvalidUtf8));
    }
}
