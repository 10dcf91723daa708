// Block headers with one bracket, or unbalanced brackets.
#[mobileconnect_status_macros::status_table("syntax_bad_header.toml")]
pub enum Status {}

// Code that uses the enum still compiles: only the table's mistakes show.
fn main() {
    let status = Status::from_code(4000);
    let _ = (status.code(), status.name(), status.stage(), status.action());
    let _ = Status::from_name("Delivered").map(Status::outcome);
}
