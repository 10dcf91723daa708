//! The `--table` name: written into the `FROM` clause unquoted, so it is
//! checked to be a name and nothing else.

use std::fmt;
use std::str::FromStr;

/// A table, view or data extension name: parts of ASCII letters, digits
/// and `_`, none starting with a digit, joined by dots
/// (`ENT._SMSMessageTracking`, `warehouse.sms.tracking`). Quoting differs
/// between engines and no quote, space, semicolon or comment marker can
/// pass, so no name can end the query early or add to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TableName(String);

impl TableName {
    /// Marketing Cloud's data view of every SMS message sent.
    pub(crate) fn data_view() -> Self {
        Self("_SMSMessageTracking".to_owned())
    }
}

impl FromStr for TableName {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let allowed = "use letters, digits and _, with dots between database, schema and \
                       table; quoted names are not supported";
        let refuse =
            |reason: String| Err(format!("{text:?} is not a table name: {reason}; {allowed}"));
        if text.is_empty() {
            return refuse("it is empty".to_owned());
        }
        if let Some(bad) = text
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        {
            return refuse(format!("{bad:?} is not allowed"));
        }
        for part in text.split('.') {
            if part.is_empty() {
                return refuse("it has an empty part".to_owned());
            }
            if part.starts_with(|c: char| c.is_ascii_digit()) {
                return refuse(format!("the part {part:?} starts with a digit"));
            }
        }
        Ok(Self(text.to_owned()))
    }
}

impl fmt::Display for TableName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::TableName;

    #[test]
    fn takes_plain_and_qualified_names() {
        for name in [
            "_SMSMessageTracking",
            "ENT._SMSMessageTracking",
            "warehouse.sms.tracking_2026",
        ] {
            assert_eq!(
                name.parse::<TableName>().map(|table| table.to_string()),
                Ok(name.to_owned())
            );
        }
    }

    #[test]
    fn refuses_anything_that_could_change_the_query() {
        for (text, reason) in [
            ("t; DROP TABLE t", "';' is not allowed"),
            ("t --", "' ' is not allowed"),
            ("t/*", "'/' is not allowed"),
            ("[dbo].[t]", "'[' is not allowed"),
            ("`project.t`", "'`' is not allowed"),
            ("\"t\"", "'\"' is not allowed"),
            ("t'", "'\\'' is not allowed"),
            ("my-project.t", "'-' is not allowed"),
            ("#temp", "'#' is not allowed"),
            ("tablé", "'é' is not allowed"),
            ("", "it is empty"),
            ("a..b", "it has an empty part"),
            ("a.", "it has an empty part"),
            ("1t", "the part \"1t\" starts with a digit"),
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
