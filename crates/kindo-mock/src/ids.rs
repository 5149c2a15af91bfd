//! Identifiers: random per process, or a fixed sequence with `--seed` so runs are repeatable.

use std::sync::atomic::{AtomicU64, Ordering};

pub struct Ids {
    seed: u64,
    counter: AtomicU64,
}

impl Ids {
    pub fn new(seed: Option<u64>) -> Ids {
        let seed = seed.unwrap_or_else(|| {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            now ^ u64::from(std::process::id()).rotate_left(32)
        });
        Ids {
            seed,
            counter: AtomicU64::new(0),
        }
    }

    fn next_u64(&self) -> u64 {
        // splitmix64 over (seed, counter): cheap, well spread, reproducible.
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let mut z = self
            .seed
            .wrapping_add(n.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `prefix` + 24 hex digits, e.g. `resp_5f0c…`.
    pub fn prefixed(&self, prefix: &str) -> String {
        let a = self.next_u64();
        let b = self.next_u64() >> 32;
        format!("{prefix}{a:016x}{b:08x}")
    }

    /// A version-4-shaped UUID (run and agent ids are UUIDs in Kindo's examples).
    pub fn uuid(&self) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0x0fff,
            ((b >> 48) & 0x3fff) | 0x8000,
            b & 0xffff_ffff_ffff
        )
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// An RFC 3339 UTC timestamp for `secs` since the epoch.
pub fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000Z",
        rem / 3600,
        (rem / 60) % 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_ids_repeat_and_timestamps_are_rfc3339() {
        let (a, b) = (Ids::new(Some(7)), Ids::new(Some(7)));
        assert_eq!(a.prefixed("resp_"), b.prefixed("resp_"));
        assert_eq!(a.uuid(), b.uuid());
        assert_ne!(a.uuid(), a.uuid());
        assert_eq!(rfc3339(1_710_000_000), "2024-03-09T16:00:00.000Z");
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
    }
}
