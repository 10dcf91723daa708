//! Shared helpers for the behaviour tests live in the test files themselves; this crate exists to hold them.
