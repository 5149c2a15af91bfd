//! Holds no code: `tests/three_way.rs` checks that every valid corpus example conforms to the
//! published schema, deserialises into both Rust type sets (`kindo-types` and the generated
//! `kindo-client`) and re-serialises unchanged. It is its own crate so that the client and the
//! checker it judges with do not depend on each other.
