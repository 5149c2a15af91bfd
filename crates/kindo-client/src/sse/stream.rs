//! [`EventStream`]: an async `Stream` of typed events over any byte stream.

use std::collections::VecDeque;
use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use futures_core::Stream;
use serde::de::DeserializeOwned;
use std::future::Future;

use super::{ParseError, Protocol, SseEvent, SseFrame, SseParser};

type ByteSource = Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send>>;

/// Why a stream stopped early. After yielding one of these the stream ends, except for an
/// [`StreamError::Event`] on a protocol whose error events are followed by a terminal event
/// ([`Protocol::error_ends_stream`] false: Responses).
#[derive(Debug)]
pub enum StreamError<E> {
    /// The server sent an error event; its body decoded as the surface's error type.
    Event { event: String, body: E },
    /// An error event whose body did not decode as `E` (kept as text).
    UndecodableErrorEvent { event: String, data: String },
    /// A frame's data did not decode as the event type.
    Decode {
        event: Option<String>,
        data: String,
        source: serde_json::Error,
    },
    /// The connection ended before the protocol's terminator (`mid_event`: inside a frame).
    Truncated { mid_event: bool },
    /// The bytes are not a valid event stream.
    Invalid(ParseError),
    /// The connection failed or a read timed out.
    Transport(reqwest::Error),
    /// No event arrived for `idle` (comments and ignored keep-alive events do not count).
    IdleTimeout { idle: Duration },
}

impl<E: fmt::Debug> fmt::Display for StreamError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamError::Event { event, body } => {
                write!(f, "server sent `{event}` event: {body:?}")
            }
            StreamError::UndecodableErrorEvent { event, data } => {
                write!(
                    f,
                    "server sent `{event}` event with an unexpected body: {data}"
                )
            }
            StreamError::Decode { event, source, .. } => write!(
                f,
                "cannot decode `{}` event: {source}",
                event.as_deref().unwrap_or("message")
            ),
            StreamError::Truncated { mid_event: true } => {
                f.write_str("event stream cut off in the middle of an event")
            }
            StreamError::Truncated { mid_event: false } => {
                f.write_str("event stream ended before its terminating event")
            }
            StreamError::Invalid(e) => write!(f, "invalid event stream: {e}"),
            StreamError::Transport(e) if e.is_timeout() => {
                write!(
                    f,
                    "event stream timed out waiting for bytes (read timeout): {e}"
                )
            }
            StreamError::Transport(e) => write!(f, "event stream transport error: {e}"),
            StreamError::IdleTimeout { idle } => write!(
                f,
                "no event for {idle:?} (keep-alives do not count): the stream's idle timeout (event_idle_timeout)"
            ),
        }
    }
}

impl<E: fmt::Debug> std::error::Error for StreamError<E> {}

/// Typed events of type `T` parsed from `text/event-stream` bytes; error events decode as `E`.
pub struct EventStream<T, E = serde_json::Value> {
    source: ByteSource,
    parser: SseParser,
    protocol: Protocol,
    pending: VecDeque<SseFrame>,
    finished: bool,
    /// An error event was yielded (a later end of input is then not a missing terminator).
    errored: bool,
    /// An error found while parsing, reported once the frames before it are delivered.
    deferred: Option<StreamError<E>>,
    /// Longest wait for the next event; the timer restarts at every event yielded.
    idle: Option<Duration>,
    deadline: Option<Pin<Box<tokio::time::Sleep>>>,
    _types: PhantomData<fn() -> (T, E)>,
}

impl<T, E> fmt::Debug for EventStream<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventStream")
            .field("protocol", &self.protocol)
            .field("finished", &self.finished)
            .finish_non_exhaustive()
    }
}

impl<T: SseEvent, E: DeserializeOwned> EventStream<T, E> {
    /// Wraps a byte stream (e.g. `reqwest::Response::bytes_stream()`).
    pub fn new(
        source: impl Stream<Item = reqwest::Result<Bytes>> + Send + 'static,
        protocol: Protocol,
    ) -> Self {
        EventStream {
            source: Box::pin(source),
            parser: SseParser::new(),
            protocol,
            pending: VecDeque::new(),
            finished: false,
            errored: false,
            deferred: None,
            idle: None,
            deadline: None,
            _types: PhantomData,
        }
    }

