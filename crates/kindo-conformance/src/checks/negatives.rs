//! Negative examples: each must be rejected, and the first real cause must be reported at
//! `expect_error_at`. Passing, or failing somewhere else, is a failure of the checker or of
//! the schema, and is reported as such.

use crate::InputError;
use crate::corpus::Negative;
use crate::report::{Check, Outcome, Status};
use crate::spec::Spec;
use crate::target::{Judgement, Slot, judge};
use crate::validate::Failure;

use super::slot_outcome;

pub fn check(spec: &Spec, negatives: &[(Negative, Vec<Slot>)]) -> Result<Vec<Outcome>, InputError> {
    let mut out = Vec::new();
    for (negative, slots) in negatives {
        for slot in slots {
            let mut o = slot_outcome(
                spec,
                Check::Negative,
                &negative.path,
                &negative.target,
                slot,
            );
            let expected = &negative.expect_error_at;
            match judge(spec, slot.operation.doc, &slot.media, &negative.value)? {
                Judgement::Conforms => {
                    o.status = Status::Fail;
                    o.failures = vec![Failure::new(
                        expected.clone(),
                        "negative",
                        format!(
                            "was accepted, but must be rejected ({})",
                            negative.description
                        ),
                    )];
                }
                Judgement::Fails(failures) if failures[0].pointer == *expected => {
                    o.note = Some(format!("rejected as expected: {}", failures[0].describe()));
                }
                Judgement::Fails(failures) => {
                    o.status = Status::Fail;
                    let first = &failures[0];
                    o.failures = vec![Failure::new(
                        first.pointer.clone(),
                        "negative",
                        format!(
                            "rejected at {} instead of {expected}: {}",
                            display_pointer(&first.pointer),
                            first.message
                        ),
                    )];
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

fn display_pointer(p: &str) -> &str {
    if p.is_empty() { "(root)" } else { p }
}
