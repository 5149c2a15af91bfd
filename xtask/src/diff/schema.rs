//! Direction-aware comparison of two schemas (see the module docs of `diff`).

use std::collections::BTreeSet;

use serde_json::Value;

use super::canonical::form;
use super::view::{LIMITS, View, view};
use super::{Ctx, Dir, branches, escape};

static ANY: Value = Value::Bool(true);

/// Where a schema sits: which side of the wire and which position (for rule ids).
#[derive(Debug, Clone, Copy)]
pub struct Pos {
    pub dir: Dir,
    pub subject: &'static str,
}

impl Pos {
    pub(crate) fn rule(self, kind: &str) -> String {
        format!("{}-{}-{kind}", self.dir.as_str(), self.subject)
    }
    pub(crate) fn property(self) -> Pos {
        Pos {
            dir: self.dir,
            subject: "property",
        }
    }
}

/// Compares `old` (in `ctx.old`) with `new` (in `ctx.new`) at `ptr`.
pub fn compare(ctx: &mut Ctx, old: &Value, new: &Value, pos: Pos, ptr: &str) {
    let ov = view(ctx.old, old);
    let nv = view(ctx.new, new);
    let key = match (ov.reference, nv.reference) {
        (Some(a), Some(b)) => Some((a.to_owned(), b.to_owned(), pos.dir)),
        _ => None,
    };
    if let Some(k) = &key {
        if ctx.in_progress.contains(k) || ctx.clean.contains(&(k.clone(), pos.subject)) {
            return;
        }
        if let Some(seen) = &mut ctx.once
            && !seen.insert((k.clone(), pos.subject))
        {
            return;
        }
        ctx.in_progress.push(k.clone());
    }
    let before = ctx.changes.len();
    compare_views(ctx, old, new, &ov, &nv, pos, ptr);
    if let Some(k) = key {
        ctx.in_progress.pop();
        if ctx.changes.len() == before {
            ctx.clean.insert((k, pos.subject));
        }
    }
}

fn compare_views(
    ctx: &mut Ctx,
    old: &Value,
    new: &Value,
    ov: &View,
    nv: &View,
    pos: Pos,
    ptr: &str,
) {
    let req = pos.dir == Dir::Request;
    ctx.toggled(
        (ov.nullable, nv.nullable),
        ptr,
        [&pos.rule("became-nullable"), "The value now allows `null`."],
        [
            &pos.rule("became-not-nullable"),
            "The value no longer allows `null`.",
        ],
    );
    if ov.branches.is_some() || nv.branches.is_some() {
        branches::compare_branches(ctx, (old, new), (ov, nv), pos, ptr);
        if ov.branches.is_some() != nv.branches.is_some() {
            // The plain side was compared with its matching branch.
            return;
        }
    }
    let typed = !(ov.types.is_none() && ov.branches.is_some()
        || nv.types.is_none() && nv.branches.is_some());
    if typed && !types(ctx, ov, nv, pos, ptr) {
        return; // Incompatible types: the rest would only repeat it.
    }
    values(ctx, ov, nv, pos, ptr);
    format(ctx, ov, nv, pos, ptr);
    pattern(ctx, ov, nv, pos, ptr);
    limits(ctx, ov, nv, pos, ptr);
    default(ctx, ov, nv, pos, ptr);
    not(ctx, ov, nv, pos, ptr);
    // `readOnly` matters to what a client sends, `writeOnly` to what it reads.
    for (applies, was, is, stem) in [
        (req, ov.read_only, nv.read_only, "read-only"),
        (!req, ov.write_only, nv.write_only, "write-only"),
    ] {
        if applies {
            let [on, off] = [stem.to_owned(), format!("not-{stem}")].map(|k| {
                let kind = format!("became-{k}");
                [
                    pos.rule(&kind),
                    format!("The value {}.", kind.replace('-', " ")),
                ]
            });
            ctx.toggled((was, is), ptr, [&on[0], &on[1]], [&off[0], &off[1]]);
        }
    }
    properties(ctx, ov, nv, pos, ptr);
    additional(ctx, ov, nv, pos, ptr);
    if ov.items.is_some() || nv.items.is_some() {
        let o = ov.items.unwrap_or(&ANY);
        let n = nv.items.unwrap_or(&ANY);
        compare(ctx, o, n, pos.property(), &format!("{ptr}/items"));
    }
}

