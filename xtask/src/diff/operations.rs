//! Paths and operations: presence, deprecation, `operationId`, parameters, request bodies,
//! responses (statuses, headers, media types) and per-operation security.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::refs::resolve;
use super::schema::{self, Pos};
use super::{Ctx, Dir, escape, streams};

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

static EMPTY: Value = Value::Null;

/// `/runs/{runId}` and `/runs/{id}` are the same endpoint.
fn template(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '{' => {
                depth += 1;
                out.push_str("{}");
            }
            '}' => depth -= 1,
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

fn paths(doc: &Value) -> Vec<(String, &str, &Value)> {
    doc.get("paths")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| (template(k), k.as_str(), v))
                .collect()
        })
        .unwrap_or_default()
}

fn operations(item: &Value) -> Vec<(&'static str, &Value)> {
    METHODS
        .iter()
        .filter_map(|m| item.get(*m).map(|op| (*m, op)))
        .collect()
}

fn deprecated(op: &Value) -> bool {
    op.get("deprecated") == Some(&Value::Bool(true))
}

pub fn compare(ctx: &mut Ctx) {
    let (old, new) = (ctx.old, ctx.new);
    let old_paths = paths(old);
    let new_paths = paths(new);
    for (key, raw, item) in &old_paths {
        let Some((_, new_raw, new_item)) = new_paths.iter().find(|(k, _, _)| k == key) else {
            for (method, op) in operations(item) {
                ctx.operation = Some(format!("{} {raw}", method.to_uppercase()));
                let rule = if deprecated(op) {
                    "api-path-removed-with-deprecation"
                } else {
                    "api-path-removed-without-deprecation"
                };
                let ptr = format!("/paths/{}/{method}", escape(raw));
                ctx.emit(rule, &ptr, format!("The path `{raw}` was removed."));
            }
            continue;
        };
        for (method, op) in operations(item) {
            let ptr = format!("/paths/{}/{method}", escape(new_raw));
            ctx.operation = Some(format!("{} {new_raw}", method.to_uppercase()));
            ctx.clean.clear();
            match new_item.get(method) {
                None => {
                    let rule = if deprecated(op) {
                        "api-removed-with-deprecation"
                    } else {
                        "api-removed-without-deprecation"
                    };
                    ctx.emit(rule, &ptr, "The operation was removed.".into());
                }
                Some(new_op) => {
                    operation(ctx, (item, op), (new_item, new_op), (raw, new_raw), &ptr);
                }
            }
        }
    }
    for (key, raw, item) in &new_paths {
        let old_item = old_paths.iter().find(|(k, _, _)| k == key).map(|p| p.2);
        for (method, _) in operations(item) {
            if old_item.is_some_and(|o| o.get(method).is_some()) {
                continue;
            }
            ctx.operation = Some(format!("{} {raw}", method.to_uppercase()));
            let ptr = format!("/paths/{}/{method}", escape(raw));
            ctx.emit("endpoint-added", &ptr, "A new operation.".into());
        }
    }
    ctx.operation = None;
}

type Side<'a> = (&'a Value, &'a Value);

