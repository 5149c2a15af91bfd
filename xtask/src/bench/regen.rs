//! Regeneration: the generation step in process, `cargo xtask gen [--check]` with nothing
//! changed and after a one-field change in the types crate, against `openapi-generator-cli
//! generate -g rust` on the same 3.0.3 documents.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use super::BenchArgs;
use super::env::{Tools, cargo, failure, run_ok, timed};
use super::report::{Row, Section, Unit};
use super::stats::Summary;
use crate::{XtaskError, outputs, stale};

const IN_PROCESS: &str = "generation step in process (build every output + compare with the tree)";
const IN_PROCESS_RELEASE: &str = "the same step, xtask built in release";
const CHECK_UNCHANGED: &str = "`cargo xtask gen --check`, nothing changed";
const GEN_UNCHANGED: &str = "`cargo xtask gen`, nothing changed";
const CHECK_CHANGED: &str = "`cargo xtask gen --check` after a one-field change";
const GEN_CHANGED: &str = "`cargo xtask gen` after a one-field change";
const GENERATOR: &str = "openapi-generator-cli `generate -g rust`, every spec/oas30 document";

/// "Well under a second".
const TARGET_SECONDS: f64 = 0.5;

/// Why the generation step misses its target in the dev profile.
const GENERATION_STEP_MISSED: &str = "Most of the step is progenitor generating the client \
    (typify, `syn` parsing and `prettyplease` formatting more than 1 MB of Rust), then the \
    3.1→3.0.3 conversion and the JSON/YAML rendering. The dev profile already optimises those \
    dependencies (`[profile.dev.package.*]` in Cargo.toml); what is left is allocation and the \
    workspace's own crates, which stay unoptimised so that a change in the types rebuilds fast.";

/// What would make the step meet it.
const GENERATION_STEP_FIX: &str = "Fix: point the `xtask` alias at `run --release` (every \
    rebuild after a change in the types gets slower), or skip progenitor for a document whose \
    3.0.3 rendition did not change since the last run.";

/// Rounds of the one-field change at most: each is two rebuilds of three crates.
const CHANGE_ROUNDS: usize = 3;

/// Where the one-field change is made (in a throwaway copy of the workspace).
const TYPES_FILE: &str = "crates/kindo-types/src/models.rs";
const ANCHOR: &str = "pub struct Model {";

pub fn run(args: &BenchArgs, tools: &Tools) -> Result<Section, XtaskError> {
    let documents = oas30_documents(&args.root)?;
    let (in_process, files) = in_process(&args.root, args.rounds)?;
    let mut rows = vec![Row::new(IN_PROCESS, in_process, Unit::Duration).vs(GENERATOR)];
    let release = if args.quick {
        Err("skipped by --quick".to_owned())
    } else {
        step_in_release(&args.root, args.rounds)
    };
    rows.push(Row::new(IN_PROCESS_RELEASE, release, Unit::Duration).vs(GENERATOR));
    let check = unchanged(&args.root, &["gen", "--check"], args.rounds);
    // `gen` on a stale tree would write into it; it only runs where `--check` found it current.
    let generate = match &check {
        Ok(_) => unchanged(&args.root, &["gen"], args.rounds),
        Err(e) => Err(format!("not run in place: {e}")),
    };
    rows.push(Row::new(CHECK_UNCHANGED, check, Unit::Duration).vs(GENERATOR));
    rows.push(Row::new(GEN_UNCHANGED, generate, Unit::Duration).vs(GENERATOR));
    let (check_changed, gen_changed) = if args.quick {
        let skipped = Err("skipped by --quick".to_owned());
        (skipped.clone(), skipped)
    } else {
        changed(&args.root, args.rounds.min(CHANGE_ROUNDS))
    };
    rows.push(Row::new(CHECK_CHANGED, check_changed, Unit::Duration).vs(GENERATOR));
    rows.push(Row::new(GEN_CHANGED, gen_changed, Unit::Duration).vs(GENERATOR));
    let generator = match &tools.generator {
        Ok(bin) => openapi_generator(bin, &documents, args.rounds),
        Err(e) => Err(e.clone()),
    };
    rows.push(Row::new(GENERATOR, generator, Unit::Duration));
    let names: Vec<String> = documents.iter().map(|d| d.display().to_string()).collect();
    let mut section = Section {
        title: "Regeneration".into(),
        method: format!(
            "Ours builds every 3.1 document from the types, converts it to 3.0.3 and generates \
             the Rust client with progenitor ({files} files), then compares each with the tree; \
             the in-process figure is that step alone, in the profile `cargo xtask` builds \
             ({profile}). The `cargo xtask` figures are wall time including cargo's own \
             up-to-date check and the process start. The one-field change renames a field of \
             `Model` in `{TYPES_FILE}` before every timed run (at most {CHANGE_ROUNDS} rounds) (so kindo-types, kindo-openapi \
             and xtask rebuild and the outputs differ), in a throwaway copy of the workspace \
             whose target folder is seeded with a copy of this one's `debug/`: the working tree \
             is never touched. The baseline runs the generator once per 3.0.3 document (a JVM \
             each), from the same files: {docs}.",
            profile = if cfg!(debug_assertions) {
                "dev, unoptimised"
            } else {
                "release"
            },
            docs = names.join(", ")
        ),
        rows,
        ..Section::default()
    };
    section.notes = notes(&section);
    Ok(section)
}