/// Is every type in `a` also accepted by `b` (`integer` is a `number`)? `None` is any type.
fn subset(a: &Option<BTreeSet<String>>, b: &Option<BTreeSet<String>>) -> bool {
    match (a, b) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(a), Some(b)) => a
            .iter()
            .all(|t| b.contains(t) || (t == "integer" && b.contains("number"))),
    }
}

pub(crate) fn show_types(t: &Option<BTreeSet<String>>) -> String {
    match t {
        None => "any type".into(),
        Some(t) if t.is_empty() => "no type".into(),
        Some(t) => t
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

/// Returns false when the types are incompatible.
fn types(ctx: &mut Ctx, ov: &View, nv: &View, pos: Pos, ptr: &str) -> bool {
    if ov.types == nv.types {
        return true;
    }
    let (compatible, kind) = match pos.dir {
        Dir::Request => (subset(&ov.types, &nv.types), "type-generalized"),
        Dir::Response => (subset(&nv.types, &ov.types), "type-specialized"),
    };
    let message = format!(
        "The type changed from {} to {}.",
        show_types(&ov.types),
        show_types(&nv.types)
    );
    ctx.emit(
        &pos.rule(if compatible { kind } else { "type-changed" }),
        ptr,
        message,
    );
    compatible
}

fn values(ctx: &mut Ctx, ov: &View, nv: &View, pos: Pos, ptr: &str) {
    match (&ov.values, &nv.values) {
        (None, None) => {}
        (None, Some(_)) => ctx.emit(
            &pos.rule("enum-restricted"),
            ptr,
            "The value is now restricted to an enum.".into(),
        ),
        (Some(_), None) => ctx.emit(
            &pos.rule("enum-unrestricted"),
            ptr,
            "The enum restriction was dropped.".into(),
        ),
        (Some(o), Some(n)) => {
            for value in o.iter().filter(|v| !n.contains(v)) {
                ctx.emit(
                    &pos.rule("enum-value-removed"),
                    ptr,
                    format!("The enum value {value} was removed."),
                );
            }
            let open = ov.open_set() || nv.open_set();
            for value in n.iter().filter(|v| !o.contains(v)) {
                let kind = if pos.dir == Dir::Response && open {
                    "open-enum-value-added"
                } else {
                    "enum-value-added"
                };
                ctx.emit(
                    &pos.rule(kind),
                    ptr,
                    format!("The enum value {value} was added."),
                );
            }
        }
    }
}

/// The values a numeric format stands for: (lowest, highest, integers only).
fn numeric_range(format: &str) -> Option<(f64, f64, bool)> {
    let two = |n: i32| 2f64.powi(n);
    Some(match format {
        "int8" => (-two(7), two(7) - 1.0, true),
        "int16" => (-two(15), two(15) - 1.0, true),
        "int32" => (-two(31), two(31) - 1.0, true),
        "int64" => (-two(63), two(63), true),
        "uint8" => (0.0, two(8) - 1.0, true),
        "uint16" => (0.0, two(16) - 1.0, true),
        "uint32" => (0.0, two(32) - 1.0, true),
        "uint64" => (0.0, two(64), true),
        "float" => (-f64::from(f32::MAX), f64::from(f32::MAX), false),
        "double" => (f64::MIN, f64::MAX, false),
        _ => return None,
    })
}

/// Does format `b` accept every value format `a` does (`None` is no format: anything)? Numeric
/// formats compare by range (`uint32` fits `int64`, any integer format fits `double`); others
/// only equal themselves.
fn format_within(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(a), Some(b)) if a == b => true,
        (Some(a), Some(b)) => match (numeric_range(a), numeric_range(b)) {
            (Some((alo, ahi, aint)), Some((blo, bhi, bint))) => {
                blo <= alo && ahi <= bhi && (aint || !bint)
            }
            _ => false,
        },
    }
}

