// The table file does not exist.
#[mobileconnect_status_macros::status_table("no-such-table.toml")]
pub enum Status {}

fn main() {
    let _ = Status::from_code(4000).is_final_for(mobileconnect_status::CodeKind::Shared);
}
