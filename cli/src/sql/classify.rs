//! The table's classification as SQL expressions over a code column, read
//! from the status table in use and the library's rule for unlisted codes,
//! never written by hand.

use std::io::{self, Write};

use mobileconnect_status::{CodeKind, Finality, Stage};

use super::literal::text;
use crate::status_table::{Status, StatusTable};
use crate::words;

/// The classification columns `SmsStatus`, `SmsStage`, `SmsOutcome`,
/// `SmsFinal` and `SmsAction` of the status in `code`, each a `CASE`
/// column, separated by commas. With a `kind`, they read the status for
/// messages sent from that kind of code (see `code_kind`), `SmsFinal` as
/// yes or no; without, they are the table's own words.
pub(crate) fn write_classification(
    out: &mut impl Write,
    table: &StatusTable,
    code: &str,
    kind: Option<CodeKind>,
) -> io::Result<()> {
    let unlisted = first_unlisted(table);
    let name = |s: Status| s.name().unwrap_or_default().to_owned();
    write_case(out, table, code, "SmsStatus", name, "NULL")?;
    writeln!(out, ",")?;
    let stage = |s: Status| words::stage(s.stage()).to_owned();
    let unlisted_stage = unlisted_stage(table, code);
    write_case(out, table, code, "SmsStage", stage, &unlisted_stage)?;
    writeln!(out, ",")?;
    let outcome = |s: Status| match kind {
        Some(kind) => s.classification().outcome_for(kind).as_str().to_owned(),
        None => s.outcome().as_str().to_owned(),
    };
    let otherwise = text(&outcome(unlisted));
    write_case(out, table, code, "SmsOutcome", outcome, &otherwise)?;
    writeln!(out, ",")?;
    let finality = |s: Status| {
        match kind {
            Some(kind) if s.is_final_for(kind) => Finality::Yes.as_str(),
            Some(_) => Finality::No.as_str(),
            None => s.finality().as_str(),
        }
        .to_owned()
    };
    let otherwise = text(&finality(unlisted));
    write_case(out, table, code, "SmsFinal", finality, &otherwise)?;
    writeln!(out, ",")?;
    let action = |s: Status| match kind {
        Some(kind) => s.classification().action_for(kind).as_str().to_owned(),
        None => s.action().as_str().to_owned(),
    };
    let otherwise = text(&action(unlisted));
    write_case(out, table, code, "SmsAction", action, &otherwise)
}

/// `CASE WHEN code IN (…) THEN 'value' … ELSE fallback END AS alias`, one
/// `WHEN` per distinct value, in the order the table first uses it, laid
/// out as a column of a top-level `SELECT`. `unlisted` is the `ELSE`.
fn write_case(
    out: &mut impl Write,
    table: &StatusTable,
    code: &str,
    alias: &str,
    value: impl Fn(Status) -> String,
    unlisted: &str,
) -> io::Result<()> {
    let mut groups: Vec<(String, Vec<u16>)> = Vec::new();
    for status in table.listed() {
        let word = value(status);
        match groups.iter_mut().find(|(seen, _)| *seen == word) {
            Some((_, codes)) => codes.push(status.code()),
            None => groups.push((word, vec![status.code()])),
        }
    }
    writeln!(out, "    CASE\n        WHEN {code} IS NULL THEN NULL")?;
    for (word, codes) in groups {
        writeln!(
            out,
            "        WHEN {code} {} THEN {}",
            code_test(&codes),
            text(&word)
        )?;
    }
    write!(out, "        ELSE {unlisted}\n    END AS {alias}")
}

/// `= 4000` or `IN (2502, 4504, 4505)`: whether a code is one of `codes`.
fn code_test(codes: &[u16]) -> String {
    if let [code] = codes {
        format!("= {code}")
    } else {
        let codes: Vec<String> = codes.iter().map(u16::to_string).collect();
        format!("IN ({})", codes.join(", "))
    }
}

/// Some code the table does not list; every unlisted code shares its
/// outcome, finality and action.
pub(crate) fn first_unlisted(table: &StatusTable) -> Status<'_> {
    // A table lists at most 20,000 codes, so one of the first 20,001 is
    // unlisted; the last code stands in only to keep this total.
    (0..=u16::MAX)
        .map(|code| table.status(code))
        .find(|status| !status.is_listed())
        .unwrap_or_else(|| table.status(u16::MAX))
}

/// The stage of an unlisted `code`: it depends only on the thousands
/// digit, so the table is asked for one unlisted code in each block of a
/// thousand, and each block with a stage becomes a range test.
fn unlisted_stage(table: &StatusTable, code: &str) -> String {
    let arms: Vec<String> = (0..=u16::MAX / 1000)
        .filter_map(|block| {
            let start = u32::from(block) * 1000;
            let stage = (start..start + 1000)
                .filter_map(|code| u16::try_from(code).ok())
                .map(|code| table.status(code))
                .find(|status| !status.is_listed())
                .and_then(Status::stage)?;
            Some(format!(
                "\n            WHEN {code} >= {start} AND {code} < {} THEN {}",
                start + 1000,
                text(Stage::as_str(stage))
            ))
        })
        .collect();
    if arms.is_empty() {
        return "NULL".to_owned();
    }
    format!("CASE{}\n            ELSE NULL\n        END", arms.concat())
}