fn format(ctx: &mut Ctx, ov: &View, nv: &View, pos: Pos, ptr: &str) {
    if ov.format == nv.format {
        return;
    }
    let (ok, kind) = match pos.dir {
        Dir::Request => (format_within(ov.format, nv.format), "format-generalized"),
        Dir::Response => (format_within(nv.format, ov.format), "format-specialized"),
    };
    let show = |f: Option<&str>| f.map_or("none".to_owned(), |f| format!("`{f}`"));
    ctx.emit(
        &pos.rule(if ok { kind } else { "format-changed" }),
        ptr,
        format!(
            "The format changed from {} to {}.",
            show(ov.format),
            show(nv.format)
        ),
    );
}

fn pattern(ctx: &mut Ctx, ov: &View, nv: &View, pos: Pos, ptr: &str) {
    let kind = match (ov.pattern, nv.pattern) {
        (a, b) if a == b => return,
        (None, Some(_)) => "pattern-added",
        (Some(_), None) => "pattern-removed",
        _ => "pattern-changed",
    };
    ctx.emit(
        &pos.rule(kind),
        ptr,
        format!(
            "The pattern changed from {:?} to {:?}.",
            ov.pattern.unwrap_or("none"),
            nv.pattern.unwrap_or("none")
        ),
    );
}

fn limits(ctx: &mut Ctx, ov: &View, nv: &View, pos: Pos, ptr: &str) {
    for (i, (stem, keywords, _upper)) in LIMITS.iter().enumerate() {
        let change = match (ov.limits[i], nv.limits[i]) {
            (a, b) if a == b => continue,
            (None, Some(_)) => "set",
            (Some(_), None) => "unset",
            (Some(a), Some(b)) if b > a => "increased",
            _ => "decreased",
        };
        let show = |n: Option<f64>| n.map_or("none".to_owned(), |n| n.to_string());
        ctx.emit(
            &pos.rule(&format!("{stem}-{change}")),
            ptr,
            format!(
                "`{}` changed from {} to {}.",
                keywords[0],
                show(ov.limits[i]),
                show(nv.limits[i])
            ),
        );
    }
}

fn default(ctx: &mut Ctx, ov: &View, nv: &View, pos: Pos, ptr: &str) {
    let kind = match (ov.default, nv.default) {
        (a, b) if a == b => return,
        (None, Some(_)) => "default-value-added",
        (Some(_), None) => "default-value-removed",
        _ => "default-value-changed",
    };
    let show = |d: Option<&Value>| d.map_or("none".to_owned(), Value::to_string);
    ctx.emit(
        &pos.rule(kind),
        ptr,
        format!(
            "The default changed from {} to {}.",
            show(ov.default),
            show(nv.default)
        ),
    );
}

/// `not`: a value it names is excluded. A one-`enum` `not` compares as a set of excluded
/// values (one more excluded accepts less); any other change of it is reported as such.
fn not(ctx: &mut Ctx, ov: &View, nv: &View, pos: Pos, ptr: &str) {
    let p = format!("{ptr}/not");
    let (o, n) = match (ov.not, nv.not) {
        (None, None) => return,
        (None, Some(_)) => {
            return ctx.emit(
                &pos.rule("not-added"),
                &p,
                "A `not` now excludes values.".into(),
            );
        }
        (Some(_), None) => {
            return ctx.emit(
                &pos.rule("not-removed"),
                &p,
                "The `not` exclusion was dropped.".into(),
            );
        }
        (Some(o), Some(n)) => (o, n),
    };
    let (oe, ne) = (view(ctx.old, o), view(ctx.new, n));
    if let (Some(a), Some(b)) = (&oe.values, &ne.values) {
        for v in b.iter().filter(|v| !a.contains(v)) {
            ctx.emit(
                &pos.rule("not-enum-value-added"),
                &p,
                format!("The value {v} is now excluded."),
            );
        }
        for v in a.iter().filter(|v| !b.contains(v)) {
            ctx.emit(
                &pos.rule("not-enum-value-removed"),
                &p,
                format!("The value {v} is no longer excluded."),
            );
        }
    } else if form(ctx.old, o) != form(ctx.new, n) {
        ctx.emit(
            &pos.rule("not-changed"),
            &p,
            "The `not` exclusion changed.".into(),
        );
    }
}

