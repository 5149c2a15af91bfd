//! Koda's control plane: owner registration and login (which set the session cookie),
//! sessions and API tokens, agents draft → published → active, `Idempotency-Key` replays and
//! `limit`/`cursor`/`next_cursor` pages. Other operations answer with their documented examples.

use serde_json::{Value, json};

use crate::auth::Caller;
use crate::errors::Fail;
use crate::ids::{now, rfc3339};
use crate::reply::Reply;
use crate::server::Ctx;
use crate::state::Koda;

const COOKIE: &str = "koda_operator_session";

pub fn dispatch(ctx: &Ctx<'_>) -> Reply {
    let id = ctx.op.id.as_str();
    // Creations replay their first answer for a repeated Idempotency-Key.
    let idempotent = matches!(id, "registerOwner" | "createApiToken" | "createAgent");
    let key = ctx.header("idempotency-key").map(str::to_owned);
    if idempotent
        && let Some(k) = &key
        && let Some((status, body)) = ctx
            .mock
            .with_koda(|koda| koda.idempotent.get(&(id.to_owned(), k.clone())).cloned())
    {
        return Reply::json(status, body).header("idempotent-replayed", "true");
    }
    let reply = match id {
        "registerOwner" => register_owner(ctx),
        "login" => login(ctx),
        "logout" => logout(ctx),
        "getAuthStatus" => status(ctx),
        "listSessions" => list_sessions(ctx),
        "revokeSession" => revoke_session(ctx),
        "createApiToken" => create_token(ctx),
        "revokeApiToken" => revoke_token(ctx),
        "listAgents" => list_agents(ctx),
        "createAgent" => create_agent(ctx),
        "getAgent" => with_agent(ctx, |a| Ok(a.clone())),
        "updateAgent" => update_agent(ctx),
        "publishAgent" => with_agent(ctx, |a| {
            a["status"] = json!("published");
            a["version"] = json!(a["version"].as_u64().unwrap_or(0) + 1);
            a["published_at"] = json!(rfc3339(now()));
            Ok(a.clone())
        }),
        "activateAgent" => with_agent(ctx, |a| {
            if a["status"] != "published" && a["status"] != "active" {
                return Err(Fail::new(
                    409,
                    "agent.not_published",
                    format!(
                        "Agent {} must be published before it can be activated.",
                        a["agent_id"].as_str().unwrap_or_default()
                    ),
                ));
            }
            a["status"] = json!("active");
            Ok(a.clone())
        }),
        _ => crate::examples::generic(ctx.doc, ctx.op, ctx.body.as_ref()),
    };
    if idempotent
        && let Some(k) = key
        && let crate::reply::Body::Json(body) = &reply.body
        && (200..300).contains(&reply.status)
    {
        let entry = (reply.status, body.clone());
        ctx.mock
            .with_koda(|koda| koda.idempotent.insert((id.to_owned(), k), entry));
    }
    reply
}

/// One page of `items`: `limit` entries after the opaque `cursor`, with `next_cursor` only
/// while more remain.
fn page(ctx: &Ctx<'_>, items: Vec<Value>) -> Result<Value, Fail> {
    let limit = ctx
        .query("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(50);
    let offset = match ctx.query("cursor") {
        None => 0,
        Some(c) => c
            .strip_prefix('c')
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| {
                Fail::new(
                    400,
                    "request.invalid_cursor",
                    format!("cursor {c:?} was not issued by this server"),
                )
            })?,
    };
    let end = (offset + limit).min(items.len());
    let mut out = json!({"items": items.get(offset.min(items.len())..end).unwrap_or_default()});
    if end < items.len() {
        out["next_cursor"] = json!(format!("c{end}"));
    }
    Ok(out)
}

fn new_session(ctx: &Ctx<'_>) -> Reply {
    let cookie = ctx.mock.ids.prefixed("sess_secret_");
    let session_id = ctx.mock.ids.prefixed("sess_");
    let expires = rfc3339(now() + 7 * 86_400);
    let info =
        json!({"session_id": session_id, "created_at": rfc3339(now()), "expires_at": expires});
    let owner = ctx.mock.with_koda(|k| {
        k.sessions.push((cookie.clone(), info.clone()));
        k.owner.clone()
    });
    let mut body = info;
    if let Some(owner) = owner {
        body["operator"] = json!({"email": owner["email"], "role": "owner"});
    }
    Reply::json(200, body).header(
        "set-cookie",
        format!("{COOKIE}={cookie}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=604800"),
    )
}

fn register_owner(ctx: &Ctx<'_>) -> Reply {
    let body = ctx.body.clone().unwrap_or(json!({}));
    let exists = ctx.mock.with_koda(|k| {
        if k.owner.is_some() {
            return true;
        }
        k.owner = Some(body.clone());
        false
    });
    if exists {
        return ctx.fail(Fail::new(
            409,
            "auth.owner_exists",
            "An owner is already registered.",
        ));
    }
    let mut reply = new_session(ctx);
    reply.status = 201;
    reply
}

fn login(ctx: &Ctx<'_>) -> Reply {
    let body = ctx.body.clone().unwrap_or(json!({}));
    let owner = ctx.mock.with_koda(|k| k.owner.clone());
    let Some(owner) = owner else {
        return ctx.fail(Fail::new(
            401,
            "auth.owner_not_registered",
            "No owner is registered yet; register the owner first.",
        ));
    };
    let same = |field: &str| body.get(field).is_none() || body.get(field) == owner.get(field);
    if !(same("password") && same("email") && same("username")) {
        return ctx.fail(Fail::new(
            401,
            "auth.invalid_credentials",
            "The credentials are not valid.",
        ));
    }
    new_session(ctx)
}

