//! `.pre-commit-hooks.yaml`, which other repositories' pre-commit reads:
//! its hook runs a script of this repository that builds and runs
//! `sms-status check`. The tests do not install pre-commit; these hold the
//! pieces it relies on.

use std::fs;

use mobileconnect_status_tests::repository;

/// The value of `key: value` in the hook's lines.
fn value<'a>(hooks: &'a str, key: &str) -> &'a str {
    hooks
        .lines()
        .map(str::trim_start)
        .map(|line| line.strip_prefix("- ").unwrap_or(line))
        .find_map(|line| line.strip_prefix(&format!("{key}: ")))
        .unwrap_or_else(|| panic!("no {key} in .pre-commit-hooks.yaml"))
        .trim()
}

#[test]
fn the_hook_runs_an_executable_script_that_builds_this_repositorys_check() {
    let hooks = fs::read_to_string(repository().join(".pre-commit-hooks.yaml"))
        .expect(".pre-commit-hooks.yaml at the repository's top");
    assert_eq!(value(&hooks, "id"), "sms-status-check");
    // `script` runs `entry` from the hook's repository; `rust` would
    // `cargo install --path .`, which a virtual workspace refuses.
    assert_eq!(value(&hooks, "language"), "script");
    assert_eq!(value(&hooks, "require_serial"), "true");
    let entry = repository().join(value(&hooks, "entry"));
    let metadata =
        fs::metadata(&entry).unwrap_or_else(|error| panic!("{}: {error}", entry.display()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert!(
            metadata.permissions().mode() & 0o111 != 0,
            "{} is executable",
            entry.display()
        );
    }
    assert!(metadata.is_file());

    let script = fs::read_to_string(&entry).expect("the hook's script");
    let manifest = fs::read_to_string(repository().join("cli/Cargo.toml")).expect("cli");
    let package = manifest
        .lines()
        .find_map(|line| line.strip_prefix("name = "))
        .expect("the CLI's package name")
        .trim_matches('"');
    assert!(script.starts_with("#!/bin/sh\n"), "{script}");
    assert!(
        script.contains(&format!("-p {package} --bin sms-status -- check \"$@\"")),
        "the script runs {package}'s sms-status check on the files it is given:\n{script}"
    );
}
