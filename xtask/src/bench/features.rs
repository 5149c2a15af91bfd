//! What each client feature set costs to build: kindo-client's documents are cargo features
//! (`api`, `llm`, `koda`, one per registry entry), so a team calling one API compiles one
//! generated client. The dependencies are built once in a fresh target folder (TLS off, the
//! same for every set); then, per set, kindo-client alone is removed from it and rebuilt, which
//! isolates the part the features change. A set's clean build is the two added up.

use std::path::Path;

use super::env::{cargo, failure, scratch, timed};
use super::{BenchArgs, Row, Section, Summary, Unit};
use crate::XtaskError;

/// The sets measured: every document alone, then all of them (the default, TLS aside).
fn sets() -> Vec<String> {
    let modules: Vec<&str> = kindo_openapi::REGISTRY
        .iter()
        .map(|r| r.client_module)
        .collect();
    let mut sets: Vec<String> = modules.iter().map(|m| (*m).to_owned()).collect();
    sets.push(modules.join(","));
    sets
}

/// `cargo build -p kindo-client --no-default-features [--features <set>]` into `target`,
/// after removing kindo-client's own artifacts when `clean_crate`; the wall time.
fn build(root: &Path, target: &Path, features: &str, clean_crate: bool) -> Result<f64, String> {
    if clean_crate {
        let mut clean = cargo();
        clean
            .args(["clean", "--locked", "-p", "kindo-client"])
            .current_dir(root)
            .env("CARGO_TARGET_DIR", target);
        let (_, output) = timed(&mut clean)?;
        if !output.status.success() {
            return Err(failure(&clean, &output));
        }
    }
    let mut command = cargo();
    command
        .args([
            "build",
            "--locked",
            "-p",
            "kindo-client",
            "--no-default-features",
        ])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target);
    if !features.is_empty() {
        command.args(["--features", features]);
    }
    let (elapsed, output) = timed(&mut command)?;
    if !output.status.success() {
        return Err(failure(&command, &output));
    }
    Ok(elapsed)
}

fn label(set: &str) -> String {
    format!("kindo-client alone, features `{set}` (dev build, dependencies built)")
}

/// The section; every figure is one build (minutes each on 2 cores), so `--quick` skips it.
pub fn run(args: &BenchArgs) -> Result<Section, XtaskError> {
    let mut section = Section {
        title: "Client build per feature set".into(),
        method: "A fresh target folder; `cargo build -p kindo-client --no-default-features` \
                 first (every dependency, and the hand-written layer without any generated \
                 client), then per feature set `cargo clean -p kindo-client` and \
                 `cargo build -p kindo-client --no-default-features --features <set>`. Dev \
                 profile, the environment's CARGO_* settings, one build per figure."
            .into(),
        rows: Vec::new(),
        facts: Vec::new(),
        notes: Vec::new(),
    };
    if args.quick {
        section.notes.push("skipped by --quick".into());
        return Ok(section);
    }
    let target = scratch("features")?;
    eprintln!("bench: dependencies of kindo-client (clean dev build)");
    let base = build(&args.root, target.path(), "", false);
    let figure = |r: &Result<f64, String>| {
        r.clone()
            .and_then(|s| Summary::of(&[s]).ok_or_else(|| "no figure".to_owned()))
    };
    section.rows.push(Row::new(
        "dependencies + kindo-client without a generated client (clean dev build)",
        figure(&base),
        Unit::Duration,
    ));
    for set in sets() {
        eprintln!("bench: kindo-client with features `{set}`");
        let alone = build(&args.root, target.path(), &set, true);
        section
            .rows
            .push(Row::new(label(&set), figure(&alone), Unit::Duration));
        let total = match (&base, &alone) {
            (Ok(b), Ok(a)) => format!("{:.1} s", b + a),
            _ => "not measured".into(),
        };
        section
            .facts
            .push((format!("clean build with features `{set}`"), total));
    }
    Ok(section)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_set_per_registered_document_then_all_of_them() {
        let sets = sets();
        assert_eq!(sets.len(), kindo_openapi::REGISTRY.len() + 1);
        for (set, entry) in sets.iter().zip(kindo_openapi::REGISTRY) {
            assert_eq!(set, entry.client_module);
        }
        assert_eq!(sets.last().unwrap(), "api,llm,koda");
    }
}
