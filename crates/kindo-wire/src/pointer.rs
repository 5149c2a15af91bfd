//! JSON pointers (RFC 6901) and local `$ref`s. A `$ref` such as
//! `#/paths/~1v1~1agents~1%7BagentId%7D/get` is a URI fragment: a pointer whose reference
//! tokens are `~`-escaped and whose characters outside the fragment set are percent-encoded.

use serde_json::Value;

/// Escapes one reference token: `~` → `~0`, `/` → `~1`.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Undoes [`escape`] on one reference token (`~1` first would turn `~01` into `/`).
pub fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// `base` extended by one (escaped) reference token.
pub fn push(base: &str, token: &str) -> String {
    format!("{base}/{}", escape(token))
}

/// The unescaped last reference token of `pointer` (`None` for the root pointer `""`).
pub fn last_token(pointer: &str) -> Option<String> {
    pointer.rsplit_once('/').map(|(_, token)| unescape(token))
}

/// Percent-encodes a pointer for use as a URI fragment: everything outside RFC 3986's
/// `pchar` set and `/` (e.g. `{`, `}`, spaces, non-ASCII) becomes `%XX`.
pub fn percent_encode(pointer: &str) -> String {
    let mut out = String::with_capacity(pointer.len());
    for b in pointer.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (two hex digits; anything else stays as written). Bytes that do not
/// form UTF-8 are replaced, so the result is always a string.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(high), Some(low)) = (hex(bytes.get(i + 1)), hex(bytes.get(i + 2)))
        {
            out.push(high * 16 + low);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: Option<&u8>) -> Option<u8> {
    (*b? as char).to_digit(16).map(|d| d as u8)
}

/// The pointer a local `$ref` names (`#/a/b%7Bc%7D` → `/a/b{c}`); `None` for a reference to
/// another document.
pub fn local_target(reference: &str) -> Option<String> {
    reference.strip_prefix('#').map(percent_decode)
}

/// The pointer the `$ref` member of `value` names, when it is a local one.
pub fn ref_target(value: &Value) -> Option<String> {
    local_target(value.get("$ref")?.as_str()?)
}

/// What a local `$ref` names in `root`.
pub fn resolve<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    root.pointer(&local_target(reference)?)
}

/// Follows local `$ref`s from `value` within `root`, at most `max` of them, so a loop ends
/// at the last object reached instead of hanging. Returns that object and the last reference
/// followed (`None` when `value` was inline). A reference that does not resolve is where the
/// walk stops.
pub fn follow<'a>(root: &'a Value, value: &'a Value, max: usize) -> (&'a Value, Option<&'a str>) {
    let mut current = value;
    let mut last = None;
    for _ in 0..max {
        let Some(reference) = current.get("$ref").and_then(Value::as_str) else {
            break;
        };
        match resolve(root, reference) {
            Some(next) => {
                last = Some(reference);
                current = next;
            }
            None => break,
        }
    }
    (current, last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tokens_escape_and_unescape() {
        assert_eq!(escape("application/json"), "application~1json");
        assert_eq!(escape("a~/b"), "a~0~1b");
        assert_eq!(unescape("a~0~1b"), "a~/b");
        // `~01` is an escaped `~` followed by `1`, not a slash.
        assert_eq!(unescape("~01"), "~1");
        assert_eq!(push("/paths", "/v1/models"), "/paths/~1v1~1models");
        assert_eq!(
            last_token("/content/text~1event-stream").as_deref(),
            Some("text/event-stream")
        );
        assert_eq!(last_token(""), None);
    }

    #[test]
    fn pointers_round_trip_through_percent_encoding() {
        let p = "/paths/~1v1~1agents~1{agentId}/get/responses/200/content/application~1json/schema";
        let enc = percent_encode(p);
        assert!(enc.contains("%7BagentId%7D"), "{enc}");
        assert_eq!(percent_decode(&enc), p);
        assert_eq!(percent_decode(&percent_encode("/é ü")), "/é ü");
    }

    #[test]
    fn malformed_escapes_stay_as_written() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
        // A sign is not a hex digit (`from_str_radix` would accept `+1`).
        assert_eq!(percent_decode("%+1"), "%+1");
        // A multi-byte character after `%` is kept, not split.
        assert_eq!(percent_decode("%é"), "%é");
    }

    #[test]
    fn local_references_resolve_and_chains_are_bounded() {
        let root = json!({
            "components": {"schemas": {
                "A{x}": {"$ref": "#/components/schemas/B"},
                "B": {"type": "string"},
                "Loop": {"$ref": "#/components/schemas/Loop"},
                "Dangling": {"$ref": "#/components/schemas/Missing"}
            }}
        });
        assert_eq!(local_target("other.json#/a"), None);
        assert_eq!(
            resolve(&root, "#/components/schemas/B"),
            Some(&json!({"type": "string"}))
        );
        let start = json!({"$ref": "#/components/schemas/A%7Bx%7D"});
        let (target, last) = follow(&root, &start, 32);
        assert_eq!(target, &json!({"type": "string"}));
        assert_eq!(last, Some("#/components/schemas/B"));
        let inline = json!({"type": "integer"});
        assert_eq!(follow(&root, &inline, 32), (&inline, None));
        let (looped, _) = follow(&root, &root["components"]["schemas"]["Loop"], 32);
        assert_eq!(looped, &root["components"]["schemas"]["Loop"]);
        let dangling = &root["components"]["schemas"]["Dangling"];
        assert_eq!(follow(&root, dangling, 32), (dangling, None));
    }
}
