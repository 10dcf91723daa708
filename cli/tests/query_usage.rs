//! `sms-status query`: its help, what it refuses, and the SQL constructs
//! it keeps out so the text runs unchanged in every engine.

use crate::common;

use common::sms_status;

#[test]
fn query_help_documents_the_outputs_and_options() {
    let run = sms_status(&["query", "--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for text in [
        "sms-status query suppress-list",
        "sms-status query retry-list",
        "sms-status query report",
        "--since YYYY-MM-DD",
        "--table NAME",
        "--dialect ENGINE",
        "--code-kind KIND",
        "shared or dedicated",
        "-h, --help",
    ] {
        assert!(run.stdout.contains(text), "no {text:?} in:\n{}", run.stdout);
    }
    assert_eq!(
        sms_status(&["query", "suppress-list", "-h"]).stdout,
        run.stdout
    );
}

/// Runs `args`, which must be refused as a usage error, and returns stderr.
fn refused(args: &[&str]) -> String {
    let run = sms_status(args);
    assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
    assert!(run.stdout.is_empty(), "{args:?}");
    assert!(
        run.stderr.ends_with("(see sms-status query --help)\n"),
        "{args:?}: {}",
        run.stderr
    );
    run.stderr
}

#[test]
fn a_since_that_is_not_a_calendar_day_is_refused_by_name() {
    for (since, reason) in [
        ("2026-02-30", "February 2026 has 28 days"),
        ("2026-13-01", "there is no month 13"),
        ("2026-3-1", "not a date written YYYY-MM-DD"),
        ("3/1/2026", "not a date written YYYY-MM-DD"),
        ("", "not a date written YYYY-MM-DD"),
        ("1700-01-01", "before 1753-01-01"),
    ] {
        let stderr = refused(&["query", "retry-list", "--since", since]);
        assert!(
            stderr.contains(&format!("--since: {since:?}")) && stderr.contains(reason),
            "{since}: {stderr}"
        );
    }
}

#[test]
fn a_table_name_that_could_change_the_query_is_refused_by_name() {
    for table in [
        "t; DELETE FROM Subscribers",
        "t/*",
        "[dbo].[t]",
        "`project.dataset.t`",
        "t'",
        "",
        "a..b",
    ] {
        let stderr = refused(&["query", "suppress-list", "--table", table]);
        assert!(
            stderr.contains(&format!("--table: {table:?} is not a table name")),
            "{table}: {stderr}"
        );
    }
}

#[test]
fn query_needs_one_known_output() {
    let stderr = refused(&["query", "--since", "2026-03-01"]);
    assert!(
        stderr.contains("query needs what to write: suppress-list, retry-list or report"),
        "{stderr}"
    );
    let stderr = refused(&["query", "supress-list"]);
    assert!(
        stderr.contains("unknown query \"supress-list\": did you mean suppress-list?"),
        "{stderr}"
    );
    let stderr = refused(&["query", "report", "retry-list"]);
    assert!(
        stderr.contains("unexpected argument \"retry-list\""),
        "{stderr}"
    );
    let stderr = refused(&["query", "report", "--code-kind", "short"]);
    assert!(
        stderr.contains("--code-kind: unknown code kind \"short\"")
            && stderr.contains("\"shared\", \"dedicated\""),
        "{stderr}"
    );
    let stderr = refused(&["query", "report", "--sinse", "2026-03-01"]);
    assert!(stderr.contains("did you mean --since?"), "{stderr}");
}

/// Constructs some engine lacks or reads differently: variables, `WITH`,
/// temporary tables, more than one statement, `ORDER BY` (refused by a
/// Query Activity without `TOP`), integer division, and quoted names.
const NOT_PORTABLE: [&str; 10] = [
    "DECLARE", "@", "WITH ", "#", "INTO", ";", "TOP ", " / ", "[", "`",
];

#[test]
fn every_query_is_one_portable_select() {
    for args in [
        &["query", "suppress-list"][..],
        &[
            "query",
            "retry-list",
            "--since",
            "2026-03-01",
            "--table",
            "ENT._SMSMessageTracking",
        ],
        &["query", "report", "--code-kind", "shared"],
        &["list", "--format", "sql"],
    ] {
        let run = sms_status(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let (comment, sql) = run
            .stdout
            .split_once("*/\n")
            .unwrap_or_else(|| panic!("{args:?}: no leading comment"));
        assert!(comment.starts_with("/* "), "{args:?}");
        assert!(sql.starts_with("SELECT"), "{args:?}: {sql}");
        for construct in NOT_PORTABLE {
            assert!(
                !sql.contains(construct),
                "{args:?}: {construct:?} in:\n{sql}"
            );
        }
        let order_by = sql.matches("ORDER BY").count();
        let over = sql.matches("OVER (").count();
        assert_eq!(order_by, over, "{args:?}: ORDER BY outside OVER in:\n{sql}");
    }
}