fn operation(ctx: &mut Ctx, old: Side, new: Side, paths: (&str, &str), ptr: &str) {
    let (o, n) = (old.1, new.1);
    match (deprecated(o), deprecated(n)) {
        (false, true) => ctx.emit(
            "endpoint-deprecated",
            ptr,
            "The operation is deprecated.".into(),
        ),
        (true, false) => ctx.emit(
            "endpoint-reactivated",
            ptr,
            "The operation is no longer deprecated.".into(),
        ),
        _ => {}
    }
    let id = |op: &Value| {
        op.get("operationId")
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    match (id(o), id(n)) {
        (Some(a), b) if Some(&a) != b.as_ref() => ctx.emit(
            "api-operation-id-removed",
            &format!("{ptr}/operationId"),
            format!(
                "The operationId `{a}` became {}.",
                b.map_or("absent".into(), |b| format!("`{b}`"))
            ),
        ),
        (None, Some(b)) => ctx.emit(
            "api-operation-id-added",
            &format!("{ptr}/operationId"),
            format!("The operationId `{b}` was added."),
        ),
        _ => {}
    }
    servers(ctx, old, new, ptr);
    parameters(ctx, old, new, paths, ptr);
    request_body(ctx, o, n, ptr);
    responses(ctx, o, n, ptr);
    security(ctx, o, n, ptr);
}

/// The servers an operation is called on: its own `servers`, else its path's, else the
/// document's, with the pointer of the list in force (`None` for the document's).
fn effective_servers<'a>(
    root: &'a Value,
    side: Side<'a>,
    ptr: &str,
) -> Option<(&'a Value, String)> {
    let path_ptr = ptr.rsplit_once('/').map_or("", |p| p.0);
    let listed = |v: &'a Value| {
        v.get("servers")
            .filter(|s| s.as_array().is_some_and(|l| !l.is_empty()))
    };
    listed(side.1)
        .map(|s| (s, format!("{ptr}/servers")))
        .or_else(|| listed(side.0).map(|s| (s, format!("{path_ptr}/servers"))))
        .or_else(|| root.get("servers").map(|s| (s, String::new())))
}

/// Path- and operation-level `servers`: compared when either version overrides the document's
/// (which `document` compares once for all operations).
fn servers(ctx: &mut Ctx, old: Side, new: Side, ptr: &str) {
    let (o, n) = (
        effective_servers(ctx.old, old, ptr),
        effective_servers(ctx.new, new, ptr),
    );
    let overridden = |s: &Option<(&Value, String)>| s.as_ref().is_some_and(|(_, p)| !p.is_empty());
    if !overridden(&o) && !overridden(&n) {
        return;
    }
    let base = match &n {
        Some((_, p)) if !p.is_empty() => p.clone(),
        _ => "/servers".into(),
    };
    super::document::servers(ctx, o.map(|s| s.0), n.map(|s| s.0), &base);
}

/// The effective parameters of an operation (path-level ones unless the operation overrides
/// them), keyed by location and name (header names case-insensitive), with their pointer.
fn effective_parameters<'a>(
    root: &'a Value,
    side: Side<'a>,
    path: &str,
    ptr: &str,
) -> BTreeMap<(String, String), (&'a Value, String)> {
    let mut out = BTreeMap::new();
    let path_ptr = ptr.rsplit_once('/').map_or("", |p| p.0);
    for (holder, base) in [(side.0, path_ptr), (side.1, ptr)] {
        let Some(list) = holder.get("parameters").and_then(Value::as_array) else {
            continue;
        };
        for (i, p) in list.iter().enumerate() {
            let (p, _) = resolve(root, p);
            let location = p.get("in").and_then(Value::as_str).unwrap_or("").to_owned();
            let mut name = p
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            if location == "header" {
                name = name.to_lowercase();
            }
            if location == "path" {
                // Path parameters are positional: renaming `{id}` to `{runId}` changes nothing.
                if let Some(i) = path_slots(path).iter().position(|n| *n == name) {
                    name = format!("{{{i}}}");
                }
            }
            out.insert((location, name), (p, format!("{base}/parameters/{i}")));
        }
    }
    out
}

/// The names of a path template's parameters, in order.
fn path_slots(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .collect()
}

fn required(v: &Value) -> bool {
    v.get("required") == Some(&Value::Bool(true))
}

/// `style` and `explode` with their defaults filled in.
fn style(p: &Value) -> (String, bool) {
    let location = p.get("in").and_then(Value::as_str).unwrap_or("");
    let style = p
        .get("style")
        .and_then(Value::as_str)
        .unwrap_or(match location {
            "query" | "cookie" => "form",
            _ => "simple",
        })
        .to_owned();
    let explode = p
        .get("explode")
        .and_then(Value::as_bool)
        .unwrap_or(style == "form");
    (style, explode)
}

