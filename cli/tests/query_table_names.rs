//! `sms-status query --table NAME --dialect ENGINE`: the names warehouses
//! give their tables, quoted as each engine quotes them. Each form runs in
//! SQLite, which reads T-SQL's brackets, BigQuery's backticks and standard
//! double quotes alike; the text for the engines a test cannot carry is
//! checked exactly. No name can end the query early.

use crate::common;
use crate::sql_engine;

use std::collections::BTreeSet;

use common::sms_status;
use rusqlite::Connection;
use sql_engine::query;

/// A warehouse's copy of the data view: ISO times, one row per message.
const COPY: &str = "tests/fixtures/warehouse-copy.csv";

/// What the copy's lists hold: 15550100001's only message is 4504, while
/// 15550100003's newest is delivered; 15550100004's is 4501, expired.
const SUPPRESS: [&str; 1] = ["15550100001"];
const RETRY: [&str; 1] = ["15550100004"];

/// An in-memory SQLite database with the copy's rows in the table `sql`
/// names, after `setup` (such as attaching a database of that name).
fn warehouse(setup: &str, sql: &str) -> Connection {
    let connection = Connection::open_in_memory().expect("an in-memory database");
    connection.execute_batch(setup).expect("the setup runs");
    connection
        .execute_batch(&format!(
            "CREATE TABLE {sql} (MobileMessageTrackingID INTEGER, Mobile TEXT, \
             CreateDateTime TEXT, SMSStandardStatusCodeId INTEGER)"
        ))
        .expect("the table is created");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(COPY);
    let mut rows = csv::Reader::from_path(&path).expect("the fixture");
    for row in rows.records() {
        let row = row.expect("a fixture row");
        connection
            .execute(
                &format!("INSERT INTO {sql} VALUES (?1, ?2, ?3, ?4)"),
                (&row[0], &row[1], &row[2], &row[3]),
            )
            .expect("a row is inserted");
    }
    connection
}

/// `sms-status query ARGS`: the SQL it prints.
fn generated(args: &[&str]) -> String {
    let mut full = vec!["query"];
    full.extend_from_slice(args);
    let run = sms_status(&full);
    assert_eq!(run.code, 0, "{full:?}: {}", run.stderr);
    run.stdout
}

/// The numbers a list query returns. `prepare` refuses text holding a
/// second statement, so this also shows the name ended nothing early.
fn numbers(connection: &Connection, sql: &str) -> BTreeSet<String> {
    let (_, rows) = query(connection, sql);
    rows.into_iter()
        .map(|row| row[0].clone().expect("a number"))
        .collect()
}

fn set(numbers: &[&str]) -> BTreeSet<String> {
    numbers.iter().map(|&number| number.to_owned()).collect()
}

/// Generates both lists for `table` in `dialect`, checks each names the
/// table as `from`, and runs them in `connection`.
fn assert_lists(connection: &Connection, dialect: &str, table: &str, from: &str) {
    for (list, expected) in [("suppress-list", SUPPRESS), ("retry-list", RETRY)] {
        let sql = generated(&[list, "--dialect", dialect, "--table", table]);
        assert!(
            sql.contains(&format!("\n        FROM {from} AS t\n")),
            "{dialect}: {sql}"
        );
        assert_eq!(
            numbers(connection, &sql),
            set(&expected),
            "{dialect} {list}"
        );
    }
}

#[test]
fn each_dialect_quotes_a_name_that_needs_it_and_the_query_runs() {
    let attach = "ATTACH DATABASE ':memory:' AS \"my-db\";";
    // SQL Server and a Query Activity: a data extension name with spaces.
    let connection = warehouse(attach, "\"my-db\".\"SMS Tracking 2026\"");
    assert_lists(
        &connection,
        "sql-server",
        "my-db.SMS Tracking 2026",
        "[my-db].[SMS Tracking 2026]",
    );
    // SQLite, DuckDB and Snowflake quote alike; Snowflake then matches the
    // quoted part's case exactly, and keeps the plain part in capitals.
    let connection = warehouse(attach, "\"my-db\".\"sms-tracking\"");
    for dialect in ["sqlite", "duckdb", "snowflake"] {
        assert_lists(
            &connection,
            dialect,
            "my-db.sms-tracking",
            "\"my-db\".\"sms-tracking\"",
        );
    }
    // BigQuery: a project id with a dash, the whole path in backticks.
    // SQLite reads the backticks as one name holding the dots, so the
    // table it runs on is named that.
    let connection = warehouse("", "\"my-project.sms.tracking\"");
    assert_lists(
        &connection,
        "bigquery",
        "my-project.sms.tracking",
        "`my-project.sms.tracking`",
    );
}

