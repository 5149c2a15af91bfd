//! `cargo xtask docs [--open]`: a static, self-contained API reference built from the published
//! files in `spec/` only. Pages are rendered by our own templates (no JavaScript, no external
//! resource), the Postman files are generated from the same documents, and the output is a
//! pure function of `spec/`: the same input gives byte-identical files.

mod examples;
mod html;
mod index;
mod postman;
mod reference;
mod schema;
mod serve;
mod source;
mod streams;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use crate::XtaskError;

pub use serve::Server;

pub const USAGE: &str =
    "usage: cargo xtask docs [--out <dir>] [--root <dir>] [--open [--port <n>] [--for <seconds>]]";

/// HTTP methods that make an operation, in the order OpenAPI lists them.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The members of a JSON object; none when `value` is absent or not an object.
pub(crate) fn members(value: Option<&Value>) -> impl Iterator<Item = (&String, &Value)> {
    value.and_then(Value::as_object).into_iter().flatten()
}

/// The operations of a path item, in document order.
pub(crate) fn operations_of(item: &Value) -> impl Iterator<Item = (&str, &Value)> {
    item.as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| METHODS.contains(&k.as_str()))
        .map(|(k, v)| (k.as_str(), v))
}

/// A document's operations grouped by their first tag: `(tag, its description, items)` in the
/// order of the document's `tags`, then any tag it does not list, then untagged ones
/// ("Other"); `item` makes each entry from `(path, method, operation)`. Groups left empty are
/// dropped. The reference pages and the Postman folders are both laid out this way.
pub(crate) fn by_tag<'a, T>(
    doc: &'a Value,
    mut item: impl FnMut(&'a str, &'a str, &'a Value) -> T,
) -> Vec<(String, String, Vec<T>)> {
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    let mut groups: Vec<(String, String, Vec<T>)> = doc
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|t| (text(t, "name"), text(t, "description"), Vec::new()))
        .collect();
    for (path, path_item) in members(doc.get("paths")) {
        for (method, op) in operations_of(path_item) {
            let tag = op
                .pointer("/tags/0")
                .and_then(Value::as_str)
                .unwrap_or("Other");
            let index = match groups.iter().position(|g| g.0 == tag) {
                Some(i) => i,
                None => {
                    groups.push((tag.to_owned(), String::new(), Vec::new()));
                    groups.len() - 1
                }
            };
            groups[index].2.push(item(path, method, op));
        }
    }
    groups.retain(|g| !g.2.is_empty());
    groups
}

/// A downloadable file of the site.
#[derive(Debug, Clone)]
pub struct Download {
    pub label: String,
    /// Link from a page at the site root.
    pub href: String,
    /// Where it comes from (or how it was made).
    pub file: String,
}

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub struct DocsArgs {
    pub root: PathBuf,
    pub out: Option<PathBuf>,
    pub open: bool,
    pub port: u16,
    pub serve_for: Duration,
}

impl DocsArgs {
    /// The site directory: `--out`, else `target/docs` under the root.
    pub fn out_dir(&self) -> PathBuf {
        self.out
            .clone()
            .unwrap_or_else(|| self.root.join("target").join("docs"))
    }
}

/// Parses the arguments after `docs`.
pub fn parse(args: &[String]) -> Result<DocsArgs, XtaskError> {
    let (root, args) = crate::cli::take_root(args, USAGE)?;
    let mut parsed = DocsArgs {
        root: PathBuf::new(),
        out: None,
        open: false,
        port: 8765,
        serve_for: Duration::from_secs(600),
    };
    let mut iter = args.iter();
    let usage = |m: String| XtaskError::Usage(format!("{m} ({USAGE})"));
    while let Some(arg) = iter.next() {
        let mut value = |flag: &str| {
            iter.next()
                .cloned()
                .ok_or_else(|| usage(format!("`{flag}` needs a value")))
        };
        match arg.as_str() {
            "--open" => parsed.open = true,
            "--out" => parsed.out = Some(PathBuf::from(value("--out")?)),
            "--port" => {
                let v = value("--port")?;
                parsed.port = v
                    .parse()
                    .map_err(|_| usage(format!("`--port {v}` is not a port number")))?;
            }
            "--for" => {
                let v = value("--for")?;
                let secs: u64 = v
                    .parse()
                    .ok()
                    .filter(|s| *s > 0)
                    .ok_or_else(|| usage(format!("`--for {v}` is not a number of seconds")))?;
                parsed.serve_for = Duration::from_secs(secs);
            }
            other => return Err(usage(format!("unknown flag `{other}` for `docs`"))),
        }
    }
    parsed.root = crate::cli::root_or_nearest(root)?;
    Ok(parsed)
}

