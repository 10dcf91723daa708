//! Times `from_code` and `from_name` on the generated table: nanoseconds per
//! lookup, the median of 31 rounds, printed as `key=value` for the script.
//! Inputs are like the benches': 90% listed codes, 10% unlisted, random order.

mod lookup_timer;

use std::hint::black_box;

use lookup_timer::{BATCH, Random, codes, ns_per_lookup};
use scaled::Scaled;

fn main() {
    let mut random = Random(0x5EED_C0DE);
    let listed = Scaled::ALL;
    let listed_codes: Vec<u16> = listed.iter().map(|status| status.code()).collect();
    let codes = codes(&mut random, &listed_codes, |code| {
        Scaled::from_code(code).name().is_none()
    });
    let names: Vec<&str> = (0..BATCH)
        .map(|_| listed[random.index(listed.len())].name().unwrap_or_default())
        .collect();
    let from_code = ns_per_lookup(&codes, |&code| {
        black_box(Scaled::from_code(black_box(code)));
    });
    let from_name = ns_per_lookup(&names, |name| {
        black_box(Scaled::from_name(black_box(name)));
    });
    println!("rows={} from_code_ns={from_code:.2} from_name_ns={from_name:.2}", listed.len());
}
