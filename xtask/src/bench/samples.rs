//! The line format the bench binaries and the Python baseline print, so one parser reads all
//! of them: `bench-sample<TAB>name<TAB>seconds` for one round's figure and
//! `bench-info<TAB>key<TAB>value` for counts and versions. Anything else is ignored (cargo's
//! and the tools' own chatter).

use std::collections::BTreeMap;

use super::stats::Summary;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Samples {
    /// Per-round values in seconds, by name, in the order printed.
    pub values: BTreeMap<String, Vec<f64>>,
    pub info: BTreeMap<String, String>,
}

impl Samples {
    pub fn parse(output: &str) -> Result<Samples, String> {
        let mut samples = Samples::default();
        for (n, line) in output.lines().enumerate() {
            let mut fields = line.split('\t');
            match fields.next() {
                Some("bench-sample") => {
                    let (Some(name), Some(value), None) =
                        (fields.next(), fields.next(), fields.next())
                    else {
                        return Err(format!("line {}: expected 3 fields: {line}", n + 1));
                    };
                    let value: f64 = value
                        .parse()
                        .map_err(|e| format!("line {}: `{value}` is not a number: {e}", n + 1))?;
                    samples
                        .values
                        .entry(name.to_owned())
                        .or_default()
                        .push(value);
                }
                Some("bench-info") => {
                    let (Some(key), Some(value)) = (fields.next(), fields.next()) else {
                        return Err(format!("line {}: expected 3 fields: {line}", n + 1));
                    };
                    samples.info.insert(key.to_owned(), value.to_owned());
                }
                _ => {}
            }
        }
        Ok(samples)
    }

    pub fn summary(&self, name: &str) -> Option<Summary> {
        self.values.get(name).and_then(|v| Summary::of(v))
    }

    pub fn info(&self, key: &str) -> Option<&str> {
        self.info.get(key).map(String::as_str)
    }
}

/// One sample line, as the bench binaries print it.
pub fn sample_line(name: &str, seconds: f64) -> String {
    format!("bench-sample\t{name}\t{seconds:e}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_samples_and_info_and_ignores_other_lines() {
        let text = format!(
            "   Compiling x\n{}\nbench-info\tpairs\t78\n{}\nnoise\n",
            sample_line("pass", 0.5),
            sample_line("pass", 0.25)
        );
        let s = Samples::parse(&text).unwrap();
        assert_eq!(s.values["pass"], vec![0.5, 0.25]);
        assert_eq!(s.info("pairs"), Some("78"));
        assert_eq!(s.summary("pass").unwrap().median, 0.375);
        assert_eq!(s.summary("missing"), None);
    }

    #[test]
    fn a_malformed_sample_names_its_line() {
        let err = Samples::parse("ok\nbench-sample\tpass\tfast\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        let err = Samples::parse("bench-sample\tpass\n").unwrap_err();
        assert!(err.contains("3 fields"), "{err}");
    }
}
