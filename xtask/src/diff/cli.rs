//! `cargo xtask diff [OLD NEW] [--format text|markdown|json] [--root <dir>]`.
//!
//! Without files: every published document against its latest release. Exit codes: 0 no ERR,
//! 1 some ERR, 2 bad command line, 3 unreadable input.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::report::{Comparison, Format, render};
use super::{compare, has_err};
use crate::release::store;
use crate::{XtaskError, workspace_root};

pub const USAGE: &str = "usage: cargo xtask diff [OLD NEW] [--format text|markdown|json] [--root <dir>] | cargo xtask diff --rules";

#[derive(Debug)]
pub struct DiffArgs {
    pub files: Option<(PathBuf, PathBuf)>,
    pub format: Format,
    pub root: PathBuf,
    /// Print the rule catalog instead of comparing.
    pub rules: bool,
}

pub fn parse(args: &[String]) -> Result<DiffArgs, XtaskError> {
    let usage = |m: &str| XtaskError::Usage(format!("{m} ({USAGE})"));
    let (root, args) = crate::cli::take_root(args, USAGE)?;
    let mut positional = Vec::new();
    let mut format = Format::Text;
    let mut rules = false;
    let mut iter = args.iter();
    while let Some(a) = iter.next() {
        match a.as_str() {
            "--rules" => rules = true,
            "--format" => {
                let f = iter
                    .next()
                    .ok_or_else(|| usage("`--format` needs a value"))?;
                format = Format::parse(f).ok_or_else(|| usage(&format!("unknown format `{f}`")))?;
            }
            flag if flag.starts_with('-') => return Err(usage(&format!("unknown flag `{flag}`"))),
            _ => positional.push(PathBuf::from(a)),
        }
    }
    let files = match positional.len() {
        0 => None,
        2 => Some((positional[0].clone(), positional[1].clone())),
        _ => {
            return Err(usage(
                "give two files, or none to compare with the releases",
            ));
        }
    };
    // Two named files need no workspace; the releases do.
    let root = match (root, &files) {
        (Some(root), _) => root,
        (None, Some(_)) => workspace_root().unwrap_or_else(|_| PathBuf::from(".")),
        (None, None) => crate::cli::root_or_nearest(None)?,
    };
    Ok(DiffArgs {
        files,
        format,
        root,
        rules,
    })
}

/// Reads an OpenAPI document (JSON, or YAML by extension). Any failure is exit 3.
pub fn read_document(path: &Path) -> Result<Value, XtaskError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| XtaskError::Input(format!("{}: cannot read: {e}", path.display())))?;
    let yaml = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    let value: Value = if yaml {
        yaml_serde::from_str(&text)
            .map_err(|e| XtaskError::Input(format!("{}: not YAML: {e}", path.display())))?
    } else {
        serde_json::from_str(&text)
            .map_err(|e| XtaskError::Input(format!("{}: not JSON: {e}", path.display())))?
    };
    if value.get("openapi").and_then(Value::as_str).is_none() {
        return Err(XtaskError::Input(format!(
            "{}: not an OpenAPI document (no `openapi` field)",
            path.display()
        )));
    }
    Ok(value)
}

/// The names of the published documents (`spec/<name>.openapi.json`), sorted; an unreadable
/// `spec/` is unreadable input (exit 3).
pub fn published(root: &Path) -> Result<Vec<String>, XtaskError> {
    super::gate::published(root).map_err(|e| match e {
        XtaskError::Io { path, message } => {
            XtaskError::Input(format!("{}: cannot read: {message}", path.display()))
        }
        other => other,
    })
}

/// Every published document against its latest release.
pub fn against_releases(root: &Path) -> Result<Vec<Comparison>, XtaskError> {
    let mut out = Vec::new();
    for name in published(root)? {
        let Some(v) = store::versions(root, &name)?.pop() else {
            eprintln!("note: {name} has no released version");
            continue;
        };
        let old_rel = store::released_path(&name, v);
        let new_rel = PathBuf::from(format!("spec/{name}.openapi.json"));
        let old = read_document(&root.join(&old_rel))?;
        let new = read_document(&root.join(&new_rel))?;
        out.push(Comparison {
            old: old_rel.display().to_string(),
            new: new_rel.display().to_string(),
            changes: compare(&old, &new),
        });
    }
    Ok(out)
}

pub fn run(args: &DiffArgs) -> Result<u8, XtaskError> {
    if args.rules {
        for r in super::rules::catalog() {
            println!("{:<4} {} - {}", r.level.as_str(), r.id, r.summary);
        }
        return Ok(0);
    }
    let comparisons = match &args.files {
        Some((old_path, new_path)) => {
            let old = read_document(old_path)?;
            let new = read_document(new_path)?;
            vec![Comparison {
                old: old_path.display().to_string(),
                new: new_path.display().to_string(),
                changes: compare(&old, &new),
            }]
        }
        None => against_releases(&args.root)?,
    };
    print!("{}", render(&comparisons, args.format));
    let breaking = comparisons.iter().any(|c| has_err(&c.changes));
    Ok(u8::from(breaking))
}
