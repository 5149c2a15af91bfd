//! S2: non-negative `int32`/`int64` become `uint32`/`uint64` (`u32`/`u64` in Rust; published:
//! `minimum` still says the same).

use serde_json::Value;

/// S2: non-negative `int32`/`int64` become `uint32`/`uint64`.
pub(super) fn s2_unsigned_formats(schema: &mut Value) {
    let Some(o) = schema.as_object_mut() else {
        return;
    };
    if o.get("type") != Some(&Value::from("integer")) {
        return;
    }
    let non_negative = o
        .get("minimum")
        .and_then(Value::as_f64)
        .is_some_and(|m| m >= 0.0);
    let unsigned = match o.get("format").and_then(Value::as_str) {
        Some("int32") => "uint32",
        Some("int64") => "uint64",
        _ => return,
    };
    if non_negative {
        o.insert("format".into(), Value::from(unsigned));
    }
}
