//! `query suppress-list` and `query retry-list`: the numbers whose newest
//! message ended on a status calling for the list's action.

use std::io::{self, Write};

use mobileconnect_status::Action;

use super::QueryOptions;
use super::newest::{write_comment, write_ranked};
use crate::sql::first_unlisted;
use crate::status_table::{Status, StatusTable};

const CODE: &str = "newest.SMSStandardStatusCodeId";

/// Writes the list query for `action`. The list is the same for either
/// code kind: the status that is final only for shared codes (2000) calls
/// for waiting, which puts a number in no list.
pub(super) fn write(
    action: Action,
    options: &QueryOptions,
    table: &StatusTable,
    out: &mut impl Write,
) -> io::Result<()> {
    let listed: Vec<u16> = table
        .listed()
        .filter(|status| status.action() == action)
        .map(Status::code)
        .collect();
    let codes: Vec<String> = listed.iter().map(u16::to_string).collect();
    let purpose = format!(
        "The {action} list: the mobile numbers whose newest message ended on {}, \
         the statuses whose action is {action} ({}).",
        codes.join(", "),
        action.meaning()
    );
    let destination = "a text field Mobile, its primary key: each number is returned once";
    write_comment(out, &purpose, options, table, destination)?;
    writeln!(out, "SELECT newest.Mobile\nFROM (")?;
    write_ranked(out, options, "    ")?;
    writeln!(out, ") AS newest\nWHERE newest.NewestFirst = 1")?;
    let all: Vec<u16> = table.listed().map(Status::code).collect();
    let unlisted_too = first_unlisted(table).action() == action;
    writeln!(out, "    AND {}", membership(&listed, unlisted_too, &all))
}

/// Whether the newest message's code calls for the list's action: one of
/// the `listed` codes that do, or, when `unlisted_too` (the library gives
/// every unlisted code one action, `investigate` today), any code that is
/// not one of `all` the table lists.
fn membership(listed: &[u16], unlisted_too: bool, all: &[u16]) -> String {
    let codes = |codes: &[u16]| {
        let codes: Vec<String> = codes.iter().map(u16::to_string).collect();
        codes.join(", ")
    };
    let mut tests = Vec::new();
    if !listed.is_empty() {
        tests.push(format!("{CODE} IN ({})", codes(listed)));
    }
    if unlisted_too {
        tests.push(format!("{CODE} NOT IN ({})", codes(all)));
    }
    match tests.as_slice() {
        [] => "1 = 0".to_owned(),
        [test] => test.clone(),
        _ => format!("({})", tests.join(" OR ")),
    }
}

#[cfg(test)]
mod tests {
    use super::membership;

    #[test]
    fn tests_listed_codes_and_unlisted_ones_when_they_share_the_action() {
        let all = [2000, 2502, 4000];
        assert_eq!(
            membership(&[2502], false, &all),
            "newest.SMSStandardStatusCodeId IN (2502)"
        );
        assert_eq!(
            membership(&[2502], true, &all),
            "(newest.SMSStandardStatusCodeId IN (2502) \
             OR newest.SMSStandardStatusCodeId NOT IN (2000, 2502, 4000))"
        );
        assert_eq!(
            membership(&[], true, &all),
            "newest.SMSStandardStatusCodeId NOT IN (2000, 2502, 4000)"
        );
        assert_eq!(membership(&[], false, &all), "1 = 0");
    }
}