/// Every file of the site, `(path inside the site, contents)`, sorted by path.
pub fn build(root: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, XtaskError> {
    let documents = source::load(root)?;
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut cards = Vec::new();
    for document in &documents {
        let mut downloads = Vec::new();
        let labels = [
            "OpenAPI 3.1 JSON",
            "OpenAPI 3.1 YAML",
            "OpenAPI 3.0.3 JSON",
            "OpenAPI 3.0.3 YAML",
        ];
        for ((path, bytes), label) in document.downloads.iter().zip(labels) {
            let site_path = Path::new("downloads").join(path.strip_prefix("spec").unwrap_or(path));
            downloads.push(Download {
                label: label.into(),
                href: site_path.to_string_lossy().into_owned(),
                file: path.to_string_lossy().into_owned(),
            });
            files.push((site_path, bytes.clone()));
        }
        let collection_path = format!("downloads/{}.postman_collection.json", document.name);
        files.push((
            PathBuf::from(&collection_path),
            pretty(&postman::collection(&document.doc)),
        ));
        downloads.push(Download {
            label: "Postman collection".into(),
            href: collection_path,
            file: "generated from the 3.1 JSON".into(),
        });
        for (slug, environment) in postman::environments(&document.doc) {
            let path = format!(
                "downloads/{}.{slug}.postman_environment.json",
                document.name
            );
            let name = environment["name"].as_str().unwrap_or("").to_owned();
            files.push((PathBuf::from(&path), pretty(&environment)));
            downloads.push(Download {
                label: "Postman environment".into(),
                href: path,
                file: name,
            });
        }
        if let Some(text) = &document.changelog {
            files.push((
                PathBuf::from(index::changelog_page_name(&document.name)),
                index::changelog_page(document, text).into_bytes(),
            ));
            files.push((
                PathBuf::from(format!("downloads/{}.CHANGELOG.md", document.name)),
                text.clone().into_bytes(),
            ));
        }
        files.push((
            PathBuf::from(index::reference_page_name(&document.name)),
            reference::reference_page(document, &downloads).into_bytes(),
        ));
        cards.push((document, downloads));
    }
    files.push((
        PathBuf::from("index.html"),
        index::index_page(&cards).into_bytes(),
    ));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(value).expect("JSON values serialise");
    text.push('\n');
    text.into_bytes()
}

/// Replaces `out` with the site: written to a sibling directory first, then swapped in, so a
/// failure leaves the previous site (or nothing) rather than a mix.
pub fn write_site(out: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<(), XtaskError> {
    let io = |path: &Path, e: std::io::Error| XtaskError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "docs".into());
    let parent = out.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
    let staging = parent.join(format!(".{name}.xtask-tmp"));
    let old = parent.join(format!(".{name}.xtask-old"));
    for dir in [&staging, &old] {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(|e| io(dir, e))?;
        }
    }
    let result = (|| {
        for (path, bytes) in files {
            let full = staging.join(path);
            let dir = full.parent().expect("site files live in a directory");
            fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
            fs::write(&full, bytes).map_err(|e| io(&full, e))?;
        }
        if out.exists() {
            fs::rename(out, &old).map_err(|e| io(out, e))?;
        }
        fs::rename(&staging, out).map_err(|e| io(out, e))
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
        if old.exists() && !out.exists() {
            let _ = fs::rename(&old, out);
        }
    } else if old.exists() {
        fs::remove_dir_all(&old).map_err(|e| io(&old, e))?;
    }
    result
}

/// Runs `docs`; returns the process exit code.
pub fn run(args: &DocsArgs) -> Result<u8, XtaskError> {
    let files = build(&args.root)?;
    let out = args.out_dir();
    write_site(&out, &files)?;
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
    {
        println!("{:>9} bytes  {}", bytes.len(), out.join(path).display());
    }
    println!(
        "xtask: {} files in {}; open {}",
        files.len(),
        out.display(),
        out.join("index.html").display()
    );
    if args.open {
        let server = Server::bind(&out, args.port)?;
        println!(
            "serving http://{}/ for {} s (Ctrl-C to stop)",
            server.addr(),
            args.serve_for.as_secs()
        );
        use std::io::Write;
        let _ = std::io::stdout().flush();
        server.serve_for(args.serve_for);
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace_root;

    fn args(list: &[&str]) -> Result<DocsArgs, XtaskError> {
        parse(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn parses_open_port_and_duration() {
        let a = args(&["--open", "--port", "0", "--for", "30", "--out", "/tmp/site"]).unwrap();
        assert!(a.open);
        assert_eq!(a.port, 0);
        assert_eq!(a.serve_for, Duration::from_secs(30));
        assert_eq!(a.out_dir(), PathBuf::from("/tmp/site"));
        let d = args(&[]).unwrap();
        assert!(!d.open);
        assert_eq!(d.out_dir(), workspace_root().unwrap().join("target/docs"));
    }

    #[test]
    fn rejects_bad_flags_with_usage_errors() {
        for bad in [
            &["--port", "70000"][..],
            &["--for", "0"],
            &["--for"],
            &["--serve"],
        ] {
            let err = args(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
            assert!(err.to_string().contains("usage: cargo xtask docs"), "{err}");
        }
    }
}
