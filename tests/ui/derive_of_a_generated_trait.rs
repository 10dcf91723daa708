// Deriving a trait the expansion already implements: one error per trait,
// on its name, saying why; no "conflicting implementations" errors, and the
// enum keeps the generated impls (by code), so code using them compiles.
#[mobileconnect_status::status_table("pass/small_table.toml")]
#[derive(Clone, Copy, Debug)]
#[derive(PartialEq, std::hash::Hash, serde::Deserialize)]
pub enum Status {}

fn main() {
    let status = Status::from_code(4000);
    assert_eq!(status, Status::Delivered);
    let _ = std::collections::HashSet::from([status]);
}
