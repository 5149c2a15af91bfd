//! Client-only S7: an open union's catch-all string keeps `not: {enum}` and loses the `pattern`
//! that restates it, so the generated client needs no regular-expression engine.

use serde_json::Value;

/// S7 (see the module docs).
pub(super) fn s7_catch_all_without_pattern(schema: &mut Value) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let restated = obj.get("not").is_some_and(|n| n.get("enum").is_some());
    if restated {
        obj.remove("pattern");
    }
}
