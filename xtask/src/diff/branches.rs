//! `oneOf`/`anyOf` branches across versions, paired by what they accept, never by `$ref` name:
//! naming an inline branch (a component replacing it) or reordering the branches changes
//! nothing. Branches pair by their tag value first (the property pinned to one value in each
//! branch: `type`, `role`, `method`…), then, untagged, by structural equality, then by the same
//! component name, then (an inline branch on one side) by a type no other branch has. Paired branches are compared like any
//! two schemas; the rest were added or removed.
//!
//! Open unions (README, "Open enums"): a catch-all branch accepts every tag but the known ones,
//! listed in its tag's `not: {enum}` (the `pattern` beside it spells the same set). Naming a
//! new tag narrows the catch-all by exactly the new branch; dropping one hands its values back
//! to the catch-all.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::canonical::form;
use super::refs::{ref_name, resolve};
use super::schema::{Pos, compare, show_types};
use super::view::{Composition, View, view};
use super::{Ctx, Dir, escape};

/// What a branch says about the union's tag property.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tag {
    /// Pinned to one value (its JSON text).
    Value(String),
    /// The open union's catch-all.
    Other,
    /// No tag.
    None,
}

/// The single value a schema pins (`const`, a one-value `enum`), as JSON text.
fn pinned(root: &Value, schema: &Value) -> Option<String> {
    match view(root, schema).values.as_deref() {
        Some([one]) => Some(one.to_string()),
        _ => None,
    }
}

/// The "other" branch's tag of an open union: a string that must be none of the known tags
/// (`not: {enum}`, or a `pattern: ^(?!…)` lookahead).
fn is_catch_all(root: &Value, tag_schema: &Value) -> bool {
    let (t, _) = resolve(root, tag_schema);
    t.get("pattern")
        .and_then(Value::as_str)
        .is_some_and(|p| p.starts_with("^(?!"))
        || t.get("not").and_then(|n| n.get("enum")).is_some()
}

/// The tags a catch-all excludes (its `not: {enum}`), when it lists them.
fn excluded(root: &Value, branch: &Value, tag: &str) -> Option<BTreeSet<String>> {
    let v = view(root, branch);
    let (t, _) = resolve(root, v.properties.get(tag)?);
    let list = t.get("not")?.get("enum")?.as_array()?;
    Some(list.iter().map(Value::to_string).collect())
}

/// The union's tag property: the one that tells the most branches of either version apart
/// (distinct pinned values, and catch-alls); `type` wins a tie, then the first name. A property
/// every branch pins to the same value (JSON-RPC's `jsonrpc: "2.0"`) tells nothing.
fn tag_property(sides: [(&Value, &[&Value]); 2]) -> Option<String> {
    let mut seen: BTreeMap<String, BTreeSet<(usize, String)>> = BTreeMap::new();
    for (side, (root, list)) in sides.into_iter().enumerate() {
        for b in list {
            for (name, p) in &view(root, b).properties {
                let value = pinned(root, p).or_else(|| is_catch_all(root, p).then(String::new));
                if let Some(value) = value {
                    seen.entry(name.clone()).or_default().insert((side, value));
                }
            }
        }
    }
    let counts = seen
        .into_iter()
        .map(|(name, values)| (name, values.len()))
        .filter(|(_, n)| *n > 2);
    counts
        .into_iter()
        .max_by(|a, b| {
            (a.1, a.0 == "type")
                .cmp(&(b.1, b.0 == "type"))
                .then(b.0.cmp(&a.0))
        })
        .map(|(name, _)| name)
}

fn tag_of(root: &Value, branch: &Value, tag: Option<&str>) -> Tag {
    let v = view(root, branch);
    let Some(t) = tag.and_then(|t| v.properties.get(t)) else {
        return Tag::None;
    };
    if let Some(value) = pinned(root, t) {
        Tag::Value(value)
    } else if is_catch_all(root, t) {
        Tag::Other
    } else {
        Tag::None
    }
}

/// How a branch is named in messages.
fn label(root: &Value, branch: &Value, tag: &Tag, tag_name: Option<&str>) -> String {
    match tag {
        Tag::Value(v) => format!("{}={v}", tag_name.unwrap_or("tag")),
        Tag::Other => "the catch-all".into(),
        Tag::None => {
            let v = view(root, branch);
            match v.reference {
                Some(r) => format!("`{}`", ref_name(r)),
                None => show_types(&v.types),
            }
        }
    }
}

