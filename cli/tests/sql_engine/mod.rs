//! Running the SQL `sms-status` writes in SQLite, the engine a test can
//! carry: a table shaped like `_SMSMessageTracking`, and a query's rows as
//! text.

use mobileconnect_status::{CodeKind, Finality, SmsStatus};
use rusqlite::Connection;
use rusqlite::types::Value;

/// One row of the tracking table; `None` is SQL `NULL`.
#[derive(Clone, Debug)]
pub(crate) struct TrackingRow {
    pub(crate) id: Option<i64>,
    pub(crate) mobile: Option<String>,
    /// ISO text, `YYYY-MM-DD HH:MM:SS`: how a warehouse copy holds it.
    pub(crate) created: Option<String>,
    pub(crate) code: Option<i64>,
}

/// An in-memory database with `rows` in a table `name` that has the data
/// view's column names. SQLite has no date-time type: `CreateDateTime` is
/// ISO text, which the generated SQL must compare correctly too.
pub(crate) fn tracking_table(name: &str, rows: &[TrackingRow]) -> Connection {
    let connection = Connection::open_in_memory().expect("an in-memory SQLite database");
    connection
        .execute(
            &format!(
                "CREATE TABLE {name} (
                    MobileMessageTrackingID INTEGER,
                    Mobile TEXT,
                    CreateDateTime TEXT,
                    SMSStandardStatusCodeId INTEGER
                )"
            ),
            [],
        )
        .expect("the tracking table is created");
    let mut insert = connection
        .prepare(&format!("INSERT INTO {name} VALUES (?1, ?2, ?3, ?4)"))
        .expect("the insert statement compiles");
    for row in rows {
        insert
            .execute((row.id, &row.mobile, &row.created, row.code))
            .expect("a row is inserted");
    }
    drop(insert);
    connection
}

/// The column names and rows `sql` returns, each value as text (`None` for
/// `NULL`). `prepare` refuses text holding more than one statement, so this
/// also checks the SQL is a single `SELECT`.
pub(crate) fn query(connection: &Connection, sql: &str) -> (Vec<String>, Vec<Vec<Option<String>>>) {
    let mut statement = connection
        .prepare(sql)
        .unwrap_or_else(|error| panic!("SQLite rejects the SQL: {error}\n{sql}"));
    let columns: Vec<String> = statement
        .column_names()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let width = columns.len();
    let rows = statement
        .query_map([], |row| {
            (0..width)
                .map(|index| row.get::<_, Value>(index).map(as_text))
                .collect()
        })
        .expect("the query runs")
        .collect::<Result<Vec<Vec<Option<String>>>, _>>()
        .expect("every row reads");
    (columns, rows)
}

/// What the classification columns `SmsStatus`, `SmsStage`, `SmsOutcome`,
/// `SmsFinal` and `SmsAction` must say of `status`, from the library;
/// `finality` is `SmsFinal`'s word.
pub(crate) fn classification(status: SmsStatus, finality: Finality) -> Vec<Option<String>> {
    vec![
        status.name().map(str::to_owned),
        status.stage().map(|stage| stage.as_str().to_owned()),
        Some(status.outcome().as_str().to_owned()),
        Some(finality.as_str().to_owned()),
        Some(status.action().as_str().to_owned()),
    ]
}

/// The classification of `status` for messages sent from a code of
/// `kind`, as triage reads it: a status final for the kind is no longer
/// pending (unknown, with nothing to wait for), and `SmsFinal` is yes or no.
pub(crate) fn classification_for(status: SmsStatus, kind: CodeKind) -> Vec<Option<String>> {
    let mut words = classification(status, finality_for(status, kind));
    if status.is_pending() && status.is_final_for(kind) {
        words[2] = Some("unknown".to_owned());
        words[4] = Some("none".to_owned());
    }
    words
}

/// `SmsFinal` for one kind of code: yes or no.
pub(crate) fn finality_for(status: SmsStatus, kind: CodeKind) -> Finality {
    if status.is_final_for(kind) {
        Finality::Yes
    } else {
        Finality::No
    }
}

fn as_text(value: Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Integer(integer) => Some(integer.to_string()),
        Value::Real(real) => Some(real.to_string()),
        Value::Text(text) => Some(text),
        Value::Blob(bytes) => Some(format!("{bytes:?}")),
    }
}
