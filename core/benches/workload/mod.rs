//! Inputs shaped like production traffic, the same on every run: mostly
//! listed codes, some the table does not list yet, in random order.

use mobileconnect_status::SmsStatus;

/// Share of inputs, in percent, that are codes the table does not list:
/// what a consumer built today meets once the table grows.
const UNLISTED_PERCENT: u64 = 10;

/// A small, fixed-seed generator (`SplitMix64`): the inputs are identical on
/// every run and machine, and no dependency is needed for them.
pub(crate) struct Random(u64);

impl Random {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `bound`.
    pub(crate) fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

/// `count` codes: each listed code equally likely, and `UNLISTED_PERCENT`
/// unlisted codes from the table's numbering range 1000–4999.
pub(crate) fn codes(count: usize, random: &mut Random) -> Vec<u16> {
    let listed = SmsStatus::ALL;
    let listed_count = u64::try_from(listed.len()).expect("the table fits in u64");
    (0..count)
        .map(|_| {
            if random.below(100) < UNLISTED_PERCENT {
                unlisted(random)
            } else {
                let index = usize::try_from(random.below(listed_count)).expect("an index");
                listed[index].code()
            }
        })
        .collect()
}

fn unlisted(random: &mut Random) -> u16 {
    loop {
        let code = 1000 + u16::try_from(random.below(4000)).expect("below 4000 fits in u16");
        if !SmsStatus::from_code(code).is_recognized() {
            return code;
        }
    }
}
