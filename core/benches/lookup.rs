//! Lookups, parsing, `Display` and `max()` for `SmsStatus`, measured in the
//! same run as the same table written by hand (the floor), derived with
//! strum and `num_enum`, and `http::StatusCode` (a well-known status type, for
//! the shape of the numbers).
//!
//! Every benchmark runs over the same 1024 inputs in random order; divan
//! reports time per batch and items per second.
//! `scripts/build-time/bench-ratios.awk` turns that into ratios.

mod peers;
mod workload;

use std::fmt::Write;
use std::hint::black_box;
use std::str::FromStr;

use divan::Bencher;
use divan::counter::ItemsCount;
use mobileconnect_status::SmsStatus;

use peers::derived::DerivedStatus;
use peers::handwritten::HandStatus;
use workload::Random;

/// Inputs per batch: large enough that loop overhead disappears, small
/// enough to stay in L1 like a hot path does.
const BATCH: usize = 1024;

fn main() {
    if let Err(disagreement) = peers::agreement::check() {
        eprintln!("the peers do not encode the same table as SmsStatus: {disagreement}");
        std::process::exit(1);
    }
    divan::main();
}

fn codes() -> Vec<u16> {
    workload::codes(BATCH, &mut Random::new(0x5EED_C0DE))
}

/// Decimal codes as the REST API sends them; one in eight padded with
/// spaces, as seen in real payloads.
fn numeric_strings() -> Vec<String> {
    let mut random = Random::new(0x0057_7215);
    workload::codes(BATCH, &mut random)
        .into_iter()
        .map(|code| {
            if random.below(8) == 0 {
                format!(" {code} ")
            } else {
                code.to_string()
            }
        })
        .collect()
}

/// Table names in random order, spelled as in the table.
fn names() -> Vec<&'static str> {
    let mut random = Random::new(0x0000_4A3E);
    (0..BATCH)
        .map(|_| {
            let index =
                usize::try_from(random.below(SmsStatus::ALL.len() as u64)).expect("an index");
            SmsStatus::ALL[index].name().unwrap_or_default()
        })
        .collect()
}

/// The same names in lower case: the case-insensitive path.
fn lowercase_names() -> Vec<String> {
    names().into_iter().map(str::to_ascii_lowercase).collect()
}

/// Runs `each` on every input of the batch, counting items.
fn run<T, R>(bencher: Bencher<'_, '_>, inputs: &[T], mut each: impl FnMut(&T) -> R) {
    bencher
        .counter(ItemsCount::new(inputs.len()))
        .bench_local(|| {
            for input in black_box(inputs) {
                black_box(each(input));
            }
        });
}

/// `u16` → status, listed and unlisted codes mixed.
#[divan::bench_group]
mod from_code {
    use super::{Bencher, DerivedStatus, HandStatus, SmsStatus, codes, run};

    #[divan::bench]
    fn ours(bencher: Bencher<'_, '_>) {
        run(bencher, &codes(), |&code| SmsStatus::from_code(code));
    }

    #[divan::bench]
    fn handwritten(bencher: Bencher<'_, '_>) {
        run(bencher, &codes(), |&code| HandStatus::from_code(code));
    }

    #[divan::bench]
    fn strum_from_repr(bencher: Bencher<'_, '_>) {
        run(bencher, &codes(), |&code| DerivedStatus::from_repr(code));
    }

    #[divan::bench]
    fn num_enum_try_from_primitive(bencher: Bencher<'_, '_>) {
        run(bencher, &codes(), |&code| {
            DerivedStatus::try_from(code).ok()
        });
    }

    #[divan::bench]
    fn http_status_code_from_u16(bencher: Bencher<'_, '_>) {
        run(bencher, &codes(), |&code| {
            http::StatusCode::from_u16(code).ok()
        });
    }
}

/// `FromStr` of decimal codes (some padded), listed and unlisted.
#[divan::bench_group]
mod parse_numeric {
    use super::{Bencher, DerivedStatus, FromStr, HandStatus, SmsStatus, numeric_strings, run};

    #[divan::bench]
    fn ours(bencher: Bencher<'_, '_>) {
        run(bencher, &numeric_strings(), |text| {
            SmsStatus::from_str(text).ok()
        });
    }

    #[divan::bench]
    fn handwritten(bencher: Bencher<'_, '_>) {
        run(bencher, &numeric_strings(), |text| {
            HandStatus::from_str(text).ok()
        });
    }

    #[divan::bench]
    fn strum_from_repr(bencher: Bencher<'_, '_>) {
        run(bencher, &numeric_strings(), |text| {
            DerivedStatus::from_decimal(text)
        });
    }

    #[divan::bench]
    fn num_enum_try_from_primitive(bencher: Bencher<'_, '_>) {
        run(bencher, &numeric_strings(), |text| {
            text.trim()
                .parse::<u16>()
                .ok()
                .and_then(|code| DerivedStatus::try_from(code).ok())
        });
    }

    #[divan::bench]
    fn http_status_code_from_bytes(bencher: Bencher<'_, '_>) {
        run(bencher, &numeric_strings(), |text| {
            http::StatusCode::from_bytes(text.trim().as_bytes()).ok()
        });
    }
}

