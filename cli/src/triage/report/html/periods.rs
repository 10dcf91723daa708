//! The periods the chart over time shows: days, or, when the data spans
//! more days than a page can draw as bars, weeks, months or years. The
//! page's size stays bounded whatever the span: at most
//! [`MAX_PERIODS`] bars.

use crate::calendar::{Date, date_of_day};
use crate::triage::report::summary::{Day, Outcomes};

/// Most bars drawn: a year of days fits.
pub(crate) const MAX_PERIODS: i64 = 370;

/// How long one bar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    /// Monday to Sunday.
    Week,
    Month,
    Year,
}

impl Unit {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    /// The first day of the period holding `day` (days since 1970-01-01,
    /// a Thursday).
    fn start(self, day: i64) -> i64 {
        let Date { year, month, .. } = Date::of_day(day);
        match self {
            Unit::Day => day,
            Unit::Week => day - (day + 3).rem_euclid(7),
            Unit::Month => Date::new(year, month, 1).map_or(day, Date::days_since_epoch),
            Unit::Year => Date::new(year, 1, 1).map_or(day, Date::days_since_epoch),
        }
    }

    /// The first day of the period after the one starting on `start`.
    fn next(self, start: i64) -> i64 {
        match self {
            Unit::Day => start + 1,
            Unit::Week => start + 7,
            // 32 days on from the 1st is always in the next month.
            Unit::Month => Unit::Month.start(start + 32),
            Unit::Year => Unit::Year.start(start + 366),
        }
    }

    /// The unit as the x axis's title names it, with its labels.
    pub(crate) fn axis_name(self) -> &'static str {
        match self {
            Unit::Day => "Day",
            Unit::Week => "Week, by its Monday",
            Unit::Month => "Month",
            Unit::Year => "Year",
        }
    }

    /// How a period is named on the page.
    fn label(self, start: i64) -> String {
        let date = date_of_day(start);
        match self {
            Unit::Day => date,
            Unit::Week => format!("week of {date}"),
            Unit::Month => date[..7].to_owned(),
            Unit::Year => date[..4].to_owned(),
        }
    }

    /// How the x axis names a period: as short as the axis's title lets
    /// it be (a week by its Monday's date alone).
    fn tick(self, start: i64) -> String {
        match self {
            Unit::Week => date_of_day(start),
            _ => self.label(start),
        }
    }
}

/// One bar: a period and its messages by outcome.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Period {
    pub(crate) label: String,
    /// Its name under the x axis.
    pub(crate) tick: String,
    pub(crate) messages: Outcomes,
}

/// Every period from the first day with a message to the last, empty
/// periods included so that gaps show, in the shortest unit that needs at
/// most [`MAX_PERIODS`] bars. Years, for a span too long for months, are
/// only those that have messages, so that a stray date in 9999 does not
/// draw 8,000 empty bars.
pub(crate) fn periods(days: &[Day]) -> (Unit, Vec<Period>) {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return (Unit::Day, Vec::new());
    };
    let span = last.day - first.day + 1;
    let unit = [(Unit::Day, 1), (Unit::Week, 7), (Unit::Month, 31)]
        .into_iter()
        .find(|&(_, length)| span / length < MAX_PERIODS)
        .map_or(Unit::Year, |(unit, _)| unit);
    let mut periods: Vec<(i64, Period)> = Vec::new();
    if unit != Unit::Year {
        let mut start = unit.start(first.day);
        while start <= last.day {
            periods.push((start, empty(unit, start)));
            start = unit.next(start);
        }
    }
    for day in days {
        let start = unit.start(day.day);
        let at = match periods.binary_search_by_key(&start, |&(start, _)| start) {
            Ok(at) => at,
            Err(at) => {
                periods.insert(at, (start, empty(unit, start)));
                at
            }
        };
        periods[at].1.messages.add(&day.messages);
    }
    (
        unit,
        periods.into_iter().map(|(_, period)| period).collect(),
    )
}

/// The period of `unit` starting on `start`, with no messages yet.
fn empty(unit: Unit, start: i64) -> Period {
    Period {
        label: unit.label(start),
        tick: unit.tick(start),
        messages: Outcomes::none(),
    }
}

#[cfg(test)]
mod tests {
    use mobileconnect_status::Outcome;

    use super::{MAX_PERIODS, Unit, periods};
    use crate::calendar::Date;
    use crate::triage::report::summary::{Day, Outcomes};

    fn day(date: &str, delivered: u64) -> Day {
        let number = |range: std::ops::Range<usize>| date[range].parse().expect("digits");
        Day {
            day: Date::new(number(0..4), number(5..7), number(8..10))
                .expect("a date")
                .days_since_epoch(),
            messages: Outcomes::from_counts(
                Outcome::ALL
                    .iter()
                    .map(|&outcome| {
                        (
                            outcome,
                            u64::from(outcome == Outcome::Delivered) * delivered,
                        )
                    })
                    .collect(),
                0,
            ),
        }
    }

    fn labels(days: &[super::Period]) -> Vec<(&str, u64)> {
        days.iter()
            .map(|period| (period.label.as_str(), period.messages.total))
            .collect()
    }

    #[test]
    fn days_are_shown_with_the_empty_days_between() {
        let (unit, shown) = periods(&[day("2025-01-30", 3), day("2025-02-02", 4)]);
        assert_eq!(unit, Unit::Day);
        assert_eq!(
            labels(&shown),
            [
                ("2025-01-30", 3),
                ("2025-01-31", 0),
                ("2025-02-01", 0),
                ("2025-02-02", 4)
            ]
        );
        assert_eq!(shown[3].messages.count(Outcome::Delivered), 4);
    }

    #[test]
    fn a_long_span_is_shown_in_weeks_months_or_years() {
        let (unit, shown) = periods(&[day("2024-01-03", 1), day("2025-03-02", 2)]);
        assert_eq!(unit, Unit::Week);
        assert_eq!(shown[0].label, "week of 2024-01-01", "a Monday");
        assert_eq!(shown[0].tick, "2024-01-01", "the axis names the Monday");
        assert_eq!(
            shown.last().map(|p| p.label.as_str()),
            Some("week of 2025-02-24")
        );
        let (unit, shown) = periods(&[day("2001-12-31", 1), day("2020-02-29", 2)]);
        assert_eq!(unit, Unit::Month);
        assert_eq!(shown[0].label, "2001-12");
        assert_eq!(shown[0].tick, "2001-12");
        assert_eq!(shown.len(), 12 * 18 + 3);
        let (unit, shown) = periods(&[
            day("1970-01-01", 1),
            day("1970-01-02", 5),
            day("9999-12-31", 2),
        ]);
        assert_eq!(unit, Unit::Year);
        assert_eq!(labels(&shown), [("1970", 6), ("9999", 2)]);
        assert!(i64::try_from(shown.len()).expect("a count") <= MAX_PERIODS);
    }
}
