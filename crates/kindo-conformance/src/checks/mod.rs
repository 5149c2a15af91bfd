//! The offline checks: one module per kind of corpus or rule.

pub mod coverage;
pub mod document_examples;
pub mod examples;
pub mod negatives;

use std::path::Path;

use crate::corpus::Target;
use crate::report::{Check, Outcome, Status};
use crate::spec::Spec;
use crate::target::{Judgement, Slot};

/// The outcome of one corpus file (at `path`, aimed at `target`) judged at `slot`, before its
/// verdict is known.
fn slot_outcome(spec: &Spec, check: Check, path: &Path, target: &Target, slot: &Slot) -> Outcome {
    let doc = &spec.documents[slot.operation.doc];
    let mut o = Outcome::new(
        check,
        path.display().to_string(),
        doc.name.clone(),
        target.describe(),
    );
    o.operation = Some(slot.operation.id.clone());
    o
}

/// Sets the verdict of a payload that must conform: its failures, or why it was skipped.
fn record(o: &mut Outcome, judgement: Judgement) {
    match judgement {
        Judgement::Conforms => {}
        Judgement::Fails(failures) => {
            o.status = Status::Fail;
            o.failures = failures;
        }
        Judgement::Skipped(reason) => {
            o.status = Status::Skip;
            o.note = Some(reason);
        }
    }
}
