//! What a generated enum tells core about itself, so that one generic
//! implementation of parsing, `Display`, `Debug` and serde serves every
//! enum `#[status_table]` expands, [`SmsStatus`](crate::SmsStatus) and a
//! user's own alike.
//!
//! Hidden support for the generated code (as thiserror's `__private`): not
//! public API, and it may change in any release.

use crate::UnrecognizedCode;

/// A status enum generated from a table. The macro implements it; nothing
/// else should.
pub trait Table: Copy + 'static {
    /// Every code the table lists, in ascending order.
    const CODES: &'static [u16];

    /// For a short table (one whose `from_code` is a `match`), the listed
    /// codes as bits counted from the first code (bit `code - CODES[0]` of
    /// the whole): [`find_code`] reads a code's row from it without a
    /// search. Empty for a long table, which is searched.
    const BITMAP: &'static [u64];

    /// For each word of [`BITMAP`](Self::BITMAP), the number of bits set
    /// in the words before it: the row of the word's first listed code.
    const RANKS: &'static [u16];

    /// The enum's `from_code`.
    fn from_code(code: u16) -> Self;

    /// The enum's `from_name`.
    fn from_name(name: &str) -> Option<Self>;

    /// The enum's `code`.
    fn code(self) -> u16;

    /// The enum's `name`.
    fn name(self) -> Option<&'static str>;
}

/// The row of `code` in `S`'s table, or `code` as a code `S` does not list.
///
/// The only way to make an [`UnrecognizedCode`]: it is made here, for a code
/// this search did not find, so no public function can make one that holds
/// a listed code (which would equal that code's variant but classify as
/// unlisted).
///
/// A short table answers from its bitmap: one bit says whether the code is
/// listed, which is all the work for the codes its `from_code`'s `match`
/// did not list, and the bits set below it count its row. A long table is
/// searched: the loop runs
/// log2(rows) times whatever the code, and its one data-dependent choice
/// is a conditional move, not a branch to predict.
///
/// # Errors
///
/// A code `S` does not list, as its [`UnrecognizedCode`].
#[inline]
pub const fn find_code<S: Table>(code: u16) -> Result<usize, UnrecognizedCode<S>> {
    let codes = S::CODES;
    let [first, ..] = codes else {
        return Err(UnrecognizedCode::unlisted(code));
    };
    if !S::BITMAP.is_empty() {
        return match ranked(S::BITMAP, S::RANKS, code.wrapping_sub(*first)) {
            Some(row) => Ok(row),
            None => Err(UnrecognizedCode::unlisted(code)),
        };
    }
    let mut low = 0;
    let mut len = codes.len();
    while len > 1 {
        let half = len / 2;
        if codes[low + half] <= code {
            low += half;
        }
        len -= half;
    }
    if codes[low] == code {
        Ok(low)
    } else {
        Err(UnrecognizedCode::unlisted(code))
    }
}

/// The row of the code at `offset` from the first code, if its bit is set:
/// the bits set before it, counted through `ranks` and the word's own
/// lower bits. A code below the first one wraps to an offset past the end.
#[inline]
const fn ranked(bits: &[u64], ranks: &[u16], offset: u16) -> Option<usize> {
    let offset = offset as usize;
    let index = offset / 64;
    if index >= bits.len() || index >= ranks.len() {
        return None;
    }
    let word = bits[index];
    let bit = offset % 64;
    if (word >> bit) & 1 == 0 {
        return None;
    }
    let below = word & ((1 << bit) - 1);
    Some(ranks[index] as usize + below.count_ones() as usize)
}

/// The listed status named `name`, ASCII case ignored, in a table too long
/// for `from_name` to be a `match`: `by_name_hash` is every listed name's
/// [`folded_name_hash`] with its row in `all`, sorted by hash. One pass
/// over the input, a binary search over integers, then one real comparison
/// per status with that hash (two names can share one).
///
/// Loops rather than iterator adapters: fewer generic items for the crate
/// that instantiates it to compile.
#[inline]
pub fn find_name<S: Table>(name: &str, by_name_hash: &[(u64, u16)], all: &[S]) -> Option<S> {
    let hash = folded_name_hash(name.as_bytes());
    let first = by_name_hash.partition_point(|&(known, _)| known < hash);
    for &(known, row) in &by_name_hash[first..] {
        if known != hash {
            break;
        }
        if let Some(&status) = all.get(usize::from(row)) {
            if matches!(status.name(), Some(listed) if listed.eq_ignore_ascii_case(name)) {
                return Some(status);
            }
        }
    }
    None
}

/// FNV-1a (64 bits) over the ASCII-lower-case bytes of `name`: the hash a
/// long table's names are sorted by. `mobileconnect-status-table` hashes
/// the table's names with the same function when it writes the table; both
/// are tested against the FNV-1a reference values.
///
/// `#[inline]` also keeps it out of core's own compile: only a crate with
/// a table that long calls it.
#[must_use]
#[inline]
pub const fn folded_name_hash(name: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut at = 0;
    while at < name.len() {
        hash = (hash ^ name[at].to_ascii_lowercase() as u64).wrapping_mul(0x0100_0000_01b3);
        at += 1;
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::folded_name_hash;

    #[test]
    fn the_name_hash_is_fnv_1a_of_the_lower_case_bytes() {
        // Reference values of FNV-1a, 64 bits.
        assert_eq!(folded_name_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(folded_name_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(folded_name_hash(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(folded_name_hash(b"FooBar"), folded_name_hash(b"foobar"));
        assert_ne!(
            folded_name_hash(b"Delivered"),
            folded_name_hash(b"Delivere")
        );
    }
}
