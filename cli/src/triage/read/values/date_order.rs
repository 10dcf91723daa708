//! Which of a slash date's first two numbers is the month: `3/1/2022` is
//! 1 March to Marketing Cloud and to a spreadsheet in the US, and 3
//! January to one in much of Europe, which re-saves `2/5/2021 4:30:24 PM`
//! as `05/02/2021 16:30`.
//!
//! Each file is read in one order, decided by the file itself: a date
//! whose first number is above 12 is day first, whose second is above 12
//! month first. The first date that says so decides for the whole file; a
//! later date that says otherwise is a bad row. Dates that could be read
//! either way wait until something decides (the messages they carry are
//! held by the CSV reader), and at the end of a file where no date did,
//! an AM/PM marker decides month first, as Marketing Cloud writes it. A
//! marker never outweighs a number: spreadsheets in Australia or India
//! re-save day first with one. A file with neither is refused: guessing
//! would misplace messages by months. `--date-order` decides for every
//! input.

use std::fmt;
use std::str::FromStr;

use crate::quoted::Quoted;

/// Where the month is in a slash date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateOrder {
    /// `3/1/2022` is 1 March: Marketing Cloud's and the US form.
    MonthFirst,
    /// `3/1/2022` is 3 January.
    DayFirst,
}

impl DateOrder {
    /// How `--date-order` names it.
    pub(crate) const fn option_value(self) -> &'static str {
        match self {
            Self::MonthFirst => "mdy",
            Self::DayFirst => "dmy",
        }
    }

    const fn first(self) -> &'static str {
        match self {
            Self::MonthFirst => "the month",
            Self::DayFirst => "the day",
        }
    }
}

impl FromStr for DateOrder {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "mdy" => Ok(Self::MonthFirst),
            "dmy" => Ok(Self::DayFirst),
            _ => Err(format!(
                "expected mdy (3/1/2022 is 1 March) or dmy (3 January), found {}",
                Quoted::str(text)
            )),
        }
    }
}

/// What decided a file's order, for messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Decided {
    /// `--date-order`.
    Option(DateOrder),
    /// A date of the file: its text and line.
    ByDate {
        order: DateOrder,
        value: String,
        line: u64,
    },
}

impl Decided {
    pub(crate) fn order(&self) -> DateOrder {
        match *self {
            Self::Option(order) | Self::ByDate { order, .. } => order,
        }
    }
}

/// A date that says another order than the one its file was decided to
/// have.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Contradiction {
    /// The order the date shows.
    pub(crate) shows: DateOrder,
    pub(crate) decided: Decided,
}

impl fmt::Display for Contradiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let decided = self.decided.order();
        write!(f, "its date has {} first, but ", self.shows.first())?;
        match &self.decided {
            Decided::Option(_) => write!(
                f,
                "--date-order {} says {} comes first",
                decided.option_value(),
                decided.first()
            ),
            Decided::ByDate { value, line, .. } => write!(
                f,
                "this file's dates have {} first, as {} on line {line} shows",
                decided.first(),
                Quoted::str(value)
            ),
        }
    }
}

/// The message for a file in which nothing decides the order of its
/// dates: `example` is one of them, on `line`.
pub(crate) fn undecided(file: &str, example: &str, line: u64) -> String {
    format!(
        "{file}: its dates can be read month first or day first ({} on line {line}, and no \
         date has a day above 12 or an AM/PM marker that tells which): say which with \
         --date-order mdy (3/1/2022 is 1 March) or --date-order dmy (3 January)",
        Quoted::str(example)
    )
}

#[cfg(test)]
mod tests {
    use super::{Contradiction, DateOrder, Decided, undecided};

    #[test]
    fn the_option_names_each_order() {
        assert_eq!("mdy".parse(), Ok(DateOrder::MonthFirst));
        assert_eq!("dmy".parse(), Ok(DateOrder::DayFirst));
        let error = "ymd".parse::<DateOrder>().expect_err("not an order");
        assert!(error.contains("expected mdy"), "{error}");
    }

    #[test]
    fn a_contradiction_names_what_decided() {
        let by_date = Contradiction {
            shows: DateOrder::DayFirst,
            decided: Decided::ByDate {
                order: DateOrder::MonthFirst,
                value: "3/1/2022 9:00:37 AM".to_owned(),
                line: 2,
            },
        };
        assert_eq!(
            by_date.to_string(),
            "its date has the day first, but this file's dates have the month first, \
             as \"3/1/2022 9:00:37 AM\" on line 2 shows"
        );
        let by_option = Contradiction {
            shows: DateOrder::MonthFirst,
            decided: Decided::Option(DateOrder::DayFirst),
        };
        assert_eq!(
            by_option.to_string(),
            "its date has the month first, but --date-order dmy says the day comes first"
        );
        assert!(undecided("x.csv", "3/1/2022 9:00", 2).contains("--date-order mdy"));
    }
}
