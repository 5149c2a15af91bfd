//! Document-wide parts: security schemes in `components` and the root `servers` (the server
//! comparison is shared with path- and operation-level `servers`).

use serde_json::{Map, Value};

use super::{Ctx, escape};

pub fn compare(ctx: &mut Ctx) {
    security_schemes(ctx);
    let (old, new) = (ctx.old.get("servers"), ctx.new.get("servers"));
    servers(ctx, old, new, "/servers");
}

/// What identifies a scheme on the wire: type, location and name of an API key (header names
/// are case-insensitive), HTTP scheme (case-insensitive), OAuth/OpenID parameters as written.
fn wire_identity(s: &Value) -> Vec<String> {
    let field = |k: &str| s.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    let mut id = vec![field("type"), field("in")];
    let name = field("name");
    id.push(if field("in") == "header" {
        name.to_lowercase()
    } else {
        name
    });
    id.push(field("scheme").to_lowercase());
    id.push(field("openIdConnectUrl"));
    id.push(s.get("flows").map(Value::to_string).unwrap_or_default());
    id
}

fn security_schemes(ctx: &mut Ctx) {
    let empty = Map::new();
    let get = |doc: &'_ Value| -> Map<String, Value> {
        doc.pointer("/components/securitySchemes")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    let (old, new) = (get(ctx.old), get(ctx.new));
    let _ = &empty;
    for (name, o) in &old {
        let ptr = format!("/components/securitySchemes/{}", escape(name));
        match new.get(name) {
            None => ctx.emit(
                "security-scheme-removed",
                &ptr,
                format!("The security scheme `{name}` was removed."),
            ),
            Some(n) if wire_identity(o) != wire_identity(n) => ctx.emit(
                "security-scheme-changed",
                &ptr,
                format!("The security scheme `{name}` changed how credentials are sent."),
            ),
            Some(_) => {}
        }
    }
    for name in new.keys().filter(|k| !old.contains_key(*k)) {
        ctx.emit(
            "security-scheme-added",
            &format!("/components/securitySchemes/{}", escape(name)),
            format!("The security scheme `{name}` was added."),
        );
    }
}

fn server_list(list: Option<&Value>) -> Vec<(usize, &str, &Value)> {
    list.and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .enumerate()
                .filter_map(|(i, s)| Some((i, s.get("url")?.as_str()?, s)))
                .collect()
        })
        .unwrap_or_default()
}

/// Compares two `servers` lists; `base` is the pointer of the new one.
pub(crate) fn servers(ctx: &mut Ctx, old: Option<&Value>, new: Option<&Value>, base: &str) {
    let (old, new) = (server_list(old), server_list(new));
    for (_, url, o) in &old {
        let Some((i, _, n)) = new.iter().find(|(_, u, _)| u == url) else {
            ctx.emit(
                "server-removed",
                base,
                format!("The server `{url}` was removed."),
            );
            continue;
        };
        let vars = |s: &Value| s.get("variables").and_then(Value::as_object).cloned();
        let (ov, nv) = (vars(o).unwrap_or_default(), vars(n).unwrap_or_default());
        for (name, ovar) in &ov {
            let ptr = format!("{base}/{i}/variables/{}", escape(name));
            let Some(nvar) = nv.get(name) else {
                ctx.emit(
                    "server-variable-removed",
                    &ptr,
                    format!("The variable `{name}` of `{url}` was removed."),
                );
                continue;
            };
            let values = |v: &Value| -> Option<Vec<Value>> { v.get("enum")?.as_array().cloned() };
            if let (Some(oe), Some(ne)) = (values(ovar), values(nvar)) {
                for v in oe.iter().filter(|v| !ne.contains(v)) {
                    ctx.emit(
                        "server-variable-enum-value-removed",
                        &ptr,
                        format!("`{name}` no longer allows {v}."),
                    );
                }
                for v in ne.iter().filter(|v| !oe.contains(v)) {
                    ctx.emit(
                        "server-variable-enum-value-added",
                        &ptr,
                        format!("`{name}` allows {v}."),
                    );
                }
            }
            if ovar.get("default") != nvar.get("default") {
                ctx.emit(
                    "server-variable-default-changed",
                    &format!("{ptr}/default"),
                    format!("The default of `{name}` changed."),
                );
            }
        }
        for name in nv.keys().filter(|k| !ov.contains_key(*k)) {
            ctx.emit(
                "server-variable-added",
                &format!("{base}/{i}/variables/{}", escape(name)),
                format!("`{url}` has a new variable `{name}`."),
            );
        }
    }
    for (i, url, _) in &new {
        if !old.iter().any(|(_, u, _)| u == url) {
            ctx.emit(
                "server-added",
                &format!("{base}/{i}"),
                format!("The server `{url}` was added."),
            );
        }
    }
}
