// The table path names a directory: refused before anything is read, as a
// device or a pipe would be, which could keep the build waiting forever.
#[mobileconnect_status_macros::status_table("pass")]
pub enum Status {}

fn main() {
    let _ = Status::from_code(4000).is_final_for(mobileconnect_status::CodeKind::Shared);
}
