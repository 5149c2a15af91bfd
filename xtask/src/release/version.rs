//! Contract versions: plain `MAJOR.MINOR.PATCH` semver (no pre-release or build parts: a
//! released contract is a release).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
}

impl Version {
    pub fn parse(s: &str) -> Option<Version> {
        let mut parts = s.split('.');
        let mut next = || -> Option<u64> {
            let p = parts.next()?;
            if p.is_empty() || (p.len() > 1 && p.starts_with('0')) {
                return None;
            }
            p.parse().ok()
        };
        let v = Version {
            major: next()?,
            minor: next()?,
            patch: next()?,
        };
        parts.next().is_none().then_some(v)
    }

    /// Whether going from `self` to `next` may carry breaking changes: a major bump, or a minor
    /// bump while below 1.0.
    pub fn allows_breaking(self, next: Version) -> bool {
        if self.major == 0 {
            next.major > 0 || next.minor > self.minor
        } else {
            next.major > self.major
        }
    }

    /// The smallest version after `self` that may carry breaking changes.
    pub fn next_breaking(self) -> Version {
        if self.major == 0 {
            Version {
                major: 0,
                minor: self.minor + 1,
                patch: 0,
            }
        } else {
            Version {
                major: self.major + 1,
                minor: 0,
                patch: 0,
            }
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

#[cfg(test)]
mod tests {
    use super::Version;

    #[test]
    fn parses_and_orders() {
        let v = |s| Version::parse(s).unwrap();
        assert!(v("0.10.0") > v("0.9.3"));
        for bad in ["1.0", "1.0.0-rc1", "01.0.0", "a.b.c", "1.0.0.0", ""] {
            assert_eq!(Version::parse(bad), None, "{bad}");
        }
        assert!(v("0.1.0").allows_breaking(v("0.2.0")));
        assert!(!v("0.1.0").allows_breaking(v("0.1.1")));
        assert!(v("0.9.0").allows_breaking(v("1.0.0")));
        assert!(!v("1.2.0").allows_breaking(v("1.3.0")));
        assert!(v("1.2.0").allows_breaking(v("2.0.0")));
        assert_eq!(v("0.1.4").next_breaking(), v("0.2.0"));
        assert_eq!(v("1.1.4").next_breaking(), v("2.0.0"));
    }
}
