//! The same program as the `core` app, on the strum + num_enum table.

mod derived;

use derived::DerivedStatus;

fn main() {
    let statuses: Vec<DerivedStatus> = std::env::args()
        .skip(1)
        .filter_map(|argument| {
            DerivedStatus::from_decimal(&argument).or_else(|| argument.parse().ok())
        })
        .collect();
    for status in &statuses {
        println!("{} {}", u16::from(*status), status.name());
    }
    println!("last: {:?}", statuses.iter().max());
}
