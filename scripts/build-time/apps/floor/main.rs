//! Times `from_code` of the hand-written enum, a `match` with one arm per
//! row, on the same inputs as the scaled app's timer: nanoseconds per lookup,
//! printed as `key=value` for the script.

mod lookup_timer;

use std::hint::black_box;

use floor::Floor;
use lookup_timer::{Random, codes, ns_per_lookup};

fn main() {
    let mut random = Random(0x5EED_C0DE);
    let listed: Vec<u16> = Floor::ALL.iter().map(|status| status.code()).collect();
    let codes = codes(&mut random, &listed, |code| {
        matches!(Floor::from_code(code), Floor::Unrecognized(_))
    });
    let from_code = ns_per_lookup(&codes, |&code| {
        black_box(Floor::from_code(black_box(code)));
    });
    println!("rows={} from_code_ns={from_code:.2}", listed.len());
}
