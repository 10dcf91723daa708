//! When a message was sent, read from the forms Marketing Cloud writes and
//! compared as an instant, never as text: `9/9/2021 1:00:00 PM` is before
//! `10/1/2021 9:00:00 AM`, and `12:30:00 AM` before `1:00:00 AM`.
//!
//! Forms read:
//! - Marketing Cloud's US text in extracts: `M/D/YYYY h:mm:ss AM` (seconds,
//!   and the AM/PM marker, optional; without a marker the hour is 0–23),
//!   and the same with the day first, as a spreadsheet in Europe re-saves
//!   it (`05/02/2021 16:30`): which one a file holds is decided per file
//!   (see `date_order`);
//! - ISO 8601: `2023-03-01T08:00:00` or with a space for `T`, seconds and a
//!   fraction optional, then optionally `Z` or an offset (`+01:00`, `+0100`,
//!   `+01`); a date alone is its midnight;
//! - the Event Notification Service's `timestampUTC`: milliseconds since
//!   1970-01-01 UTC, read by [`Instant::from_unix_millis`].
//!
//! A time without `Z` or an offset is in Marketing Cloud's system time,
//! Central Standard Time without daylight saving (UTC−06:00): Salesforce
//! writes data views, extracts, the deliveries response's `createDate` and
//! the Transactional Messaging API's `timestamp` in it. Reading it so puts
//! those times on the same clock as the events' UTC timestamps.

use std::fmt;

use super::date_order::{Contradiction, DateOrder, Decided};
use crate::calendar::Date;

/// Marketing Cloud's system time: UTC−06:00 all year.
const SYSTEM_OFFSET_MINUTES: i64 = -6 * 60;
const MILLIS_PER_MINUTE: i64 = 60_000;
const MILLIS_PER_DAY: i64 = 86_400_000;

/// A moment in time: milliseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Instant(i64);

/// A text that is not a time in any form read; says which forms are.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct NotATime;

impl fmt::Display for NotATime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "expected a time such as 9/9/2021 1:00:00 PM (Marketing Cloud's form), \
             09.09.2021 13:00 (day first, dotted) or 2021-09-09T13:00:00 (ISO 8601)",
        )
    }
}

impl Instant {
    /// Milliseconds since 1970-01-01 UTC, as `timestampUTC` carries them.
    pub(crate) const fn from_unix_millis(millis: i64) -> Self {
        Self(millis)
    }

    /// Milliseconds since 1970-01-01 UTC.
    pub(crate) const fn unix_millis(self) -> i64 {
        self.0
    }

    /// The day the instant falls on in Marketing Cloud's system time, as
    /// days since 1970-01-01: the date an extract's `CreateDateTime` shows.
    pub(crate) const fn system_day(self) -> i64 {
        (self.0 + SYSTEM_OFFSET_MINUTES * MILLIS_PER_MINUTE).div_euclid(MILLIS_PER_DAY)
    }

    /// Reads a time in Marketing Cloud's US form (month first) or in ISO
    /// 8601, with surrounding whitespace.
    pub(crate) fn parse(text: &str) -> Result<Self, NotATime> {
        match TimeReader::new(Some(DateOrder::MonthFirst)).read(text.as_bytes(), 0) {
            Ok(Reading::At(instant)) => Ok(instant),
            _ => Err(NotATime),
        }
    }
}

/// What a time field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reading {
    At(Instant),
    /// A slash date that is a date either way round, in a file whose order
    /// nothing has decided yet.
    Undecided(Undecided),
}

/// A slash date and time of day waiting for its file's order: both its
/// first numbers are from 1 to 12, so it is a date in either order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Undecided {
    first: u8,
    second: u8,
    year: i16,
    millis_since_midnight: i32,
}

