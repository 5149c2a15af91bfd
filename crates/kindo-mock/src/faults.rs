//! Faults on demand, for retry and stream-robustness tests, from the request header
//! `x-kindo-mock-fault` (comma-separated; parameters after `;`):
//!
//! - `429;retry-after=2`, `503`, `500`, ... : answer with that status in the surface's
//!   envelope (`retry-after=N` / `retry-after-ms=N` set those headers);
//!   `;times=N` limits the fault to the first N requests carrying the same header value from
//!   the same caller, so an SDK's retry then succeeds;
//! - `delay=1500ms` (or `delay=2s`): wait before answering;
//! - `drop-mid-stream`: close the connection half-way through a stream;
//! - `error-event`: end a stream with the surface's documented mid-stream error frames;
//! - `nonconforming`: a test-only fault that replaces the body (or every frame's data) with a
//!   value no response schema accepts, to prove that conformance checks catch it.

use std::time::Duration;

/// The faults one request asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Faults {
    pub status: Option<StatusFault>,
    pub delay: Option<Duration>,
    pub drop_mid_stream: bool,
    pub error_event: bool,
    pub nonconforming: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusFault {
    pub status: u16,
    pub retry_after: Option<String>,
    pub retry_after_ms: Option<String>,
    pub times: Option<u32>,
}

/// The header name.
pub const HEADER: &str = "x-kindo-mock-fault";

/// Parses the header value; unknown items are an error naming them.
pub fn parse(value: &str) -> Result<Faults, String> {
    let mut faults = Faults::default();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let mut parts = item.split(';').map(str::trim);
        let head = parts.next().unwrap_or_default();
        if let Ok(status) = head.parse::<u16>() {
            if !(400..600).contains(&status) {
                return Err(format!("fault status {status} is not an error status"));
            }
            let mut fault = StatusFault {
                status,
                retry_after: None,
                retry_after_ms: None,
                times: None,
            };
            for param in parts {
                match param.split_once('=') {
                    Some(("retry-after", v)) => fault.retry_after = Some(v.to_owned()),
                    Some(("retry-after-ms", v)) => fault.retry_after_ms = Some(v.to_owned()),
                    Some(("times", v)) => {
                        fault.times = Some(
                            v.parse()
                                .map_err(|_| format!("fault times={v} is not a number"))?,
                        )
                    }
                    _ => return Err(format!("unknown fault parameter `{param}`")),
                }
            }
            faults.status = Some(fault);
            continue;
        }
        match head.split_once('=') {
            Some(("delay", v)) => faults.delay = Some(duration(v)?),
            None if head == "drop-mid-stream" => faults.drop_mid_stream = true,
            None if head == "error-event" => faults.error_event = true,
            None if head == "nonconforming" => faults.nonconforming = true,
            _ => return Err(format!("unknown fault `{item}`")),
        }
    }
    Ok(faults)
}

fn duration(text: &str) -> Result<Duration, String> {
    let bad = || format!("fault delay `{text}` is not like 1500ms or 2s");
    if let Some(ms) = text.strip_suffix("ms") {
        return ms.parse().map(Duration::from_millis).map_err(|_| bad());
    }
    if let Some(s) = text.strip_suffix('s') {
        return s.parse().map(Duration::from_secs).map_err(|_| bad());
    }
    text.parse().map(Duration::from_millis).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_statuses_parameters_and_flags() {
        let f = parse("429;retry-after=2;times=1, delay=1500ms, error-event").unwrap();
        let s = f.status.unwrap();
        assert_eq!(
            (s.status, s.retry_after.as_deref(), s.times),
            (429, Some("2"), Some(1))
        );
        assert_eq!(f.delay, Some(Duration::from_millis(1500)));
        assert!(f.error_event && !f.drop_mid_stream && !f.nonconforming);
        assert!(parse("drop-mid-stream").unwrap().drop_mid_stream);
        assert_eq!(
            parse("delay=2s").unwrap().delay,
            Some(Duration::from_secs(2))
        );
    }

    #[test]
    fn rejects_unknown_faults() {
        assert!(parse("explode").unwrap_err().contains("explode"));
        assert!(parse("200").is_err());
        assert!(parse("429;bogus=1").is_err());
        assert!(parse("delay=soon").is_err());
    }
}
