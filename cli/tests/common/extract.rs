//! Tracking extracts as Marketing Cloud writes them, generated at any
//! size: US dates with the AM/PM marker, a mix of codes, some numbers sent
//! to twice, a day without messages and a few rows without a time.

use std::fmt::Write as _;

/// 1 January 2025, in days since 1970-01-01: the extracts' first day.
const FIRST_DAY: i64 = 20_089;

/// An extract over `days` days from 1/1/2025, `per_day` messages a day,
/// with a mix of codes, some numbers sent to twice, and a few rows
/// without a time. Day 3 has no messages: a gap the charts must show.
pub(crate) fn tracking(days: u32, per_day: u32) -> String {
    const CODES: [u16; 12] = [
        4000, 4000, 4000, 4000, 4000, 2000, 3001, 4501, 4504, 4505, 2600, 4510,
    ];
    let mut csv =
        String::from("MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId\n");
    let mut seed: u32 = 7;
    for day in 0..days {
        if day == 3 {
            continue;
        }
        let date = us_date(FIRST_DAY + i64::from(day));
        for message in 0..per_day {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let code = CODES[(seed >> 16) as usize % CODES.len()];
            let number = 15_550_000_000_u64 + u64::from((seed >> 8) % 500);
            let id = day * per_day + message;
            let time = if id % 97 == 0 {
                String::new()
            } else {
                let hour = message % 12 + 1;
                let half = if message % 2 == 0 { "AM" } else { "PM" };
                format!("{date} {hour}:{:02}:00 {half}", message % 60)
            };
            writeln!(csv, "{id},{number},{time},{code}").unwrap();
        }
    }
    csv
}

/// `M/D/YYYY` of `day` (days since 1970-01-01), by Howard Hinnant's
/// `civil_from_days`.
fn us_date(day: i64) -> String {
    let shifted = day + 719_468;
    let era = shifted.div_euclid(146_097);
    let of_era = shifted.rem_euclid(146_097);
    let year_of_era = (of_era - of_era / 1460 + of_era / 36_524 - of_era / 146_096) / 365;
    let day_of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day_of_month = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{month}/{day_of_month}/{year}")
}