impl Undecided {
    /// The instant it is when its file's dates are in `order`.
    pub(crate) fn at(self, order: DateOrder) -> Instant {
        let (month, day) = match order {
            DateOrder::MonthFirst => (self.first, self.second),
            DateOrder::DayFirst => (self.second, self.first),
        };
        // Days 1 to 12 are in every month: always a date.
        let days = Date::new(i64::from(self.year), i64::from(month), i64::from(day))
            .map_or(0, Date::days_since_epoch);
        let local = days * MILLIS_PER_DAY + i64::from(self.millis_since_midnight);
        Instant(local - SYSTEM_OFFSET_MINUTES * MILLIS_PER_MINUTE)
    }
}

/// Why a time field could not be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TimeProblem {
    NotATime,
    /// A slash date that says its file's dates are in another order.
    Contradicts(Contradiction),
}

/// Reads one file's times: decides the order of its slash dates (see
/// `date_order`) and remembers the last date read, since an extract's rows
/// come in runs of one day and a date's day number is most of the work.
#[derive(Debug, Default)]
pub(crate) struct TimeReader {
    decided: Option<Decided>,
    /// Dates read that contradict the decided order.
    contradictions: u64,
    /// The last date read and its day number, in the decided order; `None`
    /// before the first.
    last: Option<(Vec<u8>, i64)>,
    /// Whether a slash date had an AM/PM marker: Marketing Cloud's own
    /// form, month first, which decides a file that nothing else does.
    marked: bool,
}

impl TimeReader {
    /// A reader for one file; `order` is `--date-order`, if given.
    pub(crate) fn new(order: Option<DateOrder>) -> Self {
        Self {
            decided: order.map(Decided::Option),
            contradictions: 0,
            last: None,
            marked: false,
        }
    }

    /// How many dates read contradicted the decided order (each a bad row).
    pub(crate) fn contradictions(&self) -> u64 {
        self.contradictions
    }

    /// What decided the order of this file's slash dates, once something
    /// has.
    pub(crate) fn decided(&self) -> Option<&Decided> {
        self.decided.as_ref()
    }

    /// Whether a slash date read had an AM/PM marker.
    pub(crate) fn marked(&self) -> bool {
        self.marked
    }

    /// Reads a time in Marketing Cloud's US form, the same day first, or
    /// ISO 8601, with surrounding whitespace; `line` is where it is, should
    /// it decide its file's order.
    pub(crate) fn read(&mut self, text: &[u8], line: u64) -> Result<Reading, TimeProblem> {
        let text = text.trim_ascii();
        if text.get(4) == Some(&b'-') {
            return self
                .read_iso(text)
                .map(Reading::At)
                .ok_or(TimeProblem::NotATime);
        }
        let date_length = text
            .iter()
            .position(|&byte| byte == b' ')
            .unwrap_or(text.len());
        let (date, rest) = text.split_at(date_length);
        let mut cursor = Cursor(rest);
        let (clock, marked) = us_time(&mut cursor).ok_or(TimeProblem::NotATime)?;
        if !cursor.0.is_empty() {
            return Err(TimeProblem::NotATime);
        }
        if let (Some((last, days)), Some(_)) = (&self.last, &self.decided) {
            if last.as_slice() == date {
                return Ok(Reading::At(at(*days, clock, SYSTEM_OFFSET_MINUTES)));
            }
        }
        let slash = SlashDate::parse(date).ok_or(TimeProblem::NotATime)?;
        // A dotted date tells its own order, whatever the file's slash
        // dates show: it neither decides nor contradicts theirs.
        if slash.dotted {
            let days = slash
                .date(DateOrder::DayFirst)
                .ok_or(TimeProblem::NotATime)?
                .days_since_epoch();
            return Ok(Reading::At(at(days, clock, SYSTEM_OFFSET_MINUTES)));
        }
        let shows = slash.shows()?;
        self.marked |= marked;
        let order = match (&self.decided, shows) {
            (Some(decided), Some(shows)) if decided.order() != shows => {
                self.contradictions += 1;
                return Err(TimeProblem::Contradicts(Contradiction {
                    shows,
                    decided: decided.clone(),
                }));
            }
            (Some(decided), _) => decided.order(),
            (None, Some(shows)) => shows,
            (None, None) => return Ok(Reading::Undecided(slash.undecided(clock))),
        };
        // Only a date that is one (not 2/30) decides its file's order.
        let days = slash
            .date(order)
            .ok_or(TimeProblem::NotATime)?
            .days_since_epoch();
        if self.decided.is_none() {
            self.decided = Some(Decided::ByDate {
                order,
                value: String::from_utf8_lossy(text).into_owned(),
                line,
            });
        }
        self.remember(date, days);
        Ok(Reading::At(at(days, clock, SYSTEM_OFFSET_MINUTES)))
    }

