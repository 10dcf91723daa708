//! The generated table, expanded the way `mobileconnect-status` expands its
//! own: the same derives, and `Debug` written through `name()` as core
//! writes it (core/src/status.rs), not derived.

use core::fmt;

#[mobileconnect_status_macros::status_table("table.toml")]
#[derive(Clone, Copy)]
pub enum Scaled {}

impl fmt::Debug for Scaled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, self.name()) {
            (Self::Unrecognized(code), _) => f.debug_tuple("Unrecognized").field(code).finish(),
            (_, Some(name)) => f.write_str(name),
            (_, None) => f.write_str("Unrecognized"),
        }
    }
}
