//! The generated table, expanded the way `mobileconnect-status` expands its own.

#[mobileconnect_status_macros::status_table("table.toml")]
#[derive(Clone, Copy, Debug)]
pub enum Scaled {}
