//! `cargo xtask bench`: times regeneration, conformance and the client against the tools a
//! user would pick instead, on this machine, and writes the figures to `BENCHMARKS.md`.
//!
//! Every comparison runs a warm-up round, then `--rounds` measured rounds; the report gives
//! median, min and max per figure and the ratio of medians against the baseline. Baseline tools
//! (a Python venv with `jsonschema` and `openapi-generator-cli`) are installed into a temporary
//! folder that is removed when the command ends.

mod client;
mod conformance;
mod diff;
mod env;
mod features;
mod load;
mod mock;
mod regen;
mod report;
mod samples;
mod stats;

use std::path::PathBuf;

use crate::{XtaskError, workspace_root};

pub use report::{Report, Row, Section, Unit};
pub use samples::{Samples, sample_line};
pub use stats::{Summary, ratio};

pub const USAGE: &str = "usage: cargo xtask bench [--quick] [--only mock|diff|features] [--rounds <n>] [--root <dir>] [--no-write]";

/// What the command line asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchArgs {
    /// Skip the slow parts: the one-field-change rebuilds, the openapi-generator baseline and
    /// the clean builds.
    pub quick: bool,
    /// Measured rounds per figure (after one warm-up round).
    pub rounds: usize,
    pub root: PathBuf,
    /// Write `BENCHMARKS.md` (off with `--no-write`: print only).
    pub write: bool,
    /// Internal (`--generation-step-only`): only time the in-process generation step and print
    /// its samples; how the bench measures a release build of itself.
    pub step_only: bool,
    /// `--only mock`: run just the mock-server comparison and print it (never written: the
    /// report holds every section).
    pub only_mock: bool,
    /// `--only diff`: just the breaking-change diff against openapi-diff, printed.
    pub only_diff: bool,
    /// `--only features`: just the client's build time per feature set, printed.
    pub only_features: bool,
}

/// Parses the arguments after `bench`.
pub fn parse(args: &[String]) -> Result<BenchArgs, XtaskError> {
    let usage = |message: String| XtaskError::Usage(format!("{message} ({USAGE})"));
    let mut parsed = BenchArgs {
        quick: false,
        rounds: 5,
        root: workspace_root()?,
        write: true,
        step_only: false,
        only_mock: false,
        only_diff: false,
        only_features: false,
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--quick" => parsed.quick = true,
            "--no-write" => parsed.write = false,
            "--generation-step-only" => parsed.step_only = true,
            "--only" => match iter.next().map(String::as_str) {
                Some("mock") => parsed.only_mock = true,
                Some("diff") => parsed.only_diff = true,
                Some("features") => parsed.only_features = true,
                other => {
                    return Err(usage(format!(
                        "`--only {}`: the sections run alone are `mock`, `diff` and `features`",
                        other.unwrap_or("")
                    )));
                }
            },
            "--rounds" => {
                let n = iter
                    .next()
                    .ok_or_else(|| usage("`--rounds` needs a number".into()))?;
                parsed.rounds = match n.parse::<usize>() {
                    Ok(n) if (1..=100).contains(&n) => n,
                    _ => return Err(usage(format!("`--rounds {n}`: expected 1 to 100"))),
                };
            }
            "--root" => {
                let dir = iter
                    .next()
                    .ok_or_else(|| usage("`--root` needs a directory".into()))?;
                parsed.root = PathBuf::from(dir);
            }
            "help" | "--help" | "-h" => return Err(XtaskError::Usage(USAGE.into())),
            other => return Err(usage(format!("unknown flag `{other}` for `bench`"))),
        }
    }
    Ok(parsed)
}

/// Runs every comparison, prints the report and (unless `--no-write`) writes `BENCHMARKS.md`.
pub fn run(args: &BenchArgs) -> Result<u8, XtaskError> {
    if args.step_only {
        return regen::print_step(args).map(|()| 0);
    }
    if args.only_features {
        let report = Report {
            environment: env::facts(&args.root, &env::Tools::install(true)),
            command: "cargo xtask bench --only features".into(),
            sections: vec![features::run(args)?],
        };
        println!("{}", report.render());
        return Ok(0);
    }
    let only = args.only_mock || args.only_diff;
    let tools = env::Tools::install(args.quick || only);
    let mut sections = Vec::new();
    if !only {
        eprintln!("bench: regeneration");
        sections.push(regen::run(args, &tools)?);
        eprintln!("bench: conformance");
        sections.push(conformance::run(args, &tools)?);
        eprintln!("bench: client overhead");
        sections.push(client::run(args)?);
        eprintln!("bench: client build per feature set");
        sections.push(features::run(args)?);
    }
    if !args.only_diff {
        eprintln!("bench: mock server");
        sections.push(mock::run(args)?);
    }
    if !args.only_mock {
        eprintln!("bench: breaking-change diff");
        sections.push(diff::run(args)?);
    }
    let mut command = String::from("cargo xtask bench");
    if args.quick {
        command.push_str(" --quick");
    }
    if args.only_mock {
        command.push_str(" --only mock");
    }
    if args.only_diff {
        command.push_str(" --only diff");
    }
    if args.rounds != 5 {
        command.push_str(&format!(" --rounds {}", args.rounds));
    }
    let report = Report {
        environment: env::facts(&args.root, &tools),
        command,
        sections,
    };
    let text = report.render();
    println!("{text}");
    if args.write && !only {
        // The same staged, all-or-nothing writer `gen` uses.
        let output = crate::Output {
            path: "BENCHMARKS.md".into(),
            contents: text,
        };
        crate::write_all(&args.root, &[output])?;
        eprintln!("bench: wrote {}", args.root.join("BENCHMARKS.md").display());
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<BenchArgs, XtaskError> {
        parse(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn defaults_run_everything_and_write_the_report() {
        let a = args(&[]).unwrap();
        assert!(!a.quick && a.write);
        assert_eq!(a.rounds, 5);
        assert_eq!(a.root, workspace_root().unwrap());
    }

    #[test]
    fn flags_are_read() {
        let a = args(&["--quick", "--rounds", "3", "--root", "/x", "--no-write"]).unwrap();
        assert_eq!(
            a,
            BenchArgs {
                quick: true,
                rounds: 3,
                root: PathBuf::from("/x"),
                write: false,
                step_only: false,
                only_mock: false,
                only_diff: false,
                only_features: false,
            }
        );
    }

    #[test]
    fn bad_flags_are_usage_errors() {
        for bad in [
            &["--rounds"][..],
            &["--rounds", "0"],
            &["--rounds", "many"],
            &["--root"],
            &["--check"],
            &["--only"],
            &["--only", "regen"],
        ] {
            let err = args(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
            assert!(err.to_string().contains("cargo xtask bench"), "{err}");
        }
    }
}
