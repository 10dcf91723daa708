//! The `--dialect` of a query: the engine it is written for. The SQL is
//! the same for every engine; only a table name that needs quotes differs,
//! because the engines quote names with different characters.

use std::fmt;

/// An engine that runs the queries, by how it quotes a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// A Marketing Cloud Query Activity (a subset of T-SQL) or SQL Server:
    /// `[name]`. Double quotes name things only while the session's
    /// `QUOTED_IDENTIFIER` is on; brackets always do.
    SqlServer,
    Sqlite,
    Duckdb,
    /// `"name"`, which also makes the name's case count: Snowflake stores
    /// unquoted names in capitals.
    Snowflake,
    /// `` `project.dataset.table` ``: double quotes make a string in
    /// BigQuery, not a name.
    Bigquery,
}

impl Dialect {
    /// Every dialect, with the name `--dialect` gives it.
    pub(crate) const ALL: [(&'static str, Self); 5] = [
        ("sql-server", Self::SqlServer),
        ("sqlite", Self::Sqlite),
        ("duckdb", Self::Duckdb),
        ("snowflake", Self::Snowflake),
        ("bigquery", Self::Bigquery),
    ];

    /// The name `--dialect` gives this dialect.
    pub(crate) fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|&&(_, dialect)| dialect == self)
            .map_or("", |&(name, _)| name)
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
