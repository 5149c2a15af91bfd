//! Corpus examples against the schema of every media type object they name.

use crate::InputError;
use crate::corpus::Example;
use crate::report::{Check, Outcome};
use crate::spec::Spec;
use crate::target::{Slot, judge};

use super::{record, slot_outcome};

/// Judges every example at every slot it names (slots resolved up front by the caller).
pub fn check(spec: &Spec, examples: &[(Example, Vec<Slot>)]) -> Result<Vec<Outcome>, InputError> {
    let mut out = Vec::new();
    for (example, slots) in examples {
        for slot in slots {
            let mut o = slot_outcome(spec, Check::Example, &example.path, &example.target, slot);
            record(
                &mut o,
                judge(spec, slot.operation.doc, &slot.media, &example.value)?,
            );
            out.push(o);
        }
    }
    Ok(out)
}
