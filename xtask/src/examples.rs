//! gen refuses an example its own schema rejects: each corpus example is judged against the
//! documents about to be written, with the conformance checker's own rules (JSON bodies against
//! their schema, every SSE frame against the event schema), so a broken example is never
//! published.

use std::path::{Path, PathBuf};

use kindo_conformance::corpus::load_examples;
use kindo_conformance::spec::{Document, Spec};
use kindo_conformance::target::{Judgement, judge, resolve};
use kindo_wire::corpus::layout;

use crate::XtaskError;

/// Exit 3 naming the first example (relative to `root`), its operation and target, and the
/// JSON pointer of the first real cause.
pub fn check(root: &Path, documents: &[kindo_openapi::Document]) -> Result<(), XtaskError> {
    let input = |e: kindo_conformance::InputError| XtaskError::Input(e.to_string());
    let spec_dir = root.join("spec");
    let in_memory = documents
        .iter()
        .map(|d| Document {
            name: d.name.to_owned(),
            path: PathBuf::from(format!("spec/{}.openapi.json", d.name)),
            value: d.value.clone(),
        })
        .collect();
    let spec = Spec::from_documents(&spec_dir, in_memory).map_err(input)?;
    let examples = layout::examples_dir(&root.join(layout::DIR));
    for example in load_examples(&examples).map_err(input)? {
        let file = example.path.strip_prefix(root).unwrap_or(&example.path);
        for slot in resolve(&spec, &example.path, &example.target).map_err(input)? {
            let judgement =
                judge(&spec, slot.operation.doc, &slot.media, &example.value).map_err(input)?;
            if let Judgement::Fails(failures) = judgement {
                return Err(XtaskError::Input(format!(
                    "{}: the example does not conform to its schema ({} `{}`, {}): {}",
                    file.display(),
                    spec.documents[slot.operation.doc].name,
                    slot.operation.id,
                    example.target.describe(),
                    failures[0].describe()
                )));
            }
        }
    }
    Ok(())
}
