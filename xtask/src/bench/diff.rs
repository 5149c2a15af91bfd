//! The diff: `cargo xtask diff`'s comparison of every document against its latest release,
//! against Atlassian's openapi-diff (npm, pinned) on the same pair. openapi-diff reads 3.0.x
//! only, so both legs compare the 3.0.3 renditions (the release converted as `gen` converts,
//! against `spec/oas30/`); ours on the 3.1 pair is shown beside it. Both legs start from the two
//! files' text in memory (parse and compare); openapi-diff runs in one node process per pair
//! (`diffSpecs`), bounded in time, since it needs minutes on the largest document.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::BenchArgs;
use super::env::run_ok;
use super::report::{Row, Section, Unit};
use super::samples::Samples;
use super::stats::Summary;
use crate::XtaskError;
use crate::diff::{Level, compare};
use crate::release::store;

/// The baseline, as `.ci/gates/openapi-diff.sh` pins it.
pub const OPENAPI_DIFF: &str = "openapi-diff@0.24.1";

/// Times `diffSpecs` on one pair: `node <script> <module> <old> <new> <rounds>`.
const NODE_SCRIPT: &str = r#"
const fs = require("fs");
const [moduleDir, oldFile, newFile, rounds] = process.argv.slice(2);
const { diffSpecs } = require(moduleDir);
(async () => {
  const [a, b] = [oldFile, newFile].map((f) => fs.readFileSync(f, "utf8"));
  for (let i = 0; i < Number(rounds); i++) {
    const t = process.hrtime.bigint();
    const out = await diffSpecs({
      sourceSpec: { content: a, location: oldFile, format: "openapi3" },
      destinationSpec: { content: b, location: newFile, format: "openapi3" },
    });
    console.log(`bench-sample\ttheirs\t${Number(process.hrtime.bigint() - t) / 1e9}`);
    const n = (out.breakingDifferences || []).length + out.nonBreakingDifferences.length + out.unclassifiedDifferences.length;
    console.log(`bench-info\tbreaking\t${out.breakingDifferencesFound}`);
    console.log(`bench-info\tdifferences\t${n}`);
  }
})().catch((e) => { console.error(String(e && e.message)); process.exit(1); });
"#;

struct Pair {
    name: String,
    old30: String,
    new30: String,
    old31: String,
    new31: String,
}

pub fn run(args: &BenchArgs) -> Result<Section, XtaskError> {
    let tmp = tempfile::Builder::new()
        .prefix("xtask-bench-diff")
        .tempdir()
        .map_err(|e| XtaskError::Input(format!("cannot create a temporary folder: {e}")))?;
    let pairs = pairs(&args.root)?;
    let baseline = install(tmp.path());
    // openapi-diff takes minutes on kindo-api: one round each, capped.
    let cap = Duration::from_secs(if args.quick { 60 } else { 300 });
    let mut rows = Vec::new();
    let mut facts = Vec::new();
    let mut notes = Vec::new();
    for pair in &pairs {
        eprintln!("bench: diff of {} against its release", pair.name);
        let (ours30, found30) = ours(&pair.old30, &pair.new30, args.rounds);
        let (ours31, found31) = ours(&pair.old31, &pair.new31, args.rounds);
        let theirs = baseline.as_ref().map_err(Clone::clone).and_then(|module| {
            let dir = tmp.path().join(&pair.name);
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            let (old, new) = (dir.join("old.json"), dir.join("new.json"));
            std::fs::write(&old, &pair.old30).map_err(|e| e.to_string())?;
            std::fs::write(&new, &pair.new30).map_err(|e| e.to_string())?;
            let script = tmp.path().join("time-diff.js");
            std::fs::write(&script, NODE_SCRIPT).map_err(|e| e.to_string())?;
            bounded(
                Command::new("node")
                    .arg(&script)
                    .arg(module)
                    .arg(&old)
                    .arg(&new)
                    .arg("1"),
                cap,
            )
        });
        let ours_label = format!("ours, {} (3.0.3 pair)", pair.name);
        let theirs_label = format!("openapi-diff, {} (3.0.3 pair)", pair.name);
        rows.push(Row::new(&ours_label, Ok(ours30), Unit::Duration).vs(&theirs_label));
        let theirs_figure = theirs.as_ref().map_err(Clone::clone).and_then(|s| {
            s.summary("theirs")
                .ok_or_else(|| "printed no `theirs` sample".to_owned())
        });
        if let (Err(why), Some(ours)) = (
            &theirs_figure,
            rows.last().and_then(|r| r.figure.clone().ok()),
        ) && why.starts_with("no result within")
        {
            notes.push(format!(
                "{}: openapi-diff gave no result within the {} s cap, so ours is at \
                 least {:.0}× faster there ({} vs more than {} s).",
                pair.name,
                cap.as_secs(),
                cap.as_secs_f64() / ours.median,
                super::report::format_value(ours.median, Unit::Duration),
                cap.as_secs()
            ));
        }
        rows.push(Row::new(&theirs_label, theirs_figure, Unit::Duration));
        rows.push(Row::new(
            format!("ours, {} (3.1 pair)", pair.name),
            Ok(ours31),
            Unit::Duration,
        ));
        let theirs_info = theirs.as_ref().ok().map_or("-".to_owned(), |s| {
            format!(
                "breaking {}, {} differences",
                s.info("breaking").unwrap_or("-"),
                s.info("differences").unwrap_or("-")
            )
        });
        facts.push((
            format!("{}: what each found", pair.name),
            format!("ours {found30} (3.0.3), {found31} (3.1); openapi-diff {theirs_info}"),
        ));
    }
    Ok(Section {
        title: "Breaking-change diff".into(),
        method: format!(
            "Every document against its latest release in `spec/released/`. Ours: \
             `xtask::diff::compare` in process on the two files' text (parse both, compare), \
             {} measured rounds after a warm-up. Baseline: {OPENAPI_DIFF} (npm, into a \
             throwaway folder), `diffSpecs` on the same text in one node process per pair \
             (node's start and module load not counted), one round, stopped after {} s. \
             openapi-diff reads 3.0.x only, so the ratio compares the 3.0.3 renditions. \
             xtask was built {}.",
            args.rounds,
            cap.as_secs(),
            if cfg!(debug_assertions) {
                "unoptimised (the `cargo xtask` alias); a release build is faster still"
            } else {
                "in release"
            }
        ),
        rows,
        facts,
        notes,
    })
}

