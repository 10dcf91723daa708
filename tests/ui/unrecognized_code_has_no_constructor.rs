// An `UnrecognizedCode` comes only from looking a code up in its own table:
// no function makes one from a number, so none holds a listed code, and one
// table's unlisted code cannot go into another table's enum.
use mobileconnect_status::{SmsStatus, UnrecognizedCode};

#[mobileconnect_status::status_table("pass/small_table.toml")]
pub enum Status {}

fn main() {
    let _ = UnrecognizedCode::<SmsStatus>::__unlisted(4000);
    let _ = UnrecognizedCode::<SmsStatus>::unlisted(4000);
    // 4510 is unlisted in both tables, and still the types differ.
    if let SmsStatus::Unrecognized(code) = SmsStatus::from_code(4510) {
        let _ = Status::Unrecognized(code);
    }
}
