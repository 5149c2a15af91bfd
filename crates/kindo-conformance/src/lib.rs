//! Conformance checks against the published Kindo OpenAPI 3.1 documents.
//!
//! The checker reads *files*: the published documents of a spec directory (`*.openapi.json`)
//! and a corpus directory (`examples/`, `negative/`), never code that builds the documents, so
//! it judges exactly what downstream users download. Everything is data-driven: a new operation, example or negative example is
//! picked up without touching this crate.
//!
//! - [`check`] runs the offline checks (corpus examples, document examples, negative examples,
//!   coverage) and returns a [`Report`];
//! - [`live::run`] calls the read-only endpoints of a real deployment and reports drift.

pub mod checks;
pub mod corpus;
pub mod drift;
pub mod error;
pub mod event_table;
pub mod live;
pub mod refs;
pub mod report;
pub mod spec;
pub mod sse;
pub mod target;
pub mod validate;

use std::path::Path;

use kindo_wire::corpus::layout;

pub use error::{InputError, exit};
pub use report::{Check, Outcome, Report, Status, Summary};
pub use spec::Spec;
pub use validate::Failure;

/// Which offline checks to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub examples: bool,
    pub document_examples: bool,
    pub negatives: bool,
    pub coverage: bool,
}

impl Selection {
    pub const ALL: Selection = Selection {
        examples: true,
        document_examples: true,
        negatives: true,
        coverage: true,
    };
    pub const COVERAGE: Selection = Selection {
        examples: false,
        document_examples: false,
        negatives: false,
        coverage: true,
    };
}

/// Everything the offline checks read, loaded and resolved: bad input surfaces here, before
/// any payload is judged.
pub struct Loaded {
    pub spec: Spec,
    pub examples: Vec<(corpus::Example, Vec<target::Slot>)>,
    pub negatives: Vec<(corpus::Negative, Vec<target::Slot>)>,
}

/// Loads `spec_dir`'s documents and `corpus_dir`'s `examples/` and `negative/` (a missing
/// folder is an empty corpus), and resolves every target.
pub fn load(spec_dir: &Path, corpus_dir: &Path) -> Result<Loaded, InputError> {
    let spec = Spec::load(spec_dir)?;
    let mut examples = Vec::new();
    for example in corpus::load_examples(&layout::examples_dir(corpus_dir))? {
        let slots = target::resolve(&spec, &example.path, &example.target)?;
        examples.push((example, slots));
    }
    let mut negatives = Vec::new();
    for negative in corpus::load_negatives(&layout::negatives_dir(corpus_dir))? {
        let slots = target::resolve(&spec, &negative.path, &negative.target)?;
        negatives.push((negative, slots));
    }
    Ok(Loaded {
        spec,
        examples,
        negatives,
    })
}

/// Runs the selected offline checks over loaded documents and corpus.
pub fn run(loaded: &Loaded, selection: Selection) -> Result<Report, InputError> {
    let mut outcomes = Vec::new();
    if selection.examples {
        outcomes.extend(checks::examples::check(&loaded.spec, &loaded.examples)?);
    }
    if selection.document_examples {
        outcomes.extend(checks::document_examples::check(&loaded.spec)?);
    }
    if selection.negatives {
        outcomes.extend(checks::negatives::check(&loaded.spec, &loaded.negatives)?);
    }
    if selection.coverage {
        let covered: Vec<target::Slot> = loaded
            .examples
            .iter()
            .flat_map(|(_, slots)| slots.iter().cloned())
            .collect();
        outcomes.extend(checks::coverage::check(&loaded.spec, &covered));
    }
    Ok(Report::new(outcomes))
}

/// [`load`] then [`run`] with every check.
pub fn check(spec_dir: &Path, corpus_dir: &Path) -> Result<Report, InputError> {
    run(&load(spec_dir, corpus_dir)?, Selection::ALL)
}