/// Whether a property matters on this side of the wire (`readOnly` ones are never sent,
/// `writeOnly` ones never returned).
fn on_wire(ctx_root: &Value, p: &Value, dir: Dir) -> bool {
    let v = view(ctx_root, p);
    match dir {
        Dir::Request => !v.read_only,
        Dir::Response => !v.write_only,
    }
}

fn properties(ctx: &mut Ctx, ov: &View, nv: &View, pos: Pos, ptr: &str) {
    let names: BTreeSet<&String> = ov.properties.keys().chain(nv.properties.keys()).collect();
    // Document order of the new side first, for stable, readable output.
    let mut ordered: Vec<&String> = nv.properties.keys().collect();
    ordered.extend(
        ov.properties
            .keys()
            .filter(|k| !nv.properties.contains_key(*k)),
    );
    debug_assert_eq!(ordered.len(), names.len());
    for name in ordered {
        let p = format!("{ptr}/properties/{}", escape(name));
        let (o, n) = (ov.properties.get(name), nv.properties.get(name));
        let (was_req, is_req) = (ov.required.contains(name), nv.required.contains(name));
        match (o, n, pos.dir) {
            (Some(o), None, dir) => {
                if !on_wire(ctx.old, o, dir) {
                    continue;
                }
                let rule = match (dir, was_req) {
                    (Dir::Request, _) => "request-property-removed",
                    (Dir::Response, true) => "response-required-property-removed",
                    (Dir::Response, false) => "response-optional-property-removed",
                };
                ctx.emit(rule, &p, format!("The property `{name}` was removed."));
            }
            (None, Some(n), dir) => {
                if !on_wire(ctx.new, n, dir) {
                    continue;
                }
                let rule = match (dir, is_req) {
                    (Dir::Request, true) => "new-required-request-property",
                    (Dir::Request, false) => "new-optional-request-property",
                    (Dir::Response, true) => "response-required-property-added",
                    (Dir::Response, false) => "response-optional-property-added",
                };
                let what = if is_req { "required" } else { "optional" };
                ctx.emit(rule, &p, format!("A new {what} property `{name}`."));
            }
            (Some(o), Some(n), dir) => {
                if !on_wire(ctx.old, o, dir) && !on_wire(ctx.new, n, dir) {
                    continue;
                }
                let became = |what: &str| {
                    [
                        format!("{}-property-became-{what}", dir.as_str()),
                        format!("The property `{name}` became {what}."),
                    ]
                };
                let ([on, on_says], [off, off_says]) = (became("required"), became("optional"));
                ctx.toggled((was_req, is_req), &p, [&on, &on_says], [&off, &off_says]);
                compare(ctx, o, n, pos.property(), &p);
            }
            (None, None, _) => unreachable!("names come from either side"),
        }
    }
}

/// `additionalProperties` as a set: `None` accepts nothing, `Some(schema)` what it accepts.
fn extra<'a>(v: &View<'a>) -> Option<Option<&'a Value>> {
    match v.additional {
        Some(Value::Bool(false)) => None,
        None | Some(Value::Bool(true)) => Some(None),
        Some(schema) if schema.as_object().is_some_and(|o| o.is_empty()) => Some(None),
        Some(schema) => Some(Some(schema)),
    }
}

fn is_object(v: &View) -> bool {
    v.types.as_ref().is_some_and(|t| t.contains("object"))
        || !v.properties.is_empty()
        || v.additional.is_some()
}

fn additional(ctx: &mut Ctx, ov: &View, nv: &View, pos: Pos, ptr: &str) {
    if !is_object(ov) && !is_object(nv) {
        return;
    }
    let p = format!("{ptr}/additionalProperties");
    let widened = match (extra(ov), extra(nv)) {
        (None, None) | (Some(None), Some(None)) => return,
        (Some(Some(o)), Some(Some(n))) => return compare(ctx, o, n, pos.property(), &p),
        (None, Some(_)) | (Some(Some(_)), Some(None)) => true,
        (Some(_), None) | (Some(None), Some(Some(_))) => false,
    };
    let (kind, what) = if widened {
        ("additional-properties-widened", "accepts more")
    } else {
        ("additional-properties-narrowed", "accepts less")
    };
    ctx.emit(
        &pos.rule(kind),
        &p,
        format!("`additionalProperties` now {what} than before."),
    );
}