/// One version's branches.
struct Side<'a> {
    root: &'a Value,
    list: Vec<&'a Value>,
    tags: Vec<Tag>,
    used: Vec<bool>,
}

impl<'a> Side<'a> {
    fn new(root: &'a Value, list: Vec<&'a Value>, tag: Option<&str>) -> Self {
        let tags = list.iter().map(|b| tag_of(root, b, tag)).collect();
        let used = vec![false; list.len()];
        Side {
            root,
            list,
            tags,
            used,
        }
    }

    /// Unpaired untagged branches.
    fn open(&self) -> Vec<usize> {
        (0..self.list.len())
            .filter(|i| !self.used[*i] && self.tags[*i] == Tag::None)
            .collect()
    }
}

/// Pairs old and new branches; returns (old index, new index) pairs.
fn pair(o: &mut Side, n: &mut Side) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut take = |o: &mut Side, n: &mut Side, i: usize, j: usize| {
        o.used[i] = true;
        n.used[j] = true;
        pairs.push((i, j));
    };
    for i in 0..o.list.len() {
        if o.tags[i] == Tag::None {
            continue;
        }
        if let Some(j) = (0..n.list.len()).find(|j| !n.used[*j] && n.tags[*j] == o.tags[i]) {
            take(o, n, i, j);
        }
    }
    // Untagged: the same structure, then the same component, then the only one of its type.
    let forms = |s: &Side| -> BTreeMap<usize, String> {
        s.open()
            .into_iter()
            .map(|i| (i, form(s.root, s.list[i])))
            .collect()
    };
    let (of, nf) = (forms(o), forms(n));
    for (i, f) in &of {
        if let Some(j) = n.open().into_iter().find(|j| nf.get(j) == Some(f)) {
            take(o, n, *i, j);
        }
    }
    let name = |s: &Side, i: usize| {
        view(s.root, s.list[i])
            .reference
            .map(|r| ref_name(r).to_owned())
    };
    for i in o.open() {
        if let Some(r) = name(o, i)
            && let Some(j) = n
                .open()
                .into_iter()
                .find(|j| name(n, *j).as_ref() == Some(&r))
        {
            take(o, n, i, j);
        }
    }
    let types = |s: &Side, i: usize| show_types(&view(s.root, s.list[i]).types);
    let unique = |s: &Side, t: &str| -> Option<usize> {
        let same: Vec<usize> = s.open().into_iter().filter(|i| types(s, *i) == t).collect();
        (same.len() == 1).then(|| same[0])
    };
    for i in o.open() {
        let t = types(o, i);
        // Two different components are a replacement, not one schema renamed.
        if let (Some(_), Some(j)) = (unique(o, &t), unique(n, &t))
            && (name(o, i).is_none() || name(n, j).is_none())
        {
            take(o, n, i, j);
        }
    }
    pairs.sort_by_key(|p| p.1);
    pairs
}