    /// Keeps a date read and its day number: an ISO date's, or a slash
    /// date's in its file's decided order.
    fn remember(&mut self, date: &[u8], days: i64) {
        let (remembered, remembered_days) = self.last.get_or_insert_with(Default::default);
        remembered.clear();
        remembered.extend_from_slice(date);
        *remembered_days = days;
    }

    fn read_iso(&mut self, text: &[u8]) -> Option<Instant> {
        let (date, rest) = text.split_at(text.len().min(10));
        let days = match &self.last {
            Some((last, days)) if last.as_slice() == date => *days,
            _ => {
                let days = iso_date(date)?.days_since_epoch();
                self.remember(date, days);
                days
            }
        };
        let mut cursor = Cursor(rest);
        let instant = iso_time(&mut cursor, days)?;
        cursor.0.is_empty().then_some(instant)
    }
}

/// `A/B/YYYY`, before its order is known, or `D.M.YYYY`, whose order is.
struct SlashDate {
    first: i64,
    second: i64,
    year: i64,
    /// Written with dots, as spreadsheets in Germany, Switzerland, Poland
    /// and the Nordic countries write a date: always day first.
    dotted: bool,
}

impl SlashDate {
    fn parse(date: &[u8]) -> Option<Self> {
        let mut cursor = Cursor(date);
        let first = cursor.number(1, 2)?;
        let separator = *cursor.0.first()?;
        if separator != b'/' && separator != b'.' {
            return None;
        }
        cursor.expect(separator)?;
        let second = cursor.number(1, 2)?;
        cursor.expect(separator)?;
        let year = cursor.number(4, 4)?;
        // No month and no day is 0, in either order.
        (cursor.0.is_empty() && first != 0 && second != 0).then_some(Self {
            first,
            second,
            year,
            dotted: separator == b'.',
        })
    }

    /// The order this date shows, if it shows one: a number above 12 is
    /// the day. An AM/PM marker shows nothing here: Marketing Cloud writes
    /// one month first, but a spreadsheet in Australia or India re-saves
    /// `25/11/2025 4:30:00 PM` day first with one.
    fn shows(&self) -> Result<Option<DateOrder>, TimeProblem> {
        Ok(match (self.first > 12, self.second > 12) {
            (true, true) => return Err(TimeProblem::NotATime),
            (false, true) => Some(DateOrder::MonthFirst),
            (true, false) => Some(DateOrder::DayFirst),
            (false, false) => None,
        })
    }

    fn date(&self, order: DateOrder) -> Option<Date> {
        let (month, day) = match order {
            DateOrder::MonthFirst => (self.first, self.second),
            DateOrder::DayFirst => (self.second, self.first),
        };
        Date::new(self.year, month, day)
    }

    /// This date waiting for its order; it must be a date either way.
    fn undecided(&self, clock: Clock) -> Undecided {
        let narrow = |value: i64| u8::try_from(value).unwrap_or(u8::MAX);
        Undecided {
            first: narrow(self.first),
            second: narrow(self.second),
            year: i16::try_from(self.year).unwrap_or(i16::MAX),
            millis_since_midnight: i32::try_from(clock.millis_since_midnight()).unwrap_or(i32::MAX),
        }
    }
}

