//! Rendering the results as Markdown, printed and written to `BENCHMARKS.md`.

use std::fmt::Write as _;

use super::stats::{Summary, ratio};

/// How a row's values (always seconds) are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A duration of a whole step: µs below a millisecond, ms below a second, else s.
    Duration,
    /// A duration per call or per item: µs.
    Micros,
}

/// One measured figure of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    /// `Err(reason)` when the leg could not run (the reason is printed instead of figures).
    pub figure: Result<Summary, String>,
    pub unit: Unit,
    /// Label of the row this one is compared with (in the same section).
    pub baseline: Option<String>,
}

impl Row {
    pub fn new(label: impl Into<String>, figure: Result<Summary, String>, unit: Unit) -> Row {
        Row {
            label: label.into(),
            figure,
            unit,
            baseline: None,
        }
    }

    pub fn vs(mut self, baseline: impl Into<String>) -> Row {
        self.baseline = Some(baseline.into());
        self
    }
}

/// One comparison: what it measures, its rows, plain facts (counts, versions), and notes
/// (targets met or missed, and why).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    pub title: String,
    pub method: String,
    pub rows: Vec<Row>,
    pub facts: Vec<(String, String)>,
    pub notes: Vec<String>,
}

impl Section {
    pub fn figure(&self, label: &str) -> Option<&Summary> {
        self.rows
            .iter()
            .find(|r| r.label == label)
            .and_then(|r| r.figure.as_ref().ok())
    }

    /// `ours / baseline` medians, where both ran.
    pub fn ratio(&self, ours: &str, baseline: &str) -> Option<f64> {
        ratio(self.figure(ours)?, self.figure(baseline)?)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Machine and tool facts, in order (cores, date, rustc, ...).
    pub environment: Vec<(String, String)>,
    pub command: String,
    pub sections: Vec<Section>,
}

pub fn format_value(seconds: f64, unit: Unit) -> String {
    match unit {
        Unit::Micros => format!("{:.1} µs", seconds * 1e6),
        Unit::Duration if seconds < 1e-3 => format!("{:.0} µs", seconds * 1e6),
        Unit::Duration if seconds < 1.0 => format!("{:.1} ms", seconds * 1e3),
        Unit::Duration => format!("{seconds:.2} s"),
    }
}

/// `0.05× (20.0× faster)`, `1.03× (3.0% slower)`.
pub fn format_ratio(r: f64) -> String {
    if r < 1.0 {
        let faster = 1.0 / r;
        if faster >= 1.1 {
            format!("{r:.3}× ({faster:.1}× faster)")
        } else {
            format!("{r:.3}× ({:.1}% faster)", (1.0 - r) * 100.0)
        }
    } else if r < 1.1 {
        format!("{r:.3}× ({:.1}% slower)", (r - 1.0) * 100.0)
    } else {
        format!("{r:.2}× ({r:.1}× slower)")
    }
}

impl Report {
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# Benchmarks\n\n");
        let _ = writeln!(
            out,
            "Written by `{}` (never by hand): medians over the rounds shown, after a warm-up \
             round; a ratio is our median divided by the baseline's (below 1 is faster).\n",
            self.command
        );
        out.push_str("| environment | |\n|---|---|\n");
        for (k, v) in &self.environment {
            let _ = writeln!(out, "| {k} | {v} |");
        }
        for section in &self.sections {
            out.push('\n');
            out.push_str(&render_section(section));
        }
        out
    }
}

fn render_section(section: &Section) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n\n{}\n", section.title, section.method);
    out.push_str("| measurement | median | min | max | rounds | vs baseline |\n");
    out.push_str("|---|---:|---:|---:|---:|---|\n");
    for row in &section.rows {
        let vs = match (&row.baseline, &row.figure) {
            (Some(b), Ok(_)) => match section.ratio(&row.label, b) {
                Some(r) => format!("{} {b}", format_ratio(r)),
                None => format!("{b}: no figure"),
            },
            _ => String::new(),
        };
        match &row.figure {
            Ok(s) => {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {vs} |",
                    row.label,
                    format_value(s.median, row.unit),
                    format_value(s.min, row.unit),
                    format_value(s.max, row.unit),
                    s.rounds
                );
            }
            Err(reason) => {
                let _ = writeln!(out, "| {} | not measured: {reason} | | | | |", row.label);
            }
        }
    }
    if !section.facts.is_empty() {
        out.push('\n');
        for (k, v) in &section.facts {
            let _ = writeln!(out, "- {k}: {v}");
        }
    }
    if !section.notes.is_empty() {
        out.push('\n');
        for note in &section.notes {
            let _ = writeln!(out, "{note}\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[f64]) -> Summary {
        Summary::of(v).unwrap()
    }

    fn section() -> Section {
        Section {
            title: "Conformance".into(),
            method: "Same pairs in both legs.".into(),
            rows: vec![
                Row::new("ours", Ok(s(&[0.001, 0.002, 0.003])), Unit::Duration).vs("python"),
                Row::new("python", Ok(s(&[0.04])), Unit::Duration),
                Row::new("gone", Err("no java".into()), Unit::Duration).vs("python"),
            ],
            facts: vec![("pairs".into(), "78 / 78".into())],
            notes: vec!["Target met.".into()],
        }
    }

    #[test]
    fn units_and_ratios_are_formatted_for_people() {
        assert_eq!(format_value(0.0123, Unit::Duration), "12.3 ms");
        assert_eq!(format_value(2.5, Unit::Duration), "2.50 s");
        assert_eq!(format_value(0.000_321_4, Unit::Duration), "321 µs");
        assert_eq!(format_value(0.000_042_5, Unit::Micros), "42.5 µs");
        assert_eq!(format_ratio(0.05), "0.050× (20.0× faster)");
        assert_eq!(format_ratio(1.03), "1.030× (3.0% slower)");
        assert_eq!(format_ratio(0.98), "0.980× (2.0% faster)");
        assert_eq!(format_ratio(3.0), "3.00× (3.0× slower)");
    }

    #[test]
    fn a_section_renders_rows_ratios_missing_legs_facts_and_notes() {
        let report = Report {
            environment: vec![("cores".into(), "2".into())],
            command: "cargo xtask bench".into(),
            sections: vec![section()],
        };
        let text = report.render();
        assert!(text.starts_with("# Benchmarks\n"), "{text}");
        assert!(text.contains("| cores | 2 |"), "{text}");
        assert!(
            text.contains("| ours | 2.0 ms | 1.0 ms | 3.0 ms | 3 | 0.050× (20.0× faster) python |"),
            "{text}"
        );
        assert!(
            text.contains("| python | 40.0 ms | 40.0 ms | 40.0 ms | 1 |  |"),
            "{text}"
        );
        assert!(text.contains("| gone | not measured: no java |"), "{text}");
        assert!(text.contains("- pairs: 78 / 78"), "{text}");
        assert!(text.contains("Target met."), "{text}");
    }

    #[test]
    fn ratio_needs_both_figures() {
        let section = section();
        assert_eq!(section.ratio("ours", "python"), Some(0.05));
        assert_eq!(section.ratio("gone", "python"), None);
    }
}