/// `FromStr` of table names spelled as in the table.
#[divan::bench_group]
mod parse_name {
    use super::{Bencher, DerivedStatus, FromStr, HandStatus, SmsStatus, names, run};

    #[divan::bench]
    fn ours(bencher: Bencher<'_, '_>) {
        run(bencher, &names(), |text| SmsStatus::from_str(text).ok());
    }

    #[divan::bench]
    fn handwritten(bencher: Bencher<'_, '_>) {
        run(bencher, &names(), |text| HandStatus::from_str(text).ok());
    }

    #[divan::bench]
    fn strum_enum_string(bencher: Bencher<'_, '_>) {
        run(bencher, &names(), |text| DerivedStatus::from_str(text).ok());
    }
}

/// `FromStr` of table names in lower case (ASCII case ignored).
#[divan::bench_group]
mod parse_name_lowercase {
    use super::{Bencher, DerivedStatus, FromStr, HandStatus, SmsStatus, lowercase_names, run};

    #[divan::bench]
    fn ours(bencher: Bencher<'_, '_>) {
        run(bencher, &lowercase_names(), |text| {
            SmsStatus::from_str(text).ok()
        });
    }

    #[divan::bench]
    fn handwritten(bencher: Bencher<'_, '_>) {
        run(bencher, &lowercase_names(), |text| {
            HandStatus::from_str(text).ok()
        });
    }

    #[divan::bench]
    fn strum_enum_string(bencher: Bencher<'_, '_>) {
        run(bencher, &lowercase_names(), |text| {
            DerivedStatus::from_str(text).ok()
        });
    }
}

/// `Display` as `4000 Delivered` (unlisted: the number alone) into a
/// reused buffer, so the allocator is not measured.
#[divan::bench_group]
mod display {
    use super::{Bencher, DerivedStatus, HandStatus, SmsStatus, Write, codes, run};

    /// Writes one status into the cleared buffer; returns its length so
    /// the work cannot be optimized away.
    fn into_buffer(
        buffer: &mut String,
        write: impl FnOnce(&mut String) -> std::fmt::Result,
    ) -> usize {
        buffer.clear();
        write(buffer).expect("writing to a String cannot fail");
        buffer.len()
    }

    #[divan::bench]
    fn ours(bencher: Bencher<'_, '_>) {
        let statuses: Vec<SmsStatus> = codes().into_iter().map(SmsStatus::from_code).collect();
        let mut buffer = String::with_capacity(64);
        run(bencher, &statuses, |status| {
            into_buffer(&mut buffer, |out| write!(out, "{status}"))
        });
    }

    #[divan::bench]
    fn handwritten(bencher: Bencher<'_, '_>) {
        let statuses: Vec<HandStatus> = codes().into_iter().map(HandStatus::from_code).collect();
        let mut buffer = String::with_capacity(64);
        run(bencher, &statuses, |status| {
            into_buffer(&mut buffer, |out| write!(out, "{status}"))
        });
    }

    /// The derived enum holds listed codes only, so it writes the listed
    /// codes of the same batch.
    #[divan::bench]
    fn strum_into_static_str(bencher: Bencher<'_, '_>) {
        let statuses: Vec<DerivedStatus> = codes()
            .into_iter()
            .filter_map(DerivedStatus::from_repr)
            .collect();
        let mut buffer = String::with_capacity(64);
        run(bencher, &statuses, |&status| {
            into_buffer(&mut buffer, |out| {
                write!(out, "{} {}", u16::from(status), status.name())
            })
        });
    }
}

/// `iter().max()`: the highest code wins. Counted per status.
#[divan::bench_group]
mod max {
    use super::{Bencher, DerivedStatus, HandStatus, ItemsCount, SmsStatus, black_box, codes};

    fn over<T: Ord + Copy>(bencher: Bencher<'_, '_>, items: &[T]) {
        bencher
            .counter(ItemsCount::new(items.len()))
            .bench_local(|| black_box(black_box(items).iter().copied().max()));
    }

    #[divan::bench]
    fn ours(bencher: Bencher<'_, '_>) {
        let statuses: Vec<SmsStatus> = codes().into_iter().map(SmsStatus::from_code).collect();
        over(bencher, &statuses);
    }

    #[divan::bench]
    fn handwritten(bencher: Bencher<'_, '_>) {
        let statuses: Vec<HandStatus> = codes().into_iter().map(HandStatus::from_code).collect();
        over(bencher, &statuses);
    }

    /// Listed codes only: the derived enum cannot hold the others.
    #[divan::bench]
    fn strum_num_enum_derived_ord(bencher: Bencher<'_, '_>) {
        let statuses: Vec<DerivedStatus> = codes()
            .into_iter()
            .filter_map(DerivedStatus::from_repr)
            .collect();
        over(bencher, &statuses);
    }

    /// The raw numbers: what `max()` costs with no enum at all.
    #[divan::bench]
    fn raw_u16(bencher: Bencher<'_, '_>) {
        over(bencher, &codes());
    }
}