/// What follows a US date: nothing (midnight), or
/// ` h:mm[:ss[.fff]][ AM|PM]`; and whether it has the marker.
fn us_time(cursor: &mut Cursor) -> Option<(Clock, bool)> {
    if cursor.0.is_empty() {
        return Some((Clock::MIDNIGHT, false));
    }
    cursor.spaces()?;
    let mut clock = Clock::parse(cursor)?;
    let mut marked = false;
    if cursor.0.first() == Some(&b' ') {
        cursor.spaces()?;
        clock = clock.with_meridiem(cursor.meridiem()?)?;
        marked = true;
    }
    Some((clock, marked))
}

/// `YYYY-MM-DD`
fn iso_date(date: &[u8]) -> Option<Date> {
    let mut cursor = Cursor(date);
    let year = cursor.number(4, 4)?;
    cursor.expect(b'-')?;
    let month = cursor.number(2, 2)?;
    cursor.expect(b'-')?;
    let day = cursor.number(2, 2)?;
    cursor.0.is_empty().then_some(())?;
    Date::new(year, month, day)
}

/// What follows an ISO date: nothing (midnight), or
/// `(T| )hh:mm[:ss[.fff]][Z|±hh[:?mm]]`.
fn iso_time(cursor: &mut Cursor, days: i64) -> Option<Instant> {
    if cursor.0.is_empty() {
        return Some(at(days, Clock::MIDNIGHT, SYSTEM_OFFSET_MINUTES));
    }
    match cursor.0.first() {
        Some(b'T' | b't' | b' ') => cursor.0 = &cursor.0[1..],
        _ => return None,
    }
    let clock = Clock::parse(cursor)?;
    let offset = match cursor.0.first() {
        None => SYSTEM_OFFSET_MINUTES,
        Some(b'Z' | b'z') => {
            cursor.0 = &cursor.0[1..];
            0
        }
        Some(&sign @ (b'+' | b'-')) => {
            cursor.0 = &cursor.0[1..];
            let hours = cursor.number(2, 2)?;
            if cursor.0.first() == Some(&b':') {
                cursor.0 = &cursor.0[1..];
            }
            let minutes = if cursor.0.is_empty() {
                0
            } else {
                cursor.number(2, 2)?
            };
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = hours * 60 + minutes;
            if sign == b'-' { -offset } else { offset }
        }
        Some(_) => return None,
    };
    Some(at(days, clock, offset))
}

/// The instant of `clock` on the day `days` after 1970-01-01, in a zone
/// `offset_minutes` east of UTC.
fn at(days: i64, clock: Clock, offset_minutes: i64) -> Instant {
    let local = days * MILLIS_PER_DAY + clock.millis_since_midnight();
    Instant(local - offset_minutes * MILLIS_PER_MINUTE)
}

/// The bytes still to read.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    /// A decimal number of `min` to `max` digits.
    fn number(&mut self, min: usize, max: usize) -> Option<i64> {
        let digits = self
            .0
            .iter()
            .take(max)
            .take_while(|byte| byte.is_ascii_digit())
            .count();
        if digits < min {
            return None;
        }
        let value = self.0[..digits]
            .iter()
            .fold(0, |value, digit| value * 10 + i64::from(digit - b'0'));
        self.0 = &self.0[digits..];
        Some(value)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        let (&first, rest) = self.0.split_first()?;
        (first == byte).then(|| self.0 = rest)
    }

    /// One or more spaces.
    fn spaces(&mut self) -> Option<()> {
        let count = self.0.iter().take_while(|&&byte| byte == b' ').count();
        (count > 0).then(|| self.0 = &self.0[count..])
    }

    /// `AM` or `PM` in any case: whether it is PM.
    fn meridiem(&mut self) -> Option<bool> {
        let (word, rest) = self.0.split_at_checked(2)?;
        let pm = match word.to_ascii_uppercase().as_slice() {
            b"AM" => false,
            b"PM" => true,
            _ => return None,
        };
        self.0 = rest;
        Some(pm)
    }
}

