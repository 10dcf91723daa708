// Two blocks with the same code.
#[mobileconnect_status_macros::status_table("duplicate_code.toml")]
pub enum Status {}

// Code that uses the enum still compiles: only the table's mistakes show.
fn main() {
    let status = Status::from_code(4000);
    let _ = (status.code(), status.name(), status.stage(), status.action());
    let _ = Status::from_name("Delivered").map(Status::outcome);
}
