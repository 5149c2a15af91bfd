//! S4 (published): JSON first beside `text/event-stream`, so progenitor and readers type the
//! response from it; several request media types are an error.

use serde_json::{Map, Value};

use crate::oas30::error::{ErrorKind, Oas30Error, Result, push};

/// S4: JSON first beside `text/event-stream`; several request media types are an error.
pub(super) fn s4_streaming_media(op: &mut Map<String, Value>, ptr: &str) -> Result<()> {
    if let Some(content) = op
        .get("requestBody")
        .and_then(|b| b.get("content"))
        .and_then(Value::as_object)
        && content.len() > 1
    {
        return Err(Oas30Error::new(
            &push(&push(ptr, "requestBody"), "content"),
            ErrorKind::Unshapeable(format!(
                "{} request media types; progenitor generates exactly one",
                content.len()
            )),
        ));
    }
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    for response in responses.values_mut() {
        let Some(content) = response.get_mut("content").and_then(Value::as_object_mut) else {
            continue;
        };
        let first_is_json = content
            .keys()
            .next()
            .is_some_and(|k| k == "application/json");
        if content.contains_key("text/event-stream")
            && content.contains_key("application/json")
            && !first_is_json
        {
            let json = content.remove("application/json").expect("checked");
            let rest = std::mem::take(content);
            content.insert("application/json".into(), json);
            content.extend(rest);
        }
    }
    Ok(())
}
