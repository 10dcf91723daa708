//! `query report`: how many numbers' newest message ended on each status,
//! with the status's classification, like triage's report.

use std::io::{self, Write};

use super::QueryOptions;
use super::newest::{write_comment, write_ranked};
use crate::sql::write_classification;
use crate::status_table::StatusTable;

const CODE: &str = "counts.SMSStandardStatusCodeId";

/// Writes the report query: one row per status some number ended on.
/// Rows come in no order: a Query Activity refuses `ORDER BY` without
/// `TOP`, and a data extension keeps none.
pub(super) fn write(
    options: &QueryOptions,
    table: &StatusTable,
    out: &mut impl Write,
) -> io::Result<()> {
    let kind = options.code_kind;
    let purpose = format!(
        "How many mobile numbers' newest message ended on each status, with the \
         status's classification for a message sent from a {kind} code: SmsFinal \
         says whether it is final, and a status final for it is not pending."
    );
    let destination = "the fields SMSStandardStatusCodeId (number, the primary key), \
                       SmsStatus, SmsStage, SmsOutcome, SmsFinal and SmsAction (text, 50 \
                       characters) and Numbers (number)";
    write_comment(out, &purpose, options, table, destination)?;
    writeln!(out, "SELECT\n    {CODE},")?;
    write_classification(out, table, CODE, Some(kind))?;
    writeln!(out, ",\n    counts.Numbers")?;
    writeln!(
        out,
        "FROM (\n    \
         SELECT\n        \
         newest.SMSStandardStatusCodeId,\n        \
         COUNT(*) AS Numbers\n    \
         FROM ("
    )?;
    write_ranked(out, options, "        ")?;
    writeln!(
        out,
        "    ) AS newest\n    \
         WHERE newest.NewestFirst = 1\n    \
         GROUP BY newest.SMSStandardStatusCodeId\n\
         ) AS counts"
    )
}