/// A parameter's or header's schema (`schema`, or the schema of its single `content` entry).
fn value_schema(p: &Value) -> &Value {
    p.get("schema")
        .or_else(|| {
            p.get("content")
                .and_then(Value::as_object)
                .and_then(|c| c.values().next())
                .and_then(|m| m.get("schema"))
        })
        .unwrap_or(&EMPTY)
}

/// Compares the schemas held by two media types, parameters or headers at `ptr`.
fn schemas(
    ctx: &mut Ctx,
    (old, new): (&Value, &Value),
    dir: Dir,
    subject: &'static str,
    ptr: &str,
) {
    let pos = Pos { dir, subject };
    schema::compare(
        ctx,
        value_schema(old),
        value_schema(new),
        pos,
        &format!("{ptr}/schema"),
    );
}

fn parameters(ctx: &mut Ctx, old: Side, new: Side, paths: (&str, &str), ptr: &str) {
    let op = effective_parameters(ctx.old, old, paths.0, ptr);
    let np = effective_parameters(ctx.new, new, paths.1, ptr);
    for ((location, name), (_, p_ptr)) in &op {
        if np.contains_key(&(location.clone(), name.clone())) {
            continue;
        }
        let moved = np.iter().find(|((_, n), _)| n.eq_ignore_ascii_case(name));
        match moved {
            Some(((to, _), (_, new_ptr))) => ctx.emit(
                "request-parameter-location-changed",
                new_ptr,
                format!("The parameter `{name}` moved from {location} to {to}."),
            ),
            None => ctx.emit(
                "request-parameter-removed",
                p_ptr,
                format!("The {location} parameter `{name}` was removed."),
            ),
        }
    }
    for ((location, name), (n, n_ptr)) in &np {
        let Some((o, _)) = op.get(&(location.clone(), name.clone())) else {
            let moved = op.keys().any(|(_, o)| o.eq_ignore_ascii_case(name));
            if !moved {
                let (rule, what) = if required(n) {
                    ("new-required-request-parameter", "required")
                } else {
                    ("new-optional-request-parameter", "optional")
                };
                ctx.emit(
                    rule,
                    n_ptr,
                    format!("A new {what} {location} parameter `{name}`."),
                );
            }
            continue;
        };
        // Path parameters are always required.
        let (was, is) = (
            required(o) || location == "path",
            required(n) || location == "path",
        );
        let became = |what: &str| format!("The {location} parameter `{name}` became {what}.");
        ctx.toggled(
            (was, is),
            n_ptr,
            ["request-parameter-became-required", &became("required")],
            ["request-parameter-became-optional", &became("optional")],
        );
        let ((os, oe), (ns, ne)) = (style(o), style(n));
        if os != ns {
            ctx.emit(
                "request-parameter-style-changed",
                &format!("{n_ptr}/style"),
                format!("The style of `{name}` changed from `{os}` to `{ns}`."),
            );
        }
        if oe != ne {
            ctx.emit(
                "request-parameter-explode-changed",
                &format!("{n_ptr}/explode"),
                format!("`explode` of `{name}` changed from {oe} to {ne}."),
            );
        }
        schemas(ctx, (o, n), Dir::Request, "parameter", n_ptr);
    }
}

fn content(v: &Value) -> Option<&Map<String, Value>> {
    v.get("content").and_then(Value::as_object)
}

