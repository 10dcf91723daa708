//! Reads statuses from the arguments and prints each one and the last one:
//! enough use of the API that its code is compiled, as in a real service.

use mobileconnect_status::SmsStatus;

fn main() {
    let statuses: Vec<SmsStatus> = std::env::args()
        .skip(1)
        .filter_map(|argument| argument.parse().ok())
        .collect();
    for status in &statuses {
        println!("{status} {:?}", status.action());
    }
    println!("last: {:?}", statuses.iter().max());
}
