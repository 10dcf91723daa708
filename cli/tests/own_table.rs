//! Every command on a table of the user's own (`--codes FILE`,
//! `SMS_STATUS_CODES`): the example gateway's table adds 4600
//! `BlockedByOurGateway`, a failure whose action is to suppress the number,
//! which the built-in table does not list.

use crate::common;
use crate::sql_engine;

use common::{json_report, read, scratch, scratch_file, sms_status};
use sql_engine::{TrackingRow, query, tracking_table};

/// The example crate's table, from the CLI's directory, where tests run.
const GATEWAY_TABLE: &str = "../examples/my-gateway/my-codes.toml";

/// A message ending on 4600 to one number and a delivered one to another.
const EXTRACT: &str = "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId\n\
    300,15550100007,10/2/2026 2:03:11 PM,4600\n\
    301,15550100008,10/1/2026 9:00:00 AM,4000\n";

#[test]
fn explain_says_what_the_table_of_ones_own_says_of_its_code() {
    let run = sms_status(&["--codes", GATEWAY_TABLE, "explain", "4600"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("4600 BlockedByOurGateway\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("outcome: failed"), "{}", run.stdout);
    assert!(
        run.stdout.contains("action:  suppress-number"),
        "{}",
        run.stdout
    );
    // By its name too, which only that table knows.
    let by_name = sms_status(&["--codes", GATEWAY_TABLE, "explain", "blockedbyourgateway"]);
    assert_eq!(by_name.stdout, run.stdout, "{}", by_name.stderr);

    let built_in = sms_status(&["explain", "4600"]);
    assert!(
        built_in.stdout.starts_with("4600: not in this table"),
        "{}",
        built_in.stdout
    );
}

#[test]
fn the_environment_variable_names_the_table_as_the_option_does() {
    let run = with_variable(GATEWAY_TABLE, &["explain", "4600"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("4600 BlockedByOurGateway\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn triage_suppresses_a_number_whose_message_ended_on_a_code_of_ones_own() {
    let input = scratch_file("own-table.csv", EXTRACT);
    let input = input.to_str().expect("a UTF-8 path");
    let suppress = scratch("own-table-suppress.txt");
    let list = suppress.to_str().expect("a UTF-8 path");

    let (report, run) = json_report(&[input, "--suppress-list", list]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(read(&suppress), "", "the built-in table lists no 4600");
    assert_eq!(report["actions"]["investigate"], 1, "{report}");

    let page = scratch("own-table.html");
    let mut args = vec!["--codes", GATEWAY_TABLE, "triage", "--format", "json"];
    args.extend([input, "--suppress-list", list]);
    args.extend(["--html", page.to_str().expect("a UTF-8 path")]);
    let run = sms_status(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(read(&suppress), "15550100007\n");
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("a JSON report");
    assert_eq!(report["actions"]["suppress-number"], 1, "{report}");
    assert_eq!(
        report["failure_codes"][0]["status"], "BlockedByOurGateway",
        "{report}"
    );
    assert!(read(&page).contains("BlockedByOurGateway"));
}

#[test]
fn query_lists_a_number_whose_message_ended_on_a_code_of_ones_own() {
    let rows = [
        ("15550100007", 4600),
        ("15550100008", 4000),
        ("15550100009", 4504),
    ]
    .map(|(mobile, code)| TrackingRow {
        id: Some(code),
        mobile: Some(mobile.to_owned()),
        created: Some("2026-10-02 14:03:11".to_owned()),
        code: Some(code),
    });
    let connection = tracking_table("_SMSMessageTracking", &rows);
    let numbers = |args: &[&str]| {
        let run = sms_status(args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let (_, rows) = query(&connection, &run.stdout);
        let mut numbers: Vec<String> = rows.into_iter().filter_map(|row| row[0].clone()).collect();
        numbers.sort_unstable();
        numbers
    };
    assert_eq!(numbers(&["query", "suppress-list"]), ["15550100009"]);
    // The comment says how to generate the query again: with the table.
    let run = sms_status(&["--codes", GATEWAY_TABLE, "query", "suppress-list"]);
    let comment: String = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        comment.contains(&format!(
            "`sms-status --codes {GATEWAY_TABLE} query suppress-list`"
        )),
        "{}",
        run.stdout
    );
    assert_eq!(
        numbers(&["--codes", GATEWAY_TABLE, "query", "suppress-list"]),
        ["15550100007", "15550100009"]
    );
}

#[test]
fn a_table_with_a_mistake_stops_the_command_before_it_reads_or_writes_anything() {
    let own = std::fs::read_to_string(GATEWAY_TABLE_FROM_TESTS).expect("the example table");
    let misspelt = own.replacen(
        "action = \"suppress-number\"",
        "action = \"supress-number\"",
        1,
    );
    assert_ne!(misspelt, own);
    let table = scratch_file("own-table-misspelt.toml", &misspelt);
    let suppress = scratch_file("own-table-kept.txt", "15550100001\n");
    let run = sms_status(&[
        "--codes",
        table.to_str().expect("a UTF-8 path"),
        "triage",
        "no-such-input.csv",
        "--suppress-list",
        suppress.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // check's message, with the line and column of the word, and the fix.
    let line = misspelt
        .lines()
        .position(|line| line.contains("supress-number"))
        .expect("the misspelt line")
        + 1;
    assert!(
        run.stderr
            .contains(&format!(":{line}:10: unknown action \"supress-number\"")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("suppress-number"), "{}", run.stderr);
    assert!(
        run.stderr.contains("has 1 mistake; fix it"),
        "{}",
        run.stderr
    );
    // Neither the input (which does not exist) nor the output was touched.
    assert!(!run.stderr.contains("no-such-input.csv"), "{}", run.stderr);
    assert_eq!(read(&suppress), "15550100001\n");
}

/// [`GATEWAY_TABLE`] from the test process's own directory.
const GATEWAY_TABLE_FROM_TESTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/my-gateway/my-codes.toml"
);

#[test]
fn check_without_a_file_checks_the_table_the_other_commands_would_use() {
    let run = sms_status(&["--codes", GATEWAY_TABLE, "check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("../examples/my-gateway/my-codes.toml: no mistakes"),
        "{}",
        run.stdout
    );
}

#[test]
fn codes_after_the_command_says_where_it_goes() {
    let run = sms_status(&["explain", "--codes", GATEWAY_TABLE, "4600"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("sms-status --codes FILE COMMAND"),
        "{}",
        run.stderr
    );
    let run = sms_status(&["--codes", "-", "list"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("standard input is for the inputs"),
        "{}",
        run.stderr
    );
    let run = sms_status(&["--codes", "", "list"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("--codes: expected the file of a status table, found an empty name"),
        "{}",
        run.stderr
    );
}

/// A table of one row, 4600: 4000 Delivered is not in it.
const ONE_ROW: &str = "[[status]]\ncode = 4600\nname = \"BlockedByOurGateway\"\n\
    definition = \"Our gateway refused the number.\"\nstage = \"send-service\"\n\
    outcome = \"failed\"\nfinal = \"yes\"\naction = \"suppress-number\"\n";

/// `sms-status ARGS` with `SMS_STATUS_CODES` set to `codes`.
fn with_variable(codes: &str, args: &[&str]) -> common::Run {
    let output = common::binary()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("SMS_STATUS_CODES", codes)
        .output()
        .expect("sms-status runs");
    common::Run {
        stdout: String::from_utf8(output.stdout).expect("UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8"),
        code: output.status.code().expect("an exit code"),
    }
}

#[test]
fn names_only_the_table_of_ones_own_has_are_read_and_the_built_in_ones_it_lacks_are_bad_rows() {
    let table = scratch_file("own-table-one-row.toml", ONE_ROW);
    let table = table.to_str().expect("a UTF-8 path");
    let deliveries = scratch_file(
        "own-table-deliveries.json",
        r#"{"tracking": [
            {"mobileNumber": "15550100007", "standardStatusCode": "BlockedByOurGateway"},
            {"mobileNumber": "15550100008", "standardStatusCode": "Delivered"}
        ]}"#,
    );
    let extract = scratch_file(
        "own-table-names.csv",
        "Mobile,SMSStandardStatusCodeId\n15550100009,blockedbyourgateway\n\
         15550100010,Delivered\n,4600\n",
    );
    let suppress = scratch("own-table-names-suppress.txt");
    let run = sms_status(&[
        "--codes",
        table,
        "triage",
        deliveries.to_str().expect("a UTF-8 path"),
        extract.to_str().expect("a UTF-8 path"),
        "--suppress-list",
        suppress.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(read(&suppress), "15550100007\n15550100009\n");
    let messages = common::messages(&run);
    assert!(
        messages
            .iter()
            .any(|line| line.contains("own-table-deliveries.json:3")
                && line.contains("\"Delivered\" is not a status of the table in use")),
        "{}",
        run.stderr
    );
    assert!(
        messages
            .iter()
            .any(|line| line.contains("own-table-names.csv:3")
                && line.contains(&format!(
                    "\"Delivered\" is not a status of the table in use, {table} (--codes)"
                ))),
        "{}",
        run.stderr
    );
    // A bad row names its status as the table in use does.
    assert!(
        messages
            .iter()
            .any(|line| line.contains("own-table-names.csv:4")
                && line.contains("status 4600 BlockedByOurGateway has no recipient")),
        "{}",
        run.stderr
    );
}

#[test]
fn triage_never_writes_over_the_table_it_classifies_with() {
    let table = scratch_file("own-table-kept.toml", ONE_ROW);
    let input = scratch_file("own-table-input.csv", EXTRACT);
    for output in ["--suppress-list", "--retry-list", "--html"] {
        let run = sms_status(&[
            "--codes",
            table.to_str().expect("a UTF-8 path"),
            "triage",
            input.to_str().expect("a UTF-8 path"),
            output,
            table.to_str().expect("a UTF-8 path"),
        ]);
        assert_eq!(run.code, 2, "{output}: {}", run.stderr);
        assert!(
            run.stderr.contains("the status table --codes names"),
            "{output}: {}",
            run.stderr
        );
        assert_eq!(read(&table), ONE_ROW, "{output}");
    }
}

#[test]
fn the_option_wins_over_the_variable_and_an_empty_variable_names_no_table() {
    let table = scratch_file("own-table-variable.toml", ONE_ROW);
    let table = table.to_str().expect("a UTF-8 path");
    let run = with_variable(table, &["--codes", GATEWAY_TABLE, "explain", "4000"]);
    assert!(run.stdout.starts_with("4000 Delivered\n"), "{}", run.stdout);
    let run = with_variable(table, &["explain", "4000"]);
    assert!(
        run.stdout.starts_with("4000: not in this table"),
        "{}",
        run.stdout
    );
    let run = with_variable("", &["explain", "4000"]);
    assert!(run.stdout.starts_with("4000 Delivered\n"), "{}", run.stdout);
}

#[test]
fn a_table_that_cannot_be_read_is_named_with_what_named_it() {
    let run = sms_status(&["--codes", "no-such-table.toml", "list"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("cannot read the status table no-such-table.toml")
            && run.stderr.contains("with --codes"),
        "{}",
        run.stderr
    );
    let run = with_variable("no-such-table.toml", &["list"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("with SMS_STATUS_CODES"),
        "{}",
        run.stderr
    );
    let run = with_variable("-", &["triage", "-"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("SMS_STATUS_CODES: expected the file of a status table"),
        "{}",
        run.stderr
    );
    let run = sms_status(&["--codes", GATEWAY_TABLE, "--codes", GATEWAY_TABLE, "list"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--codes is given twice"),
        "{}",
        run.stderr
    );
}

#[test]
fn every_list_format_and_the_report_query_hold_the_code_of_ones_own() {
    for format in ["table", "markdown", "csv", "json", "sql"] {
        let run = sms_status(&["--codes", GATEWAY_TABLE, "list", "--format", format]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert!(run.stdout.contains("BlockedByOurGateway"), "{format}");
        let built_in = sms_status(&["list", "--format", format]);
        assert!(!built_in.stdout.contains("BlockedByOurGateway"), "{format}");
    }
    let run = sms_status(&["--codes", GATEWAY_TABLE, "query", "report"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("'BlockedByOurGateway'"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_table_whose_path_holds_a_comment_end_still_gives_sql_that_runs() {
    let folder = scratch("own-table-a*");
    std::fs::create_dir_all(&folder).expect("a folder");
    let table = folder.join("my codes.toml");
    std::fs::write(&table, ONE_ROW).expect("a table");
    let table = table.to_str().expect("a UTF-8 path");
    let connection = tracking_table("_SMSMessageTracking", &[]);
    for args in [
        &["--codes", table, "query", "suppress-list"][..],
        &["--codes", table, "list", "--format", "sql"][..],
    ] {
        let run = sms_status(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        // One statement, its comment whole: SQLite refuses anything else.
        let (_, rows) = query(&connection, &run.stdout);
        assert!(rows.is_empty(), "{args:?}");
    }
}
