//! Corpus examples against the schema of every media type object they name.

use crate::InputError;
use crate::corpus::Example;
use crate::report::{Check, Outcome, Status};
use crate::spec::Spec;
use crate::target::{Judgement, Slot, judge};

/// Judges every example at every slot it names (slots resolved up front by the caller).
pub fn check(spec: &Spec, examples: &[(Example, Vec<Slot>)]) -> Result<Vec<Outcome>, InputError> {
    let mut out = Vec::new();
    for (example, slots) in examples {
        for slot in slots {
            let doc = &spec.documents[slot.operation.doc];
            let mut o = Outcome::new(
                Check::Example,
                example.path.display().to_string(),
                doc.name.clone(),
                example.target.describe(),
            );
            o.operation = Some(slot.operation.id.clone());
            match judge(spec, slot.operation.doc, &slot.media, &example.value)? {
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
            out.push(o);
        }
    }
    Ok(out)
}
