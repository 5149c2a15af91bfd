//! Command-line handling for `cargo xtask`.

use std::path::PathBuf;

use crate::{XtaskError, outputs, stale, workspace_root, write_all};

pub const USAGE: &str = "usage: cargo xtask gen [--check] [--root <dir>] | cargo xtask bench [--quick] [...] \
| cargo xtask diff [OLD NEW] [--format text|markdown|json] | cargo xtask release <document> <version>";

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
        Some("help" | "--help" | "-h") | None => return Err(XtaskError::Usage(USAGE.into())),
        Some(other) => {
            return Err(XtaskError::Usage(format!(
                "unknown command `{other}` ({USAGE})"
            )));
        }
    }
    let mut parsed = GenArgs {
        check: false,
        root: workspace_root(),
    };
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--check" => parsed.check = true,
            "--root" => {
                let dir = iter.next().ok_or_else(|| {
                    XtaskError::Usage(format!("`--root` needs a directory ({USAGE})"))
                })?;
                parsed.root = PathBuf::from(dir);
            }
            other => {
                return Err(XtaskError::Usage(format!(
                    "unknown flag `{other}` for `gen` ({USAGE})"
                )));
            }
        }
    }
    Ok(parsed)
}

/// Runs `gen`; returns the process exit code (0 ok, 1 stale files under `--check`).
pub fn run(args: &GenArgs) -> Result<u8, XtaskError> {
    let outputs = outputs()?;
    if args.check {
        let stale = stale(&args.root, &outputs)?;
        let versions_ok = crate::diff::gate::check(&args.root)?;
        if stale.is_empty() && versions_ok {
            println!("xtask: {} generated files are up to date", outputs.len());
            return Ok(0);
        }
        if stale.is_empty() {
            eprintln!("error: the contract versions do not match the changes (see above)");
            return Ok(1);
        }
        for s in &stale {
            print!("{}", s.diff);
        }
        for s in &stale {
            eprintln!("stale: {} (run `cargo xtask gen`)", s.path.display());
        }
        eprintln!(
            "error: {} of {} generated files are stale",
            stale.len(),
            outputs.len()
        );
        return Ok(1);
    }
    let written = write_all(&args.root, &outputs)?;
    for path in &written {
        println!("wrote {}", path.display());
    }
    println!(
        "xtask: {} generated files, {} rewritten",
        outputs.len(),
        written.len()
    );
    Ok(0)
}
