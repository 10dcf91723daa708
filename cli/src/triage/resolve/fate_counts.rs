//! How many messages (or recipients) ended on each fate. Status codes are
//! counted in an array indexed by code, so the count per row of a large
//! extract is one increment; the few other fates in a map.

use std::collections::BTreeMap;

use super::fate::Fate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FateCounts {
    by_code: Box<[u64]>,
    others: BTreeMap<Fate, u64>,
}

impl Default for FateCounts {
    fn default() -> Self {
        Self {
            by_code: vec![0; usize::from(u16::MAX) + 1].into_boxed_slice(),
            others: BTreeMap::new(),
        }
    }
}

impl FateCounts {
    #[inline]
    pub(crate) fn add(&mut self, fate: Fate, count: u64) {
        match fate.status_code() {
            Some(code) => self.by_code[usize::from(code)] += count,
            None => *self.others.entry(fate).or_default() += count,
        }
    }

    /// Adds every count of `other`.
    pub(crate) fn absorb(&mut self, other: &Self) {
        for (mine, theirs) in self.by_code.iter_mut().zip(&other.by_code) {
            *mine += theirs;
        }
        for (&fate, &count) in &other.others {
            *self.others.entry(fate).or_default() += count;
        }
    }

    /// Each fate counted at least once, with its count: status codes in
    /// code order, then the fates without a code.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Fate, u64)> + '_ {
        let others = self.others.iter().map(|(&fate, &count)| (fate, count));
        let codes = self
            .by_code
            .iter()
            .enumerate()
            .filter(|&(_, &count)| count > 0)
            .map(|(code, &count)| {
                let code = u16::try_from(code).unwrap_or(u16::MAX);
                let status = mobileconnect_status::SmsStatus::from_code(code);
                (Fate::status(status), count)
            });
        codes.chain(others)
    }
}