/// A time of day, checked.
#[derive(Clone, Copy)]
struct Clock {
    hour: i64,
    minute: i64,
    second: i64,
    millis: i64,
}

impl Clock {
    const MIDNIGHT: Self = Self {
        hour: 0,
        minute: 0,
        second: 0,
        millis: 0,
    };

    /// `h:mm[:ss[.fraction]]`; the fraction is kept to the millisecond.
    fn parse(cursor: &mut Cursor) -> Option<Self> {
        let hour = cursor.number(1, 2)?;
        cursor.expect(b':')?;
        let minute = cursor.number(2, 2)?;
        let mut clock = Self {
            hour,
            minute,
            ..Self::MIDNIGHT
        };
        if cursor.expect(b':').is_some() {
            clock.second = cursor.number(2, 2)?;
            if matches!(cursor.0.first(), Some(b'.' | b',')) {
                cursor.0 = &cursor.0[1..];
                let digits = cursor.0.iter().take_while(|b| b.is_ascii_digit()).count();
                if digits == 0 {
                    return None;
                }
                let kept = &cursor.0[..digits.min(3)];
                let scale = [100, 10, 1];
                clock.millis = kept
                    .iter()
                    .zip(scale)
                    .map(|(digit, scale)| i64::from(digit - b'0') * scale)
                    .sum();
                cursor.0 = &cursor.0[digits..];
            }
        }
        (clock.hour <= 23 && clock.minute <= 59 && clock.second <= 59).then_some(clock)
    }

    /// Reads the hour as a 12-hour clock's: 12 AM is midnight, 12 PM noon.
    fn with_meridiem(self, pm: bool) -> Option<Self> {
        if !(1..=12).contains(&self.hour) {
            return None;
        }
        let hour = self.hour % 12 + if pm { 12 } else { 0 };
        Some(Self { hour, ..self })
    }

    fn millis_since_midnight(self) -> i64 {
        ((self.hour * 60 + self.minute) * 60 + self.second) * 1000 + self.millis
    }
}

#[cfg(test)]
mod tests {
    use super::{Instant, NotATime};

    fn at(text: &str) -> i64 {
        Instant::parse(text)
            .unwrap_or_else(|NotATime| panic!("{text:?} is a time"))
            .unix_millis()
    }

    /// 2021-09-09T19:00:00Z: 1 PM in Marketing Cloud's UTC−6.
    const NINE_SEPT_1PM_CST: i64 = 1_631_214_000_000;

    #[test]
    fn marketing_clouds_us_form_is_read_in_its_system_time() {
        assert_eq!(at("9/9/2021 1:00:00 PM"), NINE_SEPT_1PM_CST);
        assert_eq!(at("09/09/2021 01:00:00 pm"), NINE_SEPT_1PM_CST);
        assert_eq!(at("9/9/2021 13:00:00"), NINE_SEPT_1PM_CST);
        assert_eq!(at("9/9/2021 1:00 PM"), NINE_SEPT_1PM_CST);
        assert_eq!(at("  9/9/2021 1:00:00 PM "), NINE_SEPT_1PM_CST);
    }

    #[test]
    fn noon_and_midnight_order_as_on_a_clock() {
        let order = [
            "9/9/2021 12:00:00 AM",
            "9/9/2021 12:30:00 AM",
            "9/9/2021 1:00:00 AM",
            "9/9/2021 11:59:59 AM",
            "9/9/2021 12:00:00 PM",
            "9/9/2021 12:30:00 PM",
            "9/9/2021 1:00:00 PM",
            "9/9/2021 11:59:59 PM",
            "9/10/2021 12:00:00 AM",
            "10/1/2021 9:00:00 AM",
        ];
        for pair in order.windows(2) {
            assert!(at(pair[0]) < at(pair[1]), "{} < {}", pair[0], pair[1]);
        }
        assert_eq!(at("9/9/2021 12:00:00 AM"), at("2021-09-09T00:00:00"));
        assert_eq!(at("9/9/2021 12:00:00 PM"), at("2021-09-09T12:00:00"));
    }

