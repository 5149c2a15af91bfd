//! The client's dependency tree holds nothing that builds specs: no utoipa, no jsonschema, no
//! kindo-openapi or kindo-types, and no progenitor generator (only its small runtime).

use std::process::Command;

#[test]
fn no_spec_building_crates_in_the_client_tree() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "-p",
            "kindo-client",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8(out.stdout).unwrap();
    assert!(
        tree.contains("progenitor-client"),
        "the tree was read: {tree}"
    );
    let names: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for banned in [
        "utoipa",
        "utoipa-gen",
        "jsonschema",
        "kindo-openapi",
        "kindo-types",
        "progenitor",
        "progenitor-impl",
        "typify",
        "schemars",
        "aws-lc-sys",
    ] {
        assert!(
            !names.contains(&banned),
            "kindo-client depends on {banned}:\n{tree}"
        );
    }
}
