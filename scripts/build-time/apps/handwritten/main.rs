//! The same program as the `core` app, on the hand-written table.

mod handwritten;

use handwritten::HandStatus;

fn main() {
    let statuses: Vec<HandStatus> = std::env::args()
        .skip(1)
        .filter_map(|argument| argument.parse().ok())
        .collect();
    for status in &statuses {
        println!("{status}");
    }
    println!("last: {:?}", statuses.iter().max());
}
