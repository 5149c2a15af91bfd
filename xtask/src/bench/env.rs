//! The machine and the baseline tools: a throwaway Python venv with pinned packages, facts for
//! the report's header, and running commands with a stopwatch.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::XtaskError;

/// Pinned PyPI packages of the baselines.
pub const JSONSCHEMA: &str = "jsonschema==4.26.0";
/// Lets `jsonschema`'s format checker judge `date-time` (as the Rust validator does).
pub const RFC3339: &str = "rfc3339-validator==0.1.4";
/// Its wheel ships the generator's jar, so nothing is fetched at run time.
pub const OPENAPI_GENERATOR: &str = "openapi-generator-cli==7.26.0";

/// The baseline tools, installed into a temporary folder removed on drop. Each is `Err(why)`
/// when it could not be installed: that leg is then reported as not measured.
pub struct Tools {
    _dir: Option<tempfile::TempDir>,
    pub python: Result<PathBuf, String>,
    pub generator: Result<PathBuf, String>,
}

impl Tools {
    pub fn install(quick: bool) -> Tools {
        let dir = match tempfile::Builder::new()
            .prefix("xtask-bench-tools")
            .tempdir()
        {
            Ok(d) => d,
            Err(e) => {
                let why = format!("cannot create a temporary folder: {e}");
                return Tools {
                    _dir: None,
                    python: Err(why.clone()),
                    generator: Err(why),
                };
            }
        };
        let venv = dir.path().join("venv");
        eprintln!("bench: installing {JSONSCHEMA} {RFC3339} into a throwaway venv");
        let python = venv.join("bin/python");
        let made = run_ok(Command::new("python3").args(["-m", "venv"]).arg(&venv))
            .and_then(|_| pip(&venv, &[JSONSCHEMA, RFC3339]))
            .map(|()| python);
        let generator = if quick {
            Err("skipped by --quick".to_owned())
        } else {
            match &made {
                Ok(_) => {
                    eprintln!("bench: installing {OPENAPI_GENERATOR} (ships its jar)");
                    pip(&venv, &[OPENAPI_GENERATOR])
                        .map(|()| venv.join("bin/openapi-generator-cli"))
                }
                Err(e) => Err(e.clone()),
            }
        };
        Tools {
            _dir: Some(dir),
            python: made,
            generator,
        }
    }
}

fn pip(venv: &Path, packages: &[&str]) -> Result<(), String> {
    run_ok(
        Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .args(packages),
    )
    .map(|_| ())
}

/// `cargo`, as the one running xtask.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs `command` to completion, capturing its output; returns the wall time in seconds.
/// Failing to start is an error; the exit status is the caller's to judge.
pub fn timed(command: &mut Command) -> Result<(f64, Output), String> {
    let start = Instant::now();
    let output = command
        .output()
        .map_err(|e| format!("cannot run {}: {e}", describe(command)))?;
    Ok((start.elapsed().as_secs_f64(), output))
}

/// Like [`timed`], but a non-zero exit is an error carrying the end of stderr.
pub fn run_ok(command: &mut Command) -> Result<Output, String> {
    let (_, output) = timed(command)?;
    if output.status.success() {
        Ok(output)
    } else {
        Err(failure(command, &output))
    }
}

/// `<program> failed (exit N): <last lines of stderr>`.
pub fn failure(command: &Command, output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let tail: Vec<&str> = stderr.lines().rev().take(3).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    format!(
        "{} failed ({}): {}",
        describe(command),
        output.status,
        tail.join(" / ")
    )
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args().take(3) {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// The first line a command prints (on stdout or stderr: `java -version` uses stderr).
fn version_of(command: &mut Command) -> String {
    match command.output() {
        Ok(o) => {
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            text.lines().next().unwrap_or("").trim().to_owned()
        }
        Err(e) => format!("unavailable ({e})"),
    }
}

/// The version of a crate in `Cargo.lock` (first match).
pub fn locked_version(root: &Path, name: &str) -> Option<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).ok()?;
    let needle = format!("name = \"{name}\"\n");
    let at = lock.find(&needle)? + needle.len();
    let line = lock[at..].lines().next()?;
    Some(
        line.strip_prefix("version = \"")?
            .trim_end_matches('"')
            .to_owned(),
    )
}

/// Machine and tool facts for the report's header.
pub fn facts(root: &Path, tools: &Tools) -> Vec<(String, String)> {
    let cores = std::thread::available_parallelism()
        .map(|n| n.to_string())
        .unwrap_or_else(|e| format!("unknown ({e})"));
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut facts = vec![
        ("cores".to_owned(), cores),
        ("date".to_owned(), utc(now)),
        (
            "rustc".to_owned(),
            version_of(Command::new("rustc").arg("--version")),
        ),
        (
            "jsonschema (Rust)".to_owned(),
            locked_version(root, "jsonschema").unwrap_or_else(|| "not in Cargo.lock".into()),
        ),
        (
            "reqwest".to_owned(),
            locked_version(root, "reqwest").unwrap_or_else(|| "not in Cargo.lock".into()),
        ),
        (
            "progenitor".to_owned(),
            locked_version(root, "progenitor").unwrap_or_else(|| "not in Cargo.lock".into()),
        ),
    ];
    if let Ok(python) = &tools.python {
        facts.push((
            "python".to_owned(),
            version_of(Command::new(python).arg("--version")),
        ));
        facts.push((
            "Python packages".to_owned(),
            format!("{JSONSCHEMA}, {RFC3339}"),
        ));
    }
    if tools.generator.is_ok() {
        facts.push((
            "java".to_owned(),
            version_of(Command::new("java").arg("-version")),
        ));
        facts.push(("openapi-generator".to_owned(), OPENAPI_GENERATOR.to_owned()));
    }
    facts
}

/// A temporary folder whose name starts `xtask-bench-<name>`, removed when dropped.
pub fn scratch(name: &str) -> Result<tempfile::TempDir, XtaskError> {
    tempfile::Builder::new()
        .prefix(&format!("xtask-bench-{name}"))
        .tempdir()
        .map_err(|e| XtaskError::Io {
            path: std::env::temp_dir(),
            message: e.to_string(),
        })
}

/// `YYYY-MM-DD HH:MM UTC` for seconds since the Unix epoch.
pub fn utc(secs: u64) -> String {
    let rest = secs % 86_400;
    format!(
        "{} {:02}:{:02} UTC",
        crate::civil::date(secs),
        rest / 3_600,
        rest % 3_600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc(1_798_461_296), "2026-12-28 12:34 UTC");
    }

    #[test]
    fn locked_versions_are_read_from_cargo_lock() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("Cargo.lock"),
            "[[package]]\nname = \"jsonschema\"\nversion = \"0.60.2\"\n",
        )
        .unwrap();
        assert_eq!(
            locked_version(dir.path(), "jsonschema").as_deref(),
            Some("0.60.2")
        );
        assert_eq!(locked_version(dir.path(), "reqwest"), None);
    }
}