fn request_body(ctx: &mut Ctx, o: &Value, n: &Value, ptr: &str) {
    let ptr = format!("{ptr}/requestBody");
    let ob = o.get("requestBody").map(|b| resolve(ctx.old, b).0);
    let nb = n.get("requestBody").map(|b| resolve(ctx.new, b).0);
    let (ob, nb) = match (ob, nb) {
        (None, None) => return,
        (Some(_), None) => {
            return ctx.emit(
                "request-body-removed",
                &ptr,
                "The request body was removed.".into(),
            );
        }
        (None, Some(nb)) => {
            let (rule, what) = if required(nb) {
                ("request-body-added-required", "required")
            } else {
                ("request-body-added-optional", "optional")
            };
            return ctx.emit(rule, &ptr, format!("A {what} request body was added."));
        }
        (Some(o), Some(n)) => (o, n),
    };
    ctx.toggled(
        (required(ob), required(nb)),
        &ptr,
        [
            "request-body-became-required",
            "The request body became required.",
        ],
        [
            "request-body-became-optional",
            "The request body became optional.",
        ],
    );
    let empty = Map::new();
    let (oc, nc) = (content(ob).unwrap_or(&empty), content(nb).unwrap_or(&empty));
    for (media, om) in oc {
        let mptr = format!("{ptr}/content/{}", escape(media));
        match nc.get(media) {
            None => ctx.emit(
                "request-body-media-type-removed",
                &mptr,
                format!("The request media type `{media}` is no longer accepted."),
            ),
            Some(nm) => schemas(ctx, (om, nm), Dir::Request, "body", &mptr),
        }
    }
    for media in nc.keys().filter(|m| !oc.contains_key(*m)) {
        ctx.emit(
            "request-body-media-type-added",
            &format!("{ptr}/content/{}", escape(media)),
            format!("The request media type `{media}` is accepted."),
        );
    }
}

fn success(status: &str) -> bool {
    status.starts_with('2')
}

fn responses(ctx: &mut Ctx, o: &Value, n: &Value, ptr: &str) {
    let empty = Map::new();
    let or = o
        .get("responses")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let nr = n
        .get("responses")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    for (status, old) in or {
        let sptr = format!("{ptr}/responses/{}", escape(status));
        let Some(new) = nr.get(status) else {
            let rule = if success(status) {
                "response-success-status-removed"
            } else {
                "response-non-success-status-removed"
            };
            ctx.emit(rule, &sptr, format!("The status `{status}` was removed."));
            continue;
        };
        let (old, new) = (resolve(ctx.old, old).0, resolve(ctx.new, new).0);
        headers(ctx, old, new, &sptr);
        let (oc, nc) = (
            content(old).unwrap_or(&empty),
            content(new).unwrap_or(&empty),
        );
        for (media, om) in oc {
            let mptr = format!("{sptr}/content/{}", escape(media));
            let Some(nm) = nc.get(media) else {
                ctx.emit(
                    "response-media-type-removed",
                    &mptr,
                    format!("The media type `{media}` of status `{status}` was removed."),
                );
                continue;
            };
            schemas(ctx, (om, nm), Dir::Response, "body", &mptr);
            if media.starts_with(streams::EVENT_STREAM) {
                streams::compare(ctx, om, nm, &mptr);
            }
        }
        for media in nc.keys().filter(|m| !oc.contains_key(*m)) {
            ctx.emit(
                "response-media-type-added",
                &format!("{sptr}/content/{}", escape(media)),
                format!("Status `{status}` may now return `{media}`."),
            );
        }
    }
    for status in nr.keys().filter(|s| !or.contains_key(*s)) {
        let rule = if success(status) {
            "response-success-status-added"
        } else {
            "response-non-success-status-added"
        };
        ctx.emit(
            rule,
            &format!("{ptr}/responses/{}", escape(status)),
            format!("The status `{status}` was added."),
        );
    }
}

fn header_map(v: &Value) -> BTreeMap<String, (&str, &Value)> {
    v.get("headers")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, h)| (k.to_lowercase(), (k.as_str(), h)))
                .collect()
        })
        .unwrap_or_default()
}