/// `spec/oas30/*.openapi.json`, sorted.
fn oas30_documents(root: &Path) -> Result<Vec<PathBuf>, XtaskError> {
    let dir = root.join("spec/oas30");
    let entries = fs::read_dir(&dir).map_err(|e| XtaskError::Io {
        path: dir.clone(),
        message: e.to_string(),
    })?;
    let mut docs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| PathBuf::from("spec/oas30").join(e.file_name()))
        .filter(|p| p.to_string_lossy().ends_with(".openapi.json"))
        .collect();
    docs.sort();
    Ok(docs)
}

/// The generation step as `gen` runs it (outputs, then the comparison), in this process.
fn in_process(root: &Path, rounds: usize) -> Result<(Result<Summary, String>, usize), XtaskError> {
    let (times, files) = in_process_samples(root, rounds)?;
    Ok((Summary::of(&times).ok_or("no rounds".into()), files))
}

/// Per-round times of the generation step (after a warm-up), and the number of outputs.
fn in_process_samples(root: &Path, rounds: usize) -> Result<(Vec<f64>, usize), XtaskError> {
    let mut times = Vec::new();
    let mut files = 0;
    for round in 0..=rounds {
        let start = Instant::now();
        let outputs = outputs(root)?;
        let stale = stale(root, &outputs)?;
        let elapsed = start.elapsed().as_secs_f64();
        files = outputs.len();
        std::hint::black_box(stale);
        if round > 0 {
            times.push(elapsed);
        }
    }
    Ok((times, files))
}

/// Prints one `generation_step` sample per round (for [`step_in_release`]).
pub fn print_step(args: &BenchArgs) -> Result<(), XtaskError> {
    let (summary, _) = in_process_samples(&args.root, args.rounds)?;
    for seconds in summary {
        println!("{}", super::sample_line("generation_step", seconds));
    }
    Ok(())
}

/// The generation step timed by a release build of this command (built first if needed).
fn step_in_release(root: &Path, rounds: usize) -> Result<Summary, String> {
    eprintln!("bench: generation step in a release build of xtask (built first if needed)");
    let mut command = cargo();
    command
        .args([
            "run",
            "--quiet",
            "--release",
            "--locked",
            "-p",
            "xtask",
            "--",
        ])
        .args([
            "bench",
            "--generation-step-only",
            "--rounds",
            &rounds.to_string(),
        ])
        .arg("--root")
        .arg(root)
        .current_dir(root);
    let (_, output) = timed(&mut command)?;
    if !output.status.success() {
        return Err(failure(&command, &output));
    }
    super::Samples::parse(&String::from_utf8_lossy(&output.stdout))?
        .summary("generation_step")
        .ok_or_else(|| "printed no `generation_step` sample".into())
}

/// `cargo xtask <args>` in `root` with nothing changed: must exit 0 every time.
fn unchanged(root: &Path, args: &[&str], rounds: usize) -> Result<Summary, String> {
    let mut times = Vec::new();
    for round in 0..=rounds {
        let mut command = cargo();
        command.arg("xtask").args(args).current_dir(root);
        let (elapsed, output) = timed(&mut command)?;
        if !output.status.success() {
            return Err(failure(&command, &output));
        }
        if round > 0 {
            times.push(elapsed);
        }
    }
    Summary::of(&times).ok_or_else(|| "no rounds".into())
}