    /// Bounds one line and one event's data to `limit` bytes (default
    /// [`DEFAULT_MAX_EVENT_BYTES`](super::DEFAULT_MAX_EVENT_BYTES)); a longer one ends the stream
    /// with `StreamError::Invalid(ParseError::TooLarge { .. })`.
    pub fn max_event_bytes(mut self, limit: usize) -> Self {
        self.parser = SseParser::with_limit(limit);
        self
    }

    /// Ends the stream with [`StreamError::IdleTimeout`] when no event arrives for `idle`
    /// (none by default here; the clients set their `event_idle_timeout`). Needs a tokio
    /// runtime with the time driver.
    pub fn idle_timeout(mut self, idle: Option<Duration>) -> Self {
        self.idle = idle;
        self.deadline = None;
        self
    }

    /// What one frame means; `None` to skip it. Sets `finished` on terminators and errors.
    fn on_frame(&mut self, frame: SseFrame) -> Option<Result<T, StreamError<E>>> {
        let p = self.protocol;
        let name = frame.event.as_deref();
        if p.done_data == Some(frame.data.as_str()) {
            self.finish();
            return None;
        }
        if name.is_some_and(|n| p.ignored_events.contains(&n)) {
            return None;
        }
        if let Some(n) = name.filter(|n| p.error_events.contains(n)) {
            self.errored = true;
            if p.error_ends_stream {
                self.finish();
            }
            let event = n.to_owned();
            return Some(Err(match serde_json::from_str(&frame.data) {
                Ok(body) => StreamError::Event { event, body },
                Err(_) => StreamError::UndecodableErrorEvent {
                    event,
                    data: frame.data,
                },
            }));
        }
        if name.is_some_and(|n| p.terminal_events.contains(&n)) {
            self.finish();
        }
        Some(T::from_frame(&frame).map_err(|source| {
            self.finish();
            StreamError::Decode {
                event: frame.event.clone(),
                data: frame.data.clone(),
                source,
            }
        }))
    }

    fn finish(&mut self) {
        self.finished = true;
        self.pending.clear();
    }
}

// The byte source is boxed and pinned on its own; nothing else needs a stable address.
impl<T, E> Unpin for EventStream<T, E> {}

impl<T: SseEvent, E: DeserializeOwned> Stream for EventStream<T, E> {
    type Item = Result<T, StreamError<E>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            while let Some(frame) = this.pending.pop_front() {
                if let Some(item) = this.on_frame(frame) {
                    this.deadline = None; // progress: the idle timer starts again
                    return Poll::Ready(Some(item));
                }
            }
            if this.finished {
                return Poll::Ready(None);
            }
            if let Some(e) = this.deferred.take() {
                this.finished = true;
                return Poll::Ready(Some(Err(e)));
            }
            match this.source.as_mut().poll_next(cx) {
                Poll::Pending => {
                    let Some(idle) = this.idle else {
                        return Poll::Pending;
                    };
                    let deadline = this
                        .deadline
                        .get_or_insert_with(|| Box::pin(tokio::time::sleep(idle)));
                    if deadline.as_mut().poll(cx).is_ready() {
                        this.finished = true;
                        return Poll::Ready(Some(Err(StreamError::IdleTimeout { idle })));
                    }
                    return Poll::Pending;
                }
                Poll::Ready(Some(Ok(chunk))) => {
                    let mut frames = Vec::new();
                    let fed = this.parser.feed(&chunk, &mut frames);
                    this.pending.extend(frames);
                    if let Err(e) = fed {
                        // Frames completed before the bad line are delivered first.
                        this.deferred = Some(StreamError::Invalid(e));
                    }
                }
                Poll::Ready(Some(Err(e))) => {
                    this.finished = true;
                    return Poll::Ready(Some(Err(StreamError::Transport(e))));
                }
                Poll::Ready(None) => {
                    this.finished = true;
                    return Poll::Ready(match this.parser.finish() {
                        Err(_) => Some(Err(StreamError::Truncated { mid_event: true })),
                        Ok(()) if this.protocol.needs_terminator() && !this.errored => {
                            Some(Err(StreamError::Truncated { mid_event: false }))
                        }
                        Ok(()) => None,
                    });
                }
            }
        }
    }
}
