//! The `--table` name: checked part by part, then written into the `FROM`
//! clause as every engine reads it, or, where a part needs quotes, quoted
//! as the `--dialect` quotes names. No part can hold a quote of any
//! engine, so no name can end the query early or add to it.

use std::fmt;
use std::str::FromStr;

use super::dialect::Dialect;

/// A table, view or data extension name as typed: parts joined by dots
/// (`ENT._SMSMessageTracking`, `warehouse.sms.tracking`,
/// `my-project.sms.tracking`, `SMS Tracking Archive`). A part holds ASCII
/// letters, digits, `_`, `-`, `$` and spaces between them: what
/// warehouses' names and Marketing Cloud's data extension names use.
/// ASCII only: an engine that converts query text to a code page may turn
/// a look-alike character into a quote (SQL Server's "best fit" mapping
/// reads U+02BC `ʼ` as `'`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TableName(String);

impl TableName {
    /// Marketing Cloud's data view of every SMS message sent.
    pub(crate) fn data_view() -> Self {
        Self("_SMSMessageTracking".to_owned())
    }

    /// The name as typed, for messages; the query writes it through
    /// [`Table`], never as it is.
    pub(crate) fn as_typed(&self) -> &str {
        &self.0
    }

    fn parts(&self) -> impl Iterator<Item = &str> {
        self.0.split('.')
    }

    /// The first part that only quotes make a name.
    fn first_quoted_part(&self) -> Option<&str> {
        self.parts().find(|part| !is_plain(part))
    }

    /// The name as a shell reads it back: in single quotes when it holds
    /// a space or a `$`; no name holds a `'`.
    fn for_shell(&self) -> String {
        if self
            .0
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        {
            self.0.clone()
        } else {
            format!("'{}'", self.0)
        }
    }
}

/// A part that every engine reads as a name without quotes: a letter or
/// `_`, then letters, digits and `_`.
fn is_plain(part: &str) -> bool {
    part.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl FromStr for TableName {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let allowed = "use letters, digits, _, -, $ and spaces, with dots between database, \
                       schema and table, and no quotes: they are added as the --dialect needs";
        let refuse =
            |reason: String| Err(format!("{text:?} is not a table name: {reason}; {allowed}"));
        if text.is_empty() {
            return refuse("it is empty".to_owned());
        }
        if let Some(bad) = text
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '$' | ' ' | '.')))
        {
            return refuse(format!("{bad:?} is not allowed"));
        }
        for part in text.split('.') {
            if part.is_empty() {
                return refuse("it has an empty part".to_owned());
            }
            if part.starts_with(' ') || part.ends_with(' ') {
                return refuse(format!("the part {part:?} starts or ends with a space"));
            }
        }
        Ok(Self(text.to_owned()))
    }
}

/// The table a query reads, as its `FROM` clause names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Table {
    name: TableName,
    dialect: Option<Dialect>,
    /// The name as SQL; made only by [`Table::new`].
    sql: String,
}

/// A name with a part that only quotes make a name, and no `--dialect` to
/// say which quotes.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct NeedsQuotes {
    pub(crate) part: String,
}

impl Table {
    /// `name` in the query's text: as typed when every part is plain, so
    /// that one query runs everywhere and Snowflake still reads the name
    /// in capitals; else with the parts that need it quoted for `dialect`.
    pub(crate) fn new(name: TableName, dialect: Option<Dialect>) -> Result<Self, NeedsQuotes> {
        let sql = match (name.first_quoted_part(), dialect) {
            (None, _) => name.0.clone(),
            (Some(part), None) => {
                return Err(NeedsQuotes {
                    part: part.to_owned(),
                });
            }
            // The whole path in one pair, as BigQuery's own examples
            // write a project id with a `-`.
            (Some(_), Some(Dialect::Bigquery)) => format!("`{}`", name.0),
            (Some(_), Some(Dialect::SqlServer)) => quoted_parts(&name, '[', ']'),
            (Some(_), Some(Dialect::Sqlite | Dialect::Duckdb | Dialect::Snowflake)) => {
                quoted_parts(&name, '"', '"')
            }
        };
        Ok(Self { name, dialect, sql })
    }

    /// The `sms-status query` options that name this table, none for the
    /// data view: `--dialect bigquery`, `--table my-project.sms.tracking`.
    pub(crate) fn options(&self) -> Vec<String> {
        let mut options = Vec::new();
        if let Some(dialect) = self.dialect {
            options.push(format!("--dialect {dialect}"));
        }
        if self.name != TableName::data_view() {
            options.push(format!("--table {}", self.name.for_shell()));
        }
        options
    }
}

