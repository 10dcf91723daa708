//! The `--since` day: a calendar date written `YYYY-MM-DD`. Compared with
//! a date-time column, every engine reads that literal as midnight of the
//! day (SQL Server's `datetime` reads it by the session's date order,
//! month first in Marketing Cloud's `us_english`); compared with ISO
//! date-times stored as text, it sorts before every time of its day.
//! Adding a time would break the second (`' '` sorts before `'T'`), and
//! T-SQL's unseparated `YYYYMMDD` breaks both text and DuckDB.

use std::fmt;
use std::str::FromStr;

use crate::calendar::{MONTHS, days_in_month};

/// A checked calendar day. Its text is digits and dashes only, so it can
/// stand inside a SQL string literal as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Since {
    year: u16,
    month: u8,
    day: u8,
}

/// SQL Server's `datetime`, the type of Marketing Cloud's date-time
/// columns, holds nothing earlier: an earlier bound fails the whole query
/// with a conversion error instead of meaning "everything".
const FIRST_YEAR: u16 = 1753;

impl FromStr for Since {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let not_a_date =
            || format!("{text:?} is not a date written YYYY-MM-DD (such as 2026-03-01)");
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes.iter().enumerate().all(|(index, &byte)| match index {
                4 | 7 => byte == b'-',
                _ => byte.is_ascii_digit(),
            });
        if !shaped {
            return Err(not_a_date());
        }
        let number = |range: std::ops::Range<usize>| -> u16 {
            text[range].parse().expect("four or two ASCII digits")
        };
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        let Some(month_name) = usize::from(month)
            .checked_sub(1)
            .and_then(|i| MONTHS.get(i))
        else {
            return Err(format!("{}: there is no month {month}", not_a_date()));
        };
        let days = days_in_month(i64::from(year), i64::from(month));
        if day == 0 || i64::from(day) > days {
            return Err(format!(
                "{}: {month_name} {year} has {days} days",
                not_a_date()
            ));
        }
        if year < FIRST_YEAR {
            return Err(format!(
                "{text:?} is before {FIRST_YEAR}-01-01, the earliest day Marketing Cloud's \
                 date-time columns hold; leave --since out to query every message"
            ));
        }
        Ok(Self {
            year,
            month: u8::try_from(month).expect("1 to 12"),
            day: u8::try_from(day).expect("1 to 31"),
        })
    }
}

impl fmt::Display for Since {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Since;

    fn error(text: &str) -> String {
        text.parse::<Since>().expect_err(text)
    }

    #[test]
    fn reads_real_days_and_writes_them_back() {
        for day in [
            "2026-03-01",
            "2024-02-29",
            "2000-02-29",
            "1753-01-01",
            "9999-12-31",
        ] {
            assert_eq!(
                day.parse::<Since>().map(|since| since.to_string()),
                Ok(day.to_owned())
            );
        }
    }

    #[test]
    fn refuses_days_the_calendar_does_not_have() {
        assert!(error("2026-02-29").ends_with("February 2026 has 28 days"));
        assert!(error("1900-02-29").ends_with("February 1900 has 28 days"));
        assert!(error("2026-04-31").ends_with("April 2026 has 30 days"));
        assert!(error("2026-01-00").ends_with("January 2026 has 31 days"));
        assert!(error("2026-13-01").ends_with("there is no month 13"));
        assert!(error("2026-00-10").ends_with("there is no month 0"));
    }

    #[test]
    fn refuses_other_shapes_naming_the_input() {
        for text in [
            "",
            "2026-3-1",
            "03/01/2026",
            "2026-03-01 00:00:00",
            "2026-03-0x",
            "２026-03-01",
        ] {
            assert!(
                error(text).starts_with(&format!("{text:?} is not a date written YYYY-MM-DD")),
                "{text}"
            );
        }
    }

    #[test]
    fn refuses_days_a_datetime_column_cannot_hold() {
        assert!(error("1752-12-31").contains("before 1753-01-01"));
    }
}
