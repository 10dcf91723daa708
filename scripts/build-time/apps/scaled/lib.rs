//! The generated table, expanded the way `mobileconnect-status` expands its
//! own: the attribute on an empty enum, every function and trait impl from
//! the expansion.

#[mobileconnect_status_macros::status_table("table.toml")]
pub enum Scaled {}