/// `Model` with one extra field named after `n` (so every step changes one field).
pub fn with_probe(original: &str, n: usize) -> Result<String, String> {
    let at = original
        .find(ANCHOR)
        .ok_or_else(|| format!("{TYPES_FILE}: `{ANCHOR}` not found"))?
        + ANCHOR.len();
    Ok(format!(
        "{}\n    /// Benchmark probe {n} (`cargo xtask bench`, throwaway copy only).\n    \
         #[serde(default, skip_serializing_if = \"Option::is_none\")]\n    \
         pub bench_probe_{n}: Option<String>,{}",
        &original[..at],
        &original[at..]
    ))
}

/// Times `gen --check` and `gen` after one-field changes, in a copy of the workspace.
fn changed(root: &Path, rounds: usize) -> (Result<Summary, String>, Result<Summary, String>) {
    match changed_in_copy(root, rounds) {
        Ok((check, generate)) => (
            Summary::of(&check).ok_or_else(|| "no rounds".into()),
            Summary::of(&generate).ok_or_else(|| "no rounds".into()),
        ),
        Err(e) => (Err(e.clone()), Err(e)),
    }
}

fn changed_in_copy(root: &Path, rounds: usize) -> Result<(Vec<f64>, Vec<f64>), String> {
    let tmp = tempfile::Builder::new()
        .prefix("xtask-bench-copy")
        .tempdir()
        .map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    let copy = tmp.path().join("workspace");
    let target = tmp.path().join("target");
    eprintln!("bench: copying the workspace to {}", copy.display());
    copy_workspace(root, &copy)?;
    let source_target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    if source_target.join("debug").is_dir() {
        fs::create_dir_all(&target).map_err(|e| format!("{}: {e}", target.display()))?;
        run_ok(
            Command::new("cp")
                .arg("-a")
                .arg(source_target.join("debug"))
                .arg(target.join("debug")),
        )?;
    }
    let file = copy.join(TYPES_FILE);
    let original = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let xtask = |args: &[&str]| {
        let mut command = cargo();
        command
            .arg("xtask")
            .args(args)
            .current_dir(&copy)
            .env("CARGO_TARGET_DIR", &target);
        let (elapsed, output) = timed(&mut command)?;
        Ok::<_, String>((elapsed, output.status.code(), command, output))
    };
    let mut step = 0;
    let mut edit = || {
        step += 1;
        with_probe(&original, step)
            .and_then(|text| fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display())))
    };
    // Warm-up: builds the copy's workspace crates once (their paths differ from the original's).
    eprintln!("bench: building the copy (warm-up)");
    edit()?;
    let (_, code, command, output) = xtask(&["gen"])?;
    if code != Some(0) {
        return Err(failure(&command, &output));
    }
    let (mut check, mut generate) = (Vec::new(), Vec::new());
    for round in 1..=rounds {
        eprintln!("bench: one-field change, round {round}/{rounds}");
        edit()?;
        let (elapsed, code, command, output) = xtask(&["gen", "--check"])?;
        if code != Some(1) {
            return Err(format!(
                "expected `gen --check` to report stale files (exit 1) after the change: {}",
                failure(&command, &output)
            ));
        }
        check.push(elapsed);
        edit()?;
        let (elapsed, code, command, output) = xtask(&["gen"])?;
        if code != Some(0) {
            return Err(failure(&command, &output));
        }
        generate.push(elapsed);
    }
    Ok((check, generate))
}

/// Copies the files git knows of (tracked, and untracked but not ignored) to `to`.
fn copy_workspace(root: &Path, to: &Path) -> Result<(), String> {
    let listing = run_ok(Command::new("git").arg("-C").arg(root).args([
        "ls-files",
        "-z",
        "--cached",
        "--others",
        "--exclude-standard",
    ]))?;
    for name in listing.stdout.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name);
        let from = root.join(name.as_ref());
        if !from.is_file() {
            continue; // deleted in the working tree
        }
        let dest = to.join(name.as_ref());
        if let Some(dir) = dest.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::copy(&from, &dest).map_err(|e| format!("{}: {e}", from.display()))?;
    }
    Ok(())
}

