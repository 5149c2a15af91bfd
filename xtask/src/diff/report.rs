//! Rendering a comparison: `text` (one line per change), `markdown` (a table, also used for
//! changelog sections) and `json` (the shape in `spec/diff-report.schema.json`).

use serde_json::{Value, json};

use super::{Change, Level};

/// One compared pair: labels of both sides and the changes found.
#[derive(Debug)]
pub struct Comparison {
    pub old: String,
    pub new: String,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "text" => Some(Format::Text),
            "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

fn count(changes: &[Change], level: Level) -> usize {
    changes.iter().filter(|c| c.level == level).count()
}

/// `2 ERR, 0 WARN, 5 INFO`.
pub fn summary(changes: &[Change]) -> String {
    format!(
        "{} ERR, {} WARN, {} INFO",
        count(changes, Level::Err),
        count(changes, Level::Warn),
        count(changes, Level::Info)
    )
}

/// One line per change: `ERR rule-id [POST /path] /pointer: sentence`.
pub fn text_lines(changes: &[Change]) -> String {
    let mut out = String::new();
    for c in changes {
        out.push_str(&format!(
            "{:<4} {} [{}] {}: {}\n",
            c.level.as_str(),
            c.rule,
            c.operation.as_deref().unwrap_or("document"),
            c.pointer,
            c.message
        ));
    }
    out
}

/// A Markdown table of changes (no heading).
pub fn markdown_table(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "No changes.\n".into();
    }
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out =
        String::from("| Level | Rule | Operation | Where | Change |\n|---|---|---|---|---|\n");
    for c in changes {
        out.push_str(&format!(
            "| {} | `{}` | {} | `{}` | {} |\n",
            c.level.as_str(),
            c.rule,
            cell(c.operation.as_deref().unwrap_or("document")),
            cell(&c.pointer),
            cell(&c.message)
        ));
    }
    out
}

pub fn render(comparisons: &[Comparison], format: Format) -> String {
    if format == Format::Json {
        let mut text =
            serde_json::to_string_pretty(&to_json(comparisons)).expect("a JSON value renders");
        text.push('\n');
        return text;
    }
    let mut out = String::new();
    for c in comparisons {
        let summary = summary(&c.changes);
        out.push_str(&match format {
            Format::Markdown => format!(
                "## `{}` → `{}`\n\n{summary}\n\n{}\n",
                c.old,
                c.new,
                markdown_table(&c.changes)
            ),
            _ => format!(
                "{} -> {}: {summary}\n{}",
                c.old,
                c.new,
                text_lines(&c.changes)
            ),
        });
    }
    out
}

/// The JSON report (schema: `spec/diff-report.schema.json`).
pub fn to_json(comparisons: &[Comparison]) -> Value {
    let all: Vec<&Change> = comparisons.iter().flat_map(|c| &c.changes).collect();
    let level = |l: Level| all.iter().filter(|c| c.level == l).count();
    json!({
        "breaking": all.iter().any(|c| c.level == Level::Err),
        "counts": {"ERR": level(Level::Err), "WARN": level(Level::Warn), "INFO": level(Level::Info)},
        "comparisons": comparisons.iter().map(|c| json!({
            "old": c.old,
            "new": c.new,
            "changes": c.changes.iter().map(|ch| json!({
                "rule": ch.rule,
                "level": ch.level.as_str(),
                "operation": ch.operation,
                "pointer": ch.pointer,
                "message": ch.message,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