fn headers(ctx: &mut Ctx, old: &Value, new: &Value, sptr: &str) {
    let (oh, nh) = (header_map(old), header_map(new));
    for (key, (name, h)) in &oh {
        let h = resolve(ctx.old, h).0;
        let hptr = format!("{sptr}/headers/{}", escape(name));
        let Some((new_name, nhv)) = nh.get(key) else {
            let rule = if required(h) {
                "response-required-header-removed"
            } else {
                "response-optional-header-removed"
            };
            ctx.emit(rule, &hptr, format!("The header `{name}` was removed."));
            continue;
        };
        let hptr = format!("{sptr}/headers/{}", escape(new_name));
        let nhv = resolve(ctx.new, nhv).0;
        let sent = |what: &str| format!("The header `{name}` is {what} sent.");
        ctx.toggled(
            (required(h), required(nhv)),
            &hptr,
            ["response-header-became-required", &sent("always")],
            ["response-header-became-optional", &sent("no longer always")],
        );
        schemas(ctx, (h, nhv), Dir::Response, "header", &hptr);
    }
    for (key, (name, _)) in &nh {
        if !oh.contains_key(key) {
            ctx.emit(
                "new-response-header",
                &format!("{sptr}/headers/{}", escape(name)),
                format!("A new header `{name}`."),
            );
        }
    }
}

/// An operation's security alternatives (its own, else the document's): each a map from
/// scheme name to scopes. `{}` is "no authentication".
fn alternatives<'a>(root: &'a Value, op: &'a Value) -> Vec<BTreeMap<&'a str, Vec<&'a str>>> {
    let list = op
        .get("security")
        .or_else(|| root.get("security"))
        .and_then(Value::as_array);
    list.map(|l| {
        l.iter()
            .filter_map(Value::as_object)
            .map(|alt| {
                alt.iter()
                    .map(|(k, scopes)| {
                        let scopes = scopes
                            .as_array()
                            .map(|s| s.iter().filter_map(Value::as_str).collect())
                            .unwrap_or_default();
                        (k.as_str(), scopes)
                    })
                    .collect()
            })
            .collect()
    })
    .unwrap_or_else(|| vec![BTreeMap::new()])
}

fn show_alternative(alt: &BTreeMap<&str, Vec<&str>>) -> String {
    if alt.is_empty() {
        return "no authentication".into();
    }
    alt.keys()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn security(ctx: &mut Ctx, o: &Value, n: &Value, ptr: &str) {
    let (oa, na) = (alternatives(ctx.old, o), alternatives(ctx.new, n));
    let sptr = format!("{ptr}/security");
    let same_schemes =
        |a: &BTreeMap<&str, Vec<&str>>, b: &BTreeMap<&str, Vec<&str>>| a.keys().eq(b.keys());
    for alt in &oa {
        match na.iter().find(|b| same_schemes(alt, b)) {
            None => ctx.emit(
                "api-security-removed",
                &sptr,
                format!(
                    "Authentication by {} is no longer accepted.",
                    show_alternative(alt)
                ),
            ),
            Some(new_alt) => {
                for (scheme, scopes) in new_alt {
                    let old_scopes = &alt[scheme];
                    for s in scopes.iter().filter(|s| !old_scopes.contains(s)) {
                        ctx.emit(
                            "api-security-scope-added",
                            &sptr,
                            format!("`{scheme}` now needs the scope `{s}`."),
                        );
                    }
                    for s in old_scopes.iter().filter(|s| !scopes.contains(s)) {
                        ctx.emit(
                            "api-security-scope-removed",
                            &sptr,
                            format!("`{scheme}` no longer needs the scope `{s}`."),
                        );
                    }
                }
            }
        }
    }
    for alt in &na {
        if !oa.iter().any(|a| same_schemes(a, alt)) {
            ctx.emit(
                "api-security-added",
                &sptr,
                format!("Authentication by {} is accepted.", show_alternative(alt)),
            );
        }
    }
}
