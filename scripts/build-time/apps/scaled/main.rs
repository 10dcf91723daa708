//! Times `from_code` and `from_name` on the generated table: nanoseconds per
//! lookup, the median of 31 rounds, printed as `key=value` for the script.
//! Inputs are like the benches': 90% listed codes, 10% unlisted, random order.

use std::hint::black_box;
use std::time::Instant;

use scaled::Scaled;

const BATCH: usize = 1024;
const ROUNDS: usize = 31;

/// `SplitMix64`: the same inputs on every run.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % bound
    }

    fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).expect("an index")
    }
}

/// Median nanoseconds per call of `each` over `inputs`, with enough repeats
/// per round that one round takes about a millisecond or more.
fn ns_per_lookup<T>(inputs: &[T], mut each: impl FnMut(&T)) -> f64 {
    let repeats = 200;
    let mut rounds: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..repeats {
                for input in black_box(inputs) {
                    each(input);
                }
            }
            start.elapsed().as_secs_f64() * 1e9 / (repeats * inputs.len()) as f64
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[ROUNDS / 2]
}

fn main() {
    let mut random = Random(0x5EED_C0DE);
    let listed = Scaled::ALL;
    let codes: Vec<u16> = (0..BATCH)
        .map(|_| {
            if random.below(100) < 10 {
                loop {
                    let code = u16::try_from(random.below(65536)).expect("below 65536");
                    if Scaled::from_code(code).name().is_none() {
                        break code;
                    }
                }
            } else {
                listed[random.index(listed.len())].code()
            }
        })
        .collect();
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
