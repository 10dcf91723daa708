//! `sms-status` and `sms-status list`: every format shows every listed
//! status with the classification the library gives it.

use crate::common;

use std::collections::BTreeMap;

use common::sms_status;
use mobileconnect_status::{CodeKind, SmsStatus};

/// The `final` column of the published classification, written out here
/// rather than derived from the library, so the CLI is not compared with
/// itself.
const PUBLISHED_FINAL: [(u16, &str); 20] = [
    (1000, "no"),
    (1500, "yes"),
    (1501, "yes"),
    (2000, "shared-codes-only"),
    (2500, "yes"),
    (2501, "yes"),
    (2502, "yes"),
    (2600, "yes"),
    (2601, "yes"),
    (3000, "no"),
    (3001, "no"),
    (3002, "no"),
    (3400, "yes"),
    (4000, "yes"),
    (4500, "yes"),
    (4501, "yes"),
    (4502, "yes"),
    (4503, "yes"),
    (4504, "yes"),
    (4505, "yes"),
];

/// The `final` word for a listed status, from [`PUBLISHED_FINAL`].
fn final_word(status: SmsStatus) -> &'static str {
    let published = PUBLISHED_FINAL
        .iter()
        .find(|&&(code, _)| code == status.code());
    match published {
        Some(&(_, word)) => word,
        None => panic!(
            "code {} is in the table but not in PUBLISHED_FINAL: add its published finality",
            status.code()
        ),
    }
}

#[test]
fn the_published_finalities_are_all_in_the_table() {
    for (code, _) in PUBLISHED_FINAL {
        assert!(SmsStatus::from_code(code).is_recognized(), "{code}");
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
        // The two booleans agree with the published word.
        let (shared, dedicated) = match final_word(status) {
            "yes" => (true, true),
            "shared-codes-only" => (true, false),
            _ => (false, false),
        };
        assert_eq!(row["final_for_shared_codes"], shared);
        assert_eq!(row["final_for_dedicated_codes"], dedicated);
        assert_eq!(status.is_final_for(CodeKind::Shared), shared);
        assert_eq!(status.is_final_for(CodeKind::Dedicated), dedicated);
        assert_eq!(row["action"], status.action().as_str());
        assert_eq!(row["note"].as_str(), status.note());
    }
}

/// One `CASE … END AS alias` column of the generated query.
struct CaseColumn {
    /// The value each code's `WHEN` gives it.
    values: BTreeMap<u16, String>,
    /// Codes named by more than one `WHEN`.
    repeated: Vec<u16>,
    /// Everything from `ELSE` up to `END AS`, lines trimmed, joined by
    /// single spaces.
    fallback: String,
}

/// The query's top-level `CASE` columns by alias, read line by line from
/// the layout `list --format sql` writes: `CASE` and `END AS` indented by
/// four spaces, their `WHEN`s and `ELSE` by eight.
fn case_columns(sql: &str) -> BTreeMap<String, CaseColumn> {
    let mut columns = BTreeMap::new();
    let mut lines = sql.lines();
    while let Some(line) = lines.next() {
        if line != "    CASE" {
            continue;
        }
        let mut column = CaseColumn {
            values: BTreeMap::new(),
            repeated: Vec::new(),
            fallback: String::new(),
        };
        let mut in_else = false;
        for line in lines.by_ref() {
            if let Some(alias) = line.strip_prefix("    END AS ") {
                columns.insert(alias.trim_end_matches(',').to_owned(), column);
                break;
            }
            if let Some(fallback) = line.strip_prefix("        ELSE ") {
                in_else = true;
                fallback.clone_into(&mut column.fallback);
            } else if in_else {
                column.fallback.push(' ');
                column.fallback.push_str(line.trim());
            } else {
                let when = line
                    .strip_prefix("        WHEN t.SMSStandardStatusCodeId ")
                    .unwrap_or_else(|| panic!("not a WHEN arm: {line:?}"));
                let (test, value) = when.split_once(" THEN ").expect("THEN");
                let codes: Vec<u16> = if test == "IS NULL" {
                    assert_eq!(value, "NULL");
                    continue;
                } else if let Some(code) = test.strip_prefix("= ") {
                    vec![code.parse().expect("a code")]
                } else {
                    let list = test
                        .strip_prefix("IN (")
                        .and_then(|list| list.strip_suffix(')'))
                        .unwrap_or_else(|| panic!("unexpected test {test:?}"));
                    list.split(", ")
                        .map(|code| code.parse().expect("a code"))
                        .collect()
                };
                for code in codes {
                    if column.values.insert(code, value.to_owned()).is_some() {
                        column.repeated.push(code);
                    }
                }
            }
        }
    }
    columns
}

#[test]
fn sql_classifies_every_listed_code_and_unlisted_ones_conservatively() {
    let run = sms_status(&["list", "--format", "sql"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sql = &run.stdout;
    assert!(sql.contains("FROM _SMSMessageTracking AS t"), "{sql}");
    let columns = case_columns(sql);
    let aliases: Vec<&str> = columns.keys().map(String::as_str).collect();
    assert_eq!(
        aliases,
        [
            "SmsAction",
            "SmsFinal",
            "SmsOutcome",
            "SmsStage",
            "SmsStatus"
        ],
        "{sql}"
    );
    for (alias, column) in &columns {
        assert!(
            column.repeated.is_empty(),
            "{alias}: codes in two WHENs: {:?}",
            column.repeated
        );
        let codes: Vec<u16> = column.values.keys().copied().collect();
        let listed: Vec<u16> = SmsStatus::ALL.iter().map(|status| status.code()).collect();
        assert_eq!(
            codes, listed,
            "{alias} classifies every listed code, no other"
        );
    }
    for &status in SmsStatus::ALL {
        let code = status.code();
        let words = expected_words(status);
        let quoted = |word: &str| format!("'{word}'");
        for (alias, word) in [
            ("SmsStatus", &words[1]),
            ("SmsStage", &words[2]),
            ("SmsOutcome", &words[3]),
            ("SmsFinal", &words[4]),
            ("SmsAction", &words[5]),
        ] {
            assert_eq!(
                columns[alias].values[&code],
                quoted(word),
                "{alias} of {code}"
            );
        }
    }
    // What the published classification gives a code it does not list:
    // stage from the thousands digit (1 to 4, else none), outcome unknown,
    // not final, action investigate.
    let fallback = |alias: &str| columns[alias].fallback.as_str();
    assert_eq!(fallback("SmsStatus"), "NULL");
    assert_eq!(
        fallback("SmsStage"),
        "CASE \
         WHEN t.SMSStandardStatusCodeId >= 1000 AND t.SMSStandardStatusCodeId < 2000 THEN 'send-service' \
         WHEN t.SMSStandardStatusCodeId >= 2000 AND t.SMSStandardStatusCodeId < 3000 THEN 'aggregator' \
         WHEN t.SMSStandardStatusCodeId >= 3000 AND t.SMSStandardStatusCodeId < 4000 THEN 'carrier' \
         WHEN t.SMSStandardStatusCodeId >= 4000 AND t.SMSStandardStatusCodeId < 5000 THEN 'handset' \
         ELSE NULL END"
    );
    assert_eq!(fallback("SmsOutcome"), "'unknown'");
    assert_eq!(fallback("SmsFinal"), "'no'");
    assert_eq!(fallback("SmsAction"), "'investigate'");
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
