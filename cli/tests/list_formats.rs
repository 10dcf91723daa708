//! `sms-status` and `sms-status list`: every format shows every listed
//! status with the classification the library gives it.

mod common;

use common::sms_status;
use mobileconnect_status::{CodeKind, SmsStatus};

/// The `final` word the table uses, from the library's two answers.
fn final_word(status: SmsStatus) -> &'static str {
    match (
        status.is_final_for(CodeKind::Dedicated),
        status.is_final_for(CodeKind::Shared),
    ) {
        (true, true) => "yes",
        (false, true) => "shared-codes-only",
        (false, false) => "no",
        (true, false) => panic!("{status} is final for dedicated codes only"),
    }
}

fn expected_words(status: SmsStatus) -> Vec<String> {
    vec![
        status.code().to_string(),
        status.name().expect("a listed status").to_owned(),
        status.stage().expect("a listed stage").to_string(),
        status.outcome().to_string(),
        final_word(status).to_owned(),
        status.action().to_string(),
    ]
}

#[test]
fn no_arguments_prints_the_aligned_table() {
    let run = sms_status(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1 + SmsStatus::ALL.len());
    let heading: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        heading,
        ["code", "status", "stage", "outcome", "final", "action"]
    );
    for (line, &status) in lines[1..].iter().zip(SmsStatus::ALL) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words, expected_words(status), "row for {status}");
    }
    // Aligned: every column starts at the same place on every line.
    let status_column = lines[0].find("status").expect("a status heading");
    for line in &lines[1..] {
        assert_eq!(&line[status_column - 2..status_column], "  ", "{line:?}");
        assert_ne!(line.as_bytes()[status_column], b' ', "{line:?}");
    }
    assert_eq!(run.stdout, sms_status(&["list"]).stdout);
    assert_eq!(
        run.stdout,
        sms_status(&["list", "--format", "table"]).stdout
    );
}

#[test]
fn markdown_is_a_table_of_every_status() {
    let run = sms_status(&["list", "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<Vec<&str>> = run
        .stdout
        .lines()
        .map(|line| {
            let inner = line.strip_prefix('|').and_then(|l| l.strip_suffix('|'));
            inner
                .expect("a table row")
                .split('|')
                .map(str::trim)
                .collect()
        })
        .collect();
    assert_eq!(
        rows[0],
        ["code", "status", "stage", "outcome", "final", "action"]
    );
    assert!(
        rows[1]
            .iter()
            .all(|cell| !cell.is_empty() && cell.chars().all(|c| c == '-'))
    );
    assert_eq!(rows.len(), 2 + SmsStatus::ALL.len());
    for (row, &status) in rows[2..].iter().zip(SmsStatus::ALL) {
        assert_eq!(*row, expected_words(status), "row for {status}");
    }
}

#[test]
fn csv_has_every_status_with_its_definition_and_note() {
    let run = sms_status(&["list", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "code",
            "status",
            "definition",
            "stage",
            "outcome",
            "final",
            "action",
            "note"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    assert_eq!(records.len(), SmsStatus::ALL.len());
    for (record, &status) in records.iter().zip(SmsStatus::ALL) {
        let words = expected_words(status);
        assert_eq!(&record[0], words[0]);
        assert_eq!(&record[1], words[1]);
        assert_eq!(&record[2], status.definition().expect("a definition"));
        let classification: Vec<&str> = (3..7).map(|index| &record[index]).collect();
        assert_eq!(classification, words[2..6]);
        assert_eq!(&record[7], status.note().unwrap_or_default());
    }
}

#[test]
fn json_has_every_status_with_both_finalities() {
    let run = sms_status(&["list", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(rows.len(), SmsStatus::ALL.len());
    for (row, &status) in rows.iter().zip(SmsStatus::ALL) {
        assert_eq!(row["code"], status.code());
        assert_eq!(row["status"], status.name().expect("a name"));
        assert_eq!(
            row["definition"],
            status.definition().expect("a definition")
        );
        assert_eq!(row["stage"], status.stage().expect("a stage").as_str());
        assert_eq!(row["outcome"], status.outcome().as_str());
        assert_eq!(row["final"], final_word(status));
        assert_eq!(
            row["final_for_shared_codes"],
            status.is_final_for(CodeKind::Shared)
        );
        assert_eq!(
            row["final_for_dedicated_codes"],
            status.is_final_for(CodeKind::Dedicated)
        );
        assert_eq!(row["action"], status.action().as_str());
        assert_eq!(row["note"].as_str(), status.note());
    }
}

#[test]
fn sql_classifies_every_listed_code_and_unlisted_ones_conservatively() {
    let run = sms_status(&["list", "--format", "sql"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sql = &run.stdout;
    assert!(sql.contains("FROM _SMSMessageTracking AS t"), "{sql}");
    for alias in [
        "SmsStatus",
        "SmsStage",
        "SmsOutcome",
        "SmsFinal",
        "SmsAction",
    ] {
        assert!(
            sql.contains(&format!("END AS {alias}")),
            "no {alias} column in:\n{sql}"
        );
    }
    for &status in SmsStatus::ALL {
        let name = status.name().expect("a name");
        let arm = format!("= {} THEN '{name}'", status.code());
        assert!(sql.contains(&arm), "no arm {arm:?} in:\n{sql}");
        // The code is in exactly one WHEN of each classification column.
        let mentions = sql
            .lines()
            .filter(|line| {
                line.trim_start()
                    .starts_with("WHEN t.SMSStandardStatusCodeId")
            })
            .filter(|line| {
                line.split(|c: char| !c.is_ascii_digit())
                    .any(|number| number == status.code().to_string())
            })
            .count();
        assert_eq!(
            mentions,
            5,
            "code {} in {mentions} WHEN arms",
            status.code()
        );
    }
    let unlisted = SmsStatus::from_code(4510);
    assert!(
        sql.contains(&format!("ELSE '{}'", unlisted.outcome())),
        "{sql}"
    );
    assert!(
        sql.contains(&format!("ELSE '{}'", unlisted.action())),
        "{sql}"
    );
    assert!(sql.contains("WHEN 4 THEN 'handset'"), "{sql}");
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let run = sms_status(&["list", "--format", "xml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("xml"), "{}", run.stderr);
    assert!(
        run.stderr.contains("table, markdown, csv, json or sql"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn an_unknown_command_is_a_usage_error() {
    let run = sms_status(&["lst"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("\"lst\""), "{}", run.stderr);
}
