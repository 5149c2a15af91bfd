//! A `text/event-stream` parser (the WHATWG "event stream interpretation" rules), enough to
//! split a documented stream into events and hand each `data` payload to the validator.

/// One dispatched event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// 0-based index among dispatched events.
    pub index: usize,
    /// The `event:` field, if any.
    pub event: Option<String>,
    /// The `data:` lines joined with `\n`.
    pub data: String,
    /// 1-based line of the event's first field, for messages.
    pub line: usize,
}

/// Splits `text` into events. Comment lines (`:`) and `id`/`retry` fields are dropped; an
/// event with no `data` line is not dispatched, as in a browser.
pub fn parse(text: &str) -> Vec<Event> {
    let mut events = Vec::new();
    let mut event: Option<String> = None;
    let mut data: Option<String> = None;
    let mut first_line = 0;
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    for (n, line) in normalized.split('\n').enumerate() {
        if line.is_empty() {
            if let Some(d) = data.take() {
                events.push(Event {
                    index: events.len(),
                    event: event.take(),
                    data: d,
                    line: first_line,
                });
            }
            event = None;
            first_line = 0;
            continue;
        }
        if line.starts_with(':') {
            continue;
        }
        if first_line == 0 {
            first_line = n + 1;
        }
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line, ""),
        };
        match field {
            "event" => event = Some(value.to_owned()),
            "data" => match data.as_mut() {
                Some(d) => {
                    d.push('\n');
                    d.push_str(value);
                }
                None => data = Some(value.to_owned()),
            },
            _ => {}
        }
    }
    // A stream that ends without a blank line still delivers its last event here: documented
    // examples are often written without the trailing blank line.
    if let Some(d) = data {
        events.push(Event {
            index: events.len(),
            event,
            data: d,
            line: first_line,
        });
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_events_joins_data_lines_and_skips_comments() {
        let text =
            ": keep-alive\r\nevent: delta\r\ndata: {\"a\":\r\ndata: 1}\r\n\r\ndata: [DONE]\n\n";
        let events = parse(text);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].event.as_deref(), Some("delta"));
        assert_eq!(events[0].data, "{\"a\":\n1}");
        assert_eq!(events[0].line, 2);
        assert_eq!(events[1].data, "[DONE]");
        assert_eq!(events[1].index, 1);
    }

    #[test]
    fn last_event_without_trailing_blank_line_is_kept_and_dataless_events_are_not() {
        let events = parse("event: ping\n\ndata:x");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].data, "x");
        assert_eq!(events[0].event, None);
    }
}
