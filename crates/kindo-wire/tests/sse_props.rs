//! Property: the SSE parser yields the same frames, and the same verdict at the end, however
//! the byte stream is split into chunks (cuts inside lines, inside `\r\n`, inside multi-byte
//! UTF-8 characters), and those frames are the ones the events were written from. The
//! whole-text helper the checker and the tests use reads the same events from the same text.

use kindo_wire::sse::{ParseError, SseFrame, SseParser, parse_text};
use proptest::prelude::*;
use proptest::sample::Index;

/// One event as written: an optional name, an optional id, data lines, and whether a comment
/// precedes it.
#[derive(Debug, Clone)]
struct Written {
    name: Option<String>,
    id: Option<String>,
    data: Vec<String>,
    comment: bool,
}

/// Text of one field value: any characters but line breaks.
fn value() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        any::<char>().prop_filter("no line break", |c| *c != '\n' && *c != '\r'),
        0..12,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn written() -> impl Strategy<Value = Written> {
    (
        proptest::option::of(value()),
        proptest::option::of(value().prop_filter("ids hold no NUL", |v| !v.contains('\0'))),
        proptest::collection::vec(value(), 0..4),
        any::<bool>(),
    )
        .prop_map(|(name, id, data, comment)| Written {
            name,
            id,
            data,
            comment,
        })
}

/// The stream text with the given line ending, and the frames a parser must dispatch.
fn render(events: &[Written], eol: &str) -> (Vec<u8>, Vec<SseFrame>) {
    let mut text = String::new();
    let mut frames = Vec::new();
    let mut last_id = None;
    for e in events {
        if e.comment {
            text.push_str(&format!(": keep-alive{eol}"));
        }
        if let Some(name) = &e.name {
            text.push_str(&format!("event: {name}{eol}"));
        }
        if let Some(id) = &e.id {
            text.push_str(&format!("id: {id}{eol}"));
            last_id = Some(id.clone());
        }
        for line in &e.data {
            text.push_str(&format!("data: {line}{eol}"));
        }
        text.push_str(eol);
        if !e.data.is_empty() {
            frames.push(SseFrame {
                event: e.name.clone(),
                data: e.data.join("\n"),
                id: last_id.clone(),
                retry: None,
            });
        }
    }
    (text.into_bytes(), frames)
}

/// Parses `bytes` cut at `cuts`, returning the frames and the end-of-input verdict.
fn parse(bytes: &[u8], cuts: &[usize], limit: usize) -> (Vec<SseFrame>, Result<(), ParseError>) {
    let mut parser = SseParser::with_limit(limit);
    let mut out = Vec::new();
    let mut start = 0;
    for &cut in cuts.iter().chain([&bytes.len()]) {
        if let Err(e) = parser.feed(&bytes[start..cut], &mut out) {
            return (out, Err(e));
        }
        start = cut;
    }
    let end = parser.finish();
    (out, end)
}

fn cut_points(len: usize, picks: &[Index]) -> Vec<usize> {
    let mut cuts: Vec<usize> = picks.iter().map(|i| i.index(len + 1)).collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_split_gives_the_written_frames(
        events in proptest::collection::vec(written(), 0..6),
        eol in prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
        picks in proptest::collection::vec(any::<Index>(), 0..24),
    ) {
        let (bytes, expected) = render(&events, eol);
        let whole = parse(&bytes, &[], usize::MAX);
        prop_assert_eq!(&whole.0, &expected);
        prop_assert_eq!(&whole.1, &Ok(()));
        let cuts = cut_points(bytes.len(), &picks);
        let split = parse(&bytes, &cuts, usize::MAX);
        prop_assert_eq!(split, whole);
        // Every single-byte chunking as well.
        let every: Vec<usize> = (1..bytes.len()).collect();
        prop_assert_eq!(parse(&bytes, &every, usize::MAX).0, expected);
    }

    #[test]
    fn a_stream_cut_short_is_incomplete_under_every_split(
        events in proptest::collection::vec(written(), 1..5),
        picks in proptest::collection::vec(any::<Index>(), 0..12),
        drop in 1usize..4,
    ) {
        let (bytes, _) = render(&events, "\n");
        prop_assume!(bytes.len() > drop);
        let cut = &bytes[..bytes.len() - drop];
        let whole = parse(cut, &[], usize::MAX);
        let split = parse(cut, &cut_points(cut.len(), &picks), usize::MAX);
        prop_assert_eq!(&split, &whole);
    }

    #[test]
    fn the_size_limit_holds_under_every_split(
        len in 1usize..200,
        limit in 1usize..100,
        picks in proptest::collection::vec(any::<Index>(), 0..12),
    ) {
        let line = format!("data: {}", "x".repeat(len));
        let bytes = line.as_bytes();
        let (_, end) = parse(bytes, &cut_points(bytes.len(), &picks), limit);
        if bytes.len() > limit {
            prop_assert_eq!(end, Err(ParseError::TooLarge { limit }));
        } else {
            prop_assert_eq!(end, Err(ParseError::Incomplete));
        }
    }

    #[test]
    fn the_whole_text_helper_reads_what_the_incremental_parser_reads(
        events in proptest::collection::vec(written(), 0..6),
        eol in prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
        trailing_blank_line in any::<bool>(),
    ) {
        let (bytes, expected) = render(&events, eol);
        let mut text = String::from_utf8(bytes).unwrap();
        if !trailing_blank_line && !text.is_empty() {
            // A documented example may stop right after its last field line.
            text.truncate(text.len() - eol.len());
        }
        let read: Vec<(Option<String>, String)> =
            parse_text(&text).into_iter().map(|e| (e.event, e.data)).collect();
        let written: Vec<(Option<String>, String)> =
            expected.into_iter().map(|f| (f.event, f.data)).collect();
        prop_assert_eq!(read, written);
    }
}