/// Runs the generator on every document per round (fresh output folders each time).
fn openapi_generator(bin: &Path, documents: &[PathBuf], rounds: usize) -> Result<Summary, String> {
    let out = tempfile::Builder::new()
        .prefix("xtask-bench-openapi-generator")
        .tempdir()
        .map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    let root = crate::workspace_root().map_err(|e| e.to_string())?;
    let mut times = Vec::new();
    for round in 0..=rounds {
        eprintln!("bench: openapi-generator, round {round}/{rounds}");
        let mut total = 0.0;
        for (i, doc) in documents.iter().enumerate() {
            let dest = out.path().join(format!("{round}-{i}"));
            let mut command = Command::new(bin);
            command
                .args(["generate", "-g", "rust", "-i"])
                .arg(doc)
                .arg("-o")
                .arg(&dest)
                .current_dir(&root);
            let (elapsed, output) = timed(&mut command)?;
            if !output.status.success() {
                return Err(failure(&command, &output));
            }
            total += elapsed;
            let _ = fs::remove_dir_all(&dest);
        }
        if round > 0 {
            times.push(total);
        }
    }
    Summary::of(&times).ok_or_else(|| "no rounds".into())
}

/// Whether the generation step met its target, and why not where it did not.
fn notes(section: &Section) -> Vec<String> {
    let mut notes = Vec::new();
    let target = "Target (the generation step well under a second with nothing to rebuild)";
    let Some(dev) = section.figure(IN_PROCESS) else {
        return notes;
    };
    if dev.median < TARGET_SECONDS {
        notes.push(format!("{target}: **met**, {:.0} ms.", dev.median * 1e3));
        return notes;
    }
    let release = section.figure(IN_PROCESS_RELEASE);
    let mut note = format!(
        "{target}: **missed** as `cargo xtask` runs it, {:.0} ms. {GENERATION_STEP_MISSED}",
        dev.median * 1e3
    );
    if let Some(r) = release {
        let verdict = if r.median < TARGET_SECONDS {
            "meets"
        } else {
            "misses"
        };
        note.push_str(&format!(
            " The same step in a release build takes {:.0} ms ({verdict} the target).",
            r.median * 1e3
        ));
    }
    note.push(' ');
    note.push_str(GENERATION_STEP_FIX);
    notes.push(note);
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_is_one_field_inside_model() {
        let original = "pub struct Other {}\npub struct Model {\n    pub id: String,\n}\n";
        let one = with_probe(original, 1).unwrap();
        let two = with_probe(original, 2).unwrap();
        assert!(
            one.contains("pub struct Model {\n    /// Benchmark probe 1"),
            "{one}"
        );
        assert!(one.contains("pub bench_probe_1: Option<String>,\n    pub id: String,"));
        assert_eq!(one.matches("pub bench_probe_").count(), 1);
        assert_ne!(one, two);
        assert!(
            with_probe("pub struct Other {}", 1)
                .unwrap_err()
                .contains(ANCHOR)
        );
    }

    fn section(dev: f64, release: Option<f64>) -> Section {
        let figure = |s: f64| Ok(Summary::of(&[s]).unwrap());
        let mut rows = vec![Row::new(IN_PROCESS, figure(dev), Unit::Duration)];
        if let Some(r) = release {
            rows.push(Row::new(IN_PROCESS_RELEASE, figure(r), Unit::Duration));
        }
        Section {
            rows,
            ..Section::default()
        }
    }

    #[test]
    fn notes_say_met_or_missed_and_why() {
        let met = notes(&section(0.12, None));
        assert_eq!(met.len(), 1);
        assert!(met[0].contains("**met**, 120 ms"), "{met:?}");
        let missed = notes(&section(1.2, Some(0.25)));
        assert!(missed[0].contains("**missed** as `cargo xtask` runs it, 1200 ms"));
        assert!(missed[0].contains("release build takes 250 ms (meets the target)"));
        assert!(missed[0].contains("Fix:"), "{missed:?}");
        assert!(notes(&Section::default()).is_empty());
    }
}