fn logout(ctx: &Ctx<'_>) -> Reply {
    if let Caller::Cookie(cookie) = &ctx.caller {
        ctx.mock
            .with_koda(|k| k.sessions.retain(|(c, _)| c != cookie));
    }
    Reply::json(200, json!({"ok": true}))
        .header("set-cookie", format!("{COOKIE}=; Path=/; Max-Age=0"))
}

fn status(ctx: &Ctx<'_>) -> Reply {
    let registered = ctx.mock.with_koda(|k| k.owner.is_some());
    Reply::json(
        200,
        json!({
            "authenticated": ctx.caller != Caller::Anonymous,
            "owner_registered": registered
        }),
    )
}

fn list_sessions(ctx: &Ctx<'_>) -> Reply {
    let current = match &ctx.caller {
        Caller::Cookie(c) => Some(c.clone()),
        _ => None,
    };
    let items: Vec<Value> = ctx.mock.with_koda(|k| {
        k.sessions
            .iter()
            .map(|(c, s)| {
                let mut s = s.clone();
                s["current"] = json!(Some(c) == current.as_ref());
                s
            })
            .collect()
    });
    match page(ctx, items) {
        Ok(p) => Reply::json(200, p),
        Err(f) => ctx.fail(f),
    }
}

/// `{"ok": true}` when an entry of `list` had `key` equal to the path parameter and was removed,
/// else the 404 `{what}.not_found`.
fn revoke(
    ctx: &Ctx<'_>,
    key: &str,
    what: &str,
    list: fn(&mut Koda) -> &mut Vec<(String, Value)>,
) -> Reply {
    let id = ctx.param(key);
    let removed = ctx.mock.with_koda(|k| {
        let entries = list(k);
        let before = entries.len();
        entries.retain(|(_, e)| e[key] != id);
        before != entries.len()
    });
    if !removed {
        let mut name = what.to_owned();
        name[..1].make_ascii_uppercase();
        return ctx.fail(Fail::new(
            404,
            &format!("{what}.not_found"),
            format!("{name} {id} was not found."),
        ));
    }
    Reply::json(200, json!({"ok": true}))
}

fn revoke_session(ctx: &Ctx<'_>) -> Reply {
    revoke(ctx, "session_id", "session", |k| &mut k.sessions)
}

fn create_token(ctx: &Ctx<'_>) -> Reply {
    let secret = ctx.mock.ids.prefixed("koda_tok_");
    let id = ctx.mock.ids.prefixed("tok_");
    let name = ctx.body_field("/name").cloned().unwrap_or(json!("token"));
    let info = json!({"token_id": id, "name": name, "created_at": rfc3339(now())});
    ctx.mock
        .with_koda(|k| k.tokens.push((secret.clone(), info.clone())));
    let mut body = info;
    body["token"] = json!(secret);
    Reply::json(201, body)
}

fn revoke_token(ctx: &Ctx<'_>) -> Reply {
    revoke(ctx, "token_id", "token", |k| &mut k.tokens)
}

fn list_agents(ctx: &Ctx<'_>) -> Reply {
    let items = ctx.mock.with_koda(|k| k.agents.clone());
    match page(ctx, items) {
        Ok(p) => Reply::json(200, p),
        Err(f) => ctx.fail(f),
    }
}

fn create_agent(ctx: &Ctx<'_>) -> Reply {
    let mut agent = ctx
        .body
        .clone()
        .filter(Value::is_object)
        .unwrap_or(json!({}));
    let id = agent["agent_id"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| ctx.mock.ids.prefixed("agent_"));
    if ctx
        .mock
        .with_koda(|k| k.agents.iter().any(|a| a["agent_id"] == id.as_str()))
    {
        return ctx.fail(Fail::new(
            409,
            "agent.exists",
            format!("Agent {id} already exists."),
        ));
    }
    agent["agent_id"] = json!(id);
    agent["status"] = json!("draft");
    agent["version"] = json!(0);
    agent["created_at"] = json!(rfc3339(now()));
    ctx.mock.with_koda(|k| k.agents.push(agent.clone()));
    Reply::json(201, agent)
}

fn update_agent(ctx: &Ctx<'_>) -> Reply {
    let patch = ctx.body.clone().unwrap_or(json!({}));
    with_agent(ctx, |a| {
        if let (Some(a), Some(p)) = (a.as_object_mut(), patch.as_object()) {
            for (k, v) in p {
                if k != "agent_id" && k != "status" {
                    a.insert(k.clone(), v.clone());
                }
            }
        }
        Ok(a.clone())
    })
}

fn with_agent(ctx: &Ctx<'_>, f: impl FnOnce(&mut Value) -> Result<Value, Fail>) -> Reply {
    let id = ctx.param("agent_id");
    let result = ctx
        .mock
        .with_koda(|k| k.agents.iter_mut().find(|a| a["agent_id"] == id).map(f));
    match result {
        Some(Ok(agent)) => Reply::json(200, agent),
        Some(Err(fail)) => ctx.fail(fail),
        None => ctx.fail(Fail::new(
            404,
            "agent.not_found",
            format!("Agent {id} was not found."),
        )),
    }
}
