//! `cargo xtask oas30 <in.json> <out.json>`: the 3.0.3 rendition of any 3.1 file, by the same
//! conversion `gen` publishes under `spec/oas30/` (for 3.0-only tools, e.g. to run them on a
//! released contract or on the diff fixtures).

use std::path::PathBuf;

use crate::diff::cli::read_document;
use crate::{Output, XtaskError, outputs::json, write_all};

pub const USAGE: &str = "usage: cargo xtask oas30 <in.json> <out.json>";

pub fn run(args: &[String]) -> Result<u8, XtaskError> {
    let [input, output] = args else {
        return Err(XtaskError::Usage(USAGE.into()));
    };
    let doc = read_document(&PathBuf::from(input))?;
    let converted = kindo_openapi::oas30::to_oas30(&doc)
        .map_err(|e| XtaskError::Input(format!("{input}: {e}")))?;
    let out = PathBuf::from(output);
    let (dir, file) = match (out.parent(), out.file_name()) {
        (Some(d), Some(f)) => (d.to_path_buf(), PathBuf::from(f)),
        _ => return Err(XtaskError::Usage(USAGE.into())),
    };
    write_all(
        &dir,
        &[Output {
            path: file,
            contents: json(&converted)?,
        }],
    )?;
    Ok(0)
}