    #[test]
    fn iso_8601_with_and_without_an_offset() {
        assert_eq!(at("2021-09-09T13:00:00"), NINE_SEPT_1PM_CST);
        assert_eq!(at("2021-09-09 13:00:00"), NINE_SEPT_1PM_CST);
        assert_eq!(at("2021-09-09T19:00:00Z"), NINE_SEPT_1PM_CST);
        assert_eq!(at("2021-09-09T21:00:00+02:00"), NINE_SEPT_1PM_CST);
        assert_eq!(at("2021-09-09T21:00:00+0200"), NINE_SEPT_1PM_CST);
        assert_eq!(at("2021-09-09T17:30:00-01:30"), NINE_SEPT_1PM_CST);
        assert_eq!(at("2021-09-09T19:00Z"), NINE_SEPT_1PM_CST);
        assert_eq!(at("2021-09-09T19:00:00.250Z"), NINE_SEPT_1PM_CST + 250);
        assert_eq!(at("2021-09-09T19:00:00.2Z"), NINE_SEPT_1PM_CST + 200);
        assert_eq!(
            at("2021-09-09T19:00:00.123456789Z"),
            NINE_SEPT_1PM_CST + 123
        );
        assert_eq!(at("1970-01-01T00:00:00Z"), 0);
        assert_eq!(at("1969-12-31T23:59:59Z"), -1000);
        assert_eq!(at("2000-02-29T00:00:00Z"), 951_782_400_000);
    }

    #[test]
    fn a_remembered_date_gives_the_same_instants() {
        let mut reader = super::TimeReader::new(Some(super::DateOrder::MonthFirst));
        for text in [
            "9/9/2021 1:00:00 PM",
            "9/9/2021 2:00:00 AM",
            "9/10/2021",
            "9/9/2021 1:00:00 PM",
        ] {
            let read = reader.read(text.as_bytes(), 1);
            let expected = super::Reading::At(Instant::from_unix_millis(at(text)));
            assert_eq!(read, Ok(expected), "{text}");
        }
        assert!(reader.read(b"9/9/2021 25:00:00", 1).is_err());
        assert!(
            reader.read(b"9/9/2021 1:00:00 PM", 1).is_ok(),
            "an error forgets nothing"
        );
    }

    #[test]
    fn a_day_is_marketing_clouds_day_and_reads_back_as_its_date() {
        // 11:30 PM on 1/31 in Marketing Cloud is 05:30 UTC on 2/1.
        let late = Instant::parse("1/31/2025 11:30:00 PM").expect("a time");
        assert_eq!(
            crate::calendar::date_of_day(late.system_day()),
            "2025-01-31"
        );
        let utc = Instant::parse("2025-02-01T05:59:59Z").expect("a time");
        assert_eq!(utc.system_day(), late.system_day());
        let next = Instant::parse("2025-02-01T06:00:00Z").expect("a time");
        assert_eq!(
            crate::calendar::date_of_day(next.system_day()),
            "2025-02-01"
        );
        let last_millisecond = Instant::from_unix_millis(next.unix_millis() - 1);
        assert_eq!(last_millisecond.system_day(), late.system_day());
        for (text, date) in [
            ("1970-01-01", "1970-01-01"),
            ("1969-12-31", "1969-12-31"),
            ("2000-02-29", "2000-02-29"),
            ("2024-12-31", "2024-12-31"),
            ("9999-12-31", "9999-12-31"),
        ] {
            let day = Instant::parse(text).expect("a date").system_day();
            assert_eq!(crate::calendar::date_of_day(day), date);
        }
    }

