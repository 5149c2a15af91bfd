//! Command-line handling for `cargo xtask`.

use std::path::PathBuf;

use crate::{GenLock, XtaskError, apply, orphans, outputs, stale, workspace_root};

pub const USAGE: &str = "usage: cargo xtask <gen|bench|diff|release|docs|oas30|help> [...] \
(`cargo xtask help` lists them; `cargo xtask <command> --help` shows one)";

/// `cargo xtask help` (also `--help`, `-h`, `gen --help`): printed on stdout, exit 0.
pub const HELP: &str = "\
cargo xtask: workspace automation

USAGE:
    cargo xtask gen [--check] [--root <dir>]
    cargo xtask bench [--quick] [--only mock|diff] [--rounds <n>] [--root <dir>] [--no-write]
    cargo xtask diff [OLD NEW] [--format text|markdown|json] [--root <dir>] | diff --rules
    cargo xtask release <document> <version> [--root <dir>]
    cargo xtask docs [--out <dir>] [--root <dir>] [--open [--port <n>] [--for <seconds>]]
    cargo xtask oas30 <in.json> <out.json>
    cargo xtask help | <command> --help

gen      regenerate spec/ (3.1 documents, spec/oas30/ renditions, spec/documents.json) and
         crates/kindo-client/src/generated/ from the types and the corpus (corpus/examples/);
         removes orphaned *.openapi.json|yaml under spec/ and spec/oas30/ (corpus/ is input,
         never an orphan). All or nothing: a failed
         run leaves every file as it was. One run at a time per workspace (a second waits).
         --check   write nothing; exit 1 naming every stale or orphaned file, or a document
                   whose version does not match its changes since its latest release
         --root    the workspace to read the corpus from and write to (default: the nearest
                   directory at or above the current one whose Cargo.toml has [workspace]);
                   the same for every command that takes it
bench    time regeneration, conformance, the client, the mock server and the diff against the
         tools a user would pick instead; writes BENCHMARKS.md
diff     what changed between two documents (default: every document against its latest
         release), each change with a rule id and a level; exit 1 when any is ERR
release  keep the current document as a released version and add its changelog section
docs     render the API reference and Postman collections into a static site
oas30    write the 3.0.3 rendition of one 3.1 document

EXIT CODES (gen):
    0  done / up to date
    1  --check: stale or orphaned files, or versions that do not match the changes
    2  bad command line
    3  inconsistent types, documents or example corpus (an example its schema rejects, ...)
    4  a file could not be read or written (nothing was changed)
";

/// What to print for a help request, if `args` is one: the whole help for `help`, `--help`,
/// `-h` and `gen --help`; a subcommand's usage line for `<command> --help` (or `-h`) and
/// `help <command>`.
pub fn help(args: &[String]) -> Option<String> {
    let asks = |rest: &[String]| rest.iter().any(|a| a == "--help" || a == "-h");
    let usage = |command: &str| -> Option<String> {
        let line = match command {
            "gen" => return Some(HELP.to_owned()),
            "bench" => crate::bench::USAGE,
            "diff" => crate::diff::cli::USAGE,
            "release" => crate::release::USAGE,
            "docs" => crate::docs::USAGE,
            "oas30" => crate::convert::USAGE,
            _ => return None,
        };
        Some(format!("{line}\n"))
    };
    match args.first().map(String::as_str) {
        Some("help") => match args.get(1) {
            Some(command) => usage(command),
            None => Some(HELP.to_owned()),
        },
        Some("--help" | "-h") => Some(HELP.to_owned()),
        Some(command) if asks(&args[1..]) => usage(command),
        _ => None,
    }
}

/// `--root <dir>` out of a subcommand's arguments (at most once), and the arguments left.
/// Every command that works on a workspace takes it the same way.
pub fn take_root(
    args: &[String],
    usage: &str,
) -> Result<(Option<PathBuf>, Vec<String>), XtaskError> {
    let mut root = None;
    let mut rest = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg != "--root" {
            rest.push(arg.clone());
            continue;
        }
        let dir = iter
            .next()
            .ok_or_else(|| XtaskError::Usage(format!("`--root` needs a directory ({usage})")))?;
        if root.replace(PathBuf::from(dir)).is_some() {
            return Err(XtaskError::Usage(format!("`--root` given twice ({usage})")));
        }
    }
    Ok((root, rest))
}

/// The workspace `--root` named, else the nearest one at or above the current directory.
pub fn root_or_nearest(root: Option<PathBuf>) -> Result<PathBuf, XtaskError> {
    match root {
        Some(root) => Ok(root),
        None => workspace_root(),
    }
}

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub struct GenArgs {
    pub check: bool,
    pub root: PathBuf,
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
    let rest: Vec<String> = iter.cloned().collect();
    let (root, rest) = take_root(&rest, USAGE)?;
    let mut check = false;
    for arg in &rest {
        match arg.as_str() {
            "--check" => check = true,
            other => {
                return Err(XtaskError::Usage(format!(
                    "unknown flag `{other}` for `gen` ({USAGE})"
                )));
            }
        }
    }
    let root = root_or_nearest(root)?;
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
