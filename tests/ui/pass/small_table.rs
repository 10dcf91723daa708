// A valid table expands in any crate, under strict lints, in code order.
#![deny(warnings)]

use mobileconnect_status::{Action, CodeKind};

#[mobileconnect_status_macros::status_table("pass/small_table.toml")]
pub enum Status {}

fn main() {
    let codes: Vec<u16> = Status::ALL.iter().map(|s| s.code()).collect();
    assert_eq!(codes, [1000, 4000, 4503]);
    assert_eq!(Status::from_code(4503), Status::Rejected);
    assert_eq!(Status::Rejected.action(), Action::Investigate);
    assert!(Status::Rejected.note().is_some() && Status::Delivered.note().is_none());
    assert!(!Status::from_code(4510).is_final_for(CodeKind::Shared));
    assert_eq!(Status::from_name("rejected"), Some(Status::Rejected));
}
