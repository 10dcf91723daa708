//! The first impl block: every listed status, the row behind each, and the
//! lookups and columns read by that row; then the impl of core's hidden
//! `Table` trait, which holds the codes and lets core's generic parsing,
//! printing and serde call the lookups.

use std::fmt::Write as _;

use super::super::table::{Row, Table};
use super::name_lookup::from_name_fn;
use super::per_row::per_row;

/// The impl block of this file's items.
pub(super) fn lookups(name: &str, table: &Table) -> String {
    let items = [
        all_const(name, table),
        row_fn(name, table),
        from_code_fn(name, table),
        code_fn(),
        name_fn(table),
        from_name_fn(table),
        definition_fn(table),
        note_fn(table),
    ];
    format!(
        "\nimpl {name} {{{}}}\n{}",
        items.concat(),
        table_impl(name, table)
    )
}

/// Core's hidden `Table` trait: the sorted codes, which `code()` reads by
/// row and core's `find_code` searches, and the four functions core's
/// generic code needs.
fn table_impl(name: &str, table: &Table) -> String {
    let codes = per_row(table, |out, _, row| write!(out, "{}, ", row.code));
    let (bitmap, ranks) = bitmap(table);
    format!(
        "
impl ::mobileconnect_status::__private::Table for {name} {{
    const CODES: &'static [u16] = &[{codes}];
    const BITMAP: &'static [u64] = &[{bitmap}];
    const RANKS: &'static [u16] = &[{ranks}];

    #[inline]
    fn from_code(code: u16) -> Self {{
        Self::from_code(code)
    }}

    #[inline]
    fn from_name(name: &str) -> ::core::option::Option<Self> {{
        Self::from_name(name)
    }}

    #[inline]
    fn code(self) -> u16 {{
        Self::code(self)
    }}

    #[inline]
    fn name(self) -> ::core::option::Option<&'static str> {{
        Self::name(self)
    }}
}}
"
    )
}

/// For a table of at most [`MATCHED_CODES_MAX_ROWS`] rows, the listed codes as
/// bits from the first code, and for each 64-bit word the rows before it:
/// core's `find_code` reads a code's row from them. At most 1,024 words
/// (8 KiB), for codes spread over all of `u16`.
fn bitmap(table: &Table) -> (String, String) {
    let (mut bitmap, mut ranks) = (String::new(), String::new());
    let Some(first) = table.rows().first() else {
        return (bitmap, ranks);
    };
    if table.rows().len() > MATCHED_CODES_MAX_ROWS {
        return (bitmap, ranks);
    }
    // Rows are in code order, so the words fill one after the other; a
    // word's rank is the number of rows met before it. Written in decimal,
    // without a `Vec` of words: the macro compiles this file in every
    // user's cold build.
    ranks.push_str("0, ");
    let (mut word, mut word_index) = (0u64, 0);
    for (rows_before, row) in table.rows().iter().enumerate() {
        let offset = usize::from(row.code - first.code);
        while offset / 64 > word_index {
            let _ = write!(bitmap, "{word}, ");
            let _ = write!(ranks, "{rows_before}, ");
            word = 0;
            word_index += 1;
        }
        word |= 1 << (offset % 64);
    }
    let _ = write!(bitmap, "{word}, ");
    (bitmap, ranks)
}

// Variants are named through the enum, not `Self`, in `ALL`, `row()` and
// `from_code`'s `match`: with `Self::Variant` in every arm, rustc's type
// checking of `ALL` and `row()` grows with the square of the rows (its path
// resolution walks the variants; BENCHMARKS.md, "Targets", Growth).

fn all_const(name: &str, table: &Table) -> String {
    let all = per_row(table, |out, _, row| write!(out, "{name}::{}, ", row.name));
    format!(
        "
    /// Every status the table lists, in code order.
    pub const ALL: &'static [Self] = &[{all}];
"
    )
}

fn row_fn(name: &str, table: &Table) -> String {
    let count = table.rows().len();
    // Row numbers suffixed: each arm's type is known without inference.
    let arms = per_row(table, |out, index, row| {
        write!(out, "\n            {name}::{} => {index}usize,", row.name)
    });
    format!(
        "
    /// The row of a listed status in the tables below; one past
    /// the last row for an unlisted code. The one `match` over all
    /// variants: rustc's time for a `match` grows faster than its
    /// arms, so every other lookup reads a table by this row.
    #[inline]
    const fn row(self) -> usize {{
        match self {{{arms}
            Self::Unrecognized(_) => {count}usize,
        }}
    }}
"
    )
}

