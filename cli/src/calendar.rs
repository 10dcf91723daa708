//! The proleptic Gregorian calendar, written once: days since 1970-01-01
//! from a date and back, and how many days a month has. Times read from
//! inputs, the report's days and `query --since` all count on it.

/// A calendar date: checked to exist when made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    pub(crate) year: i64,
    pub(crate) month: i64,
    pub(crate) day: i64,
}

/// The names of the months, for messages.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How many days `month` (1 to 12) of `year` has; 0 for no such month.
pub(crate) const fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if the calendar has it.
    pub(crate) const fn new(year: i64, month: i64, day: i64) -> Option<Self> {
        if day >= 1 && day <= days_in_month(year, month) {
            Some(Self { year, month, day })
        } else {
            None
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub(crate) const fn days_since_epoch(self) -> i64 {
        let year = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        };
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month_from_march = (self.month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + self.day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`, the inverse of [`days_since_epoch`](Self::days_since_epoch)).
    pub(crate) const fn of_day(days: i64) -> Self {
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + if month <= 2 { 1 } else { 0 };
        Self { year, month, day }
    }
}

/// A day number (days since 1970-01-01) as an ISO date, `2025-01-31`.
pub(crate) fn date_of_day(day: i64) -> String {
    let Date { year, month, day } = Date::of_day(day);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::{Date, date_of_day, days_in_month};

    #[test]
    fn days_and_dates_go_both_ways() {
        for day in -800_000..800_000 {
            let date = Date::of_day(day);
            assert_eq!(Date::new(date.year, date.month, date.day), Some(date));
            assert_eq!(date.days_since_epoch(), day, "{date:?}");
        }
        assert_eq!(date_of_day(0), "1970-01-01");
        assert_eq!(date_of_day(-1), "1969-12-31");
        assert_eq!(
            Date::new(2000, 2, 29).map(Date::days_since_epoch),
            Some(11_016)
        );
    }

    #[test]
    fn months_have_their_days() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2026, 4), 30);
        assert_eq!(days_in_month(2026, 13), 0);
        assert_eq!(Date::new(2026, 2, 29), None);
        assert_eq!(Date::new(2026, 1, 0), None);
    }
}
