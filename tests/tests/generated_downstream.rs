//! The tables expanded in another crate (see the library's `regenerated`
//! and `wide` modules, compiled under strict lints): the real one behaves
//! exactly like core's enum, and every lookup agrees with a scan of the rows
//! whichever way the macro generated it.

use mobileconnect_status::__private::{Table, find_code};
use mobileconnect_status::{CodeKind, SmsStatus};
use mobileconnect_status_tests::regenerated::Status;
use mobileconnect_status_tests::wide::Wide;

#[test]
fn a_downstream_expansion_agrees_with_core_on_every_code() {
    assert_eq!(Status::ALL.len(), SmsStatus::ALL.len());
    for code in 0..=u16::MAX {
        let ours = Status::from_code(code);
        let core = SmsStatus::from_code(code);
        assert_eq!(ours.code(), code);
        assert_eq!(ours.name(), core.name(), "{code}");
        assert_eq!(ours.definition(), core.definition(), "{code}");
        assert_eq!(ours.note(), core.note(), "{code}");
        assert_eq!(ours.stage(), core.stage(), "{code}");
        assert_eq!(ours.outcome(), core.outcome(), "{code}");
        assert_eq!(ours.action(), core.action(), "{code}");
        for kind in [CodeKind::Shared, CodeKind::Dedicated] {
            assert_eq!(ours.is_final_for(kind), core.is_final_for(kind), "{code}");
        }
        if let Some(name) = core.name() {
            assert_eq!(Status::from_name(name).map(Status::code), Some(code));
        }
    }
}

/// What a derived `Debug` prints for the generated shape: a unit variant
/// per row, and `Unrecognized` holding a tuple struct around the number.
#[derive(Debug)]
struct UnrecognizedCode(#[allow(dead_code, reason = "read by the derived Debug")] u16);

#[derive(Debug)]
enum Derived {
    Unrecognized(#[allow(dead_code, reason = "read by the derived Debug")] UnrecognizedCode),
}

#[test]
fn debug_prints_what_a_derived_debug_prints() {
    // Every generated enum writes `Debug` through `name()` (core's
    // display.rs); that must not change a character of what a derive
    // prints, which is the variant's name for a listed status.
    for code in 0..=u16::MAX {
        let status = SmsStatus::from_code(code);
        let downstream = Status::from_code(code);
        let (plain, pretty) = if let Some(name) = status.name() {
            (name.to_owned(), name.to_owned())
        } else {
            let derived = Derived::Unrecognized(UnrecognizedCode(code));
            (format!("{derived:?}"), format!("{derived:#?}"))
        };
        assert_eq!(format!("{status:?}"), plain, "{code}");
        assert_eq!(format!("{status:#?}"), pretty, "{code}");
        assert_eq!(format!("{downstream:?}"), plain, "{code}");
        assert_eq!(format!("{downstream:#?}"), pretty, "{code}");
    }
    assert_eq!(format!("{:?}", SmsStatus::Delivered), "Delivered");
    assert_eq!(
        format!("{:?}", SmsStatus::from_code(4999)),
        "Unrecognized(UnrecognizedCode(4999))"
    );
}

/// The listed status with this code, found by reading every row; `None` if
/// no row has it.
fn scanned<T: Copy>(all: &[T], code_of: impl Fn(T) -> u16, code: u16) -> Option<T> {
    all.iter().copied().find(|&status| code_of(status) == code)
}

#[test]
fn from_code_agrees_with_a_scan_of_the_rows_for_every_code() {
    // 20 rows: `from_code` is a `match`. 150 rows, codes 0 to 65535:
    // a binary search over the sorted codes.
    assert!(Status::ALL.len() <= 64 && Wide::ALL.len() > 64);
    for code in 0..=u16::MAX {
        let status = Status::from_code(code);
        match scanned(Status::ALL, Status::code, code) {
            Some(listed) => assert_eq!(status, listed, "{code}"),
            None => assert!(matches!(status, Status::Unrecognized(_)), "{code}"),
        }
        assert_eq!(status.code(), code);
        let wide = Wide::from_code(code);
        match scanned(Wide::ALL, Wide::code, code) {
            Some(listed) => assert_eq!(wide.name(), listed.name(), "{code}"),
            None => assert!(matches!(wide, Wide::Unrecognized(_)), "{code}"),
        }
        assert_eq!(wide.code(), code);
    }
}

/// Core's lookup, the only maker of an `UnrecognizedCode`, for every code:
/// a listed code is found at its row, and only an unlisted one comes back
/// as unlisted, whether the table answers by bitmap (up to 64 rows, where
/// `from_code`'s `match` passes it only the codes it did not list) or by
/// search.
fn assert_found_exactly_when_listed<T: Table + PartialEq + std::fmt::Debug>(all: &[T]) {
    for code in 0..=u16::MAX {
        match find_code::<T>(code) {
            Ok(row) => assert_eq!(all[row].code(), code, "{code}"),
            Err(unlisted) => {
                assert_eq!(unlisted.get(), code);
                assert_eq!(scanned(all, Table::code, code), None, "{code}");
            }
        }
    }
}

#[test]
fn an_unrecognized_code_is_made_only_for_a_code_its_table_does_not_list() {
    assert_found_exactly_when_listed(SmsStatus::ALL);
    assert_found_exactly_when_listed(Status::ALL);
    assert_found_exactly_when_listed(Wide::ALL);
}

#[test]
fn the_wide_table_reaches_both_ends_of_u16_in_code_order() {
    let codes: Vec<u16> = Wide::ALL.iter().map(|status| status.code()).collect();
    assert_eq!(codes.len(), 150);
    assert_eq!(codes[..3], [0, 1, 2]);
    assert_eq!(codes[codes.len() - 2..], [65534, 65535]);
    assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
    for status in Wide::ALL {
        let name = status.name().expect("a listed status has a name");
        assert_eq!(Wide::from_name(name).map(Wide::code), Some(status.code()));
        // A long table's `from_name` searches hashes of the lower-case
        // name, written by the macro and computed again by core.
        for other_case in [name.to_ascii_lowercase(), name.to_ascii_uppercase()] {
            assert_eq!(Wide::from_name(&other_case), Some(*status), "{other_case}");
        }
    }
    assert_eq!(Wide::from_name("NoSuchStatus"), None);
}
