//! `from_name`: a `match` for a short table, a search of name hashes for a
//! long one.

use std::fmt::Write as _;

use super::super::table::Table;
use super::per_row::per_row;

pub(super) fn from_name_fn(table: &Table) -> String {
    let body = if table.rows().len() <= MATCHED_NAMES_MAX_ROWS {
        matched_names(table)
    } else {
        hashed_names(table)
    };
    format!(
        "
    /// The status with this table name, ignoring ASCII case.
    #[must_use]
    #[inline]
    pub fn from_name(name: &str) -> ::core::option::Option<Self> {{
        {body}
    }}
"
    )
}

/// Up to this many rows, `from_name` is a `match`: for a short table a few
/// length compares beat hashing the name. Above it, the `match` would cost
/// time linear in the rows, so name hashes are binary-searched instead.
const MATCHED_NAMES_MAX_ROWS: usize = 64;

/// `from_name`'s body for a short table.
fn matched_names(table: &Table) -> String {
    // Exact spelling is the common case and compiles to a direct string
    // match. Other casings take one pass of guards, each comparing lengths
    // first, so a wrong name costs one compare.
    let exact = per_row(table, |out, _, row| {
        write!(
            out,
            "\n            {} => ::core::option::Option::Some(Self::{}),",
            row.name.literal(),
            row.name
        )
    });
    let folded = per_row(table, |out, _, row| {
        write!(
            out,
            "\n            known if known.eq_ignore_ascii_case({}) => ::core::option::Option::Some(Self::{}),",
            row.name.literal(),
            row.name
        )
    });
    format!(
        "match name {{{exact}{folded}
            _ => ::core::option::Option::None,
        }}"
    )
}

/// `from_name`'s body above [`MATCHED_NAMES_MAX_ROWS`] rows: every listed
/// name's hash with its row, sorted by hash, for core's `find_name`.
fn hashed_names(table: &Table) -> String {
    // The row number, not the variant: a constant holding every variant
    // costs rustc's constant validation time growing with the square of
    // the rows, and `ALL` already holds them. A table has at most
    // `MAX_ROWS` rows, so a row number fits in a `u16`.
    let mut hashed: Vec<(u64, usize)> = table
        .rows()
        .iter()
        .enumerate()
        .map(|(index, row)| (folded_name_hash(row.name.as_str()), index))
        .collect();
    hashed.sort_by_key(|(hash, _)| *hash);
    let mut by_name_hash = String::new();
    for (hash, row) in &hashed {
        let _ = write!(by_name_hash, "({hash}u64, {row}), ");
    }
    format!(
        "const BY_NAME_HASH: &[(u64, u16)] = &[{by_name_hash}];
        ::mobileconnect_status::__private::find_name(name, BY_NAME_HASH, Self::ALL)"
    )
}

/// The hash core's `find_name` computes at run time
/// (`mobileconnect_status::__private::folded_name_hash`), computed here
/// for the table's names: FNV-1a (64 bits) over the ASCII-lower-case
/// bytes. Both are tested against the FNV-1a reference values.
fn folded_name_hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::folded_name_hash;

    #[test]
    fn the_name_hash_is_fnv_1a_of_the_lower_case_bytes() {
        // Reference values of FNV-1a, 64 bits; core's twin checks the same.
        assert_eq!(folded_name_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(folded_name_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(folded_name_hash("foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(folded_name_hash("FooBar"), folded_name_hash("foobar"));
    }
}