/// Up to this many rows, `from_code` is a `match`, which rustc lowers to
/// a jump table or a few compares: the real table's lookup stays what a
/// hand-written `match` compiles to. Above it, a binary search over the
/// sorted codes: rustc's exhaustiveness check of a `match` takes time
/// growing with the square of its arms (rust-lang/rust#7462; BENCHMARKS.md,
/// "The floor"), while the search's code does not grow with the table. At
/// run time the search was faster than a hand-written `match` at 1,000 to
/// 20,000 rows (BENCHMARKS.md, "Scaling").
pub(super) const MATCHED_CODES_MAX_ROWS: usize = 64;

fn from_code_fn(name: &str, table: &Table) -> String {
    let body = if table.rows().len() <= MATCHED_CODES_MAX_ROWS {
        matched_codes(name, table)
    } else {
        SEARCHED.to_owned()
    };
    format!(
        "
    /// The status for `code`. Total: a code the table does not list
    /// becomes [`Self::Unrecognized`], keeping the number.
    #[must_use]
    #[inline]
    pub const fn from_code(code: u16) -> Self {{
        {body}
    }}
"
    )
}

/// `from_code` for a code its `match` did not list, and for every code above
/// [`MATCHED_CODES_MAX_ROWS`] rows: core's `find_code`, which finds the row
/// (the variant's index in `ALL`) by the bitmap of a short table or a
/// binary search of a long one. Core makes the unlisted code only when the
/// code is not found, so no `UnrecognizedCode` holds a listed code; for a
/// `match`'s leftovers that costs one load of the bitmap.
const SEARCHED: &str = "match ::mobileconnect_status::__private::find_code::<Self>(code) {
            ::core::result::Result::Ok(row) => Self::ALL[row],
            ::core::result::Result::Err(unlisted) => Self::Unrecognized(unlisted),
        }";

/// `from_code`'s body for a short table.
fn matched_codes(name: &str, table: &Table) -> String {
    let arms = per_row(table, |out, _, row| {
        write!(out, "\n            {} => {name}::{},", row.code, row.name)
    });
    format!(
        "match code {{{arms}
            _ => {SEARCHED},
        }}"
    )
}

fn code_fn() -> String {
    "
    /// The numeric code, listed or not.
    #[must_use]
    #[inline]
    pub const fn code(self) -> u16 {
        match self {
            Self::Unrecognized(code) => code.get(),
            listed => <Self as ::mobileconnect_status::__private::Table>::CODES[listed.row()],
        }
    }
"
    .to_owned()
}

fn name_fn(table: &Table) -> String {
    let names = text_literals(table, |row| row.name.literal());
    format!(
        "
    /// The table's Status text, e.g. `\"Delivered\"`; `None` for an unlisted code.
    #[must_use]
    #[inline]
    pub const fn name(self) -> ::core::option::Option<&'static str> {{
        const NAMES: &[&str] = &[{names}];
        let row = self.row();
        if row < NAMES.len() {{ ::core::option::Option::Some(NAMES[row]) }} else {{ ::core::option::Option::None }}
    }}
"
    )
}

fn definition_fn(table: &Table) -> String {
    let definitions = text_literals(table, |row| row.definition.literal());
    format!(
        "
    /// The table's Definition, verbatim; `None` for an unlisted code.
    #[must_use]
    pub const fn definition(self) -> ::core::option::Option<&'static str> {{
        const DEFINITIONS: &[&str] = &[{definitions}];
        let row = self.row();
        if row < DEFINITIONS.len() {{ ::core::option::Option::Some(DEFINITIONS[row]) }} else {{ ::core::option::Option::None }}
    }}
"
    )
}

fn note_fn(table: &Table) -> String {
    let notes = per_row(table, |out, _, row| match &row.note {
        Some(note) => write!(out, "::core::option::Option::Some({}), ", note.literal()),
        None => write!(out, "::core::option::Option::None, "),
    });
    format!(
        "
    /// The table's reason for the classification, where it gives one.
    #[must_use]
    pub const fn note(self) -> ::core::option::Option<&'static str> {{
        const NOTES: &[::core::option::Option<&str>] = &[{notes}];
        let row = self.row();
        if row < NOTES.len() {{ NOTES[row] }} else {{ ::core::option::Option::None }}
    }}
"
    )
}

/// One text column as the elements of a `const` array of string literals,
/// in row order.
fn text_literals(table: &Table, literal: impl Fn(&Row) -> String) -> String {
    per_row(table, |out, _, row| write!(out, "{}, ", literal(row)))
}