#[test]
fn the_text_for_each_engine_is_exact() {
    for (dialect, table, from) in [
        ("sql-server", "ENT.SMS Tracking", "ENT.[SMS Tracking]"),
        ("sql-server", "my-db.dbo.sms$copy", "[my-db].dbo.[sms$copy]"),
        (
            "snowflake",
            "ANALYTICS.SMS.1ST_SENDS",
            "ANALYTICS.SMS.\"1ST_SENDS\"",
        ),
        (
            "snowflake",
            "ANALYTICS.SMS.TRACKING$2026",
            "ANALYTICS.SMS.\"TRACKING$2026\"",
        ),
        (
            "bigquery",
            "my-project.sms.tracking",
            "`my-project.sms.tracking`",
        ),
        ("bigquery", "sms.tracking 2026", "`sms.tracking 2026`"),
        (
            "duckdb",
            "lake.main.sms tracking",
            "lake.main.\"sms tracking\"",
        ),
    ] {
        let sql = generated(&["report", "--dialect", dialect, "--table", table]);
        let from_lines: Vec<&str> = sql
            .lines()
            .filter(|line| line.trim_start().starts_with("FROM ") && line.ends_with(" AS t"))
            .collect();
        // Once for the messages with an id, once for the rows without.
        let from = format!("            FROM {from} AS t");
        assert_eq!(from_lines, [from.clone(), from], "{dialect} {table}");
        let command = format!("--dialect {dialect} --table ");
        assert!(
            sql.contains(&command),
            "{dialect}: the comment says how: {sql}"
        );
    }
}

#[test]
fn a_name_of_plain_parts_is_written_as_typed_for_every_engine() {
    let plain = generated(&["retry-list", "--table", "warehouse.sms.tracking"]);
    let body = |sql: &str| sql.split_once("*/\n").expect("a comment").1.to_owned();
    for dialect in ["sql-server", "sqlite", "duckdb", "snowflake", "bigquery"] {
        let sql = generated(&[
            "retry-list",
            "--dialect",
            dialect,
            "--table",
            "warehouse.sms.tracking",
        ]);
        assert_eq!(body(&sql), body(&plain), "{dialect}");
        assert!(sql.contains("FROM warehouse.sms.tracking AS t"), "{sql}");
    }
}

#[test]
fn a_name_that_needs_quotes_asks_for_the_dialect() {
    for (table, part) in [
        ("my-project.sms.tracking", "my-project"),
        ("sms.1st_sends", "1st_sends"),
        ("SMS Tracking", "SMS Tracking"),
        ("t --", "t --"),
    ] {
        let run = sms_status(&["query", "suppress-list", "--table", table]);
        assert_eq!(run.code, 2, "{table}");
        assert!(run.stdout.is_empty(), "{table}");
        assert!(
            run.stderr.contains(&format!(
                "--table: {table:?} needs quotes ({part:?} is not a plain name)"
            )) && run
                .stderr
                .contains("--dialect sql-server, sqlite, duckdb, snowflake or bigquery"),
            "{table}: {}",
            run.stderr
        );
    }
}

#[test]
fn no_name_can_end_the_query_early() {
    // Every engine's quote and escape is refused, in every dialect.
    for table in [
        "t\"; DROP TABLE t; --",
        "t]; DROP TABLE t; --",
        "t`; DROP TABLE t; --",
        "t'; DROP TABLE t; --",
        "t\\",
        "t;",
        "t/*",
        "t\u{2bc}",
    ] {
        for dialect in ["sql-server", "sqlite", "duckdb", "snowflake", "bigquery"] {
            let run = sms_status(&["query", "report", "--dialect", dialect, "--table", table]);
            assert_eq!(run.code, 2, "{dialect} {table}");
            assert!(
                run.stderr
                    .contains(&format!("--table: {table:?} is not a table name")),
                "{dialect} {table}: {}",
                run.stderr
            );
        }
    }
    // What a name may hold stays inside its quotes: a table whose name
    // reads like a comment is read, and nothing after it is lost.
    let name = "x -- DROP TABLE t";
    let connection = warehouse("", "\"x -- DROP TABLE t\"");
    for (dialect, from) in [
        ("sql-server", "[x -- DROP TABLE t]"),
        ("sqlite", "\"x -- DROP TABLE t\""),
        ("bigquery", "`x -- DROP TABLE t`"),
    ] {
        assert_lists(&connection, dialect, name, from);
    }
}

#[test]
fn an_unknown_dialect_gets_a_did_you_mean() {
    let run = sms_status(&["query", "report", "--dialect", "sqlserver"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown dialect \"sqlserver\": did you mean sql-server?"),
        "{}",
        run.stderr
    );
}
