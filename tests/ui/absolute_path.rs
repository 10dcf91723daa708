// An absolute path, which would only work on one machine.
#[mobileconnect_status_macros::status_table("/etc/status-codes.toml")]
pub enum Status {}

fn main() {
    let _ = Status::from_code(4000).is_final_for(mobileconnect_status::CodeKind::Shared);
}
