//! The library's classification as SQL expressions over a code column,
//! read from `SmsStatus::ALL` and the library's rule for unlisted codes,
//! never written by hand.

use std::io::{self, Write};

use mobileconnect_status::{CodeKind, Finality, SmsStatus, Stage};

use super::literal::text;
use crate::words;

/// The classification columns `SmsStatus`, `SmsStage`, `SmsOutcome`,
/// `SmsFinal` and `SmsAction` of the status in `code`, each a `CASE`
/// column, separated by commas. With a `kind`, they read the status for
/// messages sent from that kind of code (see `code_kind`), `SmsFinal` as
/// yes or no; without, they are the table's own words.
pub(crate) fn write_classification(
    out: &mut impl Write,
    code: &str,
    kind: Option<CodeKind>,
) -> io::Result<()> {
    let unlisted = first_unlisted();
    write_case(
        out,
        code,
        "SmsStatus",
        |s| s.name().unwrap_or_default(),
        "NULL",
    )?;
    writeln!(out, ",")?;
    write_case(out, code, "SmsStage", words::stage, &unlisted_stage(code))?;
    writeln!(out, ",")?;
    let outcome = |s: SmsStatus| match kind {
        Some(kind) => s.finality().outcome_for(s.outcome(), kind).as_str(),
        None => s.outcome().as_str(),
    };
    write_case(out, code, "SmsOutcome", outcome, &text(outcome(unlisted)))?;
    writeln!(out, ",")?;
    let finality = |s: SmsStatus| match kind {
        Some(kind) if s.is_final_for(kind) => Finality::Yes.as_str(),
        Some(_) => Finality::No.as_str(),
        None => s.finality().as_str(),
    };
    write_case(out, code, "SmsFinal", finality, &text(finality(unlisted)))?;
    writeln!(out, ",")?;
    let action = |s: SmsStatus| match kind {
        Some(kind) => s
            .finality()
            .action_for(s.outcome(), s.action(), kind)
            .as_str(),
        None => s.action().as_str(),
    };
    write_case(out, code, "SmsAction", action, &text(action(unlisted)))
}

/// `CASE WHEN code IN (…) THEN 'value' … ELSE fallback END AS alias`, one
/// `WHEN` per distinct value, in the order the table first uses it, laid
/// out as a column of a top-level `SELECT`. `unlisted` is the `ELSE`.
fn write_case(
    out: &mut impl Write,
    code: &str,
    alias: &str,
    value: impl Fn(SmsStatus) -> &'static str,
    unlisted: &str,
) -> io::Result<()> {
    let mut groups: Vec<(&str, Vec<u16>)> = Vec::new();
    for &status in SmsStatus::ALL {
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
            text(word)
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
pub(crate) fn first_unlisted() -> SmsStatus {
    (0..=u16::MAX)
        .map(SmsStatus::from_code)
        .find(|status| !status.is_recognized())
        .expect("the table lists fewer than 65536 codes")
}

/// The stage of an unlisted `code`: it depends only on the thousands
/// digit, so the library is asked for one unlisted code in each block of a
/// thousand, and each block with a stage becomes a range test.
fn unlisted_stage(code: &str) -> String {
    let arms: Vec<String> = (0..=u16::MAX / 1000)
        .filter_map(|block| {
            let start = u32::from(block) * 1000;
            let stage = (start..start + 1000)
                .filter_map(|code| u16::try_from(code).ok())
                .map(SmsStatus::from_code)
                .find(|status| !status.is_recognized())
                .and_then(SmsStatus::stage)?;
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
