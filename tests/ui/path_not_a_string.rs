// The attribute's argument is not a plain string literal.
#[mobileconnect_status_macros::status_table(status_codes)]
pub enum Status {}

// Code that uses the enum still compiles: only the attribute's mistake shows.
fn main() {
    let status = Status::from_code(4000);
    let _ = (status.code(), status.name(), status.stage(), status.action());
}
