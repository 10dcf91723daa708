//! The lookup timer shared by the scaled and floor apps: the same inputs
//! from the same seed, and nanoseconds per call, the median of 31 rounds.

use std::hint::black_box;
use std::time::Instant;

/// Inputs per round.
pub const BATCH: usize = 1024;
const ROUNDS: usize = 31;

/// `SplitMix64`: the same inputs on every run.
pub struct Random(pub u64);

impl Random {
    pub fn below(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % bound
    }

    pub fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).expect("an index")
    }
}

/// `BATCH` codes like the benches': 90% drawn from `listed`, 10% random
/// codes for which `is_unlisted` holds, in random order.
pub fn codes(random: &mut Random, listed: &[u16], is_unlisted: impl Fn(u16) -> bool) -> Vec<u16> {
    (0..BATCH)
        .map(|_| {
            if random.below(100) < 10 {
                loop {
                    let code = u16::try_from(random.below(65536)).expect("below 65536");
                    if is_unlisted(code) {
                        break code;
                    }
                }
            } else {
                listed[random.index(listed.len())]
            }
        })
        .collect()
}

/// Median nanoseconds per call of `each` over `inputs`, with enough repeats
/// per round that one round takes about a millisecond or more.
pub fn ns_per_lookup<T>(inputs: &[T], mut each: impl FnMut(&T)) -> f64 {
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