/// Compares the compositions of two schemas (either may be plain: it is then the one branch
/// of its side).
pub(crate) fn compare_branches(
    ctx: &mut Ctx,
    (old, new): (&Value, &Value),
    (ov, nv): (&View, &View),
    pos: Pos,
    ptr: &str,
) {
    let (kind, ob, nb): (Composition, Vec<&Value>, Vec<&Value>) = match (&ov.branches, &nv.branches)
    {
        (Some((_, o)), Some((k, n))) => (*k, o.clone(), n.clone()),
        (None, Some((k, n))) => (*k, vec![old], n.clone()),
        (Some((k, o)), None) => (*k, o.clone(), vec![new]),
        (None, None) => return,
    };
    let keyword = match kind {
        Composition::OneOf => "oneOf",
        Composition::AnyOf => "anyOf",
    };
    let tag = tag_property([(ctx.old, &ob), (ctx.new, &nb)]);
    let tag = tag.as_deref();
    let mut o = Side::new(ctx.old, ob, tag);
    let mut n = Side::new(ctx.new, nb, tag);
    let pairs = pair(&mut o, &mut n);
    let catch_all = |s: &Side| s.tags.iter().position(|t| *t == Tag::Other);
    let (o_other, n_other) = (catch_all(&o), catch_all(&n));
    let open = o_other.is_some() && n_other.is_some();
    let new_tags: BTreeSet<String> = n
        .tags
        .iter()
        .filter_map(|t| match t {
            Tag::Value(v) => Some(v.clone()),
            _ => None,
        })
        .collect();
    for &(i, j) in &pairs {
        let p = format!("{ptr}/{keyword}/{j}");
        let (ob, nb) = (o.list[i], n.list[j]);
        // A plain schema against a composition is compared with its matching branch only;
        // comparing it with itself would recurse forever.
        if std::ptr::eq(ob, old) && std::ptr::eq(nb, new) {
            continue;
        }
        match (&o.tags[i], tag) {
            (Tag::Other, Some(tag)) => {
                let overlap = kind == Composition::OneOf;
                catch_alls(ctx, (ob, nb), tag, &new_tags, overlap, pos, &p);
            }
            _ => compare(ctx, ob, nb, pos, &p),
        }
    }
    let still_excluded = n_other
        .zip(tag)
        .and_then(|(k, t)| excluded(n.root, n.list[k], t));
    for (side, what) in [(&n, "added"), (&o, "removed")] {
        for i in (0..side.list.len()).filter(|i| !side.used[*i]) {
            // Added: a response's open union names a tag its catch-all took. Removed: a known
            // tag dropped from an open union whose catch-all now accepts it.
            let open_value = match (what, &side.tags[i], &still_excluded) {
                ("added", _, _) => open && pos.dir == Dir::Response,
                (_, Tag::Value(v), Some(ex)) => open && !ex.contains(v),
                _ => false,
            };
            let rule = if open_value {
                format!("open-union-value-{what}")
            } else {
                format!("{}-{what}", kind.stem())
            };
            ctx.emit(
                &pos.rule(&rule),
                &format!("{ptr}/{keyword}/{i}"),
                format!(
                    "A `{keyword}` branch ({}) was {what}.",
                    label(side.root, side.list[i], &side.tags[i], tag)
                ),
            );
        }
    }
}

/// A catch-all with its tag's exclusion (`pattern`, `not`) taken out: the rest of it is
/// compared as any schema, the exclusion by the open-union convention.
fn without_exclusion(root: &Value, branch: &Value, tag: &str) -> Value {
    let (b, _) = resolve(root, branch);
    let mut b = b.clone();
    if let Some(t) = b
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .and_then(|p| p.get_mut(tag))
    {
        let mut schema = resolve(root, t).0.clone();
        if let Some(s) = schema.as_object_mut() {
            s.remove("pattern");
            s.remove("not");
        }
        *t = schema;
    }
    b
}

fn catch_alls(
    ctx: &mut Ctx,
    (old, new): (&Value, &Value),
    tag: &str,
    new_tags: &BTreeSet<String>,
    overlap: bool,
    pos: Pos,
    ptr: &str,
) {
    let (o, n) = (
        without_exclusion(ctx.old, old, tag),
        without_exclusion(ctx.new, new, tag),
    );
    compare(ctx, &o, &n, pos, ptr);
    let (Some(oe), Some(ne)) = (excluded(ctx.old, old, tag), excluded(ctx.new, new, tag)) else {
        return; // Only a pattern: it spells the known tags, which the branches show.
    };
    let tptr = format!("{ptr}/properties/{}/not/enum", escape(tag));
    for v in ne.difference(&oe).filter(|v| !new_tags.contains(*v)) {
        // Excluded with no branch of its own: that tag is no longer accepted at all.
        ctx.emit(
            &pos.property().rule("not-enum-value-added"),
            &tptr,
            format!("The catch-all no longer accepts `{tag}` {v}, and no branch names it."),
        );
    }
    for v in oe.difference(&ne).filter(|v| new_tags.contains(*v)) {
        if overlap {
            ctx.emit(
                &pos.rule("open-union-catch-all-overlap"),
                &tptr,
                format!(
                    "The catch-all accepts `{tag}` {v} again, which keeps its own branch: such values match two `oneOf` branches."
                ),
            );
        }
    }
}