    #[test]
    fn a_file_decides_the_order_of_its_slash_dates_with_its_first_telling_date() {
        use super::{Reading, TimeProblem, TimeReader};
        use crate::triage::read::values::date_order::{DateOrder, Decided};

        let mut times = TimeReader::new(None);
        let Ok(Reading::Undecided(waiting)) = times.read(b"05/02/2021 16:30", 2) else {
            panic!("both numbers are 12 or less: undecided");
        };
        assert_eq!(
            times.read(b"25/11/2025 16:30", 3),
            Ok(Reading::At(Instant::from_unix_millis(at(
                "2025-11-25T16:30:00"
            ))))
        );
        assert_eq!(
            times.decided(),
            Some(&Decided::ByDate {
                order: DateOrder::DayFirst,
                value: "25/11/2025 16:30".to_owned(),
                line: 3,
            })
        );
        assert_eq!(
            waiting.at(DateOrder::DayFirst).unix_millis(),
            at("2021-02-05T16:30:00")
        );
        assert_eq!(
            waiting.at(DateOrder::MonthFirst).unix_millis(),
            at("2021-05-02T16:30:00")
        );
        // Now decided: an ambiguous date is read day first, with an AM/PM
        // marker or without, and one that shows the month first is refused.
        assert_eq!(
            times.read(b"05/02/2021 16:30", 4),
            Ok(Reading::At(Instant::from_unix_millis(at(
                "2021-02-05T16:30:00"
            ))))
        );
        assert_eq!(
            times.read(b"2/5/2021 4:30:24 PM", 5),
            Ok(Reading::At(Instant::from_unix_millis(at(
                "2021-05-02T16:30:24"
            ))))
        );
        assert!(matches!(
            times.read(b"11/25/2025 16:30", 6),
            Err(TimeProblem::Contradicts(_))
        ));
        assert_eq!(times.contradictions(), 1);
        // A marker decides nothing while the file is read, but is kept for
        // its end; a number above 12 decides even with one.
        let mut times = TimeReader::new(None);
        assert!(matches!(
            times.read(b"3/1/2022 9:00:37 AM", 2),
            Ok(Reading::Undecided(_))
        ));
        assert_eq!(times.decided(), None);
        assert!(times.marked());
        assert!(matches!(
            times.read(b"25/11/2025 4:30:00 PM", 3),
            Ok(Reading::At(_))
        ));
        assert_eq!(
            times.decided().map(Decided::order),
            Some(DateOrder::DayFirst)
        );
        assert_eq!(
            TimeReader::new(None).read(b"0/5/2021 9:00", 2),
            Err(TimeProblem::NotATime)
        );
        let mut times = TimeReader::new(None);
        assert_eq!(times.read(b"2/30/2021 9:00", 2), Err(TimeProblem::NotATime));
        assert_eq!(times.decided(), None, "a date that is none decides nothing");
        assert_eq!(
            TimeReader::new(None).read(b"13/13/2022 9:00", 2),
            Err(TimeProblem::NotATime)
        );
    }

    #[test]
    fn a_date_alone_is_its_midnight() {
        assert_eq!(at("2021-09-09"), at("2021-09-09T00:00:00"));
        assert_eq!(at("9/9/2021"), at("2021-09-09T00:00:00"));
    }

    #[test]
    fn what_is_not_a_time_is_refused() {
        for text in [
            "",
            "yesterday",
            "13/1/2021 1:00:00 PM",
            "2/30/2021 1:00:00 PM",
            "2/29/2021 1:00:00 PM",
            "9/9/2021 13:00:00 PM",
            "9/9/2021 0:30:00 AM",
            "9/9/2021 1:60:00 PM",
            "9/9/2021 1:00:00 XM",
            "9/9/21 1:00:00 PM",
            "9.9/2021 13:00",
            "30.2.2021 13:00",
            "2021-9-9T13:00:00",
            "2021-09-09T24:00:00",
            "2021-09-09T13:00:00+25:00",
            "2021-09-09T13:00:00 junk",
            "2021-09-09X13:00:00",
            "2021-09-09T13:00:00.",
            "1631214000000",
        ] {
            assert_eq!(Instant::parse(text), Err(NotATime), "{text:?}");
        }
    }
}