/// Each part of `name` that is not plain between `open` and `close`.
fn quoted_parts(name: &TableName, open: char, close: char) -> String {
    let parts: Vec<String> = name
        .parts()
        .map(|part| {
            if is_plain(part) {
                part.to_owned()
            } else {
                format!("{open}{part}{close}")
            }
        })
        .collect();
    parts.join(".")
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sql)
    }
}

#[cfg(test)]
mod tests {
    use super::{Dialect, NeedsQuotes, Table, TableName};

    fn sql(name: &str, dialect: Option<Dialect>) -> Result<String, NeedsQuotes> {
        let name = name.parse::<TableName>().expect(name);
        Table::new(name, dialect).map(|table| table.to_string())
    }

    #[test]
    fn plain_names_are_written_as_typed_in_every_dialect() {
        for name in [
            "_SMSMessageTracking",
            "ENT._SMSMessageTracking",
            "warehouse.sms.tracking_2026",
        ] {
            assert_eq!(sql(name, None), Ok(name.to_owned()));
            for (_, dialect) in Dialect::ALL {
                assert_eq!(sql(name, Some(dialect)), Ok(name.to_owned()));
            }
        }
    }

    #[test]
    fn other_names_are_quoted_as_each_dialect_quotes() {
        let name = "my-project.sms.tracking";
        for (dialect, quoted) in [
            (Dialect::SqlServer, "[my-project].sms.tracking"),
            (Dialect::Sqlite, "\"my-project\".sms.tracking"),
            (Dialect::Duckdb, "\"my-project\".sms.tracking"),
            (Dialect::Snowflake, "\"my-project\".sms.tracking"),
            (Dialect::Bigquery, "`my-project.sms.tracking`"),
        ] {
            assert_eq!(sql(name, Some(dialect)), Ok(quoted.to_owned()), "{dialect}");
        }
        assert_eq!(
            sql("ENT.SMS Tracking 2026", Some(Dialect::SqlServer)),
            Ok("ENT.[SMS Tracking 2026]".to_owned())
        );
        assert_eq!(
            sql("analytics.1st_sends", Some(Dialect::Snowflake)),
            Ok("analytics.\"1st_sends\"".to_owned())
        );
    }

    #[test]
    fn a_name_that_needs_quotes_needs_a_dialect() {
        assert_eq!(
            sql("my-project.sms.tracking", None),
            Err(NeedsQuotes {
                part: "my-project".to_owned()
            })
        );
        assert_eq!(
            sql("sms.tracking$2026", None),
            Err(NeedsQuotes {
                part: "tracking$2026".to_owned()
            })
        );
    }

    #[test]
    fn the_command_line_names_the_dialect_and_quotes_for_the_shell() {
        let table =
            |name: &str, dialect| Table::new(name.parse().expect(name), dialect).expect("a table");
        assert_eq!(
            table("_SMSMessageTracking", None).options(),
            Vec::<String>::new()
        );
        assert_eq!(
            table("my-project.sms.tracking", Some(Dialect::Bigquery)).options(),
            ["--dialect bigquery", "--table my-project.sms.tracking"]
        );
        assert_eq!(
            table("SMS Archive$1", Some(Dialect::SqlServer)).options(),
            ["--dialect sql-server", "--table 'SMS Archive$1'"]
        );
    }

    #[test]
    fn refuses_anything_that_could_change_the_query() {
        for (text, reason) in [
            ("t; DROP TABLE t", "';' is not allowed"),
            ("t/*", "'/' is not allowed"),
            ("[dbo].[t]", "'[' is not allowed"),
            ("t]", "']' is not allowed"),
            ("`project.t`", "'`' is not allowed"),
            ("\"t\"", "'\"' is not allowed"),
            ("t'", "'\\'' is not allowed"),
            ("t\\", "'\\\\' is not allowed"),
            ("t\n", "'\\n' is not allowed"),
            ("#temp", "'#' is not allowed"),
            ("tablé", "'é' is not allowed"),
            ("t\u{2bc}", "'ʼ' is not allowed"),
            ("", "it is empty"),
            ("a..b", "it has an empty part"),
            ("a.", "it has an empty part"),
            (
                "sms. tracking",
                "the part \" tracking\" starts or ends with a space",
            ),
        ] {
            let error = text.parse::<TableName>().expect_err(text);
            assert!(
                error.starts_with(&format!(
                    "{text:?} is not a table name: {reason}; use letters"
                )),
                "{text}: {error}"
            );
        }
    }
}