/// Each published document with a release: its release and itself, as 3.1 and 3.0.3 text.
fn pairs(root: &Path) -> Result<Vec<Pair>, XtaskError> {
    let mut out = Vec::new();
    for name in crate::diff::cli::published(root)? {
        let Some(version) = store::versions(root, &name)?.pop() else {
            continue;
        };
        let read = |rel: &Path| -> Result<String, XtaskError> {
            std::fs::read_to_string(root.join(rel))
                .map_err(|e| XtaskError::Input(format!("{}: cannot read: {e}", rel.display())))
        };
        let old31 = read(&store::released_path(&name, version))?;
        let new31 = read(Path::new(&format!("spec/{name}.openapi.json")))?;
        let new30 = read(Path::new(&format!("spec/oas30/{name}.openapi.json")))?;
        let released: Value = serde_json::from_str(&old31)
            .map_err(|e| XtaskError::Input(format!("{name} {version}: not JSON: {e}")))?;
        let converted = kindo_openapi::oas30::to_oas30(&released)
            .map_err(|e| XtaskError::Input(format!("{name} {version}: {e}")))?;
        out.push(Pair {
            name,
            old30: converted.to_string(),
            new30,
            old31,
            new31,
        });
    }
    Ok(out)
}

/// Our median time over `rounds` (after a warm-up), and what it found.
fn ours(old: &str, new: &str, rounds: usize) -> (Summary, String) {
    let mut samples = Vec::new();
    let mut found = String::new();
    for round in 0..=rounds {
        let start = Instant::now();
        let a: Value = serde_json::from_str(old).unwrap_or(Value::Null);
        let b: Value = serde_json::from_str(new).unwrap_or(Value::Null);
        let changes = compare(&a, &b);
        let took = start.elapsed().as_secs_f64();
        if round > 0 {
            samples.push(took);
        }
        let count = |l: Level| changes.iter().filter(|c| c.level == l).count();
        found = format!(
            "{} ERR, {} WARN, {} INFO",
            count(Level::Err),
            count(Level::Warn),
            count(Level::Info)
        );
    }
    (Summary::of(&samples).expect("at least one round"), found)
}

/// Installs openapi-diff into `dir`; its module directory, or why not.
fn install(dir: &Path) -> Result<std::path::PathBuf, String> {
    eprintln!("bench: installing {OPENAPI_DIFF} (npm) into a throwaway folder");
    run_ok(
        Command::new("npm")
            .args([
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--no-save",
            ])
            .arg(OPENAPI_DIFF)
            .current_dir(dir),
    )?;
    Ok(dir.join("node_modules/openapi-diff"))
}

/// Runs `command`, stopping it after `cap`; its samples, or why there are none.
fn bounded(command: &mut Command, cap: Duration) -> Result<Samples, String> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run node: {e}"))?;
    let start = Instant::now();
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => {
                let mut out = String::new();
                let mut err = String::new();
                if let Some(mut s) = child.stdout.take() {
                    let _ = s.read_to_string(&mut out);
                }
                if let Some(mut s) = child.stderr.take() {
                    let _ = s.read_to_string(&mut err);
                }
                if !status.success() {
                    return Err(format!(
                        "openapi-diff failed ({status}): {}",
                        err.lines().next().unwrap_or("")
                    ));
                }
                return Samples::parse(&out);
            }
            None if start.elapsed() >= cap => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("no result within {} s", cap.as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}
