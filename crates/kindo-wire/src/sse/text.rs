//! A stream written out as text, read in one go with the incremental parser's field rules.

use super::parser::SseParser;

/// One event of a stream read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEvent {
    /// 0-based index among dispatched events.
    pub index: usize,
    /// The `event:` field, if any.
    pub event: Option<String>,
    /// The `data:` lines joined with `\n`.
    pub data: String,
    /// 1-based line of the event's first field (comments aside), for messages.
    pub line: usize,
}

/// Every event of `text`. Comments and events without `data` are dropped, as in a browser;
/// a last event not followed by a blank line is still delivered (documented examples are often
/// written without it). Lines end in `\n`, `\r\n` or `\r`.
pub fn parse_text(text: &str) -> Vec<TextEvent> {
    // `&str` is UTF-8 and nothing is too large here: no line can fail.
    let mut parser = SseParser::with_limit(usize::MAX);
    let mut events = Vec::new();
    let mut first_line = None;
    let mut deliver = |parser: &mut SseParser, line: &str, first_line: &mut Option<usize>| {
        if let Some(frame) = parser.take_line(line).expect("text lines cannot fail") {
            events.push(TextEvent {
                index: events.len(),
                event: frame.event,
                data: frame.data,
                line: first_line.unwrap_or_default(),
            });
        }
        if line.is_empty() {
            *first_line = None;
        }
    };
    for (n, line) in lines(text).enumerate() {
        if !line.is_empty() && !line.starts_with(':') && first_line.is_none() {
            first_line = Some(n + 1);
        }
        deliver(&mut parser, line, &mut first_line);
    }
    deliver(&mut parser, "", &mut first_line);
    events
}

/// The lines of `text`, split at `\r\n`, `\r` or `\n`; the text after the last line break is
/// the last line (empty when the text ends in one).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\r', '\n']) {
            Some(end) => {
                let skip = if current[end..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = Some(&current[end + skip..]);
                Some(&current[..end])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_events_joins_data_lines_and_skips_comments() {
        let text =
            ": keep-alive\r\nevent: delta\r\ndata: {\"a\":\r\ndata: 1}\r\n\r\ndata: [DONE]\n\n";
        let events = parse_text(text);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].event.as_deref(), Some("delta"));
        assert_eq!(events[0].data, "{\"a\":\n1}");
        assert_eq!(events[0].line, 2);
        assert_eq!(events[1].data, "[DONE]");
        assert_eq!(events[1].index, 1);
        assert_eq!(events[1].line, 6);
    }

    #[test]
    fn last_event_without_trailing_blank_line_is_kept_and_dataless_events_are_not() {
        let events = parse_text("event: ping\n\ndata:x");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].data, "x");
        assert_eq!(events[0].event, None);
        assert_eq!(events[0].line, 3);
        assert!(parse_text("").is_empty());
        assert!(parse_text(": only a comment\n").is_empty());
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let events = parse_text("event: a\rdata: 1\r\rdata: 2\r\n");
        let read: Vec<_> = events
            .iter()
            .map(|e| (e.event.as_deref(), e.data.as_str()))
            .collect();
        assert_eq!(read, [(Some("a"), "1"), (None, "2")]);
    }
}
