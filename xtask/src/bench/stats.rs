//! Summaries of repeated measurements: the median is the figure reported, min and max show the
//! spread, and ratios compare medians.

/// What was measured, in seconds per round (or per call, per pass: the unit is the caller's).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub rounds: usize,
}

impl Summary {
    /// `None` for no samples (a leg that did not run has no figure, not a zero).
    pub fn of(samples: &[f64]) -> Option<Summary> {
        if samples.is_empty() || samples.iter().any(|s| !s.is_finite()) {
            return None;
        }
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = if n % 2 == 1 {
            sorted[n / 2]
        } else {
            (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
        };
        Some(Summary {
            median,
            min: sorted[0],
            max: sorted[n - 1],
            rounds: n,
        })
    }
}

/// How many times the baseline's median `ours` is: below 1 means ours is faster. `None` when
/// the baseline is zero or missing.
pub fn ratio(ours: &Summary, baseline: &Summary) -> Option<f64> {
    (baseline.median > 0.0).then(|| ours.median / baseline.median)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        let s = Summary::of(&[3.0, 1.0, 2.0]).unwrap();
        assert_eq!((s.median, s.min, s.max, s.rounds), (2.0, 1.0, 3.0, 3));
        let s = Summary::of(&[4.0, 1.0, 3.0, 2.0]).unwrap();
        assert_eq!((s.median, s.min, s.max, s.rounds), (2.5, 1.0, 4.0, 4));
    }

    #[test]
    fn no_samples_or_nan_gives_no_summary() {
        assert_eq!(Summary::of(&[]), None);
        assert_eq!(Summary::of(&[1.0, f64::NAN]), None);
    }

    #[test]
    fn ratio_divides_medians_and_refuses_a_zero_baseline() {
        let ours = Summary::of(&[1.0, 2.0, 30.0]).unwrap();
        let base = Summary::of(&[8.0]).unwrap();
        assert_eq!(ratio(&ours, &base), Some(0.25));
        let zero = Summary::of(&[0.0]).unwrap();
        assert_eq!(ratio(&ours, &zero), None);
    }
}
