//! `cargo xtask release <document> <version>`: freezes the current document as a released
//! contract, with a changelog section generated from its diff against the previous release.

pub mod changelog;
pub mod sha256;
pub mod store;
pub mod version;

use std::path::{Path, PathBuf};

use crate::diff::gate::{judge, version_of};
use crate::diff::report::text_lines;
use crate::{Output, XtaskError, write_all};
use store::read_json;
use version::Version;

pub const USAGE: &str = "usage: cargo xtask release <document> <version> [--root <dir>]";

#[derive(Debug)]
pub struct ReleaseArgs {
    pub document: String,
    pub version: Version,
    pub root: PathBuf,
}

pub fn parse(args: &[String]) -> Result<ReleaseArgs, XtaskError> {
    let usage = |m: &str| XtaskError::Usage(format!("{m} ({USAGE})"));
    let (root, args) = crate::cli::take_root(args, USAGE)?;
    let mut positional = Vec::new();
    for a in &args {
        match a.as_str() {
            flag if flag.starts_with('-') => return Err(usage(&format!("unknown flag `{flag}`"))),
            _ => positional.push(a.clone()),
        }
    }
    let [document, version] = positional.as_slice() else {
        return Err(usage("expected a document and a version"));
    };
    let version = Version::parse(version)
        .ok_or_else(|| usage(&format!("`{version}` is not MAJOR.MINOR.PATCH")))?;
    let root = crate::cli::root_or_nearest(root)?;
    Ok(ReleaseArgs {
        document: document.clone(),
        version,
        root,
    })
}

/// Writes the release; returns 0, or 1 when the gate refuses it (nothing is written then).
pub fn run(args: &ReleaseArgs) -> Result<u8, XtaskError> {
    let (root, name, version) = (&args.root, args.document.as_str(), args.version);
    let current_path = root.join(format!("spec/{name}.openapi.json"));
    if !current_path.exists() {
        return Err(XtaskError::Input(format!(
            "spec/{name}.openapi.json: no such document"
        )));
    }
    let text = std::fs::read_to_string(&current_path).map_err(|e| XtaskError::Io {
        path: current_path.clone(),
        message: e.to_string(),
    })?;
    let current = read_json(&current_path)?;
    if version_of(&current) != Some(version) {
        return Err(XtaskError::Input(format!(
            "spec/{name}.openapi.json: info.version is {}, not {version}: set the version in the \
             registry (crates/kindo-openapi/src/lib.rs) and run `cargo xtask gen` first",
            current
                .pointer("/info/version")
                .map_or("missing".into(), |v| v.to_string())
        )));
    }
    if root.join(store::released_path(name, version)).exists() {
        return Err(XtaskError::Input(format!(
            "{}: already released; released contracts are never rewritten",
            store::released_path(name, version).display()
        )));
    }
    let previous = store::latest(root, name)?;
    let section = match &previous {
        None => changelog::first_section(version, &current),
        Some((prev, old)) => {
            let j = judge(*prev, old, &current);
            if let Some(problem) = j.problem {
                eprint!("{}", text_lines(&j.changes));
                eprintln!("error: cannot release {name} {version}: {problem}");
                return Ok(1);
            }
            changelog::section(version, *prev, &j.changes)
        }
    };
    let log = changelog::with_section(
        &read_optional(root, &store::changelog_path(name))?,
        name,
        &section,
    );
    let released = store::released_path(name, version);
    let entry = (
        sha256::hex_digest(text.as_bytes()),
        format!("{name}/{version}.openapi.json"),
    );
    let outputs = vec![
        Output {
            path: released.clone(),
            contents: text,
        },
        Output {
            path: store::changelog_path(name),
            contents: log,
        },
        Output {
            path: PathBuf::from(store::MANIFEST),
            contents: store::manifest_with(root, entry)?,
        },
    ];
    for path in write_all(root, &outputs)? {
        println!("wrote {}", path.display());
    }
    println!("released {name} {version}");
    Ok(0)
}

fn read_optional(root: &Path, rel: &Path) -> Result<String, XtaskError> {
    match std::fs::read_to_string(root.join(rel)) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(XtaskError::Io {
            path: root.join(rel),
            message: e.to_string(),
        }),
    }
}
