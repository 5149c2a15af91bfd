//! Command-line handling for `cargo xtask`.

use std::path::PathBuf;

use crate::{GenLock, XtaskError, apply, orphans, outputs, stale, workspace_root};

pub const USAGE: &str = "usage: cargo xtask gen [--check] [--root <dir>] | cargo xtask bench [--quick] [...] \
| cargo xtask diff [OLD NEW] [--format text|markdown|json] | cargo xtask release <document> <version>";

/// `cargo xtask help` (also `--help`, `-h`, `gen --help`): printed on stdout, exit 0.
pub const HELP: &str = "\
cargo xtask: workspace automation

USAGE:
    cargo xtask gen [--check] [--root <dir>]
    cargo xtask bench [--quick] [--rounds <n>] [--root <dir>] [--no-write]
    cargo xtask help

gen      regenerate spec/ (3.1 documents, spec/oas30/ renditions, spec/documents.json) and
         crates/kindo-client/src/generated/ from the types and spec/examples/; removes
         orphaned *.openapi.json|yaml under spec/ and spec/oas30/. All or nothing: a failed
         run leaves every file as it was. One run at a time per workspace (a second waits).
         --check   write nothing; exit 1 naming every stale or orphaned file
         --root    the workspace to read the corpus from and write to (default: the nearest
                   directory at or above the current one whose Cargo.toml has [workspace])
bench    time regeneration, conformance and the client; writes BENCHMARKS.md

EXIT CODES (gen):
    0  done / up to date
    1  --check: stale or orphaned files
    2  bad command line
    3  inconsistent types, documents or example corpus (an example its schema rejects, ...)
    4  a file could not be read or written (nothing was changed)
";

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub struct GenArgs {
    pub check: bool,
    pub root: PathBuf,
}

/// Whether `args` asks for help (`help`, `--help`, `-h`, or `gen --help`).
pub fn wants_help(args: &[String]) -> bool {
    match args.first().map(String::as_str) {
        Some("help" | "--help" | "-h") => true,
        Some("gen") => args[1..].iter().any(|a| a == "--help" || a == "-h"),
        _ => false,
    }
}

/// Parses `gen [--check] [--root <dir>]`.
pub fn parse(args: &[String]) -> Result<GenArgs, XtaskError> {
    let mut iter = args.iter();
    match iter.next().map(String::as_str) {
        Some("gen") => {}
        None => return Err(XtaskError::Usage(format!("no command given ({USAGE})"))),
        Some(other) => {
            return Err(XtaskError::Usage(format!(
                "unknown command `{other}` ({USAGE})"
            )));
        }
    }
    let mut check = false;
    let mut root = None;
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--root" => {
                let dir = iter.next().ok_or_else(|| {
                    XtaskError::Usage(format!("`--root` needs a directory ({USAGE})"))
                })?;
                root = Some(PathBuf::from(dir));
            }
            other => {
                return Err(XtaskError::Usage(format!(
                    "unknown flag `{other}` for `gen` ({USAGE})"
                )));
            }
        }
    }
    let root = match root {
        Some(root) => root,
        None => workspace_root()?,
    };
    Ok(GenArgs { check, root })
}

/// Runs `gen`; returns the process exit code (0 ok, 1 stale or orphaned files under `--check`).
pub fn run(args: &GenArgs) -> Result<u8, XtaskError> {
    if args.check {
        return check(args);
    }
    let _lock = GenLock::acquire(&args.root)?;
    let outputs = outputs(&args.root)?;
    let orphans = orphans(&args.root, &outputs)?;
    let applied = apply(&args.root, &outputs, &orphans)?;
    for path in &applied.written {
        println!("wrote {}", path.display());
    }
    for path in &applied.removed {
        println!(
            "removed {} (no registered document produces it)",
            path.display()
        );
    }
    println!(
        "xtask: {} generated files, {} rewritten, {} orphans removed",
        outputs.len(),
        applied.written.len(),
        applied.removed.len()
    );
    Ok(0)
}

fn check(args: &GenArgs) -> Result<u8, XtaskError> {
    let outputs = outputs(&args.root)?;
    let stale = stale(&args.root, &outputs)?;
    let orphans = orphans(&args.root, &outputs)?;
    let versions_ok = crate::diff::gate::check(&args.root)?;
    if stale.is_empty() && orphans.is_empty() {
        if versions_ok {
            println!("xtask: {} generated files are up to date", outputs.len());
            return Ok(0);
        }
        eprintln!("error: the contract versions do not match the changes (see above)");
        return Ok(1);
    }
    for s in &stale {
        print!("{}", s.diff);
    }
    for s in &stale {
        eprintln!("stale: {} (run `cargo xtask gen`)", s.path.display());
    }
    for path in &orphans {
        eprintln!(
            "orphan: {} (no registered document produces it; `cargo xtask gen` removes it)",
            path.display()
        );
    }
    eprintln!(
        "error: {} of {} generated files are stale, {} orphaned files",
        stale.len(),
        outputs.len(),
        orphans.len()
    );
    Ok(1)
}
