//! Matching a request's method and path against a document's path templates.
//!
//! A literal segment beats a `{param}` segment at the same position (so `/v1/agents/list`
//! is `listAgents`, not `getAgent` with `agentId = list`), as OpenAPI requires.

use std::collections::HashMap;

use kindo_wire::pointer::percent_decode;

use crate::spec::{Document, Operation, Segment};

/// What a method and path resolve to.
pub enum Route<'a> {
    Found {
        op: &'a Operation,
        params: HashMap<String, String>,
    },
    /// The path exists with other methods (for `Allow`).
    MethodNotAllowed(Vec<String>),
    NotFound,
}

/// Resolves `method` `path` (no query string) in `doc`.
pub fn route<'a>(doc: &'a Document, method: &str, path: &str) -> Route<'a> {
    let parts: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(percent_decode)
        .collect();
    // (number of literal segments, operation, captured params) of every template that fits.
    let mut best: Option<(usize, &str)> = None;
    let mut matches: Vec<(&Operation, HashMap<String, String>, usize)> = Vec::new();
    for op in &doc.operations {
        if op.segments.len() != parts.len() {
            continue;
        }
        let mut params = HashMap::new();
        let mut literals = 0;
        let fits = op.segments.iter().zip(&parts).all(|(seg, part)| match seg {
            Segment::Literal(l) => {
                literals += 1;
                l == part
            }
            Segment::Param(name) => {
                params.insert(name.clone(), part.clone());
                !part.is_empty()
            }
        });
        if fits {
            if best.is_none_or(|(n, _)| literals > n) {
                best = Some((literals, op.path.as_str()));
            }
            matches.push((op, params, literals));
        }
    }
    let Some((_, template)) = best else {
        return Route::NotFound;
    };
    let mut allowed = Vec::new();
    for (op, params, _) in matches.into_iter().filter(|(op, _, _)| op.path == template) {
        if op.method.eq_ignore_ascii_case(method) {
            return Route::Found { op, params };
        }
        allowed.push(op.method.clone());
    }
    Route::MethodNotAllowed(allowed)
}
