//! Results of a run, rendered for people (`text`) or machines (`json`).

use serde::Serialize;

use crate::validate::Failure;

/// Which check produced an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// A corpus example against its operation's schema.
    Example,
    /// An `example`/`examples` value inside a document against its own schema.
    DocumentExample,
    /// A negative example that must be rejected at a given pointer.
    Negative,
    /// A request or success response without an example.
    Coverage,
    /// A response of a real deployment.
    Live,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    Skip,
}

/// One judged item.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub check: Check,
    pub status: Status,
    /// The corpus file, or the document for document examples and coverage.
    pub file: String,
    /// The document the item was judged against (`kindo-api`, ...).
    pub document: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// What was judged: `response 200 application/json`, a pointer into the document, a URL.
    pub target: String,
    /// Why it failed, first real cause first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failures: Vec<Failure>,
    /// Informational findings that do not fail the check (e.g. undeclared fields in `live`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub info: Vec<Failure>,
    /// Skip reason, or what a failed negative expected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Outcome {
    pub fn new(check: Check, file: String, document: String, target: String) -> Self {
        Outcome {
            check,
            status: Status::Pass,
            file,
            document,
            operation: None,
            target,
            failures: Vec::new(),
            info: Vec::new(),
            note: None,
        }
    }
}

/// Counts per status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
}

/// Everything one run judged.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub summary: Summary,
    pub outcomes: Vec<Outcome>,
}

impl Report {
    pub fn new(outcomes: Vec<Outcome>) -> Self {
        let mut summary = Summary::default();
        for o in &outcomes {
            match o.status {
                Status::Pass => summary.passed += 1,
                Status::Fail => summary.failed += 1,
                Status::Skip => summary.skipped += 1,
            }
        }
        Report { summary, outcomes }
    }

    pub fn passed(&self) -> bool {
        self.summary.failed == 0
    }

    /// Failures, skips and live drift one per line, then the summary line. `verbose` also lists
    /// passes.
    pub fn to_text(&self, verbose: bool) -> String {
        let mut out = String::new();
        for o in &self.outcomes {
            let show = verbose || o.status != Status::Pass || !o.info.is_empty();
            if !show {
                continue;
            }
            let tag = match o.status {
                Status::Pass => "ok  ",
                Status::Fail => "FAIL",
                Status::Skip => "SKIP",
            };
            let op = o
                .operation
                .as_deref()
                .map(|op| format!(" {op}"))
                .unwrap_or_default();
            let head = format!(
                "{tag} [{}] {}:{op} {} ({})",
                check_name(o.check),
                o.file,
                o.target,
                o.document
            );
            match (o.status, o.failures.first()) {
                (Status::Fail, Some(first)) => {
                    out.push_str(&format!("{head} {}\n", first.describe()));
                    for more in &o.failures[1..] {
                        out.push_str(&format!("       also {}\n", more.describe()));
                    }
                }
                _ => {
                    out.push_str(&head);
                    if let Some(note) = &o.note {
                        out.push_str(&format!(": {note}"));
                    }
                    out.push('\n');
                }
            }
            if o.status == Status::Fail
                && !o.failures.is_empty()
                && let Some(note) = &o.note
            {
                out.push_str(&format!("       note: {note}\n"));
            }
            for i in &o.info {
                out.push_str(&format!("       info {}\n", i.describe()));
            }
        }
        let s = self.summary;
        out.push_str(&format!(
            "conformance: {} passed, {} failed, {} skipped\n",
            s.passed, s.failed, s.skipped
        ));
        out
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }
}

fn check_name(check: Check) -> &'static str {
    match check {
        Check::Example => "example",
        Check::DocumentExample => "document-example",
        Check::Negative => "negative",
        Check::Coverage => "coverage",
        Check::Live => "live",
    }
}
